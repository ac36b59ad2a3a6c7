// startGateway: connect the drachtio-srf app to sipd (or a drachtio-server), wire REGISTER/INVITE/
// OPTIONS handlers, ring agents from the distributor's call.offered events, and return stop().

import path from 'node:path';
import { type AcdEvent, createAcd } from '@hotline/queue';
import Srf from 'drachtio-srf';
import { Redis } from 'ioredis';
import { type Logger, pino } from 'pino';
import { type GatewayConfig, type GatewayConfigInput, parseGatewayConfig } from '../../config.ts';
import { createCallRecords } from '../adapters/call-records.ts';
import { createCallerHistory } from '../adapters/caller-history.ts';
import { createRegistrationStore } from '../adapters/registrations.ts';
import { createTrunkAcl } from '../domain/trunk-acl.ts';
import { listenForDtmf } from '../media/dtmf-events.ts';
import { openMediaSink } from '../media/media-sink.ts';
import { createMediaEngine } from '../media/rtpengine.ts';
import { adoptBridgedCalls, adoptWaitingCalls, onStrayRequest } from './adopt-calls.ts';
import { authenticateAgent } from './agent-auth.ts';
import { CallRegistry } from './call-registry.ts';
import { onCallerDigit } from './caller-input.ts';
import type { GatewayContext } from './context.ts';
import { onTrunkInvite } from './inbound-handler.ts';
import { onAgentInvite } from './outbound-call.ts';
import { purgeRecordings } from './recordings.ts';
import { onRegister } from './registrar.ts';
import { onRefer } from './transfer.ts';

export interface SipEngineTarget {
  host: string;
  port: number;
  secret: string;
}

export interface GatewayHandle {
  ctx: GatewayContext;
  stop(): Promise<void>;
}

const DAY = 86_400_000;

function isFromBrowser(req: Srf.SrfRequest): boolean {
  return /^SIP\/2\.0\/WSS?\b/i.test(req.get('Via') ?? '');
}

async function connectSrf(target: SipEngineTarget, log: Logger): Promise<Srf> {
  const srf = new Srf();
  srf.on('error', (e: Error) => log.warn({ err: e.message }, 'SIP engine connection error'));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no SIP engine at ${target.host}:${target.port}`)), 10_000);
    srf.on('connect', (err) => {
      clearTimeout(t);
      if (err) reject(err);
      else resolve();
    });
    srf.connect({ host: target.host, port: target.port, secret: target.secret });
  });
  return srf;
}

export async function startGateway(
  input: GatewayConfigInput | Readonly<GatewayConfig>,
  engine: SipEngineTarget,
  opts: { logger?: Logger; now?: () => number } = {},
): Promise<GatewayHandle> {
  const cfg = parseGatewayConfig(input as GatewayConfigInput);
  const log = opts.logger ?? pino({ name: 'gateway', level: 'info' });
  const now = opts.now ?? Date.now;
  const redis = new Redis(cfg.redisUrl, { maxRetriesPerRequest: 3 });
  const eventsRedis = new Redis(cfg.redisUrl, { maxRetriesPerRequest: null });
  const acd = createAcd({ redis, prefix: cfg.acdPrefix, config: cfg.acd });
  const acdEvents = createAcd({ redis: eventsRedis, prefix: cfg.acdPrefix, config: cfg.acd });
  const media = createMediaEngine(cfg.rtpengine);
  const sink = await openMediaSink();
  const srf = await connectSrf(engine, log);
  const promptsDir = path.resolve(cfg.promptsDir);
  const ctx: GatewayContext = {
    cfg,
    srf,
    redis,
    acd,
    media,
    sink,
    regs: createRegistrationStore(redis, cfg.redisPrefix, cfg.instanceId),
    records: createCallRecords(redis, cfg.redisPrefix),
    history: createCallerHistory(redis, cfg.redisPrefix, {
      windowSec: cfg.repeatCallerWindowSec,
      abandonedRecallSec: cfg.abandonedRecallPrioritySec,
    }),
    acl: createTrunkAcl(cfg.trunkAllow),
    digest: {
      realm: cfg.realm,
      credentialSecret: cfg.credentialSecret,
      nonceSecret: cfg.nonceSecret,
      nonceTtlMs: cfg.nonceTtlSec * 1000,
    },
    policy: { utilities: cfg.utilities },
    calls: new CallRegistry(),
    log,
    now,
    prompt: (name) => path.join(promptsDir, `${name}.wav`),
  };
  ctx.onRefer = (call, req, res) => onRefer(ctx, call, req, res);
  // RFC 2833 keys detected by rtpengine (its dtmf-log-dest points here); only the caller's count.
  const dtmf = await listenForDtmf(
    cfg.dtmfListen,
    (e) => {
      const call = ctx.calls.inboundBySipCallId(e.sipCallId);
      if (call && e.sourceTag === call.init.callerTag) void onCallerDigit(call, e.digit, 'rtp');
    },
    (m) => log.debug({ bytes: m.length }, 'unreadable DTMF datagram from rtpengine dropped'),
  );

  const guard = (what: string, fn: () => Promise<void>, res: Srf.SrfResponse) =>
    fn().catch((e: Error) => {
      log.error({ err: e.message, what }, 'handler failed');
      if (!res.finalResponseSent) res.send(500);
    });
  srf.use('register', (req, res) => void guard('register', () => onRegister(ctx, req, res), res));
  srf.invite((req, res) => {
    if (isFromBrowser(req)) {
      void guard(
        'agent-invite',
        async () => {
          const who = authenticateAgent(ctx, req, res);
          if (who) await onAgentInvite(ctx, req, res, who);
        },
        res,
      );
    } else void guard('trunk-invite', () => onTrunkInvite(ctx, req, res), res);
  });
  srf.use('options', (_req, res) => res.send(200));
  // in-dialog requests for dialogs this process did not create (callers adopted after a restart)
  for (const m of ['bye', 'info'] as const) srf.use(m, (req, res) => onStrayRequest(ctx, req, res));

  // Ring agents from the event stream (offers made by any instance or by the sweeper).
  let running = true;
  const group = `gw-${cfg.instanceId}`;
  const handle = (e: AcdEvent) => {
    if (e.type === 'call.offered') {
      ctx.calls.inbound.get(e.callId)?.onOffer({
        offerId: e.offerId,
        callId: e.callId,
        agentId: e.agentId,
        queue: e.queue,
        priority: e.priority,
        kind: e.kind,
        callerNumber: e.callerNumber,
        callbackNumber: e.callbackNumber ?? null,
        expiresAt: e.expiresAt,
      });
    } else if (e.type === 'call.offer-expired') {
      ctx.calls.inbound.get(e.callId)?.onOfferExpired(e.offerId);
    }
  };
  const loop = (async () => {
    while (running) {
      try {
        const events = await acdEvents.readEvents({
          group,
          consumer: cfg.instanceId,
          blockMs: 500,
          startId: '$',
          count: 500,
        });
        for (const e of events) handle(e);
        if (events.length)
          await acdEvents.ackEvents(
            group,
            events.map((e) => e.id),
          );
      } catch (e) {
        if (!running) break;
        log.warn({ err: (e as Error).message }, 'reading distributor events failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  const stopSweeper = cfg.runAcdSweeper
    ? acd.startSweeper((e) => log.warn({ err: String(e) }, 'sweeper'))
    : () => {};
  const purge = async () => {
    const removed = await purgeRecordings(cfg.recordingsDir, now()).catch(() => []);
    if (removed.length) log.info({ removed: removed.length }, 'recordings past retention deleted');
  };
  void purge();
  const purgeTimer = setInterval(() => void purge(), DAY);
  purgeTimer.unref();
  log.info({ instance: cfg.instanceId, engine: `${engine.host}:${engine.port}` }, 'gateway connected');
  const adopted = await adoptWaitingCalls(ctx).catch((e: Error) => {
    log.error({ err: e.message }, 'adopting waiting calls failed');
    return 0;
  });
  const bridges = await adoptBridgedCalls(ctx).catch((e: Error) => {
    log.error({ err: e.message }, 'adopting bridged calls failed');
    return 0;
  });
  if (adopted || bridges) log.info({ adopted, bridges }, 'calls of the previous process taken over');

  return {
    ctx,
    async stop() {
      running = false;
      ctx.stopping = true;
      for (const call of ctx.calls.inbound.values()) if (call.agent?.ping) clearInterval(call.agent.ping);
      stopSweeper();
      clearInterval(purgeTimer);
      srf.disconnect();
      eventsRedis.disconnect();
      await loop;
      media.close();
      await sink.close();
      await dtmf.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
