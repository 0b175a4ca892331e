// Imports every Camunda Form in the folder given as argument with the form-js that Tasklist 7.24
// bundles (@bpmn-io/form-js-viewer 1.8.7, STACK-NOTES), in a jsdom page, and fails on any error or
// warning: Tasklist refuses a whole form for one (e.g. "form field with id <Text_1> already exists").
// Text templates may show only {{shown.x}}: the case values as text, escaped for Markdown by the
// server (tasks.ShownValues); a raw {{x}} would render what people typed as links and images.
const { JSDOM } = require('jsdom');
const { readFileSync, readdirSync } = require('fs');
const { join } = require('path');

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in global)) {
    try { global[key] = dom.window[key]; } catch (e) { /* read-only global */ }
  }
}
global.window = dom.window;

const { Form } = require('@bpmn-io/form-js-viewer');

function rawTemplates(components = []) {
  return components.flatMap((component) => [
    ...(component.type === 'text' ? (component.text || '').match(/\{\{.*?\}\}/g) || [] : [])
      .filter((template) => !/^\{\{\s*shown\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}$/.test(template)),
    ...rawTemplates(component.components),
  ]);
}

(async () => {
  const dir = process.argv[2];
  const files = readdirSync(dir).filter((f) => f.endsWith('.form')).sort();
  const problems = [];
  for (const file of files) {
    const logged = [];
    const { warn, error } = console;
    console.warn = (...args) => logged.push(args.join(' '));
    console.error = (...args) => logged.push(args.join(' '));
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    rawTemplates(schema.components).forEach((template) =>
      logged.push(`text template ${template} shows a raw value; use {{shown.<name>}}`));
    const container = document.createElement('div');
    document.body.appendChild(container);
    const form = new Form({ container });
    try {
      const { warnings } = await form.importSchema(schema, {});
      logged.push(...warnings.map(String));
    } catch (e) {
      logged.push(e.message);
    } finally {
      console.warn = warn;
      console.error = error;
      form.destroy();
      container.remove();
    }
    logged.forEach((message) => problems.push(file + ': ' + message));
  }
  problems.forEach((problem) => console.error(problem));
  console.log(`form-js 1.8.7: ${files.length} forms imported, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
})();
