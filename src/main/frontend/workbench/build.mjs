// Bundles the workbench page (dmn-js, our script and styles) into the Maven output:
// node build.mjs <outdir>   (the pom passes target/classes/static/workbench)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const outdir = resolve(process.argv[2] ?? '../../../../target/classes/static/workbench');
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
