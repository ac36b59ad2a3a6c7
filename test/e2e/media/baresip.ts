// baresip as a citizen's phone (test-rig.md): plays a WAV as its microphone (aufile), records what it
// hears (sndfile, `*-dec.wav`), dials one number and quits after a bounded time. Stopped by PID.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freeUdpPort } from '../../../telephony/test/gateway/helpers/ports.ts';

export const haveBaresip = spawnSync('sh', ['-c', 'command -v baresip']).status === 0;

export interface Baresip {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
  /** WAV files sndfile wrote with the audio the phone received (decoded). */
  heardFiles(): string[];
  stop(): Promise<void>;
}

export async function startBaresip(o: {
  dir: string;
  caller: string;
  dial: string;
  sourceWav: string;
  quitAfterSec: number;
}): Promise<Baresip> {
  const port = await freeUdpPort();
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
      'module_path /usr/lib/baresip/modules',
      'module stdio.so',
      'module g711.so',
      'module aufile.so',
      'module alsa.so',
      'module sndfile.so',
      'module_app account.so',
      'module_app menu.so',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(o.dir, 'accounts'),
    `<sip:${o.caller}@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU,PCMA\n`,
  );
  let out = '';
  const child = spawn('baresip', ['-f', o.dir, '-t', String(o.quitAfterSec), '-e', `/dial ${o.dial}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return {
    child,
    out: () => out,
    exited,
    heardFiles: () =>
      readdirSync(rec)
        .filter((f) => f.endsWith('-dec.wav'))
        .map((f) => path.join(rec, f)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(t);
    },
  };
}
