// drachtio framing: `<byte length>#<payload>`, frames coalesced and split arbitrarily by TCP.
import { TelephonyError } from '../../errors.ts';

export class FrameDecoder {
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes: number) {}

  /** Feed bytes; returns complete payloads. Throws APP_FRAME_* on a bad or oversized prefix. */
  push(chunk: Buffer): string[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: string[] = [];
    for (;;) {
      const hash = this.buf.indexOf(0x23); // '#'
      if (hash < 0) {
        if (this.buf.length > 12 || !/^\d*$/.test(this.buf.toString('latin1')))
          throw new TelephonyError('APP_FRAME_INVALID');
        return out;
      }
      const prefix = this.buf.subarray(0, hash).toString('latin1');
      if (!/^\d{1,12}$/.test(prefix)) throw new TelephonyError('APP_FRAME_INVALID');
      const len = Number(prefix);
      if (len > this.maxFrameBytes) throw new TelephonyError('APP_FRAME_TOO_LARGE');
      if (this.buf.length < hash + 1 + len) return out;
      out.push(this.buf.subarray(hash + 1, hash + 1 + len).toString('utf8'));
      this.buf = this.buf.subarray(hash + 1 + len);
    }
  }
}

export function encodeFrame(payload: string): string {
  return `${Buffer.byteLength(payload, 'utf8')}#${payload}`;
}
