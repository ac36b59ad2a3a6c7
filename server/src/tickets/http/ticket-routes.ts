// Routes of one ticket: register, read, timeline, lifecycle commands, 并单, unmask (audited).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../auth/session-store.ts';
import { unmaskPersonalData } from '../../privacy/personal-data.ts';
import { TicketRuleError } from '../domain/errors.ts';
import type { TicketState } from '../domain/state.ts';
import { COMMANDS } from '../domain/transition-table.ts';
import { mergeTickets } from '../merge-tickets.ts';
import { findDuplicates, registerTicket } from '../register-ticket.ts';
import { runCommand } from '../run-command.ts';
import type { TicketDeps } from '../ticket-deps.ts';
import { actorFor, canSee, seesAll } from './actor.ts';
import { translating } from './app-errors.ts';
import { presentEvents, presentTicket } from './present.ts';
import { ARR, OBJ, ok } from './schemas.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const intakeBody = {
  type: 'object',
  required: ['channel', 'content', 'type', 'categoryId', 'location'],
  properties: {
    channel: { type: 'string' },
    upperPlatform: { type: 'string' },
    upperPlatformRef: { type: 'string', maxLength: 100 },
    requester: {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 100 },
        phone: { type: 'string', maxLength: 32 },
        anonymous: { type: 'boolean' },
        confidential: { type: 'boolean' },
      },
    },
    content: { type: 'string', minLength: 1, maxLength: 4000 },
    occurredAt: { type: 'string' },
    location: {
      type: 'object',
      required: ['county'],
      properties: { county: { type: 'string' }, township: { type: 'string' }, address: { type: 'string' } },
    },
    type: { type: 'string' },
    categoryId: { type: 'string' },
    priority: { type: 'string' },
    callIds: { type: 'array', items: { type: 'string' } },
    recordingIds: { type: 'array', items: { type: 'string' } },
    attachmentIds: { type: 'array', items: { type: 'string' }, maxItems: 20 },
  },
} as const;

const user = (req: FastifyRequest) => req.session?.user as SessionUser;

/** The ticket, if this user may see it; otherwise "not found" (a unit learns nothing of others' tickets). */
export async function visibleTicket(
  deps: TicketDeps,
  req: FastifyRequest,
  id: string,
): Promise<TicketState & { no: string }> {
  const s = await deps.store.state(id);
  if (!s || !canSee(user(req), s)) throw new TicketRuleError('TICKET_NOT_FOUND', `no ticket ${id}`);
  return s;
}

/** Attachments the user may attach: uploaded by the user (or the user's unit), not on another ticket. */
export async function attachmentsOf(
  deps: TicketDeps,
  ids: readonly string[] | undefined,
  who: SessionUser,
  ticketId?: string,
) {
  if (!ids?.length) return [];
  const rows = await deps.store.db
    .selectFrom('ticket_attachment')
    .select(['id', 'name', 'mime', 'size', 'ticket_id', 'uploaded_by', 'uploader_unit_id'])
    .where('id', 'in', [...ids])
    .execute();
  const usable = rows.filter(
    (r) =>
      (r.uploaded_by === who.id || r.uploader_unit_id === who.orgUnitId) &&
      (r.ticket_id === null || r.ticket_id === ticketId),
  );
  if (usable.length !== new Set(ids).size)
    throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'unknown attachment id, or not yours to attach');
  return usable.map(({ id, name, mime, size }) => ({ id, name, mime, size }));
}

/** 即办 may cite a knowledge-base article (Art. 12 (1)); it must exist and be published. */
async function mustBePublishedArticle(deps: TicketDeps, id: string) {
  const a = await deps.store.db
    .selectFrom('kb_article')
    .select('id')
    .where('id', '=', id)
    .where('published_version', 'is not', null)
    .executeTakeFirst();
  if (!a) throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `kbArticleId ${id} is not a published article`);
}

async function linkAttachments(deps: TicketDeps, ids: readonly string[], ticketId: string) {
  if (ids.length)
    await deps.store.db
      .updateTable('ticket_attachment')
      .set({ ticket_id: ticketId })
      .where('id', 'in', [...ids])
      .where('ticket_id', 'is', null)
      .execute();
}

export function ticketRoutes(deps: TicketDeps) {
  return async (app: FastifyInstance) => {
    app.post(
      '/api/tickets',
      {
        config: { permission: 'tickets.create', auditObject: 'ticket' },
        schema: { response: ok(OBJ, 201), body: intakeBody },
      },
      async (req, reply) =>
        translating(async () => {
          const body = req.body as Record<string, unknown> & { attachmentIds?: string[] };
          const attachments = await attachmentsOf(deps, body.attachmentIds, user(req));
          const { ticket, duplicates } = await registerTicket(
            deps,
            { ...body, attachments },
            actorFor(user(req), 'create'),
          );
          await linkAttachments(
            deps,
            attachments.map((a) => a.id),
            ticket.id,
          );
          const saved = await deps.store.mustState(ticket.id);
          return reply.code(201).send({ ticket: await presentTicket(req, saved), duplicates });
        }),
    );

    app.get(
      '/api/tickets/:id',
      { config: { permission: 'tickets.read' }, schema: { response: ok(OBJ), params: idParams } },
      async (req) =>
        translating(async () =>
          presentTicket(req, await visibleTicket(deps, req, (req.params as { id: string }).id)),
        ),
    );

    app.get(
      '/api/tickets/:id/events',
      { config: { permission: 'tickets.read' }, schema: { response: ok(ARR), params: idParams } },
      async (req) =>
        translating(async () => {
          const s = await visibleTicket(deps, req, (req.params as { id: string }).id);
          return presentEvents(user(req), await deps.store.events(s.id));
        }),
    );

    app.post(
      '/api/tickets/:id/commands/:command',
      {
        config: { permission: 'tickets.act', auditObject: 'ticket' },
        schema: {
          response: ok(OBJ),
          params: {
            type: 'object',
            required: ['id', 'command'],
            properties: {
              id: { type: 'string', maxLength: 64 },
              command: { type: 'string', enum: [...COMMANDS] },
            },
          },
          body: { type: 'object' },
        },
      },
      async (req) =>
        translating(async () => {
          const { id, command } = req.params as { id: string; command: string };
          const s = await visibleTicket(deps, req, id);
          const body = (req.body ?? {}) as Record<string, unknown>;
          const ids =
            command === 'replied' && Array.isArray(body.attachmentIds)
              ? (await attachmentsOf(deps, body.attachmentIds as string[], user(req), s.id)).map((a) => a.id)
              : [];
          if (command === 'answered_immediately' && typeof body.kbArticleId === 'string')
            await mustBePublishedArticle(deps, body.kbArticleId);
          await runCommand(deps, s.id, command, body, actorFor(user(req), command));
          await linkAttachments(deps, ids, s.id);
          return presentTicket(req, await deps.store.mustState(s.id));
        }),
    );

    app.post(
      '/api/tickets/:id/merge',
      {
        config: { permission: 'tickets.merge', auditObject: 'ticket' },
        schema: {
          response: ok(OBJ),
          params: idParams,
          body: {
            type: 'object',
            required: ['primaryId'],
            properties: { primaryId: { type: 'string', maxLength: 64 } },
          },
        },
      },
      async (req) =>
        translating(async () => {
          const { id } = req.params as { id: string };
          const { primaryId } = req.body as { primaryId: string };
          await mergeTickets(deps, id, primaryId, actorFor(user(req), 'merged_into'));
          return presentTicket(req, await deps.store.mustState(primaryId));
        }),
    );

    app.get(
      '/api/tickets/:id/duplicates',
      { config: { permission: 'tickets.merge' }, schema: { response: ok(ARR), params: idParams } },
      async (req) =>
        translating(async () =>
          findDuplicates(deps, await visibleTicket(deps, req, (req.params as { id: string }).id)),
        ),
    );

    app.post(
      '/api/tickets/:id/unmask',
      {
        config: { permission: 'pii.unmask', auditObject: 'ticket' },
        schema: {
          response: ok(OBJ),
          params: idParams,
          body: {
            type: 'object',
            required: ['reason'],
            properties: { reason: { type: 'string', maxLength: 500 } },
          },
        },
      },
      async (req) =>
        translating(async () => {
          const s = await visibleTicket(deps, req, (req.params as { id: string }).id);
          if (s.intake.requester.confidential && !seesAll(user(req)))
            throw new TicketRuleError(
              'TICKET_NOT_YOUR_UNIT',
              'a confidential requester is never shown to handling units',
            );
          const r = s.intake.requester;
          return unmaskPersonalData(req, {
            objectType: 'ticket',
            objectId: s.id,
            record: { name: r.name ?? null, phone: r.phone ?? null },
            fields: { name: 'name', phone: 'phone' },
            reason: (req.body as { reason: string }).reason,
          });
        }),
    );
  };
}
