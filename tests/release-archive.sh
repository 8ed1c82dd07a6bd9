#!/usr/bin/env bash
# `make release`'s archive step (tools/release.mjs) on the built dist/, into a scratch folder with a
# scratch changelog: the archive holds dist/'s files and a SHA256SUMS that checks; its own checksum
# file checks; the changelog gets the version's entry (date, rules version, SRI hash) with the
# "Unreleased" notes; the same archive comes out twice (reproducible); and a version is never
# released twice. Run by `make test-dist`, after `make dist`. Usage: tests/release-archive.sh
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/assets.json ] || { echo "error: no hashed dist/: run 'make dist' first" >&2; exit 2; }
version=$(node -p "require('./dist/assets.json').version")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf '# Changelog\n\nIntro.\n\n## Unreleased\n\n- A note for web editors.\n' > "$scratch/CHANGELOG.md"
fail() { echo "FAIL: $*" >&2; exit 1; }

node tools/release.mjs dist "$version" "$scratch/out" --changelog "$scratch/CHANGELOG.md" >/dev/null
archive="$scratch/out/ansvarskollen-$version.tar.gz"
[ -f "$archive" ] || fail "no $archive"
(cd "$scratch/out" && sha256sum -c --quiet "ansvarskollen-$version.SHA256SUMS") || fail "the archive's checksum does not check"
mkdir "$scratch/x" && tar xzf "$archive" -C "$scratch/x"
(cd "$scratch/x/ansvarskollen-$version" && sha256sum -c --quiet SHA256SUMS) || fail "the files' SHA256SUMS do not check"
diff -r dist "$scratch/x/ansvarskollen-$version" -x SHA256SUMS >/dev/null || fail "the archive does not hold dist/ as it is"
grep -q "^## $version — $(date -u +%F)" "$scratch/CHANGELOG.md" || fail "no changelog entry for $version"
grep -q "Rules version \`[0-9a-f]\{16\}\`" "$scratch/CHANGELOG.md" || fail "the entry names no rules version"
grep -q "$(node -p "require('./dist/assets.json').loader.integrity")" "$scratch/CHANGELOG.md" || fail "the entry names no SRI hash"
grep -q "A note for web editors" <(sed -n "/^## $version/,\$p" "$scratch/CHANGELOG.md") || fail "the Unreleased notes did not move into the entry"
first=$(sha256sum < "$archive")
if node tools/release.mjs dist "$version" "$scratch/out" --changelog "$scratch/CHANGELOG.md" 2>"$scratch/err"; then fail "released $version twice"; fi
grep -q "never made twice" "$scratch/err" || fail "the refusal does not say why: $(cat "$scratch/err")"
printf '# Changelog\n' > "$scratch/CHANGELOG.md"
node tools/release.mjs dist "$version" "$scratch/out" --changelog "$scratch/CHANGELOG.md" >/dev/null
[ "$(sha256sum < "$archive")" = "$first" ] || fail "the same dist/ gave another archive"
echo "ok   make release's archive: dist/'s files with SHA256SUMS, reproducible, a changelog entry, never twice ($version)"
