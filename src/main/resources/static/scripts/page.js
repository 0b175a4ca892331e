// What our pages share (ES module, no libraries): elements built from text, never from HTML, and
// dates and sizes as people in England write them. Imported by the case page (/case/case.js), the
// Cockpit plugins (statutory deadlines, yearly figures) and Tasklist's Case tab, each relative to
// its own address, so it is served from the servlet context root as /scripts/page.js.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A document's type as people name it. */
export const DOCUMENT_TYPES = { PDF: 'PDF', DOCX: 'Word document', ODT: 'OpenDocument text' };

function append(node, children) {
  children.flat().forEach(child => {
    if (child !== undefined && child !== null && child !== '') {
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

function attributes(node, values) {
  Object.entries(values || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  });
  return node;
}

/** Creates an element; children may be nodes or strings (added as text, never parsed). */
export function el(tag, attributeValues, ...children) {
  return append(attributes(document.createElement(tag), attributeValues), children);
}

/** The same for an SVG element (the charts). */
export function svg(tag, attributeValues, ...children) {
  return append(attributes(document.createElementNS('http://www.w3.org/2000/svg', tag), attributeValues), children);
}

/** Our API's root in Camunda's webapps: the servlet context root, next to the webapp path (app-root="/camunda"). */
export function apiRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '';
  return appRoot.replace(/\/[^/]*$/, '');
}

function londonParts(iso, withTime) {
  const parts = {};
  new Intl.DateTimeFormat('en-GB', Object.assign({ timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' },
    withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}))
    .formatToParts(new Date(iso)).forEach(part => { parts[part.type] = part.value; });
  return parts;
}

/** "30 Nov 2026, 11:00" in UK time for a moment; '' for none. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const p = londonParts(iso, true);
  return Number(p.day) + ' ' + MONTHS[Number(p.month) - 1] + ' ' + p.year + ', ' + p.hour + ':' + p.minute;
}

/** "9 Nov 2026", the day in the UK of a moment; '' for none. */
export function day(iso) {
  if (!iso) {
    return '';
  }
  const p = londonParts(iso, false);
  return Number(p.day) + ' ' + MONTHS[Number(p.month) - 1] + ' ' + p.year;
}

/** "15 Jan 2027" for a calendar date ("2027-01-15"); anything else as it is. */
export function date(isoDay) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay || '');
  return match ? Number(match[3]) + ' ' + MONTHS[Number(match[2]) - 1] + ' ' + match[1] : (isoDay || '');
}

/** A file's size in words people read ("240 KB", "1.5 MB"). */
export function fileSize(bytes) {
  return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + ' KB' : (Math.round(bytes / (1024 * 1024) * 10) / 10) + ' MB';
}
