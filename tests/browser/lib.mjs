// Harness for the browser tests: a static server for dist/ that records every request, Debian's
// Chromium driven by playwright-core (no browser download), axe-core, screenshots, and a tiny
// test runner. See run.mjs for the tests.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(root, 'test-artifacts');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ on a free port of 127.0.0.1. `offline` makes it refuse everything (for offline tests). */
export async function serve(dir = dist) {
  const state = { offline: false, requests: [] };
  const server = http.createServer((req, res) => {
    state.requests.push(req.url);
    if (state.offline) { req.socket.destroy(); return; }
    const url = new URL(req.url, 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  state.origin = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((r) => server.close(r));
  return state;
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh browser profile. */
export async function launch(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
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

/** Records page errors, console errors and CSP violations of a page. */
export async function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  // CSP violations are counted by the page's own listener below (which knows when axe runs).
  page.on('console', (m) => {
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

/** Runs tests in order; prints a line per test; returns the number of failures. */
export async function runTests(tests, filter) {
  let failed = 0;
  let passed = 0;
  for (const t of tests) {
    if (filter && !t.name.includes(filter)) continue;
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed;
}
