// Integration: three-way calls to emergency lines (a sipp UAS stands in for 119), the agent leaving
// (REFER with Replaces) while caller and 119 stay connected, the handoff time on the call record,
// callbacks (回访) with a server-signed grant, and toll-fraud refusals.
import { type Session, SessionState } from 'sip.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signCallbackGrant } from '../../src/gateway/domain/callback-grant.ts';
import { waitState } from './helpers/agent.ts';
import { freeUdpPort } from './helpers/ports.ts';
import { type Rig, startRig } from './helpers/rig.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

const skip = !haveSipp || !haveRtpengine;
let rig: Rig;
let linePort = 0;

beforeAll(async () => {
  if (skip) return;
  linePort = await freeUdpPort();
  rig = await startRig({ trunkOutboundUri: `sip:{number}@127.0.0.1:${linePort}` });
});
afterEach(async () => {
  await rig?.retireAll();
});
afterAll(async () => {
  await rig?.stop();
});

const trunk = () => `${rig.sip.host}:${rig.sip.udp}`;
const line = () => sipp({ scenario: 'uas_emergency.xml', extra: ['-p', String(linePort)], timeoutSec: 30 });
type Referrer = Session & { refer(t: unknown): Promise<unknown>; bye(): Promise<unknown> };

describe.skipIf(skip)('three-way calls, callbacks and refusals', () => {
  it('three-way to 119: handoff time recorded; the agent leaves and caller↔119 stay connected', async () => {
    const agent = await rig.agent('tw1');
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 6000,
      caller: '13800000031',
    });
    const e119 = await line();
    const callerSession = (await agent.established()) as Referrer;
    const callId = agent.offers[0]!['x-hotline-call-id']!;
    const { inviter, outcome } = await agent.call('sip:119@hotline', [`X-Hotline-Three-Way-For: ${callId}`]);
    expect(await outcome).toBe(200);
    await waitState(inviter, SessionState.Established);
    await expect.poll(async () => (await rig.gw.ctx.records.get(callId)).threeWayNumber).toBe('119');
    const rec = await rig.gw.ctx.records.get(callId);
    expect(rec.threeWayService).toBe('fire');
    expect(Number(rec.handoffMs)).toBeGreaterThanOrEqual(0);
    expect(Number(rec.threeWayAnsweredAt)).toBeGreaterThanOrEqual(Number(rec.threeWayRequestedAt));
    // the agent leaves: REFER the caller's call to the 119 leg (Replaces)
    await callerSession.refer(inviter);
    await waitState(callerSession, SessionState.Terminated);
    await waitState(inviter, SessionState.Terminated);
    await expect.poll(async () => (await rig.gw.ctx.records.get(callId)).handedOffAt).toBeTruthy();
    await expect.poll(async () => (await rig.acd.getCall(callId))?.state).toBe('ended');
    // the caller keeps talking to 119 until it hangs up; the gateway then ends the 119 leg
    expect((await caller.done).code).toBe(0);
    const r119 = await e119.done;
    expect(r119.code).toBe(0); // re-INVITE (media re-pointed at the caller) and BYE both arrived
    expect(r119.out).not.toContain('Aborting');
  }, 40_000);

  it('refuses an outbound call to a number that is not allowed (403) and logs it', async () => {
    const agent = await rig.agent('tf1', { ready: false });
    for (const n of ['13900000000', '0110', '1100', '95598']) {
      const { inviter, outcome } = await agent.call(`sip:${n}@hotline`);
      expect(await outcome).toBe(403);
      await waitState(inviter, SessionState.Terminated);
    }
  });

  it('a callback (回访) with the server-sealed grant dials the requester; a grant for another number is refused', async () => {
    const agent = await rig.agent('cb1', { ready: false });
    const grant = signCallbackGrant(rig.secret, {
      ticketId: 'GZ-2026-000123',
      number: '13800000077',
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
    const refused = await agent.call('sip:13800000078@hotline', [`X-Hotline-Callback-Grant: ${grant}`]);
    expect(await refused.outcome).toBe(403);
    const forged = await agent.call('sip:13800000077@hotline', [
      `X-Hotline-Callback-Grant: ${grant.slice(0, -2)}xx`,
    ]);
    expect(await forged.outcome).toBe(403);
    const citizen = await line();
    // the console's way: sip:callback@… — the number comes out of the sealed grant
    expect(grant).not.toContain('13800000077');
    const ok = await agent.call('sip:callback@hotline', [`X-Hotline-Callback-Grant: ${grant}`]);
    expect(await ok.outcome).toBe(200);
    await waitState(ok.inviter, SessionState.Established);
    await (ok.inviter as unknown as Referrer).bye();
    expect((await citizen.done).code).toBe(0);
  });

  it('a consultation call (咨询转接) to another agent carries the call it is about to that agent', async () => {
    const a = await rig.agent('cs1', { ready: false });
    const b = await rig.agent('cs2', { ready: false });
    const about = '20261129T020000-0a1b2c3d';
    const { inviter, outcome } = await a.call('sip:agent-cs2@hotline', [`X-Hotline-Three-Way-For: ${about}`]);
    expect(await outcome).toBe(200);
    await waitState(inviter, SessionState.Established);
    expect(b.offers[0]!['x-hotline-call-id']).toBe(about);
    await (inviter as unknown as Referrer).bye();
    // an unregistered agent cannot be consulted
    const gone = await a.call('sip:agent-nobody@hotline');
    expect(await gone.outcome).toBe(480);
  });
});
