// `npm run up`: build the browser console (console/dist) before the server starts; the server serves it at /.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const order = 5;

export async function start(ctx) {
  ctx.log('building the console (vite build)…');
  const r = spawnSync('npm', ['run', '-s', 'build', '-w', 'console'], {
    cwd: ctx.root,
    env: ctx.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('console build failed (npm run build -w console)');
  return {
    name: 'console',
    urls: [],
    notes: [`built into ${path.join('console', 'dist')}; served by the server at /`],
    stop: async () => {},
  };
}
