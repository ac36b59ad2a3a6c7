// Domain errors → the server's error catalogue (errors.ts), keeping the rule and message as details.
import { AppError } from '../../errors.ts';
import { TicketRuleError } from '../domain/errors.ts';

export function toAppError(e: unknown): unknown {
  if (e instanceof TicketRuleError) return new AppError(e.code, { message: e.message, ...e.details });
  return e;
}

export async function translating<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toAppError(e);
  }
}
