// socket.io channels against a listening app: auth by the session cookie, the agent channel
// (state, offers, call events from the queue's event stream) and the wallboard channel.

import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgentStatePush,
  OfferPush,
  WallboardLive,
  WallboardSnapshot,
} from '../../src/contracts/realtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

function waitFor<T>(
  socket: Socket,
  event: string,
  pred: (x: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const h = (x: T) => {
      if (!pred(x)) return;
      clearTimeout(timer);
      socket.off(event, h);
      resolve(x);
    };
    socket.on(event, h);
  });
}

function connectError(url: string, cookie?: string): Promise<{ code?: string }> {
  const s = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    s.on('connect', () => {
      s.close();
      reject(new Error('connected but should not'));
    });
    s.on('connect_error', (e: Error & { data?: { code?: string } }) => {
      s.close();
      resolve(e.data ?? {});
    });
  });
}

describe('socket.io channels', () => {
  let t: TestApp;
  let base: string;
  const sockets: Socket[] = [];
  const open = (ns: string, cookie: string) => {
    const s = connect(`${base}${ns}`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie },
    });
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' }, { wallboardIntervalMs: 200, wallboardQueues: '12345,wb' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const addr = t.app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('refuses connections without a session or without the permission', async () => {
    expect((await connectError(`${base}/agent`)).code).toBe('UNAUTHENTICATED');
    expect((await connectError(`${base}/wallboard`, 'hotline_sid=forged')).code).toBe('UNAUTHENTICATED');
    const dispatcher = await t.login(['dispatcher']);
    expect((await connectError(`${base}/agent`, dispatcher.cookie)).code).toBe('FORBIDDEN');
    const agent = await t.login(['agent']);
    expect((await connectError(`${base}/wallboard`, agent.cookie)).code).toBe('FORBIDDEN');
  });

  it('agent channel: own state, state changes through the queue, offers with a masked number, call events', async () => {
    const a = await t.login(['agent']);
    const other = await t.login(['agent']);
    const s = open('/agent', a.cookie);
    const initial = await waitFor<AgentStatePush>(s, 'agent:state');
    expect(initial.state).toBe('offline');
    const signIn = await a.inject({ method: 'POST', url: '/api/agent/sign-in' });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().state).toBe('not-ready');

    const otherSocket = open('/agent', other.cookie);
    await waitFor(otherSocket, 'agent:state');
    const leaked: unknown[] = [];
    otherSocket.on('agent:offer', (x) => leaked.push(x));

    const pushedReady = waitFor<AgentStatePush>(s, 'agent:state', (p) => p.state === 'ready');
    const ack = await s.timeout(5000).emitWithAck('agent:set-state', { state: 'ready' });
    expect(ack).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect((await pushedReady).cause?.eventId).toMatch(/^\d+-\d+$/);

    const bad = await s.timeout(5000).emitWithAck('agent:set-state', { state: 'dancing' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    const offered = waitFor<OfferPush>(s, 'agent:offer');
    await t.app.acd.enqueueCall({ callId: 'c-rt-1', queue: '12345', callerNumber: '13812345678' });
    const offer = await offered;
    expect(offer.callId).toBe('c-rt-1');
    expect(offer.callerNumber).toBe('138****5678');
    expect(offer.cause.eventTs).toBeGreaterThan(0);

    const answered = waitFor<{ type: string; callId: string }>(
      s,
      'agent:call',
      (c) => c.type === 'call.answered',
    );
    await t.app.acd.answer('c-rt-1', a.userId);
    expect((await answered).callId).toBe('c-rt-1');
    expect(leaked).toEqual([]);

    const onCall = await a.inject({ method: 'POST', url: '/api/agent/state', payload: { state: 'ready' } });
    expect(onCall.statusCode).toBe(409);
    expect(onCall.json().error.code).toBe('AGENT_STATE_REJECTED');
  });

  it('agent HTTP state routes validate input and need a queue sign-in', async () => {
    const a = await t.login(['agent']);
    const notIn = await a.inject({ method: 'POST', url: '/api/agent/state', payload: { state: 'ready' } });
    expect(notIn.statusCode).toBe(409);
    expect(notIn.json().error.code).toBe('AGENT_NOT_SIGNED_IN');
    const invalid = await a.inject({
      method: 'POST',
      url: '/api/agent/state',
      payload: { state: 'not-ready', reason: 'nap' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields[0].field).toBe('body.reason');
    expect((await a.inject({ method: 'POST', url: '/api/agent/sign-in' })).statusCode).toBe(200);
    const nr = await a.inject({
      method: 'POST',
      url: '/api/agent/state',
      payload: { state: 'not-ready', reason: 'training' },
    });
    expect(nr.json()).toMatchObject({ state: 'not-ready', reason: 'training' });
    const out = await a.inject({ method: 'POST', url: '/api/agent/sign-out' });
    expect(out.json().state).toBe('offline');
  });

  it('wallboard channel: periodic snapshots and live pushes on queue events', async () => {
    const lead = await t.login(['shift_lead']);
    const w = open('/wallboard', lead.cookie);
    const snap = await waitFor<WallboardSnapshot>(w, 'wallboard:snapshot', (x) =>
      x.queues.some((q) => q.queue === 'wb'),
    );
    const q = snap.queues.find((x) => x.queue === 'wb')!;
    expect(q.answerRateTarget).toBe(0.95);
    expect(q.agentsByState).toHaveProperty('ready');
    const live = waitFor<WallboardLive>(w, 'wallboard:live', (l) => l.queue === 'wb' && l.waiting >= 1);
    await t.app.acd.enqueueCall({ callId: 'c-wb-1', queue: 'wb', callerNumber: '13900000001' });
    const l = await live;
    expect(l.cause.eventId).toMatch(/^\d+-\d+$/);
    const http = await lead.inject({ method: 'GET', url: '/api/wallboard' });
    expect(http.statusCode).toBe(200);
    expect(
      http.json().queues.find((x: { queue: string }) => x.queue === 'wb').waiting,
    ).toBeGreaterThanOrEqual(1);
  });

  it('logout disconnects the session sockets', async () => {
    const lead = await t.login(['shift_lead']);
    const w = open('/wallboard', lead.cookie);
    await new Promise<void>((r) => w.on('connect', () => r()));
    const gone = new Promise<string>((r) => w.on('disconnect', (reason) => r(reason)));
    expect((await lead.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });
});
