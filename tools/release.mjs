// The release step of `make release VERSION=x.y.z` (after `make dist VERSION=x.y.z`; not shipped):
//
//   node tools/release.mjs DIST VERSION OUT_DIR [--rules DIR] [--changelog FILE]
//
// writes OUT_DIR/ansvarskollen-VERSION.tar.gz (the folder ansvarskollen-VERSION/ with every file of
// DIST and a SHA256SUMS of them, in `sha256sum -c` form; file order, owners and times fixed, so the
// same dist gives the same archive) and OUT_DIR/ansvarskollen-VERSION.SHA256SUMS (the archive's),
// and adds the version's entry to the changelog (default CHANGELOG.md): the version, the date, the
// rules' version (from `ansvarskollen compile`) and the loader's SRI hash, with what stood under
// "Unreleased" as its notes. A version that already has an entry is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const rules = option('--rules', 'rules');
const changelog = option('--changelog', 'CHANGELOG.md');
const [dist, version, out] = args;
const fail = (message) => {
  console.error(`error: ${message}`);
  process.exit(1);
};
if (!dist || !version || !out) fail('usage: node tools/release.mjs DIST VERSION OUT_DIR [--rules DIR] [--changelog FILE]');

const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'assets.json'), 'utf8'));
if (manifest.version !== version) fail(`${dist} was built as version ${manifest.version}, not ${version}: run make dist VERSION=${version}`);
const log = fs.existsSync(changelog) ? fs.readFileSync(changelog, 'utf8') : '# Changelog\n\n## Unreleased\n';
if (new RegExp(`^## ${version.replaceAll('.', '\\.')} `, 'm').test(log)) fail(`${changelog} has an entry for ${version} already: a release is never made twice`);

// The rules' version, as the compiler states it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-release-'));
const compiled = execFileSync('target/release/ansvarskollen', ['compile', rules, '--out', scratch], { encoding: 'utf8' });
fs.rmSync(scratch, { recursive: true, force: true });
const rulesVersion = (compiled.match(/rules version ([0-9a-f]+)/) || [])[1];
if (!rulesVersion) fail(`no rules version in the compiler's output: ${compiled.trim()}`);

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));

const name = `ansvarskollen-${version}`;
fs.mkdirSync(out, { recursive: true });
const stage = path.join(out, name);
fs.rmSync(stage, { recursive: true, force: true });
fs.cpSync(dist, stage, { recursive: true });
const files = walk(stage).map((f) => path.relative(stage, f).split(path.sep).join('/')).sort();
fs.writeFileSync(path.join(stage, 'SHA256SUMS'), files.map((f) => `${sha256(path.join(stage, f))}  ${f}\n`).join(''));
const archive = path.join(out, `${name}.tar.gz`);
// Reproducible: names sorted, owner 0, one modification time (the last commit's, else the epoch).
let mtime = '@0';
try {
  mtime = `@${execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' }).trim()}`;
} catch { /* not a git checkout */ }
execFileSync('bash', ['-c', 'set -o pipefail; tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$1" -C "$2" -cf - "$3" | gzip -9 -n > "$4"', '-', mtime, out, name, archive]);
fs.rmSync(stage, { recursive: true });
const archiveSum = sha256(archive);
fs.writeFileSync(path.join(out, `${name}.SHA256SUMS`), `${archiveSum}  ${name}.tar.gz\n`);

// The changelog: the new entry takes what stood under "Unreleased".
const today = new Date().toISOString().slice(0, 10);
const unreleased = log.match(/^## Unreleased\n([\s\S]*?)(?=^## |(?![\s\S]))/m);
const notes = unreleased && unreleased[1].trim() ? `${unreleased[1].trim()}\n` : '';
const entry = `## ${version} — ${today}\n\n- Rules version \`${rulesVersion}\`; the loader's SRI hash \`${manifest.loader.integrity}\`.\n` +
  `- Archive \`${name}.tar.gz\`, SHA-256 \`${archiveSum}\`.\n${notes ? `\n${notes}` : ''}\n`;
const updated = unreleased
  ? log.replace(unreleased[0], `## Unreleased\n\n${entry}`)
  : log.replace(/^(# .*\n(?:\n|[^#].*\n)*)/, `$1## Unreleased\n\n${entry}`);
fs.writeFileSync(changelog, updated);
console.log(`${archive}: ${files.length} files, SHA-256 ${archiveSum}\n${changelog}: ${version} — ${today}, rules ${rulesVersion}`);
