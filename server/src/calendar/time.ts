// Fixed-offset time arithmetic for Asia/Shanghai (UTC+08:00, no daylight saving since 1991).
// Nothing here reads the process time zone: only UTC getters and explicit offsets are used.
import { CalendarSlaError } from '../sla/errors.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Asia/Shanghai offset from UTC. */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** An instant: a Date or epoch milliseconds. */
export type Instant = Date | number;

export function toMs(t: Instant): number {
  const ms = typeof t === 'number' ? t : t.getTime();
  if (!Number.isFinite(ms)) throw new CalendarSlaError('CALENDAR_INVALID_INSTANT', String(t));
  return ms;
}

/** Shanghai calendar day number (days since 1970-01-01 in Shanghai local time). */
export function dayNumberOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Epoch ms of Shanghai local midnight starting the given day number. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; throws CALENDAR_INVALID_DATE on anything else (including 2026-02-30). */
export function dayNumberOfDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new CalendarSlaError('CALENDAR_INVALID_DATE', JSON.stringify(date));
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new CalendarSlaError('CALENDAR_INVALID_DATE', JSON.stringify(date));
  }
  return utc / DAY_MS;
}

/** Day number → 'YYYY-MM-DD'. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 in Shanghai local time with an explicit +08:00 offset, e.g. 2026-10-13T16:00:00+08:00. */
export function formatShanghai(t: Instant): string {
  const ms = toMs(t);
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const base = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  const millis = d.getUTCMilliseconds();
  return `${base}${millis ? `.${String(millis).padStart(3, '0')}` : ''}+08:00`;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parse an ISO 8601 instant. With an offset (Z, +08:00, -05:00 …) it is honoured; WITHOUT an offset the
 * wall time is read as Asia/Shanghai (never as the process time zone). A bare date means 00:00 Shanghai.
 */
export function parseInstant(text: string): Date {
  const m = ISO_RE.exec(text.trim());
  if (!m) throw new CalendarSlaError('CALENDAR_INVALID_INSTANT', JSON.stringify(text));
  const day = dayNumberOfDate(`${m[1]}-${m[2]}-${m[3]}`);
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  const frac = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi || s || frac))) {
    throw new CalendarSlaError('CALENDAR_INVALID_INSTANT', JSON.stringify(text));
  }
  let offsetMs = SHANGHAI_OFFSET_MS;
  const zone = m[8];
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) throw new CalendarSlaError('CALENDAR_INVALID_INSTANT', JSON.stringify(text));
    offsetMs = sign * (oh * HOUR_MS + om * MINUTE_MS);
  }
  const wall = day * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000 + frac;
  return new Date(wall - offsetMs);
}
