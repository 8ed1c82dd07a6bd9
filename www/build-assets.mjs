// Build step (run by `make dist` after wasm-opt and esbuild; not shipped): gives every file the
// loader fetches a content-hashed name, so that no cache can pair one release's loader with
// another release's files.
//
//   node www/build-assets.mjs DIST_DIR [--version X.Y.Z]   hash a fresh build
//   node www/build-assets.mjs --unhash DIST_DIR            back to plain names (to rebuild a part:
//                                                          `make perf`, the release test)
//
// What it does, in order:
//   1. Renames each asset to `name.<hash8>.ext` (hash8: the first 8 hex digits of its SHA-256):
//      the stylesheets `ansvarskollen*.css`, `rules/core.bin`, `rules/en.bin`, `rules/regions/*.bin` and every file
//      of `wasm/` (each bundle's `*_bg.wasm` before its glue `*.js`: the glue names its wasm, so
//      its hash changes with the wasm's). A second bundle in wasm/ is one more entry, with no
//      change here.
//   2. Writes a stable re-export `wasm/NAME.js` for each glue (integrators' documented import).
//   3. Writes the map into the loader `ansvarskollen.js` in place of the string '@@AK_ASSETS@@', as
//      { "wasm/ansvarskollen_bg.wasm": "1a2b3c4d", … } (the plain name and its hash).
//   4. Writes the loader's SRI hash (sha384) and the version into demo.html's snippet.
//   5. Writes `assets.json`, the map for tools (size.mjs, perf.mjs, the browser tests, the
//      configurator, build-sw.mjs): { version, files: { plain: hashed }, loader: { file,
//      integrity } }.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const MARKER = /(["'`])@@AK_ASSETS@@\1/g;
const LOADER = 'ansvarskollen.js';

const sha = (algorithm, bytes) => crypto.createHash(algorithm).update(bytes);
const hashed = (file, hash) => file.replace(/\.[^./]+$/, `.${hash}$&`);
const list = (dir, sub) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).sort().map((f) => `${sub}/${f}`) : []);

/** The files the loader fetches, in the order they are hashed (a glue after the wasm it names). */
export function assets(dir) {
  const wasm = list(dir, 'wasm');
  return [
    ...fs.readdirSync(dir).filter((f) => /^ansvarskollen[\w-]*\.css$/.test(f)).sort(),
    ...['rules/core.bin', 'rules/en.bin'].filter((f) => fs.existsSync(path.join(dir, f))),
    ...list(dir, 'rules/regions').filter((f) => f.endsWith('.bin')),
    ...wasm.filter((f) => !f.endsWith('.js')),
    ...wasm.filter((f) => f.endsWith('.js')),
  ];
}

/** The map as the loader carries it: plain name → hash. */
export function loaderMap(files) {
  return JSON.stringify(Object.fromEntries(Object.entries(files).map(([plain, name]) => [plain, name.match(/\.([0-9a-f]{8})\.[^./]+$/)[1]])));
}

/** Hashes a fresh build in `dir` (see the top of this file); returns what assets.json says. */
export function hashAssets(dir, { version = '0.0.0' } = {}) {
  const read = (f) => fs.readFileSync(path.join(dir, f));
  if (fs.existsSync(path.join(dir, 'assets.json'))) throw new Error(`${dir} is hashed already (assets.json): run --unhash first`);
  const files = {};
  for (const file of assets(dir)) {
    let bytes = read(file);
    if (file.startsWith('wasm/') && file.endsWith('.js')) {
      // The glue's own reference to its wasm (its default URL) names the hashed wasm.
      const wasm = `${file.slice(0, -3)}_bg.wasm`;
      if (files[wasm]) {
        const text = bytes.toString('utf8');
        const plain = path.basename(wasm);
        if (!text.includes(plain)) throw new Error(`${file} does not name ${plain}: has wasm-bindgen's output changed?`);
        bytes = Buffer.from(text.split(plain).join(path.basename(files[wasm])));
      }
    }
    const name = hashed(file, sha('sha256', bytes).digest('hex').slice(0, 8));
    fs.writeFileSync(path.join(dir, name), bytes);
    fs.rmSync(path.join(dir, file));
    files[file] = name;
  }
  // Integrators import `wasm/NAME.js` (docs/embedding.md): a stable re-export of the hashed glue.
  for (const [plain, name] of Object.entries(files)) {
    if (!plain.startsWith('wasm/') || !plain.endsWith('.js')) continue;
    const to = JSON.stringify(`./${path.basename(name)}`);
    fs.writeFileSync(path.join(dir, plain), `export*from${to};export{default}from${to};\n`);
  }
  const loader = read(LOADER).toString('utf8');
  const marks = loader.match(MARKER) || [];
  if (marks.length !== 1) throw new Error(`${LOADER}: expected the string '@@AK_ASSETS@@' once, found it ${marks.length} times`);
  const built = loader.replace(MARKER, loaderMap(files));
  fs.writeFileSync(path.join(dir, LOADER), built);
  const integrity = `sha384-${sha('sha384', built).digest('base64')}`;
  const demo = path.join(dir, 'demo.html');
  if (fs.existsSync(demo)) {
    fs.writeFileSync(demo, fs.readFileSync(demo, 'utf8').replaceAll('@AK_VERSION@', version)
      .replace(/integrity="(?:@AK_SRI@|sha384-[\w+/=]+)"/g, `integrity="${integrity}"`));
  }
  const manifest = { version, files, loader: { file: LOADER, integrity } };
  fs.writeFileSync(path.join(dir, 'assets.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Undoes hashAssets in `dir`: plain names again, the loader's marker back (demo.html keeps its
 *  version; its SRI hash is written again by the next hashAssets). */
export function unhash(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'assets.json'), 'utf8'));
  for (const [plain, name] of Object.entries(manifest.files)) {
    let bytes = fs.readFileSync(path.join(dir, name));
    if (plain.startsWith('wasm/') && plain.endsWith('.js')) {
      const wasm = manifest.files[`${plain.slice(0, -3)}_bg.wasm`];
      if (wasm) bytes = Buffer.from(bytes.toString('utf8').split(path.basename(wasm)).join(path.basename(wasm).replace(/\.[0-9a-f]{8}(?=\.wasm$)/, '')));
    }
    fs.rmSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, plain), bytes);
  }
  const loader = fs.readFileSync(path.join(dir, LOADER), 'utf8');
  const map = loaderMap(manifest.files);
  if (!loader.includes(map)) throw new Error(`${LOADER} does not carry the map of assets.json`);
  fs.writeFileSync(path.join(dir, LOADER), loader.replace(map, "'@@AK_ASSETS@@'"));
  fs.rmSync(path.join(dir, 'assets.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    if (args[0] === '--unhash') {
      unhash(args[1]);
      console.log(`${args[1]}: plain file names again`);
    } else {
      const v = args.indexOf('--version');
      const m = hashAssets(args[0], { version: v >= 0 ? args[v + 1] : undefined });
      console.log(`assets: ${Object.keys(m.files).length} files content-hashed; ${LOADER} ${m.loader.integrity} (version ${m.version})`);
    }
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
}
