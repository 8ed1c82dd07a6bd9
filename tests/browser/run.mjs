// Browser tests of the built dist/: complete flows by mouse and by keyboard, deep links, invalid
// link parameters, the back button, the language switch, the custom element on a hostile page,
// two widgets on one page, the iframe with its height messages, the answer event, axe-core on
// every step and answer, no request to another origin, no CSP violation, the no-JavaScript
// fallback, print, and the browser answering exactly as the CLI. Screenshots go to
// test-artifacts/screenshots/. Usage: node tests/browser/run.mjs [name-filter]

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, closeContext, watch, expectNoAxeViolations, screenshot, assert, eq, runTests, root, dist } from './lib.mjs';

const W = 'ansvarskollen-widget';
const server = await serve();
const origin = server.origin;
// Service workers are tested in contexts of their own: here they would answer requests from their
// cache, out of sight of the tests' request routing.
const ctx = await launch({ serviceWorkers: 'block' });
const foreign = [];
ctx.on('request', (r) => {
  const u = r.url();
  if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
});

async function newPage(width = 1280, context = ctx) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await watch(page);
  await page.addInitScript(() => {
    window.__answers = [];
    document.addEventListener('ansvarskollen:answer', (e) => window.__answers.push({ target: e.target.id, detail: e.detail }));
  });
  return page;
}

async function done(page) {
  const problems = await page.problems();
  await page.close();
  assert(problems.length === 0, `problems on the page:\n${problems.join('\n')}`);
}

/** The step a widget shows: an input's name, "answer", "about", "loading" or null before it starts. */
function step(page, sel = W) {
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

async function waitStep(page, sel, not) {
  for (let i = 0; i < 200; i++) {
    const s = await step(page, sel);
    if (s && s !== not && s !== 'loading') return s;
    await page.waitForTimeout(25);
  }
  throw new Error(`no new step in ${sel} (still ${await step(page, sel)})`);
}

/** The element inside a widget's shadow root that has focus, as "tag#id.class". */
function focused(page, sel = W) {
  return page.evaluate((sel) => {
    const a = document.querySelector(sel)?.shadowRoot?.activeElement;
    return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(' ')[0] : ''}` : 'none';
  }, sel);
}

async function answerByMouse(page, sel, name, value, scenario) {
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

async function answerByKeyboard(page, sel, name, value, scenario) {
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
async function runFlow(page, scenario, mode, { sel = W, axe = false, shots = null } = {}) {
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

async function checkAnswer(page, scenario, sel = W) {
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

// Scenarios across the four seed regions (Västmanland, Västra Götaland, Stockholm, Örebro). The date
// is fixed through the link so answers do not change with the day the tests run.
const scenarios = [
  { name: 'Västerås, adult at home, nurse', query: 'väst', kommunName: 'Västerås', answers: { need: 'nursing', housing: 'ordinary', age: 79, can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'age', 'can_visit_clinic'], responsible: 'kommun', organisation: 'Västerås kommun' },
  { name: 'Köping, 16-year-old at home', query: 'köp', kommunName: 'Köping', answers: { need: 'nursing', housing: 'ordinary', age: 16 }, asks: ['kommun', 'need', 'housing', 'age'], responsible: 'region', organisation: 'Region Västmanland' },
  { name: 'Sala, särskilt boende, rehabilitation', query: 'sala', kommunName: 'Sala', answers: { need: 'rehabilitation', housing: 'special' }, asks: ['kommun', 'need', 'housing'], responsible: 'kommun', organisation: 'Sala kommun' },
  { name: 'Göteborg, at home, cannot get out', query: 'göte', kommunName: 'Göteborg', answers: { need: 'nursing', housing: 'ordinary', can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'can_visit_clinic'], responsible: 'kommun', organisation: 'Göteborgs kommun' },
  { name: 'Borås, can get to the vårdcentral', query: 'bor', kommunName: 'Borås', answers: { need: 'assistive_devices', housing: 'sheltered', can_visit_clinic: 'true' }, asks: ['kommun', 'need', 'housing', 'can_visit_clinic'], responsible: 'region', organisation: 'Västra Götalandsregionen' },
  { name: 'Stockholm, at home, nurse: region, age never asked', query: 'stockh', kommunName: 'Stockholm', answers: { need: 'nursing', housing: 'ordinary' }, asks: ['kommun', 'need', 'housing'], responsible: 'region', organisation: 'Region Stockholm' },
  { name: 'Norrtälje, LSS housing', query: 'norrt', kommunName: 'Norrtälje', answers: { need: 'nursing', housing: 'lss' }, asks: ['kommun', 'need', 'housing'], responsible: 'kommun', organisation: 'Norrtälje kommun' },
  { name: 'Örebro, rehabilitation at home: not determined', query: 'öreb', kommunName: 'Örebro', answers: { need: 'rehabilitation', housing: 'ordinary', can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'can_visit_clinic'], responsible: 'not_determined' },
  { name: 'Kumla, a child at home', query: 'kuml', kommunName: 'Kumla', answers: { need: 'nursing', housing: 'ordinary', can_visit_clinic: 'false' }, asks: ['kommun', 'need', 'housing', 'can_visit_clinic'], responsible: 'kommun', organisation: 'Kumla kommun' },
  { name: 'Vaxholm, physician', query: 'vaxh', kommunName: 'Vaxholm', answers: { need: 'physician' }, asks: ['kommun', 'need'], responsible: 'region', organisation: 'Region Stockholm' },
];

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

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

test('the responsibility matrix for staff', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#kommun=1980&need=nursing&housing=special&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  await w.getByRole('button', { name: 'Visa hela ansvarsfördelningen' }).click();
  await w.locator('.ak-matrix table').first().waitFor();
  eq(await w.locator('.ak-matrix table').count(), 2, 'two tables: can / cannot get to the vårdcentral');
  const cell = await w.locator('.ak-matrix table').nth(1).locator('tbody tr').first().locator('td').first().innerText();
  assert(cell.includes('18'), `the age split shows in the matrix: ${cell}`);
  await expectNoAxeViolations(page, 'matrix');
  await screenshot(page, 'matrix-360');
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

test('without JavaScript the element shows a text and a link to 1177', async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  const page = await noJs.newPage();
  await page.goto(`${origin}/index.html`);
  const fallback = page.locator('ansvarskollen-widget .fallback');
  assert(await fallback.isVisible(), 'the fallback text is visible');
  eq(await fallback.locator('a').getAttribute('href'), 'https://www.1177.se/', 'it links to 1177');
  await page.screenshot({ path: path.join(root, 'test-artifacts', 'screenshots', 'no-javascript-360.png') });
  await closeContext(noJs);
});

test('the browser answers exactly as the CLI, on 300 cases', async () => {
  const page = await newPage();
  await page.goto(`${origin}/index.html`);
  await waitStep(page, W, null);
  const kommuner = fs.readFileSync(path.join(root, 'rules/kommuner.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  // A seeded random generator: the same cases every run.
  let seed = 20241125;
  const rnd = (n) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  const pick = (xs) => xs[rnd(xs.length)];
  const start = Date.UTC(1992, 0, 1);
  const cases = [];
  for (let i = 0; i < 300; i++) {
    const date = new Date(start + rnd(36 * 366) * 86400000).toISOString().slice(0, 10);
    const c = { kommun: pick(kommuner)[0], date };
    if (rnd(8)) c.need = pick(['nursing', 'rehabilitation', 'assistive_devices', 'physician', 'specialised_home_care', 'dental']);
    if (rnd(8)) c.housing = pick(['ordinary', 'sheltered', 'special', 'short_term', 'lss']);
    if (rnd(8)) c.age = rnd(100);
    if (rnd(8)) c.can_visit_clinic = pick(['true', 'false']);
    if (rnd(8)) c.duration = pick(['short', 'long']);
    c.lang = rnd(2) ? 'sv' : 'en';
    cases.push(c);
  }
  const lans = [...new Set(kommuner.map((k) => k[2]))];
  const browser = await page.evaluate(async ({ cases, lans }) => {
    const m = await import('/wasm/ansvarskollen.js');
    for (const lan of lans) m.load_region(new Uint8Array(await (await fetch(`/rules/regions/${lan}.bin`)).arrayBuffer()));
    return cases.map(({ lang, ...c }) => JSON.parse(m.answer_json(new URLSearchParams(c).toString(), lang)));
  }, { cases, lans });
  const cli = path.join(root, 'target/release/ansvarskollen');
  let determined = 0;
  cases.forEach((c, i) => {
    const args = ['ask', '--json', '--lang', c.lang];
    for (const k of ['kommun', 'date', 'need', 'housing', 'age', 'duration']) if (c[k] !== undefined) args.push(`--${k}`, String(c[k]));
    if (c.can_visit_clinic !== undefined) args.push('--can-visit-clinic', c.can_visit_clinic);
    const expected = JSON.parse(execFileSync(cli, args, { cwd: root, encoding: 'utf8' }));
    if (expected.needed) eq(browser[i].needed, expected.needed, `case ${i} ${JSON.stringify(c)}: still needed`);
    else { eq(browser[i], expected, `case ${i} ${JSON.stringify(c)}`); determined++; }
  });
  assert(determined > 50, `enough answered cases compared (${determined})`);
  await done(page);
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
  await page.route('**/wasm/ansvarskollen_bg.wasm', async (route) => { await gate; await route.continue(); });
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
  await page.unroute('**/wasm/ansvarskollen_bg.wasm');
  await done(page);
});

test('text typed before the wasm is ready stays in the field, with the focus', async () => {
  const page = await newPage();
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/wasm/ansvarskollen_bg.wasm', async (route) => { await gate; await route.continue(); });
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
  await page.unroute('**/wasm/ansvarskollen_bg.wasm');
  await done(page);
});

test('no request goes to another origin', async () => {
  eq(foreign, [], 'requests to other origins');
  assert(server.requests.some((r) => r.includes('.wasm')), 'the wasm was fetched from our own server');
});

const filter = process.argv[2];
const failed = await runTests(tests, filter);
await closeContext(ctx);
await server.close();
process.exit(failed ? 1 : 0);
