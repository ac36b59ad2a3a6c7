// What the ticket lifecycle needs from the working calendar / SLA clock table (server/src/sla, owned
// by the "calendar" helper). The domain only sees this interface; the adapter in ../sla-adapter.ts
// binds it to the calendar module.
import type { Priority, TicketType } from './fields.ts';

/** Clocks of Art. 13. 'return_window' is Art. 17's 1 working day; 'special_notify' the 3 wall-clock minutes. */
export type TicketClock =
  | 'dispatch'
  | 'sign_for'
  | 'completion'
  | 'return_window'
  | 'special_notify'
  /** Art. 13 (2): special / special-urgent matters — first response and progress report (wall-clock). */
  | 'special_first_response'
  | 'special_progress';

export interface ExtensionLimits {
  /** Working days per extension (Art. 13: 5). */
  maxDays: number;
  /** Extensions per ticket (Art. 13: 2). */
  maxCount: number;
  /** Must be requested at least this many working days before the deadline (Art. 13: 1). */
  noticeWorkingDays: number;
}

export interface TicketSla {
  dueAt(clock: TicketClock, start: Date, ticket: { type: TicketType; priority: Priority }): Date;
  addWorkingDays(start: Date, days: number): Date;
  readonly extension: ExtensionLimits;
}

/** Configurable rule values the lifecycle needs (from the server config). */
export interface TicketRules {
  /** Art. 16: no rating within this window → 基本满意 and auto-close. */
  callbackWindowMs: number;
  /** 并单: window and similarity threshold for duplicate suggestions. */
  duplicateWindowMs: number;
  duplicateSimilarity: number;
}

export interface DecideContext {
  now: Date;
  sla: TicketSla;
  rules: TicketRules;
}
