// A callback (回访) grant: the server signs "this agent may call this ticket's requester, until then".
//   grant = "<ticketId>.<number>.<expiryEpochSeconds>.<base64url(HMAC-SHA256(secret, 'callback:' + first three parts joined by '.'))>"
// The console puts it in the X-Hotline-Callback-Grant header of the callback INVITE; the gateway checks
// it here and then applies the outbound policy (number must equal the granted one). Pure.
import { hmacTag, sameTag } from './agent-credentials.ts';

export interface CallbackGrant {
  ticketId: string;
  number: string;
  expiresAt: number;
}

export type GrantCheck =
  | { ok: true; grant: CallbackGrant }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

const payload = (ticketId: string, number: string, expiresAt: number) => `${ticketId}.${number}.${expiresAt}`;

export function signCallbackGrant(secret: string, grant: CallbackGrant): string {
  const p = payload(grant.ticketId, grant.number, grant.expiresAt);
  return `${p}.${hmacTag(secret, `callback:${p}`)}`;
}

export function verifyCallbackGrant(secret: string, token: string, nowSec: number): GrantCheck {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\+?\d{3,20})\.(\d{9,11})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const [, ticketId = '', number = '', exp = '', sig = ''] = m;
  const expiresAt = Number(exp);
  if (!sameTag(sig, hmacTag(secret, `callback:${payload(ticketId, number, expiresAt)}`))) {
    return { ok: false, reason: 'bad-signature' };
  }
  if (expiresAt <= nowSec) return { ok: false, reason: 'expired' };
  return { ok: true, grant: { ticketId, number, expiresAt } };
}
