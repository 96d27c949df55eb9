import { randomBytes } from 'node:crypto';
import { createRedis, RedisClient } from './redis';
import { accountRateLimiterChecks } from '../test/account-rate-limiter.checks';

// The same checks run on a Redis Cluster of three masters: test/redis-cluster/.
describe('AccountRateLimiter on the real Redis', () => {
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-arl-${randomBytes(3).toString('hex')}`;
  const connections: RedisClient[] = [];
  afterAll(() => {
    for (const connection of connections) connection.disconnect();
  });

  accountRateLimiterChecks(
    () => {
      const redis = createRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, 'commands');
      connections.push(redis);
      return redis;
    },
    () => prefix,
  );
});
