// "Case" tab of a task in Tasklist (issue 14.7; Camunda 7.24 frontend plugin API, plugin point
// tasklist.task.detail; plain ES module, no libraries). The person doing a task sees which case it
// belongs to, the case's documents and its letters and e-mails (what, to whom, when sent, status); each letter
// opens as PDF in a new browser tab. Data: GET /api/tasks/{taskId}/case and
// GET /api/cases/{caseReference}/correspondence, called with the Tasklist login session; the server
// answers only for a case the user may read (a task of theirs, or their partnership's flows).
// All data goes into the page as text nodes or attributes, never as HTML.
// The tab links to the full case page (/cases/{caseReference}, issue 18.1), which reads the case
// with the same session; to show more here, add a section to SECTIONS.
// Documents (issue 18.2): Tasklist's forms have no file field, so this tab lists the case's
// documents (GET /api/cases/{caseReference}, its documents[]) with download links, and adds one to
// the task's step: POST /api/cases/{caseReference}/documents (multipart: file, taskId) with the
// session's CSRF token in X-XSRF-TOKEN, as Tasklist sends with each change (the server takes the
// login session for this upload only with that token).

import { apiRoot, dateTime, DOCUMENT_TYPES, el, fileSize } from '../../../../scripts/page.js';

const STATUS = {
  QUEUED: 'Waiting to be sent',
  SENT: 'Sent',
  FAILED: 'Not sent yet: the last attempt failed and will be retried'
};

async function getJson(path) {
  const response = await fetch(apiRoot() + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (response.status === 404) {
    throw new Error('You may not see this case, or it no longer exists.');
  }
  if (!response.ok) {
    throw new Error('The server could not answer (status ' + response.status + '). Please try again later.');
  }
  return response.json();
}

function addresses(message) {
  return el('div', {},
    message.to.map(address => el('div', {}, address)),
    message.cc.length ? el('div', { class: 'text-muted' }, 'Copy to: ' + message.cc.join(', ')) : '');
}

function letterLinks(message) {
  if (message.attachments.length === 0) {
    return el('div', { class: 'text-muted' }, 'E-mail only, no letter');
  }
  return el('ul', { class: 'list-unstyled', style: 'margin:0' }, message.attachments.map(letter =>
    el('li', {}, el('a', {
      class: 'cspr-letter', href: letter.url, target: '_blank', rel: 'noopener', title: 'Opens the letter (PDF) in a new tab'
    }, letter.name.endsWith('.pdf') && letter.title !== letter.name ? letter.title + ' (PDF)' : letter.title))));
}

function lettersSection(found) {
  const section = el('section', { class: 'cspr-case-letters' }, el('h4', {}, 'Letters and e-mails'), el('p', {}, 'Loading…'));
  getJson('/api/cases/' + encodeURIComponent(found.caseReference) + '/correspondence')
    .then(messages => section.replaceChildren(el('h4', {}, 'Letters and e-mails'), messages.length === 0
      ? el('p', { class: 'cspr-no-letters' }, 'No letters or e-mails have been sent for this case yet.')
      : el('table', { class: 'table table-condensed cspr-letters' },
        el('thead', {}, el('tr', {}, ['E-mail and letters', 'To', 'Sent', 'Status'].map(title => el('th', {}, title)))),
        el('tbody', {}, messages.slice().reverse().map(message => el('tr', { 'data-status': message.status },
          el('td', {}, el('div', {}, el('strong', {}, message.subject)), letterLinks(message)),
          el('td', {}, addresses(message)),
          el('td', { style: 'white-space:nowrap' }, message.sentAt ? dateTime(message.sentAt) : 'Not yet'),
          el('td', {}, STATUS[message.status] || 'Unknown')))))))
    .catch(error => section.replaceChildren(el('h4', {}, 'Letters and e-mails'), el('p', { class: 'text-danger' }, error.message)));
  return section;
}


/** The CSRF token Camunda's webapps keep in the session and give the page in a cookie. */
function csrfToken() {
  const cookie = document.cookie.split(';').map(part => part.trim()).find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function upload(caseReference, taskId, file) {
  const body = new FormData();
  body.append('file', file);
  body.append('taskId', taskId);
  const response = await fetch(apiRoot() + '/api/cases/' + encodeURIComponent(caseReference) + '/documents', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body
  });
  if (response.ok) {
    return response.json();
  }
  let message = 'The document could not be added (status ' + response.status + '). Please try again later.';
  try {
    const refusal = await response.json();
    message = refusal.message || message;
  } catch (ignored) {
    // not JSON: keep the general sentence
  }
  throw new Error(message);
}

function documentsTable(documents) {
  if (documents.length === 0) {
    return el('p', { class: 'cspr-no-documents' }, 'No documents have been added to this case yet.');
  }
  return el('table', { class: 'table table-condensed cspr-documents' },
    el('thead', {}, el('tr', {}, ['Document', 'Step', 'Added by', 'Added'].map(title => el('th', {}, title)))),
    el('tbody', {}, documents.slice().reverse().map(doc => el('tr', {},
      el('td', {},
        el('a', { class: 'cspr-document', href: doc.url, target: '_blank', rel: 'noopener', title: 'Opens or saves the document' },
          doc.fileName),
        el('div', { class: 'text-muted' }, (DOCUMENT_TYPES[doc.type] || 'Document') + ', ' + fileSize(doc.size))),
      el('td', {}, doc.step || 'The case'),
      el('td', {}, doc.addedByName || doc.addedBy),
      el('td', { style: 'white-space:nowrap' }, dateTime(doc.addedAt))))));
}

function documentsSection(found, taskId) {
  const list = el('div', {}, el('p', {}, 'Loading…'));
  const refresh = () => getJson('/api/cases/' + encodeURIComponent(found.caseReference))
    .then(file => list.replaceChildren(documentsTable(file.documents || [])))
    .catch(error => list.replaceChildren(el('p', { class: 'text-danger' }, error.message)));
  refresh();

  const input = el('input', {
    type: 'file', id: 'cspr-document-file', class: 'cspr-document-file',
    accept: '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text'
  });
  const button = el('button', { type: 'button', class: 'btn btn-default cspr-document-upload' }, 'Add the document');
  const message = el('p', { class: 'help-block cspr-document-message', role: 'status' });
  button.addEventListener('click', () => {
    const file = input.files && input.files[0];
    message.className = 'help-block cspr-document-message';
    if (!file) {
      message.className += ' text-danger';
      message.textContent = 'Choose the file to add first.';
      return;
    }
    button.disabled = true;
    message.textContent = 'Adding ' + file.name + '…';
    upload(found.caseReference, taskId, file)
      .then(added => {
        message.textContent = added.fileName + ' was added to this step.';
        input.value = '';
        refresh();
      })
      .catch(error => {
        message.className += ' text-danger';
        message.textContent = error.message;
      })
      .finally(() => { button.disabled = false; });
  });

  return el('section', { class: 'cspr-case-documents' },
    el('h4', {}, 'Documents'),
    list,
    el('div', { class: 'form-group' },
      el('label', { for: 'cspr-document-file' }, 'Add a document to this step (PDF, Word or OpenDocument text)'),
      input,
      el('p', { class: 'help-block' }, 'For example an agency report, a scoping template, a report or evidence.'),
      button,
      message));
}

/** The 7-minute briefing of the published review (issue 19.3), when there is one. */
function briefingSection(found) {
  const section = el('section', { class: 'cspr-case-briefing' });
  getJson('/api/cases/' + encodeURIComponent(found.caseReference))
    .then(file => {
      if (file.briefing && file.briefing.pdf) {
        section.replaceChildren(el('h4', {}, '7-minute briefing'), el('p', {}, el('a', {
          class: 'cspr-briefing', href: apiRoot() + file.briefing.pdf, target: '_blank', rel: 'noopener',
          title: 'Opens the briefing (PDF) in a new tab'
        }, '7-minute briefing (PDF)')));
      }
    })
    .catch(() => section.replaceChildren());
  return section;
}

/**
 * The case's themes in the partnership's earlier cases (issue 19.2): counted for everyone, and
 * named, with a link to each case page, where the server says this user may read them.
 */
function earlierCasesSection(found) {
  const section = el('section', { class: 'cspr-case-earlier' });
  getJson('/api/cases/' + encodeURIComponent(found.caseReference) + '/earlier-cases')
    .then(themes => {
      if (themes.length > 0) {
        section.replaceChildren(el('h4', {}, 'Earlier cases with the same themes'), el('ul', {}, themes.map(theme => el('li', {},
          theme.theme + ': ' + (theme.earlierCases === 0 ? 'no earlier case'
            : theme.earlierCases + (theme.earlierCases === 1 ? ' earlier case' : ' earlier cases')),
          theme.references.length === 0 ? '' : [' (', theme.references.map((reference, i) => [i > 0 ? ', ' : '',
            el('a', { href: apiRoot() + '/cases/' + encodeURIComponent(reference), target: '_blank', rel: 'noopener' }, reference)]), ')']))));
      }
    })
    .catch(() => section.replaceChildren());
  return section;
}

/** The parts of the tab after its heading, in order; each gets the case and the task and returns a node. */
const SECTIONS = [earlierCasesSection, documentsSection, briefingSection, lettersSection];

function render(node, taskId) {
  const tab = el('div', { class: 'cspr-case', style: 'padding:10px 15px' }, el('p', {}, 'Loading…'));
  node.appendChild(tab);
  if (!taskId) {
    tab.replaceChildren(el('p', {}, 'Choose a task to see its case.'));
    return;
  }
  getJson('/api/tasks/' + encodeURIComponent(taskId) + '/case')
    .then(found => {
      tab.setAttribute('data-case', found.caseReference);
      tab.replaceChildren(
        el('h3', { class: 'cspr-case-reference' }, 'Case ' + found.caseReference),
        el('p', {}, found.partnershipName + (found.open ? '' : ' (case closed)')),
        el('p', {}, el('a', {
          class: 'cspr-case-file', href: apiRoot() + '/cases/' + encodeURIComponent(found.caseReference),
          target: '_blank', rel: 'noopener', title: 'Opens the case page in a new tab'
        }, 'Open the case file')),
        ...SECTIONS.map(section => section(found, taskId)));
    })
    .catch(error => tab.replaceChildren(el('p', { class: 'text-danger' }, error.message)));
}

export default [
  {
    id: 'cspr.task.case',
    pluginPoint: 'tasklist.task.detail',
    priority: 900, // after Form (1000), before History (800)
    properties: { label: 'Case' },
    render: (node, { taskId }) => render(node, taskId)
  }
];
