// Event store for tickets: append-only events + the query projection, written in one transaction.
// Optimistic concurrency: the (ticket_id, seq) primary key rejects a second writer of the same seq.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { TicketRuleError } from '../domain/errors.ts';
import type { TicketEvent, TicketRole } from '../domain/events.ts';
import type { TicketState } from '../domain/state.ts';
import './tables.ts';

export interface Change {
  events: TicketEvent[];
  state: TicketState;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

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
      payload: parse(r.payload),
    }));
  }

  /** Current state from the projection (itself derived from the log by the reducer). */
  async state(ticketId: string): Promise<(TicketState & { no: string }) | undefined> {
    const row = await this.db
      .selectFrom('ticket')
      .select(['state', 'no'])
      .where('id', '=', ticketId)
      .executeTakeFirst();
    return row ? { ...parse<TicketState>(row.state), no: String(row.no) } : undefined;
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
    return (await q.execute()).map((r) => parse<TicketState>(r.state));
  }
}
