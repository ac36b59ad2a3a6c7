// Short-lived SIP credentials for agents, issued by the server (server/README.md):
//   username = "<agentId>.<expiryEpochSeconds>"
//   password = base64url(HMAC-SHA256(sharedSecret, username))
// The gateway never stores passwords: it re-derives them from the shared secret. Pure (crypto only).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type CredentialCheck =
  | { ok: true; agentId: string; expiresAt: number }
  | { ok: false; reason: 'malformed-username' | 'expired' };

/** Parse and check a username; `nowSec` is the current time in epoch seconds. */
export function checkAgentUsername(username: string, nowSec: number): CredentialCheck {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{9,11})$/.exec(username);
  if (!m) return { ok: false, reason: 'malformed-username' };
  const expiresAt = Number(m[2]);
  if (expiresAt <= nowSec) return { ok: false, reason: 'expired' };
  return { ok: true, agentId: m[1]!, expiresAt };
}

export function agentPassword(sharedSecret: string, username: string): string {
  return createHmac('sha256', sharedSecret).update(username).digest('base64url');
}

/** Signs/verifies short HMAC tokens (base64url) with constant-time comparison. */
export function hmacTag(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

export function sameTag(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
