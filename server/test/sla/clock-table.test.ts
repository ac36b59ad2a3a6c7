// The regulation's clocks, one test per rule, named by article.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatShanghai, parseInstant } from '../../src/calendar/index.ts';
import { applicableClocks, clockById, clockFor, computeDue, SLA_CLOCKS } from '../../src/sla/index.ts';

const cal = createWorkingCalendar();
const at = (s: string) => parseInstant(s);
const due = (clock: string, start: string, ext: number[] = []) =>
  formatShanghai(computeDue(cal, clock, at(start), ext).due);

describe('Art. 13 (1): working-time clocks', () => {
  it('Art. 13 (1): the center dispatches within 3 working hours of acceptance', () => {
    expect(clockById('dispatch').limit).toEqual({ unit: 'working-hours', amount: 3 });
    expect(due('dispatch', '2026-02-13T17:00:00+08:00')).toBe('2026-02-14T11:00:00+08:00');
  });
  it('Art. 13 (1): the unit signs for (签收) within 3 working hours of dispatch', () => {
    expect(clockById('sign_for').nameZh).toBe('签收');
    expect(due('sign_for', '2026-03-10T12:30:00+08:00')).toBe('2026-03-10T17:00:00+08:00');
  });
  it('Art. 13 (1): a consultation (咨询) is completed within 2 working days', () => {
    expect(clockFor('completion', { type: '咨询', priority: 'normal' })?.id).toBe('completion.consultation');
    expect(due('completion.consultation', '2026-02-12T10:00:00+08:00')).toBe('2026-02-14T10:00:00+08:00');
  });
  it.each(['求助', '投诉', '举报', '意见建议'] as const)(
    'Art. 13 (1): %s is completed within 5 working days',
    (type) => {
      const clock = clockFor('completion', { type, priority: 'normal' });
      expect(clock?.limit).toEqual({ unit: 'working-days', amount: 5 });
      expect(due(clock!.id, '2026-09-30T16:00:00+08:00')).toBe('2026-10-13T16:00:00+08:00');
    },
  );
  it('Art. 13 (1): only the 5-day completion clock is extendable; extensions move it in working days', () => {
    expect(SLA_CLOCKS.filter((c) => c.extendable).map((c) => c.id)).toEqual(['completion.handling']);
    expect(due('completion.handling', '2026-09-30T16:00:00+08:00', [5])).toBe('2026-10-20T16:00:00+08:00');
    expect(due('completion.handling', '2026-09-30T16:00:00+08:00', [5, 3])).toBe('2026-10-23T16:00:00+08:00');
  });
  it('Art. 17: a ticket outside the unit’s duty is returned (退件) within 1 working day of receipt', () => {
    expect(clockById('return_window').article).toBe('Art. 17');
    expect(due('return_window', '2026-02-14T16:00:00+08:00')).toBe('2026-02-24T16:00:00+08:00');
  });
  it('表扬 (praise) has no handling clocks', () => {
    expect(applicableClocks({ type: '表扬', priority: 'normal' })).toEqual([]);
  });
});

describe('Art. 13 (2): special and special-urgent matters run on the wall clock', () => {
  const start = '2026-10-01T10:00:00+08:00'; // National Day: wall-clock clocks ignore holidays
  it('Art. 13 (2): the center notifies local government and units within 3 minutes', () => {
    expect(due('special_notify', start)).toBe('2026-10-01T10:03:00+08:00');
  });
  it('Art. 13 (2) 1: 特殊事项 first response 4 h, progress 24 h, result 48 h', () => {
    expect(due('special.first_response', start)).toBe('2026-10-01T14:00:00+08:00');
    expect(due('special.progress', start)).toBe('2026-10-02T10:00:00+08:00');
    expect(due('special.result', start)).toBe('2026-10-03T10:00:00+08:00');
  });
  it('Art. 13 (2) 2: 特殊紧急事项 first response 2 h, progress 12 h, result 24 h', () => {
    expect(due('urgent.first_response', start)).toBe('2026-10-01T12:00:00+08:00');
    expect(due('urgent.progress', start)).toBe('2026-10-01T22:00:00+08:00');
    expect(due('urgent.result', start)).toBe('2026-10-02T10:00:00+08:00');
  });
  it('Art. 13 (2): a 投诉 marked 特殊紧急事项 gets the ordinary clocks plus notification and the urgent clocks', () => {
    expect(applicableClocks({ type: '投诉', priority: '特殊紧急事项' }).map((c) => c.id)).toEqual([
      'dispatch',
      'sign_for',
      'completion.handling',
      'return_window',
      'special_notify',
      'urgent.first_response',
      'urgent.progress',
      'urgent.result',
    ]);
    expect(applicableClocks({ type: '咨询', priority: 'normal' }).map((c) => c.id)).toEqual([
      'dispatch',
      'sign_for',
      'completion.consultation',
      'return_window',
    ]);
  });
});

describe('table integrity', () => {
  it('ids are unique, every row names its article and Chinese term', () => {
    expect(new Set(SLA_CLOCKS.map((c) => c.id)).size).toBe(SLA_CLOCKS.length);
    for (const c of SLA_CLOCKS) {
      expect(c.article).toMatch(/^Art\. 1[37]/);
      expect(c.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.limit.amount).toBeGreaterThan(0);
    }
  });
  it('an unknown clock is a typed error', () => {
    expect(() => clockById('nope')).toThrow(expect.objectContaining({ code: 'SLA_UNKNOWN_CLOCK' }));
    expect(() => computeDue(cal, 'nope', Date.now())).toThrow(
      expect.objectContaining({ code: 'SLA_UNKNOWN_CLOCK' }),
    );
  });
});
