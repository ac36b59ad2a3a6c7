// RFC 2833 / 4733 digits the caller's phone sends in RTP (telephone-event): rtpengine detects them
// and reports each finished digit as one JSON datagram to its `dtmf-log-dest`, e.g.
//   {"callid":"a84b4c76e66710","source_tag":"1928301774","tags":["park-…","1928301774"],
//    "type":"DTMF","timestamp":1795912586,"source_ip":"127.0.0.1","event":11,"duration":100,"volume":10}
// (shape read off rtpengine 10.5 on this machine). parseDtmfEvent is pure; listenForDtmf is the UDP
// adapter the gateway opens at start. SIP INFO digits (application/dtmf-relay) arrive in the dialog
// instead; both end in the same digit handler (app/caller-input.ts).
import dgram from 'node:dgram';

export interface DtmfEvent {
  /** SIP Call-ID of the call (rtpengine's call id). */
  sipCallId: string;
  /** SIP tag of the party that pressed the key. */
  sourceTag: string;
  digit: string;
  durationMs: number;
}

const DIGITS = '0123456789*#ABCD';

/** RFC 4733 event code → key (0–9, 10 = *, 11 = #, 12–15 = A–D); other events are not keys. */
export function digitForEvent(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code < DIGITS.length ? DIGITS[code] : undefined;
}

/** One datagram from rtpengine → a digit event, or undefined for anything else (never throws). */
export function parseDtmfEvent(datagram: Buffer | string): DtmfEvent | undefined {
  let o: unknown;
  try {
    o = JSON.parse(typeof datagram === 'string' ? datagram : datagram.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!o || typeof o !== 'object') return undefined;
  const r = o as Record<string, unknown>;
  if (r.type !== undefined && r.type !== 'DTMF') return undefined;
  if (typeof r.callid !== 'string' || typeof r.source_tag !== 'string' || typeof r.event !== 'number')
    return undefined;
  const digit = digitForEvent(r.event);
  if (!digit || !r.callid || !r.source_tag) return undefined;
  return {
    sipCallId: r.callid,
    sourceTag: r.source_tag,
    digit,
    durationMs: typeof r.duration === 'number' ? r.duration : 0,
  };
}

export interface DtmfListener {
  port: number;
  close(): Promise<void>;
}

/** Listen for rtpengine's DTMF datagrams; malformed ones are dropped (counted in `dropped`). */
export async function listenForDtmf(
  where: { host: string; port: number },
  onDigit: (e: DtmfEvent) => void,
  onDropped: (datagram: Buffer) => void = () => {},
): Promise<DtmfListener> {
  const sock = dgram.createSocket('udp4');
  sock.on('message', (m) => {
    const e = parseDtmfEvent(m);
    if (e) onDigit(e);
    else onDropped(m);
  });
  await new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(where.port, where.host, () => {
      sock.off('error', reject);
      sock.on('error', () => {});
      resolve();
    });
  });
  return {
    port: sock.address().port,
    close: () => new Promise<void>((resolve) => sock.close(() => resolve())),
  };
}
