// One small interface over three browser engines, so the same test bodies run in each.
//
// An engine (chromium.mjs, firefox.mjs, webkit.mjs) starts a browser with a fresh profile and
// offers the primitives: `goto(url)`, `run(source)` (a JavaScript expression, awaited, its value
// back as JSON), `click(x, y)` (a real pointer click at a point of the viewport), `type(text)` and
// `press(key)` (real key presses to the focused element: Enter, Tab, ArrowDown, Space, …),
// `keysActivate` (whether Enter on a button and Space on a radio click them, as for a person),
// `messages` (console lines as "type: text", or null where the engine cannot see them) and
// `close()`. Every primitive has a deadline, so a browser that cannot start or stops answering
// fails its tests instead of hanging them.
//
// `drive(engine)` adds what the tests use, on the widget in its shadow root: `evalInWidget`,
// `clickInWidget` (the element's centre, found through the shadowRoot: WebKit's WebDriver refuses
// to click inside a shadow root), `typeInWidget`, `waitFor`, and `step`/`waitStep` as in page.mjs.

import { within } from '../lib.mjs';

export const W = 'ansvarskollen-widget';

export function drive(engine) {
  const d = {
    ...engine,
    /** Opens a URL from a blank page (a URL that differs only in its hash would not load again). */
    async goto(url) {
      await within(30000, `${engine.name}: opening about:blank`, engine.goto('about:blank'));
      await within(30000, `${engine.name}: opening ${url}`, engine.goto(url));
    },
    /** fn(arg) in the page; fn must be self-contained (it is sent as source). */
    evaluate: (fn, arg) => within(30000, `${engine.name}: running a script`, engine.run(`(${fn})(${JSON.stringify(arg ?? null)})`)),
    /** fn(shadowRoot, arg) in the widget `sel` (its shadowRoot is null before it starts). */
    evalInWidget: (sel, fn, arg) => within(30000, `${engine.name}: running a script in ${sel}`,
      engine.run(`(${fn})(document.querySelector(${JSON.stringify(sel)})?.shadowRoot ?? null, ${JSON.stringify(arg ?? null)})`)),
    /** Waits until fn(arg) in the page is truthy; returns its value. */
    async waitFor(fn, arg, what, timeout = 10000) {
      const end = Date.now() + timeout;
      for (;;) {
        const v = await d.evaluate(fn, arg);
        if (v) return v;
        if (Date.now() > end) throw new Error(`${engine.name}: waited ${timeout} ms for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** A real click at the centre of the element `css` inside the widget `sel`. */
    async clickInWidget(sel, css) {
      const box = await d.evalInWidget(sel, (root, css) => {
        const e = root && root.querySelector(css);
        if (!e) return null;
        e.scrollIntoView({ block: 'center' });
        const r = e.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, css);
      if (!box) throw new Error(`${engine.name}: no ${css} in ${sel} to click`);
      await within(30000, `${engine.name}: clicking ${css}`, engine.click(box.x, box.y));
    },
    /** Clicks the field `css` in the widget and types into it, key by key. */
    async typeInWidget(sel, css, text) {
      await d.clickInWidget(sel, css);
      await within(30000, `${engine.name}: typing`, engine.type(text));
    },
    press: (key) => within(30000, `${engine.name}: pressing ${key}`, engine.press(key)),
    /** The step a widget shows, as page.mjs's step(). */
    step: (sel = W) => d.evalInWidget(sel, (r) => {
      if (!r || !r.querySelector('.ak-widget')) return null;
      if (r.querySelector('.ak-answer')) return 'answer';
      if (r.querySelector('[role=alert]')) return 'problem';
      const input = r.querySelector('form.ak-step input[name]');
      if (input) return input.getAttribute('name');
      return r.querySelector('.ak-loading') ? 'loading' : 'other';
    }),
    /** Waits for a step other than `not` (and other than loading); returns it. */
    async waitStep(sel = W, not = null, timeout = 10000) {
      const end = Date.now() + timeout;
      for (;;) {
        const s = await d.step(sel);
        if (s && s !== not && s !== 'loading') return s;
        if (Date.now() > end) throw new Error(`${engine.name}: no new step in ${sel} (still ${s})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** The focused element inside the widget, as "tag#id.class". */
    focused: (sel = W) => d.evalInWidget(sel, (r) => {
      const a = r && r.activeElement;
      return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(' ')[0] : ''}` : 'none';
    }),
  };
  return d;
}
