// Reads the call details the gateway puts on the INVITE it sends to an agent
// (telephony/src/gateway/domain/hotline-headers.ts). Pure: takes a header getter, testable without sip.js.
import type { CallInfo } from '../domain/softphone-state.ts';

export const OFFER_HEADERS = {
  callId: 'X-Hotline-Call-Id',
  callerNumber: 'X-Hotline-Caller',
  queue: 'X-Hotline-Queue',
  waitSeconds: 'X-Hotline-Wait-Seconds',
  priority: 'X-Hotline-Priority',
  language: 'X-Hotline-Language',
  repeatCaller: 'X-Hotline-Repeat-Caller',
  kind: 'X-Hotline-Call-Kind',
} as const;

/** `now` is when the offer arrived: the wait so far is turned into the time the caller was queued. */
export function parseOffer(
  getHeader: (name: string) => string | undefined,
  fromUser: string,
  sipCallId: string,
  now: number,
): CallInfo {
  const h = (k: keyof typeof OFFER_HEADERS) => getHeader(OFFER_HEADERS[k])?.trim() || undefined;
  const wait = Number(h('waitSeconds'));
  return {
    callId: h('callId') ?? sipCallId,
    callerNumber: h('callerNumber') ?? fromUser,
    queue: h('queue'),
    priority: h('priority'),
    enqueuedAt:
      Number.isFinite(wait) && wait >= 0 && h('waitSeconds') !== undefined ? now - wait * 1000 : undefined,
    repeatCaller: h('repeatCaller') === '1',
    language: h('language'),
    kind: h('kind'),
  };
}
