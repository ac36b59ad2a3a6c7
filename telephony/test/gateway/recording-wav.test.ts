// The playable recording: at filing the gateway decodes rtpengine's pcaps into <callId>.wav, stereo
// (left = caller, right = hotline side), streams placed in time. Unit tests on synthesised pcaps
// (start offsets, reordering, sequence/timestamp wrap, a sender's clock jump, a restarted recording),
// then a REAL call: sipp plays g711a.pcap as the caller, the agent side sends a 1 kHz PCMU tone into
// rtpengine, and the filed WAV must carry both, each on its own channel; purge removes the WAV too.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingMeta } from '../../src/gateway/app/recordings.ts';
import { callWav, writeCallWav } from '../../src/gateway/recordings/call-wav.ts';
import { isSilent, PcapFormatError, rms } from '../../src/gateway/recordings/pcap-to-wav.ts';
import { type Rig, startRig } from './helpers/rig.ts';
import { sendTone, tonePayload } from './helpers/rtp-tone.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

interface Pkt {
  atMs: number;
  srcPort: number;
  /** rtpengine's receiving port (default 30000). */
  dstPort?: number;
  ssrc: number;
  seq: number;
  ts: number;
  pt: number;
  payload: Uint8Array;
}

/** A little-endian raw-IPv4 pcap (link type 101) of UDP/RTP packets with the given capture times. */
function synthPcap(pkts: Pkt[]): Uint8Array {
  const hdr = new DataView(new ArrayBuffer(24));
  hdr.setUint32(0, 0xa1b2c3d4, true);
  hdr.setUint16(4, 2, true);
  hdr.setUint16(6, 4, true);
  hdr.setUint32(16, 65535, true);
  hdr.setUint32(20, 101, true);
  const parts: Uint8Array[] = [new Uint8Array(hdr.buffer)];
  for (const p of pkts) {
    const len = 20 + 8 + 12 + p.payload.length;
    const f = new Uint8Array(16 + len);
    const v = new DataView(f.buffer);
    v.setUint32(0, Math.floor(p.atMs / 1000), true);
    v.setUint32(4, Math.round((p.atMs % 1000) * 1000), true);
    v.setUint32(8, len, true);
    v.setUint32(12, len, true);
    const ip = 16;
    f[ip] = 0x45;
    v.setUint16(ip + 2, len);
    f[ip + 9] = 17;
    f.set([127, 0, 0, 1], ip + 12);
    f.set([127, 0, 0, 1], ip + 16);
    v.setUint16(ip + 20, p.srcPort);
    v.setUint16(ip + 22, p.dstPort ?? 30000);
    v.setUint16(ip + 24, len - 20);
    const rtp = ip + 28;
    f[rtp] = 0x80;
    f[rtp + 1] = p.pt;
    v.setUint16(rtp + 2, p.seq & 0xffff);
    v.setUint32(rtp + 4, p.ts % 2 ** 32);
    v.setUint32(rtp + 8, p.ssrc);
    f.set(p.payload, rtp + 12);
    parts.push(f);
  }
  return Buffer.concat(parts);
}

/** `n` 20 ms packets of a tone from `srcPort`, starting at capture time `startMs`. */
function stream(
  o: { srcPort: number; dstPort?: number; ssrc: number; pt: 0 | 8; hz: number; startMs: number; n: number },
  seq0 = 100,
  ts0 = 5000,
): Pkt[] {
  const payload = tonePayload(o.hz, o.pt);
  return Array.from({ length: o.n }, (_, i) => ({
    atMs: o.startMs + i * 20,
    srcPort: o.srcPort,
    dstPort: o.dstPort,
    ssrc: o.ssrc,
    seq: seq0 + i,
    ts: ts0 + i * 160,
    pt: o.pt,
    payload,
  }));
}

/** Channels of a 16-bit PCM WAV as written by toWav. */
function wavChannels(wav: Uint8Array): { rate: number; channels: Int16Array[] } {
  const v = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const n = v.getUint16(22, true);
  const rate = v.getUint32(24, true);
  const frames = v.getUint32(40, true) / (2 * n);
  const channels = Array.from({ length: n }, () => new Int16Array(frames));
  for (let f = 0; f < frames; f++)
    for (let c = 0; c < n; c++) channels[c]![f] = v.getInt16(44 + (f * n + c) * 2, true);
  return { rate, channels };
}

function zeroCrossingHz(s: Int16Array): number {
  let crossings = 0;
  for (let i = 1; i < s.length; i++) if (s[i - 1]! < 0 !== s[i]! < 0) crossings++;
  return (crossings / 2) * (8000 / s.length);
}

const T0 = 1_750_000_000_000;
const at = (s: Int16Array, fromMs: number, toMs: number) => s.subarray(fromMs * 8, toMs * 8);

describe('callWav: pcaps → stereo WAV', () => {
  it('puts the first sender (the caller) left, the agent right, each at its own start time', () => {
    const caller = stream({ srcPort: 5000, ssrc: 1, pt: 8, hz: 400, startMs: T0, n: 100 });
    const agent = stream({ srcPort: 6000, ssrc: 2, pt: 0, hz: 1000, startMs: T0 + 500, n: 50 });
    const out = callWav([synthPcap([...caller, ...agent].sort((a, b) => a.atMs - b.atMs))]);
    const { rate, channels } = wavChannels(out.wav);
    expect(rate).toBe(8000);
    expect(channels).toHaveLength(2);
    const [left, right] = channels as [Int16Array, Int16Array];
    expect(out.durationMs).toBe(2000);
    expect(isSilent(at(left, 0, 1990))).toBe(false);
    expect(zeroCrossingHz(at(left, 0, 1990))).toBeCloseTo(400, -1);
    expect(rms(at(right, 0, 490))).toBe(0); // the agent had not answered yet
    expect(zeroCrossingHz(at(right, 510, 1490))).toBeCloseTo(1000, -1);
    expect(rms(at(right, 1510, 2000))).toBe(0);
    expect(out.streams.map((s) => [s.channel, s.payloadType, s.startMs, s.packets])).toEqual([
      ['caller', 8, 0, 100],
      ['hotline', 0, 500, 50],
    ]);
  });

  it("knows the caller by rtpengine's caller-facing port even when the agent's RTP comes first", () => {
    const agent = stream({ srcPort: 6000, dstPort: 30010, ssrc: 2, pt: 0, hz: 1000, startMs: T0, n: 50 });
    const caller = stream({ srcPort: 5000, dstPort: 30002, ssrc: 1, pt: 8, hz: 400, startMs: T0 + 5, n: 50 });
    const pcap = synthPcap([...agent, ...caller].sort((a, b) => a.atMs - b.atMs));
    const byPort = callWav([pcap], { callerPorts: [30002] });
    expect(byPort.callerBy).toBe('media-port');
    expect(byPort.streams.map((s) => [s.channel, s.payloadType])).toEqual([
      ['hotline', 0],
      ['caller', 8],
    ]);
    const [left] = wavChannels(byPort.wav).channels as [Int16Array];
    expect(zeroCrossingHz(at(left, 10, 990))).toBeCloseTo(400, -1);
    // without the port (or with one no packet went to) the first sender is taken for the caller
    expect(callWav([pcap]).callerBy).toBe('first-sender');
    expect(callWav([pcap], { callerPorts: [1] }).streams[0]).toMatchObject({
      channel: 'caller',
      payloadType: 0,
    });
  });

  it('reorders packets, survives sequence and timestamp wrap, and drops duplicates', () => {
    const caller = stream(
      { srcPort: 5000, ssrc: 7, pt: 0, hz: 500, startMs: T0, n: 60 },
      65_520,
      2 ** 32 - 800,
    );
    const shuffled = [...caller.slice(30), ...caller.slice(0, 30), caller[10]!];
    const out = callWav([synthPcap(shuffled)]);
    const [left] = wavChannels(out.wav).channels as [Int16Array];
    expect(out.durationMs).toBe(1200);
    expect(out.streams[0]!.packets).toBe(60);
    expect(zeroCrossingHz(at(left, 0, 1200))).toBeCloseTo(500, -1);
  });

  it('re-anchors a stream whose RTP clock jumps, instead of stretching the call', () => {
    const a = stream({ srcPort: 5000, ssrc: 3, pt: 0, hz: 500, startMs: T0, n: 50 });
    const b = stream(
      { srcPort: 5000, ssrc: 3, pt: 0, hz: 500, startMs: T0 + 1000, n: 50 },
      150,
      5000 + 80_000 * 160,
    );
    const out = callWav([synthPcap([...a, ...b])]);
    expect(out.durationMs).toBe(2000);
    const [left] = wavChannels(out.wav).channels as [Int16Array];
    expect(isSilent(at(left, 1000, 1990))).toBe(false);
  });

  it('joins a restarted recording (a second pcap) on the same timeline, caller still left', () => {
    const first = [
      ...stream({ srcPort: 5000, ssrc: 1, pt: 8, hz: 400, startMs: T0, n: 25 }),
      ...stream({ srcPort: 6000, ssrc: 2, pt: 0, hz: 1000, startMs: T0 + 100, n: 20 }),
    ].sort((x, y) => x.atMs - y.atMs);
    const second = stream({ srcPort: 5000, ssrc: 9, pt: 8, hz: 400, startMs: T0 + 1500, n: 25 });
    const out = callWav([synthPcap(first), synthPcap(second)]);
    const [left, right] = wavChannels(out.wav).channels as [Int16Array, Int16Array];
    expect(out.durationMs).toBe(2000);
    expect(isSilent(at(left, 1500, 1990))).toBe(false);
    expect(rms(at(left, 520, 1490))).toBe(0); // the pause between the two recordings
    expect(rms(at(right, 1500, 2000))).toBe(0);
    expect(out.streams.filter((s) => s.channel === 'caller')).toHaveLength(2);
  });

  it('writeCallWav streams the same bytes in chunks, pausing between steps (a long call never blocks)', async () => {
    const pcap = synthPcap(
      [
        ...stream({ srcPort: 5000, ssrc: 1, pt: 8, hz: 400, startMs: T0, n: 3000 }),
        ...stream({ srcPort: 6000, ssrc: 2, pt: 0, hz: 1000, startMs: T0 + 40, n: 3000 }),
      ].sort((a, b) => a.atMs - b.atMs),
    );
    const whole = callWav([pcap]);
    const chunks: Uint8Array[] = [];
    let pauses = 0;
    const summary = await writeCallWav(
      [pcap],
      {},
      async (c) => {
        chunks.push(c);
      },
      async () => {
        pauses++;
      },
    );
    expect(Buffer.concat(chunks).equals(Buffer.from(whole.wav))).toBe(true);
    expect(summary.bytes).toBe(whole.wav.length);
    expect(summary.durationMs).toBe(60_040);
    expect(chunks.length).toBeGreaterThan(2); // header + frame chunks
    expect(pauses).toBeGreaterThanOrEqual(6); // 6000 records scanned and placed 2000 at a time, …
  });

  it('refuses a recording without G.711 audio', () => {
    const opus = stream({ srcPort: 5000, ssrc: 1, pt: 0, hz: 400, startMs: T0, n: 5 }).map((p) => ({
      ...p,
      pt: 111,
    }));
    expect(() => callWav([synthPcap(opus)])).toThrow(PcapFormatError);
    expect(() => callWav([])).toThrow(PcapFormatError);
  });
});

const skip = !haveSipp || !haveRtpengine;
const haveSox = spawnSync('sh', ['-c', 'command -v soxi']).status === 0;

describe.skipIf(skip)(
  'a real call is filed with a stereo WAV (sipp caller, agent tone through rtpengine)',
  () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await startRig();
    });
    afterAll(async () => {
      await rig?.stop();
    });

    it('writes <callId>.wav beside the pcap and metadata: caller left, agent 1 kHz right; purge removes it', async () => {
      const agent = await rig.agent('wavst1');
      const caller = await sipp({
        scenario: 'caller_media.xml',
        remote: `${rig.sip.host}:${rig.sip.udp}`,
        durationMs: 3000,
        caller: '13800000093',
      });
      await agent.established();
      const tone = await sendTone(agent.sdps[0]!, { hz: 1000, payloadType: 0 });
      const callId = agent.offers[0]!['x-hotline-call-id']!;
      expect((await caller.done).code).toBe(0);
      const sent = await tone.stop();
      await expect
        .poll(async () => (await rig.gw.ctx.records.get(callId)).recordingPath, { timeout: 8000 })
        .toBeTruthy();
      const pcapFile = (await rig.gw.ctx.records.get(callId)).recordingPath!;
      const dir = path.dirname(pcapFile);
      // filed under the call's arrival date, the date in its id
      const [, y, m, d] = /^(\d{4})(\d{2})(\d{2})T/.exec(callId)!;
      expect(path.relative(rig.cfg.recordingsDir!, dir)).toBe(path.join(y!, m!, d!));
      const meta = JSON.parse(readFileSync(path.join(dir, `${callId}.json`), 'utf8')) as RecordingMeta;
      expect(meta.wavError).toBeUndefined();
      expect(meta.wav).toMatchObject({
        file: `${callId}.wav`,
        sampleRate: 8000,
        channels: ['caller', 'hotline'],
        callerBy: 'media-port',
      });
      const wav = readFileSync(path.join(dir, meta.wav!.file));
      expect(wav.length).toBe(meta.wav!.bytes);
      const { rate, channels } = wavChannels(wav);
      const [left, right] = channels as [Int16Array, Int16Array];
      const rightActive = right.subarray(right.findIndex((x) => x !== 0));
      console.log(
        `[recording wav] ${callId}: ${(meta.wav!.durationMs / 1000).toFixed(2)} s, ${wav.length} bytes, ` +
          `agent tone ${sent.packets} packets sent; left RMS ${rms(left).toFixed(0)}, right RMS ${rms(rightActive).toFixed(0)} ` +
          `at ${zeroCrossingHz(rightActive).toFixed(0)} Hz; streams ${JSON.stringify(meta.wav!.streams)}`,
      );
      expect(rate).toBe(8000);
      expect(meta.wav!.durationMs).toBeGreaterThan(1500);
      expect(isSilent(left)).toBe(false);
      expect(isSilent(rightActive)).toBe(false);
      expect(zeroCrossingHz(rightActive)).toBeGreaterThan(900);
      expect(zeroCrossingHz(rightActive)).toBeLessThan(1100);
      const callerStream = meta.wav!.streams.find((s) => s.channel === 'caller')!;
      const agentStream = meta.wav!.streams.find((s) => s.channel === 'hotline')!;
      expect(callerStream.payloadType).toBe(8); // sipp's g711a.pcap
      expect(agentStream.payloadType).toBe(0); // our PCMU tone
      expect(agentStream.source).toBe(`127.0.0.1:${tone.port}`);
      if (haveSox)
        expect(execFileSync('soxi', [path.join(dir, meta.wav!.file)]).toString()).toMatch(/Channels\s*:\s*2/);

      const { purgeRecordings } = await import('../../src/gateway/app/recordings.ts');
      expect(await purgeRecordings(rig.cfg.recordingsDir!, meta.retainUntil - 1)).toEqual([]);
      expect(await purgeRecordings(rig.cfg.recordingsDir!, meta.retainUntil + 1)).toEqual([callId]);
      for (const f of [`${callId}.wav`, `${callId}.pcap`, `${callId}.json`])
        expect(existsSync(path.join(dir, f))).toBe(false);
      await rig.retire('wavst1');
    });
  },
);
