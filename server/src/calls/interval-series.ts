// The wallboard's 2-hour chart: calls per 5-minute interval (by arrival) from the history writer's
// call_record — offered (calls that stayed in the queue, i.e. not converted to a callback),
// answered and abandoned among them. Missing intervals are zero.
import { type Kysely, sql } from 'kysely';
import type { WallboardInterval } from '../contracts/realtime.ts';
import type { Database } from '../db/schema.ts';

export const INTERVAL_MS = 5 * 60 * 1000;
export const CHART_INTERVALS = 24;

/** Pure: the interval starts of the chart ending with the interval that contains `now`. */
export function chartStarts(now: number): number[] {
  const last = Math.floor(now / INTERVAL_MS) * INTERVAL_MS;
  return Array.from({ length: CHART_INTERVALS }, (_, i) => last - (CHART_INTERVALS - 1 - i) * INTERVAL_MS);
}

export async function loadIntervalSeries(db: Kysely<Database>, now: number): Promise<WallboardInterval[]> {
  const starts = chartStarts(now);
  const from = new Date(starts[0]!).toISOString();
  const to = new Date(starts[starts.length - 1]! + INTERVAL_MS).toISOString();
  const rows = await sql<{
    bin: string | number;
    offered: string | number;
    answered: string | number;
    abandoned: string | number;
  }>`
    SELECT floor(extract(epoch FROM arrived_at) * 1000 / ${INTERVAL_MS}) AS bin,
           count(*) AS offered, count(answered_at) AS answered, count(abandoned_at) AS abandoned
    FROM call_record
    WHERE arrived_at >= ${from} AND arrived_at < ${to} AND kind <> 'callback' AND outcome <> 'callback'
    GROUP BY 1`.execute(db);
  const byStart = new Map(rows.rows.map((r) => [Number(r.bin) * INTERVAL_MS, r]));
  return starts.map((start) => {
    const r = byStart.get(start);
    return {
      start,
      offered: Number(r?.offered ?? 0),
      answered: Number(r?.answered ?? 0),
      abandoned: Number(r?.abandoned ?? 0),
    };
  });
}
