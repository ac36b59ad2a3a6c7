// Attachments (photos, video, documents): size- and type-checked, stored on disk under the
// configured directory; metadata in ticket_attachment. Downloads follow the ticket's visibility.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../auth/session-store.ts';
import { AppError } from '../../errors.ts';
import type { TicketDeps } from '../ticket-deps.ts';
import { translating } from './app-errors.ts';
import { OBJ, ok } from './schemas.ts';
import { visibleTicket } from './ticket-routes.ts';

export interface AttachmentSettings {
  dir: string;
  maxBytes: number;
  types: readonly string[];
}

/** Magic numbers of the binary types we accept; a file claiming one of them must start with it. */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'audio/wav': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
};

export function contentMatchesType(mime: string, head: Buffer): boolean {
  const check = MAGIC[mime];
  return check ? check(head) : !head.subarray(0, 512).includes(0);
}

const user = (req: FastifyRequest) => req.session?.user as SessionUser;

export function attachmentRoutes(deps: TicketDeps, settings: AttachmentSettings) {
  const db = deps.store.db;
  return async (app: FastifyInstance) => {
    await app.register(multipart, { limits: { fileSize: settings.maxBytes, files: 1, fields: 0 } });

    app.post(
      '/api/tickets/attachments',
      {
        config: { permission: 'tickets.attach', auditObject: 'ticket_attachment' },
        schema: { response: ok(OBJ, 201) },
      },
      async (req, reply) => {
        const file = await req.file();
        if (!file) throw new AppError('TICKET_ATTACHMENT_REJECTED', { message: 'no file' });
        if (!settings.types.includes(file.mimetype))
          throw new AppError('TICKET_ATTACHMENT_REJECTED', {
            message: `type ${file.mimetype} is not allowed`,
            allowed: settings.types,
          });
        let data: Buffer;
        try {
          data = await file.toBuffer();
        } catch {
          throw new AppError('TICKET_ATTACHMENT_REJECTED', {
            message: `larger than ${settings.maxBytes} bytes`,
          });
        }
        if (file.file.truncated || data.length > settings.maxBytes)
          throw new AppError('TICKET_ATTACHMENT_REJECTED', {
            message: `larger than ${settings.maxBytes} bytes`,
          });
        if (data.length === 0 || !contentMatchesType(file.mimetype, data))
          throw new AppError('TICKET_ATTACHMENT_REJECTED', { message: `content is not ${file.mimetype}` });
        const id = randomUUID();
        await mkdir(settings.dir, { recursive: true });
        const target = path.join(settings.dir, id);
        await writeFile(target, data, { flag: 'wx' });
        const name = path.basename(file.filename || 'file').slice(0, 200);
        try {
          await db
            .insertInto('ticket_attachment')
            .values({
              id,
              name,
              mime: file.mimetype,
              size: data.length,
              path: target,
              uploaded_by: user(req).id,
              uploader_unit_id: user(req).orgUnitId,
            })
            .execute();
        } catch (e) {
          await unlink(target).catch(() => undefined);
          throw e;
        }
        return reply.code(201).send({ id, name, mime: file.mimetype, size: data.length });
      },
    );

    app.get(
      '/api/tickets/attachments/:id',
      {
        config: { permission: 'tickets.read' },
        schema: {
          response: {
            200: {
              description: 'the file',
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            },
          },
          params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        },
      },
      async (req, reply) =>
        translating(async () => {
          const row = await db
            .selectFrom('ticket_attachment')
            .selectAll()
            .where('id', '=', (req.params as { id: string }).id)
            .executeTakeFirst();
          if (!row) throw new AppError('NOT_FOUND');
          if (row.ticket_id) await visibleTicket(deps, req, row.ticket_id);
          else if (row.uploaded_by !== user(req).id) throw new AppError('NOT_FOUND');
          await req.audit('attachment.read', 'ticket_attachment', row.id, { ticketId: row.ticket_id });
          return reply
            .type(row.mime)
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
            .header('x-content-type-options', 'nosniff')
            .send(createReadStream(row.path));
        }),
    );
  };
}
