// Shift-lead wallboard model: tiles with target colours, 2-hour chart by 5-minute interval, alerts.
// The metric values themselves come from the server (queue's metric definitions); this file only
// arranges, colours and trends them.

export interface QueueMetrics {
  queue: string;
  name?: string;
  waiting: number;
  longestWaitSec: number;
  /** share answered within the service-level threshold (0..1), null when nothing offered */
  serviceLevel: number | null;
  answerRate24h: number | null;
  abandonRate24h: number | null;
  agentsNeeded: number;
  agentsLoggedIn: number;
  specialUrgentWaiting: number;
  /** agents per state when the server sends counts only */
  stateCounts?: Record<string, number>;
}

export interface AgentRow {
  id: string;
  name: string;
  state: string;
  since: number;
}

export interface IntervalPoint {
  start: number;
  offered: number;
  answered: number;
  abandoned: number;
}

export interface WallboardSnapshot {
  at: number;
  queues: QueueMetrics[];
  /** named agents with time in state (absent when the server sends counts only) */
  agents?: AgentRow[];
  /** 5-minute history (absent when the server does not send it: the chart is then not shown) */
  intervals?: IntervalPoint[];
}

export const INTERVAL_MS = 5 * 60 * 1000;
export const CHART_BINS = 24; // 2 hours
export const TREND_BINS = 6; // last 30 minutes

export type Level = 'ok' | 'warn' | 'bad' | 'none';

export function rateLevel(rate: number | null, target: number): Level {
  if (rate === null) return 'none';
  if (rate >= target) return 'ok';
  return rate >= target - 0.05 ? 'warn' : 'bad';
}

export function staffingLevel(q: Pick<QueueMetrics, 'agentsNeeded' | 'agentsLoggedIn'>): Level {
  if (q.agentsNeeded <= 0) return 'none';
  return q.agentsLoggedIn >= q.agentsNeeded ? 'ok' : 'bad';
}

/** Abandonment is bad above the share the answer-rate target leaves (1 − 95%). */
export function abandonLevel(rate: number | null, answerTarget: number): Level {
  if (rate === null) return 'none';
  return rate > 1 - answerTarget ? 'bad' : 'ok';
}

export function waitLevel(longestWaitSec: number, serviceLevelSec: number): Level {
  if (longestWaitSec <= 0) return 'none';
  if (longestWaitSec <= serviceLevelSec) return 'ok';
  return longestWaitSec <= serviceLevelSec * 4 ? 'warn' : 'bad';
}

/** 24 bins of 5 minutes ending with the bin containing `now`; missing bins are zero. */
export function chartBins(points: readonly IntervalPoint[], now: number): IntervalPoint[] {
  const lastStart = Math.floor(now / INTERVAL_MS) * INTERVAL_MS;
  const firstStart = lastStart - (CHART_BINS - 1) * INTERVAL_MS;
  const bins: IntervalPoint[] = Array.from({ length: CHART_BINS }, (_, i) => ({
    start: firstStart + i * INTERVAL_MS,
    offered: 0,
    answered: 0,
    abandoned: 0,
  }));
  for (const p of points) {
    const idx = Math.floor((p.start - firstStart) / INTERVAL_MS);
    const bin = bins[idx];
    if (!bin) continue;
    bin.offered += p.offered;
    bin.answered += p.answered;
    bin.abandoned += p.abandoned;
  }
  return bins;
}

export function binAnswerRate(b: IntervalPoint): number | null {
  return b.offered > 0 ? b.answered / b.offered : null;
}

/** Least-squares slope of the answer rate over the last bins that had calls (per bin). */
function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

export type Alert =
  | { kind: 'answer-rate-below'; rate: number }
  | { kind: 'answer-rate-falling'; projected: number }
  | { kind: 'special-urgent-waiting'; queue: string; count: number }
  | { kind: 'understaffed'; queue: string; needed: number; loggedIn: number };

export function computeAlerts(snap: WallboardSnapshot, target: number): Alert[] {
  const alerts: Alert[] = [];
  for (const q of snap.queues) {
    if (q.specialUrgentWaiting > 0) {
      alerts.push({
        kind: 'special-urgent-waiting',
        queue: q.name ?? q.queue,
        count: q.specialUrgentWaiting,
      });
    }
  }
  const recent = chartBins(snap.intervals ?? [], snap.at).slice(-TREND_BINS);
  const offered = recent.reduce((a, b) => a + b.offered, 0);
  const answered = recent.reduce((a, b) => a + b.answered, 0);
  if (offered > 0) {
    const rate = answered / offered;
    if (rate < target) {
      alerts.push({ kind: 'answer-rate-below', rate });
    } else {
      const rates = recent.map(binAnswerRate).filter((r): r is number => r !== null);
      const last = rates[rates.length - 1];
      const projected = last === undefined ? rate : last + slope(rates) * 3; // 15 minutes ahead
      if (projected < target) alerts.push({ kind: 'answer-rate-falling', projected: Math.max(0, projected) });
    }
  }
  for (const q of snap.queues) {
    if (staffingLevel(q) === 'bad') {
      alerts.push({
        kind: 'understaffed',
        queue: q.name ?? q.queue,
        needed: q.agentsNeeded,
        loggedIn: q.agentsLoggedIn,
      });
    }
  }
  return alerts;
}

export interface AgentGroup {
  state: string;
  agents: { id: string; name: string; seconds: number }[];
}

const STATE_ORDER = ['on-call', 'reserved', 'ready', 'wrap-up', 'not-ready', 'offline'];

/** Agents grouped by state (fixed order), longest time in state first. */
export function agentsByState(agents: readonly AgentRow[], now: number): AgentGroup[] {
  const groups = new Map<string, AgentGroup>();
  for (const a of agents) {
    const g = groups.get(a.state) ?? { state: a.state, agents: [] };
    g.agents.push({ id: a.id, name: a.name, seconds: Math.max(0, Math.floor((now - a.since) / 1000)) });
    groups.set(a.state, g);
  }
  const rank = (s: string) => {
    const i = STATE_ORDER.indexOf(s);
    return i < 0 ? STATE_ORDER.length : i;
  };
  return [...groups.values()]
    .map((g) => ({ ...g, agents: g.agents.sort((x, y) => y.seconds - x.seconds) }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Agents per state summed over queues, in the fixed state order (for servers that send counts only). */
export function stateCountsTotal(queues: readonly QueueMetrics[]): { state: string; count: number }[] {
  const sum = new Map<string, number>();
  for (const q of queues)
    for (const [st, n] of Object.entries(q.stateCounts ?? {})) sum.set(st, (sum.get(st) ?? 0) + n);
  return STATE_ORDER.filter((st) => sum.has(st)).map((st) => ({ state: st, count: sum.get(st) ?? 0 }));
}
