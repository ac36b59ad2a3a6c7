// Use case: the agent records the 整理 disposition of a call they handled. One per call; the same
// agent may correct it (upsert), another agent may not. The call must not belong to another agent
// in the call history (the history writer may lag, so a call not projected yet is accepted).
import { type Kysely, sql } from 'kysely';
import type { DispositionDto, DispositionRequest } from '../contracts/dispositions.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type {} from '../history/history-schema.ts';
import { normaliseDisposition } from './disposition-rules.ts';
import type { CallDispositionTable } from './disposition-schema.ts';

export function toDispositionDto(r: CallDispositionTable & { recorded_at: Date }): DispositionDto {
  return {
    callId: r.call_id,
    agentId: r.agent_id,
    disposition: r.disposition as DispositionDto['disposition'],
    ticketNo: r.ticket_no,
    notAcceptedReason: r.not_accepted_reason === null ? null : Number(r.not_accepted_reason),
    emergencyLine: r.emergency_line,
    kbArticleId: r.kb_article_id,
    note: r.note,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

export async function recordDisposition(
  db: Kysely<Database>,
  agentId: string,
  callId: string,
  req: DispositionRequest,
): Promise<DispositionDto> {
  const n = normaliseDisposition(req);
  if (!n.ok) throw new AppError('VALIDATION_FAILED', { field: n.field });
  const call = await db
    .selectFrom('call_record')
    .select('agent_id')
    .where('call_id', '=', callId)
    .executeTakeFirst();
  if (call?.agent_id && call.agent_id !== agentId) throw new AppError('FORBIDDEN', { callId });
  if (n.value.ticketNo) {
    // Read-only look-up in the tickets feature's projection table (id or 工单编号).
    const t = await sql<{ id: string }>`SELECT id FROM ticket WHERE id = ${n.value.ticketNo}
      OR no::text = ${n.value.ticketNo} LIMIT 1`.execute(db);
    if (t.rows.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'ticketNo' });
  }
  const v = n.value;
  const row = await db
    .insertInto('call_disposition')
    .values({
      call_id: callId,
      agent_id: agentId,
      disposition: v.disposition,
      ticket_no: v.ticketNo,
      not_accepted_reason: v.notAcceptedReason,
      emergency_line: v.emergencyLine,
      kb_article_id: v.kbArticleId,
      note: v.note,
    })
    .onConflict((oc) =>
      oc
        .column('call_id')
        .doUpdateSet((eb) => ({
          disposition: eb.ref('excluded.disposition'),
          ticket_no: eb.ref('excluded.ticket_no'),
          not_accepted_reason: eb.ref('excluded.not_accepted_reason'),
          emergency_line: eb.ref('excluded.emergency_line'),
          kb_article_id: eb.ref('excluded.kb_article_id'),
          note: eb.ref('excluded.note'),
          recorded_at: sql`now()`,
        }))
        .where('call_disposition.agent_id', '=', agentId),
    )
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', { callId, reason: 'recorded by another agent' });
  return toDispositionDto(row as CallDispositionTable & { recorded_at: Date });
}
