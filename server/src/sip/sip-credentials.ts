// Short-lived SIP credentials the telephony gateway verifies without a database (README "SIP credentials").
//   username = `<agentId>.<expiryEpochSeconds>`   agentId: [A-Za-z0-9_-]{1,64}, expiry: 9–11 digits
//   password = base64url(HMAC-SHA256(secret, username)), no padding
// Pure (node:crypto only); deliberately tiny so the gateway can re-implement it from the spec.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SipCredentials {
  username: string;
  password: string;
  expiresAt: number;
}

const AGENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const USERNAME = /^([A-Za-z0-9_-]{1,64})\.(\d{9,11})$/;

export function sipPassword(secret: string, username: string): string {
  return createHmac('sha256', secret).update(username, 'utf8').digest('base64url');
}

export function issueSipCredentials(
  secret: string,
  agentId: string,
  nowSec: number,
  ttlSec: number,
): SipCredentials {
  if (!AGENT_ID.test(agentId)) throw new Error('agentId must match [A-Za-z0-9_-]{1,64}');
  const expiresAt = Math.floor(nowSec) + ttlSec;
  const username = `${agentId}.${expiresAt}`;
  return { username, password: sipPassword(secret, username), expiresAt };
}

export type SipVerifyResult =
  | { ok: true; agentId: string; expiresAt: number }
  | { ok: false; reason: 'malformed' | 'expired' | 'bad_password' };

export function verifySipCredentials(
  secret: string,
  username: string,
  password: string,
  nowSec: number,
): SipVerifyResult {
  const m = USERNAME.exec(username);
  if (!m) return { ok: false, reason: 'malformed' };
  const expiresAt = Number(m[2]);
  if (expiresAt <= nowSec) return { ok: false, reason: 'expired' };
  const want = Buffer.from(sipPassword(secret, username));
  const got = Buffer.from(password);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'bad_password' };
  return { ok: true, agentId: m[1]!, expiresAt };
}
