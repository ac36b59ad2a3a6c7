// Loads the Lua scripts once (prelude + lib + script) and registers them on the ioredis client with
// defineCommand: each call is one EVALSHA (ioredis falls back to EVAL once on NOSCRIPT).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { AcdConfig } from '../config.ts';
import { luaPrelude } from './prelude.ts';

export const SCRIPT_NAMES = [
  'agent_login',
  'agent_logout',
  'agent_ready',
  'agent_not_ready',
  'enqueue',
  'answer',
  'reject',
  'abandon',
  'hold',
  'end_call',
  'callback',
  'requeue',
  'tick',
] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];

const luaDir = new URL('./lua/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(`${name}.lua`, luaDir), 'utf8');
const LIB = read('lib');
const SOURCES = Object.fromEntries(SCRIPT_NAMES.map((n) => [n, read(n)])) as Record<ScriptName, string>;

export function scriptSource(name: ScriptName, config: AcdConfig): string {
  return `${luaPrelude(config)}\n${LIB}\n${SOURCES[name]}`;
}

export type ScriptRunner = (
  name: ScriptName,
  eventsKey: string,
  args: (string | number)[],
) => Promise<string>;

/** Registers every script on the client; returns a runner. Command names carry a hash of the
 *  source, so ACD instances with different configs can share one client. */
export function registerScripts(redis: Redis, config: AcdConfig): ScriptRunner {
  const names = {} as Record<ScriptName, string>;
  for (const name of SCRIPT_NAMES) {
    const lua = scriptSource(name, config);
    const cmd = `acd_${name}_${createHash('sha1').update(lua).digest('hex').slice(0, 12)}`;
    if (!(cmd in redis)) redis.defineCommand(cmd, { numberOfKeys: 1, lua });
    names[name] = cmd;
  }
  return (name, eventsKey, args) => {
    const fn = (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<string>>)[
      names[name]
    ]!;
    return fn.call(redis, eventsKey, ...args);
  };
}
