// Host pages as they are (issue 14): the iframe done right ("Om uppgifterna" reachable, "Kopiera
// länk" only with the host's link, no entries in the host's history, no service worker unless
// asked for), a dark host page, a narrow CMS column in a wide window, and attributes changed after
// the widget has started. Host pages are on another origin than the widget, as on real sites.

import { launch, closeContext, assert, eq, screenshot } from './lib.mjs';
import { W, origin, server, hosts, suite, newPage, done, step, waitStep, runFlow, checkAnswer, blankPage } from './page.mjs';

const { tests, test } = suite();
export { tests };

/** The loader's script tag, for the widget's server (another origin than the host pages'). */
const loader = () => `<script type="module" src="${origin}/ansvarskollen.js"></script>`;

/** A host page with the iframe embed (embed.html?query) and the parent-side script. */
function iframePage(name, query) {
  return blankPage(hosts, name, `<h1>A host page</h1>
<iframe src="${origin}/embed.html?${query}" title="Ansvarskollen" data-ansvarskollen width="100%" height="600" allow="clipboard-write"></iframe>
<script src="${origin}/ansvarskollen-iframe.js" defer></script>`);
}

/** The widget's step inside the iframe (as page.mjs's step()). */
async function frameStep(page, not = null) {
  const frame = page.frameLocator('iframe[data-ansvarskollen]');
  for (let i = 0; i < 200; i++) {
    const s = await frame.locator('body').evaluate((b) => {
      const r = b.querySelector('ansvarskollen-widget')?.shadowRoot;
      if (!r || !r.querySelector('.ak-widget')) return null;
      if (r.querySelector('.ak-answer')) return 'answer';
      const input = r.querySelector('form.ak-step input[name]');
      return input ? input.getAttribute('name') : 'loading';
    }).catch(() => null);
    if (s && s !== not && s !== 'loading') return s;
    await page.waitForTimeout(25);
  }
  throw new Error('no new step in the iframe');
}

const contentFrame = (page) => page.frames().find((f) => f.url().startsWith(`${origin}/embed.html`));

test('iframe: "Om uppgifterna" opens in a new tab, where all of the long page can be reached', async () => {
  const page = await newPage();
  await page.goto(iframePage('iframe-about.html', 'kommun=1980'));
  eq(await frameStep(page), 'need', 'the iframe shows the widget');
  const link = page.frameLocator('iframe[data-ansvarskollen]').locator(W).getByRole('link', { name: 'Om uppgifterna' });
  eq(await link.getAttribute('target'), '_blank', 'the link opens a new tab');
  await page.waitForFunction(() => document.querySelector('iframe[data-ansvarskollen]').getAttribute('scrolling') === 'no');
  const [about] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await about.waitForLoadState('load');
  assert(about.url().endsWith('/om-uppgifterna.html'), `the new tab shows the page: ${about.url()}`);
  const reach = await about.evaluate(() => {
    scrollTo(0, document.documentElement.scrollHeight);
    return { height: document.documentElement.scrollHeight, bottom: scrollY + innerHeight, top: window === window.top };
  });
  assert(reach.top && reach.height > 3000, `a long page of its own tab (${JSON.stringify(reach)})`);
  assert(reach.bottom >= reach.height - 1, `its end can be reached (${JSON.stringify(reach)})`);
  await about.close();
  eq(await frameStep(page), 'need', 'the iframe still shows the widget');
  await done(page);
});

test('iframe: the questions leave the host page\'s history alone (history.length does not grow)', async () => {
  const page = await newPage();
  await page.goto(iframePage('iframe-history.html', 'kommun=1980&date=2024-05-02'));
  eq(await frameStep(page), 'need', 'the first question');
  const before = await page.evaluate(() => history.length);
  const w = page.frameLocator('iframe[data-ansvarskollen]').locator(W);
  const answer = async (name, value) => {
    await w.locator(`label[for="${await w.locator(`input[name="${name}"][value="${value}"]`).getAttribute('id')}"]`).click();
    await w.locator('button[type=submit]').click();
  };
  await answer('need', 'nursing');
  eq(await frameStep(page, 'need'), 'housing', 'the second question');
  await answer('housing', 'special');
  eq(await frameStep(page, 'housing'), 'answer', 'the answer');
  const hash = await contentFrame(page).evaluate(() => location.hash);
  assert(hash.includes('need=nursing') && hash.includes('housing=special'), `the iframe keeps the case in its own hash: ${hash}`);
  eq(await page.evaluate(() => history.length), before, 'no new history entries for the host page');
  await done(page);
});

test('iframe: "Kopiera länk" is hidden without the host\'s link; with &share= it copies the host page with the case, which opens at the same answer', async () => {
  const page = await newPage();
  await page.addInitScript(() => {
    // The clipboard of every frame, recorded (a test cannot read the system's).
    if (navigator.clipboard) navigator.clipboard.writeText = async (text) => { window.__copied = text; };
  });
  const deep = 'kommun=1980#need=physician&date=2024-05-02';
  await page.goto(iframePage('iframe-noshare.html', deep));
  eq(await frameStep(page), 'answer', 'the answer');
  const w = page.frameLocator('iframe[data-ansvarskollen]').locator(W);
  eq(await w.getByRole('button', { name: 'Kopiera länk' }).count(), 0, 'no "Kopiera länk" in an iframe without the host\'s link');
  await w.getByRole('button', { name: 'Skriv ut' }).waitFor();

  const host = `${hosts.origin}/iframe-share.html`;
  await page.goto(iframePage('iframe-share.html', `kommun=1980&share=${encodeURIComponent(host)}#need=physician&date=2024-05-02`));
  eq(await frameStep(page), 'answer', 'the answer');
  await w.getByRole('button', { name: 'Kopiera länk' }).click();
  await w.locator('.ak-status').filter({ hasText: 'Länken är kopierad' }).waitFor();
  const copied = await contentFrame(page).evaluate(() => window.__copied);
  assert(copied.startsWith(`${host}#`) && copied.includes('need=physician') && copied.includes('date=2024-05-02'), `the host's page with the case: ${copied}`);
  // The copied link opens the host page, whose iframe shows the same answer.
  await page.goto('about:blank');
  await page.goto(copied);
  eq(await frameStep(page), 'answer', 'the link opens at the answer');
  eq(await w.locator('.ak-answer').getAttribute('data-responsible'), 'region', 'the same answer');
  // When copying fails, the link itself is shown: the address bar is the host page's.
  await contentFrame(page).evaluate(() => { navigator.clipboard.writeText = async () => { throw new Error('denied'); }; });
  await w.getByRole('button', { name: 'Kopiera länk' }).click();
  const status = await w.locator('.ak-status').filter({ hasText: 'Det gick inte att kopiera länken' }).innerText();
  assert(status.includes(`${host}#`) && !status.includes('adressen högst upp'), `the status shows the link, not the address bar: ${status}`);
  await done(page);
});

test('iframe: no service worker unless the host asks for it (embed.html?offline=1)', async () => {
  const fresh = await launch();
  try {
    const page = await newPage(1280, fresh);
    const registrations = () => contentFrame(page).evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
    await page.goto(iframePage('iframe-sw.html', 'kommun=1980'));
    eq(await frameStep(page), 'need', 'the widget');
    await page.waitForTimeout(300);
    eq(await registrations(), [], 'no service worker in the iframe');
    await page.goto(iframePage('iframe-sw-offline.html', 'kommun=1980&offline=1'));
    eq(await frameStep(page), 'need', 'the widget');
    let scopes = [];
    for (let i = 0; i < 100 && !scopes.length; i++) {
      scopes = await registrations();
      if (!scopes.length) await page.waitForTimeout(50);
    }
    eq(scopes, [`${origin}/`], 'offline=1 registers the service worker');
    await done(page);
  } finally {
    await closeContext(fresh);
  }
});

/** A radio button of the need question, as drawn, on a host page with this head. */
async function radio(name, head, style = '') {
  const page = await newPage();
  await page.goto(blankPage(hosts, name, `${loader()}\n<ansvarskollen-widget kommun="1980" ${style}></ansvarskollen-widget>`, head));
  eq(await waitStep(page, W, null), 'need', 'the need question');
  const input = page.locator(W).locator('input[name="need"]').first();
  const scheme = await input.evaluate((e) => getComputedStyle(e).colorScheme);
  const shot = await input.screenshot();
  await page.close();
  return { scheme, shot };
}

test('a dark host page (color-scheme: dark) draws the widget\'s unselected radio buttons as on a light one', async () => {
  const light = await radio('light-host.html', '');
  const dark = await radio('dark-host.html', '<meta name="color-scheme" content="dark"><style>:root { color-scheme: dark; background: #111; color: #eee; }</style>');
  eq(dark.scheme, 'light', 'the widget\'s controls are light on a dark host');
  assert(light.shot.equals(dark.shot), 'an unselected radio button looks the same on a dark host as on a light one');
  // The comparison sees the scheme: the same radio in the dark scheme looks different.
  const darkened = await radio('dark-widget.html', '', 'style="--ak-color-scheme: dark"');
  eq(darkened.scheme, 'dark', '--ak-color-scheme: dark applies');
  assert(!light.shot.equals(darkened.shot), 'a radio button in the dark scheme is drawn differently (the comparison can fail)');
});

test('a 300 px column in a 1280 px window gets the narrow layout; an 800 px column the wide one', async () => {
  const page = await newPage(1280);
  await page.goto(blankPage(hosts, 'columns.html', `${loader()}
<div style="width: 300px"><ansvarskollen-widget id="narrow" kommun="1980"></ansvarskollen-widget></div>
<div style="width: 800px"><ansvarskollen-widget id="wide" kommun="1980"></ansvarskollen-widget></div>`));
  const layout = async (sel) => {
    await waitStep(page, sel, null);
    return page.evaluate((sel) => {
      const r = document.querySelector(sel).shadowRoot;
      const px = (e, p) => parseFloat(getComputedStyle(e)[p]);
      const button = r.querySelector('button[type=submit]');
      return { heading: px(r.querySelector('.ak-heading'), 'fontSize'), button: button.getBoundingClientRect().width, widget: r.querySelector('.ak-widget').getBoundingClientRect().width };
    }, sel);
  };
  const narrow = await layout('#narrow');
  const wide = await layout('#wide');
  eq(narrow.heading, 16 * 1.35, 'narrow: the smaller heading');
  eq(Math.round(narrow.button), Math.round(narrow.widget), 'narrow: the button as wide as the widget');
  eq(wide.heading, 16 * 1.6, 'wide: the large heading');
  assert(wide.button < wide.widget / 2, `wide: the button as wide as its text (${wide.button} of ${wide.widget})`);
  await screenshot(page, 'columns-1280');
  await done(page);
});

/** Waits until the widget `sel` has started again (its `ansvarskollen:ready` count grew past `n`). */
async function restarted(page, n, sel = '#w') {
  await page.waitForFunction(([sel, n]) => (window.__ready?.[sel] || 0) > n, [sel, n]);
  return waitStep(page, sel, null);
}

test('attributes changed after the start take effect: lang, kommun, date, lan', async () => {
  const page = await newPage();
  await page.addInitScript(() => {
    window.__ready = {};
    document.addEventListener('ansvarskollen:ready', (e) => { window.__ready[`#${e.target.id}`] = (window.__ready[`#${e.target.id}`] || 0) + 1; });
  });
  await page.goto(blankPage(hosts, 'attributes-later.html', `${loader()}\n<ansvarskollen-widget id="w" kommun="1980" lang="sv"></ansvarskollen-widget>`));
  eq(await waitStep(page, '#w', null), 'need', 'Västerås preset');
  const w = page.locator('#w');
  const ready = () => page.evaluate(() => window.__ready['#w'] || 0);

  let n = await ready();
  await page.evaluate(() => document.querySelector('#w').setAttribute('lang', 'en'));
  await restarted(page, n);
  eq(await w.locator('.ak-widget').getAttribute('lang'), 'en', 'lang: English');
  assert((await w.locator('.ak-heading').innerText()).startsWith('What'), `lang: the question in English (${await w.locator('.ak-heading').innerText()})`);

  n = await ready();
  await page.evaluate(() => document.querySelector('#w').setAttribute('kommun', '0180'));
  await restarted(page, n);
  await runFlow(page, { name: 'Stockholm', answers: { need: 'physician' } }, 'mouse', { sel: '#w' });
  const a = await checkAnswer(page, { name: 'Stockholm', responsible: 'region', organisation: 'Region Stockholm' }, '#w');
  eq(a.kommun.code, '0180', 'kommun: the answer is for Stockholm');
  eq((await page.evaluate(() => window.__answers)).length, 1, 'one answer event: the widget before the change is gone');

  n = await ready();
  await page.evaluate(() => document.querySelector('#w').setAttribute('date', '2024-05-02'));
  await restarted(page, n);
  await runFlow(page, { name: 'date', answers: { need: 'physician' } }, 'mouse', { sel: '#w' });
  await w.locator('.ak-answer').waitFor();
  assert((await w.locator('.ak-date').innerText()).includes('2024-05-02'), 'date: the rules of 2024-05-02');

  n = await ready();
  await page.evaluate(() => { const e = document.querySelector('#w'); e.removeAttribute('kommun'); e.setAttribute('lan', '14'); });
  eq(await restarted(page, n), 'kommun', 'lan: the kommun is asked');
  eq(await page.evaluate(() => window.__ready['#w']), n + 1, 'two changes at once start the widget once');
  const input = w.locator('#ak-kommun');
  await input.pressSequentially('väs');
  eq(await w.locator('.ak-option-name').allInnerTexts(), [], 'lan: no kommun outside län 14');
  await input.fill('');
  await input.pressSequentially('borå');
  eq(await w.locator('.ak-option-name').allInnerTexts(), ['Borås'], 'lan: Borås is in län 14');
  await done(page);
});

test('the view attribute changed after the start loads the staff view', async () => {
  const page = await newPage();
  await page.goto(blankPage(hosts, 'view-later.html', `${loader()}\n<ansvarskollen-widget id="w" kommun="1980"></ansvarskollen-widget>`));
  eq(await waitStep(page, '#w', null), 'need', 'the person\'s questions');
  server.requests.length = 0;
  await page.evaluate(() => document.querySelector('#w').setAttribute('view', 'matrix'));
  for (let i = 0; i < 100 && !server.requests.some((r) => r.includes('ansvarskollen-staff')); i++) await page.waitForTimeout(50);
  assert(server.requests.some((r) => r.includes('ansvarskollen-staff')), `the staff bundle is fetched: ${server.requests}`);
  assert(await step(page, '#w') !== 'need', 'the person\'s questions are gone');
  await done(page);
});
