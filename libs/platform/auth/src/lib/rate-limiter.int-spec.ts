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

  it('counts every hit in Redis and refuses the one over the limit, with the wait', async () => {
    const limiter = new RateLimiter(redis, prefix);
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
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await (i % 2 ? a : b).hit('shared', 5)).allowed);
    expect(outcomes).toEqual([true, true, true, true, true, false]);
  });
});

describe('RateLimiter leases on the real Redis', () => {
  let redis: Redis;
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-rl-${randomBytes(3).toString('hex')}`;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  afterAll(() => {
    redis.disconnect();
  });

  const counter = async (bucket: string) => {
    const keys = await redis.keys(`${prefix}:rl:${bucket}:*`);
    return keys.length ? Number(await redis.get(keys[0])) : 0;
  };

  it('reserves tokens in batches of 1 % of the limit and spends them locally', async () => {
    const limiter = new RateLimiter(redis, prefix);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('batch', 1000, { lease: true })).allowed).toBe(true);
    expect(await counter('batch')).toBe(10);
    for (let i = 0; i < 8; i++) await limiter.hit('batch', 1000, { lease: true });
    expect(await counter('batch')).toBe(20);
  });

  it('never lets replicas together exceed the limit', async () => {
    const replicas = [new RateLimiter(redis, prefix), new RateLimiter(redis, prefix), new RateLimiter(redis, prefix)];
    let allowed = 0;
    for (let i = 0; i < 600; i++) if ((await replicas[i % 3].hit('together', 400, { lease: true })).allowed) allowed += 1;
    // Each replica may hold back at most one unspent batch (4 tokens) of the 400.
    expect(allowed).toBeLessThanOrEqual(400);
    expect(allowed).toBeGreaterThanOrEqual(400 - 3 * 4);
  });

  it('counts small limits one by one even when leasing is asked', async () => {
    const limiter = new RateLimiter(redis, prefix);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.hit('small', 3, { lease: true })).allowed);
    expect(results).toEqual([true, true, true, false]);
  });
});
