// The public interface of a call distributor instance (see createAcd in acd/create-acd.ts).

import type { AcdConfig } from '../config.ts';
import type { AgentState } from '../domain/agent-state.ts';
import type { AcdEvent } from '../events/types.ts';
import type { QueueMetrics } from '../metrics/formulas.ts';
import type { AgentTimeCounters, QueueCounters } from '../metrics/rules.ts';
import type {
  AgentLoginInput,
  AgentView,
  CallView,
  EnqueueCallInput,
  EnqueueResult,
  Offer,
  PositionInfo,
  QueueSnapshot,
  StepResult,
  TickResult,
} from '../types.ts';

export interface IntervalMetrics {
  queue: string;
  /** [from, to) in ms, aligned to interval buckets. */
  from: number;
  to: number;
  counters: QueueCounters;
  metrics: QueueMetrics;
}

export interface LiveMetrics {
  queue: string;
  waiting: number;
  longestWaitMs: number;
  agentsByState: Record<AgentState, number>;
}

export interface AcdMetricsApi {
  /** Counters of the buckets starting in [fromMs, toMs). */
  counters(queue: string, fromMs: number, toMs: number): Promise<QueueCounters>;
  /** The interval (bucket) containing atMs (default: now). */
  interval(queue: string, atMs?: number): Promise<IntervalMetrics>;
  range(queue: string, fromMs: number, toMs: number): Promise<IntervalMetrics>;
  /** The 24 h ending with the current interval. */
  rolling24h(queue: string, nowMs?: number): Promise<IntervalMetrics>;
  /** Agent time by state and occupancy over [fromMs, toMs). */
  agentTime(fromMs: number, toMs: number): Promise<{ time: AgentTimeCounters; occupancy: number | null }>;
  live(queue: string, nowMs?: number): Promise<LiveMetrics>;
}

export interface ReadEventsOptions {
  group: string;
  consumer: string;
  /** Max entries per read (default 100). */
  count?: number;
  /** Block up to this long for new entries (default: don't block). */
  blockMs?: number;
  /** Where a newly created group starts: "0" (whole stream, default) or "$" (only new events). */
  startId?: string;
  /** ">" (default): new entries; "0": this consumer's pending (unacknowledged) entries. */
  cursor?: '>' | '0';
}

export interface Acd {
  readonly prefix: string;
  readonly config: AcdConfig;
  /** The Redis Stream key of the event stream. */
  readonly eventsKey: string;

  agentLogin(agentId: string, input: AgentLoginInput): Promise<AgentView>;
  /** From ready/not-ready/wrap-up/reserved (a pending offer goes back to the head of its queue). */
  agentLogout(agentId: string): Promise<StepResult<AgentView>>;
  /** 示闲. May immediately reserve a waiting call for the agent (returned and announced as call.offered). */
  setReady(agentId: string): Promise<StepResult<AgentView>>;
  /** 示忙 with a reason (break, training, after-call work, …). */
  setNotReady(agentId: string, reason: string): Promise<AgentView>;

  enqueueCall(input: EnqueueCallInput): Promise<EnqueueResult>;
  /** The agent accepted the offer. Repeating it for the same agent is harmless (idempotent). */
  answer(callId: string, agentId: string): Promise<CallView>;
  /** The agent declined: call back to the head of its queue, agent ready at the back of the idle line. */
  reject(callId: string, agentId: string): Promise<StepResult<CallView>>;
  /** The caller hung up while waiting or while being offered. */
  abandon(callId: string): Promise<StepResult<CallView>>;
  hold(callId: string): Promise<CallView>;
  resume(callId: string): Promise<CallView>;
  /** The conversation ended; the agent goes to wrap-up (整理) for config.wrapUpSec. */
  endCall(callId: string, by?: 'agent' | 'caller' | 'system'): Promise<StepResult<CallView>>;
  /** The caller asked to be called back: keeps the place in the queue; when its turn comes it is
   *  offered to an agent as an outbound task (kind "callback", callbackNumber set). */
  requestCallback(callId: string, callbackNumber: string): Promise<CallView>;
  /** The agent vanished mid-offer or mid-call: the call goes back to the head of its queue and the
   *  agent becomes not-ready ("connection-lost"). */
  requeueToHead(callId: string, reason?: string): Promise<StepResult<CallView>>;

  /** Expires due offers and ends due wrap-ups (any instance may run it; it is atomic). */
  tick(nowMs?: number): Promise<TickResult>;
  /** Runs tick() every config.sweepIntervalMs; returns a stop function. */
  startSweeper(onError?: (e: unknown) => void): () => void;

  getAgent(agentId: string): Promise<AgentView | null>;
  getCall(callId: string): Promise<CallView | null>;
  listAgents(): Promise<AgentView[]>;
  listQueues(): Promise<string[]>;
  queueSnapshot(queue: string, nowMs?: number): Promise<QueueSnapshot>;
  position(callId: string): Promise<PositionInfo>;

  metrics: AcdMetricsApi;

  /** Consumer-group read of the event stream (creates the group on first use). */
  readEvents(opts: ReadEventsOptions): Promise<AcdEvent[]>;
  ackEvents(group: string, ids: string[]): Promise<number>;
  /** Plain range read (XRANGE) of the event stream, oldest first. */
  readEventRange(fromId?: string, toId?: string, count?: number): Promise<AcdEvent[]>;

  /** Stops sweepers and closes the extra connection used by blocking reads (not the given client). */
  close(): Promise<void>;
}

export type { Offer };
