// A logging TCP proxy between drachtio-srf apps and the server: every frame in both directions,
// in order, like the logging proxy that made the captures in /work/shared/notes/drachtio-protocol.
import net from 'node:net';
import { FrameDecoder } from '../../../src/sipd/wire/framing.ts';

export interface LoggedFrame {
  dir: 'app->server' | 'server->app';
  payload: string;
}

export interface FrameProxy {
  port: number;
  log: LoggedFrame[];
  close(): Promise<void>;
}

export async function frameProxy(host: string, upstreamPort: number): Promise<FrameProxy> {
  const log: LoggedFrame[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const up = net.connect({ host, port: upstreamPort });
    sockets.add(client).add(up);
    const fromApp = new FrameDecoder(1 << 24);
    const fromServer = new FrameDecoder(1 << 24);
    client.on('data', (d) => {
      for (const payload of fromApp.push(d)) log.push({ dir: 'app->server', payload });
      up.write(d);
    });
    up.on('data', (d) => {
      for (const payload of fromServer.push(d)) log.push({ dir: 'server->app', payload });
      client.write(d);
    });
    const end = () => {
      client.destroy();
      up.destroy();
    };
    client.on('close', end).on('error', end);
    up.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    log,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
