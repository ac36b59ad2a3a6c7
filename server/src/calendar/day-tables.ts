// Precomputed per-day data: office intervals of every day in the covered range plus prefix sums of
// working time, working days and provisional days, so every calendar operation is O(log days).
import { CalendarSlaError } from '../sla/errors.ts';
import {
  type IntervalList,
  intervalsLength,
  type MsInterval,
  type OfficeHours,
  parseIntervals,
  WEEKDAYS,
} from './office-hours.ts';
import type { DayKind, OfficialArrangement } from './official-data.ts';
import { dateOfDayNumber, dayNumberOfDate, weekdayOf, yearOfDayNumber } from './time.ts';

/** A prefecture-level day off or extra working day set by an administrator; wins over official data. */
export interface DayOverride {
  readonly date: string;
  readonly kind: DayKind;
  readonly name: string;
  /** Office hours of that day when kind = work (default: the make-up-day hours). */
  readonly hours?: IntervalList;
}

export type DaySource = 'weekly' | 'official' | 'admin';

export interface DayTables {
  readonly firstDay: number;
  readonly dayCount: number;
  /** Intervals of day i are ivStart/ivEnd[ivOffset[i] .. ivOffset[i+1]), in ms after local midnight. */
  readonly ivOffset: Int32Array;
  readonly ivStart: Int32Array;
  readonly ivEnd: Int32Array;
  /** Working ms before day i (length dayCount + 1). */
  readonly cumWork: Float64Array;
  /** Working days (days with office hours) before day i. */
  readonly cumWorkDays: Int32Array;
  /** Days before day i whose year has no official arrangement (provisional). */
  readonly cumProvisional: Int32Array;
  readonly source: readonly DaySource[];
  readonly names: ReadonlyMap<number, string>;
  readonly officialYears: readonly number[];
}

export interface DayTablesInput {
  readonly from: string;
  readonly to: string;
  readonly officeHours: OfficeHours;
  readonly arrangements: readonly OfficialArrangement[];
  readonly overrides: readonly DayOverride[];
}

export function buildDayTables(input: DayTablesInput): DayTables {
  const firstDay = dayNumberOfDate(input.from);
  const lastDay = dayNumberOfDate(input.to);
  if (lastDay < firstDay)
    throw new CalendarSlaError('CALENDAR_INVALID_CONFIG', `range ${input.from} > ${input.to}`);
  const dayCount = lastDay - firstDay + 1;

  const weekly = WEEKDAYS.map((w) => parseIntervals(input.officeHours.weekly[w] ?? [], `office hours ${w}`));
  const makeUp = parseIntervals(input.officeHours.makeUpDay, 'make-up day hours');

  // Later arrangements for the same year replace earlier ones (an import corrects built-in data).
  const officialByYear = new Map<number, OfficialArrangement>();
  for (const a of input.arrangements) officialByYear.set(a.year, a);
  const official = new Map<number, { kind: DayKind; name: string }>();
  for (const a of officialByYear.values()) {
    for (const d of a.days) official.set(dayNumberOfDate(d.date), { kind: d.kind, name: d.name });
  }
  const admin = new Map<number, { intervals: MsInterval[] | null; name: string }>();
  for (const o of input.overrides) {
    const day = dayNumberOfDate(o.date);
    if (o.kind !== 'off' && o.kind !== 'work') {
      throw new CalendarSlaError(
        'CALENDAR_INVALID_CONFIG',
        `override ${o.date}: kind ${JSON.stringify(o.kind)}`,
      );
    }
    const intervals =
      o.kind === 'off' ? null : o.hours ? parseIntervals(o.hours, `override ${o.date}`) : makeUp;
    admin.set(day, { intervals, name: o.name });
  }

  const ivOffset = new Int32Array(dayCount + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const cumWork = new Float64Array(dayCount + 1);
  const cumWorkDays = new Int32Array(dayCount + 1);
  const cumProvisional = new Int32Array(dayCount + 1);
  const source: DaySource[] = new Array(dayCount);
  const names = new Map<number, string>();

  let year = Number.NaN;
  let yearOfficial = false;
  for (let i = 0; i < dayCount; i++) {
    const day = firstDay + i;
    const y = yearOfDayNumber(day);
    if (y !== year) {
      year = y;
      yearOfficial = officialByYear.has(y);
    }
    let intervals: readonly MsInterval[] = weekly[weekdayOf(day)] ?? [];
    let src: DaySource = 'weekly';
    const o = official.get(day);
    if (o) {
      intervals = o.kind === 'off' ? [] : makeUp;
      src = 'official';
      names.set(day, o.name);
    }
    const a = admin.get(day);
    if (a) {
      intervals = a.intervals ?? [];
      src = 'admin';
      names.set(day, a.name);
    }
    ivOffset[i] = starts.length;
    for (const [s, e] of intervals) {
      starts.push(s);
      ends.push(e);
    }
    const len = intervalsLength(intervals);
    cumWork[i + 1] = cumWork[i]! + len;
    cumWorkDays[i + 1] = cumWorkDays[i]! + (len > 0 ? 1 : 0);
    cumProvisional[i + 1] = cumProvisional[i]! + (yearOfficial ? 0 : 1);
    source[i] = src;
  }
  ivOffset[dayCount] = starts.length;
  return {
    firstDay,
    dayCount,
    ivOffset,
    ivStart: Int32Array.from(starts),
    ivEnd: Int32Array.from(ends),
    cumWork,
    cumWorkDays,
    cumProvisional,
    source,
    names,
    officialYears: [...officialByYear.keys()].sort((a, b) => a - b),
  };
}

/** Human-readable date of a table index, for messages. */
export function dateOfIndex(t: DayTables, i: number): string {
  return dateOfDayNumber(t.firstDay + i);
}
