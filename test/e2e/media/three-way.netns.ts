// Scenario 4: three-way call with 119, then the agent leaves. A citizen on baresip (440 Hz) is
// answered by the sip.js agent page (1 kHz); the agent asks the gateway for a three-way call to 119
// (X-Hotline-Three-Way-For: the hotline call id); sipp stands in for 119 and sends a 2 kHz tone. The
// page mixes in WebAudio (rtpengine 10.5 cannot mix): the caller hears agent + 119, 119 hears agent +
// caller. The agent then leaves (REFER with Replaces): both browser legs end and the gateway re-points
// the caller's media at 119. Asserted by numbers: the 119 leg's getStats in the browser (RTP in with a
// level, RTP out), the caller hearing both tones while three-way and only 119's tone after the agent
// left, the handoff recorded on the call, and 119 getting the re-INVITE and the final BYE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { freeUdpPort } from '../../../telephony/test/gateway/helpers/ports.ts';
import { heard, type MediaRig, startMediaRig, TONES } from './media-rig.ts';
import { skipUnless } from './tools.ts';
import { tail, toneShares } from './wav.ts';

const skip = skipUnless('three-way with 119', [
  'baresip',
  'rtpengine',
  'sox',
  'espeak-ng',
  'chromium',
  'sipp',
]);
const FREQS = [TONES.caller, TONES.agentA, TONES.line119];

describe.skipIf(skip)('4: three-way call with 119; the agent leaves and caller ↔ 119 continue', () => {
  let m: MediaRig;
  let linePort = 0;
  beforeAll(async () => {
    linePort = await freeUdpPort();
    m = await startMediaRig({ gateway: { trunkOutboundUri: `sip:{number}@127.0.0.1:${linePort}` } });
  });
  afterAll(async () => {
    await m?.stop();
  });

  it('caller, agent and 119 hear each other; after the agent leaves the caller still hears 119', async () => {
    const line = await m.line(linePort, TONES.line119);
    const agent = await m.agent('media-3way-a');
    const phone = await m.phone('13800000084');
    await phone.dial(`sip:12345@127.0.0.1:${m.rig.sip.udp}`);
    await expect.poll(() => agent.state(), { timeout: 20_000 }).toBe('Established');
    const callId = (await agent.offers())[0]!.headers['x-hotline-call-id']!;

    const out = await agent.call('sip:119@hotline', [`X-Hotline-Three-Way-For: ${callId}`]);
    expect(out.status, line.out()).toBe(200);
    await expect.poll(() => agent.state('out'), { timeout: 10_000 }).toBe('Established');
    await agent.run('mix');
    await expect
      .poll(async () => (await agent.stats('out')).inboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(100);
    await expect
      .poll(async () => (await agent.stats('out')).inboundLevel, { timeout: 10_000 })
      .toBeGreaterThan(0.01);
    // two seconds of the three-way call as the caller heard it
    const threeWayFrom = phone.heardSeconds();
    await expect.poll(() => phone.heardSeconds(), { timeout: 10_000 }).toBeGreaterThan(threeWayFrom + 2);
    const threeWayTo = phone.heardSeconds();
    const lineStats = await agent.stats('out');
    const callerLegStats = await agent.stats('in');

    await agent.run('leave');
    await expect.poll(() => agent.state('in'), { timeout: 10_000 }).toBe('Terminated');
    await expect.poll(() => agent.state('out'), { timeout: 10_000 }).toBe('Terminated');
    await expect
      .poll(async () => (await m.rig.gw.ctx.records.get(callId)).handedOffAt, { timeout: 10_000 })
      .toBeTruthy();
    // the caller keeps talking with 119 for three more seconds, then hangs up
    const leftAt = phone.heardSeconds();
    await expect.poll(() => phone.heardSeconds(), { timeout: 10_000 }).toBeGreaterThan(leftAt + 3);
    await phone.quit();
    const r119 = await line.done;

    const all = heard(phone);
    const during = all.subarray(Math.round(threeWayFrom * 8000), Math.round(threeWayTo * 8000));
    const after = tail(all, 1.5);
    const record = await m.rig.gw.ctx.records.get(callId);
    const callerHeard = {
      threeWay: { rms: Math.round(rms(during)), tones: toneShares(during, FREQS) },
      afterLeaving: { rms: Math.round(rms(after)), tones: toneShares(after, FREQS) },
    };
    console.log(
      `[media e2e three-way] ${JSON.stringify({
        lineStats,
        callerLegStats,
        callerHeard,
        record: {
          threeWayNumber: record.threeWayNumber,
          threeWayService: record.threeWayService,
          handoffMs: record.handoffMs,
          handedOffAt: record.handedOffAt,
        },
        line119Exit: r119.code,
      })}`,
    );
    expect(lineStats.outboundPackets).toBeGreaterThan(100); // 119 hears the agent (and the caller, mixed)
    expect(callerHeard.threeWay.tones[TONES.agentA]).toBeGreaterThan(0.25);
    expect(callerHeard.threeWay.tones[TONES.line119]).toBeGreaterThan(0.25);
    expect(isSilent(after)).toBe(false);
    expect(callerHeard.afterLeaving.tones[TONES.line119]).toBeGreaterThan(0.5);
    expect(callerHeard.afterLeaving.tones[TONES.agentA]).toBeLessThan(0.1);
    expect(record.threeWayNumber).toBe('119');
    expect(record.threeWayService).toBe('fire');
    expect(Number(record.handoffMs)).toBeGreaterThanOrEqual(0);
    expect(r119.code, r119.out).toBe(0); // answered, re-INVITEd at the handoff, then BYE when the caller hung up
  });
});
