import type Redis from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface HitOptions {
  windowSeconds?: number;
  /**
   * Reserve tokens from Redis in small batches (1 % of the limit, at most 50) and
   * spend them locally: one Redis round trip per batch instead of per request. The
   * shared count in Redis never lets the replicas together exceed the limit; a
   * replica may refuse slightly early when others hold unspent tokens (at most one
   * batch each per window). Limits below 200 are always counted one by one, and
   * so are login attempts, which never use this.
   */
  lease?: boolean;
}

// Fixed window counter in one round trip: INCRBY, set the expiry on the first hit, read the TTL.
const SCRIPT = `
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {n, ttl}`;

const MAX_LEASE = 50;

interface Lease {
  window: number;
  tokens: number;
  /** Remaining in the window as Redis last said, less what was spent locally since. */
  remaining: number;
  /** When the current window ends (ms since epoch). */
  endsAt: number;
}

/** Rate limits shared by every API replica, kept in Redis. */
export class RateLimiter {
  private sha?: string;
  private readonly leases = new Map<string, Lease>();
  private leaseWindow = 0;

  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async hit(bucket: string, limit: number, options: HitOptions = {}): Promise<RateLimitResult> {
    const windowSeconds = options.windowSeconds ?? 60;
    const windowMs = windowSeconds * 1000;
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const batch = options.lease ? Math.min(MAX_LEASE, Math.floor(limit / 100)) : 1;
    if (batch <= 1) return this.reserve(bucket, window, windowMs, limit, 1).then((r) => r.result);

    if (window !== this.leaseWindow) {
      // A new window: every lease of the previous one has expired; this also bounds the map.
      this.leases.clear();
      this.leaseWindow = window;
    }
    const key = `${windowSeconds}:${bucket}`;
    const lease = this.leases.get(key);
    if (lease && lease.window === window && lease.tokens > 0) {
      lease.tokens -= 1;
      lease.remaining = Math.max(0, lease.remaining - 1);
      return { allowed: true, remaining: lease.remaining, retryAfterSeconds: Math.max(1, Math.ceil((lease.endsAt - now) / 1000)) };
    }
    const { result, granted, ttl } = await this.reserve(bucket, window, windowMs, limit, batch);
    if (granted > 1) {
      this.leases.set(key, { window, tokens: granted - 1, remaining: result.remaining, endsAt: now + ttl });
    } else {
      this.leases.delete(key);
    }
    return result;
  }

  /** Takes `count` tokens from the shared window counter; grants what fits under the limit. */
  private async reserve(bucket: string, window: number, windowMs: number, limit: number, count: number): Promise<{ result: RateLimitResult; granted: number; ttl: number }> {
    const key = `${this.prefix}:rl:${bucket}:${window}`;
    const args = [String(windowMs), String(count)];
    let reply: [number, number];
    try {
      this.sha ??= (await this.redis.script('LOAD', SCRIPT)) as string;
      reply = (await this.redis.evalsha(this.sha, 1, key, ...args)) as [number, number];
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      this.sha = undefined;
      reply = (await this.redis.eval(SCRIPT, 1, key, ...args)) as [number, number];
    }
    const [total, ttl] = reply;
    // Tokens of this reservation that fall under the limit (the counter may already be past it).
    const granted = Math.max(0, Math.min(count, limit - (total - count)));
    // What is left for this caller: the shared remainder plus the granted tokens it has not spent yet.
    const remaining = granted > 0 ? Math.max(0, limit - total) + granted - 1 : 0;
    return {
      result: { allowed: granted > 0, remaining, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) },
      granted,
      ttl,
    };
  }
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
