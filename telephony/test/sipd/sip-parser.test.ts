// Unit tests of the pure parts: SIP parser/serializer, header grammar, drachtio framing, the TCP
// stream splitter and the rate limiter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTelephonyError } from '../../src/errors.ts';
import {
  addrUri,
  canonicalName,
  parseCSeq,
  parseVia,
  setParam,
  splitList,
  tagOf,
} from '../../src/sipd/sip/headers.ts';
import { parseMessage } from '../../src/sipd/sip/message.ts';
import { parseUri } from '../../src/sipd/sip/uri.ts';
import { RateLimiter } from '../../src/sipd/transport/rate-limit.ts';
import { SipStreamParser } from '../../src/sipd/transport/stream-parser.ts';
import { encodeFrame, FrameDecoder } from '../../src/sipd/wire/framing.ts';

const INVITE = [
  'INVITE sip:answer@127.0.0.1:5060 SIP/2.0',
  'v: SIP/2.0/UDP 127.0.0.1:6101;branch=z9hG4bK-1, SIP/2.0/TCP 10.0.0.1;branch=z9hG4bK-0',
  'f: "Zhang San" <sip:zs@127.0.0.1>;tag=abc',
  't: <sip:answer@127.0.0.1>',
  'i: 1-2@127.0.0.1',
  'CSeq: 7 INVITE',
  'Subject: folded',
  '  continues here',
  'l:   4',
  '',
  'v=0\r\n',
].join('\r\n');

describe('SIP message parser', () => {
  it('parses compact forms, folded lines, comma lists and a short body by Content-Length', () => {
    const m = parseMessage(Buffer.from(INVITE));
    expect(m.method).toBe('INVITE');
    expect(m.callId).toBe('1-2@127.0.0.1');
    expect(m.getAll('via')).toHaveLength(2);
    expect(tagOf(m.get('from'))).toBe('abc');
    expect(m.get('subject')).toBe('folded continues here');
    expect(m.body).toBe('v=0\r');
    expect(m.cseq).toEqual({ seq: 7, method: 'INVITE' });
    expect(m.toString()).toContain('l: 4\r\n\r\nv=0\r');
  });

  it.each([
    ['missing Call-ID', INVITE.replace('i: 1-2@127.0.0.1\r\n', '')],
    ['CSeq method mismatch', INVITE.replace('7 INVITE', '7 BYE')],
    ['Content-Length beyond the body', INVITE.replace('l:   4', 'l: 400')],
    ['control character', INVITE.replace('answer@', 'ans\fwer@')],
    ['bad start line', INVITE.replace('SIP/2.0\r\n', 'SIP/3.0\r\n')],
  ])('rejects %s with a typed SIP_MALFORMED error', (_name, text) => {
    let err: unknown;
    try {
      parseMessage(Buffer.from(text));
    } catch (e) {
      err = e;
    }
    expect(isTelephonyError(err, 'SIP_MALFORMED')).toBe(true);
  });

  it('never throws anything but a typed error on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          parseMessage(Buffer.from(bytes));
        } catch (e) {
          return isTelephonyError(e);
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('header grammar', () => {
  it('Via, URI, name-addr, params, CSeq, canonical names', () => {
    expect(parseVia('SIP/2.0/WS abc.invalid;branch=z9hG4bK1;rport')).toMatchObject({
      protocol: 'WS',
      host: 'abc.invalid',
      port: undefined,
    });
    expect(parseUri('sip:u@[::1]:5070;transport=TCP')).toMatchObject({
      user: 'u',
      host: '[::1]',
      port: 5070,
    });
    expect(addrUri('"A, B" <sip:a@b;lr>;tag=1')).toBe('sip:a@b;lr');
    expect(splitList('<sip:a,b@c>, "x,y" <sip:d@e>')).toEqual(['<sip:a,b@c>', '"x,y" <sip:d@e>']);
    expect(setParam('<sip:a@b>;tag=1', 'tag', '2')).toBe('<sip:a@b>;tag=2');
    expect(parseCSeq('99999999999 INVITE')).toBeUndefined();
    expect(canonicalName('x-app')).toBe('X-App');
    expect(canonicalName('i')).toBe('Call-ID');
  });
});

describe('drachtio framing', () => {
  it('reassembles frames split anywhere and coalesced, counting UTF-8 bytes', () => {
    const payloads = ['id1|ping', 'id2|sip||\r\nMESSAGE sip:x SIP/2.0\r\n\r\n你好', 'id3|route|invite'];
    const wire = Buffer.from(payloads.map(encodeFrame).join(''));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: wire.length }), { maxLength: 10 }), (cuts) => {
        const d = new FrameDecoder(1 << 20);
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const out: string[] = [];
        let prev = 0;
        for (const p of [...points, wire.length]) {
          out.push(...d.push(wire.subarray(prev, p)));
          prev = p;
        }
        expect(out).toEqual(payloads);
      }),
    );
  });

  it('rejects a non-numeric prefix and an oversized frame', () => {
    expect(() => new FrameDecoder(100).push(Buffer.from('abc#hello'))).toThrow(
      'invalid message length specifier',
    );
    expect(() => new FrameDecoder(100).push(Buffer.from('101#'))).toThrow('maximum frame size');
  });
});

describe('SIP over a stream', () => {
  it('splits on Content-Length, skips CRLF keep-alives and reports double-CRLF pings', () => {
    const p = new SipStreamParser(10_000);
    const msg = 'OPTIONS sip:a SIP/2.0\r\nContent-Length: 3\r\n\r\nabc';
    const items = p.push(Buffer.from(`\r\n\r\n${msg}${msg.slice(0, 10)}`));
    expect(items.filter((i) => i.ping)).toHaveLength(1);
    expect(items.filter((i) => i.message)).toHaveLength(1);
    expect(p.push(Buffer.from(msg.slice(10)))[0]?.message?.toString()).toBe(msg);
  });

  it('refuses a message bigger than the limit', () => {
    const p = new SipStreamParser(100);
    expect(() => p.push(Buffer.from(`OPTIONS sip:a SIP/2.0\r\nContent-Length: 500\r\n\r\n`))).toThrow(
      'Message Too Large',
    );
  });
});

describe('rate limiter', () => {
  it('allows the burst, then the refill rate, per source', () => {
    const r = new RateLimiter(10, 5);
    const t = 1_000_000;
    const first = Array.from({ length: 8 }, () => r.allow('a', t)).filter(Boolean).length;
    expect(first).toBe(5);
    expect(r.allow('b', t)).toBe(true);
    expect(r.allow('a', t + 100)).toBe(true);
    expect(r.allow('a', t + 100)).toBe(false);
  });
});
