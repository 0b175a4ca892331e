// "Statutory deadlines" Cockpit plugin (Camunda 7.24 frontend plugin API; plain ES module, no
// libraries). Cockpit community has no overdue view: this shows every open case's statutory
// deadlines from GET /api/deadlines (called with the Cockpit login session) and how deadlines
// were kept over 12 months from GET /api/deadlines/summary. Each case links to its case page
// (/cases/{caseReference}, issue 18.1), and a search box finds cases by the start of their reference
// (GET /api/cases?query=). All data goes into the page as text nodes or attributes, never as HTML.

import { apiRoot, day, el, svg } from '../../../../scripts/page.js';

const ROUTE = '/deadlines';
const COLOURS = {
  OVERDUE: { bg: '#c9302c', fg: '#fff', label: 'overdue' },
  DUE_SOON: { bg: '#f0ad4e', fg: '#000', label: 'due soon' },
  ON_TRACK: { bg: '#449d44', fg: '#fff', label: 'on track' },
  MET: { bg: '#dff0d8', fg: '#2b542c', label: 'met' },
  LATE: { bg: '#f2dede', fg: '#843534', label: 'met late' }
};

async function getJson(path) {
  const response = await fetch(apiRoot() + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status + ' from ' + path);
  }
  return response.json();
}

/** The case page of a case (static/case, served at /cases/{caseReference}). */
function caseLink(reference) {
  return el('a', { href: apiRoot() + '/cases/' + encodeURIComponent(reference), class: 'cspr-case-link' }, reference);
}

/** Find a case by the start of its reference; the results link to the case pages. */
function caseSearch() {
  const input = el('input', {
    id: 'cspr-case-search', type: 'search', class: 'form-control', placeholder: 'e.g. NL-2026', autocomplete: 'off',
    style: 'width:14em;display:inline-block'
  });
  const results = el('div', { id: 'cspr-case-search-results', 'aria-live': 'polite' });
  const form = el('form', { class: 'cspr-case-search', style: 'margin:10px 0' },
    el('label', { for: 'cspr-case-search' }, 'Find a case by reference '), ' ', input, ' ',
    el('button', { type: 'submit', class: 'btn btn-default' }, 'Find'), results);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = input.value.trim();
    if (!/^[A-Za-z0-9-]{1,40}$/.test(query)) {
      results.replaceChildren(el('p', { class: 'text-danger' }, 'Enter the start of a case reference, e.g. NL-2026.'));
      return;
    }
    results.replaceChildren('Searching…');
    getJson('/api/cases?query=' + encodeURIComponent(query))
      .then(found => results.replaceChildren(found.length === 0
        ? el('p', {}, 'No case of yours starts with ' + query.toUpperCase() + '.')
        : el('ul', { class: 'list-unstyled' }, found.map(c => el('li', { 'data-case': c.caseReference },
          caseLink(c.caseReference), ' · ' + c.partnershipName + (c.open ? '' : ' (closed)'))))))
      .catch(error => results.replaceChildren(el('p', { class: 'text-danger' }, 'Could not search: ' + error.message)));
  });
  return form;
}

function left(deadline) {
  if (deadline.status === 'MET' || deadline.status === 'LATE') {
    return COLOURS[deadline.status].label + ' ' + day(deadline.completedAt);
  }
  const days = deadline.workingDaysLeft;
  if (days < 0) {
    return Math.abs(days) + ' WD overdue';
  }
  return days === 0 ? 'due today' : days + ' WD left';
}

function badge(deadline) {
  const colour = COLOURS[deadline.status] || COLOURS.ON_TRACK;
  return el('span', {
    class: 'cspr-deadline',
    'data-status': deadline.status,
    title: deadline.name + ' · due ' + day(deadline.dueAt),
    style: 'display:inline-block;margin:1px 4px 1px 0;padding:1px 6px;border-radius:3px;white-space:nowrap;'
      + 'background:' + colour.bg + ';color:' + colour.fg
  }, deadline.label + ': ' + left(deadline));
}

function statusBadge(status) {
  const colour = COLOURS[status] || COLOURS.ON_TRACK;
  return el('span', {
    class: 'cspr-status', 'data-status': status,
    style: 'padding:1px 6px;border-radius:3px;white-space:nowrap;background:' + colour.bg + ';color:' + colour.fg
  }, colour.label);
}

const COLUMNS = [
  { title: 'Case', value: row => row.caseReference },
  { title: 'Partnership', value: row => row.partnershipName },
  { title: 'Flow', value: row => row.flows.map(f => f.name).join(', ') },
  { title: 'Current step', value: row => row.flows.flatMap(f => f.currentSteps).join('; ') },
  { title: 'Status', value: row => ['OVERDUE', 'DUE_SOON', 'ON_TRACK'].indexOf(row.status) },
  { title: 'Nearest deadline', value: row => row.nearestDueAt || '9999' }
];

function table(rows, sort) {
  const header = el('tr', {}, COLUMNS.map((column, index) => {
    const arrow = sort.column === index ? (sort.ascending ? ' ▲' : ' ▼') : '';
    const th = el('th', { style: 'cursor:pointer;white-space:nowrap', 'data-column': index }, column.title + arrow);
    th.addEventListener('click', () => sort.by(index));
    return th;
  }), el('th', {}, 'Deadlines'));
  const sorted = rows.slice().sort((a, b) => {
    const x = COLUMNS[sort.column].value(a);
    const y = COLUMNS[sort.column].value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.ascending ? order : -order;
  });
  const body = sorted.map(row => el('tr', { 'data-case': row.caseReference, 'data-status': row.status },
    el('td', {}, el('strong', {}, caseLink(row.caseReference))),
    el('td', {}, row.partnershipName),
    el('td', {}, row.flows.map(f => el('div', {}, f.name))),
    el('td', {}, row.flows.flatMap(f => f.currentSteps).map(step => el('div', {}, step))),
    el('td', {}, statusBadge(row.status)),
    el('td', {}, day(row.nearestDueAt)),
    el('td', {}, row.deadlines.map(badge))));
  return el('table', { class: 'table table-condensed cm-table', id: 'cspr-deadlines-table' },
    el('thead', {}, header), el('tbody', {}, body));
}

/** On time versus late per duty: horizontal stacked bars in inline SVG. */
function chart(summary) {
  const duties = summary.duties;
  if (duties.length === 0) {
    return el('p', {}, 'No deadlines fell due in the period.');
  }
  const labelWidth = 330;
  const barWidth = 360;
  const rowHeight = 24;
  const max = Math.max(...duties.map(d => d.onTime + d.late));
  const graphic = svg('svg', {
    width: labelWidth + barWidth + 90, height: duties.length * rowHeight + 30,
    role: 'img', 'aria-label': 'Deadlines met on time and late per duty', id: 'cspr-deadlines-chart'
  });
  duties.forEach((duty, i) => {
    const y = i * rowHeight;
    const onTime = max === 0 ? 0 : Math.round(barWidth * duty.onTime / max);
    const late = max === 0 ? 0 : Math.round(barWidth * duty.late / max);
    const name = duty.name.length > 52 ? duty.name.slice(0, 51) + '…' : duty.name;
    const label = svg('text', { x: labelWidth - 6, y: y + 16, 'text-anchor': 'end', 'font-size': 12 }, name);
    label.appendChild(svg('title', {}, duty.name + ' (' + duty.flow + ')'));
    graphic.appendChild(label);
    graphic.appendChild(svg('rect', { x: labelWidth, y: y + 4, width: onTime, height: 16, fill: '#449d44' }));
    graphic.appendChild(svg('rect', { x: labelWidth + onTime, y: y + 4, width: late, height: 16, fill: '#c9302c' }));
    graphic.appendChild(svg('text', { x: labelWidth + onTime + late + 6, y: y + 16, 'font-size': 12 },
      duty.onTime + ' on time · ' + duty.late + ' late'));
  });
  const legendY = duties.length * rowHeight + 18;
  graphic.appendChild(svg('rect', { x: labelWidth, y: legendY - 10, width: 12, height: 12, fill: '#449d44' }));
  graphic.appendChild(svg('text', { x: labelWidth + 16, y: legendY, 'font-size': 12 }, 'on time'));
  graphic.appendChild(svg('rect', { x: labelWidth + 80, y: legendY - 10, width: 12, height: 12, fill: '#c9302c' }));
  graphic.appendChild(svg('text', { x: labelWidth + 96, y: legendY, 'font-size': 12 }, 'late'));
  return graphic;
}

function statusFilter(selected, onChange) {
  const select = el('select', { id: 'cspr-deadlines-status', class: 'form-control', style: 'width:auto;display:inline-block' },
    ['ALL', 'OVERDUE', 'DUE_SOON', 'ON_TRACK'].map(code => {
      const option = el('option', { value: code }, code === 'ALL' ? 'all open cases' : COLOURS[code].label);
      option.selected = code === selected;
      return option;
    }));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

function renderPage(node) {
  const state = { status: 'ALL', sort: { column: 5, ascending: true } };
  const listArea = el('div', { id: 'cspr-deadlines-list' }, 'Loading…');
  const chartArea = el('div', { id: 'cspr-deadlines-summary' }, 'Loading…');
  node.appendChild(el('section', { class: 'cspr-deadlines', style: 'padding:15px' },
    el('h1', { class: 'section-title' }, 'Statutory deadlines'),
    el('p', {}, 'Open cases of your partnerships, nearest deadline first. Red: overdue; amber: due within 2 working days; green: on track. WD = working days.'),
    caseSearch(),
    el('div', { style: 'margin-bottom:10px' }, el('label', { for: 'cspr-deadlines-status' }, 'Show '),
      ' ', statusFilter(state.status, status => { state.status = status; load(); })),
    listArea,
    el('h2', {}, 'Deadlines kept over the last 12 months'),
    chartArea));

  const sort = {
    get column() { return state.sort.column; },
    get ascending() { return state.sort.ascending; },
    by(column) {
      state.sort = { column, ascending: state.sort.column === column ? !state.sort.ascending : true };
      draw();
    }
  };
  let board = null;

  function draw() {
    listArea.replaceChildren(board.cases.length === 0
      ? el('p', { id: 'cspr-deadlines-empty' }, 'No open cases to show.')
      : table(board.cases, sort),
    board.total > board.cases.length
      ? el('p', {}, 'Showing ' + board.cases.length + ' of ' + board.total + ' cases.') : '');
  }

  function load() {
    getJson('/api/deadlines?status=' + encodeURIComponent(state.status))
      .then(data => { board = data; draw(); })
      .catch(error => listArea.replaceChildren(el('p', { class: 'text-danger' }, 'Could not load deadlines: ' + error.message)));
  }

  load();
  getJson('/api/deadlines/summary?months=12')
    .then(summary => chartArea.replaceChildren(chart(summary)))
    .catch(error => chartArea.replaceChildren(el('p', { class: 'text-danger' }, 'Could not load the summary: ' + error.message)));
}

function renderDashboard(node) {
  const box = el('section', { class: 'cspr-deadlines-dashboard', style: 'margin:10px 0' },
    el('h2', { class: 'section-title' }, 'Statutory deadlines'), 'Loading…');
  node.appendChild(box);
  getJson('/api/deadlines?limit=5')
    .then(board => {
      const overdue = board.cases.filter(row => row.status === 'OVERDUE').length;
      box.replaceChildren(el('h2', { class: 'section-title' }, 'Statutory deadlines'),
        el('p', {}, board.total + ' open cases; nearest deadlines:'),
        board.cases.length ? el('ul', {}, board.cases.map(row => el('li', { 'data-case': row.caseReference },
          el('strong', {}, caseLink(row.caseReference)), ' · ' + row.partnershipName + ' ',
          row.deadlines.filter(d => d.dueAt === row.nearestDueAt && d.workingDaysLeft !== null).map(badge)))) : '',
        el('a', { href: '#' + ROUTE }, overdue > 0 ? 'See all deadlines (some overdue)' : 'See all deadlines'));
    })
    .catch(error => box.replaceChildren(el('p', { class: 'text-danger' }, 'Could not load deadlines: ' + error.message)));
}

export default [
  {
    id: 'cspr.deadlines.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    render: node => node.appendChild(el('a', { href: '#' + ROUTE, id: 'cspr-deadlines-nav' }, 'Statutory deadlines'))
  },
  {
    id: 'cspr.deadlines.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'Statutory deadlines' },
    render: node => renderPage(node)
  },
  {
    id: 'cspr.deadlines.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => renderDashboard(node)
  }
];
