// A SIP message: start line, ordered headers (original spelling kept), body. Parsing never throws:
// it returns a typed error so transports can answer 400 or drop.
import { TelephonyError } from '../../errors.ts';
import { canonicalName, LIST_HEADERS, normalName, parseCSeq, splitList } from './headers.ts';

export interface Header {
  name: string;
  value: string;
}

const CRLF = '\r\n';
const METHOD_RE = /^[A-Za-z!%*_+`'~.-]+$/;

export class SipMessage {
  method = '';
  uri = '';
  status = 0;
  reason = '';
  headers: Header[] = [];
  body = '';

  get isRequest(): boolean {
    return this.method !== '';
  }

  get(name: string): string | undefined {
    const n = normalName(name);
    for (const h of this.headers) if (normalName(h.name) === n) return h.value;
    return undefined;
  }

  /** Every value, comma lists split for Via/Contact/Route/Record-Route. */
  getAll(name: string): string[] {
    const n = normalName(name);
    const out: string[] = [];
    for (const h of this.headers) {
      if (normalName(h.name) !== n) continue;
      if (LIST_HEADERS.has(n)) out.push(...splitList(h.value));
      else out.push(h.value);
    }
    return out;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Replace the first occurrence (keeping its position) and drop the others; append if absent. */
  set(name: string, value: string): void {
    const n = normalName(name);
    const i = this.headers.findIndex((h) => normalName(h.name) === n);
    if (i < 0) {
      this.headers.push({ name: canonicalName(name), value });
      return;
    }
    const cur = this.headers[i] as Header;
    cur.value = value;
    this.headers = this.headers.filter((h, j) => j === i || normalName(h.name) !== n);
  }

  remove(name: string): void {
    const n = normalName(name);
    this.headers = this.headers.filter((h) => normalName(h.name) !== n);
  }

  append(name: string, value: string): void {
    this.headers.push({ name: canonicalName(name), value });
  }

  prepend(name: string, value: string): void {
    this.headers.unshift({ name: canonicalName(name), value });
  }

  get callId(): string {
    return this.get('call-id') ?? '';
  }

  get cseq(): { seq: number; method: string } {
    return parseCSeq(this.get('cseq')) ?? { seq: 0, method: '' };
  }

  toString(): string {
    const start = this.isRequest
      ? `${this.method} ${this.uri} SIP/2.0`
      : `SIP/2.0 ${this.status} ${this.reason}`;
    const lines = [start];
    let hasLength = false;
    const len = Buffer.byteLength(this.body, 'utf8');
    for (const h of this.headers) {
      if (normalName(h.name) === 'content-length') {
        hasLength = true;
        lines.push(`${h.name}: ${Number(h.value.trim()) === len ? h.value : String(len)}`);
      } else lines.push(`${h.name}: ${h.value}`);
    }
    if (!hasLength) lines.push(`Content-Length: ${len}`);
    return lines.join(CRLF) + CRLF + CRLF + this.body;
  }

  clone(): SipMessage {
    const m = new SipMessage();
    Object.assign(m, this);
    m.headers = this.headers.map((h) => ({ ...h }));
    return m;
  }
}

function malformed(why: string): TelephonyError {
  return new TelephonyError('SIP_MALFORMED', why);
}

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** Parse the head (start line + headers) of a message; the body is given separately. */
function parseHead(head: string): SipMessage {
  // control characters other than HTAB/CR/LF never appear in a valid head (RFC 3261 §25)
  if (hasControlChar(head)) throw malformed('control character in the head');
  const lines = head.split(/\r?\n/);
  const start = lines.shift() ?? '';
  const msg = new SipMessage();
  const resp = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(start);
  if (resp) {
    msg.status = Number(resp[1]);
    msg.reason = resp[2] ?? '';
    if (msg.status < 100 || msg.status > 699) throw malformed('bad status code');
  } else {
    const req = /^([^ ]+) ([^ ]+) SIP\/2\.0$/.exec(start);
    if (!req || !METHOD_RE.test(req[1] ?? '')) throw malformed('bad start line');
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"]+$/.test(req[2] ?? '')) throw malformed('bad Request-URI');
    msg.method = (req[1] ?? '').toUpperCase();
    msg.uri = req[2] ?? '';
  }
  for (const line of lines) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && msg.headers.length) {
      const last = msg.headers[msg.headers.length - 1] as Header;
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('header line without a colon');
    const name = line.slice(0, colon).trim();
    if (!/^[A-Za-z0-9!%*_+`'~.-]+$/.test(name)) throw malformed('bad header name');
    msg.headers.push({ name, value: line.slice(colon + 1).trim() });
  }
  return msg;
}

/** RFC 3261 §8.1.1 / §16.3 mandatory headers, and a CSeq whose method matches the request. */
export function validate(msg: SipMessage): void {
  for (const h of ['via', 'from', 'to', 'call-id', 'cseq']) if (!msg.has(h)) throw malformed(`missing ${h}`);
  const cseq = parseCSeq(msg.get('cseq'));
  if (!cseq) throw malformed('bad CSeq');
  if (msg.isRequest && cseq.method !== msg.method && !(msg.method === 'ACK' && cseq.method === 'INVITE'))
    throw malformed('CSeq method does not match the request');
  if (msg.isRequest && msg.method === 'ACK' && cseq.method !== 'ACK') throw malformed('CSeq method mismatch');
}

/**
 * Parse one complete datagram / WebSocket message / stream frame. `datagram` means the body is
 * whatever follows the blank line; a Content-Length larger than that is an error, a smaller one
 * truncates (RFC 3261 §18.3).
 */
export function parseMessage(buf: Buffer): SipMessage {
  const sep = buf.indexOf('\r\n\r\n');
  const headEnd = sep < 0 ? buf.length : sep;
  const head = buf.subarray(0, headEnd).toString('utf8');
  const msg = parseHead(head.replace(/^(\r\n)+/, ''));
  const rest = sep < 0 ? Buffer.alloc(0) : buf.subarray(sep + 4);
  const cl = msg.get('content-length');
  let bodyBuf = rest;
  if (cl !== undefined) {
    if (!/^\s*\d{1,9}\s*$/.test(cl)) throw malformed('bad Content-Length');
    const n = Number(cl);
    if (n > rest.length) throw malformed('Content-Length larger than the body');
    bodyBuf = rest.subarray(0, n);
  }
  msg.body = bodyBuf.toString('utf8');
  validate(msg);
  return msg;
}

/** Parse app-written SIP text (srf writes lower-case names, may omit Via and Content-Length). */
export function parseAppMessage(text: string): SipMessage {
  const sep = text.indexOf('\r\n\r\n');
  const head = sep < 0 ? text : text.slice(0, sep);
  const msg = parseHead(head);
  msg.body = sep < 0 ? '' : text.slice(sep + 4);
  return msg;
}
