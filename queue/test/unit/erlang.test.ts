import { describe, expect, test } from 'vitest';
import { isAcdError } from '../../src/errors.ts';
import { erlangA } from '../../src/staffing/erlang-a.ts';
import { erlangB, erlangC } from '../../src/staffing/erlang-c.ts';
import { planStaffing } from '../../src/staffing/plan.ts';
import { simulateQueue } from '../../src/staffing/simulate.ts';

/** Textbook Erlang C with factorials — only usable for small N, as an independent check. */
function erlangCDirect(n: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < n; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = ((term * a) / n) * (n / (n - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  test('matches the factorial formula for small N', () => {
    for (const [n, a] of [
      [12, 10],
      [5, 3.2],
      [30, 25],
    ] as const) {
      const callsPerHour = (a * 3600) / 180;
      expect(erlangC({ agents: n, callsPerHour, ahtSec: 180, slSec: 20 }).probWait).toBeCloseTo(
        erlangCDirect(n, a),
        10,
      );
    }
  });

  test('stable for thousands of agents (no overflow, sensible numbers)', () => {
    const r = erlangC({ agents: 5200, callsPerHour: 100_000, ahtSec: 180, slSec: 15 });
    expect(r.offeredLoad).toBe(5000);
    expect(Number.isFinite(r.probWait)).toBe(true);
    expect(r.probWait).toBeGreaterThan(0);
    expect(r.probWait).toBeLessThan(0.01);
    expect(r.serviceLevel).toBeGreaterThan(0.99);
    expect(erlangB(20_000, 19_000)).toBeGreaterThan(0);
  });

  test('an overloaded queue (N ≤ A) reports certain wait', () => {
    expect(erlangC({ agents: 10, callsPerHour: 400, ahtSec: 180, slSec: 15 }).serviceLevel).toBe(0);
  });
});

describe('Erlang A', () => {
  test('agrees with the discrete-event simulation', () => {
    for (const q of [
      { agents: 38, callsPerHour: 720, ahtSec: 180, patienceSec: 120, slSec: 15 },
      { agents: 8, callsPerHour: 200, ahtSec: 150, patienceSec: 60, slSec: 20 },
    ]) {
      const exact = erlangA(q);
      const sim = simulateQueue({ ...q, calls: 150_000, seed: 7 });
      expect(Math.abs(exact.answerRate - sim.answerRate)).toBeLessThan(0.01);
      expect(Math.abs(exact.serviceLevel - sim.serviceLevel)).toBeLessThan(0.015);
      expect(Math.abs(exact.asa - sim.asa) / exact.asa).toBeLessThan(0.06);
      expect(Math.abs(exact.occupancy - sim.occupancy)).toBeLessThan(0.01);
    }
  });

  test('answered + abandoned = offered; an infinitely patient crowd gives Erlang C', () => {
    const q = { agents: 25, callsPerHour: 500, ahtSec: 160, patienceSec: 90, slSec: 15 };
    const r = erlangA(q);
    expect(r.answerRate + r.abandonRate).toBeCloseTo(1, 12);
    expect(r.answerRate).toBeGreaterThan(0.9);
    // a very patient crowd approaches Erlang C
    const patient = erlangA({ ...q, patienceSec: 1e7 });
    const c = erlangC(q);
    expect(patient.serviceLevel).toBeCloseTo(c.serviceLevel, 3);
    expect(patient.asa).toBeCloseTo(c.asa, 1);
  });

  test('stable and fast for thousands of agents', () => {
    const r = erlangA({ agents: 4100, callsPerHour: 80_000, ahtSec: 180, patienceSec: 120, slSec: 15 });
    expect(Number.isFinite(r.serviceLevel)).toBe(true);
    expect(r.answerRate).toBeGreaterThan(0.99);
  });
});

describe('staffing plan', () => {
  test('the issue example: 720 calls/h, AHT 180 s, patience 120 s, 95 % answered, 80 % in 15 s', () => {
    const p = planStaffing({
      callsPerHour: 720,
      ahtSec: 180,
      patienceSec: 120,
      answerTarget: 0.95,
      slSec: 15,
      slTarget: 0.8,
    });
    expect(p.erlangA.answerRate).toBeGreaterThanOrEqual(0.95);
    expect(p.erlangA.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = erlangA({
      agents: p.agents - 1,
      callsPerHour: 720,
      ahtSec: 180,
      patienceSec: 120,
      slSec: 15,
    });
    expect(fewer.answerRate < 0.95 || fewer.serviceLevel < 0.8).toBe(true);
    expect(p.erlangC.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(p.erlangC.agents).toBeGreaterThanOrEqual(p.agents); // ignoring abandonment overstaffs
  });

  test('bad input is a typed error', () => {
    for (const bad of [{ answerTarget: 1 }, { callsPerHour: -1 }, { ahtSec: Number.NaN }]) {
      try {
        planStaffing({
          callsPerHour: 720,
          ahtSec: 180,
          patienceSec: 120,
          answerTarget: 0.95,
          slSec: 15,
          slTarget: 0.8,
          ...bad,
        });
        expect.unreachable();
      } catch (e) {
        expect(isAcdError(e, 'INVALID_INPUT')).toBe(true);
      }
    }
  });
});
