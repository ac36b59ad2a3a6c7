// End-to-end with real media on loopback: baresip is the citizen's phone (its microphone is a 440 Hz
// WAV made by sox; sndfile records what it hears), the gateway (sipd + rtpengine) greets, queues and
// connects it to a sip.js agent in Node (signalling only: a Node agent sends no RTP). Asserts: the
// caller heard audio (its sndfile recording of the greeting and hold music is not silence), and the call's rtpengine
// recording, decoded by pcap-to-wav, holds the caller's tone for the whole call (not silence).
// No network namespace is needed: no browser takes part, every process binds 127.0.0.1 only.
// Bounded: baresip quits by itself after a few seconds; every process is stopped by PID in afterAll.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecording, isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { type Rig, startRig } from '../../../telephony/test/gateway/helpers/rig.ts';
import { haveRtpengine } from '../../../telephony/test/gateway/helpers/rtpengine.ts';
import { type Baresip, haveBaresip, startBaresip } from './baresip.ts';
import { wavSamples } from './wav.ts';

const haveSox = spawnSync('sh', ['-c', 'command -v sox']).status === 0;
const missing = [!haveBaresip && 'baresip', !haveRtpengine && 'rtpengine', !haveSox && 'sox'].filter(Boolean);
if (missing.length) console.warn(`[media e2e] skipped: ${missing.join(', ')} not installed`);

describe.skipIf(missing.length > 0)(
  'a citizen on baresip calls 12345 and an agent answers (real media)',
  () => {
    let rig: Rig;
    let phone: Baresip | undefined;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'media-e2e-'));
      rig = await startRig();
    }, 60_000);

    afterAll(async () => {
      await phone?.stop();
      await rig?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('the caller hears the greeting and hold music through rtpengine; the call recording holds the caller’s tone', async () => {
      const source = path.join(dir, 'caller-440hz.wav');
      execFileSync('sox', [
        '-n',
        '-r',
        '8000',
        '-c',
        '1',
        '-b',
        '16',
        '-e',
        'signed-integer',
        source,
        'synth',
        '20',
        'sine',
        '440',
        'vol',
        '0.4',
      ]);
      phone = await startBaresip({
        dir: path.join(dir, 'phone'),
        caller: '13800000077',
        dial: `sip:12345@127.0.0.1:${rig.sip.udp}`,
        sourceWav: source,
        quitAfterSec: 7,
      });
      // nobody is ready for 2.5 s: the caller hears the greeting, then the hold music, then the agent
      await new Promise((r) => setTimeout(r, 2500));
      const agent = await rig.agent('media1');
      await agent.established();
      const callId = agent.offers[0]!['x-hotline-call-id']!;
      await phone.exited;

      // what the caller heard (greeting, then the connected call) is not silence
      const heard = phone.heardFiles();
      expect(heard.length, phone.out()).toBeGreaterThan(0);
      const heardSamples = wavSamples(heard[0]!);
      const heardRms = rms(heardSamples);

      // the gateway's recording of the call: the caller's direction carries the 440 Hz tone
      await expect
        .poll(async () => (await rig.gw.ctx.records.get(callId)).recordingPath, { timeout: 10_000 })
        .toBeTruthy();
      const file = (await rig.gw.ctx.records.get(callId)).recordingPath!;
      const streams = decodeRecording(readFileSync(file));
      const loudest = streams.reduce((a, b) => (rms(b.samples) > rms(a.samples) ? b : a));
      console.log(
        `[media e2e] ${JSON.stringify({
          callerHeard: {
            file: path.basename(heard[0]!),
            seconds: +(heardSamples.length / 8000).toFixed(2),
            rms: Math.round(heardRms),
          },
          recording: streams.map((s) => ({
            pt: s.payloadType,
            packets: s.packets,
            seconds: +(s.samples.length / 8000).toFixed(2),
            rms: Math.round(rms(s.samples)),
          })),
        })}`,
      );
      expect(heardSamples.length / 8000).toBeGreaterThan(1);
      expect(isSilent(heardSamples)).toBe(false);
      expect(loudest.packets).toBeGreaterThan(50);
      expect(isSilent(loudest.samples)).toBe(false);
      await rig.retire('media1');
    }, 60_000);
  },
);
