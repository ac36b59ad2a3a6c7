// Property tests (fast-check) of the calendar algebra, plus a cross-check against the naive reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, HOUR_MS, MINUTE_MS, parseInstant } from '../../src/calendar/index.ts';
import { naiveAddWorkingMinutes, naiveWorkingMinutesBetween } from './naive-calendar.ts';

const cal = createWorkingCalendar();
const civil = createWorkingCalendar({ dayPolicy: 'end-of-nth-working-day' });
const FROM = parseInstant('2025-01-01T00:00:00+08:00').getTime();
const TO = parseInstant('2027-06-30T00:00:00+08:00').getTime();

const instant = fc.integer({ min: FROM, max: TO });
const amount = fc.integer({ min: 0, max: 400 * HOUR_MS }); // ms, up to ~57 working days
const add = (t: number, x: number) => cal.addWorkingMs(t, x).due.getTime();

describe('calendar properties', () => {
  it('add is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(instant, instant, amount, amount, (t1, t2, x1, x2) => {
        const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [x, y] = x1 <= x2 ? [x1, x2] : [x2, x1];
        expect(add(a, x)).toBeLessThanOrEqual(add(b, x));
        expect(add(a, x)).toBeLessThanOrEqual(add(a, y));
        expect(add(a, x)).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('add(add(t, a), b) = add(t, a + b) for working hours', () => {
    fc.assert(
      fc.property(instant, amount, amount, (t, a, b) => {
        expect(add(add(t, a), b)).toBe(add(t, a + b));
      }),
      { numRuns: 500 },
    );
  });

  it('between(t, add(t, x)) = x', () => {
    fc.assert(
      fc.property(instant, amount, (t, x) => {
        expect(cal.workingTimeBetween(t, add(t, x)).ms).toBe(x);
      }),
      { numRuns: 500 },
    );
  });

  it('a positive amount ends inside office hours or exactly at the end of an interval', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 * HOUR_MS }), (t, x) => {
        const due = add(t, x);
        expect(cal.isWorkingTime(due - 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('nextWorkingInstant is working time and nothing working lies between t and it', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const n = cal.nextWorkingInstant(t).due.getTime();
        expect(cal.isWorkingTime(n)).toBe(true);
        expect(cal.workingTimeBetween(t, n).ms).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('end-of-nth-working-day lands on the close of a working day after the start day, increasing in n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (t, n) => {
        const due = civil.addWorkingDays(t, n).due.getTime();
        const next = civil.addWorkingDays(t, n + 1).due.getTime();
        expect(cal.isWorkingTime(due - 1)).toBe(true);
        expect(cal.isWorkingTime(due)).toBe(false);
        expect(cal.nextWorkingInstant(due).due.getTime()).toBeGreaterThan(due + 12 * HOUR_MS); // next day
        expect(next).toBeGreaterThan(due);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the naive minute-stepping reference (add and between)', () => {
    const minuteInstant = instant.map((t) => Math.floor(t / MINUTE_MS) * MINUTE_MS);
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 0, max: 3000 }), (t, minutes) => {
        const due = add(t, minutes * MINUTE_MS);
        expect(due).toBe(naiveAddWorkingMinutes(t, minutes));
        expect(naiveWorkingMinutesBetween(t, due)).toBe(minutes);
      }),
      { numRuns: 40 },
    );
  });
});
