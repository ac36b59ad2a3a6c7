// Use case: issue a short-lived grant to dial the requester of a ticket awaiting 回访. The ticket must
// be in the callback list (phase awaiting_callback) and have a dialable requester number.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { IssuedGrant } from '../contracts/callbacks.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { CALLBACK_USER, dialableNumber, signCallbackGrant } from './callback-grant.ts';

export type { IssuedGrant };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function issueCallbackGrant(
  db: Kysely<Database>,
  config: Config,
  ticketId: string,
  nowMs = Date.now(),
): Promise<IssuedGrant> {
  if (!UUID.test(ticketId)) throw new AppError('TICKET_NOT_FOUND');
  const row = await db
    .selectFrom('ticket')
    .select(['id', 'phase', 'requester_phone'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!row) throw new AppError('TICKET_NOT_FOUND');
  if (row.phase !== 'awaiting_callback')
    throw new AppError('TICKET_ILLEGAL_TRANSITION', {
      message: 'ticket is not awaiting 回访',
      phase: row.phase,
    });
  const number = dialableNumber(row.requester_phone);
  if (!number)
    throw new AppError('TICKET_ILLEGAL_TRANSITION', { message: 'requester left no dialable number' });
  const expiresAt = Math.floor(nowMs / 1000) + config.callbackGrantTtlSeconds;
  const grant = signCallbackGrant(config.callbackGrantSecret ?? config.sipSharedSecret, {
    ticketId: row.id,
    number,
    expiresAt,
  });
  return {
    ticketId: row.id,
    grant,
    // the number travels sealed inside the grant, never in the URI the browser dials
    dialUri: `sip:${CALLBACK_USER}@${config.sipDomain}`,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}
