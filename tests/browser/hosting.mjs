// The widget on a server of its own (issue 14): the snippets of the docs on a page of another
// origin, with the documented headers and without them; the demo's pinned snippet (its version
// and SRI hash true, a wrong hash refused); a host page choosing the kommun itself; and releases:
// a cached old loader never pairs with a new release's wasm, nor a new loader with the old.
// (The same snippet in Firefox and WebKit: engines.mjs.)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { serve, launch, closeContext, assert, eq, dist, assetMap } from './lib.mjs';
import { hashAssets, unhash } from '../../www/build-assets.mjs';
import { W, origin, server, hosts, suite, newPage, done, waitStep, runFlow, checkAnswer, docSnippet, blankPage } from './page.mjs';

const { tests, test } = suite();
export { tests };

/** The docs' snippet `name` for the widget's files at `at` (an origin): what a web editor pastes. */
function pasted(name, at) {
  const snippet = docSnippet(name);
  eq(docSnippet(name, 'docs/inbaddning.md'), snippet, `the Swedish docs have the same ${name} snippet`);
  return snippet.replaceAll('https://YOUR-SERVER/ansvarskollen/', `${at}/`);
}

/** The shadow-free fallback of a widget: visible, and whether the widget started at all. */
const fallback = (page, sel = W) => page.evaluate((sel) => {
  const w = document.querySelector(sel);
  const p = w.querySelector('p');
  const box = p && p.getBoundingClientRect();
  return { shadow: !!w.shadowRoot, slot: !!w.shadowRoot?.querySelector('slot'), visible: !!box && box.height > 0 && !!p.textContent.includes('1177'), shown: !w.shadowRoot || !!p.assignedSlot };
}, sel);

async function waitFallback(page) {
  for (let i = 0; i < 200; i++) {
    const f = await fallback(page);
    if (f.visible && f.shown && (!f.shadow || f.slot)) return f;
    await page.waitForTimeout(25);
  }
  return fallback(page);
}

test('the snippet from the docs works on a page of another origin served with the documented headers', async () => {
  const page = await newPage();
  const url = blankPage(hosts, 'docs-snippet.html', pasted('element', origin));
  assert(new URL(url).origin !== origin, 'the host page is of another origin than the widget');
  server.requests.length = 0;
  await page.goto(url);
  eq(await waitStep(page, W, null), 'need', 'the kommun preset of the snippet skips the kommun question');
  await runFlow(page, { name: 'docs snippet', answers: { need: 'physician' } }, 'mouse');
  await checkAnswer(page, { name: 'docs snippet', responsible: 'region', organisation: 'Region Västmanland' });
  const map = assetMap();
  for (const f of ['ansvarskollen.js', map['wasm/ansvarskollen.js'], map['wasm/ansvarskollen_bg.wasm'], map['rules/core.bin'], map['ansvarskollen.css']]) {
    assert(server.requests.some((r) => r.startsWith(`/${f}`)), `${f} came from the widget's server`);
  }
  await done(page);
});

test('a host page sets the kommun from its own page (the docs\' example): the widget starts again with it', async () => {
  const page = await newPage();
  await page.goto(blankPage(hosts, 'host-sets-kommun.html', `<script type="module" src="${origin}/ansvarskollen.js"></script>\n${pasted('host-sets-kommun', origin)}`));
  eq(await waitStep(page, '#ak', null), 'need', 'Västerås preset');
  await page.selectOption('#our-kommun', '1983');
  await page.waitForFunction(() => document.querySelector('#ak').getAttribute('kommun') === '1983');
  await runFlow(page, { name: 'Köping', answers: { need: 'physician' } }, 'mouse', { sel: '#ak' });
  const a = await checkAnswer(page, { name: 'Köping', responsible: 'region', organisation: 'Region Västmanland' }, '#ak');
  eq(a.kommun.code, '1983', 'the answer is for the kommun the host page chose');
  await done(page);
});

test('without Access-Control-Allow-Origin the page shows the element\'s own content, and the console names the header', async () => {
  const bare = await serve(dist, { cors: false });
  try {
    const page = await newPage();
    await page.goto(blankPage(hosts, 'no-cors.html', pasted('element', bare.origin)));
    const f = await waitFallback(page);
    assert(f.visible && !f.shadow, `the element's own sentence and link to 1177 are shown (${JSON.stringify(f)})`);
    const lines = page.messages.filter((m) => m.includes('Access-Control-Allow-Origin'));
    assert(lines.length > 0, `a console line names Access-Control-Allow-Origin: ${page.messages.join(' | ')}`);
    await done(page, [/Access-Control-Allow-Origin/, /Failed to load/]);
  } finally {
    await bare.close();
  }
});

test('a server that sends the header for the loader only: the loader names the missing header, the element shows its own content', async () => {
  const half = await serve(dist, { cors: (file) => file === 'ansvarskollen.js' });
  try {
    const page = await newPage();
    await page.goto(blankPage(hosts, 'half-cors.html', pasted('element', half.origin)));
    const f = await waitFallback(page);
    assert(f.visible && f.shadow && f.slot, `the element's own content is shown through its shadow root (${JSON.stringify(f)})`);
    const ours = page.messages.filter((m) => m.startsWith('error: Ansvarskollen: the server at'));
    eq(ours.length, 1, `one line of the loader's: ${page.messages.join(' | ')}`);
    assert(ours[0].includes(half.origin) && ours[0].includes('must send Access-Control-Allow-Origin') && ours[0].includes('docs/embedding.md'),
      `it names the server, the header and the docs: ${ours[0]}`);
    await done(page, [/Access-Control-Allow-Origin/, /Failed to load/, /Ansvarskollen could not start/, /Failed to fetch|NetworkError|Load failed/]);
  } finally {
    await half.close();
  }
});

test('demo.html\'s snippet carries the version and the SRI hash of its build; pinned, it works from another origin and a wrong hash is refused', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'assets.json'), 'utf8'));
  const loader = fs.readFileSync(path.join(dist, 'ansvarskollen.js'));
  const sri = `sha384-${crypto.createHash('sha384').update(loader).digest('base64')}`;
  eq(manifest.loader.integrity, sri, 'assets.json has the loader\'s SRI hash');
  const demo = fs.readFileSync(path.join(dist, 'demo.html'), 'utf8');
  assert(!demo.includes('@AK_'), 'no placeholder left in demo.html');
  const code = demo.match(/<pre><code>(&lt;script type="module" src="https:\/\/DIN-SERVER[\s\S]*?)<\/code><\/pre>/)[1];
  assert(code.includes(`integrity="${sri}"`) && code.includes('crossorigin="anonymous"'), `the snippet has the true SRI hash: ${code}`);
  assert(code.includes(`/ansvarskollen/${manifest.version}/ansvarskollen.js`), `the snippet has the version ${manifest.version}: ${code}`);
  assert(demo.includes(`src="ansvarskollen.js" integrity="${sri}"`), 'demo.html loads its loader pinned too');
  const snippet = code.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(`https://DIN-SERVER/ansvarskollen/${manifest.version}/`, `${origin}/`);
  const page = await newPage();
  await page.goto(blankPage(hosts, 'pinned.html', snippet));
  eq(await waitStep(page, W, null), 'need', 'the pinned snippet starts the widget');
  await done(page);
  const wrong = await newPage();
  await wrong.goto(blankPage(hosts, 'pinned-wrong.html', snippet.replace(sri, `sha384-${crypto.createHash('sha384').update('another loader').digest('base64')}`)));
  const f = await waitFallback(wrong);
  assert(f.visible && !f.shadow, `a loader that is not the pinned one does not run: the element's own content (${JSON.stringify(f)})`);
  await done(wrong, [/integrity/i, /Failed to load|Failed to find a valid digest/]);
});

/** A custom section (id 0): a valid addition to a wasm module that changes its bytes, not its code. */
function customSection(name, payload) {
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const body = Buffer.concat([Buffer.from(leb(name.length)), Buffer.from(name), Buffer.from(payload)]);
  return Buffer.concat([Buffer.from([0, ...leb(body.length)]), body]);
}

test('after a release with a changed wasm, a cached old loader fetches only its own release\'s files, and the new loader only the new ones', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-release-'));
  let release;
  let other;
  try {
    // The next release: this build with another wasm (one more custom section), hashed again.
    const next = path.join(tmp, 'next');
    fs.cpSync(dist, next, { recursive: true });
    unhash(next);
    const wasm = path.join(next, 'wasm/ansvarskollen_bg.wasm');
    fs.writeFileSync(wasm, Buffer.concat([fs.readFileSync(wasm), customSection('ansvarskollen-release', 'next')]));
    hashAssets(next, { version: 'next' });
    const old = assetMap(dist);
    const fresh = assetMap(next);
    assert(old['wasm/ansvarskollen_bg.wasm'] !== fresh['wasm/ansvarskollen_bg.wasm'], 'the new wasm has a new name');
    assert(old['wasm/ansvarskollen.js'] !== fresh['wasm/ansvarskollen.js'], 'and so has the glue that names it');
    eq(old['rules/core.bin'], fresh['rules/core.bin'], 'a file that did not change keeps its name');
    assert(!fs.readFileSync(path.join(dist, 'ansvarskollen.js'), 'utf8').includes(fresh['wasm/ansvarskollen_bg.wasm'].split('.')[1]), 'the old loader does not know the new wasm');
    // The server after the release: the new files next to the old ones, the new loader at the
    // stable name, and the old loader as a cache (browser, CDN) may still hand it out.
    const served = path.join(tmp, 'served');
    fs.cpSync(next, served, { recursive: true });
    for (const f of Object.values(old)) fs.cpSync(path.join(dist, f), path.join(served, f));
    fs.cpSync(path.join(dist, 'ansvarskollen.js'), path.join(served, 'cached-old-loader.js'));
    release = await serve(served, { cache: true });
    const onlyOld = Object.values(old).filter((f) => !Object.values(fresh).includes(f));
    const onlyNew = Object.values(fresh).filter((f) => !Object.values(old).includes(f));
    const fetched = () => release.requests.map((r) => new URL(r, 'http://x').pathname.slice(1));
    for (const [loader, own, other, label] of [['cached-old-loader.js', old, onlyNew, 'old'], ['ansvarskollen.js', fresh, onlyOld, 'new']]) {
      release.requests.length = 0;
      const page = await newPage();
      await page.goto(blankPage(hosts, `release-${label}.html`, `<script type="module" src="${release.origin}/${loader}"></script>\n<ansvarskollen-widget kommun="1980"></ansvarskollen-widget>`));
      eq(await waitStep(page, W, null), 'need', `the ${label} loader starts`);
      await runFlow(page, { name: label, answers: { need: 'physician' } }, 'mouse');
      await checkAnswer(page, { name: label, responsible: 'region', organisation: 'Region Västmanland' });
      // (Files both releases share may come from the browser's cache: they are the same bytes.)
      for (const f of ['wasm/ansvarskollen_bg.wasm', 'wasm/ansvarskollen.js']) {
        assert(fetched().includes(own[f]), `the ${label} loader fetched its own ${own[f]}: ${fetched()}`);
      }
      eq(fetched().filter((f) => other.includes(f)), [], `the ${label} loader fetched nothing of the other release`);
      await done(page);
    }
    // Once the old files are deleted, the old loader (in a browser without them in its cache)
    // cannot start: it says so, and still never takes the new wasm.
    for (const f of onlyOld) fs.rmSync(path.join(served, f));
    release.requests.length = 0;
    other = await launch();
    const page = await newPage(1280, other);
    await page.goto(blankPage(hosts, 'release-old-gone.html', `<script type="module" src="${release.origin}/cached-old-loader.js"></script>\n<ansvarskollen-widget kommun="1980"></ansvarskollen-widget>`));
    await page.locator(W).locator('[role=alert]').waitFor();
    eq(fetched().filter((f) => onlyNew.includes(f)), [], 'the old loader, its files gone, fetched nothing of the new release');
    await done(page, [/Ansvarskollen could not start/, /Failed to load/, /404/, /dynamically imported module/]);
  } finally {
    if (other) await closeContext(other);
    await release?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
