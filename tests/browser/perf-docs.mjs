// Copies `make perf`'s report into docs/performance.md: the part between the two markers below is
// the last complete report (written only when every step succeeded); everything outside them is
// written by hand (the baseline before the size cuts, measurements done once) and kept.

import fs from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

export const DOCS = path.join(root, 'docs/performance.md');
export const BEGIN = '<!-- make perf writes from here to its end marker: do not edit by hand -->';
export const END = '<!-- make perf: end of the report (hand-written sections follow) -->';

/** Replaces the report between the markers of docs/performance.md with `markdown`. */
export function updateDocs(markdown, file = DOCS) {
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${path.relative(root, file)} has no "${BEGIN}" … "${END}" markers`);
  fs.writeFileSync(file, `${text.slice(0, a + BEGIN.length)}\n${markdown.trim()}\n${text.slice(b)}`);
}
