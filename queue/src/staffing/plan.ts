// "How many agents for ≥ 95 % answered and 80 % within 15 s at this load?" — the smallest N meeting
// both targets under Erlang A (callers abandon), with the Erlang C answer (no abandonment) beside it.

import { AcdError } from '../errors.ts';
import { type ErlangAResult, erlangA } from './erlang-a.ts';
import { type ErlangCResult, erlangC, offeredLoad } from './erlang-c.ts';

export interface StaffingQuestion {
  callsPerHour: number;
  ahtSec: number;
  patienceSec: number;
  /** Required answered ÷ offered, e.g. 0.95. */
  answerTarget: number;
  slSec: number;
  /** Required answered within slSec ÷ offered, e.g. 0.8. */
  slTarget: number;
}

export interface StaffingPlan {
  /** Agents needed (Erlang A). */
  agents: number;
  offeredLoad: number;
  /** Erlang C: agents needed for the service-level target if nobody abandoned, and its figures. */
  erlangC: ErlangCResult;
  /** Erlang A figures at `agents`. */
  erlangA: Omit<ErlangAResult, 'agents' | 'offeredLoad'>;
}

const MAX_AGENTS = 100_000;

function check(q: StaffingQuestion): void {
  const positive = ['callsPerHour', 'ahtSec', 'patienceSec', 'slSec'] as const;
  for (const k of positive) {
    if (!Number.isFinite(q[k]) || q[k] <= 0)
      throw new AcdError('INVALID_INPUT', { field: k, problem: 'must be > 0' });
  }
  for (const k of ['answerTarget', 'slTarget'] as const) {
    if (!Number.isFinite(q[k]) || q[k] <= 0 || q[k] >= 1) {
      throw new AcdError('INVALID_INPUT', { field: k, problem: 'must be between 0 and 1 (exclusive)' });
    }
  }
  if (offeredLoad(q) > MAX_AGENTS / 2) throw new AcdError('INVALID_INPUT', { problem: 'load too large' });
}

export function planStaffing(q: StaffingQuestion): StaffingPlan {
  check(q);
  const a = offeredLoad(q);
  let n = Math.max(1, Math.floor(a));
  let ea = erlangA({ ...q, agents: n });
  while (!(ea.answerRate >= q.answerTarget && ea.serviceLevel >= q.slTarget)) {
    n += 1;
    if (n > MAX_AGENTS) throw new AcdError('INVALID_INPUT', { problem: 'targets not reachable' });
    ea = erlangA({ ...q, agents: n });
  }
  let nc = Math.floor(a) + 1;
  let ec = erlangC({ ...q, agents: nc });
  while (ec.serviceLevel < q.slTarget) {
    nc += 1;
    ec = erlangC({ ...q, agents: nc });
  }
  const { agents: _n, offeredLoad: _a, ...rest } = ea;
  return { agents: n, offeredLoad: a, erlangC: ec, erlangA: rest };
}
