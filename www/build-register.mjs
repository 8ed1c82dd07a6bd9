// Build step (run by `make dist`; not shipped): writes DIST_DIR/kommuner.json, the register of län
// and kommuner for the embed configurator (configurator.html), from the rules' register
// (kommuner.csv: kommunkod, kommun, lanskod, lan, region). The widget itself reads the register
// from rules/core.bin; the configurator, a page for web editors, needs only names and codes and
// should not load the engine to list them.
// Usage: node www/build-register.mjs RULES_DIR DIST_DIR
import fs from 'node:fs';
import path from 'node:path';

const [rules, dist] = process.argv.slice(2);
const rows = fs.readFileSync(path.join(rules, 'kommuner.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
const header = rows.shift().join(',');
if (header !== 'kommunkod,kommun,lanskod,lan,region') {
  console.error(`error: ${rules}/kommuner.csv: unexpected columns ${header}`);
  process.exit(1);
}
const lan = new Map();
for (const [code, name, lanCode, lanName, region] of rows) {
  if (!lan.has(lanCode)) lan.set(lanCode, { code: lanCode, name: lanName, region, kommuner: [] });
  lan.get(lanCode).kommuner.push({ code, name });
}
const register = [...lan.values()].sort((a, b) => a.code.localeCompare(b.code));
for (const l of register) l.kommuner.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
fs.writeFileSync(path.join(dist, 'kommuner.json'), JSON.stringify(register));
console.log(`kommuner.json: ${register.length} län, ${rows.length} kommuner`);
