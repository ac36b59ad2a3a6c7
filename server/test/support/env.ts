// Test-only environment (the npm test bootstrap exports these). src/ reads env only via config.ts.
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Set by `npm test` when a PostgreSQL is reachable: DB tests then run on it too. */
export const PG_TEST_URL = process.env.PG_TEST_URL;
