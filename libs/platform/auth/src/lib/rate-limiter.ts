import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in the current window once this one is counted (0 when refused). */
  remaining: number;
  /** Seconds until the current window ends and the budget is whole again (at least 1). */
  retryAfterSeconds: number;
  windowSeconds: number;
}

// Fixed window counter in one round trip: INCR, set the expiry on the first hit, read the TTL.
const SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {n, ttl}`;

// Computed here rather than asked of SCRIPT LOAD: on a Redis Cluster each master has its own script cache, and EVAL
// after a NOSCRIPT fills the cache of the master that holds the key.
const SCRIPT_SHA = createHash('sha1').update(SCRIPT).digest('hex');

/** Rate limits shared by every API replica, kept in Redis (a single server or a cluster). */
export class RateLimiter {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
  ) {}

  async hit(bucket: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
    const now = Date.now();
    const key = this.keyOf(bucket, windowSeconds, now);
    const windowMs = String(windowSeconds * 1000);
    let result: [number, number];
    try {
      result = (await this.redis.evalsha(SCRIPT_SHA, 1, key, windowMs)) as [number, number];
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      result = (await this.redis.eval(SCRIPT, 1, key, windowMs)) as [number, number];
    }
    const [count, ttl] = result;
    return this.resultOf(count, limit, windowSeconds, now, ttl);
  }

  /**
   * The budget as it stands, without counting a request (for an answer refused before its caller is known).
   * One GET.
   */
  async peek(bucket: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
    const now = Date.now();
    const count = Number((await this.redis.get(this.keyOf(bucket, windowSeconds, now))) ?? 0);
    return { ...this.resultOf(count, limit, windowSeconds, now, Infinity), allowed: count < limit };
  }

  // The bucket is the key's Redis Cluster hash tag: every key the platform writes has one (see the README's Redis Cluster).
  private keyOf(bucket: string, windowSeconds: number, now: number): string {
    return `${this.prefix}:rl:{${bucket}}:${Math.floor(now / (windowSeconds * 1000))}`;
  }

  private resultOf(count: number, limit: number, windowSeconds: number, now: number, ttl: number): RateLimitResult {
    // The window's counter is named after the window: a new one starts at the window's end, whatever the key's expiry.
    const untilNextWindow = windowSeconds * 1000 - (now % (windowSeconds * 1000));
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil(Math.min(ttl, untilNextWindow) / 1000)),
      windowSeconds,
    };
  }
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
