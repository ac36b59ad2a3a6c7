// `npm test`: bootstrap a fresh machine of this kind, then run every workspace's tests.
import { ensureDebian, ensureNpm, ensureRedis, findPostgres, run } from './lib/bootstrap.mjs';

ensureNpm();
ensureDebian();
const redis = await ensureRedis();
const pg = await findPostgres();
const env = { ...process.env, REDIS_URL: redis.url, ...(pg ? { PG_TEST_URL: pg } : {}) };
let code = 0;
try {
  // Static checks first (one linter/formatter, strict types for every workspace), then the suite.
  // `npm test -- <vitest args>` runs only the selected tests and skips the static checks.
  const selective = process.argv.length > 2;
  const checks = selective
    ? []
    : [
        ['npx', ['biome', 'check', '.']],
        ['npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
        ['npx', ['tsc', '-p', 'console/tsconfig.json', '--noEmit']],
      ];
  for (const [cmd, args] of checks) {
    code = await run(cmd, args, { env });
    if (code !== 0) {
      console.error(`[test] ${cmd} ${args.join(' ')} failed`);
      break;
    }
  }
  if (code === 0) code = await run('npx', ['vitest', 'run', ...process.argv.slice(2)], { env });
} finally {
  await redis.stop();
}
process.exit(code);
