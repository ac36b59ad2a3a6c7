// Global hooks: session from the cookie, permission check against the policy (deny by default),
// CSRF check for cookie-authenticated writes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import '../http/fastify-types.ts';
import { AUTHENTICATED, can, PUBLIC } from './policy.ts';
import { csrfTokenValid } from './session-store.ts';

export const SESSION_COOKIE = 'hotline_sid';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function sessionFromRequest(app: FastifyInstance, req: FastifyRequest) {
  return app.sessions.get(req.cookies[SESSION_COOKIE]);
}

export const authPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate('routeCatalog', []);
    app.decorateRequest('session', null);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const m of methods) {
        if (m === 'HEAD' && route.exposeHeadRoute === undefined && methods.length === 1) continue;
        // Read lazily: plugins registered later (e.g. the docs UI) may still set the permission.
        app.routeCatalog.push({
          method: m,
          url: route.url,
          get permission() {
            return route.config?.permission;
          },
        });
      }
    });
    app.addHook('onRequest', async (req) => {
      if (!req.routeOptions.url) return; // 404: handled by the not-found handler
      const permission = req.routeOptions.config.permission;
      req.session = await sessionFromRequest(app, req);
      if (permission === PUBLIC) return;
      if (permission === undefined) {
        req.log.error({ url: req.routeOptions.url }, 'route declares no permission: denied');
        throw new AppError('FORBIDDEN');
      }
      if (!req.session) throw new AppError('UNAUTHENTICATED');
      if (permission !== AUTHENTICATED && !can(req.session.user.roles, permission))
        throw new AppError('FORBIDDEN');
      if (!SAFE_METHODS.has(req.method)) {
        const token = req.headers[CSRF_HEADER];
        if (!csrfTokenValid(req.session, Array.isArray(token) ? token[0] : token))
          throw new AppError('CSRF_INVALID');
      }
    });
  },
  { name: 'hotline-auth', dependencies: ['@fastify/cookie'] },
);
