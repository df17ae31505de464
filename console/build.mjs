// Builds the console into the directory given (the gateway's target/classes/static): installs the locked packages
// when node_modules is missing or older than the lockfile, bundles with esbuild, and fails when the first load
// (index.html, the script and the style sheet, gzipped) is over its budget. Called by the gateway's Maven build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, 'dist'));
const BUDGET = 250 * 1024;

const installed = join(here, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(here, 'package-lock.json')).mtimeMs) {
  // npm ci: exactly the lockfile; --ignore-scripts: nothing downloads anything of its own (esbuild's binary is its
  // own npm package, and playwright-core never fetches a browser)
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], { cwd: here, stdio: 'inherit' });
}

const { build } = await import('esbuild');
rmSync(join(out, 'console'), { recursive: true, force: true });
mkdirSync(join(out, 'console'), { recursive: true });
await build({
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: join(out, 'console'),
  loader: { '.css': 'css' },
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));

const firstLoad = ['index.html', 'console/app.js', 'console/app.css'];
const gzipped = firstLoad.map((file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length);
const total = gzipped.reduce((a, b) => a + b, 0);
const report = firstLoad.map((file, i) => `${file} ${(gzipped[i] / 1024).toFixed(1)} kB`).join(', ');
writeFileSync(join(out, 'console', 'size.txt'), `${total}\n`);
console.log(`console: first load ${(total / 1024).toFixed(1)} kB gzipped (${report}); budget ${BUDGET / 1024} kB`);
if (total > BUDGET) {
  console.error('console: over the first-load budget');
  process.exit(1);
}
