// The widget against two anchors, in one `make perf` run (issue 15):
//   - a minimal Yew counter (bench/counter), built by `make perf-counter` with exactly the widget's
//     toolchain, profile, wasm-bindgen, wasm-opt and esbuild, mounted the same way (a custom
//     element, Yew in its shadow root): what Yew itself costs;
//   - a static HTML form of the widget's first question (bench/static-form, no JS): the floor.
// Size: wasm + wasm-bindgen glue, brotli -q 11 (the widget's as size.mjs measures them).
// Ready time: from navigation start to the first frame in which the first thing a person can use
// is there (the widget's Yew-rendered first question, the counter's button, the form's input),
// median of LOADS loads; the three pages are loaded in turn, so the shared machine's noise falls on
// all three alike. Without throttling and at 4× CPU throttling.

import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, closeContext, root, dist } from './lib.mjs';
import { compressed } from './size.mjs';

export const TARGETS = { size: 2.5, ready: 1.5 };
export const COUNTER_DIR = path.join(root, 'target/perf/counter');
export const FORM_DIR = path.join(root, 'target/perf/static-form');
const COUNTER_FILES = { wasm: 'wasm/yew_counter_bg.wasm', glue: 'wasm/yew_counter.js' };
const WIDGET_FILES = { wasm: 'wasm/ansvarskollen_bg.wasm', glue: 'wasm/ansvarskollen.js' };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** wasm + glue (brotli) of the widget (from size.mjs's `measure()` files) and of the counter. */
export function anchorSizes(widgetFiles) {
  const pick = (name) => {
    const f = widgetFiles.find((x) => x.file === name);
    if (!f) throw new Error(`size.mjs measured no ${name}`);
    return f;
  };
  const widget = { wasm: pick(WIDGET_FILES.wasm), glue: pick(WIDGET_FILES.glue) };
  const counter = {};
  for (const [k, file] of Object.entries(COUNTER_FILES)) {
    const p = path.join(COUNTER_DIR, file);
    if (!fs.existsSync(p)) throw new Error(`${path.relative(root, p)} is missing: \`make perf-counter\` did not build the counter`);
    counter[k] = { file, ...compressed(fs.readFileSync(p)) };
  }
  const total = (x) => x.wasm.brotli + x.glue.brotli;
  return { widget: { ...widget, total: total(widget) }, counter: { ...counter, total: total(counter) }, ratio: total(widget) / total(counter) };
}

// Runs in the page (an init script): marks, from navigation start, the first frame in which the
// page's first usable control is rendered and visible. For the widget also its plain-HTML question.
const readyScript = (kind) => {
  const t = {};
  window.__ready = t;
  const shown = (e) => !!e && e.offsetParent !== null;
  const tick = () => {
    const now = performance.now();
    if (kind === 'widget') {
      const r = document.querySelector('ansvarskollen-widget')?.shadowRoot;
      if (r && !t.pre && shown(r.querySelector('#ak-pre-kommun'))) t.pre = now;
      if (r && shown(r.querySelector('#ak-kommun, form.ak-step input[name]:not(#ak-pre-kommun)'))) t.ready = now;
    } else if (kind === 'counter') {
      if (shown(document.querySelector('yew-counter')?.shadowRoot?.querySelector('#inc'))) t.ready = now;
    } else if (shown(document.querySelector('#ak-kommun'))) {
      t.ready = now;
    }
    if (!t.ready && now < 30000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function loadOnce(ctx, url, kind, throttle) {
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(readyScript, kind);
    await page.goto(url);
    await page.waitForFunction(() => window.__ready && window.__ready.ready, null, { timeout: 30000 }).catch((e) => {
      throw new Error(`${kind}: not ready in 30 s${errors.length ? ` (${errors[0]})` : ''}: ${e.message.split('\n')[0]}`);
    });
    return await page.evaluate(() => window.__ready);
  } finally {
    await page.close();
  }
}

/** Ready times of the widget's start page, the counter and the static form, interleaved; medians
 *  per throttling rate. A page that does not load fails the whole measurement (a ratio needs both). */
export async function anchorTimings({ loads = 20, rates = [1, 4] } = {}) {
  const servers = [await serve(dist), await serve(COUNTER_DIR), await serve(FORM_DIR)];
  const ctx = await launch({ serviceWorkers: 'block' });
  try {
    const pages = [
      { kind: 'widget', url: `${servers[0].origin}/index.html` },
      { kind: 'counter', url: `${servers[1].origin}/index.html` },
      { kind: 'form', url: `${servers[2].origin}/index.html` },
    ];
    const out = { loads };
    for (const rate of rates) {
      const times = { widget: [], counter: [], form: [], widgetPre: [] };
      for (let n = 0; n < loads; n++) {
        for (const p of pages) {
          const t = await loadOnce(ctx, p.url, p.kind, rate);
          times[p.kind].push(t.ready);
          if (p.kind === 'widget' && t.pre) times.widgetPre.push(t.pre);
        }
      }
      const m = { widget: median(times.widget), counter: median(times.counter), form: median(times.form), widgetPre: times.widgetPre.length ? median(times.widgetPre) : null };
      out[rate] = { ...m, ratio: m.widget / m.counter, overForm: m.widget / m.form };
      console.log(`ready at ${rate}×: widget ${m.widget.toFixed(0)} ms, counter ${m.counter.toFixed(0)} ms, static form ${m.form.toFixed(0)} ms`);
    }
    return out;
  } finally {
    await closeContext(ctx);
    for (const s of servers) await s.close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n == null ? '–' : `${n.toFixed(0)} ms`);
const met = (ok) => (ok ? 'met' : 'not met');
const failedRow = (what, error) => `| ${what} | **failed** | | | ${String(error).replace(/\|/g, '\\|').split('\n')[0]} |`;

/** Summary rows (| measure | value | target | ratio | |); `sizes`/`times` are values or { error }. */
export function anchorSummary(sizes, times) {
  const L = [];
  if (sizes.error) L.push(failedRow('widget / Yew counter, wasm + glue (brotli)', sizes.error));
  else L.push(`| widget / Yew counter, wasm + glue (brotli) | ${kb(sizes.widget.total)} / ${kb(sizes.counter.total)} | ≤ ${TARGETS.size.toFixed(1)}× | ${sizes.ratio.toFixed(2)}× | ${met(sizes.ratio <= TARGETS.size)} |`);
  if (times.error) L.push(failedRow('widget / Yew counter, ready time', times.error));
  else {
    L.push(`| widget / Yew counter, ready time (first usable control) | ${ms(times[1].widget)} / ${ms(times[1].counter)}; at 4×: ${ms(times[4].widget)} / ${ms(times[4].counter)} | ≤ ${TARGETS.ready.toFixed(1)}× | ${times[1].ratio.toFixed(2)}× / ${times[4].ratio.toFixed(2)}× at 4× | ${met(times[1].ratio <= TARGETS.ready)} / ${met(times[4].ratio <= TARGETS.ready)} |`);
    L.push(`| static form (the floor), ready time | ${ms(times[1].form)} / ${ms(times[4].form)} at 4× | | widget ${times[1].overForm.toFixed(2)}× / ${times[4].overForm.toFixed(2)}× | |`);
  }
  return L;
}

/** The report's section on the anchors (markdown lines). */
export function anchorSection(sizes, times) {
  const L = ['## Against a Yew counter and a static form', ''];
  L.push('The widget beside two anchors built and measured in the same run: a minimal Yew 0.23 counter (`bench/counter`: one function component, mounted like the widget in the shadow root of a custom element, with talc and Yew\'s `tracing` compiled out like the widget) built by `make perf-counter` with exactly the widget\'s toolchain, profile, nightly `-Zbuild-std` flags, wasm-bindgen, wasm-opt and esbuild (the Makefile\'s variables); and the widget\'s first question as a static HTML form without JavaScript (`bench/static-form`), the floor.', '');
  if (sizes.error) L.push(`Sizes: **failed**: ${sizes.error}`, '');
  else {
    L.push('| brotli -q 11 (raw) | widget | Yew counter | ratio |', '|---|---:|---:|---:|');
    L.push(`| wasm | ${sizes.widget.wasm.brotli} (${sizes.widget.wasm.raw}) | ${sizes.counter.wasm.brotli} (${sizes.counter.wasm.raw}) | ${(sizes.widget.wasm.brotli / sizes.counter.wasm.brotli).toFixed(2)}× |`);
    L.push(`| wasm-bindgen JS glue | ${sizes.widget.glue.brotli} (${sizes.widget.glue.raw}) | ${sizes.counter.glue.brotli} (${sizes.counter.glue.raw}) | ${(sizes.widget.glue.brotli / sizes.counter.glue.brotli).toFixed(2)}× |`);
    L.push(`| **wasm + glue** | **${sizes.widget.total}** (${kb(sizes.widget.total)}) | **${sizes.counter.total}** (${kb(sizes.counter.total)}) | **${sizes.ratio.toFixed(2)}×** (target ≤ ${TARGETS.size}×) |`, '');
  }
  if (times.error) L.push(`Ready times: **failed**: ${times.error}`, '');
  else {
    L.push(`Ready time: from navigation start to the first animation frame in which the first control a person can use is rendered (the widget's first question as rendered by Yew, not its plain-HTML stand-in; the counter's button; the form's input). Headless Chromium, local server, HTTP cache disabled, service workers blocked; median of ${times.loads} loads of each page, the three loaded in turn. (The widget's times here come from these loads; the Timings section's come from loads of their own, so the two differ by the machine's noise.)`, '');
    L.push('| | no throttling | 4× CPU throttling |', '|---|---:|---:|');
    L.push(`| static form (no JS) | ${ms(times[1].form)} | ${ms(times[4].form)} |`);
    L.push(`| Yew counter | ${ms(times[1].counter)} | ${ms(times[4].counter)} |`);
    L.push(`| widget, its plain-HTML first question (before the wasm) | ${ms(times[1].widgetPre)} | ${ms(times[4].widgetPre)} |`);
    L.push(`| widget, its first question (wasm ready) | ${ms(times[1].widget)} | ${ms(times[4].widget)} |`);
    L.push(`| **widget / counter** (target ≤ ${TARGETS.ready}×) | **${times[1].ratio.toFixed(2)}×** | **${times[4].ratio.toFixed(2)}×** |`);
    L.push(`| widget / static form | ${times[1].overForm.toFixed(2)}× | ${times[4].overForm.toFixed(2)}× |`, '');
  }
  return L;
}
