// SIP headers the gateway puts on the INVITE it sends to an agent's browser, so the console can show
// the call without asking anyone. Documented in telephony/README.md ("Gateway"). Pure.

export const HOTLINE_HEADERS = {
  callId: 'X-Hotline-Call-Id',
  caller: 'X-Hotline-Caller',
  queue: 'X-Hotline-Queue',
  waitSeconds: 'X-Hotline-Wait-Seconds',
  priority: 'X-Hotline-Priority',
  language: 'X-Hotline-Language',
  repeatCaller: 'X-Hotline-Repeat-Caller',
  kind: 'X-Hotline-Call-Kind',
  /** Sent BY the browser on outbound INVITEs. */
  threeWayFor: 'X-Hotline-Three-Way-For',
  callbackGrant: 'X-Hotline-Callback-Grant',
} as const;

export interface OfferInfo {
  callId: string;
  caller: string;
  queue: string;
  waitSeconds: number;
  priority: number;
  language: string;
  repeatCaller: boolean;
  kind: 'inbound' | 'transfer' | 'callback' | 'three-way';
}

/** Headers for an agent-facing INVITE. Values are restricted to header-safe characters. */
export function offerHeaders(o: OfferInfo): Record<string, string> {
  const safe = (s: string) => s.replace(/[^\w.+\-@:]/g, '');
  return {
    [HOTLINE_HEADERS.callId]: safe(o.callId),
    [HOTLINE_HEADERS.caller]: safe(o.caller),
    [HOTLINE_HEADERS.queue]: safe(o.queue),
    [HOTLINE_HEADERS.waitSeconds]: String(Math.max(0, Math.round(o.waitSeconds))),
    [HOTLINE_HEADERS.priority]: String(Math.trunc(o.priority)),
    [HOTLINE_HEADERS.language]: safe(o.language),
    [HOTLINE_HEADERS.repeatCaller]: o.repeatCaller ? '1' : '0',
    [HOTLINE_HEADERS.kind]: o.kind,
  };
}

/** The caller's number from a trunk INVITE's From (or P-Asserted-Identity) URI user part. */
export function callerNumber(uriOrHeader: string | undefined): string {
  const m = /sips?:([^@;>]+)@/.exec(uriOrHeader ?? '');
  const user = m?.[1] ?? '';
  return /^\+?[\d*#]{1,32}$/.test(user) ? user : 'anonymous';
}
