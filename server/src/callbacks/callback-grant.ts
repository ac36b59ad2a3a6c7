// Pure: the callback (回访) grant the telephony gateway opens on a callback INVITE
// (telephony/README.md "Callback"; opened by telephony/src/gateway/domain/callback-grant.ts):
//   "<ticketId>.<expiryEpochSeconds>.<base64url(iv ‖ AES-256-GCM(number) ‖ tag)>"
// The requester's number is sealed: the console dials sip:callback@<domain> with the grant and never
// sees the number in clear. Key: HKDF-SHA256 of the shared secret; the ticket id and expiry are the
// associated data, so none of the three can be changed.
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The request-URI user of a callback INVITE (the gateway takes the number from the grant). */
export const CALLBACK_USER = 'callback';

/** The number as the gateway accepts it: optional leading +, then 3–20 digits (spaces/dashes dropped). */
export function dialableNumber(phone: string | undefined | null): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  const n = (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
  return /^\+?\d{3,20}$/.test(n) ? n : null;
}

export function signCallbackGrant(
  secret: string,
  g: { ticketId: string; number: string; expiresAt: number },
): string {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'hotline callback grant v2', 32));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(`callback:${g.ticketId}.${g.expiresAt}`));
  const sealed = Buffer.concat([iv, c.update(g.number, 'utf8'), c.final(), c.getAuthTag()]);
  return `${g.ticketId}.${g.expiresAt}.${sealed.toString('base64url')}`;
}
