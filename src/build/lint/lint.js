// Lints every BPMN model in the folder given as argument with this folder's .bpmnlintrc.
const { readdirSync } = require('fs');
const { join } = require('path');
const { spawnSync } = require('child_process');

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => join(dir, f));
if (files.length === 0) {
  console.log('bpmnlint: no models in ' + dir);
  process.exit(0);
}
const cli = require.resolve('bpmnlint/bin/bpmnlint.js');
const result = spawnSync(process.execPath, [cli, ...files], { stdio: 'inherit', cwd: __dirname });
process.exit(result.status === null ? 1 : result.status);
