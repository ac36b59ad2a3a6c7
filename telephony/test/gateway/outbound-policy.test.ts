import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideOutbound,
  normalizeNumber,
  type OutboundPolicy,
} from '../../src/gateway/domain/outbound-policy.ts';

const policy: OutboundPolicy = {
  utilities: {
    water: ['0836-96166'],
    power: ['95598'],
    gas: ['0836 2812345'],
    heating: [],
    oxygen: ['12399'],
  },
};

describe('outbound destination policy (toll-fraud protection)', () => {
  it('allows the four emergency lines for a three-way call', () => {
    for (const [n, s] of [
      ['110', 'police'],
      ['119', 'fire'],
      ['120', 'ambulance'],
      ['122', 'traffic'],
    ]) {
      expect(decideOutbound({ kind: 'three-way', number: n! }, policy)).toEqual({
        allowed: true,
        number: n,
        category: 'emergency',
        service: s,
      });
    }
  });
  it('allows configured utility hotlines in any spelling', () => {
    expect(decideOutbound({ kind: 'three-way', number: '083696166' }, policy)).toMatchObject({
      allowed: true,
      service: 'water',
    });
    expect(decideOutbound({ kind: 'three-way', number: '+86 95598' }, policy)).toMatchObject({
      service: 'power',
    });
    expect(decideOutbound({ kind: 'three-way', number: '0836-2812345' }, policy)).toMatchObject({
      service: 'gas',
    });
  });
  it('refuses everything else, including tricks around allowed numbers', () => {
    for (const n of [
      '111',
      '1100',
      '0110',
      '110#',
      '110,123',
      '119*1',
      '+1 119',
      '00 1 900 555',
      '10086',
      'sip:110',
      '',
    ]) {
      expect(decideOutbound({ kind: 'three-way', number: n }, policy).allowed).toBe(false);
    }
  });
  it('allows a callback only to the number granted for that ticket', () => {
    const grant = { ticketId: 'T1', number: '+86 138-0000-0000' };
    expect(decideOutbound({ kind: 'callback', number: '13800000000', grant }, policy)).toEqual({
      allowed: true,
      number: '13800000000',
      category: 'callback',
      ticketId: 'T1',
    });
    expect(decideOutbound({ kind: 'callback', number: '13900000000', grant }, policy)).toMatchObject({
      allowed: false,
      reason: 'callback-number-mismatch',
    });
    expect(decideOutbound({ kind: 'callback', number: '13800000000' }, policy)).toMatchObject({
      allowed: false,
      reason: 'callback-without-ticket',
    });
    // A callback grant is not a licence for emergency lines either: it must match exactly.
    expect(decideOutbound({ kind: 'callback', number: '110', grant }, policy).allowed).toBe(false);
  });
  it('never allows a random number for a three-way call (property)', () => {
    const allowed = new Set(['110', '119', '120', '122', '083696166', '95598', '08362812345', '12399']);
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        const d = decideOutbound({ kind: 'three-way', number: s }, policy);
        if (d.allowed) expect(allowed.has(d.number)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('normalizes only plain numbers', () => {
    expect(normalizeNumber('0086 110')).toBe('110');
    expect(normalizeNumber('+44 110')).toBeUndefined();
    expect(normalizeNumber('12')).toBeUndefined();
    expect(normalizeNumber('1a0')).toBeUndefined();
  });
});
