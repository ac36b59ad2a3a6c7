// Use case 并单: archive the duplicate as merged and link its requester to the primary ticket, in one
// transaction, so every requester stays informed (callbacks list all linked requesters).

import { TicketRuleError } from './domain/errors.ts';
import type { Actor } from './domain/events.ts';
import { decide, evolve } from './domain/lifecycle.ts';
import type { TicketState } from './domain/state.ts';
import type { TicketDeps } from './ticket-deps.ts';

export async function mergeTickets(
  deps: TicketDeps,
  duplicateId: string,
  primaryId: string,
  actor: Actor,
): Promise<TicketState> {
  if (duplicateId === primaryId)
    throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'a ticket cannot merge into itself');
  const [dup, primary] = await Promise.all([
    deps.store.mustState(duplicateId),
    deps.store.mustState(primaryId),
  ]);
  const ctx = { now: deps.now(), sla: deps.sla, rules: deps.rules };
  const e1 = decide(dup, 'merged_into', { primaryId }, actor, ctx);
  const e2 = decide(
    primary,
    'requester_linked',
    { fromTicketId: duplicateId, requester: dup.intake.requester },
    actor,
    ctx,
  );
  const mergedPrimary = evolve(primary, e2);
  await deps.store.append([
    { events: [e1], state: evolve(dup, e1) },
    { events: [e2], state: mergedPrimary },
  ]);
  return mergedPrimary;
}
