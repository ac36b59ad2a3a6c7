// Skills: an agent has named skills with levels 1..10; a call requires skills with a minimum level.
// Calls with the same queue and the same requirement form a "routing group" (one sorted set in
// Redis), so an agent who becomes ready only looks at the head of each group they can serve.

import { AcdError } from '../errors.ts';

export const LANGUAGES = {
  mandarin: 'lang:mandarin',
  sichuanese: 'lang:sichuanese',
  khams: 'lang:tibetan-khams',
} as const;

export const TOPICS = {
  enterprise: 'topic:enterprise',
  complaint: 'topic:complaint',
} as const;

export type SkillLevels = Readonly<Record<string, number>>;

const SKILL_NAME = /^[a-z0-9][a-z0-9:_.-]{0,63}$/;
export const MAX_LEVEL = 10;

/** Validates and normalises skill levels; `string[]` means "level ≥ 1" for each name. */
export function normalizeSkills(input: unknown, what: 'agent' | 'call'): SkillLevels {
  const entries: [string, number][] = [];
  if (Array.isArray(input)) {
    for (const name of input) entries.push([name as string, 1]);
  } else if (input && typeof input === 'object') {
    for (const [name, level] of Object.entries(input)) entries.push([name, level as number]);
  } else if (input !== undefined) {
    throw new AcdError('INVALID_INPUT', { field: `${what}.skills`, problem: 'expected object or array' });
  }
  const out: Record<string, number> = {};
  for (const [name, level] of entries) {
    if (typeof name !== 'string' || !SKILL_NAME.test(name)) {
      throw new AcdError('INVALID_INPUT', {
        field: `${what}.skills`,
        problem: `bad skill name ${String(name)}`,
      });
    }
    if (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL) {
      throw new AcdError('INVALID_INPUT', {
        field: `${what}.skills.${name}`,
        problem: 'level must be 1..10',
      });
    }
    out[name] = level;
  }
  return out;
}

/** Canonical text form "a=1,b=3" (sorted); also the Lua-side storage format. */
export function encodeSkills(skills: SkillLevels): string {
  return Object.keys(skills)
    .sort()
    .map((k) => `${k}=${skills[k]}`)
    .join(',');
}

export function decodeSkills(text: string): SkillLevels {
  const out: Record<string, number> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const i = part.lastIndexOf('=');
    out[part.slice(0, i)] = Number(part.slice(i + 1));
  }
  return out;
}

export function canServe(agent: SkillLevels, required: SkillLevels): boolean {
  return Object.entries(required).every(([k, min]) => (agent[k] ?? 0) >= min);
}

/** Tie-break score: the sum of the agent's levels in the skills the call needs. */
export function skillScore(agent: SkillLevels, required: SkillLevels): number {
  let s = 0;
  for (const k of Object.keys(required)) s += agent[k] ?? 0;
  return s;
}

export function routingGroup(queue: string, required: SkillLevels): string {
  return `${queue}|${encodeSkills(required)}`;
}
