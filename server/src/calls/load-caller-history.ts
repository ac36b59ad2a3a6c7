// Use case: the screen-pop history of a caller number — earlier calls (history writer's call_record,
// with their wrap-up disposition) and tickets (read-only query on the tickets feature's `ticket`
// projection), plus the repeat / nuisance / county flags. Returns the number unmasked: the route masks.
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config.ts';
import type { CallerHistoryDto } from '../contracts/callers.ts';
import type { Database } from '../db/schema.ts';
import type {} from '../history/history-schema.ts';
import { guessCounty, isNuisanceCaller, isRepeatCaller } from './caller-profile.ts';
import type {} from './disposition-schema.ts';

const DAY = 24 * 3600 * 1000;
const SUMMARY_CHARS = 60;

interface TicketRow {
  id: string;
  no: string | number;
  county: string;
  phase: string;
  content: string;
  confidential: boolean;
  created_at: Date | string;
}

export async function loadCallerHistory(
  db: Kysely<Database>,
  config: Pick<Config, 'callerRepeatCalls' | 'callerRepeatWindowDays' | 'callerHistoryDays'>,
  number: string,
  opts: { excludeCallId?: string; limit: number; now?: number },
): Promise<CallerHistoryDto> {
  const now = opts.now ?? Date.now();
  const since = new Date(now - config.callerHistoryDays * DAY);
  let q = db
    .selectFrom('call_record as c')
    .leftJoin('call_disposition as d', 'd.call_id', 'c.call_id')
    .select(['c.call_id', 'c.arrived_at', 'c.answered_at', 'c.outcome', 'd.disposition', 'd.ticket_no'])
    .where('c.caller_number', '=', number)
    .where('c.arrived_at', '>=', since);
  if (opts.excludeCallId) q = q.where('c.call_id', '<>', opts.excludeCallId);
  const calls = await q.orderBy('c.arrived_at', 'desc').limit(500).execute();
  const tickets = (
    await sql<TicketRow>`SELECT id, no, county, phase, content, confidential, created_at FROM ticket
      WHERE requester_phone = ${number} AND created_at >= ${since.toISOString()}
      ORDER BY created_at DESC LIMIT 100`.execute(db)
  ).rows;

  const callFacts = calls.map((c) => ({
    at: new Date(c.arrived_at).getTime(),
    nuisance: c.disposition === 'nuisance',
  }));
  const ticketFacts = tickets.map((t) => ({ at: new Date(t.created_at).getTime(), county: t.county }));
  return {
    callerNumber: number,
    repeatCaller: isRepeatCaller(callFacts, now, {
      repeatCalls: config.callerRepeatCalls,
      repeatWindowMs: config.callerRepeatWindowDays * DAY,
    }),
    repeatCalls: config.callerRepeatCalls,
    repeatWindowDays: config.callerRepeatWindowDays,
    nuisance: isNuisanceCaller(callFacts),
    countyGuess: guessCounty(ticketFacts),
    calls: calls.slice(0, opts.limit).map((c) => ({
      callId: c.call_id,
      at: new Date(c.arrived_at).toISOString(),
      answered: c.answered_at !== null,
      outcome: c.outcome,
      disposition: c.disposition ?? null,
      ticketNo: c.ticket_no ?? null,
    })),
    tickets: tickets.slice(0, opts.limit).map((t) => ({
      ticketId: t.id,
      ticketNo: String(t.no),
      at: new Date(t.created_at).toISOString(),
      county: t.county,
      phase: t.phase,
      summary: t.confidential ? '' : t.content.slice(0, SUMMARY_CHARS),
    })),
  };
}
