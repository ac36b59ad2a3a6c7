// Art. 13 (1) 延期: decide whether an extension request is allowed, and the new due time. Pure.
import type { CalendarWarning, Instant, WorkingCalendar } from '../calendar/index.ts';
import { EXTENSION_RULE, type SlaTicketType } from './clocks.ts';

export type ExtensionRefusalReason =
  | 'CONSULTATION_NOT_EXTENDABLE'
  | 'UPPER_PLATFORM_NOT_EXTENDABLE'
  | 'REASON_MISSING'
  | 'INVALID_AMOUNT'
  | 'TOO_MANY_EXTENSIONS'
  | 'TOO_LONG'
  | 'TOO_LATE';

export const EXTENSION_REFUSALS: Readonly<Record<ExtensionRefusalReason, { zh: string; en: string }>> = {
  CONSULTATION_NOT_EXTENDABLE: {
    zh: '咨询类工单原则上不予延期',
    en: 'Consultations are, in principle, not extendable',
  },
  UPPER_PLATFORM_NOT_EXTENDABLE: {
    zh: '国家和省转工单原则上不予延期',
    en: 'Tickets from national or provincial platforms are, in principle, not extendable',
  },
  REASON_MISSING: {
    zh: '须说明延期理由',
    en: 'The request must explain why the ticket cannot be finished in time',
  },
  INVALID_AMOUNT: {
    zh: '延期时长须为正整数个工作日',
    en: 'The extension must be a whole number of working days ≥ 1',
  },
  TOO_MANY_EXTENSIONS: { zh: '延期次数不超过2次', en: 'At most 2 extensions' },
  TOO_LONG: { zh: '每次延期时限不超过5个工作日', en: 'Each extension is at most 5 working days' },
  TOO_LATE: {
    zh: '应在时限到期前1个工作日申请延期',
    en: 'An extension must be requested at least 1 working day before the due time',
  },
};

export interface ExtensionRequestInput {
  readonly calendar: WorkingCalendar;
  readonly ticketType: SlaTicketType;
  /** The upper platform the ticket came from (e.g. 'national_gov_service'); null/absent for local intake. */
  readonly upperPlatform?: string | null;
  /** The completion clock's current due time (after earlier extensions). */
  readonly currentDue: Instant;
  readonly requestedAt: Instant;
  readonly workingDays: number;
  /** Extensions already approved for this ticket. */
  readonly approvedCount: number;
  readonly reason: string;
  /** A law, regulation or rule sets its own time limit (法律法规规章另有规定): lifts the 5-day and 2-time caps. */
  readonly legalBasis?: string | null;
}

export type ExtensionDecision =
  | {
      readonly allowed: true;
      readonly newDue: Date;
      /** Latest instant at which this request could have been made. */
      readonly latestRequestAt: Date;
      readonly provisional: boolean;
      readonly warnings: readonly CalendarWarning[];
    }
  | {
      readonly allowed: false;
      readonly reason: ExtensionRefusalReason;
      readonly article: string;
      readonly message: { readonly zh: string; readonly en: string };
      readonly latestRequestAt: Date | null;
    };

function refuse(reason: ExtensionRefusalReason, latestRequestAt: Date | null = null): ExtensionDecision {
  return {
    allowed: false,
    reason,
    article: EXTENSION_RULE.article,
    message: EXTENSION_REFUSALS[reason],
    latestRequestAt,
  };
}

export function evaluateExtensionRequest(input: ExtensionRequestInput): ExtensionDecision {
  const rule = EXTENSION_RULE;
  const withLaw = Boolean(input.legalBasis?.trim());
  if (rule.notExtendableTypes.includes(input.ticketType)) return refuse('CONSULTATION_NOT_EXTENDABLE');
  if (input.upperPlatform && rule.notExtendablePlatforms.includes(input.upperPlatform)) {
    return refuse('UPPER_PLATFORM_NOT_EXTENDABLE');
  }
  if (!input.reason?.trim()) return refuse('REASON_MISSING');
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1) return refuse('INVALID_AMOUNT');
  if (!withLaw && input.approvedCount >= rule.maxCount) return refuse('TOO_MANY_EXTENSIONS');
  if (!withLaw && input.workingDays > rule.maxWorkingDaysEach) return refuse('TOO_LONG');

  const latest = input.calendar.subtractWorkingDays(input.currentDue, rule.noticeWorkingDays);
  const requestedAt = typeof input.requestedAt === 'number' ? input.requestedAt : input.requestedAt.getTime();
  if (!(requestedAt <= latest.due.getTime())) return refuse('TOO_LATE', latest.due);

  const next = input.calendar.addWorkingDays(input.currentDue, input.workingDays);
  const warnings = [latest.warning, next.warning].filter((w): w is CalendarWarning => w !== undefined);
  return {
    allowed: true,
    newDue: next.due,
    latestRequestAt: latest.due,
    provisional: latest.provisional || next.provisional,
    warnings: [...new Set(warnings)],
  };
}
