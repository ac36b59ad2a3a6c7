// Integration: faults and bad input — non-trunk INVITEs, garbage from a peer, a bad SDP, rtpengine
// going away and coming back, an agent's browser vanishing mid-call (caller back to the head of
// the queue with an apology), a gateway restart that keeps waiting calls' places.
import dgram from 'node:dgram';
import { SessionState } from 'sip.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitState } from './helpers/agent.ts';
import { type Rig, startRig } from './helpers/rig.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

const skip = !haveSipp || !haveRtpengine;
let rig: Rig;

beforeAll(async () => {
  if (!skip) rig = await startRig();
});
afterEach(async () => {
  await rig?.retireAll();
});
afterAll(async () => {
  await rig?.stop();
});

const trunk = () => `${rig.sip.host}:${rig.sip.udp}`;

function sendUdp(port: number, payload: Buffer | string): Promise<void> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.send(typeof payload === 'string' ? Buffer.from(payload) : payload, port, '127.0.0.1', () => {
      s.close();
      resolve();
    });
  });
}

async function answeredCallWorks(agentId: string, caller: string): Promise<void> {
  const agent = await rig.agent(agentId);
  const c = await sipp({ scenario: 'caller.xml', remote: trunk(), durationMs: 800, caller });
  await agent.established();
  expect((await c.done).code).toBe(0);
}

describe.skipIf(skip)('faults and bad input', () => {
  it('refuses INVITEs from addresses that are not the trunk (403)', async () => {
    const c = await sipp({
      scenario: 'caller_403.xml',
      remote: trunk(),
      localIp: '127.0.0.3',
      caller: '13800000041',
    });
    expect((await c.done).code).toBe(0);
  });

  it('survives garbage from a peer and answers a bad SDP with 488, then still takes calls', async () => {
    await sendUdp(rig.sip.udp, Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10]));
    await sendUdp(rig.sip.udp, 'INVITE sip:12345@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\n\r\n');
    const bad = await sipp({ scenario: 'caller_488.xml', remote: trunk(), caller: '13800000042' });
    expect((await bad.done).code).toBe(0);
    await answeredCallWorks('g1', '13800000043');
  });

  it('answers 503 while rtpengine is down and works again when it is back', async () => {
    await rig.rtp.crash();
    const down = await sipp({ scenario: 'caller_503.xml', remote: trunk(), caller: '13800000044' });
    expect((await down.done).code).toBe(0);
    await rig.rtp.restart();
    await answeredCallWorks('r1', '13800000045');
  });

  it("puts the caller back at the head of the queue with an apology when the agent's browser vanishes", async () => {
    const first = await rig.agent('v1');
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 6000,
      caller: '13800000046',
    });
    await first.established();
    const callId = first.offers[0]!['x-hotline-call-id']!;
    await rig.retire('v1');
    // the browser disappears: its WebSocket closes, no BYE is ever sent
    void first.ua.transport.disconnect();
    const second = await rig.agent('v2');
    const s = await second.established();
    expect(second.offers[0]!['x-hotline-call-id']).toBe(callId);
    expect((await rig.acd.getAgent('v1'))?.reason).toBe('connection-lost');
    expect((await caller.done).code).toBe(0);
    await waitState(s, SessionState.Terminated);
  }, 30_000);

  it("a gateway restart keeps waiting calls' places; the new process takes the callers over", async () => {
    const a = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 9000,
      caller: '13800000047',
    });
    // a must be at the head of the queue: it is the one the agent is checked against below, and the
    // one that talks (9 s) while b (5 s) abandons. Started together, b could overtake a on a busy CI.
    await expect.poll(async () => (await rig.acd.queueSnapshot('12345')).waiting, { timeout: 5000 }).toBe(1);
    const b = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 5000,
      caller: '13800000048',
    });
    await expect.poll(async () => (await rig.acd.queueSnapshot('12345')).waiting, { timeout: 5000 }).toBe(2);
    const before = (await rig.acd.queueSnapshot('12345')).calls.map((c) => c.callId);
    await rig.restartGateway();
    const after = await rig.acd.queueSnapshot('12345');
    expect(after.calls.map((c) => c.callId)).toEqual(before);
    for (const id of before) expect((await rig.acd.getCall(id))?.state).toBe('waiting');
    // the new process adopted both callers (sipd hands it their dialogs)
    expect(rig.gw.ctx.calls.inbound.size).toBe(2);
    // an agent comes: the first caller (head of the queue) is rung and bridged by the NEW process
    const agent = await rig.agent('rs1');
    const s = await agent.established();
    expect(agent.offers[0]!['x-hotline-call-id']).toBe(before[0]);
    await expect.poll(async () => (await rig.acd.getCall(before[0]!))?.state).toBe('connected');
    // the callers hang up (BYE at 5 s while waiting, at 9 s while talking): the adopted dialogs get
    // 200, not 481 — sipp exits 0
    expect((await a.done).code).toBe(0);
    expect((await b.done).code).toBe(0);
    await waitState(s, SessionState.Terminated); // the agent leg was ended by the caller's BYE
    await expect
      .poll(async () => (await rig.acd.getCall(before[1]!))?.state, { timeout: 5000 })
      .toBe('abandoned');
    await expect.poll(() => rig.gw.ctx.calls.inbound.size, { timeout: 5000 }).toBe(0);
    expect((await rig.gw.ctx.records.get(before[0]!)).endedBy).toBe('caller');
  }, 40_000);

  it('a conversation going on during a restart ends cleanly: either hang-up reaches the other side', async () => {
    // the caller hangs up after a restart
    const agent = await rig.agent('rb1');
    const c = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 4000,
      caller: '13800000049',
    });
    const s = await agent.established();
    const callId = agent.offers[0]!['x-hotline-call-id']!;
    await expect.poll(async () => (await rig.acd.getCall(callId))?.state).toBe('connected');
    await rig.restartGateway();
    expect(rig.gw.ctx.calls.bridges.size).toBe(2); // both legs' Call-IDs point at the adopted bridge
    expect((await c.done).code).toBe(0); // the caller's BYE got 200 from the new process
    await waitState(s, SessionState.Terminated); // … and the agent got a BYE
    await expect.poll(async () => (await rig.acd.getCall(callId))?.state).toBe('ended');
    expect((await rig.gw.ctx.records.get(callId)).endedBy).toBe('caller');
    await rig.retire('rb1');

    // the agent hangs up after a restart
    const agent2 = await rig.agent('rb2');
    const c2 = await sipp({
      scenario: 'caller_wait_bye.xml',
      remote: trunk(),
      durationMs: 500,
      caller: '13800000050',
    });
    const s2 = await agent2.established();
    const callId2 = agent2.offers[0]!['x-hotline-call-id']!;
    await expect.poll(async () => (await rig.acd.getCall(callId2))?.state).toBe('connected');
    await rig.restartGateway();
    await s2.bye();
    expect((await c2.done).code).toBe(0); // the caller got the BYE the new process sent by dialog id
    await expect.poll(async () => (await rig.acd.getCall(callId2))?.state).toBe('ended');
    expect(rig.gw.ctx.calls.bridges.size).toBe(0);
  }, 40_000);
});
