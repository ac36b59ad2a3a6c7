// Scenario 5: blind transfer to another agent. A citizen on baresip (440 Hz) is answered by agent A
// (fake microphone, 1 kHz), who transfers the call with a REFER to sip:agent-<B>@hotline. The gateway
// rings agent B's page (a 1.5 kHz oscillator microphone; B is not even "ready": a named transfer rings
// the agent directly), connects the caller to B and ends A's leg. Asserted by numbers: B's getStats
// (RTP both ways, an audio level), the caller hearing A's tone before and B's tone (not A's) after the
// transfer, and the transfer on the call record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { heard, type MediaRig, startMediaRig, TONES } from './media-rig.ts';
import { skipUnless } from './tools.ts';
import { tail, toneShares } from './wav.ts';

const skip = skipUnless('blind transfer', ['baresip', 'rtpengine', 'sox', 'espeak-ng', 'chromium']);
const FREQS = [TONES.caller, TONES.agentA, TONES.agentB];

describe.skipIf(skip)('5: blind transfer to another agent', () => {
  let m: MediaRig;
  beforeAll(async () => {
    m = await startMediaRig();
  });
  afterAll(async () => {
    await m?.stop();
  });

  it('the caller goes from agent A to agent B and hears B', async () => {
    const a = await m.agent('media-xfer-a');
    const b = await m.agent('media-xfer-b', { toneHz: TONES.agentB, ready: false });
    const phone = await m.phone('13800000085');
    await phone.dial(`sip:12345@127.0.0.1:${m.rig.sip.udp}`);
    await expect.poll(() => a.state(), { timeout: 20_000 }).toBe('Established');
    const callId = (await a.offers())[0]!.headers['x-hotline-call-id']!;
    // one second of A before the transfer
    await expect.poll(async () => (await a.stats()).outboundPackets, { timeout: 10_000 }).toBeGreaterThan(50);
    const beforeFrom = phone.heardSeconds();
    await expect.poll(() => phone.heardSeconds(), { timeout: 10_000 }).toBeGreaterThan(beforeFrom + 1);
    const beforeTo = phone.heardSeconds();

    await a.run('transfer', 'sip:agent-media-xfer-b@hotline');
    await expect.poll(() => b.state(), { timeout: 15_000 }).toBe('Established');
    await expect.poll(() => a.state(), { timeout: 10_000 }).toBe('Terminated');
    const offer = (await b.offers())[0]!.headers;
    await expect.poll(async () => (await b.stats()).inboundPackets, { timeout: 10_000 }).toBeGreaterThan(100);
    await expect.poll(async () => (await b.stats()).inboundLevel, { timeout: 10_000 }).toBeGreaterThan(0.01);
    const sent = (await b.stats()).outboundPackets;
    await expect
      .poll(async () => (await b.stats()).outboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(sent + 100);
    const bStats = await b.stats();
    await phone.quit();
    await expect.poll(() => b.state(), { timeout: 10_000 }).toBe('Terminated');

    const all = heard(phone);
    const before = all.subarray(Math.round(beforeFrom * 8000), Math.round(beforeTo * 8000));
    const after = tail(all, 1.5);
    const record = await m.rig.gw.ctx.records.get(callId);
    const callerHeard = {
      beforeTransfer: toneShares(before, FREQS),
      afterTransfer: { rms: Math.round(rms(after)), tones: toneShares(after, FREQS) },
    };
    console.log(
      `[media e2e transfer] ${JSON.stringify({ bStats, offer, callerHeard, transferredToAgent: record.transferredToAgent })}`,
    );
    expect(offer['x-hotline-call-id']).toBe(callId);
    expect(offer['x-hotline-call-kind']).toBe('transfer');
    expect(callerHeard.beforeTransfer[TONES.agentA]).toBeGreaterThan(0.5);
    expect(isSilent(after)).toBe(false);
    expect(callerHeard.afterTransfer.tones[TONES.agentB]).toBeGreaterThan(0.5);
    expect(callerHeard.afterTransfer.tones[TONES.agentA]).toBeLessThan(0.1);
    expect(record.transferredToAgent).toBe('media-xfer-b');
  });
});
