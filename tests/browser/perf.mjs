// The performance report (`make perf`): sizes (per file, gzip and brotli, and per dependency),
// timings in headless Chromium (median of 20 loads, without throttling and at 4× CPU throttling),
// engine speed (native from criterion, in wasm from the page), the widget against a Yew counter
// and a static form (perf-anchor.mjs), Lighthouse (perf-lighthouse.mjs), and the machine, each
// with its ratio to the target. Writes target/perf-report.md and target/perf-report.json, and,
// when every step succeeded, copies the report into docs/performance.md (perf-docs.mjs).
// Timings are reported, not asserted: these machines are shared and noisy.
// Each measurement is a step (`step` below): one that fails, or whose build step in `make perf`
// failed (target/perf/steps/NAME.failed), is reported as failed and the others still run; the
// script then exits 1, so a broken measurement cannot rot unnoticed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, closeContext, root, dist } from './lib.mjs';
import { measure, BUDGET, GOAL } from './size.mjs';
import { anchorSizes, anchorTimings, anchorSummary, anchorSection } from './perf-anchor.mjs';
import { lighthouse, lighthouseSummary, lighthouseSection } from './perf-lighthouse.mjs';
import { updateDocs } from './perf-docs.mjs';

const LOADS = 20;
const out = path.join(root, 'target');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;

// --- Steps ---------------------------------------------------------------------------------------
/** What a failed step returns: `error` says why (the report prints it). */
class Failed {
  constructor(error) { this.error = error; }
}
const failed = (x) => x instanceof Failed;
const steps = [];
const stepsDir = path.join(out, 'perf', 'steps');
// `make perf`'s build steps (Makefile): each that failed left NAME.failed in target/perf/steps/.
const BUILD_STEPS = {
  'perf-engine-wasm': 'the widget with the in-wasm timing export',
  'perf-counter': 'the Yew counter anchor and the static form',
  'perf-bench': 'native engine speed (criterion)',
};
const buildFailed = (name) => fs.existsSync(path.join(stepsDir, `${name}.failed`));
const buildSeconds = (name) => { const f = path.join(stepsDir, `${name}.seconds`); return fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : null; };
for (const [name, what] of Object.entries(BUILD_STEPS)) steps.push({ name: `make ${name}`, what, ok: !buildFailed(name), seconds: buildSeconds(name) });
const perfStarted = Date.now();

/** Runs one measurement; on failure, after `minutes` without a result, or when a build step it
 *  `needs` failed, records why and returns a Failed. (What a timed-out step left running ends with
 *  the script's process.exit.) */
async function step(name, fn, { needs = [], minutes = 5 } = {}) {
  const started = Date.now();
  let timer;
  try {
    const broken = needs.filter(buildFailed);
    if (broken.length) throw new Error(`its build step failed: make ${broken.join(', make ')}`);
    const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result in ${minutes} min`)), minutes * 60000); });
    const value = await Promise.race([fn(), late]);
    steps.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
    return value;
  } catch (e) {
    const error = String(e && e.message || e).split('\n')[0];
    steps.push({ name, ok: false, error, seconds: (Date.now() - started) / 1000 });
    console.error(`make perf: step "${name}" failed: ${e && e.stack || e}`);
    return new Failed(error);
  } finally {
    clearTimeout(timer);
  }
}
const loadBefore = os.loadavg();

// --- Sizes ---------------------------------------------------------------------------------
const sizes = await step('sizes of the first answer', () => measure());

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
  execFileSync('node', [path.join(root, 'tools/node_modules/binaryen/bin/wasm-opt'), '-Oz', '--converge', '-g', file, '-o', file]);
  const b = fs.readFileSync(file);
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const sections = [];
  while (i < b.length) { const id = b[i++]; const size = leb(); sections.push({ id, start: i, size }); i += size; }
  let imported = 0;
  const imp = sections.find((s) => s.id === 2);
  // Each import: module name, field name (each a length and bytes), kind, description. (The lengths
  // are read before they are added: `i += leb()` would read `i` before leb() moves it.)
  const skipName = () => { const len = leb(); i += len; };
  if (imp) { i = imp.start; const n = leb(); for (let k = 0; k < n; k++) { skipName(); skipName(); const kind = b[i++]; if (kind === 0) { leb(); imported++; } else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { i += 2; } else { i++; leb(); } }
    if (i !== imp.start + imp.size) throw new Error(`misread the wasm import section: ended at byte ${i}, not ${imp.start + imp.size}`); }
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
  // A function counts for the crate whose path its name starts with: a generic function for the
  // crate that defines it (Yew's component lifecycle instantiated for each of our components, which
  // inlines the component's view, counts as yew). Methods of primitive types, slices and references
  // count as core; the shims wasm-bindgen writes for our exports as ours.
  const primitive = new Set(['str', 'char', 'bool', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64']);
  const crateOf = (n) => {
    if (!n) return 'other';
    if (/^(__wbindgen|__wbg|__externref)/.test(n)) return 'wasm_bindgen';
    if (/ (multivalue|externref) shim$/.test(n) && !n.includes('::')) return 'ansvarskollen';
    const s = n.replace(/^<+/, '');
    if (/^[[&(*]/.test(s)) return 'core';
    const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)/);
    if (!m) return 'other';
    return primitive.has(m[1]) ? 'core' : m[1];
  };
  const costs = new Map();
  bodies.forEach((size, k) => { const c = crateOf(names.get(imported + k)); costs.set(c, (costs.get(c) || 0) + size); });
  const data = sections.filter((s) => s.id === 11).reduce((t, s) => t + s.size, 0);
  const total = [...costs.values()].reduce((a, c) => a + c, 0);
  return { code: total, data, crates: [...costs.entries()].sort((a, c) => c[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes })) };
}
const deps = await step('cost per dependency', crateCosts);

// --- Timings -------------------------------------------------------------------------------
// The page and the browser of the timing step (loads() and interaction() below use them).
let server;
let ctx;
let chromiumVersion = '';

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
/** Load timings and interaction, each without throttling and at 4×. */
async function widgetTimings() {
  server = await serve();
  ctx = await launch({ serviceWorkers: 'block' });
  try {
    chromiumVersion = ctx.browser()?.version() || '';
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
    const interact = { 1: await interaction(1), 4: await interaction(4) };
    return { timing, interact };
  } finally {
    await closeContext(ctx);
    await server.close();
  }
}
const timings = await step('load and interaction timings', widgetTimings);
const timing = failed(timings) ? timings : timings.timing;
const interact = failed(timings) ? timings : timings.interact;

// Engine speed in wasm, in the page, with the `perf` build (target/perf/dist, made by `make perf`):
// the same bundle plus an export that times decisions inside wasm.
async function wasmEngineSpeed() {
  const perfServer = await serve(path.join(out, 'perf', 'dist'));
  const perfCtx = await launch({ serviceWorkers: 'block' });
  try {
    const page = await perfCtx.newPage();
    await page.goto(`${perfServer.origin}/index.html`);
    await page.locator('ansvarskollen-widget #ak-kommun').waitFor({ timeout: 30000 });
    return await page.evaluate(async () => {
      // The loaded engine and the loader's fetch (by the files' content-hashed names).
      const loader = await import('/ansvarskollen.js');
      const m = await loader.engine();
      for (const lan of ['19', '14', '01', '18']) m.load_region(await loader.fetchBytes(`rules/regions/${lan}.bin`));
      const q = 'kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&duration=long&date=2024-05-02';
      const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
      m.time_decisions(q, 2000);
      const decide = med(Array.from({ length: 15 }, () => m.time_decisions(q, 5000)));
      for (let n = 0; n < 200; n++) m.answer_json(q, 'sv');
      const json = med(Array.from({ length: 15 }, () => { const t0 = performance.now(); for (let n = 0; n < 500; n++) m.answer_json(q, 'sv'); return (performance.now() - t0) / 500 * 1000; }));
      return { decide, json };
    });
  } finally {
    await closeContext(perfCtx);
    await perfServer.close();
  }
}
const wasmEngine = await step('engine speed in wasm', wasmEngineSpeed, { needs: ['perf-engine-wasm'] });

// --- Against the Yew counter and the static form; Lighthouse ---------------------------------------
const anchorSize = await step('size against the Yew counter', () => {
  if (failed(sizes)) throw new Error('the sizes of the first answer failed');
  return anchorSizes(sizes.files);
}, { needs: ['perf-counter'] });
const anchorTime = await step('ready time against the Yew counter and the static form', () => anchorTimings({ loads: LOADS }), { needs: ['perf-counter'] });
const lh = await step('Lighthouse', () => lighthouse(dist), { minutes: 12 });
// A (page, preset) whose runs failed is shown as failed in its table; it fails the run too.
if (!failed(lh) && lh.failed) Object.assign(steps.at(-1), { ok: false, error: `${lh.failed} of ${lh.results.length} page and preset runs failed` });

// --- Native engine speed (criterion) ------------------------------------------------------------
function criterion(id) {
  const dir = path.join(out, 'criterion', id, 'new', 'estimates.json');
  if (!fs.existsSync(dir)) throw new Error(`no criterion result for "${id}" (target/criterion)`);
  return JSON.parse(fs.readFileSync(dir, 'utf8')).median.point_estimate; // ns
}
const native = await step('engine speed, native (criterion)', () => ({
  verdict: criterion('verdict (kommun and date fixed)'),
  decide: criterion('decide one case (answer with explanation)'),
  resolve: criterion('resolve a partial case (what is still needed)'),
  check: criterion('check/exhaustive check of all rules of all regions'),
}), { needs: ['perf-bench'] });

// --- Report --------------------------------------------------------------------------------------
const run = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); } catch { return 'not found'; } };
// How long `make perf` took: the Makefile notes when it started (before its build steps).
const startedFile = path.join(stepsDir, 'started');
const makeStarted = fs.existsSync(startedFile) ? Number(fs.readFileSync(startedFile, 'utf8')) * 1000 : null;
const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpu: os.cpus()[0]?.model || 'unknown', cores: os.cpus().length, memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  os: `${os.type()} ${os.release()}`, node: process.version, chromium: chromiumVersion,
  rustc: run('rustc', ['--version']), rustcNightly: run('rustc', ['+nightly', '--version']),
  load: { before: loadBefore.map((x) => +x.toFixed(2)), after: os.loadavg().map((x) => +x.toFixed(2)) },
  seconds: { measuring: Math.round((Date.now() - perfStarted) / 1000), makePerf: makeStarted ? Math.round((Date.now() - makeStarted) / 1000) : null },
};
const ratio = (v, t) => `${(v / t).toFixed(2)}×`;
const ok = (v, t) => (v <= t ? 'met' : 'not met');
const failedSteps = steps.filter((x) => !x.ok);
const plain = (x) => (failed(x) ? { failed: x.error } : x);
const report = {
  machine, steps, sizes: plain(sizes), dependencies: plain(deps), timing: plain(timing), interaction: plain(interact),
  engine: { native: plain(native), wasm: plain(wasmEngine) }, anchors: { size: plain(anchorSize), ready: plain(anchorTime) }, lighthouse: plain(lh),
};
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'perf-report.json'), JSON.stringify(report, null, 2));

const minutes = (sec) => `${Math.floor(sec / 60)} min ${String(sec % 60).padStart(2, '0')} s`;
const failRow = (what, x) => `| ${what} | **failed** | | | ${x.error.replace(/\|/g, '\\|')} |`;
const L = [];
L.push('# Performance report', '');
L.push(`Written by \`make perf\` on ${machine.date}${machine.seconds.makePerf ? ` (it took ${minutes(machine.seconds.makePerf)}, builds included)` : ''}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}; ${machine.os}; Chromium ${machine.chromium}; ${machine.rustc}; wasm built with ${machine.rustcNightly} (-Zbuild-std); load average ${machine.load.before[0]} at the start of the measurements, ${machine.load.after[0]} at the end. Timings come from a shared, noisy machine: they are medians, reported and not asserted. Sizes are deterministic; CI fails if the brotli total exceeds the budget.`, '');
if (failedSteps.length) {
  L.push(`**${failedSteps.length} step(s) failed** (\`make perf\` exits 1): ${failedSteps.map((x) => `${x.name}${x.error ? ` (${x.error})` : ''}`).join('; ')}.`, '');
}
L.push('## Summary', '', '| measure | value | target | ratio | |', '|---|---|---|---|---|');
if (failed(sizes)) L.push(failRow('first answer, transfer size (brotli)', sizes));
else L.push(`| first answer, transfer size (brotli) | ${kb(sizes.total.brotli)} | ≤ ${kb(BUDGET)} (goal ${kb(GOAL)}) | ${ratio(sizes.total.brotli, BUDGET)} | ${ok(sizes.total.brotli, BUDGET)} |`);
L.push(...anchorSummary(anchorSize, anchorTime));
if (failed(timing)) L.push(failRow('load and interaction timings', timing));
else {
  L.push(`| first question, plain HTML, before the wasm | ${ms(timing[1].preQuestion)} / ${ms(timing[4].preQuestion)} at 4× | ≤ 200 ms / ≤ 800 ms | ${ratio(timing[1].preQuestion, 200)} / ${ratio(timing[4].preQuestion, 800)} | ${ok(timing[1].preQuestion, 200)} / ${ok(timing[4].preQuestion, 800)} |`);
  L.push(`| first question of the widget (wasm ready) | ${ms(timing[1].question)} / ${ms(timing[4].question)} at 4× | ≤ 200 ms / ≤ 800 ms | ${ratio(timing[1].question, 200)} / ${ratio(timing[4].question, 800)} | ${ok(timing[1].question, 200)} / ${ok(timing[4].question, 800)} |`);
  L.push(`| answer from a deep link | ${ms(timing[1].answer)} / ${ms(timing[4].answer)} at 4× | ≤ 200 ms / ≤ 800 ms | ${ratio(timing[1].answer, 200)} / ${ratio(timing[4].answer, 800)} | ${ok(timing[1].answer, 200)} / ${ok(timing[4].answer, 800)} |`);
  L.push(`| re-render after an answer (click → next question in the DOM) | ${interact[1].dom.toFixed(1)} ms / ${interact[4].dom.toFixed(1)} ms at 4× | < 16 ms at 4× | ${ratio(interact[4].dom, 16)} | ${ok(interact[4].dom, 16)} |`);
}
if (failed(lh)) L.push(failRow('Lighthouse', lh));
else L.push(...lighthouseSummary(lh));
if (failed(native)) L.push(failRow('deciding one case, native; the exhaustive check', native));
else {
  L.push(`| deciding one case, native (with explanation) | ${(native.decide / 1000).toFixed(2)} µs | ≤ 5 µs (goal 1 µs) | ${ratio(native.decide / 1000, 5)} | ${ok(native.decide / 1000, 5)} |`);
  L.push(`| deciding one case, native (verdict only) | ${native.verdict.toFixed(1)} ns | ≤ 5 µs (goal 1 µs) | ${ratio(native.verdict / 1000, 5)} | ${ok(native.verdict / 1000, 5)} |`);
}
if (failed(wasmEngine)) L.push(failRow('deciding one case, wasm (with explanation)', wasmEngine));
else L.push(`| deciding one case, wasm (with explanation) | ${wasmEngine.decide.toFixed(2)} µs | ≤ 5 µs (goal 1 µs) | ${ratio(wasmEngine.decide, 5)} | ${ok(wasmEngine.decide, 5)} |`);
if (!failed(native)) L.push(`| exhaustive check of all rules of all regions (one core) | ${(native.check / 1e6).toFixed(1)} ms | ≤ 2 s, complete | ${ratio(native.check / 1e9, 2)} | ${ok(native.check / 1e9, 2)} |`);
L.push('');
L.push('## Transfer size of the first answer', '');
if (failed(sizes)) L.push(`**Failed**: ${sizes.error}`, '');
else {
  L.push('What a visitor downloads before the first answer, compressed as a server would send it (gzip -9, brotli -q 11). The region is the one with the largest rules file; the others are smaller.', '');
  L.push('| file | what | raw | gzip | brotli |', '|---|---|---:|---:|---:|');
  for (const f of sizes.files) L.push(`| \`${f.file}\` | ${f.what} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
  L.push(`| **total** | | ${sizes.total.raw} | ${sizes.total.gzip} | **${sizes.total.brotli}** (${kb(sizes.total.brotli)}) |`, '');
  L.push(`Region rules files (brotli): ${sizes.regions.map((r) => `${path.basename(r.file, '.bin')}: ${r.brotli}`).join(', ')}. Not needed for the first answer: the other regions' rules (loaded when their kommun is chosen), the "Om uppgifterna" page, the service worker (registered after the page works).`, '');
}
L.push(...anchorSection(anchorSize, anchorTime));
L.push('## What each dependency costs', '');
if (failed(deps)) L.push(`**Failed**: ${deps.error}`, '');
else {
  L.push(`Code bytes per crate in the optimised wasm (before compression; ${deps.code} bytes of code and ${deps.data} bytes of data in all). Names come from a copy built with the same flags that keeps its name section. A function counts for the crate its name starts with, so a generic function counts for the crate that defines it: Yew's component lifecycle, instantiated for each of our components with its view inlined, counts as yew.`, '');
  L.push('| crate | code bytes | share |', '|---|---:|---:|');
  for (const c of deps.crates.slice(0, 16)) L.push(`| ${c.crate} | ${c.bytes} | ${(100 * c.bytes / deps.code).toFixed(1)} % |`);
  L.push('');
}
L.push('## How the size was earned', '', 'Measured step by step on this machine (brotli of the wasm): 175 KB with serde_json reading JSON rules → 133.5 KB with hand-written binary rules and a hand-written JSON writer → 123.7 KB with Yew\'s `tracing` compiled out → 119.3 KB without any sort routine → 117.1 KB with stateless components as functions → 113.5 KB without the in-widget coverage table (now a static page) → 112.2 KB with talc instead of dlmalloc (talc still saves 1.3 KB under nightly: 102.3 vs 103.6 KB) → 101.5 KB with nightly `-Zbuild-std` (std built for size, panics as immediate aborts); what was added since (the hand-over from the plain-HTML first question, faster lookups) is in the table above. Moved out of the shipped bundle: the in-wasm timing export (1.0 KB; only in `make perf`\'s own build). The JS glue went from 6.7 to 4.4 KB with esbuild minification; the core rules from 18.2 KB (JSON) to 6.5 KB (binary, region sources moved into the region files).', '');
L.push('## Timings', '');
if (failed(timing)) L.push(`**Failed**: ${timing.error}`, '');
else {
  L.push(`Headless Chromium against a local server (no network throttling, HTTP cache disabled), median of ${LOADS} loads, measured from navigation start with requestAnimationFrame (one-frame resolution), without throttling and with CDP \`Emulation.setCPUThrottlingRate\` = 4.`, '');
  L.push('| | no throttling | 4× CPU throttling |', '|---|---:|---:|');
  L.push(`| first question, plain HTML (before the wasm) | ${ms(timing[1].preQuestion)} | ${ms(timing[4].preQuestion)} |`);
  L.push(`| first question of the widget | ${ms(timing[1].question)} | ${ms(timing[4].question)} |`);
  L.push(`| answer from a deep link | ${ms(timing[1].answer)} | ${ms(timing[4].answer)} |`);
  L.push(`| re-render after an answer (click → next question in the DOM) | ${interact[1].dom.toFixed(1)} ms | ${interact[4].dom.toFixed(1)} ms |`);
  L.push(`| the same, until the frame with it is painted (two animation frames; includes waiting for the frame) | ${interact[1].painted.toFixed(1)} ms | ${interact[4].painted.toFixed(1)} ms |`, '');
}
if (!failed(lh)) L.push(...lighthouseSection(lh));
else L.push('## Lighthouse', '', `**Failed**: ${lh.error}`, '');
L.push('## Engine speed', '');
if (failed(native)) L.push(`- Native (criterion): **failed**: ${native.error}`);
else L.push(`- Native (criterion, \`cargo bench --bench engine\`): verdict with kommun and date fixed ${native.verdict.toFixed(1)} ns; one case decided and explained ${(native.decide / 1000).toFixed(2)} µs; a partial case resolved ${(native.resolve / 1000).toFixed(2)} µs; the exhaustive check of every rule of every region, all 290 kommuner and every date segment 1992–2027, ${(native.check / 1e6).toFixed(1)} ms.`);
if (failed(wasmEngine)) L.push(`- In wasm: **failed**: ${wasmEngine.error}`, '');
else L.push(`- In wasm (in the page): one case decided and explained ${wasmEngine.decide.toFixed(2)} µs (median of 15 runs of 5000, timed inside wasm); the integrators' call \`answer_json\` from JavaScript (parse the query, decide, explain, write JSON, cross into JS) ${wasmEngine.json.toFixed(2)} µs.`, '');
L.push('## The steps of this run', '', '| step | | seconds |', '|---|---|---:|');
for (const x of steps) L.push(`| ${x.name}${x.what ? `: ${x.what}` : ''} | ${x.ok ? 'ok' : `**failed**${x.error ? `: ${x.error.replace(/\|/g, '\\|')}` : ' (its output is above in the make log)'}`} | ${x.seconds == null ? '' : x.seconds.toFixed(0)} |`);
L.push('');
const markdown = L.join('\n');
fs.writeFileSync(path.join(out, 'perf-report.md'), markdown);
console.log(markdown);

// docs/performance.md holds the last complete report between its `make perf` markers.
if (failedSteps.length) {
  console.error(`\nmake perf: ${failedSteps.length} step(s) failed (${failedSteps.map((x) => x.name).join('; ')}): docs/performance.md not updated`);
  process.exit(1);
}
try {
  updateDocs(markdown);
  console.error('\nmake perf: the report is in target/perf-report.md and docs/performance.md');
} catch (e) {
  console.error(`\nmake perf: could not update docs/performance.md: ${e.message}`);
  process.exit(1);
}
process.exit(0);
