// The tickets' outbox on real PGlite and real Redis: a ticket change stores the jobs it calls for in
// the same transaction. With Redis down the agent still gets the ticket (no error, no long wait) and
// the jobs reach BullMQ once a Redis answers; a process that died between the commit and the hand-over
// leaves its jobs in the outbox, and the sweep hands them over exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { effectsOf } from '../../src/tickets/domain/effects.ts';
import { parseIntake } from '../../src/tickets/domain/fields.ts';
import { decideCreate, evolve } from '../../src/tickets/domain/lifecycle.ts';
import { registerTicket } from '../../src/tickets/register-ticket.ts';
import { FAST_PATH_TIMEOUT_MS, startEffectRelay } from '../../src/tickets/relay-effects.ts';
import { effectOptions } from '../../src/tickets/ticket-deps.ts';
import type { TestDb } from '../support/db.ts';
import {
  agentActor,
  eventually,
  intake,
  openMigratedDb,
  type RuntimeHarness,
  startRuntime,
} from './support/runtime.ts';

const REDIS_SERVER = '/usr/bin/redis-server';
const haveRedisServer = existsSync(REDIS_SERVER);

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let tdb: TestDb;
let h: RuntimeHarness | undefined;
let redisProc: ChildProcess | undefined;
beforeAll(async () => {
  tdb = await openMigratedDb();
});
afterAll(async () => {
  await tdb?.cleanup();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (redisProc && redisProc.exitCode === null) {
    redisProc.kill('SIGTERM');
    await new Promise((r) => redisProc!.once('exit', r));
  }
  redisProc = undefined;
});

const outboxOf = (ticketId: string) =>
  tdb.db.kysely.selectFrom('ticket_outbox').selectAll().where('ticket_id', '=', ticketId).execute();

describe('ticket outbox', () => {
  it.skipIf(!haveRedisServer)(
    'Redis down: the ticket is registered without an error or a long wait; its jobs reach BullMQ when Redis is back',
    async () => {
      const port = await freePort(); // nothing listens here yet: the tickets' Redis is "down"
      h = await startRuntime(tdb, { redisUrl: `redis://127.0.0.1:${port}` });
      const refused: Error[] = [];
      h.rt.queues.onError((e) => refused.push(e)); // connection refused, expected while it is down
      const started = Date.now();
      const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
      const tookMs = Date.now() - started;
      expect(ticket.phase).toBeTruthy();
      expect(await h.rt.deps.store.state(ticket.id)).toBeTruthy(); // stored
      expect(tookMs).toBeLessThan(FAST_PATH_TIMEOUT_MS + 3000); // bounded by the fast path's timeout
      const waiting = await outboxOf(ticket.id);
      expect(waiting.length).toBeGreaterThan(0); // the jobs are stored with the ticket
      const ids = waiting.map((w) => w.effect_id);

      // Redis comes up on that port; the queued hand-over (or the sweep) delivers the jobs
      redisProc = spawn(
        REDIS_SERVER,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      const relay = startEffectRelay(h.rt.deps, { intervalMs: 200, graceMs: 0 });
      try {
        await eventually(async () => (await outboxOf(ticket.id)).length === 0, 20_000);
      } finally {
        await relay.stop();
      }
      for (const id of ids) {
        const job = (await h.rt.queues.timer.getJob(id)) ?? (await h.rt.queues.dispatch.getJob(id));
        expect(job?.id, id).toBe(id);
      }
      expect(refused.length).toBeGreaterThan(0); // it really was down
      console.log(
        `[outbox] Redis down: registered in ${tookMs} ms; ${ids.length} jobs delivered after restart`,
      );
    },
    40_000,
  );

  it('a process that died after the commit: the sweep hands the stored jobs over, exactly once', async () => {
    h = await startRuntime(tdb);
    const deps = h.rt.deps;
    // what registerTicket does, up to the commit (the process "dies" before handing the jobs over)
    const event = decideCreate(deps.newId(), parseIntake(intake, deps.categories.has), agentActor, {
      now: deps.now(),
      sla: deps.sla,
      rules: deps.rules,
    });
    const ticket = evolve(undefined, event);
    const effects = effectsOf(event, ticket, effectOptions(deps));
    await deps.store.append([{ events: [event], state: ticket, effects }]);
    expect((await outboxOf(ticket.id)).map((r) => r.effect_id).sort()).toEqual(
      effects.map((e) => e.id).sort(),
    );
    for (const e of effects) expect(await h.rt.queues.timer.getJob(e.id)).toBeUndefined();

    const relay = startEffectRelay(deps, { intervalMs: 60_000, graceMs: 0 });
    try {
      expect(await relay.sweep()).toBe(effects.length);
      expect(await outboxOf(ticket.id)).toEqual([]);
      const timers = effects.filter((e) => e.kind === 'timer');
      for (const e of timers) expect((await h.rt.queues.timer.getJob(e.id))?.id).toBe(e.id);
      const before = await h.rt.queues.timer.getJobCounts();
      // the same jobs handed over again (a sweep racing a slow fast path): BullMQ keeps one of each
      await h.rt.queues.schedule(effects);
      expect(await h.rt.queues.timer.getJobCounts()).toEqual(before);
      expect(await relay.sweep()).toBe(0);
    } finally {
      await relay.stop();
    }
  });
});
