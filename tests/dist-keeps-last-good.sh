#!/usr/bin/env bash
# A failed `make dist` keeps the last good dist/ (issue 10, finding 6): builds from a copy of the
# rules with one region file broken, and checks that the build fails (non-zero exit) and that
# dist/ is the same folder with the same files, byte for byte. Run by `make test-dist`, after a
# good `make dist`. Usage: tests/dist-keeps-last-good.sh
set -euo pipefail
cd "$(dirname "$0")/.."
make=${MAKE:-make}

[ -f dist/ansvarskollen.js ] || { echo "error: no dist/ to keep: run 'make dist' first" >&2; exit 2; }

# Names, sizes and contents of every file under dist/, and the folder's own inode.
fingerprint() {
  stat -c 'inode %i' dist
  (cd dist && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r rules "$scratch/rules"
# Valid TOML no longer: an unclosed table header in Västmanland's rules.
printf '\n[[rule\n' >> "$scratch/rules/regions/19-vastmanland.toml"

before=$(fingerprint)
if $make --no-print-directory dist RULES="$scratch/rules" >"$scratch/log" 2>&1; then
  echo "FAIL: make dist succeeded on a broken rules folder" >&2
  tail -20 "$scratch/log" >&2
  exit 1
fi
grep -q '19-vastmanland.toml' "$scratch/log" || { echo "FAIL: the build failed, but not on the broken file:" >&2; tail -20 "$scratch/log" >&2; exit 1; }
after=$(fingerprint 2>/dev/null || echo "dist/ is gone")
if [ "$before" != "$after" ]; then
  echo "FAIL: a failed make dist changed dist/:" >&2
  diff <(echo "$before") <(echo "$after") | head -20 >&2
  exit 1
fi
echo "ok   a failed make dist (broken rules, exit code non-zero) leaves dist/ as it was ($(echo "$before" | wc -l) entries)"
