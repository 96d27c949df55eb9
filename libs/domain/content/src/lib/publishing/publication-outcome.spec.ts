import { backoffMs, decideAfterFailure, DEFAULT_RETRY_POLICY } from './publication-outcome';

const now = new Date('2026-12-01T10:00:00.000Z');
const none = { transient: 0, rateLimited: 0 };

describe('what becomes of a publication after a failed attempt', () => {
  it('waits for the network’s Retry-After on RATE_LIMITED (plus at most a second of jitter), and does not count it as a failure', () => {
    const decision = decideAfterFailure(
      { kind: 'RATE_LIMITED', message: 'HTTP 429', retryAfterSeconds: 120 },
      { transient: 4, rateLimited: 0 },
      now,
      DEFAULT_RETRY_POLICY,
      () => 0.5,
    );
    expect(decision).toMatchObject({ status: 'SCHEDULED', outcome: 'RATE_LIMITED', flagAccount: false });
    expect(decision.retryAt?.getTime()).toBe(now.getTime() + 120_000 + 500);
  });

  it('gives up on a network that keeps limiting after many waits', () => {
    const decision = decideAfterFailure(
      { kind: 'RATE_LIMITED', message: 'HTTP 429' },
      { transient: 0, rateLimited: DEFAULT_RETRY_POLICY.maxRateLimitWaits },
      now,
    );
    expect(decision.status).toBe('FAILED');
  });

  it('backs off TRANSIENT failures exponentially with jitter, then FAILS with the reason after the last attempt', () => {
    const first = decideAfterFailure(
      { kind: 'TRANSIENT', message: 'example.org answered HTTP 502' },
      none,
      now,
      DEFAULT_RETRY_POLICY,
      () => 1,
    );
    expect(first).toMatchObject({ status: 'SCHEDULED', outcome: 'RETRY', message: 'example.org answered HTTP 502' });
    expect(first.retryAt?.getTime()).toBe(now.getTime() + 30_000);
    const third = decideAfterFailure(
      { kind: 'TRANSIENT', message: 'x' },
      { transient: 2, rateLimited: 0 },
      now,
      DEFAULT_RETRY_POLICY,
      () => 0,
    );
    expect(third.retryAt?.getTime()).toBe(now.getTime() + 60_000);
    const last = decideAfterFailure(
      { kind: 'UNKNOWN', message: 'timed out' },
      { transient: DEFAULT_RETRY_POLICY.maxTransientFailures - 1, rateLimited: 0 },
      now,
    );
    expect(last).toMatchObject({ status: 'FAILED', outcome: 'FAILED' });
    expect(last.message).toContain('gave up after 5 attempts: timed out');
  });

  it('keeps the jittered back-off between half and all of the capped value', () => {
    for (let failures = 1; failures < 12; failures++) {
      const cap = Math.min(DEFAULT_RETRY_POLICY.maxBackoffMs, DEFAULT_RETRY_POLICY.baseBackoffMs * 2 ** (failures - 1));
      expect(backoffMs(failures, DEFAULT_RETRY_POLICY, () => 0)).toBe(cap / 2);
      expect(backoffMs(failures, DEFAULT_RETRY_POLICY, () => 0.999999)).toBeLessThanOrEqual(cap);
    }
  });

  it('holds the publication and flags the account on AUTH_EXPIRED: never FAILED', () => {
    const decision = decideAfterFailure({ kind: 'AUTH_EXPIRED', message: 'HTTP 401' }, none, now);
    expect(decision).toMatchObject({ status: 'NEEDS_REAUTH', outcome: 'NEEDS_REAUTH', flagAccount: true });
    expect(decision.retryAt).toBeUndefined();
  });

  it('FAILS a REJECTED post at once with the network’s reason, and an unusable account with its own', () => {
    expect(decideAfterFailure({ kind: 'REJECTED', message: 'Text character limit of 500 exceeded' }, none, now)).toMatchObject({
      status: 'FAILED',
      flagAccount: false,
      message: 'the network refused the post: Text character limit of 500 exceeded',
    });
    expect(decideAfterFailure({ kind: 'ACCOUNT', message: 'the network account was disconnected' }, none, now)).toMatchObject({
      status: 'FAILED',
      message: 'the network account was disconnected',
    });
  });
});
