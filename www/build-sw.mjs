// Build step (run by `make dist`, not shipped): writes dist/sw.js from www/sw.js with the list of
// files the standalone page needs offline and a version that is a hash of their contents.
// Usage: node www/build-sw.mjs DIST_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2];
const here = path.dirname(new URL(import.meta.url).pathname);
// Test pages and tools' files are not part of the offline page.
const skip = new Set(['sw.js', 'demo.html', 'demo.js', 'hostile.html', 'hostile.css', 'hostile.js', 'rules/rules.bin', 'rules/coverage.bin']);
const walk = (d) => fs.readdirSync(path.join(dist, d), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const files = walk('.').map((f) => f.split(path.sep).join('/')).filter((f) => !skip.has(f)).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const source = fs.readFileSync(path.join(here, 'sw.js'), 'utf8')
  .replace(/^const VERSION = .*$/m, `const VERSION = '${hash.digest('hex').slice(0, 16)}';`)
  .replace(/^const FILES = .*$/m, `const FILES = ${JSON.stringify(['./', ...files])};`);
fs.writeFileSync(path.join(dist, 'sw.js'), source);
console.log(`sw.js: ${files.length} files cached for offline use`);
