// Numeric core over the precomputed day tables. All instants are epoch ms; "worked" values are the
// working ms accumulated since the first day of the table (a monotone, continuous function W(t)).
import { CalendarSlaError } from '../sla/errors.ts';
import { type DayTables, dateOfIndex } from './day-tables.ts';
import { dateOfDayNumber, dayNumberOf, dayStartMs } from './time.ts';

export function indexOfMs(t: DayTables, ms: number): number {
  const i = dayNumberOf(ms) - t.firstDay;
  if (i < 0 || i >= t.dayCount) {
    throw new CalendarSlaError(
      'CALENDAR_OUT_OF_RANGE',
      `${new Date(ms).toISOString()} not in ${dateOfIndex(t, 0)}..${dateOfIndex(t, t.dayCount - 1)}`,
    );
  }
  return i;
}

function outOfRange(t: DayTables, what: string): never {
  throw new CalendarSlaError('CALENDAR_OUT_OF_RANGE', `${what} beyond ${dateOfIndex(t, t.dayCount - 1)}`);
}

/** W(ms): working ms from the start of the table up to ms. */
export function workedAt(t: DayTables, ms: number): number {
  const i = indexOfMs(t, ms);
  const off = ms - dayStartMs(t.firstDay + i);
  let w = t.cumWork[i]!;
  for (let k = t.ivOffset[i]!, end = t.ivOffset[i + 1]!; k < end; k++) {
    const s = t.ivStart[k]!;
    if (off <= s) break;
    const e = t.ivEnd[k]!;
    w += Math.min(off, e) - s;
  }
  return w;
}

/** Smallest index i ≥ lo with cumWork[i + 1] > w (strict) or ≥ w (non-strict); -1 when none. */
function searchWork(t: DayTables, lo: number, w: number, strict: boolean): number {
  const cum = t.cumWork;
  let hi = t.dayCount - 1;
  const total = cum[t.dayCount]!;
  if (strict ? !(total > w) : !(total >= w)) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = cum[mid + 1]!;
    if (strict ? v > w : v >= w) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Earliest instant s (in day index ≥ lo) with W(s) ≥ w, for w > W(start of day lo). */
export function instantAtWorked(t: DayTables, w: number, lo: number): number {
  const i = searchWork(t, lo, w, false);
  if (i < 0) outOfRange(t, 'working time');
  let r = w - t.cumWork[i]!;
  const base = dayStartMs(t.firstDay + i);
  const end = t.ivOffset[i + 1]!;
  for (let k = t.ivOffset[i]!; k < end; k++) {
    const len = t.ivEnd[k]! - t.ivStart[k]!;
    if (r <= len) return base + t.ivStart[k]! + r;
    r -= len;
  }
  // Only reachable through floating-point dust; the end of the day's last interval is the answer.
  return base + t.ivEnd[end - 1]!;
}

/** Earliest instant ≥ ms that is inside office hours (ms itself when it already is). */
export function nextWorkingMs(t: DayTables, ms: number): number {
  const idx = indexOfMs(t, ms);
  const w = workedAt(t, ms);
  const i = searchWork(t, idx, w, true);
  if (i < 0) outOfRange(t, 'next working instant');
  const base = dayStartMs(t.firstDay + i);
  let acc = t.cumWork[i]!;
  for (let k = t.ivOffset[i]!, end = t.ivOffset[i + 1]!; k < end; k++) {
    const s = t.ivStart[k]!;
    const len = t.ivEnd[k]! - s;
    if (acc + len > w) return base + s + (w > acc ? w - acc : 0);
    acc += len;
  }
  return outOfRange(t, 'next working instant');
}

export function isWorkingMs(t: DayTables, ms: number): boolean {
  const i = indexOfMs(t, ms);
  const off = ms - dayStartMs(t.firstDay + i);
  for (let k = t.ivOffset[i]!, end = t.ivOffset[i + 1]!; k < end; k++) {
    if (off >= t.ivStart[k]! && off < t.ivEnd[k]!) return true;
  }
  return false;
}

/** Earliest instant at which `amount` working ms have elapsed since ms (ms itself for 0). */
export function addWorkingMs(t: DayTables, ms: number, amount: number): number {
  if (amount === 0) return ms;
  const idx = indexOfMs(t, ms);
  return instantAtWorked(t, workedAt(t, ms) + amount, idx);
}

/** Latest instant s ≤ ms with at least `amount` working ms between s and ms. */
export function subtractWorkingMs(t: DayTables, ms: number, amount: number): number {
  if (amount === 0) return ms;
  const w = workedAt(t, ms) - amount;
  if (w <= 0) throw new CalendarSlaError('CALENDAR_OUT_OF_RANGE', `before ${dateOfIndex(t, 0)}`);
  return nextWorkingMs(t, instantAtWorked(t, w, 0));
}

/** End of the last office interval of day index i (which must be a working day). */
function closeOfDay(t: DayTables, i: number): number {
  return dayStartMs(t.firstDay + i) + t.ivEnd[t.ivOffset[i + 1]! - 1]!;
}

/** Civil Code style: close of office hours on the n-th working day after the calendar day of ms. */
export function endOfNthFollowingWorkingDay(t: DayTables, ms: number, n: number): number {
  const idx = indexOfMs(t, ms);
  const target = t.cumWorkDays[idx + 1]! + n;
  if (t.cumWorkDays[t.dayCount]! < target) outOfRange(t, `${n} working days`);
  let lo = idx + 1;
  let hi = t.dayCount - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.cumWorkDays[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return closeOfDay(t, lo);
}

/** Civil Code style backwards: close of office hours on the n-th working day before the day of ms. */
export function endOfNthPrecedingWorkingDay(t: DayTables, ms: number, n: number): number {
  const idx = indexOfMs(t, ms);
  const target = t.cumWorkDays[idx]! - n; // working days strictly before the wanted day
  if (target < 0) throw new CalendarSlaError('CALENDAR_OUT_OF_RANGE', `before ${dateOfIndex(t, 0)}`);
  let lo = 0;
  let hi = idx - 1;
  // largest j < idx with cumWorkDays[j] === target and day j working ⇔ smallest j with cumWorkDays[j+1] > target
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.cumWorkDays[mid + 1]! > target) hi = mid;
    else lo = mid + 1;
  }
  return closeOfDay(t, lo);
}

/** True when any day between the two instants (inclusive) has no official arrangement. */
export function spansProvisional(t: DayTables, a: number, b: number): boolean {
  const ia = indexOfMs(t, Math.min(a, b));
  const ib = indexOfMs(t, Math.max(a, b));
  return t.cumProvisional[ib + 1]! - t.cumProvisional[ia]! > 0;
}

/** First provisional date at or after the day of `a` (only call when spansProvisional is true). */
export function firstProvisionalDate(t: DayTables, a: number): string {
  const ia = indexOfMs(t, a);
  const base = t.cumProvisional[ia]!;
  let lo = ia;
  let hi = t.dayCount - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.cumProvisional[mid + 1]! > base) hi = mid;
    else lo = mid + 1;
  }
  return dateOfDayNumber(t.firstDay + lo);
}
