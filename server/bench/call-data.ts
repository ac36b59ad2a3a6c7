// `npm run bench -w server -- call-data`: the screen-pop caller history look-up and the wallboard's
// 2-hour interval series on an embedded PGlite with 50,000 call records (2,000 callers × 25 calls,
// a fifth with a wrap-up disposition) and 5,000 tickets. Baseline in the same run: a primary-key read
// of one call record (the cheapest query the same database answers). Bounded: fixed sizes. Prints JSON.
import { sql } from 'kysely';
import { loadIntervalSeries } from '../src/calls/interval-series.ts';
import { loadCallerHistory } from '../src/calls/load-caller-history.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const CALLERS = 2000;
const CALLS_PER = 25;
const LOOKUPS = 300;
const cfg = { callerRepeatCalls: 2, callerRepeatWindowDays: 7, callerHistoryDays: 180 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(3));
};
async function time(n: number, f: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    out.push(performance.now() - t0);
  }
  return { p50Ms: pct(out, 50), p95Ms: pct(out, 95) };
}

const db = await openDatabase({ databaseSchema: 'public', pgliteDir: 'memory://' });
try {
  await migrateToLatest(db.kysely as never, 'public');
  const now = Date.now();
  const num = (i: number) => `139${String(i).padStart(8, '0')}`;
  const t0 = performance.now();
  await sql`INSERT INTO call_record (call_id, queue, priority, kind, caller_number, arrived_at, answered_at, agent_id, outcome)
    SELECT 'c' || g, '12345', 'normal', 'inbound', '139' || lpad(((g % ${CALLERS}))::text, 8, '0'),
           to_timestamp(${now / 1000}::float8 - (g * 311)::float8),
           to_timestamp(${now / 1000}::float8 - (g * 311)::float8 + 10), 'a1', 'completed'
    FROM generate_series(1, ${CALLERS * CALLS_PER}) g`.execute(db.kysely);
  await sql`INSERT INTO call_disposition (call_id, agent_id, disposition)
    SELECT 'c' || g, 'a1', CASE WHEN g % 50 = 0 THEN 'nuisance' ELSE 'immediate' END
    FROM generate_series(1, ${CALLERS * CALLS_PER}, 5) g`.execute(db.kysely);
  await sql`INSERT INTO ticket (id, version, phase, type, priority, channel, county, category_id, requester_phone,
      content, created_at, updated_at, state)
    SELECT 'T' || g, 1, 'registered', 'complaint', 'normal', 'phone', CASE WHEN g % 3 = 0 THEN '泸定县' ELSE '康定市' END,
      'c1', '139' || lpad((g % ${CALLERS})::text, 8, '0'), '路灯不亮，请尽快维修', now() - (g || ' minutes')::interval,
      now(), '{}'::jsonb
    FROM generate_series(1, 5000) g`.execute(db.kysely);
  await sql`ANALYZE`.execute(db.kysely);
  const seedMs = Math.round(performance.now() - t0);

  const baseline = await time(LOOKUPS, (i) =>
    db.kysely
      .selectFrom('call_record')
      .selectAll()
      .where('call_id', '=', `c${((i * 7919) % 50000) + 1}`)
      .execute(),
  );
  const history = await time(LOOKUPS, (i) =>
    loadCallerHistory(db.kysely, cfg, num((i * 7919) % CALLERS), { limit: 10 }),
  );
  const sample = await loadCallerHistory(db.kysely, cfg, num(0), { limit: 10 });
  const series = await time(50, () => loadIntervalSeries(db.kysely, now));
  console.log(
    JSON.stringify(
      {
        bench: 'call-data',
        db: 'pglite (in-memory)',
        rows: { callRecords: CALLERS * CALLS_PER, dispositions: (CALLERS * CALLS_PER) / 5, tickets: 5000 },
        seedMs,
        baselinePrimaryKeyRead: baseline,
        callerHistory: {
          ...history,
          sample: {
            calls: sample.calls.length,
            tickets: sample.tickets.length,
            repeat: sample.repeatCaller,
            nuisance: sample.nuisance,
            county: sample.countyGuess,
          },
        },
        wallboardIntervalSeries: series,
      },
      null,
      2,
    ),
  );
} finally {
  await db.close();
}
