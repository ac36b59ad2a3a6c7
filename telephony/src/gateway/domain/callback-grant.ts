// A callback (回访) grant: the server seals "this agent may call this ticket's requester, until then".
//   grant = "<ticketId>.<expiryEpochSeconds>.<base64url(iv ‖ AES-256-GCM(number) ‖ tag)>"
// The requester's number is encrypted: the console carries the grant in the X-Hotline-Callback-Grant
// header of an INVITE to sip:callback@… and never learns the number (agents see it masked). The GCM
// tag authenticates the number, and the ticket id and expiry as associated data. Key: HKDF-SHA256 of
// the shared secret. Mirror of server/src/callbacks/callback-grant.ts (the server seals, the gateway
// opens; server/test/callbacks/callback-grant.test.ts checks that both agree).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface CallbackGrant {
  ticketId: string;
  number: string;
  expiresAt: number;
}

export type GrantCheck =
  | { ok: true; grant: CallbackGrant }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** The request-URI user of a callback INVITE: the number comes from the grant. */
export const CALLBACK_USER = 'callback';

const key = (secret: string) => Buffer.from(hkdfSync('sha256', secret, '', 'hotline callback grant v2', 32));
const aad = (ticketId: string, expiresAt: number) => Buffer.from(`callback:${ticketId}.${expiresAt}`);

export function signCallbackGrant(
  secret: string,
  grant: CallbackGrant,
  iv: Buffer = randomBytes(12),
): string {
  const c = createCipheriv('aes-256-gcm', key(secret), iv);
  c.setAAD(aad(grant.ticketId, grant.expiresAt));
  const sealed = Buffer.concat([iv, c.update(grant.number, 'utf8'), c.final(), c.getAuthTag()]);
  return `${grant.ticketId}.${grant.expiresAt}.${sealed.toString('base64url')}`;
}

export function verifyCallbackGrant(secret: string, token: string, nowSec: number): GrantCheck {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{9,11})\.([A-Za-z0-9_-]{40,80})$/.exec(token.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const [, ticketId = '', exp = '', b64 = ''] = m;
  const expiresAt = Number(exp);
  const sealed = Buffer.from(b64, 'base64url');
  if (sealed.length < 12 + 3 + 16) return { ok: false, reason: 'malformed' };
  let number: string;
  try {
    const d = createDecipheriv('aes-256-gcm', key(secret), sealed.subarray(0, 12));
    d.setAAD(aad(ticketId, expiresAt));
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    number = Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]).toString('utf8');
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
  if (!/^\+?\d{3,20}$/.test(number)) return { ok: false, reason: 'malformed' };
  if (expiresAt <= nowSec) return { ok: false, reason: 'expired' };
  return { ok: true, grant: { ticketId, number, expiresAt } };
}
