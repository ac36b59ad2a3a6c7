// Seed rows for the call-data tests: call history (as the history writer projects it) and tickets
// (as the tickets feature projects them), written straight into their tables.
import { sql } from 'kysely';
import type { TestApp } from '../../support/app.ts';

export async function seedCall(
  t: TestApp,
  c: { callId: string; caller: string; agentId?: string | null; arrivedAt?: Date; outcome?: string },
): Promise<void> {
  const at = c.arrivedAt ?? new Date();
  await t.app.db
    .insertInto('call_record')
    .values({
      call_id: c.callId,
      queue: '12345',
      priority: 'normal',
      kind: 'inbound',
      caller_number: c.caller,
      callback_number: null,
      arrived_at: at,
      answered_at: c.outcome === 'abandoned' ? null : at,
      abandoned_at: c.outcome === 'abandoned' ? at : null,
      ended_at: at,
      agent_id: c.agentId ?? null,
      wait_ms: 1000,
      talk_ms: c.outcome === 'abandoned' ? null : 60_000,
      outcome: c.outcome ?? 'completed',
    } as never)
    .execute();
}

export async function seedTicket(
  t: TestApp,
  k: { id: string; phone: string; county: string; createdAt?: Date },
): Promise<number> {
  const at = (k.createdAt ?? new Date()).toISOString();
  const r = await sql<{ no: string }>`INSERT INTO ticket (id, version, phase, type, priority, channel,
      county, category_id, requester_phone, content, created_at, updated_at, state)
    VALUES (${k.id}, 1, 'registered', 'complaint', 'normal', 'phone', ${k.county}, 'c1', ${k.phone},
      '路灯不亮', ${at}, ${at}, '{}'::jsonb) RETURNING no`.execute(t.app.db);
  return Number(r.rows[0]!.no);
}
