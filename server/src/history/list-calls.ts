// 通话记录: one page of the call history, newest first, with the agent's 整理 disposition. The scope
// is decided by the caller of this use case: 'own' limits the list to calls the user answered.
// Paging is keyset on (arrived_at, call_id), so calls arriving in the same millisecond are neither
// skipped nor repeated across pages.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { CallListQuery, CallRecord } from '../contracts/calls.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { CallRecordTable } from './history-schema.ts';

type Extra = {
  disposition: string | null;
  ticket_no: string | null;
  agent_name: string | null;
  agent_no: string | null;
};
type Row = Selectable<CallRecordTable> & Extra;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toCallRecord(r: Selectable<CallRecordTable>, x?: Extra): CallRecord {
  return {
    callId: r.call_id,
    queue: r.queue,
    priority: r.priority,
    kind: r.kind,
    callerNumber: r.caller_number,
    callbackNumber: r.callback_number,
    arrivedAt: new Date(r.arrived_at).toISOString(),
    answeredAt: iso(r.answered_at),
    abandonedAt: iso(r.abandoned_at),
    endedAt: iso(r.ended_at),
    agentId: r.agent_id,
    agentName: x?.agent_name ?? null,
    agentNo: x?.agent_no ?? null,
    waitMs: r.wait_ms,
    talkMs: r.talk_ms,
    outcome: r.outcome,
    disposition: x?.disposition ?? null,
    ticketNo: x?.ticket_no ?? null,
  };
}

/** The cursor is "<arrivedAt ISO>|<callId>" of the last call on the page. */
export function encodeCursor(c: Pick<CallRecord, 'arrivedAt' | 'callId'>): string {
  return `${c.arrivedAt}|${c.callId}`;
}

export function decodeCursor(s: string): { arrivedAt: Date; callId: string } {
  const bar = s.indexOf('|');
  const at = new Date(bar > 0 ? s.slice(0, bar) : Number.NaN);
  const callId = s.slice(bar + 1);
  if (Number.isNaN(at.getTime()) || !callId) throw new AppError('VALIDATION_FAILED', { field: 'before' });
  return { arrivedAt: at, callId };
}

export async function listCalls(
  db: Kysely<Database>,
  q: CallListQuery,
  scope: { ownAgentId: string | null },
): Promise<{ items: CallRecord[]; nextBefore: string | null }> {
  let sel = db
    .selectFrom('call_record as c')
    .leftJoin('call_disposition as d', 'd.call_id', 'c.call_id')
    // call_record.agent_id is text (the queue's agent id), app_user.id a uuid
    .leftJoin('app_user as u', (j) => j.on(sql<boolean>`u.id::text = c.agent_id`))
    .selectAll('c')
    .select([
      'd.disposition as disposition',
      'd.ticket_no as ticket_no',
      'u.display_name as agent_name',
      'u.username as agent_no',
    ]);
  if (scope.ownAgentId) sel = sel.where('c.agent_id', '=', scope.ownAgentId);
  if (q.from) sel = sel.where('c.arrived_at', '>=', new Date(q.from));
  if (q.to) sel = sel.where('c.arrived_at', '<', new Date(q.to));
  if (q.queue) sel = sel.where('c.queue', '=', q.queue);
  const agent = q.agent;
  if (agent) sel = sel.where((eb) => eb.or([eb('c.agent_id', '=', agent), eb('u.username', '=', agent)]));
  if (q.outcome) sel = sel.where('c.outcome', '=', q.outcome);
  if (q.number) sel = sel.where('c.caller_number', '=', q.number);
  if (q.before) {
    const b = decodeCursor(q.before);
    sel = sel.where((eb) =>
      eb.or([
        eb('c.arrived_at', '<', b.arrivedAt),
        eb.and([eb('c.arrived_at', '=', b.arrivedAt), eb('c.call_id', '<', b.callId)]),
      ]),
    );
  }
  const rows = (await sel
    .orderBy('c.arrived_at', 'desc')
    .orderBy('c.call_id', 'desc')
    .limit(q.limit + 1)
    .execute()) as Row[];
  const page = rows.slice(0, q.limit).map((r) => toCallRecord(r, r));
  const last = page.at(-1);
  return { items: page, nextBefore: rows.length > q.limit && last ? encodeCursor(last) : null };
}
