// What the ticket use cases need, wired once by the tickets plugin (or a test / the bench).
import type { CategoryIndex } from './domain/categories.ts';
import type { Tokenize } from './domain/duplicates.ts';
import type { Effect, EffectDeps } from './domain/effects.ts';
import type { TicketRules, TicketSla } from './domain/sla-port.ts';
import type { TicketStore } from './store/ticket-store.ts';

export interface EffectSink {
  schedule(effects: readonly Effect[]): Promise<void>;
}

export interface TicketDeps {
  store: TicketStore;
  sla: TicketSla & Pick<EffectDeps, 'warningAt'>;
  rules: TicketRules;
  categories: CategoryIndex;
  tokenize: Tokenize;
  effects: EffectSink;
  now: () => Date;
  newId: () => string;
}

/** What effectsOf needs from the deps (SLA warning and due instants, the 回访 window). */
export function effectOptions(deps: TicketDeps): EffectDeps {
  return {
    warningAt: deps.sla.warningAt,
    dueAt: deps.sla.dueAt,
    callbackWindowMs: deps.rules.callbackWindowMs,
  };
}
