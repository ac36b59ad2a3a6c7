// Reads the live interval counters kept by the Lua scripts and applies the metric formulas.

import type { Redis } from 'ioredis';
import type { AcdConfig } from '../config.ts';
import { AGENT_STATES, type AgentState } from '../domain/agent-state.ts';
import { occupancy, queueMetrics } from '../metrics/formulas.ts';
import {
  type AgentTimeCounters,
  bucketStart,
  emptyAgentTime,
  emptyQueueCounters,
  QUEUE_COUNTERS,
  type QueueCounters,
  TIMED_AGENT_STATES,
} from '../metrics/rules.ts';
import type { AcdMetricsApi, IntervalMetrics } from './acd.ts';
import type { Keys } from './keys.ts';
import { checkQueue } from './validate.ts';

const DAY_MS = 86_400_000;

export function createMetricsApi(
  redis: Redis,
  keys: Keys,
  config: AcdConfig,
  clock: () => number,
): AcdMetricsApi {
  const bucketMs = config.bucketMinutes * 60_000;

  async function buckets(fromMs: number, toMs: number): Promise<Record<string, string>[]> {
    const p = redis.pipeline();
    for (let b = bucketStart(fromMs, bucketMs); b < toMs; b += bucketMs) p.hgetall(keys.metrics(b));
    const res = (await p.exec()) ?? [];
    return res.map(([err, h]) => {
      if (err) throw err;
      return h as Record<string, string>;
    });
  }

  async function counters(queue: string, fromMs: number, toMs: number): Promise<QueueCounters> {
    checkQueue(queue);
    const c = emptyQueueCounters();
    for (const h of await buckets(fromMs, toMs)) {
      for (const name of QUEUE_COUNTERS) c[name] += Number(h[`${queue}|${name}`] ?? 0);
    }
    return c;
  }

  async function range(queue: string, fromMs: number, toMs: number): Promise<IntervalMetrics> {
    const from = bucketStart(fromMs, bucketMs);
    const c = await counters(queue, from, toMs);
    return { queue, from, to: Math.ceil(toMs / bucketMs) * bucketMs, counters: c, metrics: queueMetrics(c) };
  }

  return {
    counters,
    range,
    interval(queue, atMs = clock()) {
      const from = bucketStart(atMs, bucketMs);
      return range(queue, from, from + bucketMs);
    },
    rolling24h(queue, nowMs = clock()) {
      const to = bucketStart(nowMs, bucketMs) + bucketMs;
      return range(queue, to - DAY_MS, to);
    },
    async agentTime(fromMs, toMs) {
      const time: AgentTimeCounters = emptyAgentTime();
      for (const h of await buckets(fromMs, toMs)) {
        for (const s of TIMED_AGENT_STATES) time[s] += Number(h[`*|agent:${s}`] ?? 0);
      }
      return { time, occupancy: occupancy(time) };
    },
    async live(queue, nowMs = clock()) {
      checkQueue(queue);
      const [waiting, oldest, ids] = await Promise.all([
        redis.zcard(keys.queue(queue)),
        redis.zrange(keys.arrivals(queue), 0, 0, 'WITHSCORES'),
        redis.smembers(keys.agents),
      ]);
      const agentsByState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
      if (ids.length > 0) {
        const p = redis.pipeline();
        for (const id of ids) p.hget(keys.agent(id), 'state');
        for (const [, s] of (await p.exec()) ?? []) {
          const st = (s as AgentState | null) ?? 'offline';
          agentsByState[st] += 1;
        }
      }
      const longestWaitMs = oldest[1] === undefined ? 0 : Math.max(0, nowMs - Number(oldest[1]));
      return { queue, waiting, longestWaitMs, agentsByState };
    },
  };
}
