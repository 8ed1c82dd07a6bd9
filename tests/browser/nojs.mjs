// The pages without JavaScript (`ansvarskollen site`, dist/kommun/, issue 13): no script at all,
// accessible (axe finds nothing), readable at 320 px (only the tables' own regions scroll), the
// index reaches every kommun, and the page of Västerås shows the parties of the engine's matrix
// (`ansvarskollen matrix --json`, the same date) in every cell.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expectNoAxeViolations, screenshot, assert, eq, root, dist } from './lib.mjs';
import { origin, suite, newPage, done } from './page.mjs';

const { tests, test } = suite();
export { tests };

const PAGES = ['kommun/index.html', 'kommun/1980.html', 'kommun/en/index.html', 'kommun/en/1980.html', 'kommun/0331.html'];

test('no-JS pages: no script, axe finds nothing, readable at 320 px', async () => {
  for (const file of PAGES) {
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    assert(!/<script/i.test(text), `${file} has no <script>`);
    const page = await newPage(320);
    await page.goto(`${origin}/${file}`);
    eq(await page.evaluate(() => document.scripts.length), 0, `${file}: no script element`);
    assert(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${file}: the page itself does not scroll sideways at 320 px`);
    await expectNoAxeViolations(page, file);
    if (file === 'kommun/1980.html') await screenshot(page, 'nojs-1980-320');
    await done(page);
  }
});

test('no-JS pages: the index links every kommun; Västerås shows the engine matrix parties', async () => {
  const page = await newPage(1280);
  await page.goto(`${origin}/kommun/index.html`);
  const links = await page.locator('section li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  eq(links.length, 290, 'the index lists every kommun');
  await page.locator('a[href="1980.html"]').click();
  await page.waitForURL(/1980\.html$/);
  eq(await page.locator('h1').innerText(), 'Ansvarsfördelningen i Västerås', 'the link leads to the page of Västerås');
  eq(await page.locator('main a[href^="../index.html#"]').evaluate((a) => new URL(a.href).hash), '#kommun=1980', 'it links to the widget with the kommun');
  const date = await page.locator('time').first().getAttribute('datetime');
  const matrix = JSON.parse(execFileSync(path.join(root, 'target/release/ansvarskollen'),
    ['matrix', '--kommun', '1980', '--date', date, '--json'], { cwd: root, encoding: 'utf8' }));
  const shown = await page.evaluate(() => ['can', 'cannot'].map((id) => [...document.getElementById(id).closest('table').querySelectorAll('tbody tr')]
    .map((tr) => ({ need: tr.dataset.need, aid: tr.dataset.aid || null, cells: [...tr.querySelectorAll('td')].map((td) => [...td.querySelectorAll('p')].map((p) => p.className)) }))));
  const letter = { kommun: 'k', region: 'r', not_determined: 'u' };
  eq(shown[0].length, matrix.rows.length, 'as many rows as the matrix');
  matrix.rows.forEach((row, i) => {
    for (const [t, can] of [[0, true], [1, false]]) {
      const tr = shown[t][i];
      eq([tr.need, tr.aid], [row.need, row.aid], `row ${i}`);
      const expected = row.cells.filter((c) => c.can_visit_clinic === can).map((c) => c.parts.map((p) => letter[p.responsible]));
      eq(tr.cells, expected, `${row.need}${row.aid ? ` (${row.aid})` : ''}, ${can ? 'can' : 'cannot'} reach the vårdcentral`);
    }
  });
  assert(shown[1][0].cells[0].length > 1, 'the age split shows as two parts');
  await done(page);
});
