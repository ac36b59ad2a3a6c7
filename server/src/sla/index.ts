// Public API of the SLA clocks (时限). Pure TypeScript, no I/O; deadlines come from the working calendar.
export {
  DEFAULT_WARNING_SHARE,
  EXTENSION_RULE,
  NATIONAL_OR_PROVINCIAL_PLATFORMS,
  SLA_CLOCKS,
  type SlaClockDefinition,
  type SlaClockKind,
  type SlaEvent,
  type SlaLimit,
  type SlaPriority,
  type SlaTicketType,
} from './clocks.ts';
export { computeDue } from './compute-due.ts';
export {
  CALENDAR_SLA_ERRORS,
  CalendarSlaError,
  type CalendarSlaErrorCode,
  isCalendarSlaError,
} from './errors.ts';
export {
  type ClockState,
  type ClockStatus,
  type EvaluateClockInput,
  evaluateClock,
  type PauseInterval,
} from './evaluate-clock.ts';
export {
  EXTENSION_REFUSALS,
  type ExtensionDecision,
  type ExtensionRefusalReason,
  type ExtensionRequestInput,
  evaluateExtensionRequest,
} from './evaluate-extension-request.ts';
export { applicableClocks, clockById, clockFor, type SlaTicket } from './select-clocks.ts';
