// Clock status: due, warning time, state (running / met / breached / paused), elapsed, extensions, pauses.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatShanghai, HOUR_MS, parseInstant } from '../../src/calendar/index.ts';
import { evaluateClock } from '../../src/sla/index.ts';

const calendar = createWorkingCalendar();
const at = (s: string) => parseInstant(s);
const f = (d: Date) => formatShanghai(d);
// 投诉 dispatched Monday 09:00: 5 working days = 35 office hours → Friday 18:00.
const base = { calendar, clock: 'completion.handling', startedAt: at('2026-03-09T09:00:00+08:00') } as const;

describe('Art. 13 (1): completion clock of a complaint', () => {
  it('due Friday 18:00, warning at 75 % (26.25 working hours) = Thursday 16:15', () => {
    const s = evaluateClock({ ...base, now: at('2026-03-11T10:00:00+08:00') });
    expect(f(s.due)).toBe('2026-03-13T18:00:00+08:00');
    expect(f(s.warningAt)).toBe('2026-03-12T16:15:00+08:00');
    expect(s).toMatchObject({
      state: 'running',
      inWarning: false,
      measure: 'working-time',
      provisional: false,
    });
    expect(s.elapsedMs).toBe(15 * HOUR_MS);
    expect(s.limitMs).toBe(35 * HOUR_MS);
    expect(s.remainingMs).toBe(20 * HOUR_MS);
  });
  it('in warning after the warning time', () => {
    const s = evaluateClock({ ...base, now: at('2026-03-12T17:00:00+08:00') });
    expect(s).toMatchObject({ state: 'running', inWarning: true });
  });
  it('breached once past due and not stopped (remaining negative)', () => {
    const s = evaluateClock({ ...base, now: at('2026-03-16T09:30:00+08:00') });
    expect(s.state).toBe('breached');
    expect(s.remainingMs).toBe(-0.5 * HOUR_MS);
  });
  it('met when stopped exactly at the due time; breached when stopped later', () => {
    expect(
      evaluateClock({
        ...base,
        now: at('2026-03-20T00:00:00+08:00'),
        stoppedAt: at('2026-03-13T18:00:00+08:00'),
      }).state,
    ).toBe('met');
    const late = evaluateClock({
      ...base,
      now: at('2026-03-20T00:00:00+08:00'),
      stoppedAt: at('2026-03-16T09:30:00+08:00'),
    });
    expect(late.state).toBe('breached');
    expect(late.elapsedMs).toBe(35.5 * HOUR_MS);
  });
  it('a configurable warning share', () => {
    const s = evaluateClock({ ...base, now: at('2026-03-09T09:00:00+08:00'), warningShare: 0.2 });
    expect(f(s.warningAt)).toBe('2026-03-09T18:00:00+08:00'); // 7 of 35 hours: the earliest instant
  });
  it('Art. 13 (1): approved extensions (延期) move the due time in working days', () => {
    const s = evaluateClock({ ...base, now: at('2026-03-11T10:00:00+08:00'), extensionsWorkingDays: [5, 5] });
    expect(f(s.due)).toBe('2026-03-27T18:00:00+08:00');
    expect(s.extendedByWorkingDays).toBe(10);
    expect(s.limitMs).toBe(105 * HOUR_MS);
  });
  it('pauses (when a local rule pauses a clock) shift the due time by the paused working time', () => {
    const pauses = [{ from: at('2026-03-10T09:00:00+08:00'), to: at('2026-03-11T09:00:00+08:00') }];
    const s = evaluateClock({ ...base, now: at('2026-03-12T10:00:00+08:00'), pauses });
    expect(f(s.due)).toBe('2026-03-16T18:00:00+08:00');
    expect(s.elapsedMs).toBe((7 + 8) * HOUR_MS);
    const open = evaluateClock({
      ...base,
      now: at('2026-03-10T12:00:00+08:00'),
      pauses: [{ from: at('2026-03-10T09:00:00+08:00') }],
    });
    expect(open.state).toBe('paused');
    expect(open.elapsedMs).toBe(7 * HOUR_MS);
    expect(f(open.due)).toBe('2026-03-16T12:00:00+08:00'); // if it resumed now (3 h of pause so far)
  });
  it('is provisional when the due time reaches a year without official data', () => {
    const s = evaluateClock({
      ...base,
      startedAt: at('2026-12-28T10:00:00+08:00'),
      now: at('2026-12-28T10:00:00+08:00'),
    });
    expect(s.provisional).toBe(true);
    expect(s.warnings[0]?.year).toBe(2027);
  });
  it('follows the configured day policy (Civil Code style)', () => {
    const civil = createWorkingCalendar({ dayPolicy: 'end-of-nth-working-day' });
    const s = evaluateClock({
      ...base,
      calendar: civil,
      startedAt: at('2026-09-30T16:00:00+08:00'),
      now: at('2026-10-01T00:00:00+08:00'),
    });
    expect(f(s.due)).toBe('2026-10-13T18:00:00+08:00');
    expect(s.limitMs).toBe(37 * HOUR_MS); // 2 h on 09-30 + 5 full days
  });
});

describe('Art. 13 (2): wall-clock clocks', () => {
  const start = at('2026-10-01T22:00:00+08:00');
  it('Art. 13 (2) 2: urgent first response in 2 h, warning after 1.5 h, holidays and nights count', () => {
    const s = evaluateClock({
      calendar,
      clock: 'urgent.first_response',
      startedAt: start,
      now: at('2026-10-01T23:45:00+08:00'),
    });
    expect(f(s.due)).toBe('2026-10-02T00:00:00+08:00');
    expect(f(s.warningAt)).toBe('2026-10-01T23:30:00+08:00');
    expect(s).toMatchObject({
      state: 'running',
      inWarning: true,
      measure: 'wall-clock',
      elapsedMs: 1.75 * HOUR_MS,
    });
  });
  it('Art. 13 (2): notification within 3 minutes — met at 3:00, breached at 3:01', () => {
    const t = at('2026-10-01T10:00:00+08:00');
    const met = evaluateClock({
      calendar,
      clock: 'special_notify',
      startedAt: t,
      stoppedAt: at('2026-10-01T10:03:00+08:00'),
      now: t,
    });
    const late = evaluateClock({
      calendar,
      clock: 'special_notify',
      startedAt: t,
      stoppedAt: at('2026-10-01T10:03:01+08:00'),
      now: t,
    });
    expect(met.state).toBe('met');
    expect(late.state).toBe('breached');
  });
});

describe('invalid input is a typed error', () => {
  const code = expect.objectContaining({ code: 'SLA_INVALID_CLOCK_INPUT' });
  it.each([
    [{ extensionsWorkingDays: [1], clock: 'dispatch' }],
    [{ extensionsWorkingDays: [0] }],
    [{ warningShare: 0 }],
    [{ warningShare: 1.5 }],
    [{ stoppedAt: at('2026-03-01T00:00:00+08:00') }],
    [{ pauses: [{ from: at('2026-03-10T10:00:00+08:00'), to: at('2026-03-10T09:00:00+08:00') }] }],
    [{ now: new Date(Number.NaN) }],
  ])('%j', (patch) => {
    expect(() => evaluateClock({ ...base, now: at('2026-03-10T10:00:00+08:00'), ...patch })).toThrow(code);
  });
});
