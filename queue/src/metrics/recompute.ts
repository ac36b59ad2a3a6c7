// Rebuilds the interval counters from the event stream with the same rule table the live Lua side
// uses (metrics/rules.ts). A test proves both give identical numbers.

import { rawFields } from '../events/parse.ts';
import type { AcdEvent } from '../events/types.ts';
import {
  type AgentTimeCounters,
  bucketStart,
  type CounterRule,
  emptyAgentTime,
  emptyQueueCounters,
  type QueueCounters,
  ruleAmount,
  ruleMatches,
  splitByBucket,
} from './rules.ts';

export interface RecomputedCounters {
  /** bucketStart → queue → counters */
  queues: Map<number, Map<string, QueueCounters>>;
  /** bucketStart → agent time by state */
  agents: Map<number, AgentTimeCounters>;
}

export function recomputeFromEvents(events: Iterable<AcdEvent>, rules: CounterRule[], bucketMs: number) {
  const out: RecomputedCounters = { queues: new Map(), agents: new Map() };
  for (const e of events) {
    const f = rawFields(e);
    for (const rule of rules) {
      if (!ruleMatches(rule, f)) continue;
      const b = bucketStart(Number(f.arrivedAt), bucketMs);
      const byQueue = out.queues.get(b) ?? new Map<string, QueueCounters>();
      out.queues.set(b, byQueue);
      const c = byQueue.get(f.queue!) ?? emptyQueueCounters();
      byQueue.set(f.queue!, c);
      c[rule.counter] += ruleAmount(rule, f);
    }
    if (e.type === 'agent.state' && e.prevState !== 'offline') {
      for (const [b, ms] of splitByBucket(e.since, e.ts, bucketMs)) {
        const t = out.agents.get(b) ?? emptyAgentTime();
        out.agents.set(b, t);
        t[e.prevState] += ms;
      }
    }
  }
  return out;
}
