// Which outside tools the media e2e tests need and which of them this machine lacks. Kept free of
// heavy imports: the outer netns-suite test uses it to decide between running and a reasoned skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../chromium.ts';

export { CHROMIUM };

export type Tool = 'baresip' | 'rtpengine' | 'sox' | 'espeak-ng' | 'sipp' | 'chromium' | 'redis-server';

const onPath = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

/** The tools of `needed` that are not installed (empty when all are there). */
export function missingTools(needed: readonly Tool[]): Tool[] {
  return needed.filter((t) => (t === 'chromium' ? !existsSync(CHROMIUM) : !onPath(t)));
}

/** Every tool some media scenario needs. */
export const ALL_MEDIA_TOOLS: readonly Tool[] = [
  'baresip',
  'rtpengine',
  'sox',
  'espeak-ng',
  'sipp',
  'chromium',
  'redis-server',
];

/** Root with `unshare` and `ip` (iproute2): what a private network namespace needs. */
export function canUseNetns(): boolean {
  return process.getuid?.() === 0 && onPath('unshare') && onPath('ip');
}

/** Missing tools of a scenario file, announced once (the file's describe block then skips). */
export function skipUnless(scenario: string, needed: readonly Tool[]): boolean {
  const missing = missingTools(needed);
  if (missing.length) console.warn(`[media e2e] ${scenario} skipped: ${missing.join(', ')} not installed`);
  return missing.length > 0;
}
