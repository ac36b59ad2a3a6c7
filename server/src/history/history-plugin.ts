import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import { countDeadLetters } from './dead-letters.ts';
import { startHistoryWriter } from './history-writer.ts';

/** Runs the history writer in this process when HISTORY_WRITER is on (default). */
export const historyPlugin = fp(
  async (app: FastifyInstance) => {
    // read at scrape time: the table is the one truth, whichever process set the letters aside
    new Gauge({
      name: 'hotline_history_dead_letters',
      help: 'Queue events the history writer set aside (history_dead_letter); above 0 needs a look',
      registers: [app.metricsRegistry],
      async collect() {
        this.set(await countDeadLetters(app.db).catch(() => Number.NaN));
      },
    });
    if (!app.config.historyWriter) return;
    const writer = startHistoryWriter({
      acd: app.acd,
      redis: app.redis,
      db: app.db,
      consumer: app.config.historyConsumer,
      onError: (err) => app.log.error({ err }, 'history writer'),
      onDeadLetter: (e, err) =>
        app.log.error(
          { err, streamId: e.id, type: e.type },
          'history writer: event set aside as a dead letter',
        ),
    });
    app.addHook('preClose', () => writer.stop());
  },
  { name: 'hotline-history' },
);
