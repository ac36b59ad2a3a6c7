// Bad input gets a clear typed error; the calendar keeps working afterwards.
import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  formatShanghai,
  parseInstant,
  parseOfficeHoursSpec,
} from '../../src/calendar/index.ts';

const cal = createWorkingCalendar();
const code = (c: string) => expect.objectContaining({ code: c });

describe('typed errors', () => {
  it.each(['', 'x', '2026-02-30T10:00:00+08:00', '2026-01-01T25:00', '2026-01-01T10:00+15:00'])(
    'parseInstant(%j) → CALENDAR_INVALID_INSTANT',
    (s) => {
      expect(() => parseInstant(s)).toThrow(
        code(s.startsWith('2026-02-30') ? 'CALENDAR_INVALID_DATE' : 'CALENDAR_INVALID_INSTANT'),
      );
    },
  );

  it('parseInstant reads offset-less text as Asia/Shanghai and honours explicit offsets', () => {
    expect(formatShanghai(parseInstant('2026-03-10T09:00'))).toBe('2026-03-10T09:00:00+08:00');
    expect(formatShanghai(parseInstant('2026-03-10T01:00:00Z'))).toBe('2026-03-10T09:00:00+08:00');
    expect(formatShanghai(parseInstant('2026-03-09T20:00:00-05:00'))).toBe('2026-03-10T09:00:00+08:00');
    expect(formatShanghai(parseInstant('2026-03-10'))).toBe('2026-03-10T00:00:00+08:00');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('amount %s → CALENDAR_INVALID_AMOUNT', (n) => {
    const t = parseInstant('2026-03-10T09:00:00+08:00');
    expect(() => cal.addWorkingHours(t, n)).toThrow(code('CALENDAR_INVALID_AMOUNT'));
    expect(() => cal.addWorkingDays(t, n)).toThrow(code('CALENDAR_INVALID_AMOUNT'));
    expect(() => cal.addWallClockHours(t, n)).toThrow(code('CALENDAR_INVALID_AMOUNT'));
  });

  it('instants outside the table range → CALENDAR_OUT_OF_RANGE', () => {
    expect(() => cal.isWorkingTime(parseInstant('1999-01-01T10:00:00+08:00'))).toThrow(
      code('CALENDAR_OUT_OF_RANGE'),
    );
    expect(() => cal.addWorkingDays(parseInstant('2045-12-20T10:00:00+08:00'), 60)).toThrow(
      code('CALENDAR_OUT_OF_RANGE'),
    );
    expect(() => cal.isWorkingTime(new Date(Number.NaN))).toThrow(code('CALENDAR_INVALID_INSTANT'));
  });

  it.each([
    [{ officeHours: { weekly: { mon: ['12:00-09:00'] }, makeUpDay: [] } }, 'CALENDAR_INVALID_OFFICE_HOURS'],
    [
      { officeHours: { weekly: { mon: ['09:00-12:00', '11:00-13:00'] }, makeUpDay: [] } },
      'CALENDAR_INVALID_OFFICE_HOURS',
    ],
    [{ officeHours: { weekly: { mon: ['9-12'] }, makeUpDay: [] } }, 'CALENDAR_INVALID_OFFICE_HOURS'],
    [{ dayPolicy: 'weekly' }, 'CALENDAR_INVALID_CONFIG'],
    [{ fullDayHours: 0 }, 'CALENDAR_INVALID_CONFIG'],
    [{ overrides: [{ date: '2026-02-30', kind: 'off', name: '' }] }, 'CALENDAR_INVALID_DATE'],
    [{ range: { from: '2030-01-01', to: '2029-01-01' } }, 'CALENDAR_INVALID_CONFIG'],
  ])('bad configuration %j → %s', (options, c) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed configuration
    expect(() => createWorkingCalendar(options as any)).toThrow(code(c));
  });

  it('still answers after errors', () => {
    expect(cal.isWorkingTime(parseInstant('2026-03-10T09:00:00+08:00'))).toBe(true);
  });

  it('custom office hours: a Saturday-morning centre with a shorter Friday', () => {
    const week = ['09:00-12:00', '14:00-18:00'];
    const c = createWorkingCalendar({
      officeHours: {
        weekly: {
          sun: [],
          mon: week,
          tue: week,
          wed: week,
          thu: week,
          fri: ['09:00-12:00'],
          sat: ['09:00-11:00'],
        },
        makeUpDay: week,
      },
    });
    expect(c.policy.fullDayHours).toBe(7);
    expect(formatShanghai(c.addWorkingHours(parseInstant('2026-03-13T11:00:00+08:00'), 3).due)).toBe(
      '2026-03-14T11:00:00+08:00',
    );
  });
});

describe('office hours from one config string', () => {
  it('parses day ranges, single days and make-up-day hours', () => {
    const h = parseOfficeHoursSpec('mon-fri=09:00-12:00,14:00-18:00; sat=09:00-11:00');
    expect(h.weekly.wed).toEqual(['09:00-12:00', '14:00-18:00']);
    expect(h.weekly.sat).toEqual(['09:00-11:00']);
    expect(h.weekly.sun).toEqual([]);
    expect(h.makeUpDay).toEqual(['09:00-12:00', '14:00-18:00']);
    const c = createWorkingCalendar({
      officeHours: parseOfficeHoursSpec('mon-fri=08:30-12:00,14:30-17:30;makeup=08:30-12:00'),
    });
    expect(c.policy.fullDayHours).toBe(6.5);
    expect(c.day('2026-02-14').hours).toEqual(['08:30-12:00']);
  });
  it.each(['mon-fri=9-12', 'fri-mon=09:00-12:00', 'weekdays=09:00-12:00', 'mon=12:00-09:00'])(
    '%j → CALENDAR_INVALID_OFFICE_HOURS',
    (spec) => {
      expect(() => parseOfficeHoursSpec(spec)).toThrow(code('CALENDAR_INVALID_OFFICE_HOURS'));
    },
  );
});
