import type Redis from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

// Fixed window counter in one round trip: INCR, set the expiry on the first hit, read the TTL.
const SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {n, ttl}`;

/** Rate limits shared by every API replica, kept in Redis. */
export class RateLimiter {
  private sha?: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(bucket: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
    const key = `${this.prefix}:rl:${bucket}:${Math.floor(Date.now() / (windowSeconds * 1000))}`;
    const windowMs = String(windowSeconds * 1000);
    let result: [number, number];
    try {
      this.sha ??= (await this.redis.script('LOAD', SCRIPT)) as string;
      result = (await this.redis.evalsha(this.sha, 1, key, windowMs)) as [number, number];
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      this.sha = undefined;
      result = (await this.redis.eval(SCRIPT, 1, key, windowMs)) as [number, number];
    }
    const [count, ttl] = result;
    return {
      allowed: count <= limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)),
    };
  }
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
