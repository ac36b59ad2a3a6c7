import { useEffect, useReducer } from 'react';
import {
  initialPhoneState,
  type PhoneEvent,
  type PhoneState,
  phoneTransition,
} from '../domain/softphone-state.ts';
import { ConsoleError } from '../errors.ts';
import type { Phone } from '../phone/phone.ts';

interface Held {
  phone: PhoneState;
  error: ConsoleError | null;
}

function reduce(s: Held, e: PhoneEvent): Held {
  try {
    return { phone: phoneTransition(s.phone, e), error: null };
  } catch (err) {
    // An out-of-order event from the SIP stack: keep the state, show why.
    return {
      ...s,
      error: err instanceof ConsoleError ? err : new ConsoleError('BAD_PAYLOAD', { message: String(err) }),
    };
  }
}

/** Drives the softphone state machine from a Phone's events. */
export function usePhone(phone: Phone): Held {
  const [held, dispatch] = useReducer(reduce, { phone: initialPhoneState, error: null });
  useEffect(() => phone.subscribe(dispatch), [phone]);
  return held;
}
