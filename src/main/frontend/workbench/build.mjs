// Bundles the workbench page (dmn-js, our script and styles):
//   node build.mjs ../../resources/static/workbench   the committed bundle the application serves
//   node build.mjs <outdir>                           the build's check (target/workbench-build, WorkbenchBundleIT)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
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
copyFileSync('src/index.html', resolve(outdir, 'index.html'));
console.log('workbench bundle written to ' + outdir);
