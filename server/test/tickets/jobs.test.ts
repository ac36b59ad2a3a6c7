// BullMQ jobs on real Redis: dispatch notifications (idempotent), signed webhooks with retries and a
// dead-letter queue, SLA timers, auto-close, restart and crash of workers.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyEffect } from '../../src/tickets/domain/effects.ts';
import { unitWebhookSecret } from '../../src/tickets/jobs/send-webhook.ts';
import { QUEUE_NAMES } from '../../src/tickets/jobs/ticket-queues.ts';
import { registerTicket } from '../../src/tickets/register-ticket.ts';
import { runCommand } from '../../src/tickets/run-command.ts';
import type { TestDb } from '../support/db.ts';
import { REDIS_URL } from '../support/env.ts';
import { testRedis } from '../support/redis.ts';
import {
  agentActor,
  center,
  eventually,
  intake,
  openMigratedDb,
  type RuntimeHarness,
  staff,
  startRuntime,
} from './support/runtime.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A Tuesday 10:00 in Ganzi (working time), well in the past: every clock started then is overdue. */
const PAST = new Date('2026-11-24T02:00:00Z');

let h: RuntimeHarness | undefined;
let tdb: TestDb;
beforeAll(async () => {
  tdb = await openMigratedDb();
});
afterAll(async () => {
  await tdb?.cleanup();
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await h?.close();
  h = undefined;
});

const eventsOf = async (id: string) => (await h!.rt.deps.store.events(id)).map((e) => e.type);
const notifications = (unitId: string) =>
  h!.tdb.db.kysely.selectFrom('ticket_notification').selectAll().where('unit_id', '=', unitId).execute();

describe('dispatch jobs', () => {
  it('Art. 12 (2): each receiving unit is notified in-app; a job delivered twice dispatches once', async () => {
    h = await startRuntime(tdb);
    const sub = testRedis();
    const messages: string[] = [];
    cleanups.push(() => sub.disconnect());
    sub.on('message', (_c, m) => messages.push(m));
    await sub.subscribe(h.rt.channel);
    h.startWorkers();
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await runCommand(
      h.rt.deps,
      ticket.id,
      'dispatched',
      { mode: 'multi', unitId: 'dept-zilaishui', coUnitIds: ['dept-zhujian'] },
      center,
    );
    await eventually(async () => (await notifications('dept-zhujian')).length === 1 && messages.length === 2);
    const [row] = await notifications('dept-zilaishui');
    expect(row).toMatchObject({ ticket_id: ticket.id, kind: 'dispatched' });

    // Re-delivery of the same effect (at-least-once queues): a second job with the same data.
    const data = (await h.rt.queues.dispatch.getJob(row!.id))!.data as NotifyEffect;
    await h.rt.queues.dispatch.add('dispatched', data, { jobId: 'redelivered' });
    const again = await eventually(async () => {
      const j = await h!.rt.queues.dispatch.getJob('redelivered');
      return (await j?.getState()) === 'completed' ? j : undefined;
    });
    expect(again.failedReason).toBeUndefined();
    // Scheduling the same effects again adds no job (deterministic job ids).
    const before = await h.rt.queues.dispatch.getJobCountByTypes('completed', 'waiting', 'active', 'delayed');
    await h.rt.queues.schedule([data]);
    expect(await h.rt.queues.dispatch.getJobCountByTypes('completed', 'waiting', 'active', 'delayed')).toBe(
      before,
    );
    expect(await notifications('dept-zilaishui')).toHaveLength(1);
    expect(messages.filter((m) => JSON.parse(m).unitId === 'dept-zilaishui')).toHaveLength(1);
  });

  it('webhooks: HMAC-signed, retried with backoff until delivered; a dead endpoint or a refused host ends in the dead-letter queue', async () => {
    const hits: Record<string, number> = {};
    let badSignature = 0;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const unit = req.url?.slice(1) ?? '';
        hits[unit] = (hits[unit] ?? 0) + 1;
        const secret = unitWebhookSecret('a-test-master-secret-0123456789', unit);
        const sig = `sha256=${createHmac('sha256', secret).update(`${req.headers['x-hotline-timestamp']}.${body}`).digest('hex')}`;
        if (sig !== req.headers['x-hotline-signature']) badSignature++;
        const ok = unit === 'flaky' && (hits[unit] ?? 0) >= 3;
        res.statusCode = ok ? 204 : 500;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as AddressInfo).port;
    h = await startRuntime(tdb, {
      ticketWebhookSecret: 'a-test-master-secret-0123456789',
      ticketWebhookAllowedHosts: '127.0.0.1',
      ticketWebhookAttempts: 3,
      ticketWebhookBackoffMs: 50,
    });
    await h.tdb.db.kysely
      .insertInto('ticket_unit_webhook')
      .values([
        { unit_id: 'flaky', url: `http://127.0.0.1:${port}/flaky` },
        { unit_id: 'dead', url: `http://127.0.0.1:${port}/dead` },
        { unit_id: 'elsewhere', url: 'http://example.com/hook' },
      ])
      .execute();
    h.startWorkers();
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await runCommand(
      h.rt.deps,
      ticket.id,
      'dispatched',
      { mode: 'multi', unitId: 'flaky', coUnitIds: ['dead', 'elsewhere'] },
      center,
    );
    const dead = await eventually(async () => {
      const jobs = await h!.rt.queues.deadLetter.getJobs(['waiting']);
      return jobs.length === 2 ? jobs : undefined;
    });
    await eventually(async () => hits.flaky === 3);
    expect(hits).toEqual({ flaky: 3, dead: 3 });
    expect(badSignature).toBe(0);
    const byUnit = Object.fromEntries(dead.map((j) => [j.data.unitId, j.data]));
    expect(byUnit.dead).toMatchObject({ attempts: 3, error: 'webhook answered 500' });
    expect(byUnit.elsewhere).toMatchObject({ error: expect.stringMatching(/not allowed/) });
    // in-app notifications are independent of webhooks
    expect(await notifications('dead')).toHaveLength(1);
  });
});

describe('SLA timers and auto-close', () => {
  it('Art. 13 / 15: an overdue dispatch clock records warning then breach, raises 督办 and notifies the authority', async () => {
    h = await startRuntime(tdb, {}, { now: () => PAST });
    h.startWorkers();
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await eventually(async () => (await eventsOf(ticket.id)).includes('sla_breached'));
    const s = await h.rt.deps.store.mustState(ticket.id);
    expect(s.slaWarnings).toEqual([expect.stringMatching(/^dispatch::/)]);
    expect(s.supervisionLevel).toBe(1);
    await eventually(async () => (await notifications('authority')).length === 1);
  });

  it('Art. 13 (1): an unsigned assignment breaches its sign-for clock; the unit and the authority are told', async () => {
    h = await startRuntime(tdb, {}, { now: () => PAST });
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await runCommand(h.rt.deps, ticket.id, 'dispatched', { mode: 'single', unitId: 'slow-unit' }, center);
    h.startWorkers();
    await eventually(async () =>
      (await h!.rt.deps.store.mustState(ticket.id)).slaBreaches.some((k) =>
        k.startsWith('sign_for:slow-unit'),
      ),
    );
    await eventually(async () => (await notifications('slow-unit')).some((n) => n.kind === 'sla_breached'));
    // dispatched at once (on time) and the completion clock runs for days: only the sign-for breach
    expect((await eventsOf(ticket.id)).filter((t) => t === 'sla_breached')).toHaveLength(1);
  });

  it('Art. 13 (2): a special-urgent ticket notifies local government and units within 3 minutes', async () => {
    h = await startRuntime(tdb);
    h.startWorkers();
    const { ticket } = await registerTicket(h.rt.deps, { ...intake, priority: '特殊紧急事项' }, agentActor);
    const s = await eventually(async () => {
      const st = await h!.rt.deps.store.mustState(ticket.id);
      return st.specialNotifiedAt ? st : undefined;
    });
    expect(Date.parse(s.specialNotifiedAt as string) - Date.parse(s.createdAt)).toBeLessThan(180_000);
    expect(s.slaBreaches).toEqual([]);
  });

  it('Art. 13 (2): a special-urgent matter without a first response within 2 hours breaches and raises 督办', async () => {
    h = await startRuntime(tdb, {}, { now: () => PAST });
    h.startWorkers();
    const { ticket } = await registerTicket(h.rt.deps, { ...intake, priority: '特殊紧急事项' }, agentActor);
    await runCommand(
      h.rt.deps,
      ticket.id,
      'dispatched',
      { mode: 'single', unitId: 'emergency-unit' },
      center,
    );
    const s = await eventually(async () => {
      const st = await h!.rt.deps.store.mustState(ticket.id);
      return st.slaBreaches.some((k) => k.startsWith('special_first_response')) ? st : undefined;
    });
    expect(s.supervisionLevel).toBeGreaterThanOrEqual(1);
  });

  it('Art. 16: no rating within the configured window → 基本满意 and auto-close', async () => {
    h = await startRuntime(tdb, { ticketCallbackWindowHours: 0.0002 });
    h.startWorkers();
    const { ticket } = await registerTicket(h.rt.deps, { ...intake, type: '咨询' }, agentActor);
    await runCommand(h.rt.deps, ticket.id, 'answered_immediately', { answer: '按政策办理' }, agentActor);
    const s = await eventually(async () => {
      const st = await h!.rt.deps.store.mustState(ticket.id);
      return st.phase === 'closed' ? st : undefined;
    });
    expect(s).toMatchObject({
      closure: 'auto',
      callbacks: [{ method: 'auto', service: '基本满意', result: '基本满意' }],
    });
  });

  it('a stale timer does nothing: the unit signed in time, so no sign-for breach is recorded', async () => {
    h = await startRuntime(tdb, {}, { now: () => PAST });
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await runCommand(h.rt.deps, ticket.id, 'dispatched', { mode: 'single', unitId: 'quick' }, center);
    await runCommand(h.rt.deps, ticket.id, 'signed_for', {}, staff('quick'));
    h.startWorkers();
    const breachJob = await eventually(async () => {
      const jobs = await h!.rt.queues.timer.getJobs(['completed']);
      return jobs.find((j) => j.id?.includes('.sign_for.') && j.id.endsWith('.b'));
    });
    expect(breachJob.returnvalue).toBe('stale');
    const s = await h.rt.deps.store.mustState(ticket.id);
    expect(s.slaBreaches.filter((k) => k.startsWith('sign_for'))).toEqual([]);
  });
});

describe('workers restart and crash', () => {
  it('timers scheduled while no worker runs fire when a worker starts (jobs live in Redis)', async () => {
    h = await startRuntime(tdb, {}, { now: () => PAST });
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await new Promise((r) => setTimeout(r, 300));
    expect(await eventsOf(ticket.id)).toEqual(['created']);
    h.startWorkers();
    await eventually(async () => (await eventsOf(ticket.id)).includes('sla_breached'));
  });

  it('a worker killed while holding a job: another worker takes it over after the lock expires and applies it once', async () => {
    h = await startRuntime(tdb, { ticketJobLockMs: 1000 }, { now: () => PAST });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'support/crashing-worker.ts'),
        REDIS_URL,
        `${h.config.redisPrefix}bull`,
        QUEUE_NAMES.timer,
        '1000',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await eventually(async () => out.includes('ready'), 20_000);
    const { ticket } = await registerTicket(h.rt.deps, intake, agentActor);
    await eventually(async () => out.includes('took'));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    h.startWorkers();
    await eventually(async () => {
      const t = await eventsOf(ticket.id);
      return t.includes('sla_warning') && t.includes('sla_breached');
    }, 20_000).catch(async (e) => {
      for (const j of await h!.rt.queues.timer.getJobs([
        'failed',
        'completed',
        'waiting',
        'active',
        'delayed',
      ]))
        console.error(j.id, await j.getState(), j.failedReason, j.returnvalue);
      throw e;
    });
    const types = await eventsOf(ticket.id);
    expect(types.filter((t) => t === 'sla_warning')).toHaveLength(1);
    expect(types.filter((t) => t === 'sla_breached')).toHaveLength(1);
  });
});
