// Applies one queue event to the history tables in ONE transaction together with its stream id in
// history_processed: an event already applied (redelivered after a crash) changes nothing.
import type { AcdEvent } from '@hotline/queue';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import './history-schema.ts';
import { projectEvent } from './project-event.ts';

export async function applyEvent(db: Kysely<Database>, e: AcdEvent): Promise<boolean> {
  const ops = projectEvent(e);
  return db.transaction().execute(async (tx) => {
    const fresh = await tx
      .insertInto('history_processed')
      .values({ stream_id: e.id })
      .onConflict((oc) => oc.column('stream_id').doNothing())
      .returning('stream_id')
      .executeTakeFirst();
    if (!fresh) return false;
    if (ops.call) {
      const set = ops.call.set as Record<string, never>;
      await tx
        .insertInto('call_record')
        .values({ ...ops.call.base, ...set })
        .onConflict((oc) =>
          Object.keys(set).length ? oc.column('call_id').doUpdateSet(set) : oc.column('call_id').doNothing(),
        )
        .execute();
    }
    if (ops.offerOpen) {
      await tx
        .insertInto('call_offer')
        .values({ stream_id: e.id, ...ops.offerOpen, outcome: null, closed_at: null })
        .onConflict((oc) => oc.column('stream_id').doNothing())
        .execute();
    }
    if (ops.offerClose) {
      const c = ops.offerClose;
      let q = tx
        .updateTable('call_offer')
        .set({ outcome: c.outcome, closed_at: c.closed_at })
        .where('call_id', '=', c.call_id)
        .where('outcome', 'is', null);
      if (c.offer_id !== null) q = q.where('offer_id', '=', c.offer_id);
      await q.execute();
    }
    if (ops.agentState) {
      const a = ops.agentState;
      const open = await tx
        .selectFrom('agent_state_interval')
        .select(['stream_id', 'started_at'])
        .where('agent_id', '=', a.agent_id)
        .where('ended_at', 'is', null)
        .execute();
      for (const o of open) {
        await tx
          .updateTable('agent_state_interval')
          .set({
            ended_at: a.at,
            duration_ms: Math.max(0, a.at.getTime() - new Date(o.started_at).getTime()),
          })
          .where('stream_id', '=', o.stream_id)
          .execute();
      }
      if (a.state !== 'offline') {
        await tx
          .insertInto('agent_state_interval')
          .values({
            stream_id: e.id,
            agent_id: a.agent_id,
            state: a.state,
            reason: a.reason,
            started_at: a.at,
            ended_at: null,
            duration_ms: null,
          })
          .execute();
      }
    }
    return true;
  });
}
