// Pure: the wallboard's per-queue figures from the queue package's metric readings.
// (The metric definitions themselves live in @hotline/queue; this only selects and combines them.)
import type { IntervalMetrics, LiveMetrics, StaffingQuestion } from '@hotline/queue';
import type { AgentStateName, WallboardQueue } from '../contracts/realtime.ts';

export interface WallboardInputs {
  live: LiveMetrics;
  interval: IntervalMetrics;
  day: IntervalMetrics;
  lastHour: IntervalMetrics;
  agentsNeeded: number | null;
  answerRateTarget: number;
  serviceLevelSec: number;
}

export function loggedIn(byState: Record<AgentStateName, number>): number {
  return Object.entries(byState).reduce((n, [s, c]) => (s === 'offline' ? n : n + c), 0);
}

export function wallboardQueue(i: WallboardInputs): WallboardQueue {
  const byState = i.live.agentsByState as Record<AgentStateName, number>;
  const rate = i.day.metrics.answerRate;
  return {
    queue: i.live.queue,
    waiting: i.live.waiting,
    longestWaitSec: Math.round(i.live.longestWaitMs / 1000),
    serviceLevel: i.interval.metrics.serviceLevel,
    serviceLevelSec: i.serviceLevelSec,
    answerRate24h: rate,
    answerRateTarget: i.answerRateTarget,
    answerRateMet: rate === null ? null : rate >= i.answerRateTarget,
    offered24h: i.day.metrics.offered,
    answered24h: i.day.metrics.answered,
    abandonRate24h: i.day.metrics.abandonRate,
    agentsByState: byState,
    agentsLoggedIn: loggedIn(byState),
    agentsNeeded: i.agentsNeeded,
  };
}

/** The staffing question for the last hour's load; null when there is no load to size for. */
export function staffingQuestion(
  lastHour: IntervalMetrics,
  day: IntervalMetrics,
  o: {
    answerTarget: number;
    slSec: number;
    slTarget: number;
    defaultAhtSec: number;
    defaultPatienceSec: number;
  },
): StaffingQuestion | null {
  const callsPerHour = lastHour.metrics.offered;
  if (callsPerHour <= 0) return null;
  const ahtSec = lastHour.metrics.ahtSec ?? day.metrics.ahtSec ?? o.defaultAhtSec;
  const c = day.counters;
  const patienceSec =
    c.abandoned > 0 ? Math.max(5, c.abandonWaitMs / c.abandoned / 1000) : o.defaultPatienceSec;
  return {
    callsPerHour,
    ahtSec,
    patienceSec,
    answerTarget: o.answerTarget,
    slSec: o.slSec,
    slTarget: o.slTarget,
  };
}
