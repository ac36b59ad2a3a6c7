// Use case: hand the outbox's jobs to BullMQ. Right after a change (the fast path, bounded by a
// timeout so a Redis outage never holds up the agent's request) and by a sweep every few seconds for
// whatever the fast path could not deliver (Redis down, process restarted in between).
import { messageOf } from '../errors.ts';
import type { Effect } from './domain/effects.ts';
import type { TicketDeps } from './ticket-deps.ts';

/** How long a use case waits for its jobs to reach BullMQ before leaving them to the sweep. */
export const FAST_PATH_TIMEOUT_MS = 2000;
/** The sweep takes entries older than this (younger ones are still on their fast path). */
export const SWEEP_GRACE_MS = 5000;
const SWEEP_BATCH = 200;

type RelayDeps = Pick<TicketDeps, 'store' | 'effects'>;

/** Waits for `p`, but at most `ms` (it keeps running after that). */
async function waitAtMost(p: Promise<unknown> | null, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** Schedules the given outbox entries and deletes them; on failure they stay, with the error noted.
 *  `awaitDelete: false` (the fast path) returns once BullMQ has the jobs; the batched delete follows. */
export async function relayEffects(
  deps: RelayDeps,
  effects: readonly Effect[],
  opts: { awaitDelete?: boolean } = {},
): Promise<number> {
  if (!effects.length) return 0;
  const ids = effects.map((e) => e.id);
  try {
    await deps.effects.schedule(effects);
  } catch (e) {
    await deps.store.outboxFailed(ids, messageOf(e)).catch(() => undefined);
    throw e;
  }
  const done = deps.store.outboxDone(ids);
  if (opts.awaitDelete === false)
    done.catch(() => undefined); // a leftover is handed over again: harmless
  else await done;
  return ids.length;
}

/** The fast path after a change: waits at most FAST_PATH_TIMEOUT_MS; the sweep does the rest. */
export async function relayNow(
  deps: RelayDeps,
  effects: readonly Effect[],
  timeoutMs = FAST_PATH_TIMEOUT_MS,
) {
  if (!effects.length) return;
  const relay = relayEffects(deps, effects, { awaitDelete: false }).catch(() => 0); // else: the sweep
  await waitAtMost(relay, timeoutMs);
}

export interface EffectRelay {
  /** One sweep now (also what the timer runs); resolves to the number handed over. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function startEffectRelay(
  deps: RelayDeps,
  o: { intervalMs?: number; graceMs?: number; onError?: (e: unknown) => void } = {},
): EffectRelay {
  let running: Promise<number> | null = null;
  const sweep = (): Promise<number> => {
    // one sweep at a time: while Redis is down a sweep waits for it, and the next one must not pile up
    if (running) return running;
    running = (async () => {
      let total = 0;
      for (;;) {
        const due = await deps.store.outbox({
          before: new Date(Date.now() - (o.graceMs ?? SWEEP_GRACE_MS)),
          limit: SWEEP_BATCH,
        });
        total += await relayEffects(deps, due);
        if (due.length < SWEEP_BATCH) return total;
      }
    })()
      .catch((e) => {
        o.onError?.(e);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void sweep(), o.intervalMs ?? 2000);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      // a sweep waiting for a Redis that is down must not hold up shutdown: its entries stay stored
      await waitAtMost(running, FAST_PATH_TIMEOUT_MS);
    },
  };
}
