import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { estimatedWaitSec } from '../../src/domain/estimated-wait.ts';
import { headRank, maxOvertakeSec, PRIORITIES, rankOf } from '../../src/domain/priority.ts';
import {
  canServe,
  decodeSkills,
  encodeSkills,
  normalizeSkills,
  routingGroup,
  skillScore,
} from '../../src/domain/skills.ts';
import { isAcdError } from '../../src/errors.ts';

const boost = { urgent: 600, elderly: 120, normal: 0 } as const;

describe('priority with aging', () => {
  test('urgent before elderly before normal when arriving together', () => {
    const t = 1_000_000;
    expect(rankOf(t, 'urgent', boost)).toBeLessThan(rankOf(t, 'elderly', boost));
    expect(rankOf(t, 'elderly', boost)).toBeLessThan(rankOf(t, 'normal', boost));
  });

  test('a normal call that waited longer than the boost is served before a new urgent call', () => {
    expect(rankOf(0, 'normal', boost)).toBeLessThan(rankOf(601_000, 'urgent', boost));
  });

  test('property: no starvation — after waiting max boost, no later arrival overtakes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom(...PRIORITIES),
        fc.integer({ min: 0, max: 1e7 }),
        fc.constantFrom(...PRIORITIES),
        (t0, p0, later, p1) => {
          const arrival = t0 + maxOvertakeSec(boost) * 1000 + later;
          expect(rankOf(t0, p0, boost)).toBeLessThanOrEqual(rankOf(arrival, p1, boost));
        },
      ),
    );
  });

  test('head rank puts a returning call first but never behind its own place', () => {
    expect(headRank(500, 100)).toBe(99);
    expect(headRank(50, 100)).toBe(50);
    expect(headRank(500, null)).toBe(500);
  });
});

describe('skills', () => {
  test('canonical encoding round-trips and is order independent', () => {
    const s = normalizeSkills({ 'lang:tibetan-khams': 3, 'topic:enterprise': 1 }, 'agent');
    expect(encodeSkills(s)).toBe('lang:tibetan-khams=3,topic:enterprise=1');
    expect(decodeSkills(encodeSkills(s))).toEqual(s);
    expect(routingGroup('12345', normalizeSkills(['b', 'a'], 'call'))).toBe('12345|a=1,b=1');
  });

  test('levels gate matching and score ties', () => {
    const agent = { 'lang:mandarin': 5, 'lang:sichuanese': 2 };
    expect(canServe(agent, { 'lang:sichuanese': 2 })).toBe(true);
    expect(canServe(agent, { 'lang:sichuanese': 3 })).toBe(false);
    expect(canServe(agent, { 'lang:tibetan-khams': 1 })).toBe(false);
    expect(skillScore(agent, { 'lang:mandarin': 1, 'lang:sichuanese': 1 })).toBe(7);
  });

  test('bad skills are typed errors', () => {
    for (const bad of [{ 'Bad Name': 1 }, { ok: 0 }, { ok: 11 }, { ok: 1.5 }, 'x']) {
      try {
        normalizeSkills(bad, 'call');
        expect.unreachable();
      } catch (e) {
        expect(isAcdError(e, 'INVALID_INPUT')).toBe(true);
      }
    }
  });

  test('estimated wait grows with position and shrinks with staff', () => {
    expect(estimatedWaitSec(0, 10, 180)).toBe(0);
    expect(estimatedWaitSec(10, 10, 180)).toBe(180);
    expect(estimatedWaitSec(10, 0, 180)).toBe(1800);
    expect(estimatedWaitSec(3, 20, 180)).toBe(27);
  });
});
