// Scenarios 1 and 6: a citizen on baresip (440 Hz microphone) calls 12345; the sip.js agent page in
// Chromium (fake microphone: 1 kHz) answers. Audio both ways by numbers: the agent's getStats shows
// RTP in and out with an audio level, the caller's recording of the connected call carries the agent's
// 1 kHz tone, and the call's rtpengine recording (pcap, decoded) holds both directions, each with its
// own tone. Keys the agent presses reach the caller's phone as RFC 2833 events. When the caller hangs
// up, the agent's leg ends too.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecording, isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { heard, type MediaRig, startMediaRig, TONES } from './media-rig.ts';
import { skipUnless } from './tools.ts';
import { tail, toneShares } from './wav.ts';

const skip = skipUnless('answered call', ['baresip', 'rtpengine', 'sox', 'espeak-ng', 'chromium']);
const FREQS = [TONES.caller, TONES.agentA];

describe.skipIf(skip)('1 + 6: a call answered by the agent, audio both ways, recorded', () => {
  let m: MediaRig;
  beforeAll(async () => {
    m = await startMediaRig();
  });
  afterAll(async () => {
    await m?.stop();
  });

  it('the agent receives and sends RTP; the caller hears the agent; the recording has both sides', async () => {
    const agent = await m.agent('media-answer-a');
    const phone = await m.phone('13800000078');
    await phone.dial(`sip:12345@127.0.0.1:${m.rig.sip.udp}`);
    await expect.poll(() => agent.state(), { timeout: 20_000 }).toBe('Established');
    const callId = (await agent.offers())[0]!.headers['x-hotline-call-id']!;
    await expect
      .poll(async () => (await agent.stats()).inboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(100);
    await expect
      .poll(async () => (await agent.stats()).inboundLevel, { timeout: 10_000 })
      .toBeGreaterThan(0.01);
    // two more seconds of the connected call (100 packets of 20 ms) before the caller hangs up
    const sent = (await agent.stats()).outboundPackets;
    await expect
      .poll(async () => (await agent.stats()).outboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(sent + 100);
    const agentStats = await agent.stats();
    // DTMF from the agent to the caller as RFC 4733 telephone-events, passed through rtpengine
    await agent.run('dtmf', '5#');
    await expect.poll(() => phone.dtmf.join(''), { timeout: 5000 }).toBe('5#');
    await phone.quit();
    await expect.poll(() => agent.state(), { timeout: 10_000 }).toBe('Terminated');

    const last = tail(heard(phone), 1.5);
    await expect
      .poll(async () => (await m.rig.gw.ctx.records.get(callId)).recordingPath, { timeout: 10_000 })
      .toBeTruthy();
    const file = (await m.rig.gw.ctx.records.get(callId)).recordingPath!;
    const recording = decodeRecording(readFileSync(file)).map((s) => ({
      pt: s.payloadType,
      packets: s.packets,
      rms: Math.round(rms(s.samples)),
      tones: toneShares(tail(s.samples, 1.5), FREQS),
    }));
    const callerHeard = { rms: Math.round(rms(last)), tones: toneShares(last, FREQS) };
    console.log(`[media e2e answered] ${JSON.stringify({ agentStats, callerHeard, recording })}`);
    expect(isSilent(last)).toBe(false);
    expect(callerHeard.tones[TONES.agentA]).toBeGreaterThan(0.5);
    const loud = recording.filter((r) => r.packets > 100 && r.rms > 100);
    expect(loud.length).toBe(2);
    // the end of one direction is the caller's 440 Hz, of the other the agent's 1 kHz
    expect(loud.some((r) => r.tones[TONES.caller]! > 0.5)).toBe(true);
    expect(loud.some((r) => r.tones[TONES.agentA]! > 0.5)).toBe(true);
  });
});
