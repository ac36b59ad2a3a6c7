// Header-name rules of RFC 3261: compact forms, canonical spelling, comma-separated lists and the
// small grammars sipd needs (Via, name-addr with params, CSeq).

const COMPACT: Record<string, string> = {
  i: 'call-id',
  f: 'from',
  t: 'to',
  v: 'via',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
  s: 'subject',
  e: 'content-encoding',
  o: 'event',
  r: 'refer-to',
  b: 'referred-by',
  u: 'allow-events',
  x: 'session-expires',
};

const CANONICAL: Record<string, string> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  'www-authenticate': 'WWW-Authenticate',
  'proxy-authenticate': 'Proxy-Authenticate',
  rseq: 'RSeq',
  rack: 'RAck',
  'mime-version': 'MIME-Version',
  'sip-etag': 'SIP-ETag',
  'sip-if-match': 'SIP-If-Match',
  'p-asserted-identity': 'P-Asserted-Identity',
};

/** Lower-case long form of a header name (`i` → `call-id`). */
export function normalName(name: string): string {
  const n = name.trim().toLowerCase();
  return COMPACT[n] ?? n;
}

/** Canonical wire spelling (`cseq` → `CSeq`, `x-app` → `X-App`). */
export function canonicalName(name: string): string {
  const n = normalName(name);
  return CANONICAL[n] ?? n.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
}

/** Headers whose values may be comma-joined lists of entries. */
export const LIST_HEADERS = new Set(['via', 'contact', 'route', 'record-route']);

/** Split a header value on commas that are outside quotes and angle brackets. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = value.slice(start).trim();
  if (last) out.push(last);
  return out;
}

export interface Via {
  protocol: string; // UDP, TCP, WS, WSS, TLS
  host: string;
  port: number | undefined;
  params: Map<string, string | undefined>;
}

export function parseVia(value: string): Via | undefined {
  const m = /^\s*SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+([^;\s]+)\s*(;.*)?$/i.exec(value);
  if (!m) return undefined;
  const hp = splitHostPort(m[2] ?? '');
  if (!hp) return undefined;
  return {
    protocol: (m[1] ?? '').toUpperCase(),
    host: hp.host,
    port: hp.port,
    params: parseParams(m[3] ?? ''),
  };
}

export function splitHostPort(hp: string): { host: string; port: number | undefined } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/.exec(hp);
  if (!m) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && port > 65535) return undefined;
  return { host: m[1] ?? '', port };
}

/** `;a=b;c` → Map{a: 'b', c: undefined} (keys lower-cased). */
export function parseParams(s: string): Map<string, string | undefined> {
  const params = new Map<string, string | undefined>();
  for (const part of s.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq < 0) params.set(p.toLowerCase(), undefined);
    else params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim());
  }
  return params;
}

/** Set (or replace) a `;name=value` parameter at the end of a header value (outside `<…>`). */
export function setParam(value: string, name: string, param: string | undefined): string {
  const { head, params } = splitNameAddr(value);
  const re = new RegExp(`;\\s*${name}(=[^;]*)?(?=;|$)`, 'i');
  const cleaned = params.replace(re, '');
  return `${head}${cleaned};${name}${param === undefined ? '' : `=${param}`}`;
}

/** Split `"x" <uri;p>;tag=1` into the part up to and including the URI and the trailing params. */
export function splitNameAddr(value: string): { head: string; params: string } {
  const v = value.trim();
  const close = v.indexOf('>');
  if (v.includes('<') && close >= 0) return { head: v.slice(0, close + 1), params: v.slice(close + 1) };
  const semi = v.indexOf(';');
  if (semi < 0) return { head: v, params: '' };
  return { head: v.slice(0, semi), params: v.slice(semi) };
}

/** The URI inside a name-addr or addr-spec header value. */
export function addrUri(value: string): string {
  const v = value.trim();
  const open = v.indexOf('<');
  const close = v.indexOf('>', open + 1);
  if (open >= 0 && close > open) return v.slice(open + 1, close).trim();
  return splitNameAddr(v).head.trim();
}

export function addrParams(value: string): Map<string, string | undefined> {
  return parseParams(splitNameAddr(value).params);
}

export function tagOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : addrParams(value).get('tag');
}

export interface CSeq {
  seq: number;
  method: string;
}

export function parseCSeq(value: string | undefined): CSeq | undefined {
  const m = /^\s*(\d{1,10})\s+([A-Za-z!%*_+`'~.-]+)\s*$/.exec(value ?? '');
  if (!m) return undefined;
  const seq = Number(m[1]);
  if (seq > 2 ** 31 - 1) return undefined;
  return { seq, method: (m[2] ?? '').toUpperCase() };
}
