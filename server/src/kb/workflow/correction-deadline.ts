// 纠错: an agent's error report goes to the owner unit with a deadline in working days; overdue
// corrections are an assessment item visible to the hotline authority (Art. 27 (3)). Pure rules.
import type { WorkingCalendar } from '../../calendar/index.ts';

export const CORRECTION_STATUSES = ['open', 'fixed', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export function correctionDueAt(
  cal: Pick<WorkingCalendar, 'addWorkingDays'>,
  reportedAt: number,
  days: number,
): Date {
  return cal.addWorkingDays(new Date(reportedAt), days).due;
}

export function isOverdue(
  c: { status: CorrectionStatus; dueAt: number; resolvedAt: number | null },
  now: number,
) {
  if (c.status === 'open') return now > c.dueAt;
  return c.resolvedAt !== null && c.resolvedAt > c.dueAt;
}
