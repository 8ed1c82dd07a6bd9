// Accessibility and layout beyond the axe scans of every flow: the error summary, print, no
// horizontal scrolling at 320 px and at 200 % zoom, and screenshots at phone and desktop widths.

import path from 'node:path';
import { expectNoAxeViolations, screenshot, assert, eq, root } from './lib.mjs';
import { W, origin, suite, newPage, done, waitStep, focused } from './page.mjs';

const { tests, test } = suite();
export { tests };

test('continuing without an answer shows an error summary that is focused and accessible', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#kommun=1980&date=2024-05-02`);
  const w = page.locator(W);
  await waitStep(page, W, null);
  await w.locator('button[type=submit]').click();
  await w.locator('.ak-error-summary').waitFor();
  eq(await focused(page), 'div.ak-error-summary', 'focus moves to the error summary');
  await expectNoAxeViolations(page, 'error summary');
  await screenshot(page, 'error-360');
  await w.locator('.ak-error-summary button').click();
  eq(await focused(page), 'input#ak-need-0.ak-radio-input', 'the summary link moves focus to the field');
  await done(page);
});

test('print view hides the controls', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  await page.locator(W).locator('.ak-answer').waitFor();
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => {
    const r = document.querySelector('ansvarskollen-widget').shadowRoot;
    return ['.ak-actions', '.ak-tools', '.ak-privacy'].map((s) => getComputedStyle(r.querySelector(s)).display);
  });
  eq(hidden, ['none', 'none', 'none'], 'controls hidden in print');
  await page.pdf({ path: path.join(root, 'test-artifacts', 'answer.pdf') }).catch(() => {});
  await page.emulateMedia({ media: 'screen' });
  await done(page);
});

test('screenshots of the answer at 360 px and 1280 px', async () => {
  for (const width of [360, 1280]) {
    const page = await newPage(width);
    await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
    await page.locator(W).locator('.ak-answer').waitFor();
    await screenshot(page, `answer-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow})`);
    await done(page);
  }
  const page = await newPage(1280);
  await page.goto(`${origin}/index.html`);
  await waitStep(page, W, null);
  await screenshot(page, 'start-1280');
  await done(page);
});

test('no loss of content at 320 px and at 200 % zoom', async () => {
  for (const [width, zoom] of [[320, 1], [640, 2]]) {
    const page = await newPage(width);
    await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
    if (zoom !== 1) await page.evaluate((z) => { document.documentElement.style.zoom = z; }, zoom);
    await page.locator(W).locator('.ak-answer').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `no horizontal scrolling at ${width} px × ${zoom} (overflow ${overflow})`);
    await screenshot(page, `answer-${width}-zoom${zoom}`);
    await done(page);
  }
});
