// 整理 (wrap-up) countdown: the /agent channel's agent:state push and GET /api/agent/state carry
// wrapUpEndsAt from the queue's wrap-up timer (ACD config wrapUpSec), null outside wrap-up.

import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentStatePush } from '../../src/contracts/realtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

function waitFor<T>(socket: Socket, event: string, pred: (x: T) => boolean, ms = 5000): Promise<T> {
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

describe('wrap-up end time on the agent channel', () => {
  let t: TestApp;
  let base: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const addr = t.app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('pushes wrapUpEndsAt = since + the ACD wrap-up time, and the HTTP state agrees', async () => {
    const a = await t.login(['agent']);
    const s = connect(`${base}/agent`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: a.cookie },
    });
    sockets.push(s);
    await waitFor<AgentStatePush>(s, 'agent:state', () => true);
    expect((await a.inject({ method: 'POST', url: '/api/agent/sign-in' })).statusCode).toBe(200);
    const ready = waitFor<AgentStatePush>(s, 'agent:state', (p) => p.state === 'ready');
    expect(
      (await a.inject({ method: 'POST', url: '/api/agent/state', payload: { state: 'ready' } })).statusCode,
    ).toBe(200);
    expect((await ready).wrapUpEndsAt).toBeNull();

    await t.app.acd.enqueueCall({ callId: 'c-wu-1', queue: '12345', callerNumber: '13812345678' });
    await waitFor<AgentStatePush>(s, 'agent:state', (p) => p.state === 'reserved');
    await t.app.acd.answer('c-wu-1', a.userId);
    const wrap = waitFor<AgentStatePush>(s, 'agent:state', (p) => p.state === 'wrap-up');
    await t.app.acd.endCall('c-wu-1');
    const pushed = await wrap;
    const wrapUpMs = t.app.acd.config.wrapUpSec * 1000;
    expect(wrapUpMs).toBeGreaterThan(0);
    expect(pushed.wrapUpEndsAt).toBe(pushed.since + wrapUpMs);

    const http = await a.inject({ method: 'GET', url: '/api/agent/state' });
    expect(http.statusCode).toBe(200);
    expect(http.json()).toMatchObject({ state: 'wrap-up', wrapUpEndsAt: pushed.wrapUpEndsAt });
  });
});
