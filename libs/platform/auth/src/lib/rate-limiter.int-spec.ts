import { randomBytes } from 'node:crypto';
import { createRedis, RedisClient } from '@socle/platform-queue';
import { RateLimiter } from './rate-limiter';

/** Fixed one-minute windows: start a sequence of hits well inside one, never across a boundary. */
async function insideOneWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('RateLimiter on the real Redis', () => {
  let redis: RedisClient;
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-rl-${randomBytes(3).toString('hex')}`;
  beforeAll(() => {
    redis = createRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, 'commands');
  });
  afterAll(() => {
    redis.disconnect();
  });

  it('counts every hit in Redis and refuses the one over the limit, with the wait', async () => {
    const limiter = new RateLimiter(redis, prefix);
    await insideOneWindow();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('exact', 3));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('shares one count between replicas', async () => {
    const a = new RateLimiter(redis, prefix);
    const b = new RateLimiter(redis, prefix);
    await insideOneWindow();
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await (i % 2 ? a : b).hit('shared', 5)).allowed);
    expect(outcomes).toEqual([true, true, true, true, true, false]);
  });

  it('says when the budget is whole again: the end of the current window, which a new counter starts', async () => {
    const limiter = new RateLimiter(redis, prefix);
    await insideOneWindow();
    const result = await limiter.hit('reset', 10);
    const untilNextWindow = Math.ceil((60_000 - (Date.now() % 60_000)) / 1000);
    expect(result).toMatchObject({ allowed: true, limit: 10, remaining: 9, windowSeconds: 60 });
    expect(Math.abs(result.retryAfterSeconds - untilNextWindow)).toBeLessThanOrEqual(1);
  });

  it('peeks at a budget without counting', async () => {
    const limiter = new RateLimiter(redis, prefix);
    await insideOneWindow();
    expect(await limiter.peek('peeked', 2)).toMatchObject({ allowed: true, limit: 2, remaining: 2 });
    await limiter.hit('peeked', 2);
    expect(await limiter.peek('peeked', 2)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.peek('peeked', 2)).toMatchObject({ allowed: true, remaining: 1 });
    await limiter.hit('peeked', 2);
    expect(await limiter.peek('peeked', 2)).toMatchObject({ allowed: false, remaining: 0 });
  });
});
