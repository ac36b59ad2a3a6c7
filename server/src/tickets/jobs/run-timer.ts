// Timer job body: SLA warning/breach, auto-close after the rating window, special-matter notification.
// Stale timers (the clock stopped, the deadline moved, already recorded) do nothing.

import { clockRunning, type TimerData } from '../domain/effects.ts';
import { TicketRuleError } from '../domain/errors.ts';
import type { Actor } from '../domain/events.ts';
import { slaKey } from '../domain/rules-closing.ts';
import { runCommand } from '../run-command.ts';
import type { TicketDeps } from '../ticket-deps.ts';

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

export type TimerOutcome = 'recorded' | 'stale';

/** Runs a timer; a concurrent writer (version conflict) makes it re-read and decide again. */
export async function runTimer(deps: TicketDeps, d: TimerData): Promise<TimerOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTimerOnce(deps, d);
    } catch (e) {
      if (!(e instanceof TicketRuleError && e.code === 'TICKET_VERSION_CONFLICT') || attempt >= 5) throw e;
    }
  }
}

async function runTimerOnce(deps: TicketDeps, d: TimerData): Promise<TimerOutcome> {
  const s = await deps.store.state(d.ticketId);
  if (!s) return 'stale';
  try {
    switch (d.type) {
      case 'sla': {
        const done = d.stage === 'warning' ? s.slaWarnings : s.slaBreaches;
        if (!clockRunning(s, d) || done.includes(slaKey(d))) return 'stale';
        const command = d.stage === 'warning' ? 'sla_warning' : 'sla_breached';
        await runCommand(
          deps,
          d.ticketId,
          command,
          { clock: d.clock, unitId: d.unitId, dueAt: d.dueAt },
          SYSTEM_ACTOR,
        );
        return 'recorded';
      }
      case 'auto_close':
        if (s.phase !== 'awaiting_callback' || s.callbackOpenedAt !== d.openedAt) return 'stale';
        await runCommand(deps, d.ticketId, 'auto_rated', {}, SYSTEM_ACTOR);
        return 'recorded';
      case 'special_notify': {
        if (s.specialNotifiedAt) return 'stale';
        const targets = [`${s.intake.location.county}人民政府`, 'center', 'authority'];
        await runCommand(deps, d.ticketId, 'special_notified', { targets }, SYSTEM_ACTOR);
        return 'recorded';
      }
    }
  } catch (e) {
    // The ticket moved on (e.g. closed by a concurrent command): the timer no longer applies.
    if (e instanceof TicketRuleError && e.code === 'TICKET_ILLEGAL_TRANSITION') return 'stale';
    throw e;
  }
}
