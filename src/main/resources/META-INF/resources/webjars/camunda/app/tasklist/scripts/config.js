// Tasklist configuration (overrides the webjar's default config.js: its only setting, the keyboard
// shortcuts, is kept below). customScripts paths are relative to /camunda/app/tasklist/.
export default {
  // form-js 1.8 (bundled in Tasklist 7.24) keeps the Start/Complete button of any Camunda Form with
  // a dynamic list disabled for good (bpmn-io/form-js#1494): see the script for the fix
  customScripts: ['scripts/formjs-dynamiclist-fix', 'scripts/case-letters'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
