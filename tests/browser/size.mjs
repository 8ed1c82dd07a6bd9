// Transfer size of everything the first answer needs (wasm, its JS glue, the loader, the CSS, the
// core rules and the chosen region's rules), compressed as a server would send it (gzip -9 and
// brotli -q 11, Node's zlib = the reference brotli). Deterministic: CI fails when the brotli total
// exceeds the budget. Usage: node tests/browser/size.mjs [--check] [--json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const BUDGET = 120 * 1024;
export const GOAL = 80 * 1024;

export function compressed(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Sizes of the first-answer files; the region is the largest one (the worst case). */
export function measure() {
  const regionDir = path.join(dist, 'rules/regions');
  const regions = fs.readdirSync(regionDir).map((f) => ({ file: `rules/regions/${f}`, ...compressed(fs.readFileSync(path.join(regionDir, f))) }));
  const largest = regions.reduce((a, b) => (b.brotli > a.brotli ? b : a));
  const files = [
    ['wasm/ansvarskollen_bg.wasm', 'the engine and the widget (wasm)'],
    ['wasm/ansvarskollen.js', 'wasm-bindgen JS glue'],
    ['ansvarskollen.js', 'the embed script (custom element)'],
    ['ansvarskollen.css', 'styles'],
    ['rules/core.bin', 'core rules: national law, kommun register, region names'],
  ].map(([file, what]) => ({ file, what, ...compressed(fs.readFileSync(path.join(dist, file))) }));
  files.push({ ...largest, what: `rules of one region (the largest, ${path.basename(largest.file)})` });
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total, regions, budget: BUDGET, goal: GOAL };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const m = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(m, null, 2));
  } else {
    for (const f of m.files) console.log(`${f.file.padEnd(28)} raw ${String(f.raw).padStart(7)}  gzip ${String(f.gzip).padStart(6)}  brotli ${String(f.brotli).padStart(6)}`);
    console.log(`${'total'.padEnd(28)} raw ${String(m.total.raw).padStart(7)}  gzip ${String(m.total.gzip).padStart(6)}  brotli ${String(m.total.brotli).padStart(6)}  (${kb(m.total.brotli)} of a ${kb(BUDGET)} budget)`);
  }
  if (process.argv.includes('--check') && m.total.brotli > BUDGET) {
    console.error(`error: the first answer needs ${kb(m.total.brotli)} brotli, over the ${kb(BUDGET)} budget`);
    process.exit(1);
  }
}
