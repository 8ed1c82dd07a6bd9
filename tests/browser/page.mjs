// The shared page helper of the browser tests: one server for dist/ and one Chromium context for
// the whole run (started by run.mjs), a fresh watched page per test, and what a person does with
// the widget: read which step it shows, answer it by mouse or keyboard, run a whole flow, check an
// answer and its event. The tests themselves are in flows.mjs, a11y.mjs, embedding.mjs,
// offline.mjs and parity.mjs; lib.mjs is the lower layer (server, browser, axe, asserts).

import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, closeContext, watch, expectNoAxeViolations, screenshot, assert, eq, root, origins } from './lib.mjs';

export const W = 'ansvarskollen-widget';
/** The server of dist/ and its origin, and the shared browser context; set by start(). */
export let server;
export let origin;
export let ctx;
/** A second origin for host pages (its `pages` only; it serves no file of the widget): a page
 *  there that embeds the widget is a page of another origin, as on a region's or kommun's site. */
export let hosts;
export let hostOrigin;
/** Every request of the shared context to an origin that is none of the test servers (none may happen). */
export const foreign = [];

/** Starts the server and the shared context. */
export async function start() {
  server = await serve();
  origin = server.origin;
  hosts = await serve(path.join(root, 'target', 'no-such-folder'));
  hostOrigin = hosts.origin;
  // Service workers are tested in contexts of their own: here they would answer requests from their
  // cache, out of sight of the tests' request routing.
  ctx = await launch({ serviceWorkers: 'block' });
  ctx.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && !origins.has(new URL(u).origin)) foreign.push(u);
  });
}

export async function stop() {
  await closeContext(ctx);
  await server.close();
  await hosts.close();
}

/** A snippet of the docs, marked there with `<!-- snippet: NAME -->` before its code block. */
export function docSnippet(name, file = 'docs/embedding.md') {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const m = text.match(new RegExp(`<!-- snippet: ${name} -->\\s*\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``));
  assert(m, `${file} has a code block marked <!-- snippet: ${name} -->`);
  return m[1];
}

/** A blank page of its own on `on` (a server of lib.mjs) with `body` in it; returns its URL. */
export function blankPage(on, name, body, head = '') {
  on.pages.set(`/${name}`, `<!doctype html><html lang="sv"><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">${head}\n<body>\n${body}\n</body></html>`);
  return `${on.origin}/${name}`;
}

/** A list of tests and the function that adds one, for a test module. */
export function suite() {
  const tests = [];
  return { tests, test: (name, fn, opts = {}) => tests.push({ name, fn, ...opts }) };
}

export async function newPage(width = 1280, context = ctx) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await watch(page);
  await page.addInitScript(() => {
    window.__answers = [];
    document.addEventListener('ansvarskollen:answer', (e) => window.__answers.push({ target: e.target.id, detail: e.detail }));
  });
  return page;
}

/** Closes a test's page; fails on any page error, console error or CSP violation but the expected
 *  ones (`expected`: regular expressions). */
export async function done(page, expected = []) {
  const problems = (await page.problems()).filter((p) => !expected.some((e) => e.test(p)));
  await page.close();
  assert(problems.length === 0, `problems on the page:\n${problems.join('\n')}`);
}

/** The step a widget shows: an input's name, "answer", "about", "loading" or null before it starts. */
export function step(page, sel = W) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)?.shadowRoot;
    if (!r || !r.querySelector('.ak-widget')) return null;
    if (r.querySelector('.ak-answer')) return 'answer';
    if (r.querySelector('.ak-about')) return 'about';
    const input = r.querySelector('form.ak-step input[name]');
    if (input) return input.getAttribute('name');
    return r.querySelector('.ak-loading') ? 'loading' : 'other';
  }, sel);
}

export async function waitStep(page, sel, not) {
  for (let i = 0; i < 200; i++) {
    const s = await step(page, sel);
    if (s && s !== not && s !== 'loading') return s;
    await page.waitForTimeout(25);
  }
  throw new Error(`no new step in ${sel} (still ${await step(page, sel)})`);
}

/** The element inside a widget's shadow root that has focus, as "tag#id.class". */
export function focused(page, sel = W) {
  return page.evaluate((sel) => {
    const a = document.querySelector(sel)?.shadowRoot?.activeElement;
    return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(' ')[0] : ''}` : 'none';
  }, sel);
}

export async function answerByMouse(page, sel, name, value, scenario) {
  const w = page.locator(sel);
  if (name === 'kommun') {
    const input = w.locator('#ak-kommun');
    await input.click();
    await input.pressSequentially(scenario.query);
    const option = w.locator('.ak-option', { has: page.locator('.ak-option-name', { hasText: new RegExp(`^${scenario.kommunName}$`) }) });
    // A text naming exactly one kommun settles the choice (no list): then Continue takes it.
    if (await option.isVisible()) await option.click();
    else await w.locator('button[type=submit]').click();
    return;
  }
  if (name === 'age' || name === 'date') {
    await w.locator(`#ak-${name}`).fill(String(value));
  } else {
    await w.locator(`label[for="${await w.locator(`input[name="${name}"][value="${value}"]`).getAttribute('id')}"]`).click();
  }
  await w.locator('button[type=submit]').click();
}

export async function answerByKeyboard(page, sel, name, value, scenario) {
  const k = page.keyboard;
  if (name === 'kommun') {
    for (let i = 0; i < 30 && (await focused(page, sel)) !== 'input#ak-kommun.ak-input'; i++) await k.press('Tab');
    eq(await focused(page, sel), 'input#ak-kommun.ak-input', 'Tab reaches the kommun field');
    await k.type(scenario.query);
    for (let i = 0; i < 12; i++) {
      await k.press('ArrowDown');
      const active = await page.evaluate((sel) => {
        const r = document.querySelector(sel).shadowRoot;
        const id = r.querySelector('#ak-kommun').getAttribute('aria-activedescendant');
        return id ? r.getElementById(id).querySelector('.ak-option-name').textContent : null;
      }, sel);
      if (active === scenario.kommunName) break;
    }
    await k.press('Enter');
    return;
  }
  // Focus is on the question's heading; the next Tab reaches the field.
  assert((await focused(page, sel)).startsWith('h2'), `focus is on the heading of ${name}, not ${await focused(page, sel)}`);
  await k.press('Tab');
  if (name === 'age' || name === 'date') {
    await k.type(String(value));
    await k.press('Enter');
    return;
  }
  const values = await page.locator(sel).locator(`input[name="${name}"]`).evaluateAll((els) => els.map((e) => e.value));
  const index = values.indexOf(String(value));
  assert(index >= 0, `${value} is not a choice of ${name}`);
  if (index === 0) await k.press('Space');
  for (let i = 0; i < index; i++) await k.press('ArrowDown');
  await k.press('Tab');
  eq(await focused(page, sel), 'button.ak-button', 'Tab from the choices reaches Continue');
  await k.press('Enter');
}

/** Answers every question the widget asks until it answers; returns the steps asked. */
export async function runFlow(page, scenario, mode, { sel = W, axe = false, shots = null } = {}) {
  const asked = [];
  let last = null;
  for (let i = 0; i < 10; i++) {
    const s = await waitStep(page, sel, last);
    if (s === 'answer') break;
    asked.push(s);
    if (axe) await expectNoAxeViolations(page, `${scenario.name}, step ${s}`);
    if (shots) await screenshot(page, `${shots}-${s}`);
    const value = s === 'kommun' ? null : scenario.answers[s];
    assert(s === 'kommun' || value !== undefined, `${scenario.name}: asked ${s}, which should not matter`);
    if (mode === 'mouse') await answerByMouse(page, sel, s, value, scenario);
    else await answerByKeyboard(page, sel, s, value, scenario);
    last = s;
  }
  return asked;
}

export async function checkAnswer(page, scenario, sel = W) {
  const w = page.locator(sel);
  const answer = w.locator('.ak-answer');
  await answer.waitFor();
  eq(await answer.getAttribute('data-responsible'), scenario.responsible, `${scenario.name}: data-responsible`);
  const heading = await w.locator('.ak-answer-heading').innerText();
  if (scenario.organisation) assert(heading.includes(scenario.organisation), `${scenario.name}: "${heading}" names ${scenario.organisation}`);
  const citations = await w.locator('.ak-reasons .ak-citation').count();
  assert(citations > 0, `${scenario.name}: a citation is shown`);
  const link = await w.locator('.ak-reasons .ak-citation a').first().getAttribute('href').catch(() => null);
  assert(!link || link.startsWith('http'), `${scenario.name}: citation links to its source`);
  const events = await page.evaluate(() => window.__answers);
  const last = events.at(-1);
  assert(last, `${scenario.name}: an ansvarskollen:answer event was dispatched`);
  eq(last.detail.responsible, scenario.responsible === 'not_determined' ? null : scenario.responsible, `${scenario.name}: event detail.responsible`);
  if (scenario.organisation) assert(last.detail.organisation.name.includes(scenario.organisation.split(',')[0]), `${scenario.name}: event names the organisation`);
  return last.detail;
}
