// Tasklist custom script: lets users submit Camunda Forms that contain a form-js dynamic list.
//
// Cause: Tasklist 7.24 disables Start/Complete while Object.keys(errors) of form-js's "changed"
// event is not empty. form-js 1.8 validates an edited field with set(errors, [fieldId, ...indexes],
// undefined) when it is valid: outside a list that deletes the entry, inside a list it leaves an
// empty array behind (errors = { Field_age: [ <empty> ] }), so a list field once edited keeps the
// button disabled although nothing is wrong (bpmn-io/form-js#1494). Errors of a removed list item
// stay behind the same way.
//
// Fix: the form-js Form's _setState (which every error change goes through, before "changed" is
// fired) keeps only real errors: non-empty message lists of list items that still exist. The
// button then follows the errors the user sees. Nothing is weakened: Tasklist validates the whole
// form again on Start/Complete (form.submit()), and the server validates every submission.
//
// form-js's Form class is found by formjs-form.js. Remove this script once Tasklist bundles a
// form-js with the fix; it does nothing if the Form class cannot be found or is already fixed.

import { withFormJs } from './formjs-form.js';

const status = (window.csprFormJsFix = { patched: false });

function isObject(value) {
  return value !== null && typeof value === 'object';
}

/** The repeating (dynamic list) ancestors of a field, outermost first. */
function listsAround(field, fields) {
  const lists = [];
  for (let parent = field._parent && fields.get(field._parent); parent; parent = parent._parent && fields.get(parent._parent)) {
    if (parent.isRepeating) {
      lists.unshift(parent);
    }
  }
  return lists;
}

/** Whether the list items addressed by indexes [i1, ..., ik] still exist in data. */
function itemExists(lists, indexes, data, paths) {
  const known = {};
  for (let level = 0; level < lists.length && level < indexes.length; level++) {
    let items = data;
    for (const key of paths.getValuePath(lists[level], { indexes: known })) {
      items = isObject(items) ? items[key] : undefined;
    }
    const index = Number(indexes[level]);
    if (!Array.isArray(items) || !(index < items.length)) {
      return false;
    }
    known[lists[level].id] = index;
  }
  return true;
}

/**
 * Only real errors: an error list is kept if it has a message; an object or array of errors
 * (per list item) is kept if something in it is kept. `exists(path)` drops the errors of removed
 * list items. Returns undefined if nothing is left.
 */
function realErrors(errors, path, exists) {
  if (!isObject(errors)) {
    return undefined;
  }
  const messages = Array.isArray(errors) && errors.some(message => message !== undefined && message !== null && !isObject(message));
  if (messages) {
    return exists(path) ? errors : undefined;
  }
  const kept = Array.isArray(errors) ? [] : {};
  let any = false;
  Object.keys(errors).forEach(key => {
    const value = realErrors(errors[key], path.concat(key), exists);
    if (value !== undefined) {
      kept[key] = value;
      any = true;
    }
  });
  return any ? kept : undefined;
}

function existenceCheck(form, data) {
  try {
    const fields = form.get('formFieldRegistry');
    const paths = form.get('pathRegistry');
    return ([id, ...indexes]) => {
      try {
        const field = fields.get(id);
        return !field || indexes.length === 0 || itemExists(listsAround(field, fields), indexes, data, paths);
      } catch (e) {
        return true; // when in doubt, keep the error
      }
    };
  } catch (e) {
    return () => true;
  }
}

function patch(Form) {
  const setState = Form.prototype._setState;
  if (setState.csprDynamicListFix) {
    return;
  }
  const fixed = function (state) {
    if (state && isObject(state.errors)) {
      const data = 'data' in state ? state.data : (this._getState() || {}).data;
      state = { ...state, errors: realErrors(state.errors, [], existenceCheck(this, data)) || {} };
    }
    return setState.call(this, state);
  };
  fixed.csprDynamicListFix = true;
  Form.prototype._setState = fixed;
  status.patched = true;
}

withFormJs('cspr-formjs-dynamiclist-fix', Form => {
  if (Form) {
    patch(Form);
  } else {
    console.warn('cspr: form-js Form not found; dynamic lists may keep Start/Complete disabled (bpmn-io/form-js#1494)');
  }
});
