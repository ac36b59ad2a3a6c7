// RFC 2833 digits reported by rtpengine (dtmf-log-dest datagrams) and the arrival priority rule.
import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { arrivalPriority, tracksHistory } from '../../src/gateway/domain/caller-priority.ts';
import { digitForEvent, listenForDtmf, parseDtmfEvent } from '../../src/gateway/media/dtmf-events.ts';

// the exact datagram rtpengine 10.5 sent on this machine for '#' (event 11)
const REAL =
  '{"callid":"dtmf-1","source_tag":"ct","tags":["pk","ct"],"type":"DTMF","timestamp":1795912586,"source_ip":"127.0.0.1","event":11,"duration":100,"volume":10}';

describe('rtpengine DTMF events', () => {
  it('maps RFC 4733 event codes to keys', () => {
    expect([0, 5, 9, 10, 11, 12, 15].map(digitForEvent)).toEqual(['0', '5', '9', '*', '#', 'A', 'D']);
    expect(digitForEvent(16)).toBeUndefined(); // flash: not a key
    expect(digitForEvent(-1)).toBeUndefined();
    expect(digitForEvent(1.5)).toBeUndefined();
  });

  it("parses rtpengine's datagram", () => {
    expect(parseDtmfEvent(Buffer.from(REAL))).toEqual({
      sipCallId: 'dtmf-1',
      sourceTag: 'ct',
      digit: '#',
      durationMs: 100,
    });
  });

  it('returns undefined for anything else, never throws', () => {
    const bad = [
      '',
      'not json',
      'null',
      '[1,2]',
      '{"callid":"x","source_tag":"t","event":"1"}',
      '{"callid":"x","event":1}',
      '{"callid":"","source_tag":"t","event":1}',
      '{"callid":"x","source_tag":"t","event":99}',
      '{"callid":"x","source_tag":"t","event":1,"type":"other"}',
      '\u0000\u00ff{',
    ];
    for (const b of bad) expect(parseDtmfEvent(b)).toBeUndefined();
  });

  it('the UDP listener hands over digits, drops garbage and keeps listening', async () => {
    const got: string[] = [];
    let dropped = 0;
    const l = await listenForDtmf(
      { host: '127.0.0.1', port: 0 },
      (e) => got.push(e.digit),
      () => dropped++,
    );
    const s = dgram.createSocket('udp4');
    const send = (m: string) => new Promise<void>((r) => s.send(m, l.port, '127.0.0.1', () => r()));
    await send('garbage');
    await send(REAL);
    await send(REAL.replace('"event":11', '"event":1'));
    for (let i = 0; i < 50 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    s.close();
    await l.close();
    expect(got).toEqual(['#', '1']);
    expect(dropped).toBe(1);
  });
});

describe('arrival priority', () => {
  it('特急 first, then a caller who abandoned recently, then everyone else', () => {
    expect(arrivalPriority({ flaggedUrgent: true, abandonedRecently: true })).toBe('urgent');
    expect(arrivalPriority({ flaggedUrgent: true, abandonedRecently: false })).toBe('urgent');
    expect(arrivalPriority({ flaggedUrgent: false, abandonedRecently: true })).toBe('elderly');
    expect(arrivalPriority({ flaggedUrgent: false, abandonedRecently: false })).toBe('normal');
  });
  it('withheld and malformed numbers have no history', () => {
    expect(tracksHistory('anonymous')).toBe(false);
    expect(tracksHistory('12')).toBe(false);
    expect(tracksHistory('138*0000')).toBe(false);
    expect(tracksHistory('13800000001')).toBe(true);
    expect(tracksHistory('+8613800000001')).toBe(true);
  });
});
