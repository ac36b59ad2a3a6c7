// Pure: the callback (回访) grant the telephony gateway checks on a callback INVITE
// (telephony/README.md "Callback"; verified by telephony/src/gateway/domain/callback-grant.ts):
//   "<ticketId>.<number>.<expiryEpochSeconds>.<base64url(HMAC-SHA256(secret, 'callback:' + first three parts))>"
import { createHmac } from 'node:crypto';

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
  const payload = `${g.ticketId}.${g.number}.${g.expiresAt}`;
  const tag = createHmac('sha256', secret).update(`callback:${payload}`).digest('base64url');
  return `${payload}.${tag}`;
}
