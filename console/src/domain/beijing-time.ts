// The hotline's clock: Beijing time (UTC+8, no daylight saving), whatever the browser's time zone.
// Pure; every screen that shows or enters a wall-clock time goes through here.
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** "YYYY-MM-DDTHH:mm:ss.sssZ" with Beijing's wall clock in place of UTC's (for slicing). */
export function beijingIso(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString();
}

/** YYYY-MM-DD of an instant in Beijing time. */
export function beijingDay(ms: number): string {
  return beijingIso(ms).slice(0, 10);
}
