// The staff views (issue 13), their own bundle: the matrix at #view=matrix&kommun=…&date=…, one tap
// from the start page and from every answer; every cell (each part of a split cell) equals the
// engine's answer for the case its "Förklaring" link reproduces, for three kommuner in three
// regions on two dates; a comparison of two dates and of two kommuner, with the differences in
// words; a kommun's timeline; the matrix printed on one A4 page; axe on each view; the tablet's
// width (no sideways scrolling at 768 and 1024 px) and screenshots at 1024, 768 and 360 px.

import { expectNoAxeViolations, screenshot, assert, eq } from './lib.mjs';
import { W, origin, server, suite, newPage, done, waitStep } from './page.mjs';

const { tests, test } = suite();
export { tests };

/** Opens a staff view by its hash; waits for its section. */
async function openView(page, hash, section = '.ak-staff-matrix') {
  await page.goto(`${origin}/index.html#${hash}`);
  await page.locator(W).locator(section).first().waitFor({ timeout: 15000 });
  return page.locator(W);
}

/** Every part of every cell of the matrix shown: its case (from its explanation link), outcome and confidence. */
function parts(w) {
  return w.locator('.ak-staff-matrix .ak-part').evaluateAll((els) => els.map((e) => ({
    outcome: e.dataset.outcome,
    confidence: e.dataset.confidence,
    query: new URL(e.querySelector('a.ak-cell-link').href).hash.slice(1),
    text: e.innerText,
  })));
}

for (const date of ['2011-06-01', '2024-05-02']) {
  test(`staff: the matrix equals the engine's answers, cell by cell (Västerås, Stockholm, Örebro on ${date})`, async () => {
    const page = await newPage(1024);
    let checked = 0;
    for (const kommun of ['1980', '0180', '1880']) {
      const w = await openView(page, `view=matrix&kommun=${kommun}&date=${date}`);
      eq(await w.locator('table.ak-matrix-table').count(), 2, `${kommun}: two tables (can / cannot get to the vårdcentral)`);
      const shown = await parts(w);
      const empty = await w.locator('table.ak-matrix-table td.ak-cell').evaluateAll((tds) => tds.filter((td) => !td.querySelector('.ak-part')).length);
      eq(empty, 0, `${kommun}: every need × housing has a party`);
      const cells = await w.locator('table.ak-matrix-table td.ak-cell').count();
      assert(cells >= 2 * 7 * 6 && shown.length >= cells, `${kommun}: every need × housing (${cells} cells, ${shown.length} parts)`);
      // The person's engine, in the same page (the loader's export), answers each cell's case.
      const answers = await page.evaluate(async (queries) => {
        const loader = await import('/ansvarskollen.js');
        const m = await loader.engine();
        const lans = [...new Set(queries.map((q) => q.lan))];
        for (const lan of lans) { const b = await loader.fetchBytes(`rules/regions/${lan}.bin`); if (m.load_region.length === 2) m.load_region(lan, b); else m.load_region(b); }
        return queries.map((q) => JSON.parse(m.answer_json(q.query, 'sv')));
      }, shown.map((p) => ({ query: p.query, lan: kommun.slice(0, 2) })));
      shown.forEach((p, i) => {
        const a = answers[i];
        assert(!a.needed, `${kommun} ${p.query}: the cell's case is complete (needed ${a.needed})`);
        const outcome = a.determined === false ? 'not_determined' : a.responsible;
        eq(p.outcome, outcome, `${kommun} ${p.query}: the party`);
        eq(p.confidence, a.confidence, `${kommun} ${p.query}: the confidence`);
        const word = { kommun: 'Kommunen', region: 'Regionen' }[outcome];
        if (word) assert(p.text.includes(word), `${kommun} ${p.query}: the party in words (${p.text})`);
        assert(/(^|\n|\s)[KR?](\s|$)/.test(p.text) || p.text.includes('K') || p.text.includes('R'), `${kommun}: a mark (${p.text})`);
        if (a.confidence === 'partly') assert(p.text.includes('Delvis bekräftad'), `${kommun} ${p.query}: "Delvis bekräftad" as in the answer`);
        checked++;
      });
    }
    assert(checked >= 3 * 84, `cells checked: ${checked}`);
    await done(page);
  });
}

test('staff: the staff view is one tap from the start page and from an answer, by keyboard too; its own bundle', async () => {
  const page = await newPage(1024);
  server.requests.length = 0;
  await page.goto(`${origin}/index.html`);
  const w = page.locator(W);
  await waitStep(page, W, null);
  assert(!server.requests.some((r) => r.includes('ansvarskollen-staff')), 'the person\'s start does not fetch the staff bundle');
  // Keyboard: Tab reaches the link, Enter opens the matrix.
  const link = w.getByRole('link', { name: 'Ansvarsfördelning för personal' });
  let reached = false;
  await page.evaluate(() => { for (let e = document.activeElement; e; e = e.shadowRoot?.activeElement) e.blur?.(); });
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await link.evaluate((a) => a.getRootNode().activeElement === a);
  }
  assert(reached, 'Tab reaches "Ansvarsfördelning för personal"');
  await page.keyboard.press('Enter');
  await w.locator('.ak-staff').waitFor({ timeout: 15000 });
  assert(server.requests.some((r) => r.includes('ansvarskollen-staff')), 'the staff bundle is fetched');
  assert(/view=matrix/.test(page.url()), `the URL says the view: ${page.url()}`);
  // Choosing a kommun shows its matrix; the URL keeps it, and a reload shows it again.
  await w.locator('#ak-staff-kommun').selectOption('1980');
  await w.locator('.ak-staff-matrix').waitFor();
  assert(/kommun=1980/.test(page.url()), `the kommun is in the URL: ${page.url()}`);
  await page.reload();
  await w.locator('.ak-staff-matrix[data-kommun="1980"]').waitFor({ timeout: 15000 });
  // A date keeps the view open.
  await w.locator('#ak-staff-date').fill('2011-06-01');
  await w.locator('#ak-staff-date').dispatchEvent('change');
  for (let i = 0; i < 40 && !/date=2011-06-01/.test(page.url()); i++) await page.waitForTimeout(50);
  assert(/view=matrix/.test(page.url()) && /date=2011-06-01/.test(page.url()), `the date changes, the view stays: ${page.url()}`);
  await w.locator('.ak-staff-matrix').waitFor();
  // Back to the person's questions, and from an answer to its kommun's matrix on its date.
  await page.goto(`${origin}/index.html#kommun=1980&need=nursing&housing=special&date=2024-05-02`);
  await w.locator('.ak-answer').waitFor({ timeout: 15000 });
  await w.getByRole('link', { name: 'Visa hela ansvarsfördelningen' }).click();
  await w.locator('.ak-staff-matrix[data-kommun="1980"]').waitFor({ timeout: 15000 });
  assert(/date=2024-05-02/.test(page.url()), `the answer's date: ${page.url()}`);
  // A cell's explanation is the person's answer for its case.
  await w.locator('.ak-cell-link').first().click();
  await w.locator('.ak-answer').waitFor({ timeout: 15000 });
  await done(page);
});

test('staff: the matrix uses the tablet\'s width: nothing clipped, no sideways scroll at 1024 and 768; screenshots', async () => {
  for (const [width, height] of [[1024, 768], [768, 1024], [360, 740]]) {
    const page = await newPage(width);
    await page.setViewportSize({ width, height });
    const w = await openView(page, 'view=matrix&kommun=0380&date=2024-05-02');
    const m = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: innerWidth }));
    assert(m.doc <= m.view, `${width}: the page does not scroll sideways (${m.doc} > ${m.view})`);
    const wraps = await w.locator('.ak-table-wrap').evaluateAll((els) => els.map((e) => [e.scrollWidth, e.clientWidth]));
    if (width >= 768) {
      for (const [s, c] of wraps) assert(s <= c + 1, `${width}: the whole matrix fits (${s} > ${c})`);
      const tableWidth = await w.locator('table.ak-matrix-table').first().evaluate((t) => t.getBoundingClientRect().width);
      assert(tableWidth > width * 0.85, `${width}: the matrix uses the width (${tableWidth})`);
    }
    await expectNoAxeViolations(page, `matrix ${width}`);
    await screenshot(page, `staff-matrix-${width}`);
    await done(page);
  }
});

test('staff: compare: two dates and two kommuner, differences listed in words and marked not by colour alone', async () => {
  const page = await newPage(1024);
  let w = await openView(page, 'view=compare&kommun=1980&date=2011-06-01&date2=2024-05-02', '.ak-staff-compare');
  const list = await w.locator('.ak-difference').allInnerTexts();
  assert(list.length > 0, 'Västerås 2011 → 2024: differences (the 2012 agreement)');
  assert(list.every((d) => d.includes('→')), `each difference says before → after: ${list[0]}`);
  const changed = await w.locator('.ak-cell--changed').count();
  assert(changed > 0 && changed <= list.length, `each marked cell has its differences listed (${changed} cells, ${list.length} differences)`);
  assert((await w.locator('.ak-cell--changed .ak-changed').first().innerText()).length > 0, 'a changed cell says so in words');
  await expectNoAxeViolations(page, 'compare dates');
  await screenshot(page, 'staff-compare-1024');
  w = await openView(page, 'view=compare&kommun=1980&kommun2=0180&date=2024-05-02', '.ak-staff-compare');
  assert((await w.locator('.ak-difference').count()) > 0, 'Västerås and Stockholm differ');
  await done(page);
});

test('staff: timeline: Västmanland before and after 2012-09-01, Heby\'s move to Uppsala län', async () => {
  const page = await newPage(1024);
  let w = await openView(page, 'view=timeline&kommun=1980', '.ak-staff-timeline');
  const froms = await w.locator('.ak-period').evaluateAll((els) => els.map((e) => e.dataset.from));
  assert(froms.includes('2012-09-01'), `a period from 2012-09-01: ${froms}`);
  assert((await w.locator('.ak-period .ak-citations li').count()) > 0, 'sources listed');
  await expectNoAxeViolations(page, 'timeline');
  await screenshot(page, 'staff-timeline-1024');
  w = await openView(page, 'view=timeline&kommun=0331', '.ak-staff-timeline');
  const regions = await w.locator('.ak-period').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.region))]);
  assert(regions.length >= 2, `Heby: two regions over time (${regions})`);
  await done(page);
});

// A kommun's matrix prints on one A4 page (Västerås). Uppsala, the kommun with the most splits
// (age bands, kinds of aid, durations) and 17 doubts since the phase-2 rules, needs a second page
// for its doubts and sources at a readable size: at most two pages, the matrix first.
for (const [kommun, most] of [['1980', 1], ['0380', 2]]) test(`staff: print: the matrix of ${kommun} on ${most === 1 ? 'one A4 page' : 'at most two A4 pages'}, with its date, version and sources`, async () => {
  const page = await newPage(1024);
  const w = await openView(page, `view=matrix&kommun=${kommun}&date=2024-05-02`);
  const text = await w.locator('.ak-staff').innerText();
  assert(text.includes('2024-05-02'), 'the date');
  await page.emulateMedia({ media: 'print' });
  assert(!(await w.locator('.ak-staff-fields').isVisible()), 'the fields are not printed');
  assert(await w.locator('.ak-staff-sources').isVisible(), 'the sources are printed');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert(pages >= 1 && pages <= most, `the matrix prints on at most ${most} page(s): got ${pages}`);
  await done(page);
});

test('staff: the person\'s bundle has no staff view; a staff hash in the person\'s widget loads the staff bundle', async () => {
  const page = await newPage(1024);
  await page.goto(`${origin}/index.html#kommun=1980&need=physician&date=2024-05-02`);
  const w = page.locator(W);
  await w.locator('.ak-answer').waitFor({ timeout: 15000 });
  eq(await w.locator('.ak-matrix-table').count(), 0, 'no matrix in the person\'s answer');
  await page.evaluate(() => { location.hash = 'view=timeline&kommun=1980'; });
  await w.locator('.ak-staff-timeline').waitFor({ timeout: 15000 });
  await page.goBack();
  await w.locator('.ak-answer').waitFor({ timeout: 15000 });
  await done(page);
});

test('staff: install and offline: a valid manifest, no installability error in Chromium, "Fungerar utan uppkoppling"', async () => {
  const { launch, closeContext, dist } = await import('./lib.mjs');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8'));
  for (const key of ['name', 'short_name', 'start_url', 'scope', 'display', 'theme_color', 'icons']) assert(manifest[key], `the manifest has ${key}`);
  eq(manifest.display, 'standalone', 'display');
  for (const size of [180, 192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
    assert(icon, `an icon of ${size} px`);
    const png = fs.readFileSync(path.join(dist, icon.src));
    eq([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${icon.src} is ${size}×${size}`);
  }
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  for (const f of ['manifest.webmanifest', 'icon-192.png', 'apple-touch-icon.png']) assert(sw.includes(f), `the service worker caches ${f}`);
  const fresh = await launch();
  try {
    const page = await newPage(1024, fresh);
    await page.goto(`${origin}/index.html`);
    await waitStep(page, W, null);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const line = page.locator(W).locator('.ak-offline');
    await line.waitFor({ timeout: 15000 });
    assert((await line.innerText()).startsWith('Fungerar utan uppkoppling'), `the offline line: ${await line.innerText()}`);
    assert(/\d{4}-\d\d-\d\d/.test(await line.innerText()), 'with the rules\' date');
    const cdp = await fresh.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    eq(installabilityErrors, [], 'Chromium\'s installability errors');
    const m = await cdp.send('Page.getAppManifest');
    eq(m.errors, [], 'Chromium parses the manifest without errors');
    await done(page);
  } finally {
    await closeContext(fresh);
  }
});

test('staff: in English the views fetch the English words and texts (rules/en.bin) and show them; back to Swedish', async () => {
  const page = await newPage(1024);
  server.requests.length = 0;
  const w = await openView(page, 'view=matrix&kommun=1980&date=2024-05-02&lang=en');
  await w.getByText('Who is responsible in Västerås on 2024-05-02').waitFor();
  assert(await w.getByText('Responsibility matrix for staff').count() > 0, 'the English words');
  assert(server.requests.some((r) => r.startsWith('/rules/en.')), 'rules/en.bin was fetched');
  await w.getByRole('button', { name: 'På svenska' }).click();
  await w.getByText('Ansvarsfördelning för personal').first().waitFor();
  await done(page);
});
