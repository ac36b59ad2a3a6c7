// Event stream contract. Every change the ACD makes appends one entry to the Redis Stream
// `<prefix>:events`; all fields are strings in Redis and are parsed into these shapes by
// readEvents(). Times are epoch milliseconds.

import type { AgentState } from '../domain/agent-state.ts';
import type { CallKind } from '../domain/call-state.ts';
import type { Priority } from '../domain/priority.ts';

export const EVENT_TYPES = [
  'call.enqueued',
  'call.offered',
  'call.offer-rejected',
  'call.offer-expired',
  'call.answered',
  'call.abandoned',
  'call.callback-requested',
  'call.held',
  'call.resumed',
  'call.ended',
  'call.requeued',
  'agent.state',
] as const;
export type AcdEventType = (typeof EVENT_TYPES)[number];

interface Base {
  /** Stream entry id (e.g. "1764365212345-0"). */
  id: string;
  type: AcdEventType;
  /** When it happened (the ACD clock, ms). */
  ts: number;
}

/** Fields present on every call.* event. */
export interface CallFields {
  callId: string;
  queue: string;
  priority: Priority;
  kind: CallKind;
  callerNumber: string;
  /** When the call entered the queue (ms) — metrics attribute call outcomes to this interval. */
  arrivedAt: number;
}

export interface CallEnqueuedEvent extends Base, CallFields {
  type: 'call.enqueued';
  /** Required skills, canonical "name=minLevel,…". */
  skills: string;
  position: number;
}
export interface CallOfferedEvent extends Base, CallFields {
  type: 'call.offered';
  agentId: string;
  offerId: string;
  expiresAt: number;
  /** Set for callback tasks: the number the agent must dial. */
  callbackNumber?: string;
}
export interface CallOfferEndedEvent extends Base, CallFields {
  type: 'call.offer-rejected' | 'call.offer-expired';
  agentId: string;
  offerId: string;
}
export interface CallAnsweredEvent extends Base, CallFields {
  type: 'call.answered';
  agentId: string;
  offerId: string;
  /** Time from arrival to this answer. */
  waitMs: number;
  /** 1 on the call's first answer, 0 when it is answered again after a requeue. */
  first: 0 | 1;
}
export interface CallAbandonedEvent extends Base, CallFields {
  type: 'call.abandoned';
  waitMs: number;
  /** "waiting" or "offered" (hung up while an agent's phone was ringing). */
  phase: 'waiting' | 'offered';
  agentId?: string;
}
export interface CallCallbackEvent extends Base, CallFields {
  type: 'call.callback-requested';
  callbackNumber: string;
  waitMs: number;
}
export interface CallHoldEvent extends Base, CallFields {
  type: 'call.held' | 'call.resumed';
  agentId: string;
}
export interface CallEndedEvent extends Base, CallFields {
  type: 'call.ended';
  agentId: string;
  talkMs: number;
  holdMs: number;
  by: 'agent' | 'caller' | 'system';
}
export interface CallRequeuedEvent extends Base, CallFields {
  type: 'call.requeued';
  agentId: string;
  reason: string;
}
export interface AgentStateEvent extends Base {
  type: 'agent.state';
  agentId: string;
  state: AgentState;
  prevState: AgentState;
  /** When prevState began; durationMs = ts − since. */
  since: number;
  durationMs: number;
  reason: string;
  missed: number;
  /** When leaving wrap-up (or on-call): the call and its queue/arrival, for AHT attribution. */
  callId?: string;
  queue?: string;
  arrivedAt?: number;
}

export type AcdEvent =
  | CallEnqueuedEvent
  | CallOfferedEvent
  | CallOfferEndedEvent
  | CallAnsweredEvent
  | CallAbandonedEvent
  | CallCallbackEvent
  | CallHoldEvent
  | CallEndedEvent
  | CallRequeuedEvent
  | AgentStateEvent;
