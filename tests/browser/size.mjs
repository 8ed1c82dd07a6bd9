// Transfer size of everything the first answer needs (wasm, its JS glue, the loader, the CSS, the
// core rules and the chosen region's rules), compressed as a server would send it (gzip -9 and
// brotli -q 11, Node's zlib = the reference brotli). Deterministic: CI fails when the brotli total
// exceeds the budget. The files are found by their content-hashed names through dist/assets.json
// (the map www/build-assets.mjs writes; a build without it is measured by plain names).
// Usage: node tests/browser/size.mjs [--check] [--json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
// Where the first round of issue 15 ended (docs/performance.md, "Issue 15: the cuts kept and
// dropped"): 141,171 B (137.9 KB) after the cuts (−7.0 KB) and with what the round added (integrity
// digests, the finer model and its phase-2 rules +5.5 KB, whom to call and "Vet inte" +9.4 KB).
// English on demand (rules/en.bin, its own line below) then took it to 138,260 B (135.0 KB), and
// the session that made it ended at 138,552 B (135.3 KB). The gate sits just above it so that any
// growth must be argued; the goal of issue 15 (≤ 100 KB, gate ≤ 105 KB) is not reached.
export const BUDGET = 135.5 * 1024;
export const GOAL = 80 * 1024;
// The staff views' entry (issue 13): their own wasm and glue, the loader, both stylesheets, the core
// rules and the largest region. Only staff views pay for it (never a person's first answer).
export const STAFF_BUDGET = 150 * 1024;

export function compressed(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** The plain name → served name map of a built dist/ (empty before content hashing). */
export function assetMap(dir = dist) {
  const file = path.join(dir, 'assets.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).files : {};
}

/** Sizes of the first-answer files; the region is the largest one (the worst case). Each file is
 *  named by its plain name and read under the name it is served by. */
export function measure() {
  const map = assetMap();
  const read = (file) => fs.readFileSync(path.join(dist, map[file] || file));
  const regionDir = path.join(dist, 'rules/regions');
  const plain = Object.keys(map).filter((f) => f.startsWith('rules/regions/'));
  const regions = (plain.length ? plain : fs.readdirSync(regionDir).map((f) => `rules/regions/${f}`))
    .map((file) => ({ file, ...compressed(read(file)) }));
  const largest = regions.reduce((a, b) => (b.brotli > a.brotli ? b : a));
  const files = [
    ['wasm/ansvarskollen_bg.wasm', 'the engine and the widget (wasm)'],
    ['wasm/ansvarskollen.js', 'wasm-bindgen JS glue'],
    ['ansvarskollen.js', 'the embed script (custom element)'],
    ['ansvarskollen.css', 'styles'],
    ['rules/core.bin', 'core rules: national law, kommun register, region names'],
  ].map(([file, what]) => ({ file, what, ...compressed(read(file)) }));
  files.push({ ...largest, what: `rules of one region (the largest, ${path.basename(largest.file)})` });
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const staffFiles = [
    ['wasm/ansvarskollen-staff_bg.wasm', 'the staff views (wasm)'],
    ['wasm/ansvarskollen-staff.js', 'their wasm-bindgen JS glue'],
    ['ansvarskollen.js', 'the embed script'],
    ['ansvarskollen.css', 'styles'],
    ['ansvarskollen-staff.css', 'the staff views\' styles'],
    ['rules/core.bin', 'core rules'],
  ].filter(([file]) => map[file] || fs.existsSync(path.join(dist, file)))
    .map(([file, what]) => ({ file, what, ...compressed(read(file)) }));
  if (staffFiles.length) staffFiles.push({ ...largest, what: 'rules of the largest region' });
  // English (issue 15): its words and the core's English texts come only when a reader chooses it.
  const english = map['rules/en.bin'] || fs.existsSync(path.join(dist, 'rules/en.bin'))
    ? { file: 'rules/en.bin', what: 'English words and texts (only when English is chosen)', ...compressed(read('rules/en.bin')) } : null;
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const staff = staffFiles.length ? { files: staffFiles, total: sum(staffFiles), budget: STAFF_BUDGET } : null;
  return { files, total, regions, budget: BUDGET, goal: GOAL, staff, english };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const m = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(m, null, 2));
  } else {
    for (const f of m.files) console.log(`${f.file.padEnd(28)} raw ${String(f.raw).padStart(7)}  gzip ${String(f.gzip).padStart(6)}  brotli ${String(f.brotli).padStart(6)}`);
    console.log(`${'total'.padEnd(28)} raw ${String(m.total.raw).padStart(7)}  gzip ${String(m.total.gzip).padStart(6)}  brotli ${String(m.total.brotli).padStart(6)}  (${kb(m.total.brotli)} of a ${kb(BUDGET)} budget)`);
    if (m.staff) {
      const w = m.staff.files.find((f) => f.file.includes('staff_bg'));
      console.log(`${'staff views'.padEnd(28)} raw ${String(m.staff.total.raw).padStart(7)}  gzip ${String(m.staff.total.gzip).padStart(6)}  brotli ${String(m.staff.total.brotli).padStart(6)}  (${kb(m.staff.total.brotli)} of a ${kb(STAFF_BUDGET)} budget; their wasm ${w ? w.brotli : '?'} B)`);
    }
    if (m.english) console.log(`${'English, when chosen'.padEnd(28)} raw ${String(m.english.raw).padStart(7)}  gzip ${String(m.english.gzip).padStart(6)}  brotli ${String(m.english.brotli).padStart(6)}  (rules/en.bin, on top of the first answer)`);
  }
  if (process.argv.includes('--check') && m.total.brotli > BUDGET) {
    console.error(`error: the first answer needs ${kb(m.total.brotli)} brotli, over the ${kb(BUDGET)} budget`);
    process.exit(1);
  }
  if (process.argv.includes('--check') && m.staff && m.staff.total.brotli > STAFF_BUDGET) {
    console.error(`error: the staff views need ${kb(m.staff.total.brotli)} brotli, over their ${kb(STAFF_BUDGET)} budget`);
    process.exit(1);
  }
}
