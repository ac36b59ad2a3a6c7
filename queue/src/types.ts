// Public data shapes of the call distributor.

import type { AgentState } from './domain/agent-state.ts';
import type { CallKind, CallState } from './domain/call-state.ts';
import type { Priority } from './domain/priority.ts';
import type { SkillLevels } from './domain/skills.ts';

export interface AgentLoginInput {
  name: string;
  /** e.g. { 'lang:mandarin': 5, 'lang:tibetan-khams': 3, 'topic:enterprise': 2 } (levels 1..10). */
  skills: Record<string, number>;
  /** Per-agent offer (ringing) timeout; defaults to config.offerTimeoutSec. */
  offerTimeoutMs?: number;
  /** Queues this agent serves; omitted or empty = every queue. */
  queues?: string[];
}

export interface AgentView {
  agentId: string;
  name: string;
  state: AgentState;
  /** not-ready reason (示忙原因): "login", "break", "training", "missed-offers", "connection-lost", … */
  reason: string;
  skills: SkillLevels;
  queues: string[];
  offerTimeoutMs: number;
  /** Consecutive missed offers. */
  missed: number;
  /** When the current state began (ms). */
  since: number;
  /** Ready agents: when they became idle (longest idle is offered first). */
  idleSince: number | null;
  /** The call this agent is reserved for / talking on / wrapping up. */
  callId: string | null;
  offerId: string | null;
  /** Wrap-up ends at (ms) while in wrap-up. */
  wrapUpEndsAt: number | null;
}

export interface EnqueueCallInput {
  callId: string;
  queue: string;
  priority?: Priority;
  /** Required skills: names (min level 1) or name → minimum level. */
  skills?: string[] | Record<string, number>;
  callerNumber: string;
  /** Free-form data echoed on getCall (e.g. SIP Call-ID, IVR choices). Not put on events. */
  meta?: Record<string, string>;
}

export interface CallView {
  callId: string;
  queue: string;
  priority: Priority;
  kind: CallKind;
  state: CallState;
  skills: SkillLevels;
  callerNumber: string;
  callbackNumber: string | null;
  arrivedAt: number;
  agentId: string | null;
  offerId: string | null;
  offerExpiresAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  /** Time waited so far (waiting/offered) or until answer/abandon. */
  waitedMs: number;
  meta: Record<string, string>;
}

/** An offer (reservation) of a call to an agent; also announced as the call.offered event. */
export interface Offer {
  offerId: string;
  callId: string;
  agentId: string;
  queue: string;
  priority: Priority;
  kind: CallKind;
  callerNumber: string;
  callbackNumber: string | null;
  expiresAt: number;
}

export interface EnqueueResult {
  call: CallView;
  /** 1 = next in line; 0 when offered straight away. */
  position: number;
  estimatedWaitSec: number;
  offer: Offer | null;
}

export interface PositionInfo {
  callId: string;
  position: number;
  estimatedWaitSec: number;
}

/** Result of commands that can free an agent or return a call: the offers the step made. */
export interface StepResult<T> {
  value: T;
  offers: Offer[];
}

export interface TickResult {
  expiredOffers: number;
  wrapUpsEnded: number;
  offers: Offer[];
}

export interface QueueSnapshot {
  queue: string;
  /** Waiting calls (inbound and callback tasks), best first. */
  calls: { callId: string; priority: Priority; kind: CallKind; arrivedAt: number; position: number }[];
  waiting: number;
  longestWaitMs: number;
}
