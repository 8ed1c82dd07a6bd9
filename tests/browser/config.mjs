// What the host configures (issue 10, findings 5 and 10): the attributes `lang`, `kommun`, `lan` and
// `date`, the same as embed.html parameters, and the standalone page's `#lang=`. A value that is
// not in its valid form is ignored, with one console warning naming the attribute, the value and
// the valid form; a `lang` that is a key of every JavaScript object (`constructor`, `__proto__`, …)
// is no language either: the plain-HTML question and the problem screen stay Swedish, never
// "undefined".

import { assert, eq } from './lib.mjs';
import { W, origin, server, suite, newPage, done, waitStep } from './page.mjs';

const { tests, test } = suite();
export { tests };

const SV_QUESTION = 'I vilken kommun bor den som behöver vård?';
const EXPECTED = [/Ansvarskollen could not start/, /Failed to load resource/, /status of 503/];
const PROTO_KEYS = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];

/** A host page of its own with these widgets (attributes as written). */
function hostPage(name, widgets) {
  server.pages.set(`/${name}`, `<!doctype html><html lang="sv"><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
<script type="module" src="/ansvarskollen.js"></script>
<main>${widgets.map((attrs, i) => `<ansvarskollen-widget id="w${i}" ${attrs}></ansvarskollen-widget>`).join('\n')}</main>`);
  return `${origin}/${name}`;
}

/** Every widget's plain-HTML heading (or the problem screen's text), by id. */
function texts(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('ansvarskollen-widget')]
    .map((w) => [w.id, w.shadowRoot?.querySelector('[role=alert]')?.textContent || w.shadowRoot?.querySelector('.ak-heading')?.textContent || null])));
}

const warnings = (page) => page.messages.filter((m) => m.startsWith('warning: Ansvarskollen: ignoring')).map((m) => m.slice('warning: Ansvarskollen: '.length)).sort();

/** Waits until every widget shows the problem screen (or until 5 s have passed). */
async function everyProblem(page) {
  for (let i = 0; i < 200; i++) {
    if (Object.values(await texts(page)).every((t) => t && t.includes('1177'))) return;
    await page.waitForTimeout(25);
  }
}

test('lang="constructor", "__proto__" and other keys of every object read Swedish, never "undefined"; each is named in the console', async () => {
  const page = await newPage();
  // Held back, the wasm keeps the plain-HTML question on screen; then it fails: the problem screen.
  await server.withFaults({ '/wasm/ansvarskollen_bg.wasm': 'hang' }, async () => {
    await page.goto(hostPage('lang-keys.html', [...PROTO_KEYS, 'xx'].map((l) => `lang="${l}"`)));
    await page.locator('#w5').locator('.ak-heading').waitFor();
    const shown = await texts(page);
    for (const [id, text] of Object.entries(shown)) eq(text, SV_QUESTION, `${id}: the plain-HTML question in Swedish`);
  });
  await everyProblem(page);
  for (const [id, text] of Object.entries(await texts(page))) {
    assert(text.includes('Ansvarskollen kunde inte hämtas') && text.includes('1177.se') && !text.includes('undefined'), `${id}: the problem screen in Swedish: ${text}`);
  }
  eq(warnings(page), [...PROTO_KEYS, 'xx'].map((l) => `ignoring lang="${l}": use sv or en`).sort(), 'one console line per ignored lang');
  await done(page, EXPECTED);
});

test('lang keys of every object in embed.html?lang= and the standalone page\'s #lang= read Swedish; a host page\'s hash is not the widget\'s', async () => {
  for (const [url, key] of [['embed.html?lang=__proto__', '__proto__'], ['index.html#lang=toString', 'toString'], ['index.html#date=2024-05-02&lang=constructor', 'constructor']]) {
    const page = await newPage();
    await server.withFaults({ '/wasm/ansvarskollen_bg.wasm': 'hang' }, async () => {
      await page.goto(`${origin}/${url}`);
      await page.locator(W).locator('.ak-heading').waitFor();
      eq(await page.locator(W).locator('.ak-heading').innerText(), SV_QUESTION, `${url}: the plain-HTML question in Swedish`);
      eq(await page.evaluate(() => document.documentElement.lang), 'sv', `${url}: the page stays Swedish`);
    });
    await everyProblem(page);
    const problem = Object.values(await texts(page))[0];
    assert(problem.includes('Ansvarskollen kunde inte hämtas') && !problem.includes('undefined'), `${url}: the problem screen in Swedish: ${problem}`);
    eq(warnings(page), [`ignoring lang="${key}": use sv or en`], `${url}: one console line`);
    // With its files, the widget itself speaks Swedish too (from another page: a new hash alone
    // would not load the page again).
    await page.goto('about:blank');
    await page.goto(`${origin}/index.html#date=2024-05-02&lang=${key}`);
    eq(await waitStep(page, W, null), 'kommun', 'the widget starts');
    eq(await page.locator(W).locator('.ak-widget').getAttribute('lang'), 'sv', 'the widget is Swedish');
    await done(page, EXPECTED);
  }
  // An embedded widget leaves the host page's URL alone, its hash included.
  const page = await newPage();
  await server.withFaults({ '/wasm/ansvarskollen_bg.wasm': 'hang' }, async () => {
    await page.goto(`${origin}/hostile.html#lang=valueOf`);
    await page.locator('#second').locator('.ak-heading').waitFor();
    eq(await page.locator('#first').locator('.ak-loading').innerText(), 'Hämtar reglerna …', 'the first widget (kommun preset) is Swedish');
    eq(await page.locator('#second').locator('.ak-heading').innerText(), 'In which kommun does the person who needs care live?', 'the second is English, as its lang says');
  });
  eq(warnings(page), [], 'the host page\'s hash is not read');
  await done(page, EXPECTED);
});

test('invalid kommun, lan, date and lang attributes are ignored with one console line each, naming the valid form', async () => {
  const page = await newPage();
  await page.goto(hostPage('attributes.html', [
    'kommun="19800"',
    'kommun="Västerås" lan="1"',
    'date="2024-02-30"',
    'date="2024-5-2" lang="de"',
    'kommun="<b>1980</b>" lan="19a" date="20240502" lang="EN"',
    // Valid: no line.
    'kommun="1980" lan="19" date="2024-05-02" lang="en"',
    'kommun=" Malung-Sälen " date="2024-02-29"',
    'lan="14" lang="sv"',
  ]));
  await waitStep(page, '#w7', null);
  eq(warnings(page), [
    'ignoring kommun="19800": use a kommunkod (4 digits) or a name',
    'ignoring lan="1": use a länskod (2 digits)',
    'ignoring date="2024-02-30": use YYYY-MM-DD',
    'ignoring date="2024-5-2": use YYYY-MM-DD',
    'ignoring lang="de": use sv or en',
    'ignoring kommun="<b>1980</b>": use a kommunkod (4 digits) or a name',
    'ignoring lan="19a": use a länskod (2 digits)',
    'ignoring date="20240502": use YYYY-MM-DD',
    'ignoring lang="EN": use sv or en',
  ].sort(), 'one line per invalid attribute, none for valid ones');
  // Ignored means as if absent: the kommun is asked; valid presets still apply.
  eq(await waitStep(page, '#w0', null), 'kommun', 'an ignored kommun is asked for');
  eq(await waitStep(page, '#w5', null), 'need', 'a valid kommun preset skips the question');
  eq(await page.locator('#w5').locator('.ak-widget').getAttribute('lang'), 'en', 'a valid lang applies');
  eq(await waitStep(page, '#w6', null), 'need', 'a kommun name with spaces around it is a kommun');
  await done(page);
});

test('invalid embed.html parameters are ignored with one console line each', async () => {
  const page = await newPage();
  await page.goto(`${origin}/embed.html?kommun=abc1&lan=x&date=2024-13-01&lang=de`);
  eq(await waitStep(page, W, null), 'kommun', 'the kommun is asked for');
  eq(warnings(page), [
    'ignoring date="2024-13-01": use YYYY-MM-DD',
    'ignoring kommun="abc1": use a kommunkod (4 digits) or a name',
    'ignoring lan="x": use a länskod (2 digits)',
    'ignoring lang="de": use sv or en',
  ], 'one line per invalid parameter');
  eq(await page.evaluate(() => document.documentElement.lang), 'sv', 'the page stays Swedish');
  await done(page);
});
