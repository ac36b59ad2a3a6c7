// A fake phone for unit tests of pure UI logic only (the real one is exercised in test/e2e/console).
import type { PhoneEvent } from '../src/domain/softphone-state.ts';
import type { DeviceChoice, Phone, SipLogin } from '../src/phone/phone.ts';

export class FakePhone implements Phone {
  calls: string[] = [];
  private listeners = new Set<(e: PhoneEvent) => void>();
  emit(e: PhoneEvent) {
    for (const l of this.listeners) l(e);
  }
  subscribe(l: (e: PhoneEvent) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  async start(_l: SipLogin) {
    this.calls.push('start');
  }
  async stop() {
    this.calls.push('stop');
  }
  async answer() {
    this.calls.push('answer');
  }
  async hangup() {
    this.calls.push('hangup');
  }
  async setHold(on: boolean) {
    this.calls.push(`hold:${on}`);
  }
  setMute(on: boolean) {
    this.calls.push(`mute:${on}`);
  }
  async sendDtmf(t: string) {
    this.calls.push(`dtmf:${t}`);
  }
  async setDevices(_d: DeviceChoice) {}
  streams() {
    return { local: null, remote: null };
  }
  async stats() {
    return null;
  }
}
