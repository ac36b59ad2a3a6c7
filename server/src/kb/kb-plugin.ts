// The knowledge-base feature: loads the search index (snapshot + incremental), seeds demo articles,
// runs the schedule timer (publication, expiry, index sync, snapshots) and registers the routes.
// ONE line in features.ts.
import type { FastifyInstance } from 'fastify';
import '../http/fastify-types.ts';
import { runSchedule } from './articles/run-schedule.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { articleRoutes } from './http/article-routes.ts';
import { correctionRoutes } from './http/correction-routes.ts';
import { searchRoutes } from './http/search-routes.ts';
import type { KbDeps } from './kb-deps.ts';
import { KbSearchService } from './search-service.ts';
import { loadSeedIfEmpty } from './seed/load-seed.ts';

export async function kbPlugin(app: FastifyInstance): Promise<void> {
  const c = app.config;
  const now = () => new Date();
  if (c.kbSeed === 'always' || (c.kbSeed === 'auto' && c.nodeEnv === 'development')) {
    const n = await loadSeedIfEmpty(app.db, now());
    if (n) app.log.info({ articles: n }, 'knowledge base: seed articles loaded');
  }
  const search = new KbSearchService(app.db);
  const report = await search.load();
  app.log.info(report, 'knowledge base: search index ready');

  // Other server instances keep their own index: a Redis message makes them sync at once
  // (the timer below is the fallback when a message is lost).
  const channel = `${c.redisPrefix}kb:changed`;
  const sub = app.redis.duplicate();
  sub.on('error', (e) => app.log.warn(e, 'knowledge base: change subscription error'));
  sub.on('message', () => {
    search.sync().catch((e) => app.log.error(e, 'knowledge base: sync after a change message failed'));
  });
  await sub.subscribe(channel);
  const changed = async () => {
    await search.sync();
    await app.redis
      .publish(channel, '1')
      .catch((e) => app.log.warn(e, 'knowledge base: change message not sent'));
  };

  const pending = new Set<Promise<unknown>>();
  const deps: KbDeps = {
    search,
    calendar: app.calendar.calendar,
    now,
    correctionDays: c.kbCorrectionDays,
    changed,
    track: (p) => {
      const tracked = p.catch((e) => app.log.error(e, 'knowledge base background job failed'));
      pending.add(tracked);
      void tracked.finally(() => pending.delete(tracked));
    },
  };

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runSchedule(app.db, now());
      await search.sync();
      await search.maybeSnapshot(Date.now(), { minChanges: c.kbSnapshotMinChanges });
      if (r.published || r.expired) app.log.info(r, 'knowledge base: schedule applied');
    } catch (e) {
      app.log.error(e, 'knowledge base: schedule run failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), c.kbScheduleIntervalMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await Promise.allSettled([...pending]);
    sub.disconnect();
  });

  await searchRoutes(app, deps);
  await articleRoutes(app, deps);
  await correctionRoutes(app, deps);
  await adminRoutes(app, deps);
}
