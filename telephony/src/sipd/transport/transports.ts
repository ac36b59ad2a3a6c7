// SIP transports: UDP, TCP, WS and WSS listeners bound to the configured host, plus outgoing TCP
// connections. Every message arrives as (bytes, flow); a flow is how to answer the peer.
import dgram from 'node:dgram';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SipdConfig } from '../../config.ts';
import { RateLimiter } from './rate-limit.ts';
import { SipStreamParser } from './stream-parser.ts';

export type Proto = 'udp' | 'tcp' | 'ws' | 'wss';

export interface Flow {
  id: string;
  proto: Proto;
  reliable: boolean;
  remoteAddress: string;
  remotePort: number;
  send(data: string): boolean;
  alive(): boolean;
}

export interface BoundPorts {
  udp: number;
  tcp: number;
  ws: number;
  wss: number | undefined;
}

let flowSeq = 0;

function streamFlow(
  proto: 'tcp' | 'ws' | 'wss',
  addr: string,
  port: number,
  write: (d: string) => void,
  isOpen: () => boolean,
): Flow {
  return {
    id: `${proto}-${++flowSeq}`,
    proto,
    reliable: true,
    remoteAddress: addr.replace(/^::ffff:/, ''),
    remotePort: port,
    alive: isOpen,
    send(data) {
      if (!isOpen()) return false;
      write(data);
      return true;
    },
  };
}

interface TransportEvents {
  message: [buf: Buffer, flow: Flow];
  dropped: [reason: string, flow: Flow];
}

export class Transports extends EventEmitter<TransportEvents> {
  private udp?: dgram.Socket;
  private tcpServer?: net.Server;
  private wsHttp?: http.Server;
  private wssHttps?: https.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly outbound = new Map<string, Flow>();
  private readonly udpFlows = new Map<string, Flow>();
  private readonly limiter: RateLimiter;
  ports: BoundPorts = { udp: 0, tcp: 0, ws: 0, wss: undefined };

  constructor(private readonly cfg: Readonly<SipdConfig>) {
    super();
    this.limiter = new RateLimiter(cfg.rateLimitPerSecond, cfg.rateLimitBurst);
  }

  async start(): Promise<BoundPorts> {
    const { host } = this.cfg;
    const udp = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', recvBufferSize: 4 << 20 });
    this.udp = udp;
    udp.on('message', (buf, rinfo) => this.onUdp(buf, rinfo));
    udp.on('error', (e) => this.emit('dropped', `udp error ${e.message}`, this.udpFlow('0.0.0.0', 0)));
    await new Promise<void>((res, rej) => {
      udp.once('error', rej);
      udp.bind(this.cfg.udpPort, host, () => {
        udp.off('error', rej);
        res();
      });
    });
    this.ports.udp = udp.address().port;
    // TCP on the same port as UDP when the UDP port was picked by the OS is not guaranteed free.
    this.tcpServer = net.createServer((s) => this.acceptStream(s));
    this.ports.tcp = await listen(this.tcpServer, this.cfg.tcpPort, host);
    this.wsHttp = http.createServer((_q, r) => r.writeHead(426).end());
    this.attachWs(this.wsHttp, 'ws');
    this.ports.ws = await listen(this.wsHttp, this.cfg.wsPort, host);
    if (this.cfg.tls) {
      const tlsOpts = { cert: readFileSync(this.cfg.tls.certFile), key: readFileSync(this.cfg.tls.keyFile) };
      this.wssHttps = https.createServer(tlsOpts, (_q, r) => r.writeHead(426).end());
      this.attachWs(this.wssHttps, 'wss');
      this.ports.wss = await listen(this.wssHttps, this.cfg.wssPort, host);
    }
    return this.ports;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.udp?.close();
    await Promise.all(
      [this.tcpServer, this.wsHttp, this.wssHttps].map(
        (s) =>
          new Promise<void>((r) => {
            if (!s) return r();
            s.close(() => r());
            if ('closeAllConnections' in s) s.closeAllConnections();
          }),
      ),
    );
  }

  /** Host and port to advertise in Via/Contact for a transport. */
  local(proto: Proto): { host: string; port: number } {
    const host = this.cfg.advertisedHost ?? this.cfg.host;
    const port =
      proto === 'udp'
        ? this.ports.udp
        : proto === 'tcp'
          ? this.ports.tcp
          : proto === 'ws'
            ? this.ports.ws
            : (this.ports.wss ?? 0);
    return { host, port };
  }

  udpFlow(address: string, port: number): Flow {
    const key = `${address}:${port}`;
    let f = this.udpFlows.get(key);
    if (f) return f;
    const sock = this.udp;
    f = {
      id: `udp-${key}`,
      proto: 'udp',
      reliable: false,
      remoteAddress: address,
      remotePort: port,
      alive: () => true,
      send: (data) => {
        sock?.send(Buffer.from(data, 'utf8'), port, address, () => {});
        return true;
      },
    };
    if (this.udpFlows.size > 50_000) this.udpFlows.clear();
    this.udpFlows.set(key, f);
    return f;
  }

  /** A flow that cannot send (unreachable peer): requests on it end in a local 503. */
  deadFlow(proto: Proto, address: string, port: number): Flow {
    return {
      id: `dead-${++flowSeq}`,
      proto,
      reliable: true,
      remoteAddress: address,
      remotePort: port,
      alive: () => false,
      send: () => false,
    };
  }

  /** An outgoing (or reused incoming) TCP connection to host:port. */
  async tcpFlow(address: string, port: number): Promise<Flow> {
    const key = `${address}:${port}`;
    const existing = this.outbound.get(key);
    if (existing?.alive()) return existing;
    const sock = net.connect({ host: address, port });
    await new Promise<void>((res, rej) => {
      sock.once('connect', res);
      sock.once('error', rej);
    });
    const flow = this.acceptStream(sock);
    this.outbound.set(key, flow);
    sock.once('close', () => this.outbound.get(key) === flow && this.outbound.delete(key));
    return flow;
  }

  private admit(flow: Flow, size: number): boolean {
    if (size > this.cfg.maxMessageBytes) {
      this.emit('dropped', 'too large', flow);
      return false;
    }
    if (!this.limiter.allow(flow.remoteAddress)) {
      this.emit('dropped', 'rate limited', flow);
      return false;
    }
    return true;
  }

  private onUdp(buf: Buffer, rinfo: dgram.RemoteInfo): void {
    const flow = this.udpFlow(rinfo.address, rinfo.port);
    if (buf.length <= 4 && /^[\r\n\0 ]*$/.test(buf.toString('latin1'))) return; // keep-alive
    if (this.admit(flow, buf.length)) this.emit('message', buf, flow);
  }

  private acceptStream(sock: net.Socket): Flow {
    this.sockets.add(sock);
    sock.setNoDelay(true);
    sock.setKeepAlive(true, 30_000);
    const parser = new SipStreamParser(this.cfg.maxMessageBytes);
    const flow = streamFlow(
      'tcp',
      sock.remoteAddress ?? '',
      sock.remotePort ?? 0,
      (d) => sock.write(d),
      () => !sock.destroyed && sock.writable,
    );
    const key = `${flow.remoteAddress}:${flow.remotePort}`;
    if (!this.outbound.has(key)) this.outbound.set(key, flow);
    sock.on('data', (chunk) => {
      try {
        for (const item of parser.push(chunk)) {
          if (item.ping) sock.write('\r\n');
          else if (item.message && this.admit(flow, item.message.length))
            this.emit('message', item.message, flow);
        }
      } catch (e) {
        this.emit('dropped', (e as Error).message, flow);
        sock.destroy();
      }
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      this.sockets.delete(sock);
      if (this.outbound.get(key) === flow) this.outbound.delete(key);
    });
    return flow;
  }

  private attachWs(server: http.Server | https.Server, proto: 'ws' | 'wss'): void {
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    const wss = new WebSocketServer({
      server,
      maxPayload: this.cfg.maxMessageBytes,
      handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
    });
    wss.on('connection', (ws: WebSocket, req) => {
      const flow = streamFlow(
        proto,
        req.socket.remoteAddress ?? '',
        req.socket.remotePort ?? 0,
        (d) => ws.send(d),
        () => ws.readyState === ws.OPEN,
      );
      ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        const buf = Buffer.isBuffer(data)
          ? data
          : Array.isArray(data)
            ? Buffer.concat(data)
            : Buffer.from(data);
        if (buf.length <= 4 && /^[\r\n ]*$/.test(buf.toString('latin1'))) return;
        if (this.admit(flow, buf.length)) this.emit('message', buf, flow);
      });
      ws.on('error', () => ws.terminate());
    });
    wss.on('error', () => {});
  }
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, host, () => {
      server.off('error', rej);
      res((server.address() as AddressInfo).port);
    });
  });
}
