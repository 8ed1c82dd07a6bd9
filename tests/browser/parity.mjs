// The browser answers exactly as the CLI: 300 seeded random cases (partial and complete, every
// region, 1992–2027, both languages; every need, housing and kind of aid, "unknown" for the inputs
// that may be unknown, temporary stays in another kommun) through the wasm export `answer_json`
// and `ansvarskollen ask --json`.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { assert, eq, root } from './lib.mjs';
import { W, origin, suite, newPage, done, waitStep } from './page.mjs';

const { tests, test } = suite();
export { tests };

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
    if (rnd(8)) c.need = pick(['nursing', 'rehabilitation', 'occupational_therapy', 'physiotherapy', 'assistive_devices', 'physician', 'palliative_care', 'specialised_home_care', 'dental']);
    if (c.need === 'assistive_devices' && rnd(4)) c.aid = pick(['everyday', 'sensory', 'orthopaedic', 'incontinence', 'unknown']);
    if (rnd(8)) c.housing = pick(['ordinary', 'sheltered', 'special', 'short_term', 'lss', 'lss_short_stay', 'unknown']);
    if (rnd(8)) c.age = rnd(100);
    if (rnd(8)) c.can_visit_clinic = pick(['true', 'false', 'unknown']);
    if (rnd(8)) c.duration = pick(['short', 'long', 'unknown']);
    if (!rnd(6)) c.staying_in = pick(kommuner)[0];
    c.lang = rnd(2) ? 'sv' : 'en';
    cases.push(c);
  }
  const lans = [...new Set(kommuner.map((k) => k[2]))];
  const browser = await page.evaluate(async ({ cases, lans }) => {
    // The loaded engine and the loader's fetch (by the files' content-hashed names).
    const loader = await import('/ansvarskollen.js');
    const m = await loader.engine();
    for (const lan of lans) {
      const bytes = await loader.fetchBytes(`rules/regions/${lan}.bin`);
      // load_region(bytes), or load_region(lan, bytes) once the core checks each part (branch i10a).
      if (m.load_region.length === 2) m.load_region(lan, bytes);
      else m.load_region(bytes);
    }
    return cases.map(({ lang, ...c }) => JSON.parse(m.answer_json(new URLSearchParams(c).toString(), lang)));
  }, { cases, lans });
  const cli = path.join(root, 'target/release/ansvarskollen');
  let determined = 0;
  cases.forEach((c, i) => {
    const args = ['ask', '--json', '--lang', c.lang];
    for (const k of ['kommun', 'date', 'need', 'aid', 'housing', 'age', 'duration', 'can_visit_clinic', 'staying_in']) {
      if (c[k] !== undefined) args.push(`--${k.replace(/_/g, '-')}`, String(c[k]));
    }
    const expected = JSON.parse(execFileSync(cli, args, { cwd: root, encoding: 'utf8' }));
    if (expected.needed) eq(browser[i].needed, expected.needed, `case ${i} ${JSON.stringify(c)}: still needed`);
    else { eq(browser[i], expected, `case ${i} ${JSON.stringify(c)}`); determined++; }
  });
  assert(determined > 50, `enough answered cases compared (${determined})`);
  await done(page);
});
