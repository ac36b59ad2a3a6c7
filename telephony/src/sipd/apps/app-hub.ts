// The drachtio application port: app connections, authenticate, route/remove_route, ping, and
// round-robin selection of an app per verb. `sip` messages are handed to the core.
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { SipdConfig } from '../../config.ts';
import { CATALOGUE, isTelephonyError, type TelephonyErrorCode } from '../../errors.ts';
import { encodeFrame, FrameDecoder } from '../wire/framing.ts';
import { type AppMessage, parsePayload, responsePayload } from '../wire/protocol.ts';

export interface AppConn {
  id: number;
  authenticated: boolean;
  closed: boolean;
  send(payload: string): void;
  /** Answer `msgId` with `NOK|<catalogue text>` (or `NO|…` for session-level failures). */
  nok(msgId: string, code: TelephonyErrorCode, word?: 'NOK' | 'NO', detail?: string): void;
  close(): void;
}

export type SipHandler = (app: AppConn, msg: AppMessage) => void;

function secretOk(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class AppHub {
  private server?: net.Server;
  private readonly conns = new Map<number, AppConn>();
  private readonly routes = new Map<string, number[]>();
  private readonly offsets = new Map<string, number>();
  private nextId = 1;
  port = 0;

  constructor(
    private readonly cfg: Readonly<SipdConfig>,
    private readonly hostports: () => string,
    private readonly onSip: SipHandler,
    private readonly onGone: (app: AppConn) => void,
  ) {}

  async start(): Promise<number> {
    const server = net.createServer((s) => this.accept(s));
    this.server = server;
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(this.cfg.appPort, this.cfg.appHost, () => res());
    });
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const c of this.conns.values()) c.close();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  get(id: number | undefined): AppConn | undefined {
    const c = id === undefined ? undefined : this.conns.get(id);
    return c && !c.closed ? c : undefined;
  }

  /** Next app (round-robin in registration order) that routed `verb`. */
  pick(verb: string): AppConn | undefined {
    const ids = this.routes.get(verb);
    if (!ids?.length) return undefined;
    const start = this.offsets.get(verb) ?? 0;
    for (let i = 0; i < ids.length; i++) {
      const idx = (start + i) % ids.length;
      const app = this.get(ids[idx]);
      if (app) {
        this.offsets.set(verb, idx + 1);
        return app;
      }
    }
    return undefined;
  }

  get connections(): number {
    return this.conns.size;
  }

  private accept(sock: net.Socket): void {
    sock.setNoDelay(true);
    sock.setKeepAlive(true, 45_000);
    const decoder = new FrameDecoder(this.cfg.maxFrameBytes);
    const app: AppConn = {
      id: this.nextId++,
      authenticated: false,
      closed: false,
      send: (payload) => {
        if (!app.closed) sock.write(encodeFrame(payload));
      },
      nok: (msgId, code, word = 'NOK', detail = undefined) =>
        app.send(
          responsePayload(msgId, [
            word,
            detail ? `${CATALOGUE[code].message}: ${detail}` : CATALOGUE[code].message,
          ]),
        ),
      close: () => {
        sock.end();
        sock.destroySoon?.();
      },
    };
    this.conns.set(app.id, app);
    sock.on('data', (chunk) => {
      let payloads: string[];
      try {
        payloads = decoder.push(chunk);
      } catch {
        sock.destroy();
        return;
      }
      for (const p of payloads) {
        if (app.closed) return;
        try {
          this.handle(app, p);
        } catch (e) {
          const m = parsePayload(p);
          if (m) app.nok(m.msgId, isTelephonyError(e) ? e.code : 'APP_INTERNAL');
        }
      }
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      app.closed = true;
      this.conns.delete(app.id);
      for (const [verb, ids] of this.routes) {
        const rest = ids.filter((i) => i !== app.id);
        if (rest.length) this.routes.set(verb, rest);
        else this.routes.delete(verb);
      }
      this.onGone(app);
    });
  }

  private handle(app: AppConn, payload: string): void {
    const m = parsePayload(payload);
    if (!m) {
      app.nok(payload.split('|')[0] ?? '', 'APP_BAD_FORMAT', 'NO');
      app.close();
      return;
    }
    if (m.type === 'authenticate') {
      if (!secretOk(m.args[0] ?? '', this.cfg.secret)) {
        app.nok(m.msgId, 'APP_BAD_SECRET', 'NO');
        app.closed = true;
        setImmediate(() => app.close());
        return;
      }
      app.authenticated = true;
      const hp = this.hostports();
      app.send(responsePayload(m.msgId, ['OK', hp, this.cfg.version, hp]));
      return;
    }
    if (!app.authenticated) {
      app.nok(m.msgId, 'APP_NOT_AUTHENTICATED', 'NO');
      app.close();
      return;
    }
    switch (m.type) {
      case 'ping':
        app.send(responsePayload(m.msgId, ['OK', 'pong']));
        return;
      case 'route':
      case 'remove_route': {
        const verb = (m.args[0] ?? '').toLowerCase();
        if (verb.startsWith('cdr:')) {
          app.nok(m.msgId, 'APP_CDR_UNSUPPORTED');
          return;
        }
        const ids = (this.routes.get(verb) ?? []).filter((i) => i !== app.id);
        if (m.type === 'route') ids.push(app.id);
        if (ids.length) this.routes.set(verb, ids);
        else this.routes.delete(verb);
        app.send(responsePayload(m.msgId, ['OK']));
        return;
      }
      case 'sip':
        this.onSip(app, m);
        return;
      case 'proxy':
        app.nok(m.msgId, 'APP_PROXY_UNSUPPORTED');
        return;
      default:
        app.nok(m.msgId, 'APP_UNKNOWN_TYPE', 'NO');
        app.close();
    }
  }
}
