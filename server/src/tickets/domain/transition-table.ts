// THE transition table of the ticket lifecycle (Art. 9–19): one row per event type.
import type { Rule } from './rule-kit.ts';
import { closingRules } from './rules-closing.ts';
import { handlingRules } from './rules-handling.ts';
import { intakeRules } from './rules-intake.ts';

export const TRANSITIONS: Readonly<Record<string, Rule>> = Object.freeze({
  ...intakeRules,
  ...handlingRules,
  ...closingRules,
});

export type TicketCommand = keyof typeof TRANSITIONS;
export const COMMANDS: readonly string[] = Object.keys(TRANSITIONS);
