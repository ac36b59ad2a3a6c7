// Reading a PCM WAV back (baresip's sndfile recordings) for level checks.
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
