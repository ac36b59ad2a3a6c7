// The working calendar (工作日历) of the hotline center: office hours, statutory holidays and 调休 from
// official data, prefecture-level overrides. Pure and immutable; always Asia/Shanghai.
import { CalendarSlaError } from '../sla/errors.ts';
import * as core from './day-math.ts';
import { buildDayTables, type DayOverride, type DaySource } from './day-tables.ts';
import {
  DEFAULT_OFFICE_HOURS,
  type OfficeHours,
  parseIntervals,
  WEEKDAYS,
  type Weekday,
} from './office-hours.ts';
import { BUILTIN_ARRANGEMENTS, type OfficialArrangement } from './official-data.ts';
import {
  dateOfDayNumber,
  dayNumberOf,
  dayNumberOfDate,
  dayStartMs,
  HOUR_MS,
  type Instant,
  MINUTE_MS,
  toMs,
  weekdayOf,
  yearOfDayNumber,
} from './time.ts';
import { type CalendarWarning, provisionalWarning } from './warnings.ts';

/**
 * How "N working days" is counted.
 * - 'office-time' (default): the clock starts at the later of the event and the next office instant;
 *   N working days = N × fullDayHours of office time from there.
 * - 'end-of-nth-working-day' (Civil Code Art. 201/203 style): the event's calendar day is not counted;
 *   the deadline is the close of office hours on the N-th following working day.
 */
export type WorkingDayPolicy = 'office-time' | 'end-of-nth-working-day';
export const WORKING_DAY_POLICIES: readonly WorkingDayPolicy[] = ['office-time', 'end-of-nth-working-day'];

export interface WorkingCalendarOptions {
  readonly officeHours?: OfficeHours;
  /** Length of one working day for the 'office-time' policy; default: the longest weekday (7 h). */
  readonly fullDayHours?: number;
  readonly dayPolicy?: WorkingDayPolicy;
  /** Official arrangements imported by an administrator (replace built-in data for the same year). */
  readonly arrangements?: readonly OfficialArrangement[];
  /** Prefecture-level days off / extra working days; they win over official data. */
  readonly overrides?: readonly DayOverride[];
  /** Use the built-in chinese-days data (default true). */
  readonly builtin?: boolean;
  /** Dates the tables cover (default 2004-01-01 … 2045-12-31); instants outside → CALENDAR_OUT_OF_RANGE. */
  readonly range?: { readonly from: string; readonly to: string };
}

export interface DueResult {
  readonly due: Date;
  /** True when the computation reaches a day of a year without official holiday data. */
  readonly provisional: boolean;
  readonly warning: CalendarWarning | undefined;
}

export interface DurationResult {
  /** Working time in ms. */
  readonly ms: number;
  readonly hours: number;
  readonly provisional: boolean;
  readonly warning: CalendarWarning | undefined;
}

export interface DayInfo {
  readonly date: string;
  readonly weekday: Weekday;
  readonly working: boolean;
  readonly hours: readonly string[];
  readonly source: DaySource;
  readonly name: string | undefined;
  readonly provisional: boolean;
}

export interface CalendarPolicy {
  readonly dayPolicy: WorkingDayPolicy;
  readonly fullDayHours: number;
  readonly officeHours: OfficeHours;
  readonly timeZone: 'Asia/Shanghai';
  readonly officialYears: { readonly from: number; readonly to: number } | null;
  readonly range: { readonly from: string; readonly to: string };
}

export interface WorkingCalendar {
  readonly policy: CalendarPolicy;
  readonly officialYears: readonly number[];
  isWorkingTime(t: Instant): boolean;
  nextWorkingInstant(t: Instant): DueResult;
  addWorkingHours(t: Instant, hours: number): DueResult;
  addWorkingMs(t: Instant, ms: number): DueResult;
  /** Uses the configured policy unless one is given. */
  addWorkingDays(t: Instant, days: number, policy?: WorkingDayPolicy): DueResult;
  /** Latest instant that still lies `days` working days before t (for "apply 1 working day before"). */
  subtractWorkingDays(t: Instant, days: number, policy?: WorkingDayPolicy): DueResult;
  /** Office time between a and b (negative when b < a). */
  workingTimeBetween(a: Instant, b: Instant): DurationResult;
  addWallClockHours(t: Instant, hours: number): DueResult;
  day(date: string): DayInfo;
  /** Working days d with fromDate < d ≤ toDate (0 when toDate ≤ fromDate); dates are 'YYYY-MM-DD'. */
  countWorkingDays(
    fromDate: string,
    toDate: string,
  ): { days: number; provisional: boolean; warning: CalendarWarning | undefined };
  /** Warnings an administrator must see: years within `horizonDays` of now without official data. */
  warnings(now: Instant, horizonDays?: number): CalendarWarning[];
}

function checkAmount(n: number, what: string): void {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
    throw new CalendarSlaError('CALENDAR_INVALID_AMOUNT', `${what}: ${String(n)}`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (ms: number) =>
  `${pad(Math.floor(ms / HOUR_MS))}:${pad(Math.floor((ms % HOUR_MS) / MINUTE_MS))}`;

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const dayPolicy = options.dayPolicy ?? 'office-time';
  if (!WORKING_DAY_POLICIES.includes(dayPolicy)) {
    throw new CalendarSlaError('CALENDAR_INVALID_CONFIG', `dayPolicy ${JSON.stringify(dayPolicy)}`);
  }
  const range = options.range ?? { from: '2004-01-01', to: '2045-12-31' };
  const tables = buildDayTables({
    from: range.from,
    to: range.to,
    officeHours,
    arrangements: [
      ...(options.builtin === false ? [] : BUILTIN_ARRANGEMENTS),
      ...(options.arrangements ?? []),
    ],
    overrides: options.overrides ?? [],
  });
  const longest = Math.max(
    ...WEEKDAYS.map((w) => parseIntervals(officeHours.weekly[w]).reduce((a, [s, e]) => a + e - s, 0)),
  );
  const fullDayHours = options.fullDayHours ?? longest / HOUR_MS;
  if (!Number.isFinite(fullDayHours) || fullDayHours <= 0 || fullDayHours > 24) {
    throw new CalendarSlaError('CALENDAR_INVALID_CONFIG', `fullDayHours ${String(fullDayHours)}`);
  }
  const fullDayMs = Math.round(fullDayHours * HOUR_MS);
  const years = tables.officialYears;

  const result = (start: number, due: number): DueResult => {
    if (!core.spansProvisional(tables, start, due))
      return { due: new Date(due), provisional: false, warning: undefined };
    const first = core.firstProvisionalDate(tables, Math.min(start, due));
    return {
      due: new Date(due),
      provisional: true,
      warning: provisionalWarning(Number(first.slice(0, 4)), first),
    };
  };

  const addWorkingDays = (t: Instant, days: number, policy: WorkingDayPolicy = dayPolicy): DueResult => {
    checkAmount(days, 'working days');
    const ms = toMs(t);
    if (policy === 'office-time')
      return result(ms, core.addWorkingMs(tables, ms, Math.round(days * fullDayMs)));
    if (policy !== 'end-of-nth-working-day')
      throw new CalendarSlaError('CALENDAR_INVALID_CONFIG', `policy ${policy}`);
    if (!Number.isInteger(days))
      throw new CalendarSlaError('CALENDAR_INVALID_AMOUNT', `whole working days: ${days}`);
    if (days === 0) return result(ms, ms);
    return result(ms, core.endOfNthFollowingWorkingDay(tables, ms, days));
  };

  const policy: CalendarPolicy = Object.freeze({
    dayPolicy,
    fullDayHours,
    officeHours,
    timeZone: 'Asia/Shanghai' as const,
    officialYears: years.length ? { from: years[0]!, to: years[years.length - 1]! } : null,
    range: Object.freeze({ ...range }),
  });

  return Object.freeze({
    policy,
    officialYears: Object.freeze([...years]),
    isWorkingTime: (t: Instant) => core.isWorkingMs(tables, toMs(t)),
    nextWorkingInstant: (t: Instant) => {
      const ms = toMs(t);
      return result(ms, core.nextWorkingMs(tables, ms));
    },
    addWorkingHours: (t: Instant, hours: number) => {
      checkAmount(hours, 'working hours');
      const ms = toMs(t);
      return result(ms, core.addWorkingMs(tables, ms, Math.round(hours * HOUR_MS)));
    },
    addWorkingMs: (t: Instant, amount: number) => {
      checkAmount(amount, 'working ms');
      const ms = toMs(t);
      return result(ms, core.addWorkingMs(tables, ms, Math.round(amount)));
    },
    addWorkingDays,
    subtractWorkingDays: (t: Instant, days: number, p: WorkingDayPolicy = dayPolicy) => {
      checkAmount(days, 'working days');
      const ms = toMs(t);
      if (days === 0) return result(ms, ms);
      if (p === 'office-time')
        return result(ms, core.subtractWorkingMs(tables, ms, Math.round(days * fullDayMs)));
      if (!Number.isInteger(days))
        throw new CalendarSlaError('CALENDAR_INVALID_AMOUNT', `whole working days: ${days}`);
      return result(ms, core.endOfNthPrecedingWorkingDay(tables, ms, days));
    },
    workingTimeBetween: (a: Instant, b: Instant): DurationResult => {
      const am = toMs(a);
      const bm = toMs(b);
      const ms = core.workedAt(tables, bm) - core.workedAt(tables, am);
      const r = result(am, bm);
      return { ms, hours: ms / HOUR_MS, provisional: r.provisional, warning: r.warning };
    },
    addWallClockHours: (t: Instant, hours: number): DueResult => {
      checkAmount(hours, 'wall-clock hours');
      return { due: new Date(toMs(t) + Math.round(hours * HOUR_MS)), provisional: false, warning: undefined };
    },
    day: (date: string): DayInfo => {
      const day = dayNumberOfDate(date);
      const i = day - tables.firstDay;
      if (i < 0 || i >= tables.dayCount) throw new CalendarSlaError('CALENDAR_OUT_OF_RANGE', date);
      const hours: string[] = [];
      for (let k = tables.ivOffset[i]!; k < tables.ivOffset[i + 1]!; k++) {
        hours.push(`${hhmm(tables.ivStart[k]!)}-${hhmm(tables.ivEnd[k]!)}`);
      }
      return {
        date: dateOfDayNumber(day),
        weekday: WEEKDAYS[weekdayOf(day)]!,
        working: hours.length > 0,
        hours,
        source: tables.source[i]!,
        name: tables.names.get(day),
        provisional: tables.cumProvisional[i + 1]! > tables.cumProvisional[i]!,
      };
    },
    countWorkingDays: (fromDate: string, toDate: string) => {
      const a = dayNumberOfDate(fromDate) - tables.firstDay;
      const b = dayNumberOfDate(toDate) - tables.firstDay;
      if (a < 0 || b < 0 || a >= tables.dayCount || b >= tables.dayCount) {
        throw new CalendarSlaError('CALENDAR_OUT_OF_RANGE', `${fromDate}..${toDate}`);
      }
      if (b <= a) return { days: 0, provisional: false, warning: undefined };
      const r = result(dayStartMs(tables.firstDay + a + 1), dayStartMs(tables.firstDay + b));
      return {
        days: tables.cumWorkDays[b + 1]! - tables.cumWorkDays[a + 1]!,
        provisional: r.provisional,
        warning: r.warning,
      };
    },
    warnings: (now: Instant, horizonDays = 90): CalendarWarning[] => {
      const start = dayNumberOf(toMs(now));
      const out: CalendarWarning[] = [];
      for (let y = yearOfDayNumber(start); y <= yearOfDayNumber(start + horizonDays); y++) {
        if (years.includes(y)) continue;
        const first = Math.max(start, dayNumberOfDate(`${y}-01-01`));
        out.push(provisionalWarning(y, dateOfDayNumber(first)));
      }
      return out;
    },
  });
}
