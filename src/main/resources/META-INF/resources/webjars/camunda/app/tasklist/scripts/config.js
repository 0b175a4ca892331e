// Tasklist configuration (overrides the webjar's default config.js: its only setting, the keyboard
// shortcuts, is kept below). customScripts paths are relative to /camunda/app/tasklist/.
export default {
  // form-js 1.8 (bundled in Tasklist 7.24) keeps the Start/Complete button of any Camunda Form with
  // a dynamic list disabled for good (bpmn-io/form-js#1494), and its date pickers take the month/day
  // order of the browser's locale (mm/dd/yyyy in US English): see each script for its fix.
  // submit-feedback: a refusal under its field, a started case's reference and next step;
  // case-letters: the task's case and its letters in a "Case" tab
  customScripts: ['scripts/formjs-dynamiclist-fix', 'scripts/english-dates', 'scripts/submit-feedback',
    'scripts/case-letters'],

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
