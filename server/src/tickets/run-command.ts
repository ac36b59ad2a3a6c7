// Use case: apply one lifecycle command to a ticket — decide (domain), append (store), schedule effects.

import { effectsOf } from './domain/effects.ts';
import type { Actor } from './domain/events.ts';
import { decide, evolve } from './domain/lifecycle.ts';
import type { TicketState } from './domain/state.ts';
import type { TicketDeps } from './ticket-deps.ts';

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
  await deps.store.append([{ events: [event], state: next }]);
  await deps.effects.schedule(
    effectsOf(event, next, {
      warningAt: deps.sla.warningAt,
      dueAt: deps.sla.dueAt,
      callbackWindowMs: deps.rules.callbackWindowMs,
    }),
  );
  return next;
}
