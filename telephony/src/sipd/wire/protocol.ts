// Builders and parsers for drachtio application-protocol payloads (README sections 2-4).
import { randomUUID } from 'node:crypto';

export const CRLF = '\r\n';

export interface AppMessage {
  msgId: string;
  type: string;
  args: string[];
  /** The SIP text after the first CRLF, if any. */
  sip: string | undefined;
}

export function parsePayload(payload: string): AppMessage | undefined {
  const pos = payload.indexOf(CRLF);
  const leader = pos < 0 ? payload : payload.slice(0, pos);
  const tokens = leader.split('|');
  if (tokens.length < 2) return undefined;
  return {
    msgId: tokens[0] ?? '',
    type: tokens[1] ?? '',
    args: tokens.slice(2),
    sip: pos < 0 ? undefined : payload.slice(pos + 2),
  };
}

/** UTC `HH:MM:SS.uuuuuu` as drachtio writes it. */
export function wireTime(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}`;
}

/** `response|<id>|...tokens` (+ CRLF + SIP when given). */
export function responsePayload(inReplyTo: string, tokens: string[], sip?: string): string {
  const head = [randomUUID(), 'response', inReplyTo, ...tokens].join('|');
  return sip === undefined ? head : `${head}${CRLF}${sip}`;
}

export interface SipMeta {
  source: 'network' | 'application';
  bytes: number;
  protocol: string;
  address: string;
  port: number | string;
  transactionId: string;
  dialogId: string;
  /** Layout (a) only: where a new out-of-dialog request arrived. */
  receivedOn?: { address: string; port: number };
}

/** Layout (a)/(b) `sip|…` frame from server to app. */
export function sipPayload(meta: SipMeta, sip: string): string {
  const tokens = [
    randomUUID(),
    'sip',
    meta.source,
    String(meta.bytes),
    meta.protocol,
    meta.address,
    String(meta.port),
    wireTime(),
    meta.transactionId,
    meta.dialogId,
  ];
  if (meta.receivedOn) tokens.push(meta.receivedOn.address, String(meta.receivedOn.port));
  return `${tokens.join('|')}|${CRLF}${sip}`;
}

export interface EchoMeta {
  bytes: number;
  protocol: string;
  address: string;
  port: number;
  transactionId: string;
}

/** Echo of a request the app sent: `OK|application|…|txn|Msg sent:|`. */
export function requestEcho(inReplyTo: string, m: EchoMeta, sip: string): string {
  const t = ['OK', 'application', String(m.bytes), m.protocol, m.address, String(m.port), wireTime()];
  return responsePayload(inReplyTo, [...t, m.transactionId, 'Msg sent:', ''], sip);
}

/** Echo of a response the app sent: `OK|application|…|txn|dialog||Msg sent:|`. */
export function responseEcho(inReplyTo: string, m: EchoMeta, dialogId: string, sip: string): string {
  const t = ['OK', 'application', String(m.bytes), m.protocol, m.address, String(m.port), wireTime()];
  return responsePayload(inReplyTo, [...t, m.transactionId, dialogId, '', 'Msg sent:', ''], sip);
}
