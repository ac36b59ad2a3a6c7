// What the core adds to fastify's types (decorators, route config). Imported for its side effect.

import type { Acd } from '@hotline/queue';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { RoutePermission } from '../auth/policy.ts';
import type { Session, SessionStore } from '../auth/session-store.ts';
import type { LiveCalendar } from '../calendar/live-calendar.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Realtime } from '../realtime/realtime-plugin.ts';

export interface RouteInfo {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** REQUIRED on every route: a policy permission, 'public' or 'authenticated'. */
    permission?: RoutePermission;
    /** Object type written to the audit log for writes (default: the first path segment after /api). */
    auditObject?: string;
  }
  interface FastifyInstance {
    config: Config;
    db: Kysely<Database>;
    redis: Redis;
    sessions: SessionStore;
    /** The call distributor (@hotline/queue) on this server's Redis. */
    acd: Acd;
    /** socket.io channels (null until the realtime plugin is registered). */
    realtime: Realtime | null;
    metricsRegistry: Registry;
    /** The working calendar every deadline uses, with imported holiday arrangements (calendar plugin). */
    calendar: LiveCalendar;
    /** Every route registered, with its declared permission (the role × route test walks it). */
    routeCatalog: RouteInfo[];
  }
  interface FastifyRequest {
    session: Session | null;
    /** Append to the audit log with this request's actor, IP and request id. */
    audit(
      action: string,
      objectType: string,
      objectId: string | null,
      detail?: Record<string, unknown>,
    ): Promise<void>;
  }
}
