import { describe, expect, test } from 'vitest';
import { occupancy, queueMetrics } from '../../src/metrics/formulas.ts';
import { counterRules, emptyQueueCounters, ruleMatches, splitByBucket } from '../../src/metrics/rules.ts';

describe('metric formulas', () => {
  test('service level, answer rate, abandon rates, ASA and AHT from counters', () => {
    const c = {
      ...emptyQueueCounters(),
      entered: 110,
      callbacks: 10,
      answered: 80,
      answeredInSL: 60,
      waitAnsweredMs: 800_000,
      abandoned: 20,
      shortAbandoned: 5,
      handled: 80,
      talkMs: 80 * 150_000,
      holdMs: 80 * 10_000,
      wrapMs: 80 * 20_000,
    };
    const m = queueMetrics(c);
    expect(m.offered).toBe(100);
    expect(m.serviceLevel).toBeCloseTo(0.6);
    expect(m.answerRate).toBeCloseTo(0.8);
    expect(m.abandonRate).toBeCloseTo(15 / 95);
    expect(m.shortAbandonRate).toBeCloseTo(0.05);
    expect(m.asaSec).toBeCloseTo(10);
    expect(m.ahtSec).toBeCloseTo(180);
  });

  test('empty intervals give null rates, not NaN', () => {
    const m = queueMetrics(emptyQueueCounters());
    expect(m.serviceLevel).toBeNull();
    expect(m.asaSec).toBeNull();
    expect(occupancy({ ready: 0, 'not-ready': 5, reserved: 0, 'on-call': 0, 'wrap-up': 0 })).toBeNull();
  });

  test('occupancy = (talk + wrap) / (available + reserved + talk + wrap); not-ready excluded', () => {
    expect(
      occupancy({ ready: 20, 'not-ready': 1000, reserved: 10, 'on-call': 60, 'wrap-up': 10 }),
    ).toBeCloseTo(0.7);
  });

  test('the SL and short-abandon thresholds are inclusive / exclusive as documented', () => {
    const rules = counterRules({ serviceLevelSec: 15, shortAbandonSec: 5 });
    const sl = rules.find((r) => r.counter === 'answeredInSL')!;
    const short = rules.find((r) => r.counter === 'shortAbandoned')!;
    const base = { queue: 'q', arrivedAt: '0', kind: 'inbound', first: '1' };
    expect(ruleMatches(sl, { ...base, type: 'call.answered', waitMs: '15000' })).toBe(true);
    expect(ruleMatches(sl, { ...base, type: 'call.answered', waitMs: '15001' })).toBe(false);
    expect(ruleMatches(short, { ...base, type: 'call.abandoned', waitMs: '4999' })).toBe(true);
    expect(ruleMatches(short, { ...base, type: 'call.abandoned', waitMs: '5000' })).toBe(false);
  });

  test('agent time is split exactly at interval boundaries', () => {
    expect(splitByBucket(850, 2100, 1000)).toEqual([
      [0, 150],
      [1000, 1000],
      [2000, 100],
    ]);
    expect(splitByBucket(5, 5, 1000)).toEqual([]);
  });
});
