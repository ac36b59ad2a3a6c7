// Reads the call details the gateway puts on the INVITE it sends to an agent (telephony/README.md).
// Pure: takes a header getter so it is testable without sip.js.
import type { CallInfo } from '../domain/softphone-state.ts';

export const OFFER_HEADERS = {
  callerNumber: 'X-Hotline-Caller',
  callId: 'X-Hotline-Call-Id',
  queue: 'X-Hotline-Queue',
  priority: 'X-Hotline-Priority',
  enqueuedAt: 'X-Hotline-Enqueued-At',
} as const;

export function parseOffer(
  getHeader: (name: string) => string | undefined,
  fromUser: string,
  sipCallId: string,
): CallInfo {
  const h = (k: keyof typeof OFFER_HEADERS) => getHeader(OFFER_HEADERS[k])?.trim() || undefined;
  const enq = Number(h('enqueuedAt'));
  return {
    callId: h('callId') ?? sipCallId,
    callerNumber: h('callerNumber') ?? fromUser,
    queue: h('queue'),
    priority: h('priority'),
    enqueuedAt: Number.isFinite(enq) && enq > 0 ? (enq < 1e12 ? enq * 1000 : enq) : undefined,
  };
}
