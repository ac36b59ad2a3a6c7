// Integration: sipp (trunk) → sipd → gateway → rtpengine + distributor → sip.js agent over ws.
import { SessionState } from 'sip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitState } from './helpers/agent.ts';
import { type Rig, startRig } from './helpers/rig.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

const skip = !haveSipp || !haveRtpengine;
let rig: Rig;

beforeAll(async () => {
  if (!skip) rig = await startRig();
});
afterAll(async () => {
  await rig?.stop();
});

const trunk = () => `${rig.sip.host}:${rig.sip.udp}`;

describe.skipIf(skip)('inbound calls (sipp → gateway → sip.js agent)', () => {
  it('greets, queues, offers to the agent with console headers, bridges; caller hangs up → wrap-up', async () => {
    const agent = await rig.agent('a1');
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 1500,
      caller: '13800000001',
    });
    const session = await agent.established();
    const h = agent.offers[0]!;
    expect(h['x-hotline-caller']).toBe('13800000001');
    expect(h['x-hotline-queue']).toBe('12345');
    expect(h['x-hotline-call-id']).toMatch(/^\d{8}T\d{6}-[0-9a-f]{8}$/);
    expect(Number(h['x-hotline-wait-seconds'])).toBeGreaterThanOrEqual(0);
    // the browser got a WebRTC offer from rtpengine
    expect(agent.sdps[0]).toContain('UDP/TLS/RTP/SAVPF');
    expect(agent.sdps[0]).toContain('a=ice-ufrag');
    const callId = h['x-hotline-call-id']!;
    await expect.poll(async () => (await rig.acd.getCall(callId))?.state).toBe('connected');
    const { code } = await caller.done;
    expect(code).toBe(0);
    await waitState(session, SessionState.Terminated);
    await expect.poll(async () => (await rig.acd.getCall(callId))?.state, { timeout: 5000 }).toBe('ended');
    await expect.poll(async () => (await rig.gw.ctx.records.get(callId)).endedBy).toBe('caller');
    const rec = await rig.gw.ctx.records.get(callId);
    expect(Number(rec.answeredAt)).toBeGreaterThan(Number(rec.arrivedAt));
    await rig.retire('a1');
  });

  it('agent hangs up → caller gets BYE', async () => {
    const agent = await rig.agent('a2');
    const caller = await sipp({ scenario: 'caller_wait_bye.xml', remote: trunk(), caller: '13800000002' });
    const session = await agent.established();
    const callId = agent.offers[0]!['x-hotline-call-id']!;
    await new Promise((r) => setTimeout(r, 300));
    await (session as unknown as { bye(): Promise<void> }).bye();
    const { code } = await caller.done;
    expect(code).toBe(0);
    await expect.poll(async () => (await rig.acd.getCall(callId))?.state).toBe('ended');
    await expect.poll(async () => (await rig.gw.ctx.records.get(callId)).endedBy).toBe('agent');
    await rig.retire('a2');
  });
});
