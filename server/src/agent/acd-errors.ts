// Maps the queue package's error codes onto this workspace's catalogue.
import { isAcdError } from '@hotline/queue';
import { AppError, type ErrorCode } from '../errors.ts';

const MAP: Record<string, ErrorCode> = {
  UNKNOWN_AGENT: 'AGENT_NOT_SIGNED_IN',
  ILLEGAL_AGENT_TRANSITION: 'AGENT_STATE_REJECTED',
  ALREADY_LOGGED_IN: 'AGENT_STATE_REJECTED',
  INVALID_INPUT: 'BAD_REQUEST',
  REDIS_UNAVAILABLE: 'QUEUE_UNAVAILABLE',
};

export async function viaAcd<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isAcdError(e)) throw new AppError(MAP[e.code] ?? 'CONFLICT', { acdCode: e.code });
    throw e;
  }
}
