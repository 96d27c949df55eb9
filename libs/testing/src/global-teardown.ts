import Redis from 'ioredis';
import { dropDatabase } from '@socle/platform-database';
import { adminUrl } from './lib/test-database';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.SOCLE_TEST_DATABASE;
  if (database) await dropDatabase(adminUrl(), database);
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}
