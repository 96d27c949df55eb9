import { randomBytes, randomUUID } from 'node:crypto';
import { JobQueues } from './queue';
import { createRedis, deleteKeys, RedisClient } from './redis';

describe('JobQueues.notStarted on the real Redis', () => {
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-jq-${randomBytes(3).toString('hex')}`;
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let redis: RedisClient;
  let queues: JobQueues;

  beforeAll(() => {
    redis = createRedis({ url }, 'commands');
    queues = new JobQueues(redis, { redis: { url }, prefix });
  });
  afterAll(async () => {
    await queues.onApplicationShutdown();
    await deleteKeys(redis, [`${prefix}:*`]);
    redis.disconnect();
  });

  it('names the jobs that wait (delayed or waiting), not one a worker took, one gone, or a key holding something else', async () => {
    const payload = { organizationId: randomUUID() };
    await queues.add('things', 'thing', payload, { jobId: 'job-delayed', delay: 60_000 });
    await queues.add('things', 'thing', payload, { jobId: 'job-waiting' });
    await queues.add('things', 'thing', payload, { jobId: 'job-taken' });
    const queue = queues.queue('things');
    // What BullMQ writes on a job a worker takes.
    await redis.hset(queue.toKey('job-taken'), 'processedOn', String(Date.now()));
    await redis.set(queue.toKey('job-not-a-job'), 'a string where a job would be');
    expect(await queues.notStarted('things', ['job-delayed', 'job-waiting', 'job-taken', 'job-gone', 'job-not-a-job'])).toEqual(
      new Set(['job-delayed', 'job-waiting']),
    );
    expect(await queues.notStarted('things', [])).toEqual(new Set());
  });
});
