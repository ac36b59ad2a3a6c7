// Queues and reports over the projection: inbox/dispatch/review lists, the callback list (回访),
// KPIs, notifications, and the metadata the ticket form needs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { SessionUser } from '../../auth/session-store.ts';
import type { CallbackTask, TicketNotification, TicketSummary } from '../../contracts/tickets.ts';
import { fromJson } from '../../db/json-column.ts';
import { SEED_CATEGORIES } from '../domain/categories.ts';
import { CHANNELS, PRIORITIES, RATINGS, TICKET_TYPES, UPPER_PLATFORMS } from '../domain/fields.ts';
import { computeKpis, type KpiGroupBy } from '../domain/kpi.ts';
import { NOT_ACCEPTED_REASONS } from '../domain/not-accepted.ts';
import { REQUIRED_REPLY_FIELDS } from '../domain/reply-content.ts';
import { PHASES, type TicketState } from '../domain/state.ts';
import { TRANSITIONS } from '../domain/transition-table.ts';
import type { TicketDeps } from '../ticket-deps.ts';
import { seesAll } from './actor.ts';
import { translating } from './app-errors.ts';
import { presentRequesters } from './present.ts';
import { ARR, OBJ, ok } from './schemas.ts';

const user = (req: FastifyRequest) => req.session?.user as SessionUser;
const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

export function queryRoutes(deps: TicketDeps) {
  const db = deps.store.db;
  return async (app: FastifyInstance) => {
    app.get(
      '/api/tickets',
      {
        config: { permission: 'tickets.read' },
        schema: {
          response: ok(OBJ),
          querystring: {
            type: 'object',
            properties: {
              phase: { type: 'array', items: { type: 'string', enum: [...PHASES] } },
              county: { type: 'string' },
              unitId: { type: 'string' },
              supervised: { type: 'boolean' },
              order: { type: 'string', enum: ['created', 'deadline'], default: 'created' },
              before: { type: 'string' },
              limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            },
          },
        },
      },
      async (req) => {
        const q = req.query as {
          phase?: string[];
          county?: string;
          unitId?: string;
          supervised?: boolean;
          order: string;
          before?: string;
          limit: number;
        };
        const u = user(req);
        let sel = db
          .selectFrom('ticket')
          .select([
            'id',
            'no',
            'phase',
            'type',
            'priority',
            'channel',
            'county',
            'township',
            'category_id',
            'replying_unit_id',
            'content',
            'supervision_level',
            'created_at',
            'dispatch_due_at',
            'completion_due_at',
            'callback_opened_at',
            'state',
          ]);
        const unit = seesAll(u) ? q.unitId : u.orgUnitId;
        if (unit) sel = sel.where(sql<boolean>`${unit} = ANY(unit_ids)`);
        if (q.phase?.length) sel = sel.where('phase', 'in', q.phase);
        if (q.county) sel = sel.where('county', '=', q.county);
        if (q.supervised) sel = sel.where('supervision_level', '>', 0);
        if (q.before) sel = sel.where('no', '<', q.before);
        sel =
          q.order === 'deadline'
            ? sel.orderBy(sql`coalesce(completion_due_at, dispatch_due_at)`, 'asc').orderBy('no', 'desc')
            : sel.orderBy('no', 'desc');
        const rows = await sel.limit(q.limit).execute();
        const items: TicketSummary[] = rows.map((r) => {
          const s = fromJson<TicketState>(r.state);
          const mine = s.assignments.find((a) => a.unitId === u.orgUnitId && a.status === 'dispatched');
          return {
            id: r.id,
            no: String(r.no),
            phase: r.phase as TicketState['phase'],
            type: r.type,
            priority: r.priority,
            channel: r.channel,
            county: r.county,
            township: r.township,
            categoryId: r.category_id,
            replyingUnitId: r.replying_unit_id,
            content: r.content,
            supervisionLevel: r.supervision_level,
            createdAt: iso(r.created_at) as string,
            dispatchDueAt: iso(r.dispatch_due_at),
            completionDueAt: iso(r.completion_due_at),
            callbackOpenedAt: iso(r.callback_opened_at),
            mySignDueAt: mine?.signDueAt ?? null,
          };
        });
        return { items, nextBefore: rows.length === q.limit ? String(rows[rows.length - 1]?.no) : null };
      },
    );

    app.get(
      '/api/tickets/callbacks',
      { config: { permission: 'tickets.callbacks' }, schema: { response: ok(ARR) } },
      async (req) => {
        const rows = await db
          .selectFrom('ticket')
          .select(['id', 'no', 'state'])
          .where('phase', '=', 'awaiting_callback')
          .orderBy('callback_opened_at', 'asc')
          .limit(200)
          .execute();
        const tasks: CallbackTask[] = [];
        for (const r of rows) {
          const s = fromJson<TicketState>(r.state);
          const list = [s.intake.requester, ...s.linkedTickets.map((l) => l.requester)];
          const views = await presentRequesters(req, s.id, list);
          tasks.push({
            ticketId: s.id,
            no: String(r.no),
            type: s.intake.type,
            round: s.redispatches + 1,
            openedAt: s.callbackOpenedAt as string,
            autoCloseAt: new Date(
              Date.parse(s.callbackOpenedAt as string) + deps.rules.callbackWindowMs,
            ).toISOString(),
            requesters: views.map((v, i) => ({
              ...v,
              ticketId: i === 0 ? s.id : (s.linkedTickets[i - 1]?.ticketId as string),
            })),
          });
        }
        return tasks;
      },
    );

    app.get(
      '/api/tickets/kpis',
      {
        config: { permission: 'tickets.kpi' },
        schema: {
          response: ok(OBJ),
          querystring: {
            type: 'object',
            properties: {
              groupBy: { type: 'string', enum: ['unit', 'county', 'all'], default: 'unit' },
              from: { type: 'string', format: 'date-time' },
              to: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
      async (req) =>
        translating(async () => {
          const q = req.query as { groupBy: KpiGroupBy; from?: string; to?: string };
          const u = user(req);
          const states = await deps.store.statesWhere({
            from: q.from,
            to: q.to,
            unitId: seesAll(u) ? undefined : u.orgUnitId,
          });
          const out = computeKpis(states, { ...q, now: deps.now().toISOString() });
          if (!seesAll(u) && q.groupBy === 'unit') return { [u.orgUnitId]: out[u.orgUnitId] };
          return out;
        }),
    );

    app.get(
      '/api/tickets/meta',
      { config: { permission: 'tickets.read' }, schema: { response: ok(OBJ) } },
      async () => ({
        channels: CHANNELS,
        upperPlatforms: UPPER_PLATFORMS,
        types: TICKET_TYPES,
        priorities: PRIORITIES,
        ratings: RATINGS,
        phases: PHASES,
        categories: SEED_CATEGORIES,
        notAcceptedReasons: NOT_ACCEPTED_REASONS,
        replyRequirements: REQUIRED_REPLY_FIELDS,
        commands: Object.fromEntries(
          Object.entries(TRANSITIONS).map(([k, r]) => [
            k,
            { article: r.article, from: r.from, roles: r.roles },
          ]),
        ),
        callbackWindowHours: deps.rules.callbackWindowMs / 3_600_000,
      }),
    );

    app.get(
      '/api/tickets/notifications',
      {
        config: { permission: 'tickets.notifications' },
        schema: {
          response: ok(ARR),
          querystring: { type: 'object', properties: { unread: { type: 'boolean' } } },
        },
      },
      async (req) => {
        let sel = db.selectFrom('ticket_notification').selectAll().where('unit_id', '=', user(req).orgUnitId);
        if ((req.query as { unread?: boolean }).unread) sel = sel.where('read_at', 'is', null);
        const rows = await sel.orderBy('created_at', 'desc').limit(200).execute();
        return rows.map(
          (r): TicketNotification => ({
            ...fromJson<Omit<TicketNotification, 'id' | 'unitId' | 'createdAt' | 'readAt'>>(r.payload),
            id: r.id,
            unitId: r.unit_id,
            ticketId: r.ticket_id,
            seq: r.seq,
            createdAt: iso(r.created_at) as string,
            readAt: iso(r.read_at),
          }),
        );
      },
    );

    app.post(
      '/api/tickets/notifications/:id/read',
      {
        config: { permission: 'tickets.notifications' },
        schema: {
          response: ok(OBJ),
          params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } },
        },
      },
      async (req, reply) => {
        await db
          .updateTable('ticket_notification')
          .set({ read_at: new Date() })
          .where('id', '=', (req.params as { id: string }).id)
          .where('unit_id', '=', user(req).orgUnitId)
          .execute();
        return reply.send({ read: true });
      },
    );
  };
}
