import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { startHistoryWriter } from './history-writer.ts';

/** Runs the history writer in this process when HISTORY_WRITER is on (default). */
export const historyPlugin = fp(
  async (app: FastifyInstance) => {
    if (!app.config.historyWriter) return;
    const writer = startHistoryWriter({
      acd: app.acd,
      redis: app.redis,
      db: app.db,
      consumer: app.config.historyConsumer,
      onError: (err) => app.log.error({ err }, 'history writer'),
    });
    app.addHook('preClose', () => writer.stop());
  },
  { name: 'hotline-history' },
);
