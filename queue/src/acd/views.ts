// Converts Redis hashes / script replies into the public view objects.

import type { AgentState } from '../domain/agent-state.ts';
import type { CallKind, CallState } from '../domain/call-state.ts';
import type { Priority } from '../domain/priority.ts';
import { decodeSkills } from '../domain/skills.ts';
import type { AgentView, CallView, Offer } from '../types.ts';

type Hash = Record<string, string>;
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
const str = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

export function agentView(agentId: string, h: Hash): AgentView {
  return {
    agentId,
    name: h.name ?? '',
    state: (h.state ?? 'offline') as AgentState,
    reason: h.reason ?? '',
    skills: decodeSkills(h.skills ?? ''),
    queues: h.queues ? h.queues.split(',') : [],
    offerTimeoutMs: Number(h.offerTimeoutMs ?? 0),
    missed: Number(h.missed ?? 0),
    since: Number(h.since ?? 0),
    idleSince: num(h.idleSince),
    callId: str(h.callId),
    offerId: str(h.offerId),
    wrapUpEndsAt: num(h.wrapUpEndsAt),
  };
}

export function callView(callId: string, h: Hash, now: number): CallView {
  const arrivedAt = Number(h.arrivedAt);
  const answeredAt = num(h.answeredAt);
  const endedAt = num(h.endedAt);
  const until = answeredAt ?? (h.state === 'abandoned' ? endedAt : null) ?? now;
  let meta: Record<string, string> = {};
  try {
    meta = h.meta ? (JSON.parse(h.meta) as Record<string, string>) : {};
  } catch {
    meta = {};
  }
  return {
    callId,
    queue: h.queue ?? '',
    priority: (h.priority ?? 'normal') as Priority,
    kind: (h.kind ?? 'inbound') as CallKind,
    state: h.state as CallState,
    skills: decodeSkills(h.skills ?? ''),
    callerNumber: h.callerNumber ?? '',
    callbackNumber: str(h.callbackNumber),
    arrivedAt,
    agentId: str(h.agentId),
    offerId: str(h.offerId),
    offerExpiresAt: num(h.offerExpiresAt),
    answeredAt,
    endedAt,
    waitedMs: Math.max(0, until - arrivedAt),
    meta,
  };
}

export function offerView(o: Hash): Offer {
  return {
    offerId: o.offerId ?? '',
    callId: o.callId ?? '',
    agentId: o.agentId ?? '',
    queue: o.queue ?? '',
    priority: (o.priority ?? 'normal') as Priority,
    kind: (o.kind ?? 'inbound') as CallKind,
    callerNumber: o.callerNumber ?? '',
    callbackNumber: str(o.callbackNumber),
    expiresAt: Number(o.expiresAt),
  };
}
