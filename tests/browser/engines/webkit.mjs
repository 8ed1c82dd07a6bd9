// WebKit for the cross-engine tests: Debian's webkit2gtk-driver (WebKitWebDriver driving
// MiniBrowser), on an Xvfb display of its own, spoken to over W3C WebDriver with plain fetch.
// WebKitGTK stands in for Safari on iPhones and iPads (the same engine family), not for it: touch
// and the on-screen keyboard are not covered. Its Element Click refuses targets inside a shadow
// root, so clicks are pointer actions at a point (driver.mjs finds the point through the
// shadowRoot). WebDriver classic has no console log: `messages` stays null. The engine interface
// is described in driver.mjs.

import { spawn } from 'node:child_process';
import net from 'node:net';
import { within } from '../lib.mjs';

export const binary = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** WebDriver's key codes for the keys the tests press. */
const KEYS = { Enter: '\uE007', Tab: '\uE004', ArrowDown: '\uE015', ArrowUp: '\uE013', Escape: '\uE00C', Backspace: '\uE003', Space: ' ' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().on('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display; resolves with the process and the display (":N"). */
function startXvfb() {
  return within(10000, 'starting Xvfb', new Promise((resolve, reject) => {
    const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    x.on('error', (e) => reject(new Error(`Xvfb: ${e.message} (apt-get install xvfb)`)));
    x.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    x.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ process: x, display: `:${out.trim()}` });
    });
  }));
}

/** Stops a child process started in a process group of its own (`detached`), with everything it
 *  started (the driver's browser): SIGTERM, then SIGKILL if it is still there after 2 s. */
function stopProcess(p) {
  if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  const signal = (s) => { try { process.kill(-p.pid, s); } catch { /* already gone */ } };
  return new Promise((resolve) => {
    const kill = setTimeout(() => signal('SIGKILL'), 2000);
    p.once('exit', () => { clearTimeout(kill); signal('SIGKILL'); resolve(); });
    signal('SIGTERM');
  });
}

export async function launch({ width = 1280, height = 900 } = {}) {
  let xvfb;
  let driver;
  let session;
  let url;
  /** One WebDriver command; every command has a deadline. */
  const command = async (method, path, body) => {
    const r = await fetch(`${url}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(30000),
    }).catch((e) => { throw new Error(`WebDriver ${method} ${path}: ${e.message}`); });
    const json = await r.json();
    if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  const stop = async () => {
    if (session) await command('DELETE', `/session/${session}`).catch(() => {});
    await stopProcess(driver);
    await stopProcess(xvfb?.process);
  };
  try {
    xvfb = await startXvfb();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    driver = spawn(binary, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore', detached: true });
    const started = new Promise((_, reject) => driver.on('error', (e) => reject(new Error(`WebKitWebDriver: ${e.message} (apt-get install webkit2gtk-driver)`))));
    await within(10000, 'starting WebKitWebDriver', Promise.race([started, (async () => {
      for (;;) {
        if (await fetch(`${url}/status`).then((r) => r.ok, () => false)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    })()]));
    const created = await within(45000, 'starting MiniBrowser', command('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    }));
    session = created.sessionId;
    const s = `/session/${session}`;
    await command('POST', `${s}/timeouts`, { script: 20000, pageLoad: 20000, implicit: 0 });
    await command('POST', `${s}/window/rect`, { width, height });
    const keys = (values) => command('POST', `${s}/actions`, {
      actions: [{ type: 'key', id: 'keyboard', actions: values.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }],
    });
    return {
      name: 'webkit',
      keysActivate: true,
      messages: null,
      goto: (to) => command('POST', `${s}/url`, { url: to }),
      run: async (source) => {
        const r = await command('POST', `${s}/execute/async`, {
          script: `const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => ${source}).then((v) => done({ value: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`,
          args: [],
        });
        if (r && r.error) throw new Error(`in WebKit: ${r.error}`);
        return r && r.value;
      },
      click: (x, y) => command('POST', `${s}/actions`, {
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
        ] }],
      }),
      type: (text) => keys([...text]),
      press: (key) => keys([KEYS[key] ?? key]),
      close: () => within(15000, 'closing WebKit', stop()),
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
