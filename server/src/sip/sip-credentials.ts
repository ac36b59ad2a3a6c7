// Short-lived SIP credentials the telephony gateway verifies without a database (README "SIP credentials").
//   username = `<agentId>.<expiryEpochSeconds>`      (agentId contains no '.')
//   password = base64url(HMAC-SHA256(secret, username)), no padding
// Pure (node:crypto only); deliberately tiny so the gateway can re-implement it from the spec.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SipCredentials {
  username: string;
  password: string;
  expiresAt: number;
}

export function sipPassword(secret: string, username: string): string {
  return createHmac('sha256', secret).update(username, 'utf8').digest('base64url');
}

export function issueSipCredentials(
  secret: string,
  agentId: string,
  nowSec: number,
  ttlSec: number,
): SipCredentials {
  if (!agentId || agentId.includes('.')) throw new Error('agentId must be non-empty and contain no "."');
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
  const m = /^([^.]+)\.(\d{1,12})$/.exec(username);
  if (!m) return { ok: false, reason: 'malformed' };
  const expiresAt = Number(m[2]);
  if (expiresAt <= nowSec) return { ok: false, reason: 'expired' };
  const want = Buffer.from(sipPassword(secret, username));
  const got = Buffer.from(password);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'bad_password' };
  return { ok: true, agentId: m[1]!, expiresAt };
}
