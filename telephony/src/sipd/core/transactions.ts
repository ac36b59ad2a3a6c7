// RFC 3261 §17 transactions. Server side: INVITE (100 Trying, final-response retransmission on
// UDP, non-2xx ACK absorption) and non-INVITE (retransmission absorption). Client side: INVITE
// (timers A/B, automatic ACK for non-2xx, 2xx retransmissions reported) and non-INVITE (E/F/K).
import { randomUUID } from 'node:crypto';
import { parseCSeq, parseVia } from '../sip/headers.ts';
import type { SipMessage } from '../sip/message.ts';
import type { Flow } from '../transport/transports.ts';

export interface Timers {
  t1: number;
  t2: number;
  t4: number;
}

export function branchOf(msg: SipMessage): string {
  const via = parseVia(msg.getAll('via')[0] ?? '');
  const b = via?.params.get('branch');
  if (b?.startsWith('z9hG4bK')) return b;
  return `${msg.callId}|${msg.get('cseq')}|${via?.host}:${via?.port}|${b ?? ''}`;
}

export function newBranch(): string {
  return `z9hG4bK${randomUUID().replace(/-/g, '')}`;
}

export interface ServerTxn {
  id: string;
  key: string;
  method: string;
  request: SipMessage;
  flow: Flow;
  bytes: number;
  /** To tag sipd assigned for this request's responses. */
  localTag?: string;
  dialogId?: string;
  appId?: number;
  finalStatus: number;
  canceled: boolean;
  lastResponse?: string;
  timer?: NodeJS.Timeout;
  expire?: NodeJS.Timeout;
}

export interface ClientTxn {
  id: string;
  key: string;
  method: string;
  request: SipMessage;
  wire: string;
  flow: Flow;
  appId?: number;
  dialogId?: string;
  provisional: boolean;
  finalStatus: number;
  /** ACK sipd sent for a non-2xx final (resent on retransmitted finals). */
  ackWire?: string;
  pendingCancel?: () => void;
  timer?: NodeJS.Timeout;
  expire?: NodeJS.Timeout;
  /** Report responses to the core; `retransmission` for repeated finals. */
  onResponse(res: SipMessage, flow: Flow, bytes: number, retransmission: boolean): void;
  /** No final response: 408 after timer B/F, 503 when the transport could not send at all. */
  onTimeout(status: 408 | 503): void;
}

export class TransactionLayer {
  readonly servers = new Map<string, ServerTxn>();
  readonly serversById = new Map<string, ServerTxn>();
  readonly clients = new Map<string, ClientTxn>();
  readonly clientsById = new Map<string, ClientTxn>();

  constructor(private readonly t: Timers) {}

  // ---------------------------------------------------------------- server transactions
  /** INVITE server transactions by Call-ID + CSeq number, for ACKs whose branch differs. */
  private readonly invitesBySeq = new Map<string, ServerTxn>();

  findServer(req: SipMessage): ServerTxn | undefined {
    const method = req.method === 'ACK' ? 'INVITE' : req.method;
    const byBranch = this.servers.get(`${branchOf(req)}|${method}`);
    if (byBranch || req.method !== 'ACK') return byBranch;
    // RFC 2543-style matching (sipp's default scenarios give the non-2xx ACK a new branch)
    return this.invitesBySeq.get(`${req.callId}|${req.cseq.seq}`);
  }

  /** Returns the new transaction, or undefined when `req` retransmits one (answered here). */
  createServer(req: SipMessage, flow: Flow, bytes: number): ServerTxn | undefined {
    const key = `${branchOf(req)}|${req.method}`;
    const existing = this.servers.get(key);
    if (existing) {
      if (existing.lastResponse) existing.flow.send(existing.lastResponse);
      return undefined;
    }
    const txn: ServerTxn = {
      id: randomUUID(),
      key,
      method: req.method,
      request: req,
      flow,
      bytes,
      finalStatus: 0,
      canceled: false,
    };
    this.servers.set(key, txn);
    this.serversById.set(txn.id, txn);
    if (req.method === 'INVITE') this.invitesBySeq.set(`${req.callId}|${req.cseq.seq}`, txn);
    // An app that never answers: forget the request after 64 s (drachtio's CLIENT_TIMEOUT).
    txn.expire = setTimeout(() => this.dropServer(txn), 128 * this.t.t1);
    return txn;
  }

  /** Send a response inside `txn`, with UDP retransmission of INVITE non-2xx finals (timer G/H). */
  respond(txn: ServerTxn, status: number, wire: string): void {
    txn.lastResponse = wire;
    txn.flow.send(wire);
    if (status < 200) return;
    txn.finalStatus = status;
    clearTimeout(txn.expire);
    const linger = txn.flow.reliable ? 0 : 64 * this.t.t1;
    if (txn.method === 'INVITE' && status >= 300) {
      if (!txn.flow.reliable) {
        let interval = this.t.t1;
        const tick = () => {
          txn.flow.send(wire);
          interval = Math.min(interval * 2, this.t.t2);
          txn.timer = setTimeout(tick, interval);
        };
        txn.timer = setTimeout(tick, interval);
      }
      txn.expire = setTimeout(() => this.dropServer(txn), 64 * this.t.t1);
    } else {
      // 2xx to INVITE: the core retransmits until the ACK; keep the key to absorb retransmissions.
      txn.expire = setTimeout(
        () => this.dropServer(txn),
        Math.max(linger, txn.method === 'INVITE' ? 64 * this.t.t1 : 0),
      );
    }
  }

  /** ACK for a non-2xx final: stop retransmitting (state Confirmed, timer I). */
  ackNon2xx(txn: ServerTxn): void {
    clearTimeout(txn.timer);
    clearTimeout(txn.expire);
    txn.expire = setTimeout(() => this.dropServer(txn), txn.flow.reliable ? 0 : this.t.t4);
  }

  dropServer(txn: ServerTxn): void {
    clearTimeout(txn.timer);
    clearTimeout(txn.expire);
    if (this.servers.get(txn.key) === txn) this.servers.delete(txn.key);
    this.serversById.delete(txn.id);
    const seqKey = `${txn.request.callId}|${txn.request.cseq.seq}`;
    if (this.invitesBySeq.get(seqKey) === txn) this.invitesBySeq.delete(seqKey);
  }

  // ---------------------------------------------------------------- client transactions
  send(txn: ClientTxn): void {
    this.clients.set(txn.key, txn);
    this.clientsById.set(txn.id, txn);
    if (!txn.flow.send(txn.wire)) {
      setImmediate(() => {
        this.dropClient(txn);
        txn.onTimeout(503);
      });
      return;
    }
    if (!txn.flow.reliable) {
      let interval = this.t.t1;
      const tick = () => {
        if (txn.finalStatus || (txn.method === 'INVITE' && txn.provisional)) return;
        txn.flow.send(txn.wire);
        interval = txn.method === 'INVITE' ? interval * 2 : Math.min(interval * 2, this.t.t2);
        txn.timer = setTimeout(tick, interval);
      };
      txn.timer = setTimeout(tick, interval);
    }
    txn.expire = setTimeout(() => {
      if (txn.finalStatus) return;
      this.dropClient(txn);
      txn.onTimeout(408);
    }, 64 * this.t.t1);
  }

  /** Match a network response; returns false when no client transaction owns it. */
  onResponse(res: SipMessage, flow: Flow, bytes: number): boolean {
    const method = parseCSeq(res.get('cseq'))?.method ?? '';
    const txn = this.clients.get(`${branchOf(res)}|${method}`);
    if (!txn) return false;
    if (res.status < 200) {
      if (txn.finalStatus) return true;
      const first = !txn.provisional;
      txn.provisional = true;
      if (txn.method !== 'INVITE' && !txn.flow.reliable) clearTimeout(txn.timer);
      if (first && txn.pendingCancel) txn.pendingCancel();
      txn.onResponse(res, flow, bytes, false);
      return true;
    }
    const repeat = txn.finalStatus !== 0;
    if (repeat && txn.ackWire) txn.flow.send(txn.ackWire);
    if (!repeat) {
      txn.finalStatus = res.status;
      clearTimeout(txn.timer);
      clearTimeout(txn.expire);
      // Timer D (INVITE, 32 s) / K (non-INVITE, T4) on UDP; 2xx kept 64·T1 so retransmissions re-ACK.
      const linger = txn.flow.reliable ? 0 : txn.method === 'INVITE' ? 64 * this.t.t1 : this.t.t4;
      txn.expire = setTimeout(
        () => this.dropClient(txn),
        txn.method === 'INVITE' && res.status < 300 ? 64 * this.t.t1 : linger,
      );
    }
    txn.onResponse(res, flow, bytes, repeat);
    return true;
  }

  dropClient(txn: ClientTxn): void {
    clearTimeout(txn.timer);
    clearTimeout(txn.expire);
    if (this.clients.get(txn.key) === txn) this.clients.delete(txn.key);
    this.clientsById.delete(txn.id);
  }

  stop(): void {
    for (const t of this.servers.values()) this.dropServer(t);
    for (const t of this.clients.values()) this.dropClient(t);
  }
}
