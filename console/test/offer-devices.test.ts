import { describe, expect, it } from 'vitest';
import { loadDevices, resolveDevices, saveDevices } from '../src/domain/device-choice.ts';
import { OFFER_HEADERS, parseOffer } from '../src/phone/offer-headers.ts';

describe('offer headers', () => {
  it('reads the gateway headers and falls back to the From user and SIP Call-ID', () => {
    const h: Record<string, string> = {
      [OFFER_HEADERS.callerNumber]: '13800001111',
      [OFFER_HEADERS.queue]: '12345',
      [OFFER_HEADERS.priority]: 'urgent',
      [OFFER_HEADERS.enqueuedAt]: '1764000000',
    };
    expect(parseOffer((n) => h[n], 'anon', 'sip-call-1')).toEqual({
      callId: 'sip-call-1',
      callerNumber: '13800001111',
      queue: '12345',
      priority: 'urgent',
      enqueuedAt: 1764000000_000,
    });
    expect(parseOffer(() => undefined, '0836123', 'x')).toMatchObject({
      callerNumber: '0836123',
      enqueuedAt: undefined,
    });
    expect(
      parseOffer((n) => (n === OFFER_HEADERS.enqueuedAt ? 'garbage' : undefined), 'u', 'x').enqueuedAt,
    ).toBeUndefined();
  });
});

describe('device choice remembered per agent', () => {
  it('stores per agent, keeps a remembered device only while it is plugged in', () => {
    const mem = new Map<string, string>();
    const storage = {
      getItem: (k: string) => mem.get(k) ?? null,
      setItem: (k: string, v: string) => void mem.set(k, v),
    };
    saveDevices(storage, 'a1', { micId: 'headset-mic', speakerId: 'headset-out' });
    expect(loadDevices(storage, 'a2')).toEqual({});
    const stored = loadDevices(storage, 'a1');
    expect(stored).toEqual({ micId: 'headset-mic', speakerId: 'headset-out' });
    const plugged = [
      { deviceId: 'headset-mic', kind: 'audioinput', label: 'Jabra' },
      { deviceId: 'default', kind: 'audiooutput', label: 'Speakers' },
    ];
    expect(resolveDevices(stored, plugged)).toEqual({ micId: 'headset-mic', speakerId: undefined });
    mem.set('hotline.devices.a3', '{not json');
    expect(loadDevices(storage, 'a3')).toEqual({});
  });
});
