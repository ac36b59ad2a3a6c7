// Pure conversion of an rtpengine call recording (one pcap per call, each direction its own RTP
// stream in G.711) into 16-bit PCM: parse the pcap, group RTP packets by SSRC, order them by
// sequence number (with 16-bit wrap-around), decode µ-law (PT 0) / A-law (PT 8) by table lookup,
// and write a mono WAV per stream. No I/O: buffers in, buffers out.

export interface RtpStream {
  ssrc: number;
  payloadType: number;
  /** UDP source "ip:port" of the first packet (who sent this direction). */
  source: string;
  packets: number;
  /** Decoded 16-bit linear samples, 8 kHz. */
  samples: Int16Array;
}

export class PcapFormatError extends Error {
  readonly code = 'PCAP_FORMAT';
}

// --- G.711 decoding tables (ITU-T G.711), built once --------------------------------------------

function ulawToLinear(u: number): number {
  const x = ~u & 0xff;
  const sign = x & 0x80;
  const exponent = (x >> 4) & 0x07;
  const mantissa = x & 0x0f;
  const magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return sign ? -magnitude : magnitude;
}

function alawToLinear(a: number): number {
  const x = a ^ 0x55;
  const sign = x & 0x80;
  const exponent = (x >> 4) & 0x07;
  const mantissa = x & 0x0f;
  let magnitude = (mantissa << 4) + 8;
  if (exponent !== 0) magnitude = (magnitude + 0x100) << (exponent - 1);
  return sign ? magnitude : -magnitude;
}

export const ULAW_TABLE: Int16Array = Int16Array.from({ length: 256 }, (_, i) => ulawToLinear(i));
export const ALAW_TABLE: Int16Array = Int16Array.from({ length: 256 }, (_, i) => alawToLinear(i));

export function decodeG711(payload: Uint8Array, payloadType: number): Int16Array {
  const table = payloadType === 0 ? ULAW_TABLE : payloadType === 8 ? ALAW_TABLE : undefined;
  if (!table) throw new PcapFormatError(`payload type ${payloadType} is not G.711 (0 PCMU, 8 PCMA)`);
  const out = new Int16Array(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = table[payload[i]!]!;
  return out;
}

// --- pcap parsing ------------------------------------------------------------------------------

export interface UdpDatagram {
  source: string;
  /** UDP destination "ip:port": in an rtpengine recording, rtpengine's socket that received it. */
  destination: string;
  data: Uint8Array;
  /** Capture time of the packet (ms since the epoch, from the pcap record header). */
  atMs: number;
}

/** Offset of the IP header in a frame for the pcap link types rtpengine and tcpdump write. */
function ipOffset(linkType: number, frame: Uint8Array): number | undefined {
  switch (linkType) {
    case 1: {
      // Ethernet, possibly one 802.1Q tag
      if (frame.length < 14) return undefined;
      const et = (frame[12]! << 8) | frame[13]!;
      if (et === 0x8100) return 18;
      return et === 0x0800 || et === 0x86dd ? 14 : undefined;
    }
    case 0:
    case 108:
      return 4; // BSD loopback
    case 12:
    case 101:
    case 228:
    case 229:
      return 0; // raw IP
    case 113:
      return 16; // Linux cooked capture
    case 276:
      return 20; // Linux cooked capture v2
    default:
      throw new PcapFormatError(`unsupported pcap link type ${linkType}`);
  }
}

/** "a.b.c.d:port" for an IPv4 address and port, built once per distinct pair (a call has a handful). */
function v4Name(names: Map<number, string>, ip: number, port: number): string {
  const key = ip * 65536 + port;
  let n = names.get(key);
  if (n === undefined) {
    n = `${ip >>> 24}.${(ip >>> 16) & 0xff}.${(ip >>> 8) & 0xff}.${ip & 0xff}:${port}`;
    names.set(key, n);
  }
  return n;
}

function udpOf(
  frame: Uint8Array,
  off: number,
  names: Map<number, string>,
): Omit<UdpDatagram, 'atMs'> | undefined {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (off + 1 > frame.length) return undefined;
  const version = frame[off]! >> 4;
  let udp: number;
  let src: string;
  let dst: string;
  if (version === 4) {
    const ihl = (frame[off]! & 0x0f) * 4;
    if (frame[off + 9] !== 17 || off + ihl + 8 > frame.length) return undefined;
    udp = off + ihl;
    const len = view.getUint16(udp + 4);
    return {
      source: v4Name(names, view.getUint32(off + 12), view.getUint16(udp)),
      destination: v4Name(names, view.getUint32(off + 16), view.getUint16(udp + 2)),
      data: frame.subarray(udp + 8, Math.min(frame.length, udp + Math.max(len, 8))),
    };
  } else if (version === 6) {
    if (frame[off + 6] !== 17 || off + 48 > frame.length) return undefined;
    const v6 = (at: number) => {
      const parts: string[] = [];
      for (let i = 0; i < 16; i += 2) parts.push(view.getUint16(at + i).toString(16));
      return `[${parts.join(':')}]`;
    };
    src = v6(off + 8);
    dst = v6(off + 24);
    udp = off + 40;
  } else return undefined;
  const len = view.getUint16(udp + 4);
  const end = Math.min(frame.length, udp + Math.max(len, 8));
  return {
    source: `${src}:${view.getUint16(udp)}`,
    destination: `${dst}:${view.getUint16(udp + 2)}`,
    data: frame.subarray(udp + 8, end),
  };
}

/** A pcap being read in steps (scanPcapUdp): its header fields and the next record's offset. */
export interface PcapCursor {
  pcap: Uint8Array;
  view: DataView;
  le: boolean;
  nano: boolean;
  linkType: number;
  names: Map<number, string>;
  /** Offset of the next record; -1 once the file is read. */
  at: number;
}

export function openPcap(pcap: Uint8Array): PcapCursor {
  if (pcap.length < 24) throw new PcapFormatError('pcap shorter than its 24-byte header');
  const view = new DataView(pcap.buffer, pcap.byteOffset, pcap.byteLength);
  const magic = view.getUint32(0, false);
  let le: boolean;
  if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) le = false;
  else if (magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1) le = true;
  else throw new PcapFormatError(`not a pcap file (magic 0x${magic.toString(16)})`);
  const nano = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
  return { pcap, view, le, nano, linkType: view.getUint32(20, le) & 0x0fffffff, names: new Map(), at: 24 };
}

/** The UDP datagrams of the next `maxRecords` pcap records (fewer at the end; `cursor.at` = -1 then). */
export function scanPcapUdp(c: PcapCursor, maxRecords: number): UdpDatagram[] {
  const { pcap, view, le } = c;
  const out: UdpDatagram[] = [];
  let p = c.at;
  for (let n = 0; n < maxRecords && p >= 0; n++) {
    if (p + 16 > pcap.length) {
      p = -1;
      break;
    }
    const inclLen = view.getUint32(p + 8, le);
    const start = p + 16;
    if (start + inclLen > pcap.length) {
      p = -1; // truncated last record (recording still open)
      break;
    }
    const frame = pcap.subarray(start, start + inclLen);
    const off = ipOffset(c.linkType, frame);
    const udp = off === undefined ? undefined : udpOf(frame, off, c.names);
    if (udp) {
      const frac = view.getUint32(p + 4, le);
      out.push({ ...udp, atMs: view.getUint32(p, le) * 1000 + (c.nano ? frac / 1e6 : frac / 1e3) });
    }
    p = start + inclLen;
  }
  c.at = p;
  return out;
}

/** Every UDP datagram in a classic pcap file (either byte order, µs or ns timestamps). */
export function readPcapUdp(pcap: Uint8Array): UdpDatagram[] {
  return scanPcapUdp(openPcap(pcap), Number.POSITIVE_INFINITY);
}

// --- RTP ----------------------------------------------------------------------------------------

export interface RtpPacket {
  seq: number;
  payloadType: number;
  payload: Uint8Array;
}

/** RTP header fields and payload of one datagram; undefined for RTCP and anything not RTP v2. */
export function parseRtp(d: Uint8Array): (RtpPacket & { ssrc: number; timestamp: number }) | undefined {
  if (d.length < 12 || d[0]! >> 6 !== 2) return undefined;
  const pt = d[1]! & 0x7f;
  if (pt >= 72 && pt <= 79) return undefined; // RTCP
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const cc = d[0]! & 0x0f;
  let off = 12 + cc * 4;
  if (d[0]! & 0x10) {
    if (off + 4 > d.length) return undefined;
    off += 4 + view.getUint16(off + 2) * 4;
  }
  let end = d.length;
  if (d[0]! & 0x20) end -= d[d.length - 1]!;
  if (off > end) return undefined;
  return {
    seq: view.getUint16(2),
    timestamp: view.getUint32(4),
    payloadType: pt,
    ssrc: view.getUint32(8),
    payload: d.subarray(off, end),
  };
}

/** The G.711 RTP streams of a recording, in order of first appearance, each decoded to PCM. */
export function decodeRecording(pcap: Uint8Array): RtpStream[] {
  const streams = new Map<number, { source: string; packets: { ext: number; p: RtpPacket }[] }>();
  const lastSeq = new Map<number, number>();
  for (const udp of readPcapUdp(pcap)) {
    const rtp = parseRtp(udp.data);
    if (!rtp || (rtp.payloadType !== 0 && rtp.payloadType !== 8)) continue; // not G.711 (e.g. DTMF events)
    let s = streams.get(rtp.ssrc);
    if (!s) {
      s = { source: udp.source, packets: [] };
      streams.set(rtp.ssrc, s);
    }
    // extend the 16-bit sequence number across wrap-around relative to the previous packet
    const prev = lastSeq.get(rtp.ssrc);
    let ext = rtp.seq;
    if (prev !== undefined) {
      const delta = ((rtp.seq - (prev & 0xffff) + 0x8000) & 0xffff) - 0x8000;
      ext = prev + delta;
    }
    lastSeq.set(rtp.ssrc, ext);
    s.packets.push({ ext, p: rtp });
  }
  const out: RtpStream[] = [];
  for (const [ssrc, s] of streams) {
    s.packets.sort((a, b) => a.ext - b.ext);
    const unique = s.packets.filter((x, i) => i === 0 || x.ext !== s.packets[i - 1]!.ext);
    const total = unique.reduce((n, x) => n + x.p.payload.length, 0);
    const samples = new Int16Array(total);
    let at = 0;
    for (const x of unique) {
      samples.set(decodeG711(x.p.payload, x.p.payloadType), at);
      at += x.p.payload.length;
    }
    out.push({
      ssrc,
      payloadType: unique[0]!.p.payloadType,
      source: s.source,
      packets: unique.length,
      samples,
    });
  }
  return out;
}

// --- WAV + level --------------------------------------------------------------------------------

/** A 16-bit PCM WAV; several channels are interleaved (the shorter padded with silence). */
export function toWav(channels: Int16Array[], sampleRate = 8000): Uint8Array {
  if (channels.length === 0) throw new PcapFormatError('no audio streams to write');
  const frames = Math.max(...channels.map((c) => c.length));
  const n = channels.length;
  const dataBytes = frames * n * 2;
  const buf = new Uint8Array(44 + dataBytes);
  const v = new DataView(buf.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) buf[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, n, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * n * 2, true);
  v.setUint16(32, n * 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let f = 0; f < frames; f++)
    for (let c = 0; c < n; c++) v.setInt16(44 + (f * n + c) * 2, channels[c]![f] ?? 0, true);
  return buf;
}

/** Root mean square of 16-bit samples, 0…32768. */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / samples.length);
}

/** Silence: RMS below the threshold (default ≈ -50 dBFS). */
export function isSilent(samples: Int16Array, threshold = 100): boolean {
  return rms(samples) < threshold;
}
