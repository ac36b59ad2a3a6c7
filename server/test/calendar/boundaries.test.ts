// Boundaries of office hours: exactly 09:00, 12:00, 14:00, 18:00, midnight, lunch, weekends, holidays.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatShanghai, parseInstant } from '../../src/calendar/index.ts';

const cal = createWorkingCalendar();
const at = (s: string) => parseInstant(s);
const f = (d: Date) => formatShanghai(d);

describe('isWorkingTime (half-open intervals [start, end))', () => {
  it.each([
    ['2026-03-10T00:00:00+08:00', false],
    ['2026-03-10T08:59:59.999+08:00', false],
    ['2026-03-10T09:00:00+08:00', true],
    ['2026-03-10T11:59:59.999+08:00', true],
    ['2026-03-10T12:00:00+08:00', false],
    ['2026-03-10T13:59:59.999+08:00', false],
    ['2026-03-10T14:00:00+08:00', true],
    ['2026-03-10T17:59:59.999+08:00', true],
    ['2026-03-10T18:00:00+08:00', false],
    ['2026-03-14T10:00:00+08:00', false], // Saturday
    ['2026-10-05T10:00:00+08:00', false], // National Day holiday on a Monday
    ['2026-10-10T10:00:00+08:00', true], // make-up Saturday
  ])('%s → %s', (t, expected) => {
    expect(cal.isWorkingTime(at(t))).toBe(expected);
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['2026-03-10T10:30:00+08:00', '2026-03-10T10:30:00+08:00'],
    ['2026-03-10T12:00:00+08:00', '2026-03-10T14:00:00+08:00'],
    ['2026-03-10T13:15:00+08:00', '2026-03-10T14:00:00+08:00'],
    ['2026-03-10T18:00:00+08:00', '2026-03-11T09:00:00+08:00'],
    ['2026-03-10T00:00:00+08:00', '2026-03-10T09:00:00+08:00'],
    ['2026-03-13T18:00:00+08:00', '2026-03-16T09:00:00+08:00'], // Friday evening → Monday
    ['2026-10-01T00:00:00+08:00', '2026-10-08T09:00:00+08:00'], // National Day week
  ])('%s → %s', (t, expected) => {
    expect(f(cal.nextWorkingInstant(at(t)).due)).toBe(expected);
  });
});

describe('Art. 13: 3 working hours from boundary instants', () => {
  it.each([
    ['2026-03-10T09:00:00+08:00', 3, '2026-03-10T12:00:00+08:00'], // ends exactly at lunch: the earliest instant
    ['2026-03-10T12:00:00+08:00', 3, '2026-03-10T17:00:00+08:00'], // starts inside lunch → 14:00
    ['2026-03-10T12:30:00+08:00', 1, '2026-03-10T15:00:00+08:00'],
    ['2026-03-10T14:00:00+08:00', 3, '2026-03-10T17:00:00+08:00'],
    ['2026-03-10T11:00:00+08:00', 1.5, '2026-03-10T14:30:00+08:00'], // spans lunch
    ['2026-03-10T18:00:00+08:00', 1, '2026-03-11T10:00:00+08:00'],
    ['2026-03-10T00:00:00+08:00', 7, '2026-03-10T18:00:00+08:00'], // midnight start
    ['2026-03-10T23:59:00+08:00', 1, '2026-03-11T10:00:00+08:00'],
    ['2026-03-13T17:00:00+08:00', 3, '2026-03-16T11:00:00+08:00'], // over a weekend
    ['2026-10-03T10:00:00+08:00', 3, '2026-10-08T12:00:00+08:00'], // start on a holiday
    ['2026-03-10T10:00:00+08:00', 0, '2026-03-10T10:00:00+08:00'],
  ])('Art. 13: %s + %s h → %s', (t, h, expected) => {
    expect(f(cal.addWorkingHours(at(t), h).due)).toBe(expected);
  });
});

describe('workingTimeBetween', () => {
  it.each([
    ['2026-03-10T11:00:00+08:00', '2026-03-10T15:00:00+08:00', 2],
    ['2026-03-10T12:00:00+08:00', '2026-03-10T14:00:00+08:00', 0],
    ['2026-03-10T15:00:00+08:00', '2026-03-10T11:00:00+08:00', -2],
    ['2026-03-09T00:00:00+08:00', '2026-03-10T00:00:00+08:00', 7],
    ['2026-03-13T17:00:00+08:00', '2026-03-16T10:00:00+08:00', 2],
    ['2026-10-01T00:00:00+08:00', '2026-10-08T00:00:00+08:00', 0],
  ])('%s → %s = %s h', (a, b, hours) => {
    expect(cal.workingTimeBetween(at(a), at(b)).hours).toBe(hours);
  });
});

describe('addWallClockHours ignores office hours and holidays', () => {
  it('Art. 13 (2): 48 h across the National Day holiday', () => {
    expect(f(cal.addWallClockHours(at('2026-10-01T10:00:00+08:00'), 48).due)).toBe(
      '2026-10-03T10:00:00+08:00',
    );
  });
});
