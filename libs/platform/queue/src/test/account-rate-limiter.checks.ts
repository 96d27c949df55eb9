import { randomUUID } from 'node:crypto';
import { AccountRateLimiter } from '../lib/account-rate-limiter';
import type { RedisClient } from '../lib/redis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The account rate limiter's checks, for any Redis (a single server, a cluster): call inside a `describe`.
 * `connect` opens a new connection (several, as several workers have: their commands really interleave at the
 * server); `prefix` is the suite's key prefix.
 */
export function accountRateLimiterChecks(connect: () => RedisClient, prefix: () => string): void {
  let redis: RedisClient;
  let limiter: AccountRateLimiter;

  beforeAll(() => {
    redis = connect();
    limiter = new AccountRateLimiter(redis, { prefix: prefix() });
  });

  it('50 concurrent takes from 10 workers with a limit of 10: exactly 10 succeed', async () => {
    const account = randomUUID();
    const workers = Array.from({ length: 10 }, () => new AccountRateLimiter(connect(), { prefix: prefix() }));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => workers[i % workers.length].take(account, [{ limit: 10, windowSeconds: 60 }])),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    for (const result of results.filter((entry) => !entry.ok)) {
      expect(result).toEqual({ ok: false, reason: 'limit', retryAfterMs: expect.any(Number) });
      if (!result.ok) {
        expect(result.retryAfterMs).toBeGreaterThan(55_000);
        expect(result.retryAfterMs).toBeLessThanOrEqual(60_000);
      }
    }
    // The sorted set holds exactly the ten posts taken.
    expect(await redis.zcard(`${prefix()}:account-rate:{${account}}:w60`)).toBe(10);
  });

  it('is a sliding window: a slot comes back when the oldest post leaves the window, not before', async () => {
    const account = randomUUID();
    const windows = [{ limit: 2, windowSeconds: 1 }];
    expect(await limiter.take(account, windows)).toEqual({ ok: true });
    await sleep(400);
    expect(await limiter.take(account, windows)).toEqual({ ok: true });
    const refused = await limiter.take(account, windows);
    expect(refused.ok).toBe(false);
    // The first post leaves the window about 600 ms from now.
    if (!refused.ok) {
      expect(refused.retryAfterMs).toBeGreaterThan(400);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(650);
      await sleep(refused.retryAfterMs + 30);
    }
    expect(await limiter.take(account, windows)).toEqual({ ok: true });
    // The second post is still inside: the window is full again.
    expect((await limiter.take(account, windows)).ok).toBe(false);
  });

  it('every window must have room, and a refusal takes from none of them', async () => {
    const account = randomUUID();
    const windows = [
      { limit: 3, windowSeconds: 1 },
      { limit: 4, windowSeconds: 60 },
    ];
    for (let i = 0; i < 3; i++) expect((await limiter.take(account, windows)).ok).toBe(true);
    expect((await limiter.take(account, windows)).ok).toBe(false);
    expect(await redis.zcard(`${prefix()}:account-rate:{${account}}:w60`)).toBe(3);
    await sleep(1050);
    // The short window has room again; the long one has one slot left.
    expect((await limiter.take(account, windows)).ok).toBe(true);
    const refused = await limiter.take(account, windows);
    expect(refused).toEqual({ ok: false, reason: 'limit', retryAfterMs: expect.any(Number) });
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(55_000);
  });

  it('a thread takes one slot per part, all or none', async () => {
    const account = randomUUID();
    const windows = [{ limit: 5, windowSeconds: 60 }];
    expect(await limiter.take(account, windows, { cost: 3 })).toEqual({ ok: true });
    expect((await limiter.take(account, windows, { cost: 3 })).ok).toBe(false);
    expect(await limiter.take(account, windows, { cost: 2 })).toEqual({ ok: true });
    expect((await limiter.take(account, windows)).ok).toBe(false);
    await expect(limiter.take(account, windows, { cost: 6 })).rejects.toThrow(RangeError);
  });

  it('blockUntil (a 429 with Retry-After) refuses every take until then, on every worker', async () => {
    const account = randomUUID();
    const other = new AccountRateLimiter(connect(), { prefix: prefix() });
    const windows = [{ limit: 100, windowSeconds: 60 }];
    await limiter.blockUntil(account, new Date(Date.now() + 800));
    const refused = await other.take(account, windows);
    expect(refused).toEqual({ ok: false, reason: 'blocked', retryAfterMs: expect.any(Number) });
    if (!refused.ok) {
      expect(refused.retryAfterMs).toBeGreaterThan(500);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(900);
    }
    expect((await other.blockedUntil(account))?.getTime()).toBeGreaterThan(Date.now());
    // A refused take while blocked records nothing.
    expect(await redis.zcard(`${prefix()}:account-rate:{${account}}:w60`)).toBe(0);
    await sleep(900);
    expect(await other.take(account, windows)).toEqual({ ok: true });
    expect(await other.blockedUntil(account)).toBeNull();
  });

  it('a shorter or past block never shortens a longer one; the key expires with the block', async () => {
    const account = randomUUID();
    await limiter.blockUntil(account, new Date(Date.now() + 60_000));
    await limiter.blockUntil(account, new Date(Date.now() + 1_000));
    await limiter.blockUntil(account, new Date(Date.now() - 1_000));
    const until = await limiter.blockedUntil(account);
    expect(until?.getTime()).toBeGreaterThan(Date.now() + 55_000);
    const ttl = await redis.pttl(`${prefix()}:account-rate:{${account}}:blocked`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    const refused = await limiter.take(account, [{ limit: 1, windowSeconds: 1 }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(55_000);
  });

  it('accounts and prefixes (parallel test runs, installations) never share counts', async () => {
    const account = randomUUID();
    const windows = [{ limit: 1, windowSeconds: 60 }];
    const elsewhere = new AccountRateLimiter(redis, { prefix: `${prefix()}-other` });
    expect(await limiter.take(account, windows)).toEqual({ ok: true });
    expect((await limiter.take(account, windows)).ok).toBe(false);
    expect(await elsewhere.take(account, windows)).toEqual({ ok: true });
    expect(await limiter.take(randomUUID(), windows)).toEqual({ ok: true });
    // Window keys expire once their window has passed.
    const ttl = await redis.pttl(`${prefix()}:account-rate:{${account}}:w60`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await redis.del(`${prefix()}-other:account-rate:{${account}}:w60`);
  });

  it('refuses what would break the keys or the windows', async () => {
    await expect(limiter.take('a}b', [{ limit: 1, windowSeconds: 1 }])).rejects.toThrow(RangeError);
    await expect(limiter.take('', [{ limit: 1, windowSeconds: 1 }])).rejects.toThrow(RangeError);
    await expect(limiter.take('x', [{ limit: 0, windowSeconds: 1 }])).rejects.toThrow(RangeError);
    await expect(limiter.take('x', [{ limit: 1, windowSeconds: 1.5 }])).rejects.toThrow(RangeError);
    await expect(
      limiter.take('x', [
        { limit: 1, windowSeconds: 5 },
        { limit: 2, windowSeconds: 5 },
      ]),
    ).rejects.toThrow(RangeError);
    await expect(limiter.blockUntil('x', new Date(Number.NaN))).rejects.toThrow(RangeError);
  });
}
