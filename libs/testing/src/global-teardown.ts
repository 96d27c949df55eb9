import { rm } from 'node:fs/promises';
import { createRedis, deleteKeys, redisTargetOf } from '@socle/platform-queue';
import { dropTestDatabase } from './lib/test-database';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.SOCLE_TEST_DATABASE;
  if (database) await dropTestDatabase(database);
  if (process.env.SOCLE_TEST_MEDIA_DIR) await rm(process.env.SOCLE_TEST_MEDIA_DIR, { recursive: true, force: true });
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix && (process.env.REDIS_URL || process.env.REDIS_CLUSTER_NODES)) {
    const redis = createRedis(redisTargetOf(process.env), 'commands', { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      // Every key of the run starts with its prefix (BullMQ's as `<prefix>:{<queue>}`); on a cluster, on every master.
      // The brace form is what BullMQ's keys looked like before their hash tag named the queue.
      await deleteKeys(redis, [`${prefix}*`, `\\{${prefix}*`]);
    } finally {
      redis.disconnect();
    }
  }
}
