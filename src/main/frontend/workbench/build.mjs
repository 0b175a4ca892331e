// Bundles the workbench page's script and styles (dmn-js, src/workbench.js and .css); the page itself
// is src/main/resources/static/workbench/index.html:
//   node build.mjs ../../resources/static/workbench   the committed bundle the application serves
//   node build.mjs <outdir>                           the build's check (target/workbench-build, WorkbenchBundleIT)
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const outdir = resolve(process.argv[2] ?? '../../resources/static/workbench');
mkdirSync(outdir, { recursive: true });

await esbuild.build({
  entryPoints: { workbench: 'src/workbench.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir,
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning'
});
console.log('workbench bundle written to ' + outdir);
