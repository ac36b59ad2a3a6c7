// Golden transcripts: the app→server TCP chunks captured against drachtio-server are replayed
// byte for byte (same chunk boundaries: split length prefixes, coalesced frames) and sipd's
// responses must match the captured ones after normalising ids, times, ports and sizes.
// sipd-only: the captures carry the capture's secret.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTelephonyConfig } from '../../src/config.ts';
import { FrameDecoder } from '../../src/sipd/wire/framing.ts';
import { rawApp } from './helpers/raw-app.ts';
import { sipTarget, type Target } from './helpers/target.ts';

// copies of /work/shared/notes/drachtio-protocol/captures/*.raw.jsonl
const FIXTURES = new URL('../fixtures/drachtio/', import.meta.url);

interface Chunk {
  conn: number;
  dir: string;
  data: string;
}

function load(label: string): Chunk[] {
  return readFileSync(new URL(`${label}.raw.jsonl`, FIXTURES), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Chunk);
}

/** Replace what legitimately differs between servers and runs. */
function normalise(frame: string): string {
  const [head = '', ...rest] = frame.split('\r\n');
  const tokens = head.split('|').map((t, i) => {
    if (i === 0 || /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(t)) return 'ID';
    if (/^\d\d:\d\d:\d\d\.\d{6}$/.test(t)) return 'TIME';
    if (/^(\w+\/[\d.]+:\d+,?)+$/.test(t)) return 'HOSTPORTS';
    if (/^v\d+\.\d+\.\d+/.test(t)) return 'VERSION';
    if (/^\d+$/.test(t)) return 'N';
    return t.replace(/:\d+/g, ':N');
  });
  const sip = rest.join('\r\n');
  const start = sip.split('\r\n')[0] ?? '';
  const names = [...sip.matchAll(/^([A-Za-z-]+):/gm)].map((m) => m[1]).join(',');
  return [tokens.join('|'), start, names].join(' / ');
}

function frames(chunks: Chunk[], conn: number, dir: string): string[] {
  const d = new FrameDecoder(1 << 20);
  return chunks.filter((c) => c.conn === conn && c.dir === dir).flatMap((c) => d.push(Buffer.from(c.data)));
}

let target: Target;

beforeAll(async () => {
  target = await sipTarget({ secret: 'cymru' });
});
afterAll(() => target?.stop());

async function replay(label: string, conn: number, fromChunk = 0) {
  const chunks = load(label);
  const app = await rawApp(target.host, target.appPort);
  const mine = chunks.filter((c) => c.conn === conn && c.dir === 'app->server').slice(fromChunk);
  const appFrames = new FrameDecoder(1 << 20);
  const expectedResponses = frames(chunks, conn, 'server->app').filter((f) => f.split('|')[1] === 'response');
  const expectedFor = new Map(expectedResponses.map((f) => [f.split('\r\n')[0]?.split('|')[2], f]));
  const pairs: [string, string][] = [];
  for (const c of mine) {
    app.write(c.data);
    let sent: string[] = [];
    try {
      sent = appFrames.push(Buffer.from(c.data));
    } catch {
      // a deliberately broken prefix: nothing to pair
    }
    for (const f of sent) {
      const id = f.split('|')[0] ?? '';
      const exp = expectedFor.get(id);
      if (!exp) continue;
      const got = await waitResponse(app.frames, id, app.isClosed);
      pairs.push([normalise(got), normalise(exp)]);
    }
  }
  return {
    app,
    pairs,
    serverClosedInCapture: chunks.some((c) => c.conn === conn && c.data === 'server closed'),
  };
}

async function waitResponse(got: string[], id: string, closed: () => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const f = got.find((x) => x.split('\r\n')[0]?.split('|')[2] === id);
    if (f) return f;
    if (closed() && i > 2) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return `(no response to ${id})`;
}

describe.skipIf(loadTelephonyConfig().drachtio !== undefined)(
  'golden transcripts (sipd only: captures carry their own secret)',
  () => {
    it('a_connect_auth: wrong secret → NO|incorrect secret and close', async () => {
      const { app, pairs } = await replay('a_connect_auth', 1);
      expect(pairs).toHaveLength(1);
      for (const [got, exp] of pairs) expect(got).toBe(exp);
      await app.closed;
    });

    it('a_connect_auth: authenticate with tags, route burst, ping, remove_route', async () => {
      const { app, pairs } = await replay('a_connect_auth', 2);
      expect(pairs).toHaveLength(7);
      for (const [got, exp] of pairs) expect(got).toBe(exp);
      app.close();
    });

    it('j2_raw_probes: split length prefix, coalesced pings, unknown dialog/txn, minimal OPTIONS, bad method, unknown type', async () => {
      // chunks 0-1 are route/ping before authenticate, which sipd refuses on purpose (see README)
      const { app, pairs } = await replay('j2_raw_probes', 16, 2);
      expect(pairs).toHaveLength(8);
      for (const [got, exp] of pairs) expect(got).toBe(exp);
      await app.closed;
    });

    it('j2_raw_probes: a bad length prefix closes the connection without a reply', async () => {
      const { app } = await replay('j2_raw_probes', 17);
      await app.closed;
      expect(app.frames).toEqual([]);
    });
  },
);
