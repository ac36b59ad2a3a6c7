// createAcd: the thin adapter between the public API and the Lua scripts. Validates input, runs
// exactly one EVALSHA per command, and turns replies into views and typed errors.

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type AcdConfigInput, parseAcdConfig } from '../config.ts';
import { estimatedWaitSec } from '../domain/estimated-wait.ts';
import { rankOf } from '../domain/priority.ts';
import { encodeSkills, normalizeSkills, routingGroup } from '../domain/skills.ts';
import { AcdError, type AcdErrorCode, ERRORS } from '../errors.ts';
import { createEventReader } from '../events/read-events.ts';
import { registerScripts, type ScriptName } from '../redis/scripts.ts';
import type { CallView, Offer, StepResult } from '../types.ts';
import type { Acd } from './acd.ts';
import { keysFor } from './keys.ts';
import { createMetricsApi } from './metrics-api.ts';
import {
  checkId,
  checkMeta,
  checkNumber,
  checkPriority,
  checkQueue,
  checkQueues,
  checkText,
  checkTimeoutMs,
} from './validate.ts';
import { agentView, callView, offerView } from './views.ts';

export interface CreateAcdOptions {
  /** ioredis client; the ACD defines its script commands on it. */
  redis: Redis;
  /** Key prefix (default "acd"); use a hash tag such as "{acd}" on Redis Cluster. */
  prefix?: string;
  config?: AcdConfigInput;
  /** Epoch-ms clock (injectable for tests). */
  clock?: () => number;
}

type Hash = Record<string, string>;
interface Reply {
  ok?: unknown;
  offers?: Hash[] | Record<string, never>;
  err?: string;
  d?: Record<string, unknown>;
}

function isConnectionError(e: unknown): boolean {
  const m = String((e as Error)?.message ?? '');
  return (
    (e as Error)?.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|ECONNRESET|Stream isn't writeable|EPIPE/.test(m)
  );
}

export function createAcd(opts: CreateAcdOptions): Acd {
  const { redis } = opts;
  const prefix = opts.prefix ?? 'acd';
  if (!/^[A-Za-z0-9{}_.:-]{1,64}$/.test(prefix)) throw new AcdError('CONFIG_INVALID', { prefix });
  const config = parseAcdConfig(opts.config ?? {});
  const clock = opts.clock ?? Date.now;
  const keys = keysFor(prefix);
  const run = registerScripts(redis, config);
  const reader = createEventReader(redis, keys.events);
  const sweepers = new Set<() => void>();

  async function exec(name: ScriptName, args: (string | number)[], now = Math.floor(clock())) {
    let raw: string;
    try {
      raw = await run(name, keys.events, [prefix, now, randomUUID(), ...args]);
    } catch (e) {
      if (isConnectionError(e)) throw new AcdError('REDIS_UNAVAILABLE', { script: name }, e);
      throw e;
    }
    const reply = JSON.parse(raw) as Reply;
    if (reply.err) {
      const code = (reply.err in ERRORS ? reply.err : 'INVALID_INPUT') as AcdErrorCode;
      throw new AcdError(code, reply.d ?? {});
    }
    const offers: Offer[] = Array.isArray(reply.offers) ? reply.offers.map(offerView) : [];
    return { ok: reply.ok as never, offers, now };
  }

  const callStep = async (name: ScriptName, callId: string, args: (string | number)[] = []) => {
    const r = await exec(name, [checkId('callId', callId), ...args]);
    return { value: callView(callId, r.ok as Hash, r.now), offers: r.offers } satisfies StepResult<CallView>;
  };

  const acd: Acd = {
    prefix,
    config,
    eventsKey: keys.events,

    async agentLogin(agentId, input) {
      checkId('agentId', agentId);
      const name = checkText('name', input?.name, 100);
      const skills = encodeSkills(normalizeSkills(input?.skills ?? {}, 'agent'));
      const queues = checkQueues(input?.queues).join(',');
      const timeout = checkTimeoutMs(input?.offerTimeoutMs, Math.round(config.offerTimeoutSec * 1000));
      const r = await exec('agent_login', [agentId, name, skills, queues, timeout]);
      return agentView(agentId, r.ok as Hash);
    },
    async agentLogout(agentId) {
      const r = await exec('agent_logout', [checkId('agentId', agentId)]);
      return { value: agentView(agentId, r.ok as Hash), offers: r.offers };
    },
    async setReady(agentId) {
      const r = await exec('agent_ready', [checkId('agentId', agentId)]);
      return { value: agentView(agentId, r.ok as Hash), offers: r.offers };
    },
    async setNotReady(agentId, reason) {
      const r = await exec('agent_not_ready', [checkId('agentId', agentId), checkText('reason', reason, 64)]);
      return agentView(agentId, r.ok as Hash);
    },

    async enqueueCall(input) {
      const callId = checkId('callId', input?.callId);
      const queue = checkQueue(input.queue);
      const priority = checkPriority(input.priority);
      const skills = normalizeSkills(input.skills ?? {}, 'call');
      const callerNumber = checkNumber('callerNumber', input.callerNumber);
      const meta = JSON.stringify(checkMeta(input.meta));
      const now = Math.floor(clock());
      const rank = rankOf(now, priority, config.priorityBoostSec);
      const args = [callId, queue, priority, encodeSkills(skills), callerNumber, meta, rank];
      const r = await exec('enqueue', [...args, routingGroup(queue, skills)], now);
      const ok = r.ok as {
        state: string;
        agentId: string;
        offerId: string;
        offerExpiresAt: string;
        position: number;
        staffed: number;
      };
      const call: Hash = {
        queue,
        priority,
        kind: 'inbound',
        state: ok.state,
        skills: encodeSkills(skills),
        callerNumber,
        arrivedAt: String(now),
        agentId: ok.agentId,
        offerId: ok.offerId,
        offerExpiresAt: ok.offerExpiresAt,
        meta,
      };
      return {
        call: callView(callId, call, now),
        position: ok.position,
        estimatedWaitSec: estimatedWaitSec(ok.position, ok.staffed, config.estimatedAhtSec),
        offer: r.offers.find((o) => o.callId === callId) ?? null,
      };
    },
    async answer(callId, agentId) {
      return (await callStep('answer', callId, [checkId('agentId', agentId)])).value;
    },
    reject: (callId, agentId) => callStep('reject', callId, [checkId('agentId', agentId)]),
    abandon: (callId) => callStep('abandon', callId),
    hold: async (callId) => (await callStep('hold', callId, ['hold'])).value,
    resume: async (callId) => (await callStep('hold', callId, ['resume'])).value,
    endCall: (callId, by = 'agent') => {
      if (!['agent', 'caller', 'system'].includes(by)) throw new AcdError('INVALID_INPUT', { field: 'by' });
      return callStep('end_call', callId, [by]);
    },
    async requestCallback(callId, callbackNumber) {
      return (await callStep('callback', callId, [checkNumber('callbackNumber', callbackNumber)])).value;
    },
    requeueToHead: (callId, reason = 'connection-lost') =>
      callStep('requeue', callId, [checkText('reason', reason, 64)]),

    async tick(nowMs = clock()) {
      const r = await exec('tick', [config.sweepBatch], nowMs);
      const ok = r.ok as { expired: number; wrapped: number };
      return { expiredOffers: ok.expired, wrapUpsEnded: ok.wrapped, offers: r.offers };
    },
    startSweeper(onError = () => {}) {
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        acd
          .tick()
          .catch(onError)
          .finally(() => {
            busy = false;
          });
      }, config.sweepIntervalMs);
      timer.unref?.();
      const stop = () => {
        clearInterval(timer);
        sweepers.delete(stop);
      };
      sweepers.add(stop);
      return stop;
    },

    async getAgent(agentId) {
      const h = await redis.hgetall(keys.agent(checkId('agentId', agentId)));
      return Object.keys(h).length ? agentView(agentId, h) : null;
    },
    async getCall(callId) {
      const h = await redis.hgetall(keys.call(checkId('callId', callId)));
      return Object.keys(h).length ? callView(callId, h, clock()) : null;
    },
    async listAgents() {
      const ids = (await redis.smembers(keys.agents)).sort();
      const p = redis.pipeline();
      for (const id of ids) p.hgetall(keys.agent(id));
      const res = (await p.exec()) ?? [];
      return ids.map((id, i) => agentView(id, (res[i]?.[1] ?? {}) as Hash));
    },
    async listQueues() {
      return (await redis.smembers(keys.queues)).sort();
    },
    async queueSnapshot(queue, nowMs = clock()) {
      checkQueue(queue);
      const [ids, oldest] = await Promise.all([
        redis.zrange(keys.queue(queue), 0, -1),
        redis.zrange(keys.arrivals(queue), 0, 0, 'WITHSCORES'),
      ]);
      const p = redis.pipeline();
      for (const id of ids) p.hmget(keys.call(id), 'priority', 'kind', 'arrivedAt');
      const res = (await p.exec()) ?? [];
      const calls = ids.map((callId, i) => {
        const [priority, kind, arrivedAt] = (res[i]?.[1] ?? []) as string[];
        return {
          callId,
          priority: (priority ?? 'normal') as CallView['priority'],
          kind: (kind ?? 'inbound') as CallView['kind'],
          arrivedAt: Number(arrivedAt),
          position: i + 1,
        };
      });
      const longestWaitMs = oldest[1] === undefined ? 0 : Math.max(0, nowMs - Number(oldest[1]));
      return { queue, calls, waiting: calls.length, longestWaitMs };
    },
    async position(callId) {
      const h = await redis.hmget(keys.call(checkId('callId', callId)), 'queue', 'state');
      if (!h[0]) throw new AcdError('UNKNOWN_CALL', { callId });
      const [rank, staffed] = await Promise.all([
        redis.zrank(keys.queue(h[0]), callId),
        redis.scard(keys.staffed),
      ]);
      const position = rank === null ? 0 : rank + 1;
      return {
        callId,
        position,
        estimatedWaitSec: estimatedWaitSec(position, staffed, config.estimatedAhtSec),
      };
    },

    metrics: createMetricsApi(redis, keys, config, clock),
    readEvents: (o) => reader.readEvents(o),
    ackEvents: (g, ids) => reader.ackEvents(g, ids),
    readEventRange: (a, b, c) => reader.readEventRange(a, b, c),
    async close() {
      for (const stop of [...sweepers]) stop();
      await reader.close();
    },
  };
  return acd;
}
