// The form-js viewer's Form class inside Tasklist, for the Tasklist custom scripts that adjust it.
// form-js is not global: it is reached through the webpack runtime of lib/deps.js (a chunk pushed
// with a runtime callback receives webpack's require).

const FORM_JS_MODULE_7_24 = '57661'; // @bpmn-io/form-js in Camunda 7.24.0's lib/deps.js

function isViewerForm(Form) {
  return typeof Form === 'function' && ['_setState', '_getState', 'validate', 'submit', 'importSchema']
    .every(method => typeof Form.prototype[method] === 'function');
}

function formFrom(require, id) {
  try {
    const Form = require(id).Form;
    return isViewerForm(Form) ? Form : null;
  } catch (e) {
    return null;
  }
}

/** The form-js viewer's Form class: by its module id in 7.24.0, else by searching the modules. */
function findForm(require) {
  if (require.m[FORM_JS_MODULE_7_24]) {
    const Form = formFrom(require, FORM_JS_MODULE_7_24);
    if (Form) {
      return Form;
    }
  }
  for (const id of Object.keys(require.m)) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (source.includes('_getSubmitData') && source.includes('importSchema')) {
      const Form = formFrom(require, id);
      if (Form) {
        return Form;
      }
    }
  }
  return null;
}

/** Calls use(Form) once the webpack runtime is there, or use(null) if the Form class is not found. */
export function withFormJs(name, use) {
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (chunks && typeof chunks.push === 'function') {
    chunks.push([[name], {}, require => use(findForm(require))]);
  }
}
