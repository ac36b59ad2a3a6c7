// Queue order: priority first, then time waited, with linear aging so nothing starves.
//
//   rank(call) = arrivedAt − boost(priority)            (lower rank = served first)
//
// A call of priority p is served before an otherwise equal normal call that arrived up to
// boost(p) earlier. Because a waiting call's rank never changes and every later arrival has
// rank ≥ its arrival time − max boost, a call that has waited longer than the largest boost can no
// longer be overtaken by anyone who arrives after that: waits are bounded, no call starves.

export const PRIORITIES = ['urgent', 'elderly', 'normal'] as const;
/** urgent: 特急 (special-urgent), elderly: 老年人/优先 callers, normal: everyone else. */
export type Priority = (typeof PRIORITIES)[number];

export type PriorityBoostSec = Readonly<Record<Priority, number>>;

export function rankOf(arrivedAtMs: number, priority: Priority, boostSec: PriorityBoostSec): number {
  return arrivedAtMs - boostSec[priority] * 1000;
}

/** Rank that puts a returning call at the head of its queue without losing its own earlier place. */
export function headRank(ownRank: number, currentHeadRank: number | null): number {
  return currentHeadRank === null ? ownRank : Math.min(ownRank, currentHeadRank - 1);
}

/** Longest time a call can be overtaken by later arrivals: the largest priority boost. */
export function maxOvertakeSec(boostSec: PriorityBoostSec): number {
  return Math.max(...PRIORITIES.map((p) => boostSec[p]));
}
