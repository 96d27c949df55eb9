/**
 * Publishing limits per network account, shared by every worker through Redis.
 *
 * BullMQ's own limiter is per queue; networks limit per account (Bluesky: record writes per
 * DID, Mastodon: statuses per account). Each window is a sliding log (a sorted set of the
 * times posts were taken), so no period of that length ever holds more than its limit,
 * whatever the network's own window alignment. A 429 from the network blocks the account
 * until its Retry-After, for every worker.
 *
 * `take` checks the block and every window and records the posts in one Lua script: it is
 * atomic, so concurrent workers never take more than the limit between them. Time is the
 * Redis server's (`TIME`), one clock for every worker.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { QUEUE_OPTIONS, QueueOptions, REDIS } from './queue';
import type { RedisClient } from './redis';

/** At most `limit` posts in any `windowSeconds`-long period (the SDK's `PublishRateWindow`). */
export interface AccountRateWindow {
  limit: number;
  windowSeconds: number;
}

export type AccountTakeResult =
  | { ok: true }
  /** `blocked`: the network answered 429 and the wait is not over; `limit`: a window is full. */
  | { ok: false; retryAfterMs: number; reason: 'blocked' | 'limit' };

export interface AccountTakeOptions {
  /** Posts this publish will create (a thread's parts). Default 1. */
  cost?: number;
}

/*
 * KEYS[1]: the block key; KEYS[2..]: one sorted set per window.
 * ARGV[1]: cost; ARGV[2]: member prefix (unique per call); then limit, window ms per window.
 * Returns 0 when taken, otherwise {kind, wait ms}: 1 = blocked, 2 = a window is full.
 */
const TAKE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local blocked = tonumber(redis.call('GET', KEYS[1]) or '0')
if blocked > now then return {1, blocked - now} end
local cost = tonumber(ARGV[1])
local wait = 0
for i = 2, #KEYS do
  local limit = tonumber(ARGV[1 + (i - 1) * 2])
  local window = tonumber(ARGV[2 + (i - 1) * 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  local count = redis.call('ZCARD', KEYS[i])
  if count + cost > limit then
    -- The oldest entries must leave first: this one is the last that must go.
    local rank = count + cost - limit - 1
    local entry = redis.call('ZRANGE', KEYS[i], rank, rank, 'WITHSCORES')
    local until_ms = tonumber(entry[2]) + window
    if until_ms - now > wait then wait = until_ms - now end
  end
end
if wait > 0 then return {2, wait} end
for i = 2, #KEYS do
  local window = tonumber(ARGV[2 + (i - 1) * 2])
  for n = 1, cost do redis.call('ZADD', KEYS[i], now, ARGV[2] .. ':' .. n) end
  redis.call('PEXPIRE', KEYS[i], window)
end
return 0`;

/* KEYS[1]: the block key; ARGV[1]: epoch ms until which the account is blocked. Never shortens a block. */
const BLOCK = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local target = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if target <= now or target <= current then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', target - now)
return 1`;

/* KEYS[1]: the block key. Returns the epoch ms the block ends, or 0. */
const BLOCKED_UNTIL = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local blocked = tonumber(redis.call('GET', KEYS[1]) or '0')
if blocked > now then return blocked end
return 0`;

const MAX_WINDOWS = 8;
/** Longer than any network documents (Bluesky's longest is a day); keeps a sorted set bounded. */
const MAX_WINDOW_SECONDS = 7 * 24 * 3600;
const MAX_LIMIT = 100_000;

function checkAccountId(accountId: string): void {
  // The id is a Redis Cluster hash tag: braces would move the keys to another slot.
  if (typeof accountId !== 'string' || !accountId || accountId.length > 200 || /[{}\s]/.test(accountId)) {
    throw new RangeError('account id must be a non-empty string without braces or spaces');
  }
}

function checkWindows(windows: readonly AccountRateWindow[], cost: number): void {
  if (!Array.isArray(windows) || windows.length > MAX_WINDOWS) throw new RangeError(`between 0 and ${MAX_WINDOWS} windows`);
  const seen = new Set<number>();
  for (const { limit, windowSeconds } of windows) {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw new RangeError(`window limit must be an integer from 1 to ${MAX_LIMIT}`);
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
      throw new RangeError(`windowSeconds must be an integer from 1 to ${MAX_WINDOW_SECONDS}`);
    }
    if (seen.has(windowSeconds)) throw new RangeError(`two windows of ${windowSeconds} s: give one limit per window length`);
    seen.add(windowSeconds);
    if (cost > limit) throw new RangeError(`a cost of ${cost} can never fit a window of ${limit}`);
  }
}

@Injectable()
export class AccountRateLimiter {
  private readonly prefix: string;
  private readonly shas = new Map<string, string>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(QUEUE_OPTIONS) options: Pick<QueueOptions, 'prefix'>,
  ) {
    // Under the queue prefix: a test run's keys are its own and removed with it.
    this.prefix = `${options.prefix}:account-rate`;
  }

  /**
   * Takes `cost` posts (default 1) from every window of `accountId`, or none when the account
   * is blocked or one window has no room: then `retryAfterMs` is how long until it would fit.
   */
  async take(accountId: string, windows: readonly AccountRateWindow[], options: AccountTakeOptions = {}): Promise<AccountTakeResult> {
    const cost = options.cost ?? 1;
    if (!Number.isInteger(cost) || cost < 1) throw new RangeError('cost must be a positive integer');
    checkAccountId(accountId);
    checkWindows(windows, cost);
    const keys = [this.blockKey(accountId), ...windows.map((window) => this.windowKey(accountId, window.windowSeconds))];
    const args = [
      String(cost),
      randomBytes(9).toString('base64url'),
      ...windows.flatMap((window) => [String(window.limit), String(window.windowSeconds * 1000)]),
    ];
    const result = (await this.run(TAKE, keys, args)) as 0 | [number, number];
    if (result === 0) return { ok: true };
    const [kind, wait] = result;
    return { ok: false, retryAfterMs: Math.max(1, Number(wait)), reason: kind === 1 ? 'blocked' : 'limit' };
  }

  /**
   * No post for `accountId` until `until` (the network's Retry-After). A later block replaces
   * an earlier one; an earlier one, or a date already past, changes nothing.
   */
  async blockUntil(accountId: string, until: Date): Promise<void> {
    checkAccountId(accountId);
    const time = until instanceof Date ? until.getTime() : Number.NaN;
    if (!Number.isFinite(time)) throw new RangeError('until must be a valid date');
    await this.run(BLOCK, [this.blockKey(accountId)], [String(Math.ceil(time))]);
  }

  /** When the current block of `accountId` ends, or null when it is not blocked. */
  async blockedUntil(accountId: string): Promise<Date | null> {
    checkAccountId(accountId);
    const until = Number(await this.run(BLOCKED_UNTIL, [this.blockKey(accountId)], []));
    return until > 0 ? new Date(until) : null;
  }

  // All keys of one account share the hash tag `{accountId}`: one Redis Cluster slot, so one script may touch them.
  private blockKey(accountId: string): string {
    return `${this.prefix}:{${accountId}}:blocked`;
  }

  private windowKey(accountId: string, windowSeconds: number): string {
    return `${this.prefix}:{${accountId}}:w${windowSeconds}`;
  }

  private async run(script: string, keys: string[], args: string[]): Promise<unknown> {
    // The script's SHA-1 is computed here rather than asked of SCRIPT LOAD: on a cluster each master has its own
    // script cache, and EVAL on a NOSCRIPT fills the cache of the master that holds the keys.
    let sha = this.shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      this.shas.set(script, sha);
    }
    try {
      return await this.redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      return this.redis.eval(script, keys.length, ...keys, ...args);
    }
  }
}
