// Reading a PCM WAV back (baresip's sndfile recordings) and measuring what is in it: level (RMS in
// pcap-to-wav.ts) and which test tone dominates (Goertzel power at the candidate frequencies).
import { readFileSync } from 'node:fs';

/** The 16-bit samples of a PCM WAV's data chunk (first channel). */
export function wavSamples(file: string): Int16Array {
  const b = readFileSync(file);
  let p = 12;
  let channels = 1;
  while (p + 8 <= b.length) {
    const id = b.toString('ascii', p, p + 4);
    const size = b.readUInt32LE(p + 4);
    if (id === 'fmt ') channels = b.readUInt16LE(p + 10);
    if (id === 'data') {
      const n = Math.floor(Math.min(size, b.length - p - 8) / 2 / channels);
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = b.readInt16LE(p + 8 + i * 2 * channels);
      return out;
    }
    p += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

/** Power of a sine at `hz` in one Hann-windowed block (Goertzel), as A²/2 of that sine. */
function blockTonePower(s: Int16Array, from: number, n: number, hz: number, rate: number): number {
  const c = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    wsum += w;
    const s0 = w * s[from + i]! + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const mag2 = s1 * s1 + s2 * s2 - c * s1 * s2; // |X(hz)|²
  return (2 * mag2) / (wsum * wsum);
}

/**
 * Share of the signal's power carried by a sine at `hz`: about 1 for a pure tone at `hz`, about 0
 * when that tone is absent, in between for a mix. Measured in 0.1 s Hann-windowed blocks (±20 Hz), so
 * what a jitter buffer does to a relayed tone (samples stretched, dropped or concealed) stays local.
 */
export function toneShare(s: Int16Array, hz: number, rate = 8000): number {
  const n = Math.round(rate / 10);
  let tone = 0;
  let energy = 0;
  for (let from = 0; from + n <= s.length; from += n) {
    let e = 0;
    for (let i = from; i < from + n; i++) e += s[i]! * s[i]!;
    energy += e;
    if (e > 0) tone += blockTonePower(s, from, n, hz, rate) * n;
  }
  return energy > 0 ? Math.min(1, tone / energy) : 0;
}

/** Shares of each candidate tone, rounded to 0.01, e.g. { 440: 0.02, 1000: 0.95 }. */
export function toneShares(s: Int16Array, freqs: readonly number[], rate = 8000): Record<number, number> {
  return Object.fromEntries(freqs.map((f) => [f, Math.round(toneShare(s, f, rate) * 100) / 100]));
}

/** The last `seconds` of a recording (8 kHz). */
export function tail(s: Int16Array, seconds: number, rate = 8000): Int16Array {
  return s.subarray(Math.max(0, s.length - Math.round(seconds * rate)));
}
