// Table tests across China's 2025 and 2026 statutory holidays and make-up working days (调休).
// The dates were checked against the chinese-days data (see the first describe block).
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatShanghai, parseInstant } from '../../src/calendar/index.ts';
import { naiveAddWorkingMinutes } from './naive-calendar.ts';

const cal = createWorkingCalendar();
const civil = createWorkingCalendar({ dayPolicy: 'end-of-nth-working-day' });
const at = (s: string) => parseInstant(s);

describe('official data as the calendar sees it', () => {
  it.each([
    ['2025-01-26', true, 'official', '春节'], // Sunday, make-up working day
    ['2025-01-28', false, 'official', '春节'],
    ['2025-02-04', false, 'official', '春节'],
    ['2025-02-08', true, 'official', '春节'], // Saturday, make-up working day
    ['2025-04-27', true, 'official', '劳动节'], // Sunday
    ['2025-09-28', true, 'official', '国庆节'], // Sunday
    ['2025-10-06', false, 'official', '中秋'],
    ['2025-10-08', false, 'official', '国庆节'],
    ['2025-10-11', true, 'official', '国庆节'], // Saturday
    ['2026-01-04', true, 'official', '元旦'], // Sunday
    ['2026-02-14', true, 'official', '春节'], // Saturday
    ['2026-02-16', false, 'official', '春节'], // Monday, holiday
    ['2026-02-23', false, 'official', '春节'],
    ['2026-02-28', true, 'official', '春节'], // Saturday
    ['2026-05-09', true, 'official', '劳动节'], // Saturday
    ['2026-09-20', true, 'official', '国庆节'], // Sunday
    ['2026-09-25', false, 'official', '中秋'], // Friday, holiday
    ['2026-10-07', false, 'official', '国庆节'],
    ['2026-10-10', true, 'official', '国庆节'], // Saturday
    ['2026-03-10', true, 'weekly', undefined], // ordinary Tuesday
    ['2026-03-14', false, 'weekly', undefined], // ordinary Saturday
  ] as const)('%s working=%s (%s %s)', (date, working, source, name) => {
    const d = cal.day(date);
    expect(d.working).toBe(working);
    expect(d.source).toBe(source);
    expect(d.name).toBe(name);
    expect(d.provisional).toBe(false);
  });
});

describe('Art. 13: deadlines across the 2025 holidays', () => {
  it.each([
    // [start, working hours, due]
    ['2025-01-27T17:00:00+08:00', 3, '2025-02-05T11:00:00+08:00'], // Spring Festival closes 01-28..02-04
    ['2025-01-24T17:00:00+08:00', 3, '2025-01-26T11:00:00+08:00'], // Sunday 01-26 is a working day
    ['2025-02-07T16:00:00+08:00', 7, '2025-02-08T16:00:00+08:00'], // Saturday 02-08 is a working day
    ['2025-09-26T18:00:00+08:00', 3, '2025-09-28T12:00:00+08:00'], // Sunday 09-28 is a working day
    ['2025-09-30T10:00:00+08:00', 14, '2025-10-10T10:00:00+08:00'], // National Day 10-01..10-08
  ])('Art. 13: %s + %s working hours → %s', (start, hours, due) => {
    const r = cal.addWorkingHours(at(start), hours);
    expect(formatShanghai(r.due)).toBe(due);
    expect(r.provisional).toBe(false);
  });

  it('Art. 13: 5 working days after 2025-10-10 15:00 include working Saturday 10-11', () => {
    expect(formatShanghai(cal.addWorkingDays(at('2025-10-10T15:00:00+08:00'), 5).due)).toBe(
      '2025-10-16T15:00:00+08:00',
    );
    expect(formatShanghai(civil.addWorkingDays(at('2025-10-10T15:00:00+08:00'), 5).due)).toBe(
      '2025-10-16T18:00:00+08:00',
    );
  });
});

describe('Art. 13: deadlines across the 2026 holidays', () => {
  it.each([
    ['2026-02-13T17:00:00+08:00', 3, '2026-02-14T11:00:00+08:00'], // working Saturday before Spring Festival
    ['2026-02-14T16:00:00+08:00', 7, '2026-02-24T16:00:00+08:00'], // Spring Festival 02-15..02-23
    ['2026-02-12T10:00:00+08:00', 14, '2026-02-14T10:00:00+08:00'], // consultation: 2 working days
    ['2026-02-27T17:30:00+08:00', 3, '2026-02-28T11:30:00+08:00'], // working Saturday 02-28
    ['2025-12-31T17:00:00+08:00', 3, '2026-01-04T11:00:00+08:00'], // New Year, working Sunday 01-04
    ['2026-09-18T17:00:00+08:00', 3, '2026-09-20T11:00:00+08:00'], // working Sunday 09-20
    ['2026-09-24T16:00:00+08:00', 7, '2026-09-28T16:00:00+08:00'], // Mid-autumn 09-25..09-27
    ['2026-04-30T17:00:00+08:00', 3, '2026-05-06T11:00:00+08:00'], // Labour Day 05-01..05-05
    ['2026-05-08T17:00:00+08:00', 3, '2026-05-09T11:00:00+08:00'], // working Saturday 05-09
  ])('Art. 13: %s + %s working hours → %s', (start, hours, due) => {
    expect(formatShanghai(cal.addWorkingHours(at(start), hours).due)).toBe(due);
  });

  it('Art. 13: help ticket at 2026-09-30 16:00, 5 working days, across National Day (both policies)', () => {
    const start = at('2026-09-30T16:00:00+08:00');
    const office = cal.addWorkingDays(start, 5);
    expect(formatShanghai(office.due)).toBe('2026-10-13T16:00:00+08:00');
    expect(office.provisional).toBe(false);
    expect(formatShanghai(civil.addWorkingDays(start, 5).due)).toBe('2026-10-13T18:00:00+08:00');
  });

  it('matches the naive minute-stepping reference on every holiday case', () => {
    for (const start of [
      '2026-02-13T17:00:00+08:00',
      '2026-09-30T16:00:00+08:00',
      '2025-01-27T17:00:00+08:00',
    ]) {
      for (const minutes of [1, 59, 180, 420, 2100, 4200]) {
        const s = at(start).getTime();
        expect(cal.addWorkingMs(s, minutes * 60_000).due.getTime()).toBe(naiveAddWorkingMinutes(s, minutes));
      }
    }
  });
});
