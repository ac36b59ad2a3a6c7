// SIP over a byte stream (TCP/TLS): messages delimited by the blank line + Content-Length
// (RFC 3261 §18.3). CRLF keep-alives between messages are skipped; "\r\n\r\n" pings are reported.
import { TelephonyError } from '../../errors.ts';

export interface StreamItem {
  message?: Buffer;
  ping?: true;
}

export class SipStreamParser {
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly maxMessageBytes: number) {}

  /** Throws SIP_TOO_LARGE / SIP_MALFORMED when the stream cannot continue. */
  push(chunk: Buffer): StreamItem[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: StreamItem[] = [];
    for (;;) {
      let skip = 0;
      while (skip < this.buf.length && (this.buf[skip] === 0x0d || this.buf[skip] === 0x0a)) skip++;
      if (skip > 0) {
        if (skip >= 4) out.push({ ping: true });
        this.buf = this.buf.subarray(skip);
      }
      if (!this.buf.length) return out;
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) {
        if (this.buf.length > this.maxMessageBytes) throw new TelephonyError('SIP_TOO_LARGE');
        return out;
      }
      const head = this.buf.subarray(0, sep).toString('latin1');
      const m = /\r\n(?:content-length|l)[ \t]*:[ \t]*(\d{1,9})[ \t]*(?:\r\n|$)/i.exec(head);
      if (!m) throw new TelephonyError('SIP_MALFORMED', 'stream message without Content-Length');
      const total = sep + 4 + Number(m[1]);
      if (total > this.maxMessageBytes) throw new TelephonyError('SIP_TOO_LARGE');
      if (this.buf.length < total) return out;
      out.push({ message: this.buf.subarray(0, total) });
      this.buf = this.buf.subarray(total);
    }
  }
}
