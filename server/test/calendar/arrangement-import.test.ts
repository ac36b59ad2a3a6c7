// 节假日安排 import through the API on a real app (PGlite, Redis): chinese-days ends with 2026, so an
// administrator imports 2027; deadlines move at once (1 Jan 2027 becomes a holiday, no longer a
// provisional working day), the import is audited and stored for other processes; bad tables, the
// wrong year and other roles are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveCalendar } from '../../src/calendar/index.ts';
import { refreshArrangements } from '../../src/calendar-admin/import-arrangement.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const CSV_2027 = `date,kind,name
# 2027 元旦 (test data)
2027-01-01,off,元旦
2027-01-02,off,元旦
2027-01-03,off,元旦
`;
// Thursday 31 Dec 2026, 10:00 in Ganzi: one working day later
const START = new Date('2026-12-31T02:00:00Z');

describe('holiday arrangement import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an administrator imports 2027; deadlines use it at once; it is audited and stored', async () => {
    const admin = await t.login(['admin']);
    const cal = t.app.calendar.calendar;
    const before = cal.addWorkingDays(START, 1);
    expect(before.provisional).toBe(true); // 2027 had no official data
    expect(before.due.toISOString().slice(0, 10)).toBe('2027-01-01');
    const listed = (await admin.inject({ method: 'GET', url: '/api/calendar/arrangements' })).json();
    expect(listed.years.map((y: { year: number }) => y.year)).toContain(2026);
    expect(listed.years.map((y: { year: number }) => y.year)).not.toContain(2027);

    const r = await admin.inject({
      method: 'PUT',
      url: '/api/calendar/arrangements/2027',
      payload: { csv: CSV_2027 },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ year: 2027, offDays: 3, workDays: 0 });

    const after = cal.addWorkingDays(START, 1);
    expect(after.provisional).toBe(false);
    expect(after.due.toISOString().slice(0, 10)).toBe('2027-01-04'); // Monday after the 元旦 holiday
    expect(cal.day('2027-01-01')).toMatchObject({ working: false });
    const now = (await admin.inject({ method: 'GET', url: '/api/calendar/arrangements' })).json();
    expect(now.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      offDays: 3,
      importedBy: admin.userId,
    });
    expect(now.warnings.map((w: { year: number }) => w.year)).not.toContain(2027);

    const audit = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.import')
      .execute();
    expect(audit.map((a) => a.object_id)).toEqual(['2027']);
    // another server process loads it from the database
    const other = createLiveCalendar();
    await refreshArrangements(t.app.db, other);
    expect(other.calendar.addWorkingDays(START, 1).due.toISOString().slice(0, 10)).toBe('2027-01-04');
  });

  it('refuses a malformed table, the wrong year and other roles; the calendar in use is unchanged', async () => {
    const admin = await t.login(['admin']);
    const cal = t.app.calendar.calendar;
    const due = cal.addWorkingDays(START, 1).due.toISOString();
    const bad = await admin.inject({
      method: 'PUT',
      url: '/api/calendar/arrangements/2028',
      payload: { csv: '2028-01-01,holiday,元旦\n' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CALENDAR_INVALID_ARRANGEMENT');
    const wrongYear = await admin.inject({
      method: 'PUT',
      url: '/api/calendar/arrangements/2028',
      payload: { csv: '2029-01-01,off,元旦\n' },
    });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.code).toBe('CALENDAR_INVALID_ARRANGEMENT');
    const outOfRange = await admin.inject({
      method: 'PUT',
      url: '/api/calendar/arrangements/1999',
      payload: { csv: '1999-01-01,off,元旦\n' },
    });
    expect(outOfRange.statusCode).toBe(400);
    const lead = await t.login(['shift_lead']);
    const denied = await lead.inject({
      method: 'PUT',
      url: '/api/calendar/arrangements/2028',
      payload: { csv: '2028-01-01,off,元旦\n' },
    });
    expect(denied.statusCode).toBe(403);
    expect(cal.addWorkingDays(START, 1).due.toISOString()).toBe(due);
    const stored = await t.app.db.selectFrom('calendar_arrangement').select('year').execute();
    expect(stored.map((s) => s.year)).not.toContain(2028);
  });
});
