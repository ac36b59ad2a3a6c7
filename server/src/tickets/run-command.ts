// Use case: apply one lifecycle command to a ticket — decide (domain), append the event with the jobs
// it calls for (store + outbox, one transaction), then hand the jobs to BullMQ (relay-effects.ts).

import { effectsOf } from './domain/effects.ts';
import type { Actor } from './domain/events.ts';
import { decide, evolve } from './domain/lifecycle.ts';
import type { TicketState } from './domain/state.ts';
import { relayNow } from './relay-effects.ts';
import { effectOptions, type TicketDeps } from './ticket-deps.ts';

export async function runCommand(
  deps: TicketDeps,
  ticketId: string,
  command: string,
  input: unknown,
  actor: Actor,
): Promise<TicketState> {
  const current = await deps.store.mustState(ticketId);
  const ctx = { now: deps.now(), sla: deps.sla, rules: deps.rules };
  const event = decide(current, command, input, actor, ctx);
  const next = evolve(current, event);
  const effects = effectsOf(event, next, effectOptions(deps));
  await deps.store.append([{ events: [event], state: next, effects }]);
  await relayNow(deps, effects);
  return next;
}
