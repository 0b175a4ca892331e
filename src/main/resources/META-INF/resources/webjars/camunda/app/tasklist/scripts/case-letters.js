// "Case" tab of a task in Tasklist (issue 14.7; Camunda 7.24 frontend plugin API, plugin point
// tasklist.task.detail; plain ES module, no libraries). The person doing a task sees which case it
// belongs to and the case's letters and e-mails (what, to whom, when sent, status); each letter
// opens as PDF in a new browser tab. Data: GET /api/tasks/{taskId}/case and
// GET /api/cases/{caseReference}/correspondence, called with the Tasklist login session; the server
// answers only for a case the user may read (a task of theirs, or their partnership's flows).
// All data goes into the page as text nodes or attributes, never as HTML.
// The tab links to the full case page (/cases/{caseReference}, issue 18.1), which reads the case
// with the same session; to show more here, add a section to SECTIONS.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATUS = {
  QUEUED: 'Waiting to be sent',
  SENT: 'Sent',
  FAILED: 'Not sent yet: the last attempt failed and will be retried'
};

/** Our API lives at the servlet context root, next to the webapp path (app-root="/camunda"). */
function apiRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '';
  return appRoot.replace(/\/[^/]*$/, '');
}

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

/** Creates an element; children may be nodes or strings (added as text, never parsed). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null && child !== '') {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

/** "30 Nov 2026, 11:00" in UK time. */
function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const parts = {};
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(iso)).forEach(part => { parts[part.type] = part.value; });
  return Number(parts.day) + ' ' + MONTHS[Number(parts.month) - 1] + ' ' + parts.year + ', ' + parts.hour + ':' + parts.minute;
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
    }, letter.title + ' (PDF)'))));
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

/** The parts of the tab after its heading, in order; each gets the case and returns a node. */
const SECTIONS = [lettersSection];

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
        ...SECTIONS.map(section => section(found)));
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
