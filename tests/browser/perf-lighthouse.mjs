// Lighthouse in `make perf` (issue 15): the performance category of npm `lighthouse` (pinned in
// package.json), run by its CLI on Debian's Chromium, on the start page and on a deep link, with
// the mobile preset (Lighthouse's default: a mid-range phone, 4× CPU slowdown, slow 4G, simulated)
// and the desktop preset. Each (page, preset) is run RUNS times and the run with the median score
// is reported, with its CLS, LCP and TBT. dist/ is served by the browser tests' server
// (lib.mjs's `serve`) behind a front that compresses as docs/embedding.md asks a host to (brotli
// -q 11 when the browser accepts it, else gzip -9): what a visitor's phone downloads.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { serve, here, root } from './lib.mjs';

export const PAGES = [
  { name: 'start page', path: '/index.html' },
  { name: 'deep link', path: '/index.html#kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02' },
];
export const PRESETS = ['mobile', 'desktop'];
export const TARGETS = { performance: 95, cls: 0.05 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
// One run takes ~15 s here; one that hangs is stopped (SIGINT: the CLI then closes its Chromium).
const RUN_TIMEOUT = 120000;
const CLI = path.join(here, 'node_modules/lighthouse/cli/index.js');
const OUT = path.join(root, 'target/perf/lighthouse');

const COMPRESSIBLE = /^(text\/|application\/(wasm|json|javascript|octet-stream|manifest\+json)|image\/svg)/;

/** A server in front of `upstream` (a `serve()` state) that compresses each answer as a host
 *  should. Compressed bodies are kept by content, so each file is compressed once. */
async function compressingFront(upstream) {
  const cache = new Map();
  const encode = (enc, body) => {
    const key = `${enc}:${createHash('sha256').update(body).digest('hex')}`;
    if (!cache.has(key)) {
      cache.set(key, enc === 'br'
        ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : zlib.gzipSync(body, { level: 9 }));
    }
    return cache.get(key);
  };
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    const up = http.request(`${upstream.origin}${req.url}`, { method: req.method, headers }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.concat(chunks);
        const out = { ...r.headers };
        delete out['content-length'];
        const accepts = String(req.headers['accept-encoding'] || '');
        const enc = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
        let sent = body;
        if (enc && r.statusCode === 200 && COMPRESSIBLE.test(String(r.headers['content-type'] || '')) && body.length > 256) {
          sent = encode(enc, body);
          out['content-encoding'] = enc;
          out.vary = 'accept-encoding';
        }
        out['content-length'] = sent.length;
        res.writeHead(r.statusCode, out).end(sent);
      });
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  };
}

/** One Lighthouse CLI run; resolves to its JSON result (rejects with the reason it failed). */
function lighthouseOnce(url, preset, file) {
  const args = [CLI, url, '--output=json', `--output-path=${file}`, '--only-categories=performance', '--quiet',
    '--chrome-path=/usr/bin/chromium', '--chrome-flags=--headless --no-sandbox --disable-gpu'];
  if (preset !== 'mobile') args.push(`--preset=${preset}`);
  fs.rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 10000).unref();
    }, RUN_TIMEOUT);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return reject(new Error(`no result in ${RUN_TIMEOUT / 1000} s`));
      if (code !== 0 || !fs.existsSync(file)) return reject(new Error(`lighthouse exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      const r = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (r.runtimeError) return reject(new Error(`lighthouse: ${r.runtimeError.code}: ${r.runtimeError.message}`));
      resolve(r);
    });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };

/** Runs every page with every preset; returns one entry per (page, preset): the scores, or the
 *  error. Never throws for a failed run: `failed` counts them. */
export async function lighthouse(dir) {
  fs.mkdirSync(OUT, { recursive: true });
  const upstream = await serve(dir);
  const front = await compressingFront(upstream);
  const version = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  const results = [];
  try {
    for (const page of PAGES) {
      for (const preset of PRESETS) {
        const entry = { page: page.name, url: page.path, preset, runs: [] };
        try {
          for (let n = 0; n < RUNS; n++) {
            const file = path.join(OUT, `${page.name.replace(/\W+/g, '-')}-${preset}-${n + 1}.json`);
            const r = await lighthouseOnce(`${front.origin}${page.path}`, preset, file);
            const a = r.audits;
            entry.runs.push({
              performance: Math.round(r.categories.performance.score * 100),
              cls: a['cumulative-layout-shift'].numericValue,
              lcp: a['largest-contentful-paint'].numericValue,
              tbt: a['total-blocking-time'].numericValue,
              fcp: a['first-contentful-paint'].numericValue,
              si: a['speed-index'].numericValue,
              // What moved: the largest layout shifts (Lighthouse's own attribution), for whoever fixes CLS.
              shifts: (a['layout-shifts']?.details?.items || []).slice(0, 2).map((x) => ({ selector: x.node?.selector || '?', score: x.score })),
              warnings: r.runWarnings || [],
              file: path.relative(root, file),
            });
          }
          // The run with the median score (its metrics belong together).
          const m = median(entry.runs.map((x) => x.performance));
          Object.assign(entry, entry.runs.find((x) => x.performance === m));
        } catch (e) {
          entry.error = String(e.message || e);
        }
        results.push(entry);
        console.log(`lighthouse ${page.name} ${preset}: ${entry.error ? `failed: ${entry.error}` : `${entry.performance} (CLS ${entry.cls.toFixed(3)}, LCP ${entry.lcp.toFixed(0)} ms, TBT ${entry.tbt.toFixed(0)} ms)`}`);
      }
    }
  } finally {
    await front.close();
    await upstream.close();
  }
  return { version, runs: RUNS, results, failed: results.filter((r) => r.error).length };
}

const met = (ok) => (ok ? 'met' : 'not met');

/** Summary rows (| measure | value | target | ratio | |) for the report. */
export function lighthouseSummary(lh) {
  return PAGES.map((p) => {
    const rows = lh.results.filter((r) => r.page === p.name);
    const value = rows.map((r) => (r.error ? `${r.preset} failed` : `${r.performance} / CLS ${r.cls.toFixed(3)} ${r.preset}`)).join('; ');
    const perf = rows.map((r) => (r.error ? '–' : met(r.performance >= TARGETS.performance && r.cls <= TARGETS.cls))).join(' / ');
    return `| Lighthouse performance / CLS, ${p.name} (mobile; desktop) | ${value} | ≥ ${TARGETS.performance} / ≤ ${TARGETS.cls} | | ${perf} |`;
  });
}

/** The report's Lighthouse section (markdown lines). */
export function lighthouseSection(lh) {
  const L = ['## Lighthouse', ''];
  L.push(`Lighthouse ${lh.version} (npm), performance category, on Debian's Chromium, with its mobile preset (simulated: a mid-range phone, 4× CPU slowdown, slow 4G) and its desktop preset; each page and preset run ${lh.runs} times, the run with the median score shown. dist/ served by the browser tests' server behind a front that compresses as docs/embedding.md asks of a host (brotli -q 11). Targets: performance ≥ ${TARGETS.performance}, CLS ≤ ${TARGETS.cls}. The JSON of every run is in target/perf/lighthouse/.`, '');
  L.push('| page | preset | performance | CLS | LCP | TBT | FCP | Speed Index | all runs (score) | largest layout shifts | |', '|---|---|---:|---:|---:|---:|---:|---:|---|---|---|');
  for (const r of lh.results) {
    if (r.error) { L.push(`| ${r.page} | ${r.preset} | **failed** | | | | | | | | ${r.error.replace(/\|/g, '\\|')} |`); continue; }
    const shifts = r.shifts.map((x) => `\`${x.selector}\` ${x.score.toFixed(3)}`).join(', ') || 'none';
    L.push(`| ${r.page} | ${r.preset} | ${r.performance} | ${r.cls.toFixed(3)} | ${r.lcp.toFixed(0)} ms | ${r.tbt.toFixed(0)} ms | ${r.fcp.toFixed(0)} ms | ${r.si.toFixed(0)} ms | ${r.runs.map((x) => x.performance).join(', ')} | ${shifts} | ${met(r.performance >= TARGETS.performance && r.cls <= TARGETS.cls)} |`);
  }
  L.push('', `Deep link: \`${PAGES[1].path}\`.`, '');
  return L;
}
