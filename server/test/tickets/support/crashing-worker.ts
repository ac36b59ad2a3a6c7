// A worker process that takes one job of a queue and then hangs — killed by the test to simulate a
// crash while holding the job. argv: redisUrl prefix queueName lockMs
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const [redisUrl, prefix, queue, lockMs] = process.argv.slice(2) as [string, string, string, string];
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
new Worker(
  queue,
  async (job) => {
    process.stdout.write(`took ${job.id}\n`);
    await new Promise(() => undefined);
  },
  { connection, prefix, lockDuration: Number(lockMs), stalledInterval: Number(lockMs), concurrency: 1 },
);
process.stdout.write('ready\n');
