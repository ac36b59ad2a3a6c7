// Art. 25: a new policy is sent to the center 3–10 working days before it is made public; on the day
// of publication its original text and interpretation go into the knowledge base. Pure rules.
import type { WorkingCalendar } from '../../calendar/index.ts';

export const MIN_LEAD_WORKING_DAYS = 3;
export const MAX_LEAD_WORKING_DAYS = 10;

export type LeadTimeliness = 'on_time' | 'late' | 'early';

const DAY = 86_400_000;

/** YYYY-MM-DD of an instant in China time. */
export function chinaDay(t: number): string {
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/** Working days after `fromDate` up to and including `toDate` (0 when toDate ≤ fromDate). */
export function workingDaysBetween(
  cal: Pick<WorkingCalendar, 'day'>,
  fromDate: string,
  toDate: string,
): number {
  let n = 0;
  for (let d = nextDay(fromDate); d <= toDate; d = nextDay(d)) if (cal.day(d).working) n++;
  return n;
}

export interface LeadCheck {
  readonly workingDays: number;
  readonly timeliness: LeadTimeliness;
}

/** How many working days ahead of the release a registration came, and whether that met the rule. */
export function checkLead(
  cal: Pick<WorkingCalendar, 'day'>,
  registeredAt: number,
  releaseDate: string,
): LeadCheck {
  const workingDays = workingDaysBetween(cal, chinaDay(registeredAt), releaseDate);
  const timeliness =
    workingDays < MIN_LEAD_WORKING_DAYS ? 'late' : workingDays > MAX_LEAD_WORKING_DAYS ? 'early' : 'on_time';
  return { workingDays, timeliness };
}

export interface RegistrationState {
  readonly releaseDate: string;
  readonly status: 'registered' | 'fulfilled' | 'cancelled';
  readonly hasOriginal: boolean;
  readonly hasInterpretation: boolean;
}

/**
 * The reminder on publication day: from the release date on, until both the original text and its
 * interpretation are in the knowledge base. 'overdue' after the release day has passed.
 */
export function reminderState(r: RegistrationState, today: string): 'none' | 'due_today' | 'overdue' {
  if (r.status !== 'registered' || (r.hasOriginal && r.hasInterpretation)) return 'none';
  if (today < r.releaseDate) return 'none';
  return today === r.releaseDate ? 'due_today' : 'overdue';
}
