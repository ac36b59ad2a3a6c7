import { describe, expect, it } from 'vitest';
import { loadDevices, resolveDevices, saveDevices } from '../src/domain/device-choice.ts';
import { OFFER_HEADERS, parseOffer } from '../src/phone/offer-headers.ts';

describe('offer headers', () => {
  it('reads the gateway headers and falls back to the From user and SIP Call-ID', () => {
    const h: Record<string, string> = {
      [OFFER_HEADERS.callerNumber]: '13800001111',
      [OFFER_HEADERS.queue]: '12345',
      [OFFER_HEADERS.priority]: '2',
      [OFFER_HEADERS.waitSeconds]: '42',
      [OFFER_HEADERS.repeatCaller]: '1',
      [OFFER_HEADERS.language]: 'lang:mandarin',
      [OFFER_HEADERS.kind]: 'inbound',
    };
    expect(parseOffer((n) => h[n], 'anon', 'sip-call-1', 100_000)).toEqual({
      callId: 'sip-call-1',
      callerNumber: '13800001111',
      queue: '12345',
      priority: '2',
      enqueuedAt: 58_000,
      repeatCaller: true,
      language: 'lang:mandarin',
      kind: 'inbound',
    });
    expect(parseOffer(() => undefined, '0836123', 'x', 0)).toMatchObject({
      callerNumber: '0836123',
      enqueuedAt: undefined,
      repeatCaller: false,
    });
    const garbage = parseOffer((n) => (n === OFFER_HEADERS.waitSeconds ? 'garbage' : undefined), 'u', 'x', 5);
    expect(garbage.enqueuedAt).toBeUndefined();
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
