// Dialog state as drachtio-server keeps it: id `Call-ID;from-tag=<initiator's tag>`, local/remote
// tags and addresses, remote target, route set, CSeqs, the flow that reaches the peer, the owner app.
import type { Flow } from '../transport/transports.ts';

export interface Dialog {
  id: string;
  role: 'uas' | 'uac';
  callId: string;
  localTag: string;
  remoteTag: string | undefined;
  /** Full header values (with tags) for our side and the peer's side. */
  local: string;
  remote: string;
  remoteTarget: string;
  routeSet: string[];
  localSeq: number;
  /** CSeq of the last INVITE we sent in this dialog (the ACK reuses it). */
  inviteSeq: number;
  flow: Flow;
  appId: number;
  confirmed: boolean;
  /** UAC: ACK last sent for a 2xx, resent when the 2xx is retransmitted. */
  lastAck?: string;
  /** UAS: 2xx retransmission until the ACK arrives. */
  ackWait?: { txnId: string; timer?: NodeJS.Timeout; deadline: NodeJS.Timeout };
  /** UAS: reliable provisional (RFC 3262) retransmitted over UDP until the PRACK arrives. */
  prackWait?: NodeJS.Timeout;
  /** Our Contact header value, reused in in-dialog requests. */
  contact: string;
}

export class DialogStore {
  private readonly byId = new Map<string, Dialog>();
  private readonly byLocal = new Map<string, Dialog>();
  /** Dialog ids whose INVITE ended non-2xx, so an app ACK gets the exact drachtio NOK. */
  private readonly rejected = new Map<string, number>();

  add(d: Dialog): void {
    this.byId.set(d.id, d);
    this.byLocal.set(`${d.callId}|${d.localTag}`, d);
  }

  get(id: string): Dialog | undefined {
    return this.byId.get(id);
  }

  /** Find the dialog of an in-dialog network request (our tag is the request's To tag). */
  byLocalTag(callId: string, localTag: string): Dialog | undefined {
    return this.byLocal.get(`${callId}|${localTag}`);
  }

  delete(d: Dialog): void {
    clearTimeout(d.prackWait);
    if (d.ackWait) {
      clearTimeout(d.ackWait.timer);
      clearTimeout(d.ackWait.deadline);
    }
    if (this.byId.get(d.id) === d) this.byId.delete(d.id);
    const k = `${d.callId}|${d.localTag}`;
    if (this.byLocal.get(k) === d) this.byLocal.delete(k);
  }

  markRejected(id: string): void {
    const now = Date.now();
    this.rejected.set(id, now);
    if (this.rejected.size > 10_000) {
      for (const [k, at] of this.rejected) if (now - at > 60_000) this.rejected.delete(k);
    }
  }

  wasRejected(id: string): boolean {
    return this.rejected.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): Dialog[] {
    return [...this.byId.values()];
  }
}
