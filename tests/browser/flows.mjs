// Flows through the widget the way a person uses it: complete flows by mouse (axe on every step)
// and by keyboard for ten scenarios across four regions, deep links, invalid link parameters, the
// browser's back button, "Tillbaka" and "Ändra", the language switch, the kommun picker, the
// staff matrix and the "Om uppgifterna" page.

import { expectNoAxeViolations, screenshot, assert, eq } from './lib.mjs';
import { W, origin, suite, newPage, done, step, waitStep, focused, runFlow, checkAnswer } from './page.mjs';

const { tests, test } = suite();
export { tests };

// Scenarios across the four seed regions (Västmanland, Västra Götaland, Stockholm, Örebro). The date
// is fixed through the link so answers do not change with the day the tests run.
const scenarios = [
  { name: 'Västerås, adult at home, nurse', query: 'väst', kommunName: 'Västerås', answers: { need: 'nursing', housing: 'ordinary', age: 79, can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'age', 'can_visit_clinic'], responsible: 'kommun', organisation: 'Västerås kommun' },
  { name: 'Köping, 16-year-old at home', query: 'köp', kommunName: 'Köping', answers: { need: 'nursing', housing: 'ordinary', age: 16 }, asks: ['kommun', 'need', 'housing', 'age'], responsible: 'region', organisation: 'Region Västmanland' },
  { name: 'Sala, särskilt boende, rehabilitation', query: 'sala', kommunName: 'Sala', answers: { need: 'rehabilitation', housing: 'special' }, asks: ['kommun', 'need', 'housing'], responsible: 'kommun', organisation: 'Sala kommun' },
  { name: 'Göteborg, at home, cannot get out', query: 'göte', kommunName: 'Göteborg', answers: { need: 'nursing', housing: 'ordinary', can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'can_visit_clinic'], responsible: 'kommun', organisation: 'Göteborgs kommun' },
  { name: 'Borås, can get to the vårdcentral', query: 'bor', kommunName: 'Borås', answers: { need: 'assistive_devices', housing: 'sheltered', aid: 'everyday', can_visit_clinic: 'true' }, asks: ['kommun', 'need', 'aid', 'housing', 'can_visit_clinic'], responsible: 'region', organisation: 'Västra Götalandsregionen' },
  { name: 'Stockholm, at home, nurse: region, age never asked', query: 'stockh', kommunName: 'Stockholm', answers: { need: 'nursing', housing: 'ordinary' }, asks: ['kommun', 'need', 'housing'], responsible: 'region', organisation: 'Region Stockholm' },
  { name: 'Norrtälje, LSS housing', query: 'norrt', kommunName: 'Norrtälje', answers: { need: 'nursing', housing: 'lss' }, asks: ['kommun', 'need', 'housing'], responsible: 'kommun', organisation: 'Kommunalförbundet Sjukvård och omsorg i Norrtälje' },
  { name: 'Stockholm, särskilt boende, a rollator: not determined', query: 'stockh', kommunName: 'Stockholm', answers: { need: 'assistive_devices', aid: 'everyday', housing: 'special' }, asks: ['kommun', 'need', 'aid', 'housing'], responsible: 'not_determined' },
  { name: 'Kumla, a child at home', query: 'kuml', kommunName: 'Kumla', answers: { need: 'nursing', housing: 'ordinary', can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'can_visit_clinic'], responsible: 'kommun', organisation: 'Kumla kommun' },
  { name: 'Vaxholm, physician', query: 'vaxh', kommunName: 'Vaxholm', answers: { need: 'physician' }, asks: ['kommun', 'need'], responsible: 'region', organisation: 'Region Stockholm' },
];

for (const s of scenarios) {
  test(`mouse flow: ${s.name} (axe on every step)`, async () => {
    const page = await newPage(s.name.startsWith('Västerås') ? 360 : 1280);
    await page.goto(`${origin}/index.html#date=2024-05-02`);
    const asked = await runFlow(page, s, 'mouse', { axe: true, shots: s.name.startsWith('Västerås') ? 'flow-360' : null });
    eq(asked, s.asks, `${s.name}: the questions asked`);
    await checkAnswer(page, s);
    await expectNoAxeViolations(page, `${s.name}, answer`);
    await done(page);
  });
  test(`keyboard flow: ${s.name}`, async () => {
    const page = await newPage();
    await page.goto(`${origin}/index.html#date=2024-05-02`);
    const asked = await runFlow(page, s, 'keyboard');
    eq(asked, s.asks, `${s.name}: the questions asked`);
    await checkAnswer(page, s);
    assert((await focused(page)).startsWith('h2'), 'focus moves to the answer heading');
    await done(page);
  });
}

test('deep link shows the answer at once, with the case in the hash', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  const detail = await checkAnswer(page, { name: 'deep link', responsible: 'kommun', organisation: 'Västerås kommun' });
  eq(detail.rule.id, 'vastmanland.hemsjukvard', 'deciding rule');
  eq(detail.case.date, '2024-05-02', 'the date from the link');
  const text = await page.locator(W).locator('.ak-date').innerText();
  assert(text.includes('2024-05-02'), 'the date the rules apply to is shown');
  await done(page);
});

test('a 2012 deep link names the landsting as it was called then', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#kommun=1983&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2011-06-01`);
  await checkAnswer(page, { name: '2011', responsible: 'region', organisation: 'Landstinget Västmanland' });
  await done(page);
});

test('invalid and unknown link parameters are ignored with a visible notice', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#kommun=1980&age=abc&colour=blue&need=surgery&housing=ordinary&date=2024-05-02`);
  const notice = page.locator(W).locator('.ak-notice');
  await notice.waitFor();
  const text = await notice.innerText();
  for (const p of ['age=abc', 'colour=blue', 'need=surgery']) assert(text.includes(p), `the notice names ${p}: ${text}`);
  eq(await notice.getAttribute('role'), 'status', 'the notice is polite (role=status)');
  eq(await waitStep(page, W, null), 'need', 'the first unanswered question is asked');
  await expectNoAxeViolations(page, 'notice');
  await screenshot(page, 'notice-1280');
  await done(page);
});

test("the browser's back button goes back a question, keeping the answers", async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#date=2024-05-02`);
  await runFlow(page, { ...scenarios[0], answers: { need: 'nursing' } }, 'mouse').catch(() => {});
  // Asked kommun and need; now on housing.
  eq(await step(page), 'housing', 'on the housing question');
  await page.goBack();
  eq(await waitStep(page, W, 'housing'), 'need', 'back: the need question again');
  assert(page.url().includes('kommun=1980'), 'the kommun is kept in the URL');
  const checked = await page.locator(W).locator('input[name="need"]:checked').getAttribute('value').catch(() => null);
  assert(checked === null || checked === 'nursing', 'the earlier answer is not lost');
  await page.goBack();
  eq(await waitStep(page, W, 'need'), 'kommun', 'back again: the kommun question');
  await page.goForward();
  eq(await waitStep(page, W, 'kommun'), 'need', 'forward: the need question');
  await done(page);
});

test('the back link and "Ändra" keep the other answers', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  await w.locator('.ak-summary-row', { hasText: /Ålder/ }).locator('button').click();
  eq(await waitStep(page, W, 'answer'), 'age', '"Ändra" opens the age question');
  eq(await w.locator('#ak-age').inputValue(), '79', 'with the earlier answer filled in');
  await w.locator('#ak-age').fill('15');
  await w.locator('button[type=submit]').click();
  await checkAnswer(page, { name: 'changed age', responsible: 'region', organisation: 'Region Västmanland' });
  assert(page.url().includes('age=15') && page.url().includes('housing=ordinary'), 'the other answers are kept');
  await w.locator('.ak-summary-row', { hasText: /Boende/ }).locator('button').click();
  await waitStep(page, W, 'answer');
  await w.locator('.ak-back').click();
  eq(await waitStep(page, W, 'housing'), 'answer', 'Tillbaka from "Ändra" returns to the answer');
  await done(page);
});

test('language switch: English, with lang set, and back to Swedish', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  await w.getByRole('button', { name: 'In English' }).click();
  await w.locator('.ak-answer-who', { hasText: 'The kommun is responsible' }).waitFor();
  eq(await w.locator('.ak-widget').getAttribute('lang'), 'en', 'lang on the widget');
  eq(await page.evaluate(() => document.documentElement.lang), 'en', 'lang on the page');
  const reason = await w.locator('.ak-reason-text').last().innerText();
  assert(reason.startsWith('In Västmanland'), `the rule text is English: ${reason}`);
  assert(page.url().includes('lang=en'), 'the language is in the link');
  await expectNoAxeViolations(page, 'English answer');
  await screenshot(page, 'answer-en-1280');
  await w.getByRole('button', { name: 'På svenska' }).click();
  await w.locator('.ak-answer-who', { hasText: 'Kommunen ansvarar' }).waitFor();
  await done(page);
});

test('the kommun picker matches without accents and follows the combobox pattern', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html`);
  await waitStep(page, W, null);
  const input = page.locator(W).locator('#ak-kommun');
  eq(await input.getAttribute('role'), 'combobox', 'role=combobox');
  eq(await input.getAttribute('aria-expanded'), 'false', 'collapsed at first');
  await input.click();
  await input.pressSequentially('vast');
  const names = await page.locator(W).locator('.ak-option-name').allInnerTexts();
  for (const n of ['Västerås', 'Västervik']) assert(names.includes(n), `"vast" offers ${n}: ${names}`);
  eq(await input.getAttribute('aria-expanded'), 'true', 'expanded while offering');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert(active && active.startsWith('ak-kommun-opt-'), 'arrow keys set aria-activedescendant');
  await page.keyboard.press('Escape');
  eq(await input.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
  await input.fill('1980');
  await page.locator(W).locator('button[type=submit]').click();
  eq(await waitStep(page, W, 'kommun'), 'need', 'a kommun code is accepted');
  await done(page);
});

test('the responsibility matrix for staff: a link from the answer to the matrix view', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#kommun=1980&need=nursing&housing=special&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  await w.getByRole('link', { name: 'Visa hela ansvarsfördelningen' }).click();
  await w.locator('.ak-staff-matrix table').first().waitFor({ timeout: 15000 });
  eq(await w.locator('.ak-staff-matrix table').count(), 2, 'two tables: can / cannot get to the vårdcentral');
  const cell = await w.locator('.ak-staff-matrix table').nth(1).locator('tbody tr').first().locator('td').first().innerText();
  assert(cell.includes('18'), `the age split shows in the matrix: ${cell}`);
  await expectNoAxeViolations(page, 'matrix');
  await screenshot(page, 'matrix-360');
  await done(page);
});

test('"Om uppgifterna" shows the coverage of all 21 regions, in both languages', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html`);
  const w = page.locator(W);
  await waitStep(page, W, null);
  await w.getByRole('link', { name: 'Om uppgifterna' }).click();
  await page.waitForURL(/om-uppgifterna\.html$/);
  eq(await page.locator('table.coverage tbody tr').count(), 21, 'one row per region');
  eq(await page.evaluate(() => document.documentElement.lang), 'sv', 'Swedish page');
  await expectNoAxeViolations(page, 'Om uppgifterna');
  await screenshot(page, 'about-1280');
  await page.goto(`${origin}/about-the-information.html`);
  eq(await page.locator('table.coverage tbody tr').count(), 21, 'English: one row per region');
  await expectNoAxeViolations(page, 'About the information');
  // An embedded widget opens the page in a new tab, leaving the host page alone.
  await page.goto(`${origin}/hostile.html`);
  await page.locator('#first').locator('form.ak-step').waitFor();
  eq(await page.locator('#first').getByRole('link', { name: 'Om uppgifterna' }).getAttribute('target'), '_blank', 'embedded: new tab');
  await done(page);
});
