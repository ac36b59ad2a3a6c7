import { describe, expect, it } from 'vitest';
import {
  agentsByState,
  CHART_BINS,
  chartBins,
  computeAlerts,
  INTERVAL_MS,
  type QueueMetrics,
  rateLevel,
  staffingLevel,
  type WallboardSnapshot,
  waitLevel,
} from '../src/domain/wallboard-model.ts';

const now = Date.UTC(2026, 10, 28, 10, 2, 30);
const binStart = (back: number) => Math.floor(now / INTERVAL_MS) * INTERVAL_MS - back * INTERVAL_MS;
const queue = (over: Partial<QueueMetrics> = {}): QueueMetrics => ({
  queue: 'q1',
  name: '综合',
  waiting: 0,
  longestWaitSec: 0,
  serviceLevel: 0.9,
  answerRate24h: 0.97,
  abandonRate24h: 0.02,
  agentsNeeded: 4,
  agentsLoggedIn: 5,
  specialUrgentWaiting: 0,
  ...over,
});
const snap = (over: Partial<WallboardSnapshot>): WallboardSnapshot => ({
  at: now,
  queues: [queue()],
  agents: [],
  intervals: [],
  ...over,
});

describe('wallboard model', () => {
  it('bins 2 hours into 24 five-minute intervals ending now, dropping older points', () => {
    const bins = chartBins(
      [
        { start: binStart(0), offered: 3, answered: 2, abandoned: 1 },
        { start: binStart(0) + 60_000, offered: 1, answered: 1, abandoned: 0 },
        { start: binStart(23), offered: 5, answered: 5, abandoned: 0 },
        { start: binStart(24), offered: 99, answered: 0, abandoned: 99 },
      ],
      now,
    );
    expect(bins).toHaveLength(CHART_BINS);
    expect(bins[23]).toMatchObject({ start: binStart(0), offered: 4, answered: 3 });
    expect(bins[0]).toMatchObject({ offered: 5 });
    expect(bins.reduce((a, b) => a + b.offered, 0)).toBe(9);
  });

  it('colours tiles against the targets', () => {
    expect(rateLevel(0.96, 0.95)).toBe('ok');
    expect(rateLevel(0.92, 0.95)).toBe('warn');
    expect(rateLevel(0.8, 0.95)).toBe('bad');
    expect(rateLevel(null, 0.95)).toBe('none');
    expect(staffingLevel({ agentsNeeded: 6, agentsLoggedIn: 5 })).toBe('bad');
    expect(staffingLevel({ agentsNeeded: 6, agentsLoggedIn: 6 })).toBe('ok');
    expect(waitLevel(10, 15)).toBe('ok');
    expect(waitLevel(50, 15)).toBe('warn');
    expect(waitLevel(120, 15)).toBe('bad');
  });

  it('alerts when the last 30 minutes answer rate is below 95% and when a special-urgent call waits', () => {
    const intervals = [0, 1, 2].map((b) => ({ start: binStart(b), offered: 10, answered: 9, abandoned: 1 }));
    const alerts = computeAlerts(snap({ intervals, queues: [queue({ specialUrgentWaiting: 1 })] }), 0.95);
    expect(alerts).toContainEqual({ kind: 'special-urgent-waiting', queue: '综合', count: 1 });
    expect(alerts.find((a) => a.kind === 'answer-rate-below')).toMatchObject({ rate: 0.9 });
  });

  it('alerts on a falling trend before the rate crosses the line, and stays quiet when steady', () => {
    const answered = [20, 20, 20, 20, 19, 19]; // 100% … 95% of 20
    const falling = answered.map((a, i) => ({
      start: binStart(5 - i),
      offered: 20,
      answered: a,
      abandoned: 20 - a,
    }));
    const alerts = computeAlerts(snap({ intervals: falling }), 0.95);
    expect(alerts.map((a) => a.kind)).toEqual(['answer-rate-falling']);
    const steady = [0, 1, 2, 3, 4, 5].map((b) => ({
      start: binStart(b),
      offered: 20,
      answered: 20,
      abandoned: 0,
    }));
    expect(computeAlerts(snap({ intervals: steady }), 0.95)).toEqual([]);
  });

  it('alerts when fewer agents are logged in than needed', () => {
    const alerts = computeAlerts(snap({ queues: [queue({ agentsNeeded: 8, agentsLoggedIn: 3 })] }), 0.95);
    expect(alerts).toEqual([{ kind: 'understaffed', queue: '综合', needed: 8, loggedIn: 3 }]);
  });

  it('groups agents by state with time in state, longest first', () => {
    const groups = agentsByState(
      [
        { id: 'a', name: '张三', state: 'ready', since: now - 10_000 },
        { id: 'b', name: '李四', state: 'on-call', since: now - 5_000 },
        { id: 'c', name: '王五', state: 'ready', since: now - 70_000 },
      ],
      now,
    );
    expect(groups.map((g) => g.state)).toEqual(['on-call', 'ready']);
    expect(groups[1]?.agents).toEqual([
      { id: 'c', name: '王五', seconds: 70 },
      { id: 'a', name: '张三', seconds: 10 },
    ]);
  });
});
