// Deliberately naive reference for the default calendar (Mon–Fri 09:00–12:00, 14:00–18:00, chinese-days
// holidays and 调休), stepping minute by minute. Independent of src/calendar: used to cross-check it in
// tests and as the baseline of bench/calendar.ts.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

const holidays = data.holidays as Record<string, string>;
const workdays = data.workdays as Record<string, string>;
const MIN = 60_000;

export function naiveIsWorkingMinute(ms: number): boolean {
  const local = new Date(ms + 8 * 3_600_000);
  const date = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  const working = date in workdays || (weekday >= 1 && weekday <= 5 && !(date in holidays));
  if (!working) return false;
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  return (m >= 540 && m < 720) || (m >= 840 && m < 1080);
}

/** Earliest instant at which `minutes` working minutes have passed since a minute-aligned start. */
export function naiveAddWorkingMinutes(startMs: number, minutes: number): number {
  if (minutes === 0) return startMs;
  let t = startMs;
  let left = minutes;
  for (;;) {
    if (naiveIsWorkingMinute(t) && --left === 0) return t + MIN;
    t += MIN;
  }
}

export function naiveWorkingMinutesBetween(a: number, b: number): number {
  let n = 0;
  for (let t = a; t < b; t += MIN) if (naiveIsWorkingMinute(t)) n++;
  return n;
}
