// The integration rig for one test file: sipd (or DRACHTIO_* drachtio-server), a private rtpengine,
// real Redis under a random key prefix, the gateway, a distributor handle for the test, prompts
// with a short greeting. stop() ends everything it started and deletes its Redis keys.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Acd, createAcd } from '@hotline/queue';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { type GatewayConfigInput, loadTelephonyConfig } from '../../../src/config.ts';
import { type GatewayHandle, startGateway } from '../../../src/gateway/app/gateway.ts';
import { generatePrompts, PROMPT_SOX_FORMAT } from '../../../src/gateway/prompts/generate-prompts.ts';
import { type SipdHandle, startSipd } from '../../../src/index.ts';
import { startAgent, type TestAgent } from './agent.ts';
import { type Rtpengine, startRtpengine } from './rtpengine.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Rig {
  prefix: string;
  secret: string;
  sipd: SipdHandle | undefined;
  sip: { host: string; udp: number; ws: number };
  rtp: Rtpengine;
  gw: GatewayHandle;
  acd: Acd;
  redis: Redis;
  dir: string;
  cfg: GatewayConfigInput;
  agent(
    agentId: string,
    o?: {
      answer?: 'auto' | 'manual' | 'reject';
      offerTimeoutMs?: number;
      ready?: boolean;
      skills?: Record<string, number>;
    },
  ): Promise<TestAgent>;
  /** Take an agent out of rotation (not-ready) so later tests get their own agents. */
  retire(...agentIds: string[]): Promise<void>;
  /** retire every agent started so far (afterEach). */
  retireAll(): Promise<void>;
  restartGateway(): Promise<void>;
  stop(): Promise<void>;
}

let promptCache: string | undefined;
async function prompts(): Promise<string> {
  if (promptCache) return promptCache;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-test-prompts-'));
  // a short greeting keeps tests quick; everything else is generated as in production
  execFileSync('sox', [
    '-n',
    ...PROMPT_SOX_FORMAT,
    path.join(dir, 'greeting.wav'),
    'synth',
    '0.3',
    'sine',
    '600',
    'vol',
    '0.3',
  ]);
  await generatePrompts(dir);
  promptCache = dir;
  return dir;
}

export async function startRig(overrides: Partial<GatewayConfigInput> = {}): Promise<Rig> {
  const prefix = `test:gw:${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(16).toString('hex');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-rig-'));
  const ext = loadTelephonyConfig().drachtio;
  let sipd: SipdHandle | undefined;
  let engine: { host: string; port: number; secret: string };
  let sip: Rig['sip'];
  if (ext) {
    engine = ext;
    sip = { host: ext.host, udp: 5060, ws: 8088 };
  } else {
    sipd = await startSipd({
      host: '127.0.0.1',
      udpPort: 0,
      tcpPort: 0,
      wsPort: 0,
      wssPort: 0,
      appPort: 0,
      secret,
    });
    engine = { host: '127.0.0.1', port: sipd.ports.app, secret };
    sip = { host: '127.0.0.1', udp: sipd.ports.udp, ws: sipd.ports.ws };
  }
  const rtp = await startRtpengine();
  const cfg: GatewayConfigInput = {
    instanceId: `gw-${randomBytes(3).toString('hex')}`,
    redisUrl: REDIS_URL,
    redisPrefix: prefix,
    acdPrefix: `${prefix}acd`,
    rtpengine: { host: '127.0.0.1', port: rtp.ngPort, timeoutMs: 1000 },
    dtmfListen: { host: '127.0.0.1', port: rtp.dtmfPort },
    languageMenu: false,
    trunkAllow: ['127.0.0.1'],
    credentialSecret: secret,
    nonceSecret: `${secret}-nonce`,
    promptsDir: await prompts(),
    rtpengineRecordingDir: rtp.recordingDir,
    recordingsDir: path.join(dir, 'recordings'),
    announceEverySec: 0,
    agentPingMs: 500,
    acd: { wrapUpSec: 0, offerTimeoutSec: 3, sweepIntervalMs: 100 },
    ...overrides,
  };
  const logger = pino({ level: process.env.GW_TEST_LOG ?? 'silent' });
  let gw = await startGateway(cfg, engine, { logger });
  const redis = new Redis(REDIS_URL);
  const acd = createAcd({ redis, prefix: `${prefix}acd`, config: cfg.acd as never });
  const agents: TestAgent[] = [];
  return {
    prefix,
    secret,
    sipd,
    sip,
    rtp,
    get gw() {
      return gw;
    },
    acd,
    redis,
    dir,
    cfg,
    async agent(agentId, o = {}) {
      const a = await startAgent({
        server: `ws://${sip.host}:${sip.ws}`,
        agentId,
        secret,
        answer: o.answer ?? 'auto',
      });
      agents.push(a);
      await a.register();
      await acd.agentLogin(agentId, {
        name: agentId,
        skills: o.skills ?? {},
        ...(o.offerTimeoutMs ? { offerTimeoutMs: o.offerTimeoutMs } : {}),
      });
      if (o.ready !== false) await acd.setReady(agentId);
      return a;
    },
    async retire(...ids) {
      for (const id of ids) {
        const a = await acd.getAgent(id);
        if (a && (a.state === 'ready' || a.state === 'wrap-up'))
          await acd.setNotReady(id, 'test-done').catch(() => {});
      }
    },
    async retireAll() {
      // log every agent out (a pending offer returns to its queue) and close their browsers
      for (const a of agents.splice(0)) {
        await acd.agentLogout(a.agentId).catch(() => acd.setNotReady(a.agentId, 'test-done').catch(() => {}));
        await a.stop();
      }
    },
    async restartGateway() {
      await gw.stop();
      gw = await startGateway(cfg, engine, { logger });
    },
    async stop() {
      await this.retireAll();
      await gw.stop().catch(() => {});
      await rtp.stop();
      await sipd?.stop();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      await redis.quit();
      rmSync(dir, { recursive: true, force: true });
    },
  } as Rig;
}
