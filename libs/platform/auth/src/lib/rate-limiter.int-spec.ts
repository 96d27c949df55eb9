import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter on the real Redis', () => {
  let redis: Redis;
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-rl-${randomBytes(3).toString('hex')}`;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  afterAll(() => {
    redis.disconnect();
  });

  it('counts every hit in Redis in exact mode and refuses the one over the limit', async () => {
    const limiter = new RateLimiter(redis, prefix);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('exact', 3, 60, true));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0);
    const keys = await redis.keys(`${prefix}:rl:exact:*`);
    expect(Number(await redis.get(keys[0]))).toBe(4);
  });

  it('shares the count between replicas, letting through at most one batch each beyond the limit', async () => {
    const a = new RateLimiter(redis, prefix, { batch: 10, syncMs: 60_000 });
    const b = new RateLimiter(redis, prefix, { batch: 10, syncMs: 60_000 });
    let allowed = 0;
    for (let i = 0; i < 300; i++) if ((await (i % 2 ? a : b).hit('shared', 200)).allowed) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(200);
    expect(allowed).toBeLessThanOrEqual(200 + 2 * 10);
    // Most hits cost no Redis round trip: the stored count lags by less than a batch per replica.
    const [key] = await redis.keys(`${prefix}:rl:shared:*`);
    expect(Number(await redis.get(key))).toBeGreaterThan(300 - 2 * 10);
  });
});
