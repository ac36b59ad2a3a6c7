import { expect } from 'vitest';
import { type TicketErrorCode, TicketRuleError } from '../../../src/tickets/domain/errors.ts';

/** Asserts fn throws a TicketRuleError with this code (and message part). */
export function expectRuleError(
  fn: () => unknown,
  code: TicketErrorCode,
  message?: string | RegExp,
): TicketRuleError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TicketRuleError);
  const err = caught as TicketRuleError;
  expect(err.code).toBe(code);
  if (message) expect(err.message).toMatch(message);
  return err;
}
