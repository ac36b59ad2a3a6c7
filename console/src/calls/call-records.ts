// 通话记录 screen logic, pure: the filter form → the GET /api/calls query, Beijing-time days and times,
// and the lengths shown in the table. The hotline works in Beijing time (UTC+8, no daylight saving).
import type { CallOutcome } from '../../../server/src/contracts/calls.ts';
import { BEIJING_OFFSET_MS, beijingDay, beijingIso } from '../domain/beijing-time.ts';
import { everyOf } from '../domain/every-of.ts';
import { formatDuration } from '../domain/softphone-state.ts';

export type { CallOutcome };

/** The filter menu's outcomes, in menu order (checked against the server's list both ways). */
export const OUTCOMES = everyOf<CallOutcome>()(['answered', 'completed', 'abandoned', 'callback', 'waiting']);

export interface CallFilter {
  /** First and last day, YYYY-MM-DD in Beijing time (inclusive). */
  fromDay: string;
  toDay: string;
  outcome: CallOutcome | '';
  queue: string;
  /** The answering agent's 工号 (username). */
  agent: string;
  /** The caller's full number (the list still shows it masked). */
  number: string;
}

export type FilterErrors = Partial<Record<keyof CallFilter, string>>;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER_RE = /^\+?[0-9]{3,20}$/;

/** "11-20 09:30:04" in Beijing time; the year only when it is not the current one. */
export function beijingTime(iso: string, now: number): string {
  const s = beijingIso(Date.parse(iso));
  const sameYear = s.slice(0, 4) === beijingDay(now).slice(0, 4);
  return `${sameYear ? s.slice(5, 10) : s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** The instant a Beijing day starts, or null for a malformed day. */
export function dayStart(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - BEIJING_OFFSET_MS;
  return beijingDay(ms) === day ? ms : null; // rejects 2026-02-30
}

export function todayFilter(now: number): CallFilter {
  const d = beijingDay(now);
  return { fromDay: d, toDay: d, outcome: '', queue: '', agent: '', number: '' };
}

/** i18n keys per field; empty when the filter can be sent. */
export function validateFilter(f: CallFilter): FilterErrors {
  const e: FilterErrors = {};
  const from = dayStart(f.fromDay);
  const to = dayStart(f.toDay);
  if (from === null) e.fromDay = 'calls.err.day';
  if (to === null) e.toDay = 'calls.err.day';
  if (from !== null && to !== null && to < from) e.toDay = 'calls.err.order';
  const n = f.number.replace(/\s/g, '');
  if (n && !NUMBER_RE.test(n)) e.number = 'calls.err.number';
  return e;
}

/** The query string for GET /api/calls (without "?"); null while the filter has errors. */
export function toQuery(f: CallFilter, opts: { before?: string | null; limit: number }): string | null {
  if (Object.keys(validateFilter(f)).length > 0) return null;
  const q = new URLSearchParams();
  q.set('from', new Date(dayStart(f.fromDay)!).toISOString());
  q.set('to', new Date(dayStart(f.toDay)! + 24 * 3_600_000).toISOString());
  if (f.outcome) q.set('outcome', f.outcome);
  if (f.queue.trim()) q.set('queue', f.queue.trim());
  if (f.agent.trim()) q.set('agent', f.agent.trim());
  const n = f.number.replace(/\s/g, '');
  if (n) q.set('number', n);
  if (opts.before) q.set('before', opts.before);
  q.set('limit', String(opts.limit));
  return q.toString();
}

/** "01:05" for 65 000 ms, "1:00:00" for an hour; "—" when not known. */
export function lengthText(ms: number | null): string {
  return ms === null ? '—' : formatDuration(Math.round(ms / 1000));
}
