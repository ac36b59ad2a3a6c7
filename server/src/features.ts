// Every feature is one fastify plugin; buildApp registers them in this order.
// To add a feature: ONE line here (and its permission table in auth/policy.ts TABLES).
import type { FastifyInstance } from 'fastify';
import { agentRoutes } from './agent/agent-routes.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { calendarRoutes } from './calendar-admin/calendar-routes.ts';
import { callbacksRoutes } from './callbacks/callbacks-routes.ts';
import { callDataRoutes } from './calls/calls-data-routes.ts';
import { callsRoutes } from './history/calls-routes.ts';
import { deadLetterRoutes } from './history/dead-letter-routes.ts';
import { kbPlugin } from './kb/kb-plugin.ts';
import { orgRoutes } from './org/org-routes.ts';
import { wallboardRoutes } from './realtime/wallboard-routes.ts';
import { recordingsRoutes } from './recordings/recordings-routes.ts';
import { systemRoutes } from './system/system-routes.ts';
import { ticketsPlugin } from './tickets/tickets-plugin.ts';
import { usersRoutes } from './users/users-routes.ts';

export interface Feature {
  name: string;
  plugin: (app: FastifyInstance) => Promise<void>;
}

export const FEATURES: Feature[] = [
  { name: 'system', plugin: systemRoutes },
  { name: 'calendar', plugin: calendarRoutes },
  { name: 'auth', plugin: authRoutes },
  { name: 'users', plugin: usersRoutes },
  { name: 'org', plugin: orgRoutes },
  { name: 'audit', plugin: auditRoutes },
  { name: 'agent', plugin: agentRoutes },
  { name: 'wallboard', plugin: wallboardRoutes },
  { name: 'calls', plugin: callsRoutes },
  { name: 'history-dead-letters', plugin: deadLetterRoutes },
  { name: 'call-data', plugin: callDataRoutes },
  { name: 'tickets', plugin: ticketsPlugin },
  { name: 'kb', plugin: kbPlugin },
  { name: 'callbacks', plugin: callbacksRoutes },
  { name: 'recordings', plugin: recordingsRoutes },
];
