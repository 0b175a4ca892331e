// "Yearly figures" Cockpit plugin (issue 19.4, 19.5; Camunda 7.24 frontend plugin API, plain ES module,
// no libraries, nothing loaded from elsewhere). Shows GET /api/reports/annual (called with the Cockpit
// login session) for a partnership and a period, the financial year by default: every section the
// figures have, as a table and a bar chart drawn here in inline SVG, with the labels the server gives.
// Administrators and the national group may choose every partnership side by side; everyone else only
// their own (the server decides: the choices are the partnerships it returns). Links download the
// same figures as CSV and as the yearly report's PDF. All data goes in as text nodes or attributes.

import { apiRoot, date, el, svg } from '../../../../scripts/page.js';

const ROUTE = '/yearly-figures';
const ALL = 'all';
const COLOURS = ['#1d3f6e', '#d9822b', '#3a8d5c', '#8e4585', '#5b7fa6', '#a33b3b'];
const NOTHING_TO_MEASURE = 'none to measure';

const REFUSALS = {
  400: 'Check the period: give the first and the last day, the last on or after the first, at most 5 years apart.',
  403: 'Only administrators, the national reviewers, the business unit and managers see the yearly figures.',
  404: 'You cannot see the figures of that partnership.'
};

async function getJson(path) {
  const response = await fetch(apiRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(REFUSALS[response.status] || 'The figures could not be loaded (error ' + response.status + '). Try again later.');
  }
  return response.json();
}

/** Today in London as an ISO day. */
function londonToday() {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

/** The financial years (1 April to 31 March) to choose from, the current one first, and the five of them together. */
function periods() {
  const today = londonToday();
  const year = Number(today.slice(0, 4));
  const current = today.slice(5) >= '04-01' ? year : year - 1;
  const years = [0, 1, 2, 3, 4].map(back => {
    const start = current - back;
    return { from: start + '-04-01', to: (start + 1) + '-03-31', label: 'Financial year ' + start + ' to ' + (start + 1) };
  });
  years.push({ from: (current - 4) + '-04-01', to: (current + 1) + '-03-31', label: 'The last five financial years' });
  return years;
}

function shown(value) {
  return value === null || value === undefined ? NOTHING_TO_MEASURE : String(value);
}

/**
 * The sections of every partnership's figures merged in order: each with its title and lines, each
 * line with one value per partnership (undefined where a partnership lacks it).
 */
function merge(report) {
  const sections = new Map();
  report.forEach((figures, column) => figures.tables.forEach(table => {
    if (!sections.has(table.section)) {
      sections.set(table.section, { key: table.section, title: table.title, lines: new Map() });
    }
    const lines = sections.get(table.section).lines;
    table.lines.forEach(line => {
      if (!lines.has(line.label)) {
        lines.set(line.label, { label: line.label, count: line.count, values: new Array(report.length) });
      }
      lines.get(line.label).values[column] = line.value;
    });
  }));
  return [...sections.values()].map(section => ({ ...section, lines: [...section.lines.values()] }));
}

function sectionTable(section, report) {
  const single = report.length === 1;
  return el('table', { class: 'table table-condensed cm-table cspr-figures-table', 'data-section': section.key },
    el('thead', {}, el('tr', {}, el('th', {}, 'Figure'),
      report.map(figures => el('th', { style: 'text-align:right' }, single ? 'Number' : figures.partnershipName)))),
    el('tbody', {}, section.lines.length === 0
      ? el('tr', {}, el('td', { colspan: report.length + 1 }, 'None in the period.'))
      : section.lines.map(line => el('tr', { 'data-label': line.label }, el('td', {}, line.label),
        line.values.map((value, column) => el('td', {
          style: 'text-align:right', 'data-partnership': report[column].partnership, 'data-value': shown(value)
        }, shown(value)))))));
}

/** The section's counts as horizontal bars, one per partnership on each line (medians are in the table only). */
function sectionChart(section, report) {
  const lines = section.lines.filter(line => line.count);
  if (lines.length === 0) {
    return null;
  }
  const labelWidth = 460;
  const barWidth = 300;
  const barHeight = 14;
  const lineHeight = report.length * (barHeight + 2) + 10;
  const max = Math.max(1, ...lines.flatMap(line => line.values.map(v => Number(v) || 0)));
  const legend = report.length > 1 ? report.length * 18 + 8 : 0;
  const graphic = svg('svg', {
    width: Math.max(labelWidth + barWidth + 60, labelWidth + 24 + 7 * Math.max(...report.map(f => f.partnershipName.length))), height: lines.length * lineHeight + legend, role: 'img',
    'aria-label': section.title + ' as a bar chart', class: 'cspr-figures-chart', 'data-section': section.key
  });
  lines.forEach((line, i) => {
    const top = i * lineHeight;
    const name = line.label.length > 75 ? line.label.slice(0, 74) + '…' : line.label;
    const label = svg('text', { x: labelWidth - 8, y: top + barHeight, 'text-anchor': 'end', 'font-size': 12 }, name);
    label.appendChild(svg('title', {}, line.label));
    graphic.appendChild(label);
    line.values.forEach((value, column) => {
      const y = top + column * (barHeight + 2);
      const width = Math.round(barWidth * (Number(value) || 0) / max);
      const bar = svg('rect', { x: labelWidth, y, width, height: barHeight, fill: COLOURS[column % COLOURS.length] });
      bar.appendChild(svg('title', {}, report[column].partnershipName + ': ' + shown(value)));
      graphic.appendChild(bar);
      graphic.appendChild(svg('text', { x: labelWidth + width + 5, y: y + barHeight - 3, 'font-size': 11 }, shown(value)));
    });
  });
  if (legend) {
    report.forEach((figures, column) => {
      const y = lines.length * lineHeight + 18 + column * 18;
      graphic.appendChild(svg('rect', { x: labelWidth, y: y - 10, width: 12, height: 12, fill: COLOURS[column % COLOURS.length] }));
      graphic.appendChild(svg('text', { x: labelWidth + 16, y, 'font-size': 12 }, figures.partnershipName));
    });
  }
  return graphic;
}

function downloads(query) {
  const link = (format, text) => el('a', {
    href: apiRoot() + '/api/reports/annual?' + query + '&format=' + format, download: '', class: 'btn btn-default',
    id: 'cspr-figures-' + format, style: 'margin-right:8px'
  }, text);
  return el('p', {}, link('csv', 'Download as a spreadsheet (CSV)'), link('pdf', 'Download the yearly report (PDF)'));
}

function renderFigures(area, answer, query) {
  const report = answer.partnerships || [answer];
  const names = report.map(figures => figures.partnershipName).join(', ');
  area.replaceChildren(
    el('h2', { id: 'cspr-figures-heading' }, date(answer.from) + ' to ' + date(answer.to)),
    el('p', { id: 'cspr-figures-partnerships' }, report.length === 0 ? 'No partnership to show.' : names),
    downloads(query),
    ...merge(report).map(section => el('section', { class: 'cspr-figures-section', style: 'margin-bottom:18px' },
      el('h3', {}, section.title), sectionTable(section, report), sectionChart(section, report))));
}

function option(value, text, selected) {
  const node = el('option', { value }, text);
  node.selected = selected;
  return node;
}

function renderPage(node) {
  const choices = periods();
  const partnership = el('select', { id: 'cspr-figures-partnership', class: 'form-control', style: 'width:auto;display:inline-block' });
  const year = el('select', { id: 'cspr-figures-year', class: 'form-control', style: 'width:auto;display:inline-block' },
    choices.map((period, i) => option(String(i), period.label, i === 0)), option('own', 'Another period', false));
  const from = el('input', { id: 'cspr-figures-from', type: 'date', class: 'form-control', style: 'width:auto;display:inline-block', value: choices[0].from });
  const to = el('input', { id: 'cspr-figures-to', type: 'date', class: 'form-control', style: 'width:auto;display:inline-block', value: choices[0].to });
  const problem = el('p', { id: 'cspr-figures-problem', class: 'text-danger', 'aria-live': 'polite' });
  const area = el('div', { id: 'cspr-figures' }, 'Loading…');
  const form = el('form', { class: 'cspr-figures-choice', style: 'margin:10px 0' },
    el('label', { for: 'cspr-figures-partnership' }, 'Partnership '), ' ', partnership, ' ',
    el('label', { for: 'cspr-figures-year', style: 'margin-left:12px' }, 'Period '), ' ', year, ' ',
    el('label', { for: 'cspr-figures-from', style: 'margin-left:12px' }, 'from '), ' ', from, ' ',
    el('label', { for: 'cspr-figures-to' }, 'to '), ' ', to, ' ',
    el('button', { type: 'submit', class: 'btn btn-primary', id: 'cspr-figures-show' }, 'Show'), problem);
  node.appendChild(el('section', { class: 'cspr-yearly-figures', style: 'padding:15px' },
    el('h1', { class: 'section-title' }, 'Yearly figures'),
    el('p', {}, 'Referrals, notifications and reviews of a partnership over a period, for the report the safeguarding '
      + 'partners publish at least once every 12 months. Each event is counted in the period it happened in; "on time" '
      + 'compares with the deadline the case recorded.'),
    form, area));

  year.addEventListener('change', () => {
    const period = choices[Number(year.value)];
    if (period) {
      from.value = period.from;
      to.value = period.to;
    }
  });
  [from, to].forEach(input => input.addEventListener('input', () => { year.value = 'own'; }));

  function show() {
    if (!from.value || !to.value || to.value < from.value) {
      problem.replaceChildren('Give the first and the last day of the period; the last day must be on or after the first.');
      return;
    }
    problem.replaceChildren();
    const query = 'partnership=' + encodeURIComponent(partnership.value || ALL) + '&from=' + from.value + '&to=' + to.value;
    area.replaceChildren('Loading…');
    getJson('/api/reports/annual?' + query)
      .then(answer => renderFigures(area, answer, query))
      .catch(error => area.replaceChildren(el('p', { class: 'text-danger' }, error.message)));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    show();
  });

  // The partnerships this user may see are those the server returns for "all"
  getJson('/api/reports/annual?partnership=' + ALL + '&from=' + from.value + '&to=' + to.value)
    .then(answer => {
      const readable = answer.partnerships;
      partnership.replaceChildren(
        ...(readable.length > 1 ? [option(ALL, 'All partnerships side by side', true)] : []),
        ...readable.map(figures => option(figures.partnership, figures.partnershipName, readable.length === 1)));
      if (readable.length === 0) {
        area.replaceChildren(el('p', {}, 'You cannot see the figures of any partnership.'));
        return;
      }
      // the answer already holds the figures of the default choice (all of them, or the one)
      renderFigures(area, answer, 'partnership=' + encodeURIComponent(partnership.value) + '&from=' + from.value + '&to=' + to.value);
    })
    .catch(error => area.replaceChildren(el('p', { class: 'text-danger' }, error.message)));
}

export default [
  {
    id: 'cspr.figures.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 4,
    properties: { path: ROUTE },
    render: node => node.appendChild(el('a', { href: '#' + ROUTE, id: 'cspr-figures-nav' }, 'Yearly figures'))
  },
  {
    id: 'cspr.figures.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'Yearly figures' },
    render: node => renderPage(node)
  }
];
