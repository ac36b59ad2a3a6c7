// `npm run bench`: bootstrap, then run each workspace's benchmarks; each prints one JSON document.
import { ensureDebian, ensureNpm, ensureRedis, run } from './lib/bootstrap.mjs';

ensureNpm();
ensureDebian();
const redis = await ensureRedis();
const env = { ...process.env, REDIS_URL: redis.url };
const only = process.argv.slice(2);
const workspaces = ['queue', 'server', 'telephony', 'console'].filter(
  (w) => only.length === 0 || only.includes(w),
);
let failed = 0;
try {
  for (const w of workspaces) {
    const code = await run('npm', ['run', '-s', 'bench', '-w', w], { env });
    if (code !== 0) failed++;
  }
} finally {
  await redis.stop();
}
process.exit(failed ? 1 : 0);
