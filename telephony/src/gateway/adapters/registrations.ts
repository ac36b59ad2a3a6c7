// Agents' registrations in Redis, shared by every gateway instance:
//   <prefix>reg:<agentId>  hash  contact URI → {agentId, contact, firstSeenMs, expiresAtMs, instance}
// A refresh keeps firstSeenMs; the newest unexpired registration receives calls (pickRegistration).
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { pickRegistration, type Registration } from '../domain/registration-choice.ts';

const SCRIPT = readFileSync(new URL('./lua/register-contact.lua', import.meta.url), 'utf8');

export interface RegistrationStore {
  register(agentId: string, contact: string, expiresSec: number, nowMs?: number): Promise<Registration>;
  unregister(agentId: string, contact: string | '*'): Promise<void>;
  lookup(agentId: string, nowMs?: number): Promise<Registration | undefined>;
}

export function createRegistrationStore(redis: Redis, prefix: string, instance: string): RegistrationStore {
  const key = (agentId: string) => `${prefix}reg:${agentId}`;
  let sha: string | undefined;
  const run = async (keys: string[], args: (string | number)[]): Promise<string> => {
    sha ??= (await redis.script('LOAD', SCRIPT)) as string;
    try {
      return (await redis.evalsha(sha, keys.length, ...keys, ...args)) as string;
    } catch (e) {
      if (!String((e as Error).message).includes('NOSCRIPT')) throw e;
      sha = (await redis.script('LOAD', SCRIPT)) as string;
      return (await redis.evalsha(sha, keys.length, ...keys, ...args)) as string;
    }
  };
  return {
    async register(agentId, contact, expiresSec, nowMs = Date.now()) {
      const expiresAtMs = nowMs + expiresSec * 1000;
      const json = await run(
        [key(agentId)],
        [contact, nowMs, expiresAtMs, instance, agentId, expiresSec * 1000 + 60_000],
      );
      return JSON.parse(json) as Registration;
    },
    async unregister(agentId, contact) {
      if (contact === '*') await redis.del(key(agentId));
      else await redis.hdel(key(agentId), contact);
    },
    async lookup(agentId, nowMs = Date.now()) {
      const all = await redis.hvals(key(agentId));
      const regs: Registration[] = [];
      for (const v of all) {
        try {
          regs.push(JSON.parse(v) as Registration);
        } catch {
          // a corrupt entry is ignored (and overwritten by the next REGISTER)
        }
      }
      return pickRegistration(regs, nowMs);
    },
  };
}
