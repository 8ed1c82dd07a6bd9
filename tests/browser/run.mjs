// Browser tests of the built dist/, in Debian's Chromium: flows by mouse and keyboard (flows.mjs),
// accessibility and layout (a11y.mjs), embedding on other pages (embedding.mjs), offline and before
// the wasm (offline.mjs), the browser answering exactly as the CLI (parity.mjs), files that fail
// (failures.mjs) and the host's configuration (config.mjs), the widget's own server and releases
// (hosting.mjs), host pages as they are (hostpages.mjs), the embed configurator
// (configurator.mjs), the staff views (staff.mjs), the pages without JavaScript (nojs.mjs) and
// the journeys of issue 12 (journeys.mjs), over the shared page helper (page.mjs);
// then the core flows in Chromium, Firefox and WebKit (engines.mjs). Last, no request of the whole
// run went to another origin.
// Screenshots go to test-artifacts/screenshots/. Usage: node tests/browser/run.mjs [name-filter]

import { assert, eq, runTests } from './lib.mjs';
import { start, stop, server, foreign } from './page.mjs';
import * as flows from './flows.mjs';
import * as a11y from './a11y.mjs';
import * as embedding from './embedding.mjs';
import * as offline from './offline.mjs';
import * as parity from './parity.mjs';
import * as failures from './failures.mjs';
import * as config from './config.mjs';
import * as hosting from './hosting.mjs';
import * as hostpages from './hostpages.mjs';
import * as configurator from './configurator.mjs';
import * as staff from './staff.mjs';
import * as engines from './engines.mjs';
import * as journeys from './journeys.mjs';
import * as nojs from './nojs.mjs';

const tests = [flows, a11y, embedding, offline, parity, failures, config, hosting, hostpages, configurator, staff, nojs, journeys, engines].flatMap((m) => m.tests);
tests.push({ name: 'no request goes to another origin', fn: async () => {
  eq(foreign, [], 'requests to other origins');
  assert(server.requests.some((r) => r.includes('.wasm')), 'the wasm was fetched from our own server');
} });

// Every step has its own deadline; this one is for the whole run, so it ends even if one is missing.
const WATCHDOG_MINUTES = 15;
setTimeout(() => {
  console.log(`FAIL the browser tests did not finish in ${WATCHDOG_MINUTES} minutes`);
  process.exit(1);
}, WATCHDOG_MINUTES * 60000).unref();

const filter = process.argv[2];
await start();
const failed = await runTests(tests, filter);
await engines.closeAll();
await stop();
process.exit(failed ? 1 : 0);
