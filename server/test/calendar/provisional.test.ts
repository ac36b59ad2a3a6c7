// Years without official data, the import of a new year's arrangement, prefecture-level overrides.
import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  formatShanghai,
  parseArrangementCsv,
  parseInstant,
} from '../../src/calendar/index.ts';

const at = (s: string) => parseInstant(s);
const f = (d: Date) => formatShanghai(d);

// A 2027 table as an administrator would type it when the State Council publishes it (dates illustrative).
const CSV_2027 = `date,kind,name
2027-01-01,off,元旦
2027-02-06,off,春节
2027-02-07,off,春节
2027-02-08,off,春节
2027-02-09,off,春节
2027-02-10,off,春节
2027-02-11,off,春节
2027-02-12,off,春节
2027-02-13,off,春节
2027-02-14,work,春节
2027-02-20,work,春节
`;

describe('provisional: beyond the last year with official data', () => {
  const cal = createWorkingCalendar();

  it('Art. 13: a deadline crossing into 2027 is provisional and carries the warning', () => {
    const r = cal.addWorkingDays(at('2026-12-28T10:00:00+08:00'), 5);
    expect(r.provisional).toBe(true);
    expect(r.warning).toMatchObject({
      code: 'CALENDAR_PROVISIONAL_YEAR',
      year: 2027,
      firstDate: '2027-01-01',
    });
    // 2027-01-01 is computed as an ordinary Friday — never silently: it is flagged
    expect(f(r.due)).toBe('2027-01-04T10:00:00+08:00');
    expect(cal.day('2027-01-01')).toMatchObject({ working: true, source: 'weekly', provisional: true });
  });

  it('a deadline inside 2026 is not provisional; between and next are flagged too when they cross', () => {
    expect(cal.addWorkingHours(at('2026-12-21T10:00:00+08:00'), 3).provisional).toBe(false);
    expect(
      cal.workingTimeBetween(at('2026-12-30T10:00:00+08:00'), at('2027-01-05T10:00:00+08:00')).provisional,
    ).toBe(true);
    expect(cal.nextWorkingInstant(at('2026-12-31T19:00:00+08:00'))).toMatchObject({ provisional: true });
    expect(cal.addWallClockHours(at('2026-12-31T19:00:00+08:00'), 48).provisional).toBe(false);
  });

  it('the administrator sees the warning list before the year starts', () => {
    expect(cal.warnings(at('2026-11-28T09:00:00+08:00')).map((w) => w.year)).toEqual([2027]);
    expect(cal.warnings(at('2026-06-01T09:00:00+08:00'))).toEqual([]);
    expect(cal.warnings(at('2026-06-01T09:00:00+08:00'), 365).map((w) => w.firstDate)).toEqual([
      '2027-01-01',
    ]);
    const w = cal.warnings(at('2027-03-01T09:00:00+08:00'))[0]!;
    expect(w.firstDate).toBe('2027-03-01');
    expect(w.messageZh).toContain('2027');
  });

  it('importing the 2027 arrangement makes 2027 official and applies its holidays', () => {
    const arrangement = parseArrangementCsv(CSV_2027, 'import test');
    expect(arrangement.year).toBe(2027);
    expect(arrangement.days).toHaveLength(11);
    const with2027 = createWorkingCalendar({ arrangements: [arrangement] });
    const r = with2027.addWorkingDays(at('2026-12-28T10:00:00+08:00'), 5);
    expect(r.provisional).toBe(false);
    expect(f(r.due)).toBe('2027-01-05T10:00:00+08:00'); // 2027-01-01 is now a holiday
    expect(with2027.day('2027-02-14')).toMatchObject({ working: true, source: 'official', name: '春节' });
    expect(with2027.warnings(at('2026-11-28T09:00:00+08:00'))).toEqual([]);
    expect(with2027.policy.officialYears).toEqual({ from: 2004, to: 2027 });
  });
});

describe('prefecture-level days off and extra working days (admin overrides)', () => {
  const cal = createWorkingCalendar({
    overrides: [
      { date: '2026-03-10', kind: 'off', name: '州级放假（示例）' },
      { date: '2026-03-14', kind: 'work', name: '州级补班（示例）', hours: ['09:00-12:00'] },
      { date: '2026-10-10', kind: 'off', name: '取消调休（示例）' },
    ],
  });

  it('a local day off on a Tuesday removes its office hours', () => {
    expect(cal.day('2026-03-10')).toMatchObject({
      working: false,
      source: 'admin',
      name: '州级放假（示例）',
    });
    expect(f(cal.addWorkingHours(at('2026-03-09T17:00:00+08:00'), 3).due)).toBe('2026-03-11T11:00:00+08:00');
  });

  it('an extra working Saturday with its own hours', () => {
    expect(cal.day('2026-03-14')).toMatchObject({ working: true, hours: ['09:00-12:00'], source: 'admin' });
    expect(f(cal.addWorkingHours(at('2026-03-13T17:00:00+08:00'), 3).due)).toBe('2026-03-14T11:00:00+08:00');
  });

  it('an override wins over the official make-up day', () => {
    expect(cal.day('2026-10-10').working).toBe(false);
  });

  it('an override in 2027 does not make 2027 official', () => {
    const c = createWorkingCalendar({ overrides: [{ date: '2027-01-04', kind: 'off', name: 'x' }] });
    expect(c.day('2027-01-04')).toMatchObject({ working: false, provisional: true });
  });
});

describe('arrangement table errors (typed, with the line)', () => {
  it.each([
    ['2027-13-01,off,x', /line 1: bad date/],
    ['2027-01-01,holiday,x', /line 1: kind must be off or work/],
    ['2027-01-01,off,x\n2028-01-01,off,y', /line 2: 2028-01-01 is not in 2027/],
    ['2027-01-01,off,x\n2027-01-01,work,y', /line 2: 2027-01-01 listed twice/],
    ['date,kind,name\n', /no rows/],
  ])('%j', (csv, message) => {
    expect(() => parseArrangementCsv(csv)).toThrow(message);
    expect(() => parseArrangementCsv(csv)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_ARRANGEMENT' }),
    );
  });
  it('accepts 休/班, comments, CRLF and a BOM', () => {
    const a = parseArrangementCsv('\uFEFF# 2027\r\n2027-01-01,休,元旦\r\n2027-01-02,班,调休\r\n');
    expect(a.days.map((d) => d.kind)).toEqual(['off', 'work']);
  });
});
