// The console's one error catalogue. Each code has an i18n message key (errors.<code>).
export const ERRORS = {
  ILLEGAL_TRANSITION: 'errors.ILLEGAL_TRANSITION',
  NOT_LOGGED_IN: 'errors.NOT_LOGGED_IN',
  LOGIN_FAILED: 'errors.LOGIN_FAILED',
  FORBIDDEN: 'errors.FORBIDDEN',
  SERVER_ERROR: 'errors.SERVER_ERROR',
  NETWORK: 'errors.NETWORK',
  BAD_PAYLOAD: 'errors.BAD_PAYLOAD',
  MIC_BLOCKED: 'errors.MIC_BLOCKED',
  SIP_REGISTER_FAILED: 'errors.SIP_REGISTER_FAILED',
  NO_CALL: 'errors.NO_CALL',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class ConsoleError extends Error {
  readonly code: ErrorCode;
  readonly detail: Record<string, unknown>;
  constructor(code: ErrorCode, detail: Record<string, unknown> = {}) {
    super(`${code}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ''}`);
    this.name = 'ConsoleError';
    this.code = code;
    this.detail = detail;
  }
  get i18nKey(): string {
    return ERRORS[this.code];
  }
}

export function isConsoleError(e: unknown): e is ConsoleError {
  return e instanceof ConsoleError;
}
