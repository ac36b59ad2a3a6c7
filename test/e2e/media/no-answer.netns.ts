// Scenario 3: the first agent does not answer, the second gets the call. Two sip.js agent pages in
// one Chromium: A (fake microphone, 1 kHz) is ready first and is offered the call; its page rings and
// never answers; after A's offer timeout the gateway cancels A's leg and the call goes back to the
// head of the queue and to B (a 1.5 kHz oscillator microphone), who answers. Asserted by numbers: A's
// offer ended without media, B's getStats shows RTP both ways with an audio level, and the caller
// hears B's tone (not A's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { acdEvents, heard, type MediaRig, startMediaRig, TONES } from './media-rig.ts';
import { skipUnless } from './tools.ts';
import { tail, toneShares } from './wav.ts';

const skip = skipUnless('no answer → next agent', ['baresip', 'rtpengine', 'sox', 'espeak-ng', 'chromium']);
const FREQS = [TONES.caller, TONES.agentA, TONES.agentB];

describe.skipIf(skip)('3: the first agent does not answer, the second agent gets the call', () => {
  let m: MediaRig;
  beforeAll(async () => {
    m = await startMediaRig();
  });
  afterAll(async () => {
    await m?.stop();
  });

  it('A rings out, B answers and talks with the caller', async () => {
    const a = await m.agent('media-noanswer-a', { answer: 'ignore', offerTimeoutMs: 3000 });
    const phone = await m.phone('13800000082');
    await phone.dial(`sip:12345@127.0.0.1:${m.rig.sip.udp}`);
    await expect.poll(async () => (await a.offers()).length, { timeout: 20_000 }).toBe(1);
    const callId = (await a.offers())[0]!.headers['x-hotline-call-id']!;
    const b = await m.agent('media-noanswer-b', { toneHz: TONES.agentB });
    // A's ringing is cancelled when its offer times out; B is offered the same call and answers
    await expect.poll(async () => (await a.offers())[0]!.state, { timeout: 15_000 }).toBe('Terminated');
    await expect.poll(() => b.state(), { timeout: 15_000 }).toBe('Established');
    expect((await b.offers())[0]!.headers['x-hotline-call-id']).toBe(callId);
    await expect.poll(async () => (await b.stats()).inboundPackets, { timeout: 10_000 }).toBeGreaterThan(100);
    await expect.poll(async () => (await b.stats()).inboundLevel, { timeout: 10_000 }).toBeGreaterThan(0.01);
    const sent = (await b.stats()).outboundPackets;
    await expect
      .poll(async () => (await b.stats()).outboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(sent + 100);
    const bStats = await b.stats();
    const aStats = await a.stats();
    await phone.quit();
    await expect.poll(() => b.state(), { timeout: 10_000 }).toBe('Terminated');

    const last = tail(heard(phone), 1.5);
    const callerHeard = { rms: Math.round(rms(last)), tones: toneShares(last, FREQS) };
    const view = await m.rig.acd.getCall(callId);
    const expired = (await acdEvents(m.rig, callId)).filter((e) => e.type === 'call.offer-expired');
    console.log(
      `[media e2e no-answer] ${JSON.stringify({ aStats, bStats, callerHeard, view, expired: expired.length })}`,
    );
    expect(aStats.inboundPackets + aStats.outboundPackets).toBe(0); // A never had media
    expect(view?.agentId).toBe('media-noanswer-b');
    expect(expired.map((e) => e.agentId)).toEqual(['media-noanswer-a']);
    expect(isSilent(last)).toBe(false);
    expect(callerHeard.tones[TONES.agentB]).toBeGreaterThan(0.5);
    expect(callerHeard.tones[TONES.agentA]).toBeLessThan(0.1);
  });
});
