// The performance report (`make perf`): sizes (per file, gzip and brotli, and per dependency),
// timings in headless Chromium (median of 20 loads, without throttling and at 4× CPU throttling),
// engine speed (native from criterion, in wasm from the page), and the machine, each with its
// ratio to the target. Writes target/perf-report.md and target/perf-report.json.
// Timings are reported, not asserted: these machines are shared and noisy.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, closeContext, root, dist } from './lib.mjs';
import { measure, BUDGET, GOAL } from './size.mjs';

const LOADS = 20;
const out = path.join(root, 'target');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;

// --- Sizes ---------------------------------------------------------------------------------
const sizes = measure();

// What each dependency costs: code bytes per crate, from a copy of the wasm that keeps its
// function names (optimised like the shipped one). Raw bytes, before compression.
function crateCosts() {
  const named = path.join(out, 'perf', 'named');
  fs.mkdirSync(named, { recursive: true });
  const wasmIn = fs.existsSync(path.join(root, 'target/nightly/wasm32-unknown-unknown/wasm/ansvarskollen.wasm'))
    ? path.join(root, 'target/nightly/wasm32-unknown-unknown/wasm/ansvarskollen.wasm')
    : path.join(root, 'target/wasm32-unknown-unknown/wasm/ansvarskollen.wasm');
  const bindgen = fs.existsSync(path.join(root, '.tools/bin/wasm-bindgen')) ? path.join(root, '.tools/bin/wasm-bindgen') : 'wasm-bindgen';
  execFileSync(bindgen, ['--target', 'web', '--no-typescript', '--out-dir', named, wasmIn]);
  const file = path.join(named, 'ansvarskollen_bg.wasm');
  execFileSync('node', [path.join(root, '.tools/node_modules/binaryen/bin/wasm-opt'), '-Oz', '--converge', '-g', file, '-o', file]);
  const b = fs.readFileSync(file);
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const sections = [];
  while (i < b.length) { const id = b[i++]; const size = leb(); sections.push({ id, start: i, size }); i += size; }
  let imported = 0;
  const imp = sections.find((s) => s.id === 2);
  if (imp) { i = imp.start; const n = leb(); for (let k = 0; k < n; k++) { i += leb(); i += leb(); const kind = b[i++]; if (kind === 0) { leb(); imported++; } else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { i += 2; } else { i++; leb(); } } }
  const code = sections.find((s) => s.id === 10);
  i = code.start;
  const count = leb();
  const bodies = [];
  for (let k = 0; k < count; k++) { const size = leb(); bodies.push(size); i += size; }
  const names = new Map();
  for (const s of sections.filter((x) => x.id === 0)) {
    i = s.start; const nlen = leb(); const name = b.subarray(i, i + nlen).toString(); i += nlen;
    if (name !== 'name') continue;
    while (i < s.start + s.size) {
      const sub = b[i++]; const len = leb(); const end = i + len;
      if (sub === 1) { const n = leb(); for (let k = 0; k < n; k++) { const idx = leb(); const l = leb(); names.set(idx, b.subarray(i, i + l).toString()); i += l; } }
      i = end;
    }
  }
  const crateOf = (n) => {
    let s = (n || '').replace(/^<+/, '');
    const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)/);
    s = m ? m[1] : 'other';
    return s;
  };
  const costs = new Map();
  bodies.forEach((size, k) => { const c = crateOf(names.get(imported + k)); costs.set(c, (costs.get(c) || 0) + size); });
  const data = sections.filter((s) => s.id === 11).reduce((t, s) => t + s.size, 0);
  const total = [...costs.values()].reduce((a, c) => a + c, 0);
  return { code: total, data, crates: [...costs.entries()].sort((a, c) => c[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes })) };
}
const deps = crateCosts();

// --- Timings -------------------------------------------------------------------------------
const server = await serve();
const ctx = await launch({ serviceWorkers: 'block' });
const chromiumVersion = ctx.browser()?.version() || '';

// Marks, from navigation start: the plain-HTML question, the widget's first question, an answer.
const markScript = () => {
  const t = {};
  window.__marks = t;
  const tick = () => {
    const r = document.querySelector('ansvarskollen-widget')?.shadowRoot;
    const now = performance.now();
    if (r) {
      const pre = r.querySelector('#ak-pre-kommun');
      if (pre && !t.pre && pre.offsetParent !== null) t.pre = now;
      const q = r.querySelector('#ak-kommun, form.ak-step input[name]:not(#ak-pre-kommun)');
      if (q && !t.question && q.offsetParent !== null) t.question = now;
      if (!t.answer && r.querySelector('.ak-answer')) t.answer = now;
    }
    if (!(t.question && t.answer) && now < 20000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function loads(url, throttle, key) {
  const times = [];
  for (let n = 0; n < LOADS; n++) {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.addInitScript(markScript);
    await page.goto(url);
    await page.waitForFunction((k) => window.__marks && window.__marks[k], key, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__marks));
    await page.close();
  }
  return times;
}

const timing = {};
for (const rate of [1, 4]) {
  const first = await loads(`${server.origin}/index.html`, rate, 'question');
  const deep = await loads(`${server.origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`, rate, 'answer');
  timing[rate] = {
    preQuestion: median(first.map((t) => t.pre)),
    question: median(first.map((t) => t.question)),
    answer: median(deep.map((t) => t.answer)),
  };
}

// Interaction: from a click on Continue to the next question in the DOM, at 4× throttling.
async function interaction(throttle) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${server.origin}/index.html#kommun=1980&date=2024-05-02`);
  await page.locator('ansvarskollen-widget input[name="need"]').first().waitFor();
  const samples = [];
  for (let n = 0; n < 20; n++) {
    samples.push(await page.evaluate(async () => {
      const r = document.querySelector('ansvarskollen-widget').shadowRoot;
      r.querySelector('input[name="need"][value="nursing"]').click();
      const t0 = performance.now();
      const next = new Promise((res) => {
        const mo = new MutationObserver(() => { if (r.querySelector('input[name="housing"]')) { mo.disconnect(); res(performance.now()); } });
        mo.observe(r, { subtree: true, childList: true, attributes: true });
      });
      r.querySelector('button[type=submit]').click();
      const t1 = await next;
      // And until the frame with the new question has been painted (two animation frames).
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const t2 = performance.now();
      // Back to the need question for the next sample.
      const back = new Promise((res) => {
        const mo = new MutationObserver(() => { if (r.querySelector('input[name="need"]')) { mo.disconnect(); res(); } });
        mo.observe(r, { subtree: true, childList: true, attributes: true });
      });
      r.querySelector('.ak-back').click();
      await back;
      return [t1 - t0, t2 - t0];
    }));
  }
  await page.close();
  return { dom: median(samples.map((x) => x[0])), painted: median(samples.map((x) => x[1])) };
}
const interact = { 1: await interaction(1), 4: await interaction(4) };

// Engine speed in wasm, in the page, with the `perf` build (target/perf/dist, made by `make perf`):
// the same bundle plus an export that times decisions inside wasm.
const perfServer = await serve(path.join(out, 'perf', 'dist'));
const page = await ctx.newPage();
await page.goto(`${perfServer.origin}/index.html`);
await page.locator('ansvarskollen-widget #ak-kommun').waitFor();
const wasmEngine = await page.evaluate(async () => {
  const m = await import('/wasm/ansvarskollen.js');
  for (const lan of ['19', '14', '01', '18']) m.load_region(new Uint8Array(await (await fetch(`/rules/regions/${lan}.bin`)).arrayBuffer()));
  const q = 'kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&duration=long&date=2024-05-02';
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  m.time_decisions(q, 2000);
  const decide = med(Array.from({ length: 15 }, () => m.time_decisions(q, 5000)));
  for (let n = 0; n < 200; n++) m.answer_json(q, 'sv');
  const json = med(Array.from({ length: 15 }, () => { const t0 = performance.now(); for (let n = 0; n < 500; n++) m.answer_json(q, 'sv'); return (performance.now() - t0) / 500 * 1000; }));
  return { decide, json };
});
await page.close();
await closeContext(ctx);
await server.close();
await perfServer.close();

// --- Native engine speed (criterion) ------------------------------------------------------------
function criterion(id) {
  const dir = path.join(out, 'criterion', id, 'new', 'estimates.json');
  if (!fs.existsSync(dir)) return null;
  return JSON.parse(fs.readFileSync(dir, 'utf8')).median.point_estimate; // ns
}
const native = {
  verdict: criterion('verdict (kommun and date fixed)'),
  decide: criterion('decide one case (answer with explanation)'),
  resolve: criterion('resolve a partial case (what is still needed)'),
  check: criterion('check/exhaustive check of all rules of all regions'),
};

// --- Report --------------------------------------------------------------------------------------
const run = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); } catch { return 'not found'; } };
const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpu: os.cpus()[0]?.model || 'unknown', cores: os.cpus().length, memory: kb(os.totalmem()).replace(' KB', '') && `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  os: `${os.type()} ${os.release()}`, node: process.version, chromium: chromiumVersion,
  rustc: run('rustc', ['--version']), rustcNightly: run('rustc', ['+nightly', '--version']),
};
const ratio = (v, t) => `${(v / t).toFixed(2)}×`;
const ok = (v, t) => (v <= t ? 'met' : 'not met');
const report = { machine, sizes, dependencies: deps, timing, interaction: interact, engine: { native, wasm: wasmEngine } };
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'perf-report.json'), JSON.stringify(report, null, 2));

const L = [];
L.push('# Performance report', '');
L.push(`Written by \`make perf\` on ${machine.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}; ${machine.os}; Chromium ${machine.chromium}; ${machine.rustc}; wasm built with ${machine.rustcNightly} (-Zbuild-std). Timings come from a shared, noisy machine: they are medians, reported and not asserted. Sizes are deterministic; CI fails if the brotli total exceeds the budget.`, '');
L.push('## Summary', '', '| measure | value | target | ratio | |', '|---|---|---|---|---|');
L.push(`| first answer, transfer size (brotli) | ${kb(sizes.total.brotli)} | ≤ ${kb(BUDGET)} (goal ${kb(GOAL)}) | ${ratio(sizes.total.brotli, BUDGET)} | ${ok(sizes.total.brotli, BUDGET)} |`);
L.push(`| first question, plain HTML, before the wasm | ${ms(timing[1].preQuestion)} / ${ms(timing[4].preQuestion)} at 4× | ≤ 200 ms / ≤ 800 ms | ${ratio(timing[1].preQuestion, 200)} / ${ratio(timing[4].preQuestion, 800)} | ${ok(timing[1].preQuestion, 200)} / ${ok(timing[4].preQuestion, 800)} |`);
L.push(`| first question of the widget (wasm ready) | ${ms(timing[1].question)} / ${ms(timing[4].question)} at 4× | ≤ 200 ms / ≤ 800 ms | ${ratio(timing[1].question, 200)} / ${ratio(timing[4].question, 800)} | ${ok(timing[1].question, 200)} / ${ok(timing[4].question, 800)} |`);
L.push(`| answer from a deep link | ${ms(timing[1].answer)} / ${ms(timing[4].answer)} at 4× | ≤ 200 ms / ≤ 800 ms | ${ratio(timing[1].answer, 200)} / ${ratio(timing[4].answer, 800)} | ${ok(timing[1].answer, 200)} / ${ok(timing[4].answer, 800)} |`);
L.push(`| re-render after an answer (click → next question in the DOM) | ${interact[1].dom.toFixed(1)} ms / ${interact[4].dom.toFixed(1)} ms at 4× | < 16 ms at 4× | ${ratio(interact[4].dom, 16)} | ${ok(interact[4].dom, 16)} |`);
if (native.decide) L.push(`| deciding one case, native (with explanation) | ${(native.decide / 1000).toFixed(2)} µs | ≤ 5 µs (goal 1 µs) | ${ratio(native.decide / 1000, 5)} | ${ok(native.decide / 1000, 5)} |`);
if (native.verdict) L.push(`| deciding one case, native (verdict only) | ${native.verdict.toFixed(1)} ns | ≤ 5 µs (goal 1 µs) | ${ratio(native.verdict / 1000, 5)} | ${ok(native.verdict / 1000, 5)} |`);
L.push(`| deciding one case, wasm (with explanation) | ${wasmEngine.decide.toFixed(2)} µs | ≤ 5 µs (goal 1 µs) | ${ratio(wasmEngine.decide, 5)} | ${ok(wasmEngine.decide, 5)} |`);
if (native.check) L.push(`| exhaustive check of all rules of all regions (one core) | ${(native.check / 1e6).toFixed(1)} ms | ≤ 2 s, complete | ${ratio(native.check / 1e9, 2)} | ${ok(native.check / 1e9, 2)} |`);
L.push('');
L.push('## Transfer size of the first answer', '', 'What a visitor downloads before the first answer, compressed as a server would send it (gzip -9, brotli -q 11). The region is the one with the largest rules file; the others are smaller.', '');
L.push('| file | what | raw | gzip | brotli |', '|---|---|---:|---:|---:|');
for (const f of sizes.files) L.push(`| \`${f.file}\` | ${f.what} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
L.push(`| **total** | | ${sizes.total.raw} | ${sizes.total.gzip} | **${sizes.total.brotli}** (${kb(sizes.total.brotli)}) |`, '');
L.push(`Region rules files (brotli): ${sizes.regions.map((r) => `${path.basename(r.file, '.bin')}: ${r.brotli}`).join(', ')}. Not needed for the first answer: the other regions' rules (loaded when their kommun is chosen), the "Om uppgifterna" page, the service worker (registered after the page works).`, '');
L.push('## What each dependency costs', '', `Code bytes per crate in the optimised wasm (before compression; ${deps.code} bytes of code and ${deps.data} bytes of data in all). Names come from a copy built with the same flags that keeps its name section.`, '');
L.push('| crate | code bytes | share |', '|---|---:|---:|');
for (const c of deps.crates.slice(0, 16)) L.push(`| ${c.crate} | ${c.bytes} | ${(100 * c.bytes / deps.code).toFixed(1)} % |`);
L.push('');
L.push('## How the size was earned', '', 'Measured step by step on this machine (brotli of the wasm): 175 KB with serde_json reading JSON rules → 133.5 KB with hand-written binary rules and a hand-written JSON writer → 123.7 KB with Yew\'s `tracing` compiled out → 119.3 KB without any sort routine → 117.1 KB with stateless components as functions → 113.5 KB without the in-widget coverage table (now a static page) → 112.2 KB with talc instead of dlmalloc (talc still saves 1.3 KB under nightly: 102.3 vs 103.6 KB) → 101.5 KB with nightly `-Zbuild-std` (std built for size, panics as immediate aborts); what was added since (the hand-over from the plain-HTML first question, faster lookups) is in the table above. Moved out of the shipped bundle: the in-wasm timing export (1.0 KB; only in `make perf`'s own build). The JS glue went from 6.7 to 4.4 KB with esbuild minification; the core rules from 18.2 KB (JSON) to 6.5 KB (binary, region sources moved into the region files).', '');
L.push('## Timings', '', `Headless Chromium against a local server (no network throttling, HTTP cache disabled), median of ${LOADS} loads, measured from navigation start with requestAnimationFrame (one-frame resolution), without throttling and with CDP \`Emulation.setCPUThrottlingRate\` = 4.`, '');
L.push('| | no throttling | 4× CPU throttling |', '|---|---:|---:|');
L.push(`| first question, plain HTML (before the wasm) | ${ms(timing[1].preQuestion)} | ${ms(timing[4].preQuestion)} |`);
L.push(`| first question of the widget | ${ms(timing[1].question)} | ${ms(timing[4].question)} |`);
L.push(`| answer from a deep link | ${ms(timing[1].answer)} | ${ms(timing[4].answer)} |`);
L.push(`| re-render after an answer (click → next question in the DOM) | ${interact[1].dom.toFixed(1)} ms | ${interact[4].dom.toFixed(1)} ms |`);
L.push(`| the same, until the frame with it is painted (two animation frames; includes waiting for the frame) | ${interact[1].painted.toFixed(1)} ms | ${interact[4].painted.toFixed(1)} ms |`, '');
L.push('## Engine speed', '');
if (native.verdict) L.push(`- Native (criterion, \`cargo bench --bench engine\`): verdict with kommun and date fixed ${native.verdict.toFixed(1)} ns; one case decided and explained ${(native.decide / 1000).toFixed(2)} µs; a partial case resolved ${(native.resolve / 1000).toFixed(2)} µs; the exhaustive check of every rule of every region, all 290 kommuner and every date segment 1992–2027, ${(native.check / 1e6).toFixed(1)} ms.`);
L.push(`- In wasm (in the page): one case decided and explained ${wasmEngine.decide.toFixed(2)} µs (median of 15 runs of 5000, timed inside wasm); the integrators' call \`answer_json\` from JavaScript (parse the query, decide, explain, write JSON, cross into JS) ${wasmEngine.json.toFixed(2)} µs.`, '');
fs.writeFileSync(path.join(out, 'perf-report.md'), L.join('\n'));
console.log(L.join('\n'));
