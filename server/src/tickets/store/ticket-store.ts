// Event store for tickets: append-only events + the query projection, written in one transaction.
// Optimistic concurrency: the (ticket_id, seq) primary key rejects a second writer of the same seq.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Effect } from '../domain/effects.ts';
import { TicketRuleError } from '../domain/errors.ts';
import type { TicketEvent, TicketRole } from '../domain/events.ts';
import type { TicketState } from '../domain/state.ts';
import './tables.ts';
import { fromJson } from '../../db/json-column.ts';

export interface Change {
  events: TicketEvent[];
  state: TicketState;
  /** Jobs the change calls for: stored in the outbox in the same transaction (relay-effects.ts). */
  effects?: readonly Effect[];
}

function projection(s: TicketState) {
  return {
    id: s.id,
    version: s.version,
    phase: s.phase,
    type: s.intake.type,
    priority: s.intake.priority,
    channel: s.intake.channel,
    county: s.intake.location.county,
    township: s.intake.location.township ?? null,
    category_id: s.intake.categoryId,
    replying_unit_id: s.replyingUnitId ?? null,
    unit_ids: s.unitIds,
    requester_phone: s.intake.requester.phone ?? null,
    confidential: s.intake.requester.confidential,
    content: s.intake.content,
    supervision_level: s.supervisionLevel,
    created_at: s.createdAt,
    updated_at: new Date().toISOString(),
    dispatch_due_at: s.dispatchedAt ? null : s.dispatchDueAt,
    completion_due_at: s.completionDueAt ?? null,
    callback_opened_at: s.phase === 'awaiting_callback' ? (s.callbackOpenedAt ?? null) : null,
    state: JSON.stringify(s),
  };
}

export class TicketStore {
  constructor(readonly db: Kysely<Database>) {}

  async events(ticketId: string): Promise<TicketEvent[]> {
    const rows = await this.db
      .selectFrom('ticket_event')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      seq: r.seq,
      type: r.type,
      actor: {
        id: r.actor_id,
        role: r.actor_role as TicketRole,
        ...(r.actor_unit_id ? { unitId: r.actor_unit_id } : {}),
      },
      at: new Date(r.at).toISOString(),
      payload: fromJson(r.payload),
    }));
  }

  /** Current state from the projection (itself derived from the log by the reducer). */
  async state(ticketId: string): Promise<(TicketState & { no: string }) | undefined> {
    const row = await this.db
      .selectFrom('ticket')
      .select(['state', 'no'])
      .where('id', '=', ticketId)
      .executeTakeFirst();
    return row ? { ...fromJson<TicketState>(row.state), no: String(row.no) } : undefined;
  }

  async mustState(ticketId: string): Promise<TicketState & { no: string }> {
    const s = await this.state(ticketId);
    if (!s) throw new TicketRuleError('TICKET_NOT_FOUND', `no ticket ${ticketId}`);
    return s;
  }

  /** Writes are serialised per process: PGlite has one connection, and one writer per ticket at a
   *  time keeps conflicts rare (other processes are still caught by the primary key). */
  private tail: Promise<unknown> = Promise.resolve();

  /** Appends the events and moves the projections, all or nothing. */
  append(changes: readonly Change[]): Promise<void> {
    const run = this.tail.then(() => this.write(changes));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async write(changes: readonly Change[]): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const c of changes) {
          await trx
            .insertInto('ticket_event')
            .values(
              c.events.map((e) => ({
                ticket_id: e.ticketId,
                seq: e.seq,
                type: e.type,
                actor_id: e.actor.id,
                actor_role: e.actor.role,
                actor_unit_id: e.actor.unitId ?? null,
                at: e.at,
                payload: JSON.stringify(e.payload),
              })),
            )
            .execute();
          const row = projection(c.state);
          const first = c.events[0];
          if (first?.seq === 1) await trx.insertInto('ticket').values(row).execute();
          else {
            const r = await trx
              .updateTable('ticket')
              .set(row)
              .where('id', '=', c.state.id)
              .where('version', '=', (first?.seq ?? 1) - 1)
              .returning('id')
              .executeTakeFirst();
            if (!r)
              throw new TicketRuleError('TICKET_VERSION_CONFLICT', `ticket ${c.state.id} changed meanwhile`);
          }
          if (c.effects?.length)
            await trx
              .insertInto('ticket_outbox')
              .values(
                c.effects.map((e) => ({
                  effect_id: e.id,
                  ticket_id: c.state.id,
                  effect: JSON.stringify(e),
                })),
              )
              .onConflict((oc) => oc.column('effect_id').doNothing())
              .execute();
        }
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw new TicketRuleError(
          'TICKET_VERSION_CONFLICT',
          'the ticket changed meanwhile; reload and retry',
        );
      throw e;
    }
  }

  /** Outbox entries: those named, or the oldest created before `before` (the relay's sweep). */
  async outbox(q: { ids?: readonly string[]; before?: Date; limit: number }): Promise<Effect[]> {
    if (q.ids && q.ids.length === 0) return [];
    let sel = this.db.selectFrom('ticket_outbox').select('effect');
    if (q.ids) sel = sel.where('effect_id', 'in', [...q.ids]);
    if (q.before) sel = sel.where('created_at', '<', q.before);
    const rows = await sel.orderBy('created_at').limit(q.limit).execute();
    return rows.map((r) => fromJson<Effect>(r.effect));
  }

  private doneIds: string[] = [];
  private doneFlush: Promise<void> | null = null;

  /** The jobs were handed to BullMQ. Deletes are batched (one statement for the changes of the
   *  last few milliseconds), so under load the outbox costs one statement less per change on a
   *  single PGlite connection. An entry not yet deleted is at worst handed over again, which BullMQ
   *  ignores (same job id). */
  outboxDone(ids: readonly string[]): Promise<void> {
    if (!ids.length) return Promise.resolve();
    this.doneIds.push(...ids);
    this.doneFlush ??= new Promise<void>((r) => setTimeout(r, 20)).then(async () => {
      const batch = this.doneIds.splice(0);
      this.doneFlush = null;
      await this.db.deleteFrom('ticket_outbox').where('effect_id', 'in', batch).execute();
    });
    return this.doneFlush;
  }

  async outboxFailed(ids: readonly string[], error: string): Promise<void> {
    if (!ids.length) return;
    await this.db
      .updateTable('ticket_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
      .where('effect_id', 'in', [...ids])
      .execute();
  }

  async outboxSize(): Promise<number> {
    const r = await this.db
      .selectFrom('ticket_outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Recent tickets in a county, for 并单 suggestions. */
  async recentInCounty(county: string, since: Date, limit = 500) {
    return this.db
      .selectFrom('ticket')
      .select(['id', 'requester_phone', 'content', 'county', 'township', 'created_at'])
      .where('county', '=', county)
      .where('created_at', '>=', since)
      .where('phase', 'not in', ['not_accepted', 'merged'])
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  async statesWhere(filter: {
    from?: string;
    to?: string;
    county?: string;
    unitId?: string;
  }): Promise<TicketState[]> {
    let q = this.db.selectFrom('ticket').select('state');
    if (filter.from) q = q.where('created_at', '>=', new Date(filter.from));
    if (filter.to) q = q.where('created_at', '<', new Date(filter.to));
    if (filter.county) q = q.where('county', '=', filter.county);
    if (filter.unitId) q = q.where(sql<boolean>`${filter.unitId} = ANY(unit_ids)`);
    return (await q.execute()).map((r) => fromJson<TicketState>(r.state));
  }
}
