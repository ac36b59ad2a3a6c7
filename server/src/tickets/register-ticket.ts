// Use case: register a ticket (受理) from the agent form, an upper platform or the bench; returns the
// ticket and 并单 suggestions (same phone / similar content, same place, recent window).
import { type DuplicateSuggestion, suggestDuplicates } from './domain/duplicates.ts';
import { effectsOf } from './domain/effects.ts';
import type { Actor } from './domain/events.ts';
import { parseIntake } from './domain/fields.ts';
import { decideCreate, evolve } from './domain/lifecycle.ts';
import type { TicketState } from './domain/state.ts';
import { relayNow } from './relay-effects.ts';
import { effectOptions, type TicketDeps } from './ticket-deps.ts';

export async function findDuplicates(deps: TicketDeps, s: TicketState): Promise<DuplicateSuggestion[]> {
  const since = new Date(Date.parse(s.createdAt) - deps.rules.duplicateWindowMs);
  const recent = await deps.store.recentInCounty(s.intake.location.county, since);
  return suggestDuplicates(
    {
      id: s.id,
      phone: s.intake.requester.phone,
      content: s.intake.content,
      county: s.intake.location.county,
      township: s.intake.location.township,
      createdAt: s.createdAt,
    },
    recent.map((r) => ({
      id: r.id,
      phone: r.requester_phone ?? undefined,
      content: r.content,
      county: r.county,
      township: r.township ?? undefined,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    deps.tokenize,
    { windowMs: deps.rules.duplicateWindowMs, threshold: deps.rules.duplicateSimilarity },
  );
}

export async function registerTicket(
  deps: TicketDeps,
  input: unknown,
  actor: Actor,
  opts: { detectDuplicates?: boolean } = {},
): Promise<{ ticket: TicketState; duplicates: DuplicateSuggestion[] }> {
  const intake = parseIntake(input, deps.categories.has);
  const ctx = { now: deps.now(), sla: deps.sla, rules: deps.rules };
  const event = decideCreate(deps.newId(), intake, actor, ctx);
  const ticket = evolve(undefined, event);
  const duplicates = opts.detectDuplicates === false ? [] : await findDuplicates(deps, ticket);
  const effects = effectsOf(event, ticket, effectOptions(deps));
  // the jobs go into the outbox with the ticket (one transaction), then to BullMQ (relay-effects.ts)
  await deps.store.append([{ events: [event], state: ticket, effects }]);
  await relayNow(deps, effects);
  return { ticket, duplicates };
}
