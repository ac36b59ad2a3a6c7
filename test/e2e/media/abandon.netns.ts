// Scenario 2: a citizen on baresip calls 12345 while no agent is free, hears the greeting and then
// the hold music, and hangs up while queued. Asserted by numbers: the caller's recording starts with
// the greeting's tone (600 Hz in the test prompts) and then carries the hold music's chords (not its
// own 440 Hz, not silence); the distributor records the abandon (state, `call.abandoned` event with
// phase "waiting" and the time waited) and so does the gateway's call record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { acdEvents, heard, type MediaRig, startMediaRig, TONES } from './media-rig.ts';
import { skipUnless } from './tools.ts';
import { toneShares } from './wav.ts';

const skip = skipUnless('abandon while queued', ['baresip', 'rtpengine', 'sox', 'espeak-ng']);
/** The rig's greeting is a 0.3 s 600 Hz tone; the hold music's first chord is C4 + E4. */
const GREETING_HZ = 600;
const HOLD_CHORD = [261.63, 329.63];

describe.skipIf(skip)('2: the caller abandons while queued', () => {
  let m: MediaRig;
  beforeAll(async () => {
    m = await startMediaRig({ browser: false });
  });
  afterAll(async () => {
    await m?.stop();
  });

  it('hears greeting and hold music; the abandon is recorded with the time waited', async () => {
    const number = '13800000081';
    const phone = await m.phone(number);
    await phone.dial(`sip:12345@127.0.0.1:${m.rig.sip.udp}`);
    const { redis, prefix, acd } = m.rig;
    const findCall = async () => {
      for (const key of await redis.keys(`${prefix}call:*`)) {
        if ((await redis.hget(key, 'caller')) === number) return key.slice(`${prefix}call:`.length);
      }
      return undefined;
    };
    await expect.poll(findCall, { timeout: 15_000 }).toBeTruthy();
    const callId = (await findCall())!;
    await expect.poll(async () => (await acd.getCall(callId))?.state, { timeout: 10_000 }).toBe('waiting');
    // stay queued for 3 s of hold music, then hang up
    await expect
      .poll(async () => (await acd.getCall(callId))?.waitedMs ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(3000);
    await phone.quit();

    await expect.poll(async () => (await acd.getCall(callId))?.state, { timeout: 10_000 }).toBe('abandoned');
    const view = (await acd.getCall(callId))!;
    const abandoned = (await acdEvents(m.rig, callId)).find((e) => e.type === 'call.abandoned');
    await expect
      .poll(async () => (await m.rig.gw.ctx.records.get(callId)).state, { timeout: 5000 })
      .toBe('abandoned');
    const record = await m.rig.gw.ctx.records.get(callId);

    const all = heard(phone);
    const first = all.subarray(0, 2400); // 0.3 s
    const later = all.subarray(8000, 16_000); // 1–2 s: the first hold-music chord
    const callerHeard = {
      seconds: +(all.length / 8000).toFixed(2),
      greeting: toneShares(first, [GREETING_HZ, TONES.caller]),
      hold: { rms: Math.round(rms(later)), tones: toneShares(later, [...HOLD_CHORD, TONES.caller]) },
    };
    console.log(`[media e2e abandon] ${JSON.stringify({ callerHeard, view, abandoned, record })}`);
    expect(callerHeard.greeting[GREETING_HZ]).toBeGreaterThan(0.5);
    expect(isSilent(later)).toBe(false);
    expect(callerHeard.hold.tones[HOLD_CHORD[0]!]! + callerHeard.hold.tones[HOLD_CHORD[1]!]!).toBeGreaterThan(
      0.5,
    );
    expect(callerHeard.hold.tones[TONES.caller]).toBeLessThan(0.1);
    expect(callerHeard.seconds).toBeGreaterThan(3);
    expect(abandoned?.phase).toBe('waiting');
    expect(Number(abandoned?.waitMs)).toBeGreaterThan(3000);
    expect(Number(abandoned?.waitMs)).toBeLessThan(30_000);
    expect(Number(record.waitedMs)).toBeGreaterThan(3000);
    expect(view.waitedMs).toBeGreaterThan(3000);
  });
});
