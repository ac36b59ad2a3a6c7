import { Redis } from 'ioredis';
import { createAcd } from './src/index.ts';

const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `dbg${Math.random().toString(36).slice(2, 8)}`;
const acd = createAcd({ redis, prefix, config: { wrapUpSec: 0 } });
const sha = (await redis.script('LOAD', 'return 1')) as string;
async function stat() {
  const s = (await redis.info('commandstats')) as string;
  const m = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(s)!;
  return [Number(m[1]), Number(m[2])];
}
async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const [c0, u0] = await stat();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const wall = (performance.now() - t) / n;
  const [c1, u1] = await stat();
  console.log(
    label,
    'wall ms',
    wall.toFixed(3),
    'redis usec/call',
    ((u1 - u0) / (c1 - c0)).toFixed(1),
    'calls',
    c1 - c0,
  );
}
try {
  for (let i = 0; i < 500; i++)
    await acd.agentLogin(`a${i}`, { name: 'x', skills: { 'lang:mandarin': 2, 'lang:sichuanese': 1 } });
  await measure('trivial', 300, () => redis.evalsha(sha, 0));
  await measure('error', 300, () => acd.setReady('nobody').catch(() => 0));
  await measure('notready', 300, (i) => acd.setNotReady('a0', i % 2 ? 'x' : 'y'));
  await measure('enqueue-nomatch', 3000, (i) =>
    acd.enqueueCall({
      callId: `w${i}`,
      queue: '12345',
      skills: i % 2 ? ['lang:mandarin'] : ['lang:sichuanese'],
      callerNumber: '1',
    }),
  );
  await measure('ready-match', 500, (i) => acd.setReady(`a${i}`));
  await measure('trivial', 300, () => redis.evalsha(sha, 0));
} finally {
  const ks = await redis.keys(`${prefix}:*`);
  if (ks.length) await redis.del(...ks);
  redis.disconnect();
}
