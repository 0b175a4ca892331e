// The case page (issue 18.1): everything about one case on one page, at /cases/{caseReference}.
// Data: GET /api/cases/{caseReference} (its correspondence as /api/cases/{caseReference}/correspondence
// lists it), called with the Cockpit or Tasklist login session; the server answers only for a case the user may read
// (404 otherwise, shown as a plain "not found"). An ES module, no libraries; all data goes into the
// page as text nodes or attributes, never as HTML (the page's CSP allows no inline script or style).
// To add a section, add a function to SECTIONS.

import { date, dateTime, day, DOCUMENT_TYPES, el, fileSize } from '../scripts/page.js';

(function () {
  'use strict';

  const DEADLINE = {
    MET: 'Met',
    LATE: 'Met late',
    OVERDUE: 'Overdue',
    DUE_SOON: 'Due soon',
    ON_TRACK: 'On track'
  };
  const LETTER = {
    QUEUED: 'Waiting to be sent',
    SENT: 'Sent',
    FAILED: 'Not sent yet: the last attempt failed and will be retried'
  };
  const PARALLEL = {
    IDENTIFIED: 'Identified, lead not yet told',
    LEAD_NOTIFIED: 'Lead told',
    AGREED: 'Joint or parallel working agreed',
    TRACKING: 'Being tracked',
    PAUSED_FOR_CRIMINAL_PROCEEDINGS: 'Paused for criminal proceedings',
    CLOSED: 'Closed'
  };
  const ACTION = { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', COMPLETE: 'Complete' };
  const RECOMMENDATION = { OPEN: 'Open', IN_PROGRESS: 'In progress', IMPLEMENTED: 'Implemented', NOT_ACCEPTED: 'Not accepted' };
  const SHARED_BY = { MEETING_OR_FORUM: 'Presented at a meeting or forum', TEAM_MEETING_OR_SUPERVISION: 'Team meeting or supervision',
    TRAINING: 'Training session', EMAIL: 'E-mail', NEWSLETTER_OR_WEBSITE: 'Newsletter or website' };
  /** What the referral form records of a child (it takes no names), in the order shown. */
  const CHILD_FACTS = [
    ['age', 'Age'], ['sex', 'Sex'], ['ethnicity', 'Ethnicity'], ['disability', 'Disability'], ['died', 'Died'],
    ['seriouslyHarmed', 'Seriously harmed'], ['lookedAfter', 'Looked after'], ['careLeaver', 'Care leaver'],
    ['childProtectionPlan', 'Child protection plan'], ['educatedOtherwiseThanAtSchool', 'Educated other than at school']
  ];
  /** Decision outputs that explain the others: shown as the rationale. */
  const RATIONALE = ['rationale', 'reason'];

  /** /cases/NL-2026-0001 (or /case/#NL-2026-0001): the reference and where our API lives. */
  function address() {
    const path = window.location.pathname;
    const at = path.lastIndexOf('/cases/');
    if (at >= 0) {
      return { root: path.slice(0, at), reference: decodeURIComponent(path.slice(at + '/cases/'.length)) };
    }
    return { root: path.replace(/\/case\/[^/]*$/, ''), reference: decodeURIComponent(window.location.hash.slice(1)) };
  }

  const ADDRESS = address();

  function Refused(status) {
    this.status = status;
  }

  async function getJson(path) {
    const response = await fetch(ADDRESS.root + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401 || response.status === 404) {
      throw new Refused(response.status);
    }
    if (!response.ok) {
      throw new Error('The server could not answer (status ' + response.status + '). Please try again later.');
    }
    return response.json();
  }

  function days(n) {
    return n + (n === 1 ? ' working day' : ' working days');
  }

  /** A recorded value in plain English: Yes/No, a code as words, a time as a date. */
  function plain(value) {
    if (value === null || value === undefined || value === '') {
      return '—';
    }
    if (value === true || value === 'true') {
      return 'Yes';
    }
    if (value === false || value === 'false') {
      return 'No';
    }
    const text = String(value);
    if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{2,}$/.test(text)) {
      const words = text.toLowerCase().replace(/_/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
    if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !isNaN(Date.parse(text))) {
      return dateTime(text);
    }
    if (/^[a-z]+\.[a-z][A-Za-z]+$/.test(text)) { // a step of the local timescales table, e.g. notification.informPartners
      return sentence(text.slice(text.indexOf('.') + 1).replace(/([A-Z])/g, ' $1').toLowerCase());
    }
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? date(text) : text;
  }

  /** A table's input label without notes for its authors ("(tenant id)", "(null = …)"). */
  function inputLabel(label) {
    return String(label || '').replace(/\s*\((tenant id|null\b[^)]*)\)/g, '');
  }

  /** An input's value; the partnership by its name, never its id. */
  function inputValue(file, value) {
    return value === file.partnership ? file.partnershipName : plain(value);
  }

  function sentence(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
  }

  function table(headings, rows, className) {
    return el('table', { class: className },
      el('thead', {}, el('tr', {}, headings.map(title => el('th', {}, title)))),
      el('tbody', {}, rows));
  }

  function section(id, title, ...content) {
    return el('section', { id: id }, el('h2', {}, title), ...content);
  }

  function none(text) {
    return el('p', { class: 'muted' }, text);
  }

  function flowName(file, processKey) {
    const flow = file.flows.find(f => f.processKey === processKey);
    return flow ? flow.name : 'Case';
  }

  /** One line per flow; a flow run several times (e.g. a delivery per letter) on one line with counts. */
  function flowLines(flows) {
    const byName = new Map();
    flows.forEach(flow => byName.set(flow.name, (byName.get(flow.name) || []).concat([flow])));
    return Array.from(byName, ([name, runs]) => {
      if (runs.length > 1) {
        const open = runs.filter(run => run.open).length;
        return el('li', {}, name + ': ' + runs.length + ' times since ' + dateTime(runs[0].startedAt) + ', ' + open + ' open');
      }
      const flow = runs[0];
      return el('li', {}, name + ': ' + (flow.open ? 'open since ' + dateTime(flow.startedAt)
        : dateTime(flow.startedAt) + ' to ' + dateTime(flow.endedAt)));
    });
  }

  function summarySection(file) {
    const s = file.summary;
    const children = s.children.length === 0 ? none('No children recorded.') : el('ol', {}, s.children.map(child =>
      el('li', {}, el('dl', { class: 'facts' }, CHILD_FACTS.filter(([key]) => key in child)
        .flatMap(([key, label]) => [el('dt', {}, label), el('dd', {}, plain(child[key]))])))));
    return section('summary', 'Summary',
      el('dl', { class: 'facts' },
        el('dt', {}, 'Partnership'), el('dd', {}, file.partnershipName),
        el('dt', {}, 'Referring agency'), el('dd', {}, s.referringAgency || 'Not recorded'),
        el('dt', {}, 'Outcome'), el('dd', {}, s.outcome || 'Not decided yet'),
        el('dt', {}, 'Current stage'), el('dd', { id: 'stage' }, file.stage),
        el('dt', {}, 'Flows'), el('dd', {}, el('ul', { class: 'plain' }, flowLines(file.flows)))),
      el('h3', {}, 'Children as recorded'), children);
  }

  function deadlineState(deadline) {
    switch (deadline.status) {
      case 'MET': return 'Done ' + dateTime(deadline.doneAt);
      case 'LATE': return 'Done ' + dateTime(deadline.doneAt) + ', ' + days(deadline.workingDays) + ' late';
      case 'OVERDUE': return days(-deadline.workingDays) + ' late, still open';
      default: return deadline.workingDays === 0 ? 'Due today' : days(deadline.workingDays) + ' left';
    }
  }

  function deadlinesSection(file) {
    return section('deadlines', 'Deadlines', file.deadlines.length === 0 ? none('No step with a deadline yet.')
      : table(['Step', 'Flow', 'Due', 'Status', 'Met, late or open'], file.deadlines.map(d => el('tr', { 'data-status': d.status },
        el('td', {}, d.step), el('td', {}, flowName(file, d.processKey)), el('td', { class: 'when' }, dateTime(d.dueAt)),
        el('td', {}, el('span', { class: 'status status-' + d.status }, DEADLINE[d.status] || 'Open')),
        el('td', {}, deadlineState(d))))));
  }

  function timelineSection(file) {
    return section('timeline', 'What happened', file.timeline.length === 0 ? none('Nothing recorded yet.')
      : table(['When', 'What happened', '', 'Who', 'Flow'], file.timeline.map(e => el('tr', {},
        el('td', { class: 'when' }, dateTime(e.at)), el('td', {}, sentence(e.kind)), el('td', {}, e.what),
        el('td', {}, e.whoName || '—'), el('td', {}, flowName(file, e.processKey))))));
  }

  function decisionsSection(file) {
    return section('decisions', 'Decisions', file.decisions.length === 0 ? none('No decision evaluated yet, or none you may see.')
      : table(['When', 'Table', 'Inputs', 'Outputs', 'Rationale'], file.decisions.map(d => {
        const outputs = d.outputs.filter(o => !RATIONALE.includes(o.name));
        const rationale = d.outputs.filter(o => RATIONALE.includes(o.name) && o.value);
        return el('tr', {},
          el('td', { class: 'when' }, dateTime(d.evaluatedAt)),
          el('td', {}, el('div', {}, d.decisionName), el('div', { class: 'muted' }, 'Version ' + d.version),
            d.changeComment ? el('div', { class: 'muted' }, 'Why this version: ' + d.changeComment) : ''),
          el('td', {}, el('ul', { class: 'plain' }, d.inputs.map(i => el('li', {}, inputLabel(i.label) + ': ' + inputValue(file, i.value)))),
            (d.notes || []).map(note => el('div', { class: 'muted' }, note))),
          el('td', {}, outputs.length === 0 ? 'No rule matched'
            : el('ul', { class: 'plain' }, outputs.map(o => el('li', {}, (o.label || sentence(o.name)) + ': ' + plain(o.value))))),
          el('td', {}, rationale.map(o => el('div', {}, String(o.value)))));
      })));
  }

  function letterLinks(message) {
    if (message.attachments.length === 0) {
      return el('div', { class: 'muted' }, 'E-mail only, no letter');
    }
    return el('ul', { class: 'plain' }, message.attachments.map(letter => el('li', {}, el('a', {
      class: 'letter', href: letter.url, target: '_blank', rel: 'noopener', title: 'Opens the letter (PDF) in a new tab'
    }, letter.title + ' (PDF)'))));
  }

  function lettersSection(file) {
    const messages = file.correspondence;
    return section('letters', 'Letters and e-mails', messages.length === 0 ? none('No letters or e-mails yet.')
      : table(['E-mail and letters', 'To', 'Sent', 'Status'], messages.slice().reverse().map(m => el('tr', {},
        el('td', {}, el('div', {}, el('strong', {}, m.subject)), letterLinks(m)),
        el('td', {}, m.to.map(address => el('div', {}, address)),
          m.cc.length ? el('div', { class: 'muted' }, 'Copy to: ' + m.cc.join(', ')) : ''),
        el('td', { class: 'when' }, m.sentAt ? dateTime(m.sentAt) : 'Not yet'),
        el('td', {}, LETTER[m.status] || 'Unknown')))));
  }

  function documentsSection(file) {
    return section('documents', 'Documents', file.documents.length === 0 ? none('No documents added yet.')
      : table(['Document', 'Added to', 'Added by', 'When'], file.documents.map(d => el('tr', {},
        el('td', {}, el('a', { class: 'document', href: d.url, download: d.fileName }, d.fileName),
          el('div', { class: 'muted' }, (DOCUMENT_TYPES[d.type] || 'Document') + ', ' + fileSize(d.size))),
        el('td', {}, d.step || 'The case'), el('td', {}, d.addedByName || '—'),
        el('td', { class: 'when' }, dateTime(d.addedAt))))));
  }

  function parallelSection(file) {
    return section('parallel-reviews', 'Parallel reviews', file.parallelReviews.length === 0 ? none('No parallel reviews recorded.')
      : table(['Review or process', 'Lead', 'Status', 'Agreed', 'Closed'], file.parallelReviews.map(r => el('tr', {},
        el('td', {}, r.name || plain(r.review)),
        el('td', {}, el('div', {}, r.leadTitle || ''), r.leadAddressee ? el('div', { class: 'muted' }, r.leadAddressee === 'BUSINESS_UNIT'
          ? 'Told through the business unit (no address configured)' : 'Told at ' + plain(r.leadAddressee)) : ''),
        el('td', {}, PARALLEL[r.status] || plain(r.status)),
        el('td', {}, r.agreedAt ? day(r.agreedAt) + (r.agreedWith ? ' with ' + r.agreedWith : '') : '—'),
        el('td', {}, day(r.closedAt) || '—')))));
  }

  function actionPlanSection(file) {
    return section('action-plan', 'Action plan', file.actionPlan.length === 0 ? none('No action plan agreed yet.')
      : table(['Action', 'Recommendation', 'Owner', 'Due', 'Status'], file.actionPlan.map(a => el('tr', {},
        el('td', {}, a.action), el('td', {}, a.recommendation || '—'), el('td', {}, a.owner),
        el('td', { class: 'when' }, date(a.dueDate)), el('td', {}, ACTION[a.status] || plain(a.status))))));
  }

  function recommendationsSection(file) {
    return section('recommendations', 'Recommendations', file.recommendations.length === 0 ? none('No recommendations recorded yet.')
      : table(['Recommendation', 'Owner', 'Due', 'Status', 'Actions'], file.recommendations.map(r => el('tr', {},
        el('td', {}, el('strong', {}, r.number + ' '), r.recommendation), el('td', {}, r.owner),
        el('td', { class: 'when' }, date(r.dueDate)),
        el('td', {}, RECOMMENDATION[r.status] || plain(r.status), r.reason ? el('div', { class: 'muted' }, r.reason) : ''),
        el('td', {}, r.actions.length === 0 ? '—' : r.actions.map(action => el('div', {}, action)))))));
  }

  function briefingSection(file) {
    const briefing = file.briefing;
    return section('briefing', '7-minute briefing', !briefing.pdf ? none('The briefing is available once the report is published.')
      : el('div', {}, el('p', {}, el('a', { href: ADDRESS.root + briefing.pdf, target: '_blank', rel: 'noopener' },
        '7-minute briefing (PDF)')),
      briefing.sharings.length === 0 ? none('Not shared yet.')
        : table(['Shared with', 'How', 'When', 'Recorded by'], briefing.sharings.map(s => el('tr', {},
          el('td', {}, s.audience), el('td', {}, SHARED_BY[s.method] || plain(s.method)),
          el('td', { class: 'when' }, date(s.sharedOn)), el('td', {}, s.recordedBy || '—'))))));
  }

  /** The page's sections in order; each gets the case file and returns a section (or a promise of one). */
  const SECTIONS = [summarySection, deadlinesSection, timelineSection, decisionsSection, lettersSection, documentsSection,
    parallelSection, actionPlanSection, recommendationsSection, briefingSection];

  function refusal(error) {
    if (error instanceof Refused && error.status === 401) {
      return [el('h2', {}, 'Please sign in'), el('p', {}, 'Sign in to ',
        el('a', { href: ADDRESS.root + '/camunda/app/tasklist/' }, 'Tasklist'), ' or ',
        el('a', { href: ADDRESS.root + '/camunda/app/cockpit/' }, 'Cockpit'), ', then open this page again.')];
    }
    if (error instanceof Refused) {
      document.title = 'Case not found · CSPR workflow';
      return [el('h2', { id: 'not-found' }, 'Not found'), el('p', {}, 'There is no case with this reference that you may see.')];
    }
    return [el('p', { class: 'error' }, error.message)];
  }

  async function show() {
    const main = document.getElementById('case');
    document.getElementById('title').textContent = 'Case ' + ADDRESS.reference;
    try {
      const file = await getJson('/api/cases/' + encodeURIComponent(ADDRESS.reference));
      document.title = 'Case ' + file.caseReference + ' · CSPR workflow';
      document.getElementById('partnership').textContent = file.partnershipName;
      const sections = SECTIONS.map(render => Promise.resolve().then(() => render(file))
        .catch(error => section('', 'Could not load this part', ...refusal(error))));
      main.replaceChildren(...await Promise.all(sections));
      main.setAttribute('data-case', file.caseReference);
    } catch (error) {
      main.replaceChildren(...refusal(error));
    }
  }

  show();
}());
