// Firefox for the cross-engine tests: Debian's firefox-esr, driven by puppeteer-core over WebDriver
// BiDi (no browser download). The engine interface is described in driver.mjs.

import puppeteer from 'puppeteer-core';
import { within } from '../lib.mjs';

export const binary = '/usr/bin/firefox-esr';

export async function launch({ width = 1280, height = 900 } = {}) {
  const browser = await within(45000, 'starting Firefox', puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: binary, headless: true,
    timeout: 30000, protocolTimeout: 30000, defaultViewport: { width, height },
  }));
  try {
    const page = (await browser.pages())[0] || (await browser.newPage());
    page.setDefaultTimeout(20000);
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message || e}`));
    return {
      name: 'firefox',
      // Firefox ignores the Enter and Space that WebDriver BiDi synthesises on a button or a radio
      // (no click follows; Enter in a text field does submit). A person's keys work.
      keysActivate: false,
      messages,
      goto: (url) => page.goto(url, { waitUntil: 'load' }),
      run: (source) => page.evaluate(source),
      click: (x, y) => page.mouse.click(x, y),
      type: (text) => page.keyboard.type(text),
      press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
      close: () => within(15000, 'closing Firefox', browser.close()).catch((e) => {
        browser.process()?.kill('SIGKILL');
        throw e;
      }),
    };
  } catch (e) {
    browser.process()?.kill('SIGKILL');
    throw e;
  }
}
