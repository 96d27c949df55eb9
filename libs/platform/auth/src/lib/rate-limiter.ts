import type Redis from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

// Fixed window counter in one round trip: INCRBY, set the expiry on the first hit, read the TTL.
const SCRIPT = `
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {n, ttl}`;

interface LocalWindow {
  key: string;
  /** Count across all replicas at the last exchange with Redis. */
  known: number;
  /** Hits of this process not yet added in Redis. */
  pending: number;
  lastSync: number;
  endsAt: number;
}

/**
 * Rate limits shared by every API replica, kept in Redis (fixed windows).
 *
 * `exact` buckets (log-in attempts) ask Redis on every hit. Request buckets
 * count locally and add their hits to Redis in batches (at most `batch` hits or
 * `syncMs` apart), so a request costs no Redis round trip most of the time; a
 * replica can let through at most `batch` requests more than the limit.
 */
export class RateLimiter {
  private sha?: string;
  private readonly windows = new Map<string, LocalWindow>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: { batch?: number; syncMs?: number } = {},
  ) {}

  async hit(bucket: string, limit: number, windowSeconds = 60, exact = false): Promise<RateLimitResult> {
    const windowMs = windowSeconds * 1000;
    const now = Date.now();
    const windowId = Math.floor(now / windowMs);
    const key = `${this.prefix}:rl:${bucket}:${windowId}`;
    if (exact) {
      const [count, ttl] = await this.add(key, 1, windowMs);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    }
    let window = this.windows.get(bucket);
    if (!window || window.key !== key) {
      if (this.windows.size > 50_000) this.prune(now);
      window = { key, known: 0, pending: 0, lastSync: 0, endsAt: (windowId + 1) * windowMs };
      this.windows.set(bucket, window);
    }
    window.pending += 1;
    const batch = Math.max(1, Math.min(this.options.batch ?? 20, Math.floor(limit / 10)));
    if (window.pending >= batch || now - window.lastSync >= (this.options.syncMs ?? 250) || window.known + window.pending > limit) {
      const pending = window.pending;
      window.pending = 0;
      window.lastSync = now;
      const [count] = await this.add(key, pending, windowMs);
      window.known = Math.max(window.known, count);
    }
    const used = window.known + window.pending;
    return {
      allowed: used <= limit,
      remaining: Math.max(0, limit - used),
      retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
    };
  }

  private prune(now: number): void {
    for (const [bucket, window] of this.windows) if (window.endsAt <= now) this.windows.delete(bucket);
  }

  private async add(key: string, amount: number, windowMs: number): Promise<[number, number]> {
    try {
      this.sha ??= (await this.redis.script('LOAD', SCRIPT)) as string;
      return (await this.redis.evalsha(this.sha, 1, key, String(windowMs), String(amount))) as [number, number];
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      this.sha = undefined;
      return (await this.redis.eval(SCRIPT, 1, key, String(windowMs), String(amount))) as [number, number];
    }
  }
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
