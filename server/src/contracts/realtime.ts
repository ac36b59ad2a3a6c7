// Type-only contract of the socket.io channels (path /socket.io, cookie session).
//   namespace '/agent'     (permission agent.use)      — the signed-in agent's own state, offers, call events
//   namespace '/wallboard' (permission wallboard.view) — per-queue live metrics
// Connection errors: `connect_error` with `err.data.code` = UNAUTHENTICATED | FORBIDDEN.

export type AgentStateName = 'offline' | 'not-ready' | 'ready' | 'reserved' | 'on-call' | 'wrap-up';

/** Every push carries the id and time of the queue event that caused it (latency is measurable). */
export interface Cause {
  eventId: string;
  eventTs: number;
}

export interface AgentStatePush {
  agentId: string;
  state: AgentStateName;
  /** not-ready reason (示忙原因) */
  reason: string;
  since: number;
  callId: string | null;
  /** In 整理 (wrap-up): when the queue's wrap-up timer returns the agent to ready (ms); else null. */
  wrapUpEndsAt: number | null;
  cause: Cause | null;
}

export interface OfferPush {
  offerId: string;
  callId: string;
  queue: string;
  priority: string;
  kind: 'inbound' | 'callback';
  /** Masked (138****5678); unmask through the audited API. */
  callerNumber: string;
  expiresAt: number;
  cause: Cause;
}

export interface CallEventPush {
  type:
    | 'call.answered'
    | 'call.offer-rejected'
    | 'call.offer-expired'
    | 'call.abandoned'
    | 'call.held'
    | 'call.resumed'
    | 'call.ended'
    | 'call.requeued';
  callId: string;
  queue: string;
  cause: Cause;
}

export interface SetAgentStateRequest {
  state: 'ready' | 'not-ready';
  reason?: string;
}

export type Ack<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface AgentServerToClient {
  'agent:state': (p: AgentStatePush) => void;
  'agent:offer': (p: OfferPush) => void;
  'agent:call': (p: CallEventPush) => void;
}
export interface AgentClientToServer {
  'agent:set-state': (req: SetAgentStateRequest, ack: (r: Ack<AgentStatePush>) => void) => void;
}

export interface WallboardQueue {
  queue: string;
  waiting: number;
  longestWaitSec: number;
  /** Current interval: answered within the SL threshold ÷ offered (null: no calls yet). */
  serviceLevel: number | null;
  serviceLevelSec: number;
  /** 接通率 over the last 24 h, and the regulation's target (≥ 95%). */
  answerRate24h: number | null;
  answerRateTarget: number;
  answerRateMet: boolean | null;
  offered24h: number;
  answered24h: number;
  /** Abandonment share over the last 24 h (queue package's abandonRate: short abandons excluded). */
  abandonRate24h: number | null;
  agentsByState: Record<AgentStateName, number>;
  /** Agents in any state but offline. */
  agentsLoggedIn: number;
  /** From the queue package's staffing maths (Erlang) for the last hour's load; null when unknown. */
  agentsNeeded: number | null;
}

/** A signed-in agent on the wallboard, with the time its current state began (ms). */
export interface WallboardAgent {
  id: string;
  name: string;
  state: AgentStateName;
  since: number;
}

/** One 5-minute interval of the 2-hour chart (all queues; calls by arrival time). */
export interface WallboardInterval {
  start: number;
  offered: number;
  answered: number;
  abandoned: number;
}

export interface WallboardSnapshot {
  at: number;
  queues: WallboardQueue[];
  agents: WallboardAgent[];
  /** The last 24 intervals of 5 minutes, oldest first, ending with the current one. */
  intervals: WallboardInterval[];
}

/** Between snapshots: the live part of one queue, pushed as soon as a queue event changes it. */
export interface WallboardLive {
  queue: string;
  waiting: number;
  longestWaitSec: number;
  agentsByState: Record<AgentStateName, number>;
  agentsLoggedIn: number;
  cause: Cause;
}

export interface WallboardServerToClient {
  'wallboard:snapshot': (s: WallboardSnapshot) => void;
  'wallboard:live': (l: WallboardLive) => void;
}
