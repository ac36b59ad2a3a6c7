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
import { decodeG711, PcapFormatError, parseRtp, readPcapUdp, rms, toWav } from './pcap-to-wav.ts';

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

export interface CallWav {
  wav: Uint8Array;
  durationMs: number;
  streams: CallWavStream[];
  callerBy: 'media-port' | 'first-sender';
}

interface Pkt {
  atMs: number;
  seq: number;
  ts: number;
  payloadType: number;
  payload: Uint8Array;
}

const RATE_PER_MS = WAV_SAMPLE_RATE / 1000;
const REANCHOR_SAMPLES = WAV_SAMPLE_RATE; // 1 s

/** Extend a wrapping counter (16-bit seq, 32-bit timestamp) relative to the previous value. */
function unwrap(prev: number | undefined, v: number, bits: 16 | 32): number {
  if (prev === undefined) return v;
  const mod = 2 ** bits;
  const half = mod / 2;
  const delta = ((((v - prev) % mod) + mod + half) % mod) - half;
  return prev + delta;
}

const portOf = (addr: string) => Number(addr.slice(addr.lastIndexOf(':') + 1));

export function callWav(pcaps: readonly Uint8Array[], o: { callerPorts?: readonly number[] } = {}): CallWav {
  // group G.711 packets by (file, SSRC): a restarted recording may reuse an SSRC
  const groups = new Map<string, { source: string; destination: string; ssrc: number; pkts: Pkt[] }>();
  let t0 = Number.POSITIVE_INFINITY;
  let tEnd = 0;
  let callerSource: string | undefined;
  pcaps.forEach((pcap, file) => {
    for (const udp of readPcapUdp(pcap)) {
      const rtp = parseRtp(udp.data);
      if (!rtp || (rtp.payloadType !== 0 && rtp.payloadType !== 8)) continue; // RTCP, DTMF events, …
      const key = `${file}:${rtp.ssrc}`;
      let g = groups.get(key);
      if (!g) {
        g = { source: udp.source, destination: udp.destination, ssrc: rtp.ssrc, pkts: [] };
        groups.set(key, g);
      }
      g.pkts.push({
        atMs: udp.atMs,
        seq: rtp.seq,
        ts: rtp.timestamp,
        payloadType: rtp.payloadType,
        payload: rtp.payload,
      });
      if (udp.atMs < t0) {
        t0 = udp.atMs;
        callerSource = udp.source;
      }
      tEnd = Math.max(tEnd, udp.atMs);
    }
  });
  if (groups.size === 0 || callerSource === undefined)
    throw new PcapFormatError('no G.711 audio in the recording');
  const ports = new Set(o.callerPorts ?? []);
  const byPort = [...groups.values()].some((g) => ports.has(portOf(g.destination)));
  const isCaller = (g: { source: string; destination: string }) =>
    byPort ? ports.has(portOf(g.destination)) : g.source === callerSource;

  // frames: the capture span plus one second of slack for the last packets' audio
  const frames = Math.ceil((tEnd - t0) * RATE_PER_MS) + REANCHOR_SAMPLES;
  const mix = [new Int32Array(frames), new Int32Array(frames)];
  const streams: CallWavStream[] = [];
  let end = 0;
  for (const g of groups.values()) {
    // order by extended sequence number; drop duplicates
    let prevSeq: number | undefined;
    let prevTs: number | undefined;
    const ordered = g.pkts
      .map((p) => {
        prevSeq = unwrap(prevSeq, p.seq, 16);
        prevTs = unwrap(prevTs, p.ts, 32);
        return { ...p, seq: prevSeq, ts: prevTs };
      })
      .sort((a, b) => a.seq - b.seq)
      .filter((p, i, all) => i === 0 || p.seq !== all[i - 1]!.seq);
    const channel = isCaller(g) ? 0 : 1;
    const out = mix[channel]!;
    const first = ordered[0]!;
    let anchorPos = Math.round((first.atMs - t0) * RATE_PER_MS);
    let anchorTs = first.ts;
    const all: Int16Array[] = [];
    for (const p of ordered) {
      const byClock = Math.round((p.atMs - t0) * RATE_PER_MS);
      let pos = anchorPos + (p.ts - anchorTs);
      if (Math.abs(pos - byClock) > REANCHOR_SAMPLES) {
        anchorPos = byClock;
        anchorTs = p.ts;
        pos = byClock;
      }
      const pcm = decodeG711(p.payload, p.payloadType);
      all.push(pcm);
      for (let i = 0; i < pcm.length && pos + i < frames; i++) if (pos + i >= 0) out[pos + i]! += pcm[i]!;
      end = Math.max(end, Math.min(frames, pos + pcm.length));
    }
    const joined = new Int16Array(all.reduce((n, a) => n + a.length, 0));
    let filled = 0;
    for (const a of all) {
      joined.set(a, filled);
      filled += a.length;
    }
    streams.push({
      channel: WAV_CHANNELS[channel]!,
      source: g.source,
      destination: g.destination,
      ssrc: g.ssrc,
      payloadType: first.payloadType,
      packets: ordered.length,
      startMs: Math.round(Math.round((first.atMs - t0) * RATE_PER_MS) / RATE_PER_MS),
      rms: Math.round(rms(joined)),
    });
  }
  const clip = (a: Int32Array) => {
    const o = new Int16Array(end);
    for (let i = 0; i < end; i++) o[i] = Math.max(-32768, Math.min(32767, a[i]!));
    return o;
  };
  return {
    wav: toWav(mix.map(clip), WAV_SAMPLE_RATE),
    durationMs: Math.round(end / RATE_PER_MS),
    streams: streams.sort((a, b) => a.startMs - b.startMs),
    callerBy: byPort ? 'media-port' : 'first-sender',
  };
}
