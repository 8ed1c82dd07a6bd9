// Chromium for the cross-engine tests: Debian's chromium with a fresh profile, driven by
// playwright-core (lib.mjs starts it). The engine interface is described in driver.mjs.

import { launch as launchChromium, closeContext, within } from '../lib.mjs';

export const binary = '/usr/bin/chromium';

export async function launch({ width = 1280, height = 900 } = {}) {
  const ctx = await within(45000, 'starting Chromium', launchChromium({ viewport: { width, height } }));
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(20000);
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message || e}`));
  return {
    name: 'chromium',
    keysActivate: true,
    messages,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    run: (source) => page.evaluate(source),
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    close: () => within(15000, 'closing Chromium', closeContext(ctx)),
  };
}
