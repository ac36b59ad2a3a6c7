// `npm run bench -w queue [-- <name>]`: runs bench/<name>.ts, or every benchmark in this folder.
// Each benchmark prints one JSON document on stdout.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark(s) ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failures = 0;
for (const name of asked.length ? asked : available) {
  const file = new URL(`${name}.ts`, dir).pathname;
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
process.exit(failures ? 1 : 0);
