// SIP digest authentication (RFC 3261 §22, RFC 2617 MD5, qop=auth) for agents' REGISTER and INVITE.
// Nonces are stateless: "<issuedAtMs>.<hmac>" signed with the gateway secret, so any gateway instance
// (drachtio routes the challenged retry to any app) can verify them. Pure (crypto only).
import { createHash } from 'node:crypto';
import { agentPassword, checkAgentUsername, hmacTag, sameTag } from './agent-credentials.ts';

export interface DigestParams {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  qop?: string;
  nc?: string;
  cnonce?: string;
  algorithm?: string;
  opaque?: string;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Parse an `Authorization: Digest …` header value; undefined when it is not a usable digest header. */
export function parseDigestHeader(value: string | undefined): DigestParams | undefined {
  if (!value) return undefined;
  const m = /^\s*Digest\s+(.*)$/is.exec(value);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  const re = /([A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/g;
  for (let g = re.exec(m[1]!); g; g = re.exec(m[1]!)) out[g[1]!.toLowerCase()] = g[2] ?? g[3] ?? '';
  const { username, realm, nonce, uri, response } = out;
  if (!username || realm === undefined || !nonce || !uri || !response) return undefined;
  return { ...out, username, realm, nonce, uri, response } as DigestParams;
}

export function makeNonce(secret: string, nowMs: number): string {
  const ts = String(nowMs);
  return `${ts}.${hmacTag(secret, `nonce:${ts}`)}`;
}

export function nonceState(
  secret: string,
  nonce: string,
  nowMs: number,
  ttlMs: number,
): 'valid' | 'stale' | 'invalid' {
  const [ts = '', tag = ''] = nonce.split('.');
  if (!/^\d{1,15}$/.test(ts) || !sameTag(tag, hmacTag(secret, `nonce:${ts}`))) return 'invalid';
  const age = nowMs - Number(ts);
  if (age < -5_000) return 'invalid';
  return age > ttlMs ? 'stale' : 'valid';
}

export function challengeHeader(realm: string, nonce: string, stale = false): string {
  return `Digest realm="${realm}", nonce="${nonce}", algorithm=MD5, qop="auth"${stale ? ', stale=true' : ''}`;
}

/** The expected `response` for given credentials (exported for tests and the bench's simulated agents). */
export function digestResponse(p: Omit<DigestParams, 'response'>, method: string, password: string): string {
  const ha1 = md5(`${p.username}:${p.realm}:${password}`);
  const ha2 = md5(`${method}:${p.uri}`);
  return p.qop
    ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`)
    : md5(`${ha1}:${p.nonce}:${ha2}`);
}

export interface DigestSettings {
  realm: string;
  /** Shared with the server: derives agents' passwords. */
  credentialSecret: string;
  /** The gateway's own secret for signing nonces. */
  nonceSecret: string;
  nonceTtlMs: number;
}

export type DigestVerdict =
  | { ok: true; agentId: string; username: string; expiresAt: number }
  | {
      ok: false;
      reason:
        | 'no-credentials'
        | 'malformed'
        | 'wrong-realm'
        | 'stale-nonce'
        | 'bad-nonce'
        | 'expired'
        | 'wrong-password';
    };

/** Verify the Authorization header of a request; `nowMs` is the current time. */
export function verifyDigest(
  header: string | undefined,
  method: string,
  s: DigestSettings,
  nowMs: number,
): DigestVerdict {
  if (!header) return { ok: false, reason: 'no-credentials' };
  const p = parseDigestHeader(header);
  if (!p) return { ok: false, reason: 'malformed' };
  if (p.algorithm && p.algorithm.toUpperCase() !== 'MD5') return { ok: false, reason: 'malformed' };
  if (p.qop && (p.qop !== 'auth' || !p.nc || !p.cnonce)) return { ok: false, reason: 'malformed' };
  if (p.realm !== s.realm) return { ok: false, reason: 'wrong-realm' };
  const ns = nonceState(s.nonceSecret, p.nonce, nowMs, s.nonceTtlMs);
  if (ns === 'invalid') return { ok: false, reason: 'bad-nonce' };
  const user = checkAgentUsername(p.username, Math.floor(nowMs / 1000));
  if (!user.ok) return { ok: false, reason: user.reason === 'expired' ? 'expired' : 'malformed' };
  const expected = digestResponse(p, method, agentPassword(s.credentialSecret, p.username));
  if (!sameTag(expected, p.response.toLowerCase())) return { ok: false, reason: 'wrong-password' };
  if (ns === 'stale') return { ok: false, reason: 'stale-nonce' };
  return { ok: true, agentId: user.agentId, username: p.username, expiresAt: user.expiresAt };
}
