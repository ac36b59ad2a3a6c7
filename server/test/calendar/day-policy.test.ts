// The two working-day policies and long spans.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatShanghai, parseInstant } from '../../src/calendar/index.ts';
import { naiveAddWorkingMinutes } from './naive-calendar.ts';

const office = createWorkingCalendar();
const civil = createWorkingCalendar({ dayPolicy: 'end-of-nth-working-day' });
const at = (s: string) => parseInstant(s);
const f = (d: Date) => formatShanghai(d);

describe("policy 'office-time': N working days = N × 7 h of office time from the next office instant", () => {
  it.each([
    ['2026-03-10T09:00:00+08:00', 1, '2026-03-10T18:00:00+08:00'],
    ['2026-03-10T12:00:00+08:00', 1, '2026-03-11T12:00:00+08:00'], // lunch → counts from 14:00: 4 h + 3 h
    ['2026-03-10T16:00:00+08:00', 2, '2026-03-12T16:00:00+08:00'],
    ['2026-03-10T20:00:00+08:00', 1, '2026-03-11T18:00:00+08:00'], // evening → next morning 09:00
    ['2026-03-14T10:00:00+08:00', 1, '2026-03-16T18:00:00+08:00'], // Saturday → Monday
    ['2026-03-10T10:00:00+08:00', 0.5, '2026-03-10T15:30:00+08:00'], // half a day = 3.5 h
  ])('%s + %s working days → %s', (t, n, expected) => {
    expect(f(office.addWorkingDays(at(t), n).due)).toBe(expected);
  });
  it('is exactly addWorkingHours(n × fullDayHours)', () => {
    const t = at('2026-02-11T15:20:00+08:00');
    expect(office.addWorkingDays(t, 5).due).toEqual(office.addWorkingHours(t, 35).due);
  });
});

describe("policy 'end-of-nth-working-day' (Civil Code style): close of office on the N-th following working day", () => {
  it.each([
    ['2026-03-10T09:00:00+08:00', 1, '2026-03-11T18:00:00+08:00'], // the start day is not counted
    ['2026-03-10T17:59:00+08:00', 1, '2026-03-11T18:00:00+08:00'],
    ['2026-03-10T23:00:00+08:00', 1, '2026-03-11T18:00:00+08:00'],
    ['2026-03-13T10:00:00+08:00', 1, '2026-03-16T18:00:00+08:00'], // Friday → Monday
    ['2026-03-14T10:00:00+08:00', 1, '2026-03-16T18:00:00+08:00'], // Saturday → Monday
    ['2026-02-13T10:00:00+08:00', 2, '2026-02-24T18:00:00+08:00'], // 02-14 working Saturday, then Festival
    ['2026-09-30T16:00:00+08:00', 5, '2026-10-13T18:00:00+08:00'],
  ])('%s + %s working days → %s', (t, n, expected) => {
    expect(f(civil.addWorkingDays(at(t), n).due)).toBe(expected);
  });
  it('can be chosen per call on any calendar', () => {
    const t = at('2026-03-10T09:00:00+08:00');
    expect(office.addWorkingDays(t, 1, 'end-of-nth-working-day').due).toEqual(civil.addWorkingDays(t, 1).due);
    expect(civil.policy.dayPolicy).toBe('end-of-nth-working-day');
  });
  it('rejects fractional days with a typed error', () => {
    expect(() => civil.addWorkingDays(at('2026-03-10T09:00:00+08:00'), 1.5)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_AMOUNT' }),
    );
  });
});

describe('long spans: 60 working days', () => {
  it('office-time: 60 working days = 420 h, equal to the naive reference, across Spring Festival', () => {
    const t = at('2026-01-05T09:00:00+08:00');
    const r = office.addWorkingDays(t, 60);
    expect(r.due.getTime()).toBe(naiveAddWorkingMinutes(t.getTime(), 60 * 7 * 60));
    // 2026-01-05 … : 60 working days end on Thursday 2026-04-02 (Spring Festival 02-15..02-23 skipped, two
    // working Saturdays counted)
    expect(f(r.due)).toBe('2026-04-02T18:00:00+08:00');
    expect(office.workingTimeBetween(t, r.due).hours).toBe(420);
  });
  it('end-of-nth-working-day: the 60th working day after 2026-01-04 (a working Sunday) is the same Thursday', () => {
    expect(f(civil.addWorkingDays(at('2026-01-04T10:00:00+08:00'), 60).due)).toBe(
      '2026-04-02T18:00:00+08:00',
    );
  });
  it('subtractWorkingDays inverts addWorkingDays (office-time)', () => {
    const t = at('2026-02-12T10:00:00+08:00');
    const due = office.addWorkingDays(t, 60).due;
    expect(office.subtractWorkingDays(due, 60).due).toEqual(t);
  });
});

describe('countWorkingDays between dates (fromDate excluded, toDate included)', () => {
  it.each([
    ['2026-02-13', '2026-02-24', 2], // Sat 02-14 (调休) and Tue 02-24
    ['2026-09-30', '2026-10-13', 5],
    ['2026-03-10', '2026-03-10', 0],
    ['2026-03-11', '2026-03-10', 0],
  ])('%s → %s = %s', (a, b, n) => {
    expect(office.countWorkingDays(a, b)).toMatchObject({ days: n, provisional: false });
  });
  it('flags a range reaching 2027 as provisional', () => {
    expect(office.countWorkingDays('2026-12-30', '2027-01-04')).toMatchObject({ days: 3, provisional: true });
  });
});
