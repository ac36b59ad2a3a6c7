// Wrap-up (整理) form: disposition codes and validation. Pure.
// The codes are defined once, by the server (contracts/dispositions.ts); the menu's list is checked
// against the server's type both ways (every-of.ts).
import type { Disposition } from '../../../server/src/contracts/dispositions.ts';
import { everyOf } from './every-of.ts';

export type { Disposition };

/** The menu order of the 整理 dispositions. */
export const DISPOSITIONS = everyOf<Disposition>()([
  'immediate',
  'ticket-created',
  'not-accepted',
  'emergency-transfer',
  'nuisance',
]);

/** The regulation's eight 不予受理 reasons (Art. 11), by number; the text lives in i18n. */
export const NOT_ACCEPTED_REASONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type NotAcceptedReason = (typeof NOT_ACCEPTED_REASONS)[number];

export const EMERGENCY_LINES = ['110', '119', '120', '122'] as const;

export interface WrapUpForm {
  callId: string;
  disposition?: Disposition;
  ticketNo?: string;
  notAcceptedReason?: NotAcceptedReason;
  emergencyLine?: string;
  kbArticleId?: string;
  note: string;
}

export interface WrapUpRecord {
  callId: string;
  disposition: Disposition;
  ticketNo?: string;
  notAcceptedReason?: NotAcceptedReason;
  emergencyLine?: string;
  kbArticleId?: string;
  note: string;
}

export type WrapUpErrors = Partial<Record<keyof WrapUpForm, string>>;

export function emptyWrapUp(callId: string): WrapUpForm {
  return { callId, note: '' };
}

/** Returns i18n keys per field; an empty object means the form can be submitted. */
export function validateWrapUp(f: WrapUpForm): WrapUpErrors {
  const e: WrapUpErrors = {};
  if (!f.disposition || !DISPOSITIONS.includes(f.disposition)) e.disposition = 'wrapUp.err.disposition';
  if (f.disposition === 'ticket-created' && !f.ticketNo?.trim()) e.ticketNo = 'wrapUp.err.ticketNo';
  if (
    f.disposition === 'not-accepted' &&
    !NOT_ACCEPTED_REASONS.includes(f.notAcceptedReason as NotAcceptedReason)
  ) {
    e.notAcceptedReason = 'wrapUp.err.reason';
  }
  if (f.disposition === 'emergency-transfer' && !f.emergencyLine?.trim()) e.emergencyLine = 'wrapUp.err.line';
  if (f.note.length > 2000) e.note = 'wrapUp.err.noteTooLong';
  return e;
}

/** The record sent to the server: only the fields that belong to the chosen disposition. */
export function toWrapUpRecord(f: WrapUpForm): WrapUpRecord | null {
  if (Object.keys(validateWrapUp(f)).length > 0 || !f.disposition) return null;
  const r: WrapUpRecord = { callId: f.callId, disposition: f.disposition, note: f.note.trim() };
  if (f.disposition === 'ticket-created') r.ticketNo = f.ticketNo?.trim();
  if (f.disposition === 'not-accepted') r.notAcceptedReason = f.notAcceptedReason;
  if (f.disposition === 'emergency-transfer') r.emergencyLine = f.emergencyLine;
  if (f.disposition === 'immediate' && f.kbArticleId) r.kbArticleId = f.kbArticleId;
  return r;
}
