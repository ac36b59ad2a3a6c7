// The signed-in session of a request, for route handlers behind the global auth hook.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Session } from './session-store.ts';

/** The request's session; UNAUTHENTICATED (401) when there is none. */
export function requireSession(req: FastifyRequest): Session {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  return req.session;
}

/** The signed-in user of the request. */
export function requireUser(req: FastifyRequest): Session['user'] {
  return requireSession(req).user;
}
