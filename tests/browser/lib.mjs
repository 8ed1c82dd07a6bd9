// Harness for the browser tests: a static server for dist/ that records every request, Debian's
// Chromium driven by playwright-core (no browser download), axe-core, screenshots, and a tiny
// test runner. page.mjs builds the widget-specific helpers on it; run.mjs runs the tests.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { headersFor, resolve, TYPES } from '../../tools/serve.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(root, 'test-artifacts');

/** The origins of every server of this run (the widget's, host pages', a widget server without
 *  CORS, a release's): a request to any other origin is a request out of the machine. */
export const origins = new Set();

/** The content-hashed names of a built dist/ (dist/assets.json, written by www/build-assets.mjs):
 *  plain name → hashed name. */
export function assetMap(dir = dist) {
  const file = path.join(dir, 'assets.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).files : {};
}

/** The name under which dist/ serves one of the loader's files (`wasm/ansvarskollen_bg.wasm` →
 *  `wasm/ansvarskollen_bg.1a2b3c4d.wasm`); other files keep their names. */
export function asset(plain, dir = dist) {
  return assetMap(dir)[plain] || plain;
}

/** Serves dist/ on a free port of 127.0.0.1 with the headers of tools/serve.mjs (the documented
 *  ones), recording every request. Unlike a host, it asks the browser to revalidate every file
 *  (`cache: true` sends the documented cache headers): the tests serve other bytes under the same
 *  name. `cors` (true, false, or a function of the file's path) says whether it sends
 *  Access-Control-Allow-Origin. `offline` makes it refuse everything (for offline tests); `pages`
 *  maps a path to an extra HTML page (a blank host page); `faults` maps a path to what goes wrong
 *  with it: 'hang' (never answers), 'reset' (the connection drops), a status number, or a Buffer
 *  served instead of the file (a damaged file). A fault for a file's plain name applies to its
 *  content-hashed name. */
export async function serve(dir = dist, { cors = true, cache = false } = {}) {
  const hanging = new Set();
  const state = { offline: false, requests: [], pages: new Map(), faults: new Map() };
  const plainOf = new Map(Object.entries(assetMap(dir)).map(([plain, hashed]) => [`/${hashed}`, `/${plain}`]));
  const server = http.createServer((req, res) => {
    state.requests.push(req.url);
    if (state.offline) { req.socket.destroy(); return; }
    const url = new URL(req.url, 'http://x');
    const fault = state.faults.get(url.pathname) ?? state.faults.get(plainOf.get(url.pathname));
    if (fault === 'hang') { hanging.add(res); res.on('close', () => hanging.delete(res)); return; }
    if (fault === 'reset') { req.socket.destroy(); return; }
    if (typeof fault === 'number') { res.writeHead(fault, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end(`status ${fault}`); return; }
    const page = state.pages.get(url.pathname);
    if (page !== undefined) { res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(page); return; }
    const file = resolve(dir, url.pathname);
    if (!file) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      const allow = typeof cors === 'function' ? cors(rel) : cors;
      if (err) { res.writeHead(404, { 'content-type': 'text/plain', ...(allow && { 'access-control-allow-origin': '*' }) }).end('not found'); return; }
      const headers = headersFor(rel, { cors: allow });
      if (!cache) headers['cache-control'] = 'no-cache';
      // Damaged bytes must not stay in a cache: the next test asks for the same name.
      if (Buffer.isBuffer(fault)) headers['cache-control'] = 'no-store';
      res.writeHead(200, headers);
      res.end(Buffer.isBuffer(fault) ? fault : body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  state.origin = `http://127.0.0.1:${server.address().port}`;
  origins.add(state.origin);
  /** Runs `fn` with `faults` ({ path: fault }) in place; clears them (and answers hung requests with 503) after. */
  state.withFaults = async (faults, fn) => {
    for (const [p, f] of Object.entries(faults)) state.faults.set(p, f);
    try {
      return await fn();
    } finally {
      for (const p of Object.keys(faults)) state.faults.delete(p);
      for (const res of hanging) res.writeHead(503).end();
    }
  };
  state.close = () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return state;
}

/** Rejects with "what: no answer in ms ms" unless `promise` settles first (nothing in a test may hang). */
export function within(ms, what, promise) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh browser profile. */
export async function launch(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, timeout: 30000,
    viewport: { width: 1280, height: 900 }, ...options,
  });
  ctx.profileDir = dir;
  return ctx;
}

export async function closeContext(ctx) {
  await ctx.close();
  fs.rmSync(ctx.profileDir, { recursive: true, force: true });
}

const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page, shadow roots included; returns the violations (WCAG 2.1 A/AA and best practices). */
export async function axe(page, context = null) {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(() => { window.__axeRunning = true; });
  await page.evaluate(axeSource);
  return page.evaluate(async (context) => {
    // axe adds inline styles while it works, which this page's strict CSP reports: not ours.
    const r = await window.axe.run(context || document, { resultTypes: ['violations'] }).finally(() => setTimeout(() => { window.__axeRunning = false; }, 0));
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary).slice(0, 3) }));
  }, context);
}

export async function expectNoAxeViolations(page, where, context = null) {
  const v = await axe(page, context);
  if (v.length) throw new Error(`axe found ${v.length} violation(s) at ${where}:\n${JSON.stringify(v, null, 2)}`);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function eq(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export async function screenshot(page, name) {
  fs.mkdirSync(path.join(artifacts, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'screenshots', `${name}.png`), fullPage: true });
}

/** Records page errors, console errors and CSP violations of a page, and every console message
 *  (`page.messages`, as "type: text"). */
export async function watch(page) {
  const problems = [];
  page.messages = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  // CSP violations are counted by the page's own listener below (which knows when axe runs).
  page.on('console', (m) => {
    page.messages.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error' && !m.text().includes('Content Security Policy')) problems.push(`console error: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      if (!window.__axeRunning) (window.__cspViolations ||= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.problems = async () => {
    const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
    return problems.concat(csp.map((c) => `CSP violation: ${c}`));
  };
  return page;
}

/** Runs tests in order; prints a line per test; returns the number of failures. A test marked
 *  `pending` (with the reason) waits for work on another branch: its failure is expected and not
 *  counted, and its passing is a failure that says to remove the mark. */
export async function runTests(tests, filter) {
  let failed = 0;
  let passed = 0;
  for (const t of tests) {
    if (filter && !t.name.includes(filter)) continue;
    const started = Date.now();
    try {
      await t.fn();
      if (t.pending) {
        failed++;
        console.log(`FAIL ${t.name}\n     passes now: remove its pending mark (${t.pending})`);
      } else {
        passed++;
        console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
      }
    } catch (e) {
      if (t.pending) {
        console.log(`todo ${t.name} (${Date.now() - started} ms): fails as expected until ${t.pending}\n     ${String(e && e.message || e).split('\n')[0]}`);
        continue;
      }
      failed++;
      console.log(`FAIL ${t.name}\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed;
}
