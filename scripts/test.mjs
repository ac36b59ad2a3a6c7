// `npm test`: bootstrap a fresh machine of this kind, then run every workspace's tests.
import { ensureDebian, ensureNpm, ensureRedis, findPostgres, run } from './lib/bootstrap.mjs';

ensureNpm();
ensureDebian();
const redis = await ensureRedis();
const pg = await findPostgres();
const env = { ...process.env, REDIS_URL: redis.url, ...(pg ? { PG_TEST_URL: pg } : {}) };
let code = 1;
try {
  code = await run('npx', ['vitest', 'run', ...process.argv.slice(2)], { env });
} finally {
  await redis.stop();
}
process.exit(code);
