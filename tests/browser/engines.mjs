// The core flows in three engines (issue 10): Chromium, Firefox and WebKit run the same test
// bodies through one small interface (engines/driver.mjs): the custom element on a blank page of
// its own, Retry after a file that failed, a full journey by real clicks and keys, the printed
// answer's receipts, a deep link, the staff matrix from a link, and offline after one visit (service worker). Patients use
// Safari on iPhones and staff use iPads: WebKitGTK stands in for them (the same engine family).
// Each engine starts a browser with a fresh profile for the first tests and another for the
// offline test; a browser that cannot start fails its tests (each start gives up within 45 s).

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { assert, eq, root, serve, dist } from './lib.mjs';
import { origin, server, hosts, suite, docSnippet, blankPage as pageOn } from './page.mjs';
import { drive, W } from './engines/driver.mjs';
import * as chromium from './engines/chromium.mjs';
import * as firefox from './engines/firefox.mjs';
import * as webkit from './engines/webkit.mjs';

const { tests, test } = suite();
export { tests };

export const engines = { chromium, firefox, webkit };
const open = new Map();
/** A server of dist/ that sends no Access-Control-Allow-Origin (a host that forgot it), once. */
let bare;

/** Closes the browsers the tests left open (after a failure), and the server without CORS. */
export async function closeAll() {
  for (const b of open.values()) await b.then((x) => x.close(), () => {}).catch(() => {});
  open.clear();
  await bare?.then((s) => s.close());
  bare = undefined;
}

/** The docs' snippet for the widget's files at `at`, on a page of another origin (issue 14). */
const docsPage = (name, at) => pageOn(hosts, name, docSnippet('element').replaceAll('https://YOUR-SERVER/ansvarskollen/', `${at}/`));

/** A host page with nothing but the script and the element. */
function blankPage(name, attrs) {
  server.pages.set(`/${name}`, `<!doctype html><html lang="en"><meta charset="utf-8"><title>A page of its own</title><link rel="icon" href="data:,">
<script type="module" src="/ansvarskollen.js"></script>
<ansvarskollen-widget ${attrs}></ansvarskollen-widget>`);
  return `${origin}/${name}`;
}

/** The answer a widget shows, and the answer events heard on the page. */
function answer(b, sel = W) {
  return b.evalInWidget(sel, (r) => {
    const a = r && r.querySelector('.ak-answer');
    return a && {
      responsible: a.getAttribute('data-responsible'),
      heading: r.querySelector('.ak-answer-heading')?.textContent,
      citations: r.querySelectorAll('.ak-reasons .ak-citation').length,
      reasons: r.querySelector('.ak-reasons')?.textContent,
      date: r.querySelector('.ak-date')?.textContent,
      events: (window.__answers || []).map((e) => [e.target, e.detail.responsible, e.detail.rule && e.detail.rule.id]),
    };
  });
}

const listen = (b) => b.evaluate(() => {
  window.__answers = [];
  document.addEventListener('ansvarskollen:answer', (e) => window.__answers.push({ target: e.target.id || e.target.localName, detail: e.detail }));
});

/** Clicks the label of a choice, then Continue. */
async function choose(b, name, value, sel = W) {
  const id = await b.evalInWidget(sel, (r, [name, value]) => r.querySelector(`input[name="${name}"][value="${value}"]`)?.id, [name, value]);
  assert(id, `${name}=${value} is a choice`);
  await b.clickInWidget(sel, `label[for="${id}"]`);
  await b.clickInWidget(sel, 'button[type=submit]');
}

/** What the widget shows on screen and in print: the stylesheet's print rules applied on top, the
 *  one way that works in every engine (WebKit's WebDriver cannot switch a page to print media). */
function printView(b) {
  return b.evalInWidget(W, (r) => {
    const seen = (sel) => {
      const e = r.querySelector(sel);
      return e && getComputedStyle(e).display !== 'none' ? e.textContent : null;
    };
    const screen = { version: seen('.ak-version'), reviewed: seen('.ak-reviewed'), actions: !!seen('.ak-actions') };
    const rules = [];
    for (const sheet of r.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule.media && [...rule.media].includes('print')) rules.push(...[...rule.cssRules].map((x) => x.cssText));
      }
    }
    const print = new CSSStyleSheet();
    print.replaceSync(rules.join('\n'));
    r.adoptedStyleSheets = [...r.adoptedStyleSheets, print];
    const printed = { version: seen('.ak-version'), reviewed: seen('.ak-reviewed'), actions: !!seen('.ak-actions') };
    r.adoptedStyleSheets = r.adoptedStyleSheets.filter((s) => s !== print);
    return { screen, print: printed, rules: rules.length };
  });
}

/** Page errors and console errors but the expected ones, where the engine reports them. */
function problems(b, expected = []) {
  return (b.messages || []).filter((m) => (m.startsWith('error') || m.startsWith('pageerror')) && !expected.some((e) => e.test(m)));
}

for (const [name, engine] of Object.entries(engines)) {
  // One browser for the first four tests (a failed start fails each of them at once).
  const session = async () => {
    if (!open.has(name)) open.set(name, engine.launch().then(drive));
    const b = await open.get(name);
    if (b.messages) b.messages.length = 0; // each test sees its own console lines
    return b;
  };

  test(`${name}: the custom element on a blank page of its own answers, with its event`, async () => {
    const b = await session();
    await b.goto(blankPage('blank.html', 'id="own" kommun="1980" lang="en"'));
    eq(await b.waitStep(W), 'need', 'the kommun preset skips the kommun question');
    const shadow = await b.evaluate(() => [!!document.querySelector('ansvarskollen-widget').shadowRoot, document.body.children.length]);
    eq(shadow, [true, 1], 'the widget renders in its own open shadow root, nothing outside it');
    await listen(b);
    await choose(b, 'need', 'physician');
    await b.waitFor(() => !!document.querySelector('ansvarskollen-widget').shadowRoot.querySelector('.ak-answer'), null, 'the answer');
    const a = await answer(b);
    eq(a.responsible, 'region', 'data-responsible');
    assert(a.heading.includes('Region Västmanland'), `the answer names the region: ${a.heading}`);
    assert(a.citations > 0, 'a citation is shown');
    // lang="en": the national rule's reason is in English, from rules/en.bin (issue 15).
    assert(a.reasons.includes('Care from a physician is always the region'), `the reason in English: ${a.reasons.slice(0, 120)}`);
    eq(a.events.map((e) => e.slice(0, 2)), [['own', 'region']], 'one answer event, on the element');
    const registrations = await b.evaluate(async () => (navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0));
    eq(registrations, 0, 'an embedded widget registers no service worker');
    eq(problems(b), [], 'no errors on the page');
  });

  test(`${name}: the snippet from the docs on a page of another origin, served with the documented headers`, async () => {
    const b = await session();
    await b.goto(docsPage(`docs-${name}.html`, origin));
    eq(await b.waitStep(W), 'need', 'the kommun preset skips the kommun question');
    await listen(b);
    await choose(b, 'need', 'physician');
    await b.waitFor(() => !!document.querySelector('ansvarskollen-widget').shadowRoot.querySelector('.ak-answer'), null, 'the answer');
    const a = await answer(b);
    eq(a.responsible, 'region', 'data-responsible');
    assert(a.heading.includes('Region Västmanland'), `the answer names the region: ${a.heading}`);
    eq(a.events.map((e) => e.slice(0, 2)), [['ansvarskollen-widget', 'region']], 'one answer event');
    eq(problems(b), [], 'no errors on the page');
  });

  test(`${name}: a server without Access-Control-Allow-Origin: the element's own content, and the console names the header`, async () => {
    const b = await session();
    bare ||= serve(dist, { cors: false });
    await b.goto(docsPage(`no-cors-${name}.html`, (await bare).origin));
    const shown = await b.waitFor(() => {
      const w = document.querySelector('ansvarskollen-widget');
      const p = w.querySelector('p');
      return !w.shadowRoot && p.getBoundingClientRect().height > 0 && p.textContent.includes('1177') && 'fallback';
    }, null, 'the element\'s own content');
    eq(shown, 'fallback', 'the element keeps its own content, visible');
    // The loader could not run: the browser's own console line names the header (WebDriver
    // classic, for WebKit, cannot read the console).
    if (b.messages) assert(b.messages.some((m) => m.includes('Access-Control-Allow-Origin')), `a console line names Access-Control-Allow-Origin: ${b.messages.join(' | ')}`);
  });

  test(`${name}: after a file that failed, Försök igen starts the widget`, async () => {
    const b = await session();
    await server.withFaults({ '/wasm/ansvarskollen.js': 404 }, async () => {
      await b.goto(blankPage('retry.html', ''));
      eq(await b.waitStep(W), 'problem', 'the problem screen');
      const text = await b.evalInWidget(W, (r) => r.querySelector('[role=alert]').textContent);
      assert(text.includes('Ansvarskollen kunde inte hämtas') && text.includes('1177.se'), `it says why and where to turn: ${text}`);
    });
    await b.clickInWidget(W, '[role=alert] button');
    eq(await b.waitStep(W, 'problem'), 'kommun', 'the widget starts');
    eq(problems(b, [/Ansvarskollen could not start/, /404/, /Failed to load/, /dynamically imported module/, /disallowed MIME type/]), [], 'no other errors');
  });

  // Staff use iPads (issue 13): the matrix view, its own bundle and stylesheet, in every engine.
  // After the retry test: the standalone page registers the service worker, which would then
  // serve the files that test makes fail.
  test(`${name}: the staff matrix of a kommun, from a link`, async () => {
    const b = await session();
    await b.goto(`${origin}/index.html#view=matrix&kommun=1980&date=2024-05-02`);
    const m = await b.waitFor(() => {
      const r = document.querySelector('ansvarskollen-widget')?.shadowRoot;
      const tables = r ? r.querySelectorAll('.ak-matrix-table') : [];
      if (tables.length < 2) return null;
      const parts = [...r.querySelectorAll('.ak-matrix-table .ak-part')];
      const styled = getComputedStyle(tables[0]).tableLayout;
      return { tables: tables.length, parts: parts.length, outcomes: [...new Set(parts.map((p) => p.dataset.outcome))].sort(), marks: r.querySelectorAll('.ak-matrix-table .ak-mark').length, styled,
        heading: r.querySelector('.ak-heading')?.textContent };
    }, null, 'the matrix');
    eq(m.tables, 2, 'can and cannot reach the vårdcentral');
    assert(m.parts >= 60, `every need × housing, with its parts: ${m.parts}`);
    eq(m.outcomes, ['kommun', 'region'], 'Västerås has both parties in its matrix');
    assert(m.marks >= m.parts, `each part has its mark (never colour alone): ${m.marks} marks, ${m.parts} parts`);
    eq(m.styled, 'fixed', 'the staff stylesheet applies');
    assert(m.heading.includes('Västerås') && m.heading.includes('2024-05-02'), `the heading names the kommun and the date: ${m.heading}`);
    eq(problems(b), [], 'no errors on the page');
  });

  test(`${name}: a full journey by real clicks and keys, kommun to answer`, async () => {
    const b = await session();
    await b.goto(`${origin}/index.html#date=2024-05-02`);
    eq(await b.waitStep(W), 'kommun', 'the kommun question');
    await b.waitFor(() => !!document.querySelector('ansvarskollen-widget').shadowRoot.querySelector('#ak-kommun'), null, 'the engine to take over');
    await listen(b);
    // Kommun: type, then click the option.
    await b.typeInWidget(W, '#ak-kommun', 'vast');
    const option = await b.waitFor(() => [...document.querySelector('ansvarskollen-widget').shadowRoot.querySelectorAll('.ak-option')]
      .find((o) => o.querySelector('.ak-option-name').textContent === 'Västerås')?.id, null, 'Västerås offered');
    await b.clickInWidget(W, `#${option}`);
    eq(await b.waitStep(W, 'kommun'), 'need', 'then the need');
    // Need: by mouse.
    await choose(b, 'need', 'nursing');
    eq(await b.waitStep(W, 'need'), 'housing', 'then the housing');
    // Housing: by keyboard, from the question's heading (where focus is) to the choice and Continue.
    assert((await b.focused()).startsWith('h2'), `focus is on the question's heading (${await b.focused()})`);
    await b.press('Tab');
    const values = await b.evalInWidget(W, (r) => [...r.querySelectorAll('input[name="housing"]')].map((e) => e.value));
    const index = values.indexOf('ordinary');
    assert(index >= 0, 'ordinary is a housing choice');
    // Space checks the first choice (down and up again where keys do not activate); the arrow keys
    // move to another and check it.
    const keys = index === 0 ? (b.keysActivate ? ['Space'] : ['ArrowDown', 'ArrowUp']) : Array(index).fill('ArrowDown');
    for (const key of keys) await b.press(key);
    eq(await b.evalInWidget(W, (r) => r.querySelector('input[name="housing"]:checked')?.value), 'ordinary', 'the keys chose ordinary');
    await b.press('Tab');
    eq(await b.focused(), 'button.ak-button', 'Tab from the choices reaches Continue');
    if (b.keysActivate) await b.press('Enter');
    else await b.clickInWidget(W, 'button[type=submit]');
    eq(await b.waitStep(W, 'housing'), 'age', 'then the age');
    // Age: typed, Enter.
    await b.typeInWidget(W, '#ak-age', '79');
    await b.press('Enter');
    eq(await b.waitStep(W, 'age'), 'can_visit_clinic', 'then whether the person can get to the vårdcentral');
    await choose(b, 'can_visit_clinic', 'false');
    eq(await b.waitStep(W, 'can_visit_clinic'), 'answer', 'then the answer');
    const a = await answer(b);
    eq(a.responsible, 'kommun', 'data-responsible');
    assert(a.heading.includes('Västerås kommun'), `the answer names the kommun: ${a.heading}`);
    assert(a.citations > 0, 'a citation is shown');
    eq(a.events, [['ansvarskollen-widget', 'kommun', 'vastmanland.hemsjukvard']], 'one answer event');
    const url = await b.evaluate(() => location.hash);
    assert(url.includes('kommun=1980') && url.includes('age=79'), `the case is in the link: ${url}`);
    eq(problems(b), [], 'no errors on the page');
  });

  // Receipts (issue 10): a printed answer can be traced to the rules that gave it.
  test(`${name}: the printed answer shows the rules' version and review date`, async () => {
    const b = await session();
    const link = 'kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02';
    const cli = JSON.parse(execFileSync(path.join(root, 'target/release/ansvarskollen'),
      ['ask', '--json', ...link.split('&').flatMap((p) => { const [k, v] = p.split('='); return [`--${k.replaceAll('_', '-')}`, v]; })], { cwd: root, encoding: 'utf8' }));
    assert(cli.rules_version && cli.rules_reviewed, `the answer JSON carries rules_version and rules_reviewed: ${Object.keys(cli)}`);
    await b.goto(`${origin}/index.html#${link}`);
    eq(await b.waitStep(W), 'answer', 'the answer');
    const v = await printView(b);
    assert(v.rules > 0, 'the stylesheet has print rules');
    assert(v.screen.reviewed && v.screen.reviewed.includes(cli.rules_reviewed), `on screen: the review date ${cli.rules_reviewed} (${v.screen.reviewed})`);
    assert(v.print.reviewed && v.print.reviewed.includes(cli.rules_reviewed), `in print: the review date ${cli.rules_reviewed} (${v.print.reviewed})`);
    assert(v.print.version && v.print.version.includes(cli.rules_version), `in print: the rules' version ${cli.rules_version} (${v.print.version})`);
    eq(v.print.actions, false, 'in print: no buttons');
  });

  test(`${name}: a deep link shows the answer at once`, async () => {
    const b = await session();
    await b.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
    eq(await b.waitStep(W), 'answer', 'the answer');
    const a = await answer(b);
    eq(a.responsible, 'kommun', 'data-responsible');
    assert(a.heading.includes('Västerås kommun'), `the answer names the kommun: ${a.heading}`);
    assert(a.date.includes('2024-05-02'), `the date from the link is shown: ${a.date}`);
    eq(problems(b), [], 'no errors on the page');
    open.delete(name);
    await b.close();
  });

  test(`${name}: offline after one visit (service worker), even a region never visited`, async () => {
    const b = await engine.launch().then(drive);
    try {
      await b.goto(`${origin}/index.html`);
      eq(await b.waitStep(W), 'kommun', 'the first visit');
      await b.waitFor(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller), null, 'the service worker to take control', 15000);
      server.offline = true;
      await b.goto(`${origin}/index.html#kommun=2480&age=80&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
      eq(await b.waitStep(W), 'answer', 'the answer, offline');
      const a = await answer(b);
      eq(a.responsible, 'kommun', 'data-responsible');
      assert(a.heading.includes('Umeå kommun'), `the answer names the kommun: ${a.heading}`);
    } finally {
      server.offline = false;
      await b.close();
    }
  });
}
