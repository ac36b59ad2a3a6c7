// The agent's own queue presence (签入/签出, 示闲/示忙) — every change goes through @hotline/queue.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../auth/require-session.ts';
import { fromJson } from '../db/json-column.ts';
import { AppError } from '../errors.ts';
import { findUserById } from '../users/user-repo.ts';
import { viaAcd } from './acd-errors.ts';
import { agentViewToPush } from './agent-view.ts';
import { changeAgentState, NOT_READY_REASONS } from './change-agent-state.ts';

const tags = ['agent'];
export const AgentStateSchema = Type.Object({
  agentId: Type.String(),
  state: Type.Enum(['offline', 'not-ready', 'ready', 'reserved', 'on-call', 'wrap-up']),
  reason: Type.String(),
  since: Type.Number(),
  callId: Type.Union([Type.String(), Type.Null()]),
  wrapUpEndsAt: Type.Union([Type.Number(), Type.Null()]),
});
const SetStateSchema = Type.Object(
  {
    state: Type.Enum(['ready', 'not-ready']),
    reason: Type.Optional(Type.Enum([...NOT_READY_REASONS])),
  },
  { additionalProperties: false },
);

function userId(req: FastifyRequest): string {
  return requireUser(req).id;
}

export async function agentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const strip = ({ cause: _c, ...rest }: ReturnType<typeof agentViewToPush>) => rest;

  app.get(
    '/api/agent/state',
    {
      config: { permission: 'agent.use' },
      schema: { tags, summary: '坐席状态 My queue state', response: { 200: AgentStateSchema } },
    },
    async (req) => strip(agentViewToPush(await viaAcd(() => app.acd.getAgent(userId(req))), userId(req))),
  );

  app.post(
    '/api/agent/sign-in',
    {
      config: { permission: 'agent.use', auditObject: 'agent' },
      schema: { tags, summary: '签入 Sign in to the queue (not-ready)', response: { 200: AgentStateSchema } },
    },
    async (req) => {
      const id = userId(req);
      const existing = await viaAcd(() => app.acd.getAgent(id));
      if (existing && existing.state !== 'offline') return strip(agentViewToPush(existing, id));
      const u = await findUserById(app.db, id);
      if (!u) throw new AppError('UNAUTHENTICATED');
      const skills = fromJson<Record<string, number>>(u.agent_skills);
      const view = await viaAcd(() =>
        app.acd.agentLogin(id, {
          name: u.display_name,
          skills,
          ...(u.agent_queues.length ? { queues: u.agent_queues } : {}),
        }),
      );
      return strip(agentViewToPush(view, id));
    },
  );

  app.post(
    '/api/agent/sign-out',
    {
      config: { permission: 'agent.use', auditObject: 'agent' },
      schema: { tags, summary: '签出 Sign out of the queue', response: { 200: AgentStateSchema } },
    },
    async (req) => {
      const r = await viaAcd(() => app.acd.agentLogout(userId(req)));
      return strip(agentViewToPush(r.value, userId(req)));
    },
  );

  app.post(
    '/api/agent/state',
    {
      config: { permission: 'agent.use', auditObject: 'agent' },
      schema: {
        tags,
        summary: '示闲/示忙 Set ready / not-ready',
        body: SetStateSchema,
        response: { 200: AgentStateSchema },
      },
    },
    async (req) => strip(await changeAgentState(app.acd, userId(req), req.body)),
  );
}
