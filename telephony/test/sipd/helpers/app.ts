// A drachtio-srf app connected to the target; SIP ports learned from the server's hostports
// (`udp/127.0.0.1:5060,tcp/…,ws/…`) so the same test works against drachtio-server.
import Srf from 'drachtio-srf';
import type { Target } from './target.ts';

export interface SipPorts {
  host: string;
  udp: number;
  tcp: number;
  ws: number;
  wss: number | undefined;
}

export interface ConnectedApp {
  srf: Srf;
  sip: SipPorts;
  close(): void;
}

export function parseHostports(hp: string): SipPorts {
  const out: Partial<Record<'udp' | 'tcp' | 'ws' | 'wss', number>> = {};
  let host = '127.0.0.1';
  for (const item of hp.split(',')) {
    const m = /^(\w+)\/(.+):(\d+)$/.exec(item.trim());
    if (!m) continue;
    const proto = m[1] as 'udp' | 'tcp' | 'ws' | 'wss';
    host = m[2] ?? host;
    out[proto] ??= Number(m[3]);
  }
  return { host, udp: out.udp ?? 0, tcp: out.tcp ?? 0, ws: out.ws ?? 0, wss: out.wss };
}

/** Connect; `setup` registers routes (srf.invite, srf.use…) before the connection is made. */
export async function connectApp(t: Target, setup: (srf: Srf) => void = () => {}): Promise<ConnectedApp> {
  const srf = new Srf();
  setup(srf);
  const hostports = await new Promise<string>((resolve, reject) => {
    srf.on('connect', (err: Error | undefined, hp: string) => (err ? reject(err) : resolve(hp)));
    srf.on('error', (err: Error) => reject(err));
    srf.connect({ host: t.host, port: t.appPort, secret: t.secret });
  });
  // give route frames a moment to reach the server before the test sends traffic
  await new Promise((r) => setTimeout(r, 50));
  return { srf, sip: parseHostports(hostports), close: () => srf.disconnect() };
}
