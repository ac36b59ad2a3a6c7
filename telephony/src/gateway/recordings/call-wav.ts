// A call's rtpengine pcaps (one or more files, in order: a restarted recording adds a file) → one
// STEREO 8 kHz 16-bit WAV for playback and quality inspection (质检):
//   channel 1 (left)  = the caller (诉求人): every RTP stream sent from the caller's address;
//   channel 2 (right) = the hotline side: agent(s), a transfer target — every other stream, mixed.
// Who is the caller: rtpengine writes each packet with the socket that received it as destination,
// so the caller's packets are those sent to rtpengine's port in the SDP the gateway answered the
// caller with (`callerPorts`, from the call record). Without that port, the caller is the party whose
// RTP appears first (the caller's leg exists before any agent leg; rtpengine does not write the
// prompts it plays into the pcap) — `callerBy` in the result says which rule was used. Streams keep
// their place in time: each packet is placed by its RTP timestamp from the stream's first packet,
// anchored at that packet's capture time; a timestamp that disagrees with the capture clock by more
// than a second (a sender's clock jump) re-anchors the stream. Pure: buffers in, buffer out.
import {
  ALAW_TABLE,
  openPcap,
  PcapFormatError,
  parseRtp,
  scanPcapUdp,
  type UdpDatagram,
  ULAW_TABLE,
} from './pcap-to-wav.ts';

export const WAV_SAMPLE_RATE = 8000;
export const WAV_CHANNELS = ['caller', 'hotline'] as const;

export interface CallWavStream {
  channel: (typeof WAV_CHANNELS)[number];
  source: string;
  destination: string;
  ssrc: number;
  payloadType: number;
  packets: number;
  /** Where the stream starts in the WAV, ms. */
  startMs: number;
  rms: number;
}

export interface CallWavSummary {
  /** Size of the WAV file. */
  bytes: number;
  durationMs: number;
  streams: CallWavStream[];
  callerBy: 'media-port' | 'first-sender';
}

export interface CallWav extends CallWavSummary {
  wav: Uint8Array;
}

/** One RTP stream's packets, in arrival order (struct of arrays: no object per packet). */
interface Group {
  source: string;
  destination: string;
  ssrc: number;
  at: number[];
  seq: number[];
  ts: number[];
  pt: number[];
  payload: Uint8Array[];
}

/** Where a stream is being written: its anchor, the last sequence number, its level so far. */
interface Placement {
  out: Int16Array;
  t0: number;
  seq: Float64Array;
  ts: Float64Array;
  order: Uint32Array;
  anchorPos: number;
  anchorTs: number;
  prevSeq: number;
  packets: number;
  sumSq: number;
  samples: number;
  end: number;
}

const RATE_PER_MS = WAV_SAMPLE_RATE / 1000;
const REANCHOR_SAMPLES = WAV_SAMPLE_RATE; // 1 s
/** Pcap records / packets per step of the incremental build; WAV frames per chunk: × 50. */
const STEP = 2000;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Extend a wrapping counter (16-bit seq, 32-bit timestamp) relative to the previous value. */
function unwrap(prev: number, v: number, mod: number): number {
  const half = mod / 2;
  return prev + ((((v - prev) % mod) + mod + half) % mod) - half;
}

const portOf = (addr: string) => Number(addr.slice(addr.lastIndexOf(':') + 1));

/** Add the G.711 packets among `datagrams` to their (file, SSRC) groups. */
function collect(datagrams: readonly UdpDatagram[], file: number, groups: Map<string, Group>): void {
  for (const udp of datagrams) {
    const rtp = parseRtp(udp.data);
    if (!rtp || (rtp.payloadType !== 0 && rtp.payloadType !== 8)) continue; // RTCP, DTMF events, …
    const key = `${file}:${rtp.ssrc}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        source: udp.source,
        destination: udp.destination,
        ssrc: rtp.ssrc,
        at: [],
        seq: [],
        ts: [],
        pt: [],
        payload: [],
      };
      groups.set(key, g);
    }
    g.at.push(udp.atMs);
    g.seq.push(rtp.seq);
    g.ts.push(rtp.timestamp);
    g.pt.push(rtp.payloadType);
    g.payload.push(rtp.payload);
  }
}

/** Sequence numbers and timestamps extended across wrap-around, and the packets' order by sequence. */
function prepare(g: Group, out: Int16Array, t0: number): Placement {
  const count = g.seq.length;
  const seq = new Float64Array(count);
  const ts = new Float64Array(count);
  let inOrder = true;
  seq[0] = g.seq[0]!;
  ts[0] = g.ts[0]!;
  for (let i = 1; i < count; i++) {
    seq[i] = unwrap(seq[i - 1]!, g.seq[i]!, 0x10000);
    ts[i] = unwrap(ts[i - 1]!, g.ts[i]!, 0x100000000);
    if (seq[i]! <= seq[i - 1]!) inOrder = false;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (!inOrder) order.sort((a, b) => seq[a]! - seq[b]!);
  const first = order[0]!;
  return {
    out,
    t0,
    seq,
    ts,
    order,
    anchorPos: Math.round((g.at[first]! - t0) * RATE_PER_MS),
    anchorTs: ts[first]!,
    prevSeq: Number.NaN,
    packets: 0,
    sumSq: 0,
    samples: 0,
    end: 0,
  };
}

/** Decode packets order[from…to) into the mix at their place in time. */
function place(g: Group, s: Placement, from: number, to: number): void {
  const frames = s.out.length;
  for (let k = from; k < to; k++) {
    const i = s.order[k]!;
    if (s.seq[i] === s.prevSeq) continue; // duplicate
    s.prevSeq = s.seq[i]!;
    s.packets++;
    const byClock = Math.round((g.at[i]! - s.t0) * RATE_PER_MS);
    let pos = s.anchorPos + (s.ts[i]! - s.anchorTs);
    if (Math.abs(pos - byClock) > REANCHOR_SAMPLES) {
      s.anchorPos = byClock;
      s.anchorTs = s.ts[i]!;
      pos = byClock;
    }
    const table = g.pt[i] === 0 ? ULAW_TABLE : ALAW_TABLE;
    const payload = g.payload[i]!;
    const at = pos | 0; // integral: timestamps and anchors are whole samples
    const stop = Math.min(payload.length, frames - at);
    const out = s.out;
    let sumSq = 0;
    for (let j = at < 0 ? -at : 0; j < stop; j++) {
      const x = table[payload[j]!]!;
      const m = out[at + j]! + x; // streams overlapping on one channel (a handover) add up, clipped
      out[at + j] = m > 32767 ? 32767 : Math.max(m, -32768);
      sumSq += x * x;
    }
    s.sumSq += sumSq;
    s.samples += payload.length;
    if (at + stop > s.end) s.end = at + stop;
  }
}

function wavHeader(frames: number): Uint8Array {
  const buf = new Uint8Array(44);
  const v = new DataView(buf.buffer);
  const ascii = (at: number, str: string) => {
    for (let i = 0; i < str.length; i++) buf[at + i] = str.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + frames * 4, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 2, true);
  v.setUint32(24, WAV_SAMPLE_RATE, true);
  v.setUint32(28, WAV_SAMPLE_RATE * 4, true);
  v.setUint16(32, 4, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, frames * 4, true);
  return buf;
}

/** Frames [from, to) of both channels, interleaved little-endian 16-bit. */
function frameChunk(left: Int16Array, right: Int16Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array((to - from) * 4);
  if (LITTLE_ENDIAN) {
    const pcm = new Int16Array(out.buffer);
    for (let f = from, o = 0; f < to; f++, o += 2) {
      pcm[o] = left[f]!;
      pcm[o + 1] = right[f]!;
    }
  } else {
    const v = new DataView(out.buffer);
    for (let f = from; f < to; f++) {
      v.setInt16((f - from) * 4, left[f]!, true);
      v.setInt16((f - from) * 4 + 2, right[f]!, true);
    }
  }
  return out;
}

/**
 * The build, as steps: `undefined` is a pause point (every few thousand packets, so a caller can let
 * other work run and a long call never holds its thread), a Uint8Array the next bytes of the WAV
 * (header first). The summary is the generator's return value.
 */
function* build(
  pcaps: readonly Uint8Array[],
  o: { callerPorts?: readonly number[] },
): Generator<Uint8Array | undefined, CallWavSummary> {
  const groups = new Map<string, Group>(); // by (file, SSRC): a restarted recording may reuse an SSRC
  for (const [file, pcap] of pcaps.entries()) {
    const cursor = openPcap(pcap);
    while (cursor.at >= 0) {
      collect(scanPcapUdp(cursor, STEP), file, groups);
      yield;
    }
  }
  let t0 = Number.POSITIVE_INFINITY;
  let tEnd = 0;
  let callerSource: string | undefined;
  for (const g of groups.values()) {
    for (const at of g.at) {
      if (at > tEnd) tEnd = at;
      if (at < t0) {
        t0 = at;
        callerSource = g.source;
      }
    }
  }
  if (groups.size === 0 || callerSource === undefined)
    throw new PcapFormatError('no G.711 audio in the recording');
  const ports = new Set(o.callerPorts ?? []);
  const byPort = [...groups.values()].some((g) => ports.has(portOf(g.destination)));
  const isCaller = (g: Group) => (byPort ? ports.has(portOf(g.destination)) : g.source === callerSource);

  // frames: the capture span plus one second of slack for the last packets' audio
  const frames = Math.ceil((tEnd - t0) * RATE_PER_MS) + REANCHOR_SAMPLES;
  const mix = [new Int16Array(frames), new Int16Array(frames)] as const;
  const streams: CallWavStream[] = [];
  let end = 0;
  for (const g of groups.values()) {
    const channel = isCaller(g) ? 0 : 1;
    const s = prepare(g, mix[channel], t0);
    yield;
    for (let k = 0; k < s.order.length; k += STEP) {
      place(g, s, k, Math.min(s.order.length, k + STEP));
      yield;
    }
    end = Math.max(end, s.end);
    const first = s.order[0]!;
    streams.push({
      channel: WAV_CHANNELS[channel],
      source: g.source,
      destination: g.destination,
      ssrc: g.ssrc,
      payloadType: g.pt[first]!,
      packets: s.packets,
      startMs: Math.round(Math.round((g.at[first]! - t0) * RATE_PER_MS) / RATE_PER_MS),
      rms: s.samples ? Math.round(Math.sqrt(s.sumSq / s.samples)) : 0,
    });
  }
  yield wavHeader(end);
  for (let f = 0; f < end; f += STEP * 50) {
    yield frameChunk(mix[0], mix[1], f, Math.min(end, f + STEP * 50));
    yield;
  }
  return {
    bytes: 44 + end * 4,
    durationMs: Math.round(end / RATE_PER_MS),
    streams: streams.sort((a, b) => a.startMs - b.startMs),
    callerBy: byPort ? 'media-port' : 'first-sender',
  };
}

/** The whole WAV in memory at once (tests, small recordings). */
export function callWav(pcaps: readonly Uint8Array[], o: { callerPorts?: readonly number[] } = {}): CallWav {
  const steps = build(pcaps, o);
  const chunks: Uint8Array[] = [];
  for (;;) {
    const r = steps.next();
    if (r.done) {
      const wav = new Uint8Array(r.value.bytes);
      let at = 0;
      for (const c of chunks) {
        wav.set(c, at);
        at += c.length;
      }
      return { ...r.value, wav };
    }
    if (r.value) chunks.push(r.value);
  }
}

/**
 * The same build handing the WAV to `write` chunk by chunk (the gateway appends them to the file) and
 * awaiting `pause()` between steps (the gateway passes a setImmediate): bounded memory, no long block.
 */
export async function writeCallWav(
  pcaps: readonly Uint8Array[],
  o: { callerPorts?: readonly number[] },
  write: (chunk: Uint8Array) => Promise<void>,
  pause: () => Promise<void>,
): Promise<CallWavSummary> {
  const steps = build(pcaps, o);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (r.value) await write(r.value);
    else await pause();
  }
}
