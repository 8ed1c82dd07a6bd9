// The widget on other people's pages: the custom element isolated from hostile CSS, two widgets on
// one page each with its own answer event, the iframe embed and its height messages.

import { expectNoAxeViolations, screenshot, assert, eq } from './lib.mjs';
import { W, origin, suite, newPage, done, step, waitStep, runFlow } from './page.mjs';

const { tests, test } = suite();
export { tests };

test('the custom element is isolated on a hostile host page', async () => {
  const page = await newPage();
  await page.goto(`${origin}/hostile.html`);
  const first = page.locator('#first');
  await first.locator('form.ak-step').waitFor();
  const inside = await page.evaluate(() => {
    const r = document.querySelector('#first').shadowRoot;
    const s = (sel) => getComputedStyle(r.querySelector(sel));
    return { button: s('.ak-button').backgroundColor, h2: s('.ak-heading').fontSize, transform: s('.ak-heading').textTransform, font: s('.ak-widget').fontFamily, spacing: s('.ak-hint').letterSpacing };
  });
  eq(inside.button, 'rgb(29, 95, 168)', 'the widget keeps its button colour');
  assert(inside.h2 !== '80px', `the widget's heading keeps its size (${inside.h2})`);
  eq(inside.transform, 'none', 'no text-transform leaks in');
  assert(!inside.font.includes('Comic'), `no host font leaks in (${inside.font})`);
  eq(inside.spacing, 'normal', 'no letter-spacing leaks in');
  const host = await page.evaluate(() => getComputedStyle(document.getElementById('host-button')).backgroundColor);
  eq(host, 'rgb(255, 105, 180)', "the host page's button keeps the host's style");
  // The host page's own content is the host's business; the widgets are ours.
  await expectNoAxeViolations(page, 'hostile page', { include: [['#first'], ['#second']] });
  await screenshot(page, 'hostile-1280');
  await done(page);
});

test('two widgets on one page work independently, each with its own event', async () => {
  const page = await newPage();
  await page.goto(`${origin}/hostile.html`);
  // The first has kommun=1980 preset: it starts with the need question.
  eq(await waitStep(page, '#first', null), 'need', 'preset kommun skips the kommun question');
  eq(await waitStep(page, '#second', null), 'kommun', 'the second asks for the kommun');
  await runFlow(page, { name: 'first', answers: { need: 'physician' } }, 'mouse', { sel: '#first' });
  await page.locator('#first').locator('.ak-answer').waitFor();
  eq(await step(page, '#second'), 'kommun', 'the second is untouched');
  const lan14 = { name: 'second', query: 'ale', kommunName: 'Ale', answers: { need: 'dental' } };
  await runFlow(page, lan14, 'mouse', { sel: '#second' });
  const events = await page.evaluate(() => window.__answers.map((a) => [a.target, a.detail.responsible, a.detail.kommun.code]));
  eq(events, [['first', 'region', '1980'], ['second', 'region', '1440']], 'one event per widget, on its own element');
  const log = await page.locator('#log').innerText();
  assert(log.toLowerCase().includes('second: region'), `the host page heard the second widget: ${log}`);
  // The `lan="14"` preset offers only Västra Götaland's kommuner.
  await page.locator('#second').locator('.ak-summary-row', { hasText: /Kommun/ }).locator('button').click();
  const input = page.locator('#second').locator('#ak-kommun');
  await input.fill('');
  await input.pressSequentially('väs');
  eq(await page.locator('#second').locator('.ak-option-name').allInnerTexts(), [], 'no kommun outside län 14 (Västerås, Västervik)');
  await input.fill('');
  await input.pressSequentially('borå');
  eq(await page.locator('#second').locator('.ak-option-name').allInnerTexts(), ['Borås'], 'Borås is in län 14');
  await done(page);
});

test('the iframe embed tells its parent its height and shows no inner scrollbar', async () => {
  const page = await newPage();
  await page.goto(`${origin}/demo.html`);
  const frame = page.locator('iframe[data-ansvarskollen]');
  await frame.waitFor();
  const inner = page.frameLocator('iframe[data-ansvarskollen]');
  await inner.locator(W).locator('input[name="need"]').first().waitFor();
  // The iframe's height follows its content: wait for the message after the widget rendered.
  let sizes;
  for (let i = 0; i < 100; i++) {
    sizes = await frame.evaluate((f) => ({ set: parseInt(f.style.height || '0', 10), content: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height) }));
    if (sizes.set === sizes.content) break;
    await page.waitForTimeout(50);
  }
  eq(sizes.set, sizes.content, "the parent set the iframe's height to its content's, from the message");
  assert(sizes.set > 300 && sizes.set !== 600, `the height changed from the default (${sizes.set})`);
  const fits = await frame.evaluate((f) => f.contentDocument.documentElement.scrollHeight <= f.clientHeight + 1);
  assert(fits, 'the content fits the iframe: no inner scrollbar');
  // It follows the content as it grows: answer a question inside the iframe.
  await inner.locator(W).locator('label[for="ak-need-3"]').click();
  await inner.locator(W).locator('button[type=submit]').click();
  await inner.locator(W).locator('.ak-answer').waitFor();
  for (let i = 0; i < 100; i++) {
    sizes = await frame.evaluate((f) => ({ set: parseInt(f.style.height || '0', 10), content: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height) }));
    if (sizes.set === sizes.content) break;
    await page.waitForTimeout(50);
  }
  eq(sizes.set, sizes.content, 'the height follows the answer page');
  await expectNoAxeViolations(page, 'demo page with iframe');
  await screenshot(page, 'demo-1280');
  await done(page);
});

test('the parent ignores height messages from other sources', async () => {
  const page = await newPage();
  await page.goto(`${origin}/demo.html`);
  const frame = page.locator('iframe[data-ansvarskollen]');
  await page.waitForTimeout(500);
  const before = await frame.evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ type: 'ansvarskollen:height', height: 5 }, '*'));
  await page.waitForTimeout(200);
  eq(await frame.evaluate((f) => f.style.height), before, 'a message from the page itself changes nothing');
  await done(page);
});
