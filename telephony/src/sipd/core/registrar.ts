// Contacts of clients registered over connection-oriented transports (tcp, ws, wss), bound to the
// connection they registered on, so later requests reach them over it (drachtio's tport cache).
import type { Flow } from '../transport/transports.ts';

interface Binding {
  flow: Flow;
  expiresAt: number;
}

export class ContactCache {
  private readonly bindings = new Map<string, Binding>();

  set(aor: string, flow: Flow, expiresSec: number, now = Date.now()): void {
    if (expiresSec <= 0) this.bindings.delete(aor);
    else this.bindings.set(aor, { flow, expiresAt: now + expiresSec * 1000 });
  }

  /** The live connection for `aor`, if any. */
  get(aor: string, now = Date.now()): Flow | undefined {
    const b = this.bindings.get(aor);
    if (!b) return undefined;
    if (b.expiresAt < now || !b.flow.alive()) {
      this.bindings.delete(aor);
      return undefined;
    }
    return b.flow;
  }

  get size(): number {
    return this.bindings.size;
  }
}
