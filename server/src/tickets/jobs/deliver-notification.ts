// Dispatch job body: notify one receiving unit — its signed webhook (own job, own retries) and the
// in-app notification (a row + a Redis pub/sub message the realtime module forwards to socket.io
// room `unit:<id>`). Exactly once per effect id, however often the job is delivered.
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotifyEffect } from '../domain/effects.ts';
import type { TicketStore } from '../store/ticket-store.ts';
import type { TicketQueues } from './ticket-queues.ts';

export interface NotifyDeps {
  db: Kysely<Database>;
  store: TicketStore;
  publisher: Redis;
  /** Pub/sub channel for in-app notifications. */
  channel: string;
  queues: TicketQueues;
  webhooksEnabled: boolean;
}

export async function deliverNotification(
  deps: NotifyDeps,
  n: NotifyEffect,
): Promise<{ delivered: boolean }> {
  if (deps.webhooksEnabled) {
    const hook = await deps.db
      .selectFrom('ticket_unit_webhook')
      .select('url')
      .where('unit_id', '=', n.unitId)
      .where('enabled', '=', true)
      .executeTakeFirst();
    if (hook) await deps.queues.enqueueWebhook(n, hook.url);
  }
  const s = await deps.store.state(n.ticketId);
  const payload = {
    reason: n.reason,
    ticketId: n.ticketId,
    ticketNo: s?.no,
    seq: n.seq,
    type: s?.intake.type,
    priority: s?.intake.priority,
    phase: s?.phase,
    signDueAt: s?.assignments.find((a) => a.unitId === n.unitId && a.status === 'dispatched')?.signDueAt,
    completionDueAt: s?.completionDueAt,
  };
  const inserted = await deps.db
    .insertInto('ticket_notification')
    .values({
      id: n.id,
      unit_id: n.unitId,
      ticket_id: n.ticketId,
      seq: n.seq,
      kind: n.reason,
      payload: JSON.stringify(payload),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { delivered: false };
  await deps.publisher.publish(
    deps.channel,
    JSON.stringify({ unitId: n.unitId, notificationId: n.id, ...payload, at: new Date().toISOString() }),
  );
  return { delivered: true };
}
