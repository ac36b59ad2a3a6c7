// Serves the built agent console (console/dist, made by `npm run build -w console`) at `/` in
// production. Added by the console helper (the one static-serving registration in app.ts); skipped when
// no build exists (tests, development with the Vite dev server). Its routes are public: the console's
// own files carry no data; every API route keeps its permission.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const CONSOLE_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../console/dist',
);

export async function consoleStatic(app: FastifyInstance, opts: { root?: string } = {}) {
  const root = opts.root ?? CONSOLE_DIST;
  if (!existsSync(path.join(root, 'index.html'))) return;
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), permission: 'public' };
  });
  await app.register(fastifyStatic, { root, prefix: '/', index: 'index.html', maxAge: '1h' });
}
