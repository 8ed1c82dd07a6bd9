// Build step (run by `make dist` after build-assets.mjs, not shipped): writes dist/sw.js from www/sw.js
// with the list of files the standalone page needs offline (by their content-hashed names) and a
// version that is a hash of their contents.
// With the rules folder, also the oldest `reviewed = YYYY-MM-DD` of its files (the offline line).
// Usage: node www/build-sw.mjs DIST_DIR [RULES_DIR]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2];
const rules = process.argv[3];
const tomls = (d) => fs.readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? tomls(path.join(d, e.name)) : e.name.endsWith('.toml') ? [path.join(d, e.name)] : []));
const reviewed = rules ? tomls(rules).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/^reviewed\s*=\s*"?(\d{4}-\d\d-\d\d)/gm)].map((m) => m[1])).sort()[0] || '' : '';
const here = path.dirname(new URL(import.meta.url).pathname);
// Test pages and tools' files are not part of the offline page, nor are the stable re-exports of
// the wasm glue (wasm/NAME.js, for integrators): the page loads the content-hashed files.
const skip = new Set(['sw.js', 'demo.html', 'demo.js', 'hostile.html', 'hostile.css', 'hostile.js', 'rules/rules.bin',
  'assets.json', 'configurator.html', 'configurator.js', 'kommuner.json']);
const reexport = /^wasm\/[^.]+\.js$/;
const walk = (d) => fs.readdirSync(path.join(dist, d), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
// Nor are the pages without JavaScript (kommun/: some 580 static pages, `ansvarskollen site`).
const files = walk('.').map((f) => f.split(path.sep).join('/')).filter((f) => !skip.has(f) && !reexport.test(f) && !f.startsWith('kommun/')).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const source = fs.readFileSync(path.join(here, 'sw.js'), 'utf8')
  .replace(/^const VERSION = .*$/m, `const VERSION = '${hash.digest('hex').slice(0, 16)}';`)
  .replace(/^const FILES = .*$/m, `const FILES = ${JSON.stringify(['./', ...files])};`)
  .replace(/^const REVIEWED = .*$/m, `const REVIEWED = '${reviewed}';`);
fs.writeFileSync(path.join(dist, 'sw.js'), source);
console.log(`sw.js: ${files.length} files cached for offline use`);
