// A raw drachtio-protocol client: writes exact bytes, collects every frame the server sends.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { FrameDecoder } from '../../../src/sipd/wire/framing.ts';

export interface RawApp {
  frames: string[];
  closed: Promise<void>;
  isClosed(): boolean;
  write(bytes: string): void;
  /** Send `<uuid>|<rest>`; resolves with the server's `response|<uuid>|…` payload. */
  request(rest: string): Promise<string>;
  /** Wait for the n-th frame (0-based). */
  frame(n: number, timeoutMs?: number): Promise<string>;
  close(): void;
}

export async function rawApp(host: string, port: number): Promise<RawApp> {
  const sock = net.connect({ host, port });
  await new Promise<void>((res, rej) => {
    sock.once('connect', res);
    sock.once('error', rej);
  });
  const frames: string[] = [];
  const decoder = new FrameDecoder(16 << 20);
  const waiters: (() => void)[] = [];
  let closedFlag = false;
  sock.on('data', (d) => {
    frames.push(...decoder.push(d));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<void>((r) =>
    sock.on('close', () => {
      closedFlag = true;
      for (const w of waiters.splice(0)) w();
      r();
    }),
  );
  sock.on('error', () => {});
  const waitFor = async <T>(pick: () => T | undefined, timeoutMs = 5000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = pick();
      if (v !== undefined) return v;
      if (closedFlag || Date.now() > until)
        throw new Error(`no frame (closed=${closedFlag}); got ${frames.join('\n---\n')}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const app: RawApp = {
    frames,
    closed,
    isClosed: () => closedFlag,
    write: (bytes) => sock.write(bytes),
    request: (rest) => {
      const id = randomUUID();
      const payload = `${id}|${rest}`;
      sock.write(`${Buffer.byteLength(payload)}#${payload}`);
      return waitFor(() =>
        frames.find((f) => f.split('\r\n')[0]?.split('|')[2] === id && f.split('|')[1] === 'response'),
      );
    },
    frame: (n, timeoutMs) => waitFor(() => frames[n], timeoutMs),
    close: () => sock.destroy(),
  };
  return app;
}
