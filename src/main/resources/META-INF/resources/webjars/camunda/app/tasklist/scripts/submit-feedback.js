// Tasklist custom script: what a person sees after pressing Start or Complete on a Camunda Form.
//
// Refused: the server answers 400 with one plain sentence and the key of the field to change
// (config/EngineRestErrors). Tasklist shows the sentence in its red notification only; this script
// also puts it under the field itself, as a form-js error of that field, and scrolls to it. The
// error goes at the person's next edit of any field (the problem may lie in how two fields fit
// together), and the server checks the next submission again.
//
// Started: Tasklist closes the dialog and shows a short "started" notice. When the new flow has a
// case reference (the process instance's business key) this script adds a confirmation that stays
// until dismissed: "NL-2026-0011 started. Next: Inform the delegated safeguarding partners and
// senior leads, in My groups' tasks", with a link to the task when the person may do it.

import { withFormJs } from './formjs-form.js';

const SUBMIT = /^(.*)\/(process-definition|task)\/[^/]+\/submit-form$/;
const CONFIRMATION_ID = 'cspr-started';
const status = (window.csprSubmitFeedback = { tracking: false });
const forms = new Set();

// Forms on the page -------------------------------------------------------------------------------

withFormJs('cspr-submit-feedback', Form => {
  if (!Form || Form.prototype.importSchema.csprTracked) {
    return;
  }
  const importSchema = Form.prototype.importSchema;
  const tracked = function (...args) {
    forms.add(this);
    return importSchema.apply(this, args);
  };
  tracked.csprTracked = true;
  Form.prototype.importSchema = tracked;
  status.tracking = true;
});

function shownForms() {
  for (const form of [...forms]) {
    if (!form._container || !form._container.isConnected) {
      forms.delete(form);
    }
  }
  return [...forms];
}

// A refusal next to its field -------------------------------------------------------------------

/** "children[2].ethnicity" → { key: "ethnicity", list: "children", index: 1 }. */
function parseField(field) {
  const entry = /^(\w+)\[(\d+)]\.(\w+)$/.exec(field);
  return entry ? { key: entry[3], list: entry[1], index: Number(entry[2]) - 1 } : { key: field };
}

function findField(form, { key, list }) {
  const registry = form.get('formFieldRegistry');
  return registry.getAll().find(field => {
    if (field.key !== key) {
      return false;
    }
    const parent = field._parent && registry.get(field._parent);
    return list ? !!parent && parent.isRepeating && parent.path === list : !(parent && parent.isRepeating);
  });
}

function withoutServerErrors(form, errors) {
  const kept = { ...errors };
  (form.csprServerErrors || []).forEach(id => delete kept[id]);
  return kept;
}

/** The next edit of any field clears the server's error (form-js then validates as usual). */
function clearOnNextEdit(form) {
  if (form.csprClearsServerErrors) {
    return;
  }
  form.csprClearsServerErrors = true;
  const update = form._update;
  form._update = function (...args) {
    if (this.csprServerErrors && this.csprServerErrors.length) {
      this._state = { ...this._state, errors: withoutServerErrors(this, this._state.errors || {}) };
      this.csprServerErrors = [];
    }
    return update.apply(this, args);
  };
}

function showNextToField(field, message) {
  const place = parseField(field);
  for (const form of shownForms()) {
    const target = findField(form, place);
    if (!target) {
      continue;
    }
    const errors = withoutServerErrors(form, form._getState().errors || {});
    if (place.list) {
      const items = [];
      items[place.index] = [message];
      errors[target.id] = items;
    } else {
      errors[target.id] = [message];
    }
    form.csprServerErrors = [target.id];
    clearOnNextEdit(form);
    form._setState({ errors });
    setTimeout(() => {
      const shown = form._container.querySelector('.fjs-form-field-error');
      const fieldElement = shown && shown.closest('.fjs-form-field');
      if (fieldElement) {
        fieldElement.scrollIntoView({ block: 'center' });
      }
    });
    return true;
  }
  return false;
}

// A start confirmed -----------------------------------------------------------------------------

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))));
}

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The first open task of the instance the person may do (candidate or assignee), else any they can see. */
async function nextStep(api, instanceId) {
  const user = await getJson('/camunda/api/admin/auth/user/default').catch(() => null);
  const query = `${api}/task?processInstanceId=${encodeURIComponent(instanceId)}&sortBy=created&sortOrder=asc`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine = user && user.userId
      ? await getJson(`${query}&candidateUser=${encodeURIComponent(user.userId)}&includeAssignedTasks=true`).catch(() => [])
      : [];
    if (mine.length) {
      const task = mine[0];
      return { task, place: task.assignee === user.userId ? 'My tasks' : "My groups' tasks" };
    }
    const visible = await getJson(query).catch(() => []);
    if (visible.length) {
      return { task: visible[0], place: null };
    }
    await pause(1000); // the flow may still be on its way to the first task
  }
  return { task: null, place: null };
}

/** "NL-2026-0011 · Inform the partners — due 4 Dec 2026" → "Inform the partners (due 4 Dec 2026)". */
function stepName(taskName, reference) {
  const plain = taskName.startsWith(reference + ' · ') ? taskName.substring(reference.length + 3) : taskName;
  return plain.replace(/ — due (.+)$/, ' (due $1)');
}

function confirm(reference, next) {
  const old = document.getElementById(CONFIRMATION_ID);
  if (old) {
    old.remove();
  }
  const box = document.createElement('div');
  box.id = CONFIRMATION_ID;
  box.className = 'alert alert-success';
  box.setAttribute('role', 'status');
  box.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:2000;max-width:720px;' +
    'box-shadow:0 2px 8px rgba(0,0,0,.3)';

  const text = document.createElement('span');
  text.className = 'cspr-started-text';
  let sentence = `${reference} started.`;
  if (next.task) {
    sentence += ` Next: ${stepName(next.task.name || '', reference)}${next.place ? `, in ${next.place}` : ''}.`;
  } else {
    sentence += ' Next: the partnership\'s team takes it from here; its tasks show in their Tasklist.';
  }
  text.textContent = sentence;
  box.appendChild(text);

  if (next.task && next.place) {
    const open = document.createElement('a');
    open.className = 'cspr-started-open';
    open.href = `#/?task=${encodeURIComponent(next.task.id)}`;
    open.textContent = ' Open it';
    open.style.marginLeft = '0.5em';
    open.addEventListener('click', () => box.remove());
    box.appendChild(open);
  }

  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.style.marginLeft = '1em';
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);

  document.body.appendChild(box);
}

// Watching the submissions -------------------------------------------------------------------------

function answered(xhr, api, kind) {
  let body;
  try {
    body = JSON.parse(xhr.responseText);
  } catch (e) {
    return;
  }
  if (xhr.status === 400 && body && typeof body.field === 'string' && typeof body.message === 'string') {
    showNextToField(body.field, body.message);
  } else if (xhr.status === 200 && kind === 'process-definition' && body && body.businessKey) {
    nextStep(api, body.id).then(next => confirm(body.businessKey, next));
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
if (!open.csprWatched) {
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const path = new URL(String(url), window.location.href).pathname;
    const submit = String(method).toUpperCase() === 'POST' && SUBMIT.exec(path);
    this.csprSubmit = submit ? { api: submit[1], kind: submit[2] } : null;
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.open.csprWatched = true;
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.csprSubmit) {
      const { api, kind } = this.csprSubmit;
      this.addEventListener('load', () => answered(this, api, kind));
    }
    return send.apply(this, args);
  };
}
