// Shared state of one sipd instance and the helpers every handler needs: reaching a URI,
// advertising our address per transport, talking to apps.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { SipdConfig } from '../../config.ts';
import { TelephonyError } from '../../errors.ts';
import type { AppHub } from '../apps/app-hub.ts';
import { addrUri } from '../sip/headers.ts';
import { aorKey, parseUri, uriTransport } from '../sip/uri.ts';
import type { Flow, Proto, Transports } from '../transport/transports.ts';
import { contactFor, viaProto } from './build.ts';
import type { DialogStore } from './dialogs.ts';
import type { ContactCache } from './registrar.ts';
import type { TransactionLayer } from './transactions.ts';

export interface Stats {
  received: number;
  dropped: number;
  malformed: number;
  /** Last unexpected internal error (a bug), for tests and diagnostics. */
  lastError?: string;
}

/** A bare URI keeps its params; a name-addr (`<…>`) gives the URI inside the brackets. */
function uriOf(value: string): string {
  return value.includes('<') ? addrUri(value) : value.trim();
}

export class Context {
  readonly stats: Stats = { received: 0, dropped: 0, malformed: 0 };
  cseq = 123_395_000 + Math.floor(Math.random() * 1000);

  constructor(
    readonly cfg: Readonly<SipdConfig>,
    readonly transports: Transports,
    readonly txns: TransactionLayer,
    readonly dialogs: DialogStore,
    readonly contacts: ContactCache,
    readonly hub: AppHub,
  ) {}

  /** drachtio's protocol token: WebSocket shows up as `tcp`. */
  protoToken(flow: Flow): string {
    return flow.proto === 'udp' ? 'udp' : 'tcp';
  }

  local(flow: Flow): { host: string; port: number } {
    return this.transports.local(flow.proto);
  }

  via(flow: Flow, branch: string): string {
    const l = this.local(flow);
    return `SIP/2.0/${viaProto(flow.proto)} ${l.host}:${l.port};rport;branch=${branch}`;
  }

  contact(flow: Flow): string {
    const l = this.local(flow);
    return contactFor(flow.proto, l.host, l.port);
  }

  hostports(): string {
    const p = this.transports.ports;
    const h = this.cfg.advertisedHost ?? this.cfg.host;
    const list = [`ws/${h}:${p.ws}`, `tcp/${h}:${p.tcp}`, `udp/${h}:${p.udp}`];
    if (p.wss !== undefined) list.unshift(`wss/${h}:${p.wss}`);
    return list.join(',');
  }

  /** Deliver a payload to app `appId`; false when that app is gone. */
  toApp(appId: number | undefined, payload: string): boolean {
    const app = this.hub.get(appId);
    if (!app) return false;
    app.send(payload);
    return true;
  }

  /** Reach a URI: a registered connection for its user@host, else its transport/host/port. */
  async flowFor(uriText: string, via?: string): Promise<Flow> {
    const target = parseUri(uriOf(uriText));
    if (!target) throw new TelephonyError('APP_BAD_REQUEST_URI', uriText);
    const cached = this.contacts.get(aorKey(target));
    if (cached) return cached;
    const hop = via ? parseUri(uriOf(via)) : target;
    if (!hop) throw new TelephonyError('APP_BAD_REQUEST_URI', via);
    const transport = uriTransport(hop) as Proto | 'tls';
    const port = hop.port ?? 5060;
    // a WebSocket client whose connection is gone (or never registered) cannot be reached:
    // like any transport failure this ends in a locally generated 503 (drachtio d4)
    if (transport === 'ws' || transport === 'wss') return this.transports.deadFlow(transport, hop.host, port);
    if (transport !== 'udp' && transport !== 'tcp') throw new TelephonyError('APP_NO_TRANSPORT', transport);
    const bare = hop.host.replace(/^\[|\]$/g, '');
    let host = bare;
    if (!net.isIP(bare)) {
      try {
        host = (await lookup(bare, 4)).address;
      } catch {
        return this.transports.deadFlow(transport, bare, port);
      }
    }
    if (transport === 'udp') return this.transports.udpFlow(host, port);
    try {
      return await this.transports.tcpFlow(host, port);
    } catch {
      // connection refused: a flow that cannot send, so the request ends in a local 503 (drachtio d4)
      return this.transports.deadFlow('tcp', host, port);
    }
  }

  nextCSeq(): number {
    this.cseq += 1;
    return this.cseq;
  }
}
