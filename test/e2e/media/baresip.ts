// baresip as a citizen's phone (test-rig.md): plays a WAV as its microphone (aufile), records what it
// hears (sndfile, `*-dec.wav`), answers incoming calls by itself (answermode=auto) and is driven over
// ctrl_tcp (dial, hangup, quit; its call events are collected). `-t` bounds its life; stop() ends it
// by PID.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freeTcpPort, freeUdpPort } from '../../../telephony/test/gateway/helpers/ports.ts';

export const haveBaresip = spawnSync('sh', ['-c', 'command -v baresip']).status === 0;

export interface Baresip {
  child: ChildProcess;
  /** SIP port it listens on (127.0.0.1, UDP). */
  port: number;
  out: () => string;
  /** Types of the call events seen so far (CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED, …). */
  events: string[];
  /** Keys received as RFC 2833 telephone-events (CALL_DTMF_START events), in order. */
  dtmf: string[];
  exited: Promise<number | null>;
  dial(uri: string): Promise<void>;
  hangup(): Promise<void>;
  /** Hang up if needed, quit, and wait for the process to end (the recording is then complete). */
  quit(): Promise<void>;
  /** WAV files sndfile wrote with the audio the phone received (decoded). */
  heardFiles(): string[];
  /** Seconds of audio received so far on the current recording (it grows in real time). */
  heardSeconds(): number;
  stop(): Promise<void>;
}

function netstring(o: object): string {
  const body = JSON.stringify(o);
  return `${Buffer.byteLength(body)}:${body},`;
}

export async function startBaresip(o: {
  dir: string;
  caller: string;
  sourceWav: string;
  /** Upper bound on its life, seconds (it quits by itself then). */
  lifeSec: number;
  port?: number;
}): Promise<Baresip> {
  const port = o.port ?? (await freeUdpPort());
  const ctrlPort = await freeTcpPort();
  const rtpBase = 40000 + Math.floor(Math.random() * 200) * 100;
  const rec = path.join(o.dir, 'heard');
  mkdirSync(rec, { recursive: true });
  writeFileSync(
    path.join(o.dir, 'config'),
    [
      `sip_listen 127.0.0.1:${port}`,
      'net_interface 127.0.0.1',
      `rtp_ports ${rtpBase}-${rtpBase + 99}`,
      'audio_player alsa,null',
      `audio_source aufile,${o.sourceWav}`,
      'audio_alert alsa,null',
      `snd_path ${rec}`,
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      'module_path /usr/lib/baresip/modules',
      'module g711.so',
      'module aufile.so',
      'module alsa.so',
      'module sndfile.so',
      'module_app account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(o.dir, 'accounts'),
    `<sip:${o.caller}@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU,PCMA\n`,
  );
  let out = '';
  const child = spawn('baresip', ['-f', o.dir, '-t', String(o.lifeSec)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  const alive = () => child.exitCode === null && child.signalCode === null;

  // ctrl_tcp: netstring-framed JSON both ways; responses carry our token, events carry a type
  const sock = await connectCtrl(ctrlPort, alive, () => out);
  const events: string[] = [];
  const dtmf: string[] = [];
  const pending = new Map<string, (ok: boolean) => void>();
  let buf = '';
  sock.on('data', (d) => {
    buf += d.toString();
    for (;;) {
      const colon = buf.indexOf(':');
      if (colon < 0) return;
      const len = Number(buf.slice(0, colon));
      if (buf.length < colon + 1 + len + 1) return;
      const msg = JSON.parse(buf.slice(colon + 1, colon + 1 + len)) as {
        event?: boolean;
        type?: string;
        response?: boolean;
        ok?: boolean;
        token?: string;
        param?: string;
      };
      buf = buf.slice(colon + 1 + len + 1);
      if (msg.event && msg.type) events.push(msg.type);
      if (msg.event && msg.type === 'CALL_DTMF_START' && msg.param) dtmf.push(msg.param);
      if (msg.response && msg.token) pending.get(msg.token)?.(msg.ok === true);
    }
  });
  sock.on('error', () => undefined);
  let token = 0;
  const command = (cmd: string, params?: string) =>
    new Promise<void>((resolve, reject) => {
      const t = `t${++token}`;
      const timer = setTimeout(() => reject(new Error(`baresip ${cmd}: no answer\n${out}`)), 5000);
      pending.set(t, (ok) => {
        clearTimeout(timer);
        pending.delete(t);
        if (ok) resolve();
        else reject(new Error(`baresip ${cmd} failed\n${out}`));
      });
      sock.write(netstring({ command: cmd, token: t, ...(params ? { params } : {}) }));
    });

  const heardFiles = () =>
    readdirSync(rec)
      .filter((f) => f.endsWith('-dec.wav'))
      .sort()
      .map((f) => path.join(rec, f));
  return {
    child,
    port,
    out: () => out,
    events,
    dtmf,
    exited,
    dial: (uri) => command('dial', uri),
    hangup: () => command('hangup'),
    async quit() {
      if (!alive()) return;
      await command('quit').catch(() => undefined);
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
      sock.destroy();
    },
    heardFiles,
    heardSeconds() {
      const f = heardFiles().at(-1);
      return f ? Math.max(0, statSync(f).size - 44) / 16_000 : 0; // 8 kHz, 16-bit mono
    },
    async stop() {
      sock.destroy();
      if (!alive()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(t);
    },
  };
}

async function connectCtrl(port: number, alive: () => boolean, out: () => string): Promise<net.Socket> {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      return await new Promise<net.Socket>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => resolve(s));
        s.once('error', reject);
      });
    } catch (e) {
      if (!alive() || Date.now() > until)
        throw new Error(`baresip ctrl_tcp: ${(e as Error).message}\n${out()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
