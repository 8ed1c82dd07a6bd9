// The embed configurator (configurator.html, issue 14): search and choose a kommun or län, the
// language, the colours (with a WCAG AA contrast check said in words), a live preview that is the
// real widget or iframe, and a snippet that — copied and pasted into a blank page of another
// origin — works as previewed. Accessible: axe finds nothing.

import { expectNoAxeViolations, screenshot, assert, eq } from './lib.mjs';
import { W, origin, hosts, suite, newPage, done, waitStep, blankPage } from './page.mjs';

const { tests, test } = suite();
export { tests };

async function open() {
  const page = await newPage();
  await page.addInitScript(() => {
    // What the copy button puts on the clipboard, recorded (a test cannot read the system's).
    if (navigator.clipboard) navigator.clipboard.writeText = async (text) => { window.__copied = text; };
  });
  await page.goto(`${origin}/configurator.html`);
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  return page;
}

async function copied(page) {
  await page.getByRole('button', { name: 'Kopiera koden' }).click();
  await page.locator('#copy-status').filter({ hasText: 'Koden är kopierad' }).waitFor();
  const text = await page.evaluate(() => window.__copied);
  eq(text, await page.locator('#snippet').innerText(), 'the copied code is the code shown');
  return text;
}

const contrast = (page) => page.locator('#contrast li').allInnerTexts();

test('configurator: choose kommun, language and colours; the preview is the real widget; the copied snippet works pasted into a blank page of another origin', async () => {
  const page = await open();
  await expectNoAxeViolations(page, 'configurator');
  await page.locator('#place-search').fill('västerås');
  const options = await page.locator('#place option').allInnerTexts();
  assert(options.includes('1980 Västerås'), `the search finds Västerås with its code: ${options}`);
  await page.locator('#place').selectOption('kommun:1980');
  await page.locator('#lang-en').check();
  await page.locator('#colour-accent').fill('#00584a');
  // The preview: the real element, with the choices as attributes and custom properties.
  const preview = page.locator('#preview-widget');
  await page.waitForFunction(() => document.querySelector('#preview-widget').getAttribute('kommun') === '1980');
  eq(await waitStep(page, '#preview-widget', null), 'need', 'the preview asks the next question for Västerås');
  await preview.locator('.ak-widget[lang="en"]').waitFor();
  eq(await preview.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 88, 74)', 'the preview has the accent colour');
  const checks = await contrast(page);
  eq(checks.length, 4, 'four contrast checks');
  assert(checks.every((c) => c.includes('– klarar AA')), `the chosen colours pass AA: ${checks}`);
  await expectNoAxeViolations(page, 'configurator with a preview');
  await screenshot(page, 'configurator-1280');

  const snippet = await copied(page);
  assert(snippet.includes(`src="${origin}/ansvarskollen.js"`) && snippet.includes('kommun="1980"') && snippet.includes('lang="en"') && snippet.includes('--ak-accent: #00584a'),
    `the snippet has the choices: ${snippet}`);
  const pasted = await newPage();
  await pasted.goto(blankPage(hosts, 'pasted-element.html', snippet));
  eq(await waitStep(pasted, W, null), 'need', 'pasted, the widget starts with the kommun');
  await pasted.locator(W).locator('.ak-widget[lang="en"]').waitFor();
  eq(await pasted.locator(W).locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 88, 74)', 'pasted: the accent colour');
  await done(pasted);

  // Pinned with the SRI hash: the pasted snippet still works (across origins: crossorigin).
  await page.locator('#pin').check();
  const pinned = await copied(page);
  assert(/integrity="sha384-[\w+/=]+" crossorigin="anonymous"/.test(pinned), `the pinned snippet: ${pinned}`);
  const pastedPinned = await newPage();
  await pastedPinned.goto(blankPage(hosts, 'pasted-pinned.html', pinned));
  eq(await waitStep(pastedPinned, W, null), 'need', 'pasted, the pinned snippet works');
  await done(pastedPinned);
  await done(page);
});

test('configurator: a län preset, the iframe snippet pasted into a blank page, and a failing contrast said in words', async () => {
  const page = await open();
  await page.locator('#place-search').fill('14');
  await page.locator('#place').selectOption('lan:14');
  await page.locator('#kind-iframe').check();
  await page.locator('#colour-accent').fill('#00584a');
  await page.frameLocator('#preview-frame').locator(W).locator('#ak-kommun').waitFor();
  await page.locator('#colour-text').fill('#777777');
  const checks = await contrast(page);
  assert(checks[0].includes('4,48:1') && checks[0].includes('klarar inte AA (minst 4,5:1'), `grey text on white fails, in words: ${checks[0]}`);
  await expectNoAxeViolations(page, 'configurator, iframe preview', { exclude: [['#preview-frame']] });
  const snippet = await copied(page);
  assert(snippet.includes(`${origin}/embed.html?lan=14`) && snippet.includes('data-ansvarskollen') && snippet.includes('ansvarskollen-iframe.js'), `the iframe snippet: ${snippet}`);
  const pasted = await newPage();
  await pasted.goto(blankPage(hosts, 'pasted-iframe.html', snippet));
  const inner = pasted.frameLocator('iframe[data-ansvarskollen]').locator(W);
  await inner.locator('#ak-kommun').waitFor();
  await inner.locator('#ak-kommun').pressSequentially('borå');
  eq(await inner.locator('.ak-option-name').allInnerTexts(), ['Borås'], 'pasted: the iframe offers län 14\'s kommuner');
  eq(await inner.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 88, 74)', 'pasted: the iframe has the accent colour');
  eq(await pasted.locator('iframe').evaluate((f) => f.style.height !== ''), true, 'pasted: the parent script sizes the iframe');
  await done(pasted);
  await done(page);
});
