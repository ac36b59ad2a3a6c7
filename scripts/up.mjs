// `npm run up`: install what is missing, start every service of this project, print URLs and
// demo logins, keep running until Ctrl-C, then stop everything it started.
// Each service is a module in scripts/services/*.mjs exporting
//   export const order = <number>;            // start order (lower first)
//   export async function start(ctx) { return { name, urls: [...], notes: [...], stop: async () => {} } }
// ctx = { root, env, redisUrl, log }. A module whose code does not exist yet returns null.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDebian, ensureNpm, ensureRedis, ROOT } from './lib/bootstrap.mjs';

ensureNpm();
ensureDebian();
const redis = await ensureRedis();
const env = { ...process.env, REDIS_URL: redis.url };
const log = (...a) => console.error('[up]', ...a);
const ctx = { root: ROOT, env, redisUrl: redis.url, log };

const dir = path.join(ROOT, 'scripts', 'services');
const mods = await Promise.all(
  readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .map(async (f) => ({ file: f, mod: await import(pathToFileURL(path.join(dir, f)).href) })),
);
mods.sort((a, b) => (a.mod.order ?? 100) - (b.mod.order ?? 100));

const running = [];
const stopAll = async () => {
  for (const s of running.reverse()) {
    try {
      await s.stop();
    } catch (e) {
      log(`stopping ${s.name}: ${e.message}`);
    }
  }
  await redis.stop();
};
process.on('SIGINT', () => stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(0)));

try {
  for (const { file, mod } of mods) {
    const s = await mod.start(ctx);
    if (s) running.push(s);
    else log(`${file}: not built yet, skipped`);
  }
} catch (e) {
  log(`start failed: ${e.stack ?? e}`);
  await stopAll();
  process.exit(1);
}

console.log('\n12345 hotline platform is up\n');
console.log(`  Redis            ${redis.url}${redis.started ? ' (private, started by up)' : ''}`);
for (const s of running) {
  for (const u of s.urls ?? []) console.log(`  ${s.name.padEnd(16)} ${u}`);
  for (const n of s.notes ?? []) console.log(`  ${''.padEnd(16)} ${n}`);
}
console.log('\nPress Ctrl-C to stop everything.');
if (process.env.UP_EXIT_AFTER_START === '1') await stopAll().then(() => process.exit(0));
