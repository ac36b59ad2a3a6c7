// `req.audit(...)` and the automatic audit entry for every write request (any non-GET route).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import '../http/fastify-types.ts';
import { recordAudit } from './audit-log.ts';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function objectTypeOf(req: FastifyRequest): string {
  const declared = req.routeOptions.config.auditObject;
  if (declared) return declared;
  const parts = (req.routeOptions.url ?? req.url).split('/').filter(Boolean);
  return (parts[0] === 'api' ? parts[1] : parts[0]) ?? 'unknown';
}

export const auditPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('audit', async function (this: FastifyRequest, action, objectType, objectId, detail) {
      const u = this.session?.user;
      await recordAudit(app.db, {
        actorId: u?.id ?? null,
        actorUsername: u?.username ?? null,
        actorRoles: u?.roles ?? [],
        action,
        objectType,
        objectId,
        ip: this.ip,
        requestId: String(this.id),
        detail,
      });
    });
    // onSend (awaited before the response leaves) so the entry exists when the client sees the answer.
    app.addHook('onSend', async (req, reply, payload) => {
      if (READ_METHODS.has(req.method) || !req.routeOptions.url) return payload;
      const params = (req.params ?? {}) as Record<string, unknown>;
      const id = params.id ?? Object.values(params)[0];
      try {
        await req.audit(
          `${req.method} ${req.routeOptions.url}`,
          objectTypeOf(req),
          id === undefined ? null : String(id),
          {
            status: reply.statusCode,
          },
        );
      } catch (err) {
        req.log.error({ err }, 'audit write failed');
      }
      return payload;
    });
  },
  { name: 'hotline-audit' },
);
