import { rm } from 'node:fs/promises';
import Redis from 'ioredis';
import { dropTestDatabase } from './lib/test-database';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.SOCLE_TEST_DATABASE;
  if (database) await dropTestDatabase(database);
  if (process.env.SOCLE_TEST_MEDIA_DIR) await rm(process.env.SOCLE_TEST_MEDIA_DIR, { recursive: true, force: true });
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    // Rate-limit keys start with the run's prefix (or an app's prefix under it); BullMQ keys with it in braces.
    for (const pattern of [`${prefix}*`, `\\{${prefix}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    redis.disconnect();
  }
}
