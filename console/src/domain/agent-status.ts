// Agent status control (示闲 / 示忙 with reason / 整理 with countdown). Pure: the ACD on the server is
// authoritative; this model says which actions the agent may take and what the countdown shows.
import { ConsoleError } from '../errors.ts';

/** The server's list (server/src/agent/change-agent-state.ts). */
export const NOT_READY_REASONS = [
  'break',
  'meal',
  'meeting',
  'training',
  'after-call-work',
  'other',
] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

export type AgentStatus =
  | { kind: 'offline' }
  | { kind: 'ready'; since: number }
  /** reason: one of NOT_READY_REASONS when the agent chose it, or a server reason (login, missed-offers, …) */
  | { kind: 'not-ready'; reason: string; since: number }
  | { kind: 'reserved'; since: number }
  | { kind: 'on-call'; since: number }
  | { kind: 'wrap-up'; since: number; until: number };

export type AgentAction =
  | { type: 'ready' }
  | { type: 'not-ready'; reason: NotReadyReason }
  | { type: 'extend-wrap-up' };

/** Which status each action may be taken from (示闲 from 示忙/整理, 示忙 from 示闲/整理). */
const ALLOWED: Record<AgentAction['type'], readonly AgentStatus['kind'][]> = {
  ready: ['not-ready', 'wrap-up'],
  'not-ready': ['ready', 'wrap-up', 'not-ready'],
  'extend-wrap-up': ['wrap-up'],
};

export function canDo(status: AgentStatus, action: AgentAction['type']): boolean {
  return ALLOWED[action].includes(status.kind);
}

/** Validates an action before it goes to the server; throws a typed error when illegal. */
export function checkAction(status: AgentStatus, action: AgentAction): AgentAction {
  if (!canDo(status, action.type)) {
    throw new ConsoleError('ILLEGAL_TRANSITION', { from: status.kind, action: action.type });
  }
  if (action.type === 'not-ready' && !NOT_READY_REASONS.includes(action.reason)) {
    throw new ConsoleError('BAD_PAYLOAD', { reason: action.reason });
  }
  return action;
}

/** Whole seconds left in 整理 (never negative); null outside wrap-up. */
export function wrapUpRemaining(status: AgentStatus, now: number): number | null {
  if (status.kind !== 'wrap-up') return null;
  return Math.max(0, Math.ceil((status.until - now) / 1000));
}

/** Seconds in the current state, for the status chip. */
export function secondsInState(status: AgentStatus, now: number): number {
  if (status.kind === 'offline') return 0;
  return Math.max(0, Math.floor((now - status.since) / 1000));
}

/** i18n key of the status label. */
export function statusLabelKey(status: AgentStatus): string {
  return `status.${status.kind}`;
}

/** Parses the server's agent view (queue's AgentView: state, reason, since, wrapUpEndsAt); unknown → typed error. */
export function parseAgentStatus(raw: unknown): AgentStatus {
  const r = raw as Record<string, unknown> | null;
  const kind = r?.kind ?? r?.state;
  const since = typeof r?.since === 'number' ? r.since : Date.now();
  switch (kind) {
    case 'offline':
      return { kind: 'offline' };
    case 'ready':
      return { kind: 'ready', since };
    case 'not-ready': {
      const reason = typeof r?.reason === 'string' && r.reason ? r.reason : 'other';
      return { kind: 'not-ready', reason, since };
    }
    case 'reserved':
      return { kind: 'reserved', since };
    case 'on-call':
      return { kind: 'on-call', since };
    case 'wrap-up': {
      const end = r?.until ?? r?.wrapUpEndsAt;
      return { kind: 'wrap-up', since, until: typeof end === 'number' ? end : since };
    }
    default:
      throw new ConsoleError('BAD_PAYLOAD', { what: 'agent status', kind: String(kind) });
  }
}
