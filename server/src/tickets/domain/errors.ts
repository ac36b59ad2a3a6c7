// Typed domain errors of the ticket lifecycle. The HTTP status of each code lives in the server's
// error catalogue (server/src/errors); the domain only names the rule that was broken.
export const TICKET_ERROR_CODES = [
  'TICKET_INVALID_PAYLOAD',
  'TICKET_ILLEGAL_TRANSITION',
  'TICKET_ROLE_FORBIDDEN',
  'TICKET_NOT_YOUR_UNIT',
  'TICKET_RULE_VIOLATION',
  'TICKET_NOT_FOUND',
  'TICKET_VERSION_CONFLICT',
] as const;
export type TicketErrorCode = (typeof TICKET_ERROR_CODES)[number];

export class TicketRuleError extends Error {
  readonly code: TicketErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: TicketErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'TicketRuleError';
    this.code = code;
    this.details = details;
  }
}

/** A broken regulation rule; `rule` names the article (e.g. 'Art. 17') for the UI and the audit trail. */
export function ruleViolation(
  rule: string,
  message: string,
  extra: Record<string, unknown> = {},
): TicketRuleError {
  return new TicketRuleError('TICKET_RULE_VIOLATION', `${rule}: ${message}`, { rule, ...extra });
}
