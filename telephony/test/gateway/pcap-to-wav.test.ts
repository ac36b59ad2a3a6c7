// The G.711 pcap → WAV converter: unit tests on a pcap synthesised here (two streams, reordered
// packets, sequence wrap-around, µ-law and A-law checked against sox's own decoder), and on a REAL
// rtpengine recording made by the gateway rig while sipp plays g711a.pcap as the caller.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALAW_TABLE,
  decodeRecording,
  isSilent,
  PcapFormatError,
  rms,
  toWav,
  ULAW_TABLE,
} from '../../src/gateway/recordings/pcap-to-wav.ts';
import { type Rig, startRig } from './helpers/rig.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

const haveSox = spawnSync('sh', ['-c', 'command -v sox']).status === 0;

interface Pkt {
  ssrc: number;
  seq: number;
  pt: number;
  payload: Uint8Array;
  srcPort: number;
}

/** A little-endian Ethernet pcap of IPv4/UDP/RTP packets, in the order given. */
function synthPcap(pkts: Pkt[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const hdr = new DataView(new ArrayBuffer(24));
  hdr.setUint32(0, 0xa1b2c3d4, true);
  hdr.setUint16(4, 2, true);
  hdr.setUint16(6, 4, true);
  hdr.setUint32(16, 65535, true);
  hdr.setUint32(20, 1, true); // Ethernet
  parts.push(new Uint8Array(hdr.buffer));
  pkts.forEach((p, i) => {
    const rtpLen = 12 + p.payload.length;
    const frameLen = 14 + 20 + 8 + rtpLen;
    const f = new Uint8Array(16 + frameLen);
    const v = new DataView(f.buffer);
    v.setUint32(0, 1_700_000_000, true);
    v.setUint32(4, i * 20_000, true);
    v.setUint32(8, frameLen, true);
    v.setUint32(12, frameLen, true);
    const e = 16;
    v.setUint16(e + 12, 0x0800);
    const ip = e + 14;
    f[ip] = 0x45;
    v.setUint16(ip + 2, 20 + 8 + rtpLen);
    f[ip + 8] = 64;
    f[ip + 9] = 17;
    f.set([127, 0, 0, 1], ip + 12);
    f.set([127, 0, 0, 1], ip + 16);
    const udp = ip + 20;
    v.setUint16(udp, p.srcPort);
    v.setUint16(udp + 2, 40000);
    v.setUint16(udp + 4, 8 + rtpLen);
    const rtp = udp + 8;
    f[rtp] = 0x80;
    f[rtp + 1] = p.pt;
    v.setUint16(rtp + 2, p.seq);
    v.setUint32(rtp + 4, p.seq * 160);
    v.setUint32(rtp + 8, p.ssrc);
    f.set(p.payload, rtp + 12);
    parts.push(f);
  });
  return Buffer.concat(parts);
}

describe('G.711 tables', () => {
  it('decode the G.711 reference points', () => {
    expect(ULAW_TABLE[0xff]).toBe(0);
    expect(ULAW_TABLE[0x7f]).toBe(0);
    expect(ULAW_TABLE[0x00]).toBe(-32124);
    expect(ULAW_TABLE[0x80]).toBe(32124);
    expect(ALAW_TABLE[0xd5]).toBe(8);
    expect(ALAW_TABLE[0x55]).toBe(-8);
    expect(ALAW_TABLE[0xaa]).toBe(32256);
    expect(ALAW_TABLE[0x2a]).toBe(-32256);
  });

  it.skipIf(!haveSox)('agree with sox for every one of the 256 µ-law and A-law codes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'g711-'));
    try {
      const codes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      for (const [enc, table] of [
        ['u-law', ULAW_TABLE],
        ['a-law', ALAW_TABLE],
      ] as const) {
        const src = path.join(dir, `${enc}.raw`);
        const dst = path.join(dir, `${enc}.s16`);
        writeFileSync(src, codes);
        execFileSync('sox', [
          '-t',
          'raw',
          '-r',
          '8000',
          '-c',
          '1',
          '-e',
          enc,
          '-b',
          '8',
          src,
          '-t',
          'raw',
          '-e',
          'signed-integer',
          '-b',
          '16',
          '-L',
          dst,
        ]);
        const out = readFileSync(dst);
        const sox = Array.from({ length: 256 }, (_, i) => out.readInt16LE(i * 2));
        expect(Array.from(table)).toEqual(sox);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeRecording on a synthesised pcap', () => {
  it('groups by SSRC, orders by sequence across wrap-around, drops duplicates and non-G.711', () => {
    const loud = new Uint8Array(160).fill(0x80); // µ-law +32124
    const quiet = new Uint8Array(160).fill(0xd5); // A-law +8
    const pcap = synthPcap([
      { ssrc: 0xaaaa, seq: 0, pt: 0, payload: loud.slice().fill(0x90), srcPort: 5000 }, // after the wrap
      { ssrc: 0xbbbb, seq: 7, pt: 8, payload: quiet, srcPort: 6000 },
      { ssrc: 0xaaaa, seq: 65534, pt: 0, payload: loud, srcPort: 5000 },
      { ssrc: 0xaaaa, seq: 65535, pt: 0, payload: loud.slice().fill(0x88), srcPort: 5000 },
      { ssrc: 0xaaaa, seq: 65535, pt: 0, payload: loud.slice().fill(0x88), srcPort: 5000 }, // duplicate
      { ssrc: 0xbbbb, seq: 8, pt: 101, payload: new Uint8Array(4), srcPort: 6000 }, // DTMF event
    ]);
    const [a, b] = decodeRecording(pcap);
    expect(a!.ssrc).toBe(0xaaaa);
    expect(a!.payloadType).toBe(0);
    expect(a!.source).toBe('127.0.0.1:5000');
    expect(a!.packets).toBe(3);
    expect(a!.samples.length).toBe(480);
    expect([a!.samples[0], a!.samples[160], a!.samples[320]]).toEqual([
      ULAW_TABLE[0x80],
      ULAW_TABLE[0x88],
      ULAW_TABLE[0x90],
    ]);
    expect(b!.payloadType).toBe(8);
    expect(b!.packets).toBe(1);
    expect(isSilent(b!.samples)).toBe(true);
    expect(isSilent(a!.samples)).toBe(false);
    const wav = toWav([a!.samples, b!.samples]);
    const v = new DataView(wav.buffer);
    expect(Buffer.from(wav.subarray(0, 4)).toString()).toBe('RIFF');
    expect(v.getUint16(22, true)).toBe(2);
    expect(v.getUint32(40, true)).toBe(480 * 2 * 2);
    expect(v.getInt16(44, true)).toBe(ULAW_TABLE[0x80]);
    expect(v.getInt16(46, true)).toBe(8);
    expect(v.getInt16(44 + 400 * 4 + 2, true)).toBe(0); // shorter channel padded with silence
  });

  it('rejects what is not a pcap or not G.711 with a typed error', () => {
    expect(() => decodeRecording(Buffer.from('hello, this is not a pcap file'))).toThrow(PcapFormatError);
    expect(() => decodeRecording(new Uint8Array(3))).toThrow(PcapFormatError);
    expect(() => toWav([])).toThrow(PcapFormatError);
    // a truncated last record (recording still being written) is ignored, earlier packets kept
    const pcap = synthPcap([{ ssrc: 1, seq: 1, pt: 0, payload: new Uint8Array(160), srcPort: 1 }]);
    expect(decodeRecording(pcap.subarray(0, pcap.length - 10))).toEqual([]);
    expect(decodeRecording(pcap)[0]!.packets).toBe(1);
  });

  it('rms is 0 for nothing and the amplitude of a square wave', () => {
    expect(rms(new Int16Array())).toBe(0);
    expect(rms(Int16Array.from([1000, -1000, 1000, -1000]))).toBe(1000);
  });
});

const skip = !haveSipp || !haveRtpengine;
describe.skipIf(skip)('a real rtpengine recording of a call (sipp plays g711a.pcap)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('the recording file exists and the caller direction is not silent', async () => {
    const agent = await rig.agent('wav1');
    const caller = await sipp({
      scenario: 'caller_media.xml',
      remote: `${rig.sip.host}:${rig.sip.udp}`,
      durationMs: 2500,
      caller: '13800000091',
    });
    await agent.established();
    const callId = agent.offers[0]!['x-hotline-call-id']!;
    expect((await caller.done).code).toBe(0);
    await expect
      .poll(async () => (await rig.gw.ctx.records.get(callId)).recordingPath, { timeout: 8000 })
      .toBeTruthy();
    const file = (await rig.gw.ctx.records.get(callId)).recordingPath!;
    const streams = decodeRecording(readFileSync(file));
    const caller711a = streams.find((s) => s.payloadType === 8);
    expect(
      caller711a,
      JSON.stringify(streams.map((s) => ({ ...s, samples: s.samples.length }))),
    ).toBeDefined();
    const level = rms(caller711a!.samples);
    console.log(
      `[pcap-to-wav] ${path.basename(file)}: ${streams.length} stream(s); caller PCMA ${caller711a!.packets} packets, ` +
        `${(caller711a!.samples.length / 8000).toFixed(2)} s, RMS ${level.toFixed(0)}`,
    );
    expect(caller711a!.packets).toBeGreaterThan(50);
    expect(isSilent(caller711a!.samples)).toBe(false);
    const wav = toWav(streams.map((s) => s.samples));
    writeFileSync(path.join(rig.dir, 'call.wav'), wav);
    const info = execFileSync('soxi', [path.join(rig.dir, 'call.wav')]).toString();
    expect(info).toMatch(/Sample Rate\s*:\s*8000/);
    await rig.retire('wav1');
  });
});
