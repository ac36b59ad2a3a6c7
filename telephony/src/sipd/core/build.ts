// Builders for messages sipd writes itself or completes for the app: responses from a request,
// tags, Via, Contact, and the fix-ups drachtio applies to app-written headers.
import { randomBytes } from 'node:crypto';
import { normalName, setParam, tagOf } from '../sip/headers.ts';
import { type Header, SipMessage } from '../sip/message.ts';
import type { Proto } from '../transport/transports.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 13-character tag like drachtio's. */
export function newTag(): string {
  const b = randomBytes(13);
  let s = '';
  for (const x of b) s += ALNUM[x % ALNUM.length];
  return s;
}

/** Headers the app may not set (drachtio discards them) plus the ones sipd always writes itself. */
export const APP_FORBIDDEN = new Set(['via', 'route', 'rseq', 'record-route', 'content-length']);

export function viaProto(proto: Proto): string {
  return proto.toUpperCase();
}

/** `<sip:host:port[;transport=x]>` for our side of `proto`. */
export function contactFor(proto: Proto, host: string, port: number, user?: string): string {
  const tp = proto === 'udp' ? '' : `;transport=${proto}`;
  return `<sip:${user ? `${user}@` : ''}${host}:${port}${tp}>`;
}

/** Response to `req` as sipd's own (100, 481, 487, 503, 400…): Vias, From, To(+tag), Call-ID, CSeq. */
export function localResponse(req: SipMessage, status: number, reason: string, toTag?: string): SipMessage {
  const res = new SipMessage();
  res.status = status;
  res.reason = reason;
  for (const h of req.headers) {
    const n = normalName(h.name);
    if (n === 'via' || n === 'from' || n === 'call-id' || n === 'cseq') res.headers.push({ ...h });
    else if (n === 'to') {
      const hasTag = tagOf(h.value) !== undefined;
      res.headers.push({
        name: h.name,
        value: toTag && !hasTag && status > 100 ? setParam(h.value, 'tag', toTag) : h.value,
      });
    }
  }
  return res;
}

/**
 * Merge an app-written response into one built from the request: request Vias/From/Call-ID/CSeq,
 * To with our tag, Record-Route copied for dialog-creating responses, then the app's other headers.
 */
export function completeResponse(
  req: SipMessage,
  app: SipMessage,
  toTag: string | undefined,
  copyRR: boolean,
): SipMessage {
  const res = localResponse(req, app.status, app.reason, toTag);
  if (copyRR) for (const rr of req.getAll('record-route')) res.append('Record-Route', rr);
  for (const h of app.headers) {
    const n = normalName(h.name);
    if (APP_FORBIDDEN.has(n) || n === 'from' || n === 'to' || n === 'call-id' || n === 'cseq') continue;
    res.headers.push(h);
  }
  res.body = app.body;
  return res;
}

/** Body without Content-Type: `v=0…` becomes application/sdp; anything else is an error (false). */
export function ensureContentType(msg: SipMessage): boolean {
  if (!msg.body || msg.has('content-type')) return true;
  if (msg.body.startsWith('v=0')) {
    msg.set('Content-Type', 'application/sdp');
    return true;
  }
  return false;
}

/** Replace `@localhost` in From/To/Contact/P-Asserted-Identity with our host:port. */
export function replaceLocalhost(headers: Header[], hostPort: string): void {
  for (const h of headers) {
    const n = normalName(h.name);
    if (n === 'from' || n === 'to' || n === 'contact' || n === 'p-asserted-identity')
      h.value = h.value.replace(/@localhost(?=[>;:\s]|$)(:\d+)?/gi, `@${hostPort}`);
  }
}

/** Put a name-addr in angle brackets so params after it are header params, not URI params. */
export function asNameAddr(value: string): string {
  const v = value.trim();
  if (v.includes('<')) return v;
  const semi = v.indexOf(';');
  return semi < 0 ? `<${v}>` : `<${v.slice(0, semi)}>${v.slice(semi)}`;
}

/** Order app headers after sipd's core headers (Content-Type last before the body). */
export function orderHeaders(msg: SipMessage, first: string[]): void {
  const rank = (h: Header) => {
    const i = first.indexOf(normalName(h.name));
    return i < 0 ? first.length : i;
  };
  msg.headers = msg.headers
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i)
    .map((x) => x.h);
}
