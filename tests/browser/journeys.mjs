// Issue 12: the journeys of a worried relative on a phone (360 px): whom to call (tel: links for
// the kommun, 1177 and 112, the kommun's page, each at least 44 px high), "Vet inte" on the
// questions a relative may not know and the answer that then depends, branch by branch; large
// text that never splits a word; no layout shift on a deep link.

import { expectNoAxeViolations, screenshot, assert, eq } from './lib.mjs';
import { W, origin, suite, newPage, done, runFlow, checkAnswer } from './page.mjs';

const { tests, test } = suite();
export { tests };

/** The answer's contact links: [text, href, height] for each. */
function contactLinks(page) {
  return page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.ak-call, .ak-contact-link')]
    .map((a) => [a.textContent, a.getAttribute('href'), a.getBoundingClientRect().height]), W);
}

/** Checks the links every answer has: 1177 and 112 to call, every link at least 44 px high. */
async function checkContact(page, name) {
  const links = await contactLinks(page);
  for (const n of ['1177', '112']) assert(links.some(([, href]) => href === `tel:${n}`), `${name}: a tel: link for ${n}: ${JSON.stringify(links)}`);
  for (const [text, , h] of links) assert(h >= 44, `${name}: "${text}" is ${h} px high, under 44`);
  return links;
}

const journeys = [
  {
    name: 'Västerås, 84 years old, a nurse visits; "Vet inte" on the vårdcentral',
    query: 'väst', kommunName: 'Västerås',
    answers: { need: 'nursing', housing: 'ordinary', age: 84, can_visit_clinic: 'unknown' },
    responsible: 'depends', shot: 'journey-vasteras-depends-360',
    check: async (page, w, links) => {
      assert(links.some(([t, href]) => href === 'tel:+4621390000' && t.includes('021-39 00 00')), `the kommun's number, formatted, as a tel: link: ${JSON.stringify(links)}`);
      const branches = await w.locator('.ak-branch-text').allInnerTexts();
      eq(branches.length, 2, 'two branches');
      assert(branches[0].includes('Ja →') && branches[1].includes('Nej →'), `branches: ${branches}`);
      assert((await w.locator('.ak-find-out').innerText()).includes('vårdcentral'), 'how to find out');
      const value = await w.locator('.ak-summary-row', { hasText: /vårdcentralen/ }).locator('.ak-summary-value').innerText();
      eq(value, 'Vet inte', 'the summary says "Vet inte"');
    },
  },
  {
    name: 'Stockholm, wound care at home',
    query: 'stockh', kommunName: 'Stockholm',
    answers: { need: 'nursing', housing: 'ordinary' },
    responsible: 'region', organisation: 'Region Stockholm', shot: 'journey-stockholm-region-360',
    check: async (page, w, links) => {
      assert(links.some(([t, href]) => href.startsWith('https://www.1177.se/') && t.includes('1177.se')), `the region's page on 1177.se: ${JSON.stringify(links)}`);
    },
  },
  {
    name: 'Örebro, a rollator; "Vet inte" on the vårdcentral',
    query: 'öreb', kommunName: 'Örebro',
    answers: { need: 'assistive_devices', aid: 'everyday', housing: 'ordinary', age: 80, can_visit_clinic: 'unknown' },
    responsible: 'depends', shot: 'journey-orebro-depends-360',
    check: async (page, w, links) => {
      assert(links.some(([, href]) => href.startsWith('https://www.orebro.se/')), `Örebro kommun's page: ${JSON.stringify(links)}`);
    },
  },
  {
    name: 'Göteborg, 16 years old; "Vet inte" on housing',
    query: 'göte', kommunName: 'Göteborg',
    answers: { need: 'nursing', housing: 'unknown', age: 16, can_visit_clinic: 'false' },
    responsible: null, shot: 'journey-goteborg-360',
    check: async (page, w) => {
      const value = await w.locator('.ak-summary-row', { hasText: /Boende/ }).locator('.ak-summary-value').innerText();
      eq(value, 'Vet inte', 'the summary says "Vet inte" for housing');
    },
  },
];

for (const j of journeys) {
  test(`journey at 360 px: ${j.name}`, async () => {
    const page = await newPage(360);
    await page.goto(`${origin}/index.html#date=2024-05-02`);
    await runFlow(page, j, 'mouse');
    const w = page.locator(W);
    await w.locator('.ak-answer').waitFor();
    const responsible = await w.locator('.ak-answer').getAttribute('data-responsible');
    if (j.responsible) eq(responsible, j.responsible, `${j.name}: data-responsible`);
    if (j.organisation) await checkAnswer(page, j);
    const links = await checkContact(page, j.name);
    await j.check(page, w, links);
    await expectNoAxeViolations(page, j.name);
    await screenshot(page, j.shot);
    await done(page);
  });
}

test('a kommun answer at 360 px names the kommun, its number and its page', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#kommun=1980&age=84&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  const links = await checkContact(page, 'Västerås kommun');
  eq(links[0][1], 'tel:+4621390000', 'the kommun to call comes first');
  assert(links.some(([t]) => t.includes('kommunens webbplats')), 'the kommun\'s care page');
  const source = await w.locator('.ak-contact-source').innerText();
  assert(source.includes('vasteras.se'), `the source of the number and links: ${source}`);
  // The rule's id is for staff: in a closed disclosure.
  assert(!(await w.locator('.ak-rule-details .ak-rule').isVisible()), 'the rule id is not shown until asked');
  eq(await page.title(), 'Kommunen ansvarar Västerås kommun – Ansvarskollen', 'the page title names the answer');
  assert((await w.locator('.ak-privacy').innerText()).includes('historik'), 'the privacy line says the answers are in the history');
  await w.locator('.ak-summary-row', { hasText: /Ålder/ }).locator('button').click();
  await w.locator('#ak-age').waitFor();
  eq(await page.title(), 'Hur gammal är den som behöver vård? – Ansvarskollen', 'the page title names the question');
  await w.locator('#ak-age').fill('abc');
  await w.locator('button[type=submit]').click();
  await w.locator('.ak-error-summary').waitFor();
  await page.waitForFunction(() => document.title.startsWith('Fel: '));
  await page.goto(`${origin}/index.html#kommun=1980&age=84&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  await w.locator('.ak-answer').waitFor();
  await screenshot(page, 'journey-vasteras-kommun-360');
  await done(page);
});

/** The words of the headings and the contact links split across lines: each word's client rects
 *  on different lines. (Body text may still break a word longer than the line: "(Västmanland)"
 *  is wider than a 320 px screen at 200 % text size.) */
function splitWords(page) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const split = [];
    for (const el of root.querySelectorAll('.ak-answer-who, .ak-answer-org, .ak-heading, .ak-call, .ak-contact-link')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const re = /\S+/g;
        for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) split.push(`${m[0]} (${el.className}: ${[...tops]})`);
        }
      }
    }
    return split;
  }, W);
}

for (const zoom of [150, 200]) {
  test(`at ${zoom} % text size on 320 px no word is split across lines`, async () => {
    const page = await newPage(320);
    for (const hash of ['kommun=1980&age=84&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02',
      'kommun=1980&age=84&housing=ordinary&can_visit_clinic=unknown&need=nursing&date=2024-05-02',
      'kommun=0180&housing=ordinary&need=nursing&date=2024-05-02']) {
      await page.goto(`${origin}/index.html#${hash}`);
      await page.evaluate((z) => { document.documentElement.style.fontSize = `${z}%`; }, zoom);
      await page.locator(W).locator('.ak-answer').waitFor();
      await page.waitForTimeout(50);
      if (zoom === 200 && hash.startsWith('kommun=1980&age=84&housing=ordinary&can_visit_clinic=false')) await screenshot(page, 'answer-200pct-320');
      eq(await splitWords(page), [], `${hash} at ${zoom} %: words split`);
    }
    await done(page);
  });
}

test('"Vet inte" is offered on housing, the vårdcentral, duration and the aid, and goes into the link', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#kommun=1980&need=nursing&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('input[name="housing"][value="unknown"]').waitFor();
  eq(await w.locator('label', { hasText: 'Vet inte' }).count(), 1, 'one "Vet inte" choice');
  await w.locator(`label[for="${await w.locator('input[name="housing"][value="unknown"]').getAttribute('id')}"]`).click();
  await w.locator('button[type=submit]').click();
  await page.waitForURL(/housing=unknown/);
  // The age is never "Vet inte": every answer needs it.
  await page.goto(`${origin}/index.html#kommun=1980&need=nursing&housing=ordinary&date=2024-05-02`);
  await w.locator('#ak-age').waitFor();
  eq(await w.locator('input[value="unknown"]').count(), 0, 'no "Vet inte" on the age');
  await done(page);
});

test('a deep link does not shift the page as the answer appears (CLS ≤ 0.05, phone and desktop)', async () => {
  for (const width of [360, 1280]) {
    const page = await newPage(width);
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
    await page.locator(W).locator('.ak-answer').waitFor();
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => window.__cls);
    console.log(`     CLS of the deep link at ${width} px: ${cls.toFixed(3)}`);
    assert(cls <= 0.05, `CLS ${cls.toFixed(3)} at ${width} px, over 0.05`);
    await done(page);
  }
});

test('kommun names as people write them find the kommun', async () => {
  const page = await newPage(360);
  for (const [typed, code] of [['Göteborgs stad', '1480'], ['Västerås stad', '1980'], ['Region Gotland', '0980'], ['Malmö kommun', '1280']]) {
    await page.goto(`${origin}/index.html#date=2024-05-02`);
    const w = page.locator(W);
    await w.locator('#ak-kommun').waitFor();
    await w.locator('#ak-kommun').fill(typed);
    await w.locator('#ak-kommun').press('Escape');
    await w.locator('button[type=submit]').click();
    await page.waitForURL(new RegExp(`kommun=${code}`));
  }
  await done(page);
});

test('a kommun name that matches nothing says so, with a hint, and never "välj i listan"', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('#ak-kommun').fill('Xyzzyby');
  await w.locator('#ak-kommun').press('Enter');
  const summary = w.locator('.ak-error-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  assert(text.includes('Vi hittar ingen kommun som heter så') && text.includes('till exempel Göteborg'), `the message and the hint: ${text}`);
  assert(!/välj i listan/i.test(text), `no "välj i listan" where no list shows: ${text}`);
  await expectNoAxeViolations(page, 'a kommun that matches nothing');
  await done(page);
});

test('the chosen kommun stays in sight during the later questions, with "Ändra"', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('#ak-kommun').fill('Västerås');
  await w.locator('#ak-kommun').press('Escape');
  await w.locator('button[type=submit]').click();
  await w.locator('input[name="need"]').first().waitFor();
  eq((await w.locator('.ak-context').innerText()).replace(/\s+/g, ' ').trim().toLowerCase(), 'kommun: västerås ändra kommun', 'the kommun above the question');
  await w.locator('input[name="need"][value="nursing"]').check();
  await w.locator('button[type=submit]').click();
  await w.locator('input[name="housing"]').first().waitFor();
  assert((await w.locator('.ak-context').innerText()).includes('Västerås'), 'still there on the next question');
  await expectNoAxeViolations(page, 'the kommun above a question');
  await w.getByRole('button', { name: 'Ändra kommun' }).click();
  await w.locator('#ak-kommun').waitFor();
  eq(await w.locator('.ak-context').count(), 0, 'not above the kommun question itself');
  await done(page);
});

test('"Dela länk" opens the share sheet where the browser has one; "Kopiera länk" otherwise', async () => {
  const page = await newPage(360);
  await page.addInitScript(() => { navigator.share = async (data) => { window.__shared = data; }; });
  await page.goto(`${origin}/index.html#kommun=1980&age=84&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  await w.getByRole('button', { name: 'Dela länk' }).click();
  const shared = await page.waitForFunction(() => window.__shared).then((h) => h.jsonValue());
  assert(shared.url.includes('kommun=1980') && shared.url.includes('need=nursing'), `the link with the case: ${JSON.stringify(shared)}`);
  await done(page);
});

test('"Spara inte svaren i webbläsarens historik" keeps the case out of the address and the history, for the tab', async () => {
  const page = await newPage(360);
  await page.goto(`${origin}/index.html#kommun=1980&age=84&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor();
  assert((await w.locator('.ak-privacy').innerText()).includes('historik'), 'the privacy line says the answers are in the history');
  const before = await page.evaluate(() => history.length);
  await w.locator('label[for="ak-no-history"]').click();
  await page.waitForFunction(() => location.hash === '');
  await w.locator('.ak-summary-row', { hasText: /Ålder/ }).locator('button').click();
  await w.locator('#ak-age').fill('90');
  await w.locator('button[type=submit]').click();
  await w.locator('.ak-answer').waitFor();
  eq(await page.evaluate(() => [location.hash, history.length]), ['', before], 'no case in the address, no new history entry');
  eq(await page.evaluate(() => sessionStorage.getItem('ansvarskollen-no-history')), '1', 'remembered for the tab only');
  await expectNoAxeViolations(page, 'no-history switch');
  await done(page);
});
