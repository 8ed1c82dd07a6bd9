// The widget without the network, without JavaScript and before its wasm has loaded: the
// no-JavaScript fallback, offline after one visit (service worker), no service worker on a host
// page that did not opt in, the plain-HTML first question and the hand-over of what was typed there.

import path from 'node:path';
import { launch, closeContext, screenshot, assert, eq, root, asset } from './lib.mjs';
import { W, origin, suite, newPage, done, waitStep, focused, checkAnswer } from './page.mjs';

const { tests, test } = suite();
export { tests };

test('without JavaScript the element shows a text, a link to the pages without JavaScript and one to 1177', async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  const page = await noJs.newPage();
  await page.goto(`${origin}/index.html`);
  const fallback = page.locator('ansvarskollen-widget .fallback');
  assert(await fallback.isVisible(), 'the fallback text is visible');
  eq(await fallback.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['kommun/index.html', 'https://www.1177.se/'],
    'it links to the pages without JavaScript and to 1177');
  await page.screenshot({ path: path.join(root, 'test-artifacts', 'screenshots', 'no-javascript-360.png') });
  await closeContext(noJs);
});

test('offline: after one visit the standalone page loads and answers with the network off', async () => {
  const fresh = await launch();
  try {
    const page = await newPage(1280, fresh);
    await page.goto(`${origin}/index.html`);
    await waitStep(page, W, null);
    // The service worker installs (caching every file) and takes control.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    for (let i = 0; i < 100 && !(await page.evaluate(() => !!navigator.serviceWorker.controller)); i++) await page.waitForTimeout(50);
    assert(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is controlled by the service worker');
    await fresh.setOffline(true);
    await page.goto(`${origin}/index.html#kommun=2480&age=80&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
    await checkAnswer(page, { name: 'offline Umeå', responsible: 'kommun', organisation: 'Umeå kommun' });
    // A region never visited before also answers offline: every region's rules are cached.
    await page.goto(`${origin}/index.html#kommun=1280&need=physician&date=2024-05-02`);
    await checkAnswer(page, { name: 'offline Malmö', responsible: 'region', organisation: 'Region Skåne' });
    await fresh.setOffline(false);
    const problems = (await page.problems()).filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));
    assert(problems.length === 0, problems.join('\n'));
  } finally {
    await closeContext(fresh);
  }
});

test('an embedded element registers no service worker unless the host opts in', async () => {
  const fresh = await launch();
  try {
    const page = await fresh.newPage();
    await page.goto(`${origin}/hostile.html`);
    await page.locator('#first').locator('form.ak-step').waitFor();
    await page.waitForTimeout(300);
    eq(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'no service worker on the host page');
  } finally {
    await closeContext(fresh);
  }
});

test('the first question is plain HTML, usable while the wasm loads', async () => {
  const page = await newPage(360);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(`**/${asset('wasm/ansvarskollen_bg.wasm')}`, async (route) => { await gate; await route.continue(); });
  await page.goto(`${origin}/index.html#date=2024-05-02`);
  const pre = page.locator(W).locator('#ak-pre-kommun');
  await pre.waitFor();
  const preHeading = await page.locator(W).locator('.ak-heading').innerText();
  await screenshot(page, 'before-wasm-360');
  await pre.click();
  await pre.pressSequentially('Köping');
  await page.keyboard.press('Enter');
  assert((await page.locator(W).locator('.ak-status').innerText()).length > 0, 'pressing Fortsätt early says the rules are coming');
  release();
  // The engine takes over with the kommun already chosen: the next question is asked.
  eq(await waitStep(page, W, 'kommun'), 'need', 'the typed kommun was taken over');
  assert(page.url().includes('kommun=1983'), 'Köping is in the case');
  await page.locator(W).locator('.ak-back').click();
  eq(await waitStep(page, W, 'need'), 'kommun', 'back to the kommun question');
  eq(await page.locator(W).locator('.ak-heading').innerText(), preHeading, 'the plain-HTML question says what the widget says');
  await page.unroute(`**/${asset('wasm/ansvarskollen_bg.wasm')}`);
  await done(page);
});

test('text typed before the wasm is ready stays in the field, with the focus', async () => {
  const page = await newPage();
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(`**/${asset('wasm/ansvarskollen_bg.wasm')}`, async (route) => { await gate; await route.continue(); });
  await page.goto(`${origin}/index.html`);
  const pre = page.locator(W).locator('#ak-pre-kommun');
  await pre.waitFor();
  await pre.click();
  await pre.pressSequentially('väst');
  release();
  await page.locator(W).locator('#ak-kommun').waitFor();
  eq(await page.locator(W).locator('#ak-kommun').inputValue(), 'väst', 'the text is kept');
  eq(await focused(page), 'input#ak-kommun.ak-input', 'the focus is kept');
  await page.keyboard.type('e');
  const names = await page.locator(W).locator('.ak-option-name').allInnerTexts();
  assert(names.includes('Västerås'), `typing goes on in the widget: ${names}`);
  await page.unroute(`**/${asset('wasm/ansvarskollen_bg.wasm')}`);
  await done(page);
});
