// THE metric definitions, part 1: which event increments which interval counter.
// The same rule table drives the live counters (compiled into the Lua scripts by redis/prelude.ts)
// and the recomputation from the event stream (metrics/recompute.ts), so both give identical numbers.
//
// Call outcomes are attributed to the interval in which the call ARRIVED (cohort counting), so
// "answered ÷ offered" for an interval compares the same calls. Agent state time is split exactly
// across interval boundaries.

import { AGENT_STATES, type AgentState } from '../domain/agent-state.ts';
import type { AcdEventType } from '../events/types.ts';

export const QUEUE_COUNTERS = [
  'entered',
  'callbacks',
  'answered',
  'answeredInSL',
  'waitAnsweredMs',
  'abandoned',
  'shortAbandoned',
  'abandonWaitMs',
  'callbacksHandled',
  'handled',
  'talkMs',
  'holdMs',
  'wrapMs',
] as const;
export type QueueCounter = (typeof QUEUE_COUNTERS)[number];
export type QueueCounters = Record<QueueCounter, number>;

/** Agent time per state (ms), summed over all agents; offline time is not counted. */
export type AgentTimeCounters = Record<Exclude<AgentState, 'offline'>, number>;
export const TIMED_AGENT_STATES = AGENT_STATES.filter((s) => s !== 'offline') as Exclude<
  AgentState,
  'offline'
>[];

export interface Condition {
  field: string;
  op: 'eq' | 'lt' | 'le';
  value: string | number;
}

export interface CounterRule {
  event: AcdEventType;
  counter: QueueCounter;
  /** 1, or the name of a numeric event field to add. */
  add: 1 | string;
  when: Condition[];
}

export interface RuleParams {
  serviceLevelSec: number;
  shortAbandonSec: number;
}

export function counterRules(p: RuleParams): CounterRule[] {
  const inbound: Condition = { field: 'kind', op: 'eq', value: 'inbound' };
  const first: Condition = { field: 'first', op: 'eq', value: '1' };
  return [
    { event: 'call.enqueued', counter: 'entered', add: 1, when: [] },
    { event: 'call.callback-requested', counter: 'callbacks', add: 1, when: [] },
    { event: 'call.answered', counter: 'answered', add: 1, when: [inbound, first] },
    { event: 'call.answered', counter: 'waitAnsweredMs', add: 'waitMs', when: [inbound, first] },
    {
      event: 'call.answered',
      counter: 'answeredInSL',
      add: 1,
      when: [inbound, first, { field: 'waitMs', op: 'le', value: p.serviceLevelSec * 1000 }],
    },
    {
      event: 'call.answered',
      counter: 'callbacksHandled',
      add: 1,
      when: [{ field: 'kind', op: 'eq', value: 'callback' }, first],
    },
    { event: 'call.abandoned', counter: 'abandoned', add: 1, when: [] },
    { event: 'call.abandoned', counter: 'abandonWaitMs', add: 'waitMs', when: [] },
    {
      event: 'call.abandoned',
      counter: 'shortAbandoned',
      add: 1,
      when: [{ field: 'waitMs', op: 'lt', value: p.shortAbandonSec * 1000 }],
    },
    { event: 'call.ended', counter: 'handled', add: 1, when: [] },
    { event: 'call.ended', counter: 'talkMs', add: 'talkMs', when: [] },
    { event: 'call.ended', counter: 'holdMs', add: 'holdMs', when: [] },
    {
      event: 'agent.state',
      counter: 'wrapMs',
      add: 'durationMs',
      when: [{ field: 'prevState', op: 'eq', value: 'wrap-up' }],
    },
  ];
}

/** Evaluates a rule against an event's raw string fields (exactly what the Lua side does). */
export function ruleMatches(rule: CounterRule, fields: Readonly<Record<string, string>>): boolean {
  if (fields.type !== rule.event) return false;
  if (fields.queue === undefined || fields.arrivedAt === undefined) return false;
  return rule.when.every((c) => {
    const v = fields[c.field];
    if (v === undefined) return false;
    if (c.op === 'eq') return v === String(c.value);
    const n = Number(v);
    return c.op === 'lt' ? n < Number(c.value) : n <= Number(c.value);
  });
}

export function ruleAmount(rule: CounterRule, fields: Readonly<Record<string, string>>): number {
  return rule.add === 1 ? 1 : Number(fields[rule.add] ?? 0);
}

export function bucketStart(ts: number, bucketMs: number): number {
  return Math.floor(ts / bucketMs) * bucketMs;
}

/** Splits the interval [from, to) at bucket boundaries: [bucketStart, ms][] */
export function splitByBucket(from: number, to: number, bucketMs: number): [number, number][] {
  const out: [number, number][] = [];
  let t = from;
  while (t < to) {
    const b = bucketStart(t, bucketMs);
    const end = Math.min(to, b + bucketMs);
    out.push([b, end - t]);
    t = end;
  }
  return out;
}

export function emptyQueueCounters(): QueueCounters {
  return Object.fromEntries(QUEUE_COUNTERS.map((c) => [c, 0])) as QueueCounters;
}

export function emptyAgentTime(): AgentTimeCounters {
  return Object.fromEntries(TIMED_AGENT_STATES.map((s) => [s, 0])) as AgentTimeCounters;
}
