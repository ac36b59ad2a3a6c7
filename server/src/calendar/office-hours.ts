// Office hours: per weekday, a list of 'HH:MM-HH:MM' intervals in Asia/Shanghai local time.
import { CalendarSlaError } from '../sla/errors.ts';
import { MINUTE_MS } from './time.ts';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Intervals such as ['09:00-12:00', '14:00-18:00']; an empty list means a day off. */
export type IntervalList = readonly string[];

export interface OfficeHours {
  /** Ordinary week. A weekday with intervals is a working day unless a holiday says otherwise. */
  readonly weekly: Readonly<Record<Weekday, IntervalList>>;
  /** Hours on a make-up working day (调休上班, e.g. a working Saturday) and on an admin "work" day. */
  readonly makeUpDay: IntervalList;
}

const STANDARD_DAY: IntervalList = ['09:00-12:00', '14:00-18:00'];

/** Default: Monday–Friday 09:00–12:00 and 14:00–18:00; make-up days use the same hours. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  weekly: Object.freeze({
    sun: [],
    mon: STANDARD_DAY,
    tue: STANDARD_DAY,
    wed: STANDARD_DAY,
    thu: STANDARD_DAY,
    fri: STANDARD_DAY,
    sat: [],
  }),
  makeUpDay: STANDARD_DAY,
});

/** A parsed interval in ms after local midnight: [start, end). */
export type MsInterval = readonly [start: number, end: number];

const INTERVAL_RE = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/;

/** Parse and validate a list of intervals (sorted, non-overlapping, within 00:00–24:00). */
export function parseIntervals(list: IntervalList, where = 'office hours'): MsInterval[] {
  if (!Array.isArray(list))
    throw new CalendarSlaError('CALENDAR_INVALID_OFFICE_HOURS', `${where}: not a list`);
  const out: MsInterval[] = [];
  for (const text of list) {
    const m = typeof text === 'string' ? INTERVAL_RE.exec(text.trim()) : null;
    if (!m) throw new CalendarSlaError('CALENDAR_INVALID_OFFICE_HOURS', `${where}: ${JSON.stringify(text)}`);
    const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const start = (sh * 60 + sm) * MINUTE_MS;
    const end = (eh * 60 + em) * MINUTE_MS;
    const bad = sm > 59 || em > 59 || sh > 24 || eh > 24 || end > 24 * 60 * MINUTE_MS || start >= end;
    const prev = out[out.length - 1];
    if (bad || (prev && start < prev[1])) {
      throw new CalendarSlaError('CALENDAR_INVALID_OFFICE_HOURS', `${where}: ${JSON.stringify(text)}`);
    }
    out.push([start, end]);
  }
  return out;
}

export function intervalsLength(intervals: readonly MsInterval[]): number {
  let total = 0;
  for (const [s, e] of intervals) total += e - s;
  return total;
}

const DAY_RANGE_RE = /^(sun|mon|tue|wed|thu|fri|sat)(?:-(sun|mon|tue|wed|thu|fri|sat))?$/;

/**
 * Office hours from one config string, e.g. `mon-fri=09:00-12:00,14:00-18:00;sat=09:00-12:00;makeup=09:00-12:00,14:00-18:00`.
 * Days not named have no office hours; `makeup` (hours of a 调休 working day) defaults to Monday's hours.
 */
export function parseOfficeHoursSpec(spec: string): OfficeHours {
  const weekly: Record<Weekday, IntervalList> = {
    sun: [],
    mon: [],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
  };
  let makeUpDay: IntervalList | undefined;
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [days = '', hours = ''] = part.split('=').map((s) => s.trim());
    const list = hours
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    parseIntervals(list, part);
    if (days === 'makeup') {
      makeUpDay = list;
      continue;
    }
    const m = DAY_RANGE_RE.exec(days);
    if (!m)
      throw new CalendarSlaError(
        'CALENDAR_INVALID_OFFICE_HOURS',
        `${JSON.stringify(part)}: days must be like mon or mon-fri or makeup`,
      );
    const from = WEEKDAYS.indexOf(m[1] as Weekday);
    const to = WEEKDAYS.indexOf((m[2] ?? m[1]) as Weekday);
    if (to < from)
      throw new CalendarSlaError(
        'CALENDAR_INVALID_OFFICE_HOURS',
        `${JSON.stringify(part)}: day range backwards`,
      );
    for (let d = from; d <= to; d++) weekly[WEEKDAYS[d]!] = list;
  }
  return Object.freeze({ weekly: Object.freeze(weekly), makeUpDay: makeUpDay ?? weekly.mon });
}
