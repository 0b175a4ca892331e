// Criteria workbench: edit a decision table with dmn-js, run the regression cases against the edit
// (dry run), deploy it with a comment. Every call goes to /api/criteria with HTTP Basic; the
// credentials live in this closure only (never in storage or cookies).
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaModdle from 'camunda-dmn-moddle/resources/camunda.json';

import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './workbench.css';

const $ = (id) => document.getElementById(id);

let authorization = null;
let decisions = [];
let partnerships = [];
let opened = null; // { key, tenant } of the table in the editor

const modeler = new DmnModeler({
  container: $('editor'),
  moddleExtensions: { camunda: camundaModdle }
});

class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message || body.error)) || ('HTTP ' + status));
    this.status = status;
    this.body = body || {};
  }
}

async function api(method, path, body, accept = 'application/json') {
  const headers = { Authorization: authorization, Accept: accept };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch('/api' + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit'
  });
  const text = await response.text();
  let parsed = text;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try { parsed = JSON.parse(text); } catch (e) { parsed = { message: text }; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed === 'object' ? parsed : { message: text });
  }
  return parsed;
}

// ---- sign in -------------------------------------------------------------------------------

$('loginForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = $('user').value.trim();
  authorization = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + $('password').value)));
  $('password').value = '';
  $('loginError').textContent = '';
  try {
    await refreshDecisions();
  } catch (e) {
    authorization = null;
    $('loginError').textContent = e.status === 401
      ? 'Wrong user id or password (after a failed attempt the account is locked for a few seconds).'
      : e.message;
    return;
  }
  $('who').textContent = 'Signed in as ' + user;
  $('signOut').hidden = false;
  $('login').hidden = true;
  $('app').hidden = false;
  await refreshChanges();
});

$('signOut').addEventListener('click', () => {
  authorization = null;
  window.location.reload();
});

// ---- choosing and opening a table ----------------------------------------------------------

async function refreshDecisions() {
  const result = await api('GET', '/criteria/decisions');
  decisions = result.decisions;
  partnerships = result.partnerships;
  const select = $('decision');
  const chosen = select.value;
  select.replaceChildren(...decisions.map((d) => option(d.key, d.key)));
  if (chosen) {
    select.value = chosen;
  }
  fillPartnerships();
}

function fillPartnerships() {
  const decision = current();
  const select = $('tenant');
  const chosen = select.value;
  const options = [option('', 'Shared (every partnership)')];
  if (decision && decision.partnershipSpecific) {
    partnerships.forEach((p) => options.push(option(p, p)));
  }
  select.replaceChildren(...options);
  select.value = options.some((o) => o.value === chosen) ? chosen : '';
  select.disabled = options.length === 1;
  showActive();
}

function current() {
  return decisions.find((d) => d.key === $('decision').value);
}

function activeVersion(decision, tenant) {
  const versions = decision ? decision.versions : [];
  return versions.find((v) => v.tenantId === (tenant || null)) || versions.find((v) => v.tenantId === null);
}

function describe(version) {
  if (!version) {
    return 'not deployed';
  }
  return 'version ' + version.version + ' (' + (version.tenantId || 'shared') + '), deployed '
    + (version.deployedAt ? new Date(version.deployedAt).toLocaleString('en-GB') : '?')
    + (version.deploymentName ? ' — ' + version.deploymentName : '');
}

function showActive() {
  const tenant = $('tenant').value;
  $('activeInfo').textContent = 'Active: ' + describe(activeVersion(current(), tenant));
}

$('decision').addEventListener('change', fillPartnerships);
$('tenant').addEventListener('change', showActive);

$('load').addEventListener('click', async () => {
  const key = $('decision').value;
  const tenant = $('tenant').value;
  await busy('Opening ' + key + ' …', async () => {
    const query = tenant ? '?tenant=' + encodeURIComponent(tenant) : '';
    const xml = await api('GET', '/criteria/decisions/' + encodeURIComponent(key) + '/xml' + query, undefined, 'application/xml, application/json');
    await modeler.importXML(xml);
    const view = modeler.getViews().find((v) => v.type === 'decisionTable' && v.element.id === key);
    if (view) {
      await modeler.open(view);
    }
    opened = { key, tenant };
    $('report').hidden = true;
    $('deployResult').textContent = '';
    $('deployProblems').replaceChildren();
    ['dryRun', 'download', 'deployButton'].forEach((id) => { $(id).disabled = false; });
  });
});

// ---- dry run ---------------------------------------------------------------------------------

let lastReport = null;

$('dryRun').addEventListener('click', () => busy('Running the regression cases …', async () => {
  const { xml } = await modeler.saveXML({ format: true });
  lastReport = await api('POST', '/criteria/decisions/' + encodeURIComponent(opened.key) + '/dry-run',
    { xml, tenant: opened.tenant || null });
  renderReport(lastReport);
}));

$('showAll').addEventListener('change', () => lastReport && renderReport(lastReport));

function renderReport(report) {
  $('report').hidden = false;
  $('summary').textContent = report.changedCases + ' of ' + report.cases.length
    + ' regression cases change their result compared with the active ' + describe(report.active) + '. '
    + (report.deployable ? 'The edit may be deployed.' : 'The edit would be refused:');
  $('summary').className = report.deployable ? 'ok' : 'refused';
  $('problems').replaceChildren(...report.problems.map((p) => element('li', p)));
  const rows = report.cases
    .filter((c) => $('showAll').checked || c.changed || (c.edited && !c.edited.passes))
    .map((c) => {
      const tr = document.createElement('tr');
      tr.className = c.changed ? 'changed' : '';
      tr.dataset.case = c.name;
      const name = element('td', c.name);
      name.title = c.note;
      tr.append(
        name,
        element('td', c.statutory ? 'yes' : 'no'),
        element('td', formatExpected(c.expected)),
        outcomeCell(c.active),
        outcomeCell(c.edited));
      return tr;
    });
  $('diff').tBodies[0].replaceChildren(...rows);
}

function outcomeCell(outcome) {
  const td = element('td', formatOutcome(outcome));
  if (outcome && !outcome.passes) {
    td.className = 'fails';
    td.title = outcome.error || outcome.mismatches.join('; ');
  }
  return td;
}

function formatExpected(expected) {
  if (expected === null || expected === undefined) {
    return 'no rule matches';
  }
  return Object.entries(expected).map(([k, v]) => k + ' = ' + formatValue(v)).join(', ');
}

function formatOutcome(outcome) {
  if (!outcome) {
    return '–';
  }
  if (outcome.error) {
    return 'error: ' + outcome.error;
  }
  if (outcome.rows.length === 0) {
    return 'no rule matches';
  }
  if (outcome.rows.length === 1) {
    return Object.entries(outcome.rows[0]).map(([k, v]) => k + ' = ' + formatValue(v)).join(', ');
  }
  const names = Object.keys(outcome.rows[0]);
  return names.map((n) => n + ' = ' + formatValue(outcome.rows.map((r) => r[n]))).join(', ');
}

function formatValue(value) {
  if (Array.isArray(value)) {
    return '[' + value.map(formatValue).join(', ') + ']';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// ---- deploy ----------------------------------------------------------------------------------

$('deployButton').addEventListener('click', () => busy('Deploying …', async () => {
  $('deployProblems').replaceChildren();
  $('deployResult').className = '';
  const comment = $('comment').value.trim();
  if (!comment) {
    $('deployResult').textContent = 'Say why the criteria change: the comment is required.';
    $('deployResult').className = 'refused';
    return;
  }
  const { xml } = await modeler.saveXML({ format: true });
  try {
    const change = await api('POST', '/criteria/decisions/' + encodeURIComponent(opened.key) + '/deployments',
      { xml, tenant: opened.tenant || null, comment });
    $('deployResult').textContent = 'Deployed ' + change.decisionKey + ' version ' + change.version
      + ' (' + (change.tenantId || 'shared') + '); new cases use it from now on.';
    $('deployResult').className = 'ok';
    $('comment').value = '';
    await refreshDecisions();
    await refreshChanges();
  } catch (e) {
    $('deployResult').textContent = 'Not deployed: ' + e.message;
    $('deployResult').className = 'refused';
    $('deployProblems').replaceChildren(...(e.body.problems || []).map((p) => element('li', p)));
  }
}));

$('download').addEventListener('click', async () => {
  const { xml } = await modeler.saveXML({ format: true });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  link.download = opened.key + '.dmn';
  link.click();
  URL.revokeObjectURL(link.href);
});

// ---- history ---------------------------------------------------------------------------------

async function refreshChanges() {
  const changes = await api('GET', '/criteria/changes');
  $('changes').tBodies[0].replaceChildren(...changes.map((c) => {
    const tr = document.createElement('tr');
    tr.append(
      element('td', new Date(c.changedAt).toLocaleString('en-GB')),
      element('td', c.decisionKey),
      element('td', c.tenantId || 'shared'),
      element('td', String(c.version)),
      element('td', c.changedBy),
      element('td', String(c.changedCases)),
      element('td', c.comment));
    return tr;
  }));
}

// ---- helpers ---------------------------------------------------------------------------------

function element(tag, text) {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function option(value, label) {
  const node = element('option', label);
  node.value = value;
  return node;
}

async function busy(message, work) {
  $('busy').textContent = message;
  $('busy').className = 'muted';
  try {
    await work();
    $('busy').textContent = '';
  } catch (e) {
    $('busy').textContent = e.message + (e.body && e.body.problems ? ': ' + e.body.problems.join('; ') : '');
    $('busy').className = 'error';
  }
}
