// The queue workspace's one error catalogue: every failure the ACD reports is an AcdError with a
// stable code, the HTTP status a server route should answer with and the SIP status a gateway
// should use when the failure happens on a call leg.

export const ERRORS = {
  INVALID_INPUT: { http: 400, sip: 400, message: 'invalid input' },
  CONFIG_INVALID: { http: 500, sip: 500, message: 'invalid ACD configuration' },
  UNKNOWN_AGENT: { http: 404, sip: 404, message: 'unknown agent' },
  UNKNOWN_CALL: { http: 404, sip: 481, message: 'unknown call' },
  CALL_EXISTS: { http: 409, sip: 482, message: 'a call with this id was already enqueued' },
  ALREADY_LOGGED_IN: { http: 409, sip: 409, message: 'agent is already logged in' },
  ILLEGAL_AGENT_TRANSITION: { http: 409, sip: 409, message: 'illegal agent state change' },
  ILLEGAL_CALL_TRANSITION: { http: 409, sip: 481, message: 'illegal call state change' },
  OFFER_MISMATCH: { http: 409, sip: 481, message: 'the call is not offered to this agent' },
  REDIS_UNAVAILABLE: { http: 503, sip: 503, message: 'call distributor storage unavailable' },
} as const satisfies Record<string, { http: number; sip: number; message: string }>;

export type AcdErrorCode = keyof typeof ERRORS;

export class AcdError extends Error {
  readonly code: AcdErrorCode;
  readonly httpStatus: number;
  readonly sipStatus: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: AcdErrorCode, details: Record<string, unknown> = {}, cause?: unknown) {
    const entry = ERRORS[code];
    const extra = Object.entries(details)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    super(extra ? `${entry.message} (${extra})` : entry.message, cause === undefined ? undefined : { cause });
    this.name = 'AcdError';
    this.code = code;
    this.httpStatus = entry.http;
    this.sipStatus = entry.sip;
    this.details = Object.freeze({ ...details });
  }
}

export function isAcdError(e: unknown, code?: AcdErrorCode): e is AcdError {
  return e instanceof AcdError && (code === undefined || e.code === code);
}
