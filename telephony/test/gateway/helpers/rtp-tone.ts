// Plays a tone as G.711 RTP toward the media address of an SDP (the rtpengine side of a test agent's
// call): the Node test agent has no media stack, so a test that needs the agent's direction in the
// recording sends it with this, from a socket of its own on 127.0.0.1. Stop it by calling stop().
import dgram from 'node:dgram';
import { ALAW_TABLE, ULAW_TABLE } from '../../../src/gateway/recordings/pcap-to-wav.ts';

/** The G.711 code whose decoded value is nearest to `sample` (search over the decode table). */
function encode(table: Int16Array, sample: number): number {
  let best = 0;
  for (let c = 1; c < 256; c++) if (Math.abs(table[c]! - sample) < Math.abs(table[best]! - sample)) best = c;
  return best;
}

export interface RtpTone {
  /** The local port the tone is sent from. */
  port: number;
  stop(): Promise<{ packets: number }>;
}

/** One 20 ms packet of a sine at `hz` (8000 / hz samples per period should divide 160 for a clean loop). */
export function tonePayload(hz: number, payloadType: 0 | 8, amplitude = 8000): Uint8Array {
  const table = payloadType === 0 ? ULAW_TABLE : ALAW_TABLE;
  return Uint8Array.from({ length: 160 }, (_, i) =>
    encode(table, Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / 8000))),
  );
}

export async function sendTone(sdp: string, o: { hz?: number; payloadType?: 0 | 8 } = {}): Promise<RtpTone> {
  const port = Number(/^m=audio (\d+)/m.exec(sdp)?.[1]);
  const host = /^c=IN IP4 (\S+)/m.exec(sdp)?.[1] ?? '127.0.0.1';
  if (!port) throw new Error(`no m=audio port in ${sdp}`);
  if (host !== '127.0.0.1') throw new Error(`refusing to send test RTP to ${host}`);
  const pt = o.payloadType ?? 0;
  const payload = tonePayload(o.hz ?? 1000, pt);
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  const ssrc = Math.floor(Math.random() * 2 ** 32);
  let seq = Math.floor(Math.random() * 65536);
  let ts = Math.floor(Math.random() * 2 ** 32);
  let packets = 0;
  const timer = setInterval(() => {
    const b = Buffer.alloc(12 + payload.length);
    b[0] = 0x80;
    b[1] = pt;
    b.writeUInt16BE(seq, 2);
    b.writeUInt32BE(ts, 4);
    b.writeUInt32BE(ssrc, 8);
    b.set(payload, 12);
    seq = (seq + 1) & 0xffff;
    ts = (ts + 160) % 2 ** 32;
    packets++;
    sock.send(b, port, host);
  }, 20);
  return {
    port: sock.address().port,
    async stop() {
      clearInterval(timer);
      await new Promise<void>((r) => sock.close(() => r()));
      return { packets };
    },
  };
}
