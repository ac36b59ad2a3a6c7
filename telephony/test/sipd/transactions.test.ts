// Unit tests of the transaction layer's timers with fake timers and a recording flow.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransactionLayer } from '../../src/sipd/core/transactions.ts';
import { parseMessage } from '../../src/sipd/sip/message.ts';
import type { Flow } from '../../src/sipd/transport/transports.ts';

function flow(reliable = false): Flow & { sent: string[] } {
  const sent: string[] = [];
  return {
    id: 'f',
    proto: reliable ? 'tcp' : 'udp',
    reliable,
    remoteAddress: '127.0.0.1',
    remotePort: 9,
    sent,
    alive: () => true,
    send: (d) => {
      sent.push(d);
      return true;
    },
  };
}

const req = (method: string, branch: string, cseq = `1 ${method}`) =>
  parseMessage(
    Buffer.from(
      `${method} sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=${branch}\r\nFrom: <sip:b@x>;tag=1\r\nTo: <sip:a@x>\r\nCall-ID: c1\r\nCSeq: ${cseq}\r\nContent-Length: 0\r\n\r\n`,
    ),
  );

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('INVITE server transaction', () => {
  it('retransmits a non-2xx final on UDP (timer G, capped at T2) until the ACK, even one with another branch', () => {
    const t = new TransactionLayer({ t1: 500, t2: 4000, t4: 5000 });
    const f = flow();
    const txn = t.createServer(req('INVITE', 'z9hG4bK-1'), f, 100);
    expect(txn).toBeDefined();
    if (!txn) return;
    t.respond(txn, 486, 'SIP/2.0 486 Busy Here\r\n\r\n');
    vi.advanceTimersByTime(500 + 1000 + 2000 + 4000 + 4000);
    expect(f.sent).toHaveLength(6); // original + 5 retransmissions (0.5, 1, 2, 4, 4 s)
    const ack = req('ACK', 'z9hG4bK-other', '1 ACK');
    const found = t.findServer(ack);
    expect(found).toBe(txn);
    t.ackNon2xx(txn);
    vi.advanceTimersByTime(20_000);
    expect(f.sent).toHaveLength(6);
    expect(t.serversById.size).toBe(0);
  });

  it('answers a retransmitted request with the last response and does not create a second transaction', () => {
    const t = new TransactionLayer({ t1: 500, t2: 4000, t4: 5000 });
    const f = flow();
    const first = t.createServer(req('OPTIONS', 'z9hG4bK-2'), f, 100);
    if (!first) throw new Error('no txn');
    t.respond(first, 200, 'SIP/2.0 200 OK\r\n\r\n');
    expect(t.createServer(req('OPTIONS', 'z9hG4bK-2'), f, 100)).toBeUndefined();
    expect(f.sent).toEqual(['SIP/2.0 200 OK\r\n\r\n', 'SIP/2.0 200 OK\r\n\r\n']);
  });
});

describe('client transaction', () => {
  it('retransmits a non-INVITE request (timer E) and reports 408 after 64·T1 (timer F)', () => {
    const t = new TransactionLayer({ t1: 500, t2: 4000, t4: 5000 });
    const f = flow();
    const timeouts: number[] = [];
    t.send({
      id: 'x',
      key: 'z9hG4bK-3|OPTIONS',
      method: 'OPTIONS',
      request: req('OPTIONS', 'z9hG4bK-3'),
      wire: 'OPTIONS',
      flow: f,
      provisional: false,
      finalStatus: 0,
      onResponse: () => {},
      onTimeout: (s) => timeouts.push(s),
    });
    vi.advanceTimersByTime(32_000);
    expect(f.sent.length).toBeGreaterThan(5);
    expect(timeouts).toEqual([408]);
  });

  it('reports 503 at once when the flow cannot send', () => {
    const t = new TransactionLayer({ t1: 500, t2: 4000, t4: 5000 });
    const dead = { ...flow(true), send: () => false };
    const timeouts: number[] = [];
    t.send({
      id: 'y',
      key: 'z9hG4bK-4|INVITE',
      method: 'INVITE',
      request: req('INVITE', 'z9hG4bK-4'),
      wire: 'INVITE',
      flow: dead,
      provisional: false,
      finalStatus: 0,
      onResponse: () => {},
      onTimeout: (s) => timeouts.push(s),
    });
    vi.runAllTimers();
    expect(timeouts).toEqual([503]);
  });
});
