import type { PublishFailure } from './content-publisher';
import type { AttemptOutcome, PublicationStatus } from './publication.entity';

export interface RetryPolicy {
  /** Retryable failures (TRANSIENT, UNKNOWN) before the publication FAILS. */
  maxTransientFailures: number;
  /** First back-off; doubled per failure, capped, with jitter. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Waits for the network's limit (429) before giving up. */
  maxRateLimitWaits: number;
  /** The wait when a 429 names none. */
  defaultRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTransientFailures: 5,
  baseBackoffMs: 30_000,
  maxBackoffMs: 15 * 60_000,
  maxRateLimitWaits: 20,
  defaultRetryAfterSeconds: 60,
};

/** What becomes of a publication after a failed attempt. */
export interface FailureDecision {
  status: Extract<PublicationStatus, 'SCHEDULED' | 'NEEDS_REAUTH' | 'FAILED'>;
  outcome: AttemptOutcome;
  /** SCHEDULED: when to try again. */
  retryAt?: Date;
  /** AUTH_EXPIRED: the account is flagged NEEDS_REAUTH. */
  flagAccount: boolean;
  /** The reason kept on the publication (and shown). */
  message: string;
}

/** Full jitter over the upper half: between half and all of the capped exponential back-off. */
export function backoffMs(failures: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const capped = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, failures - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}

/**
 * The rules of a failed publish. RATE_LIMITED waits for the network's
 * Retry-After; TRANSIENT and UNKNOWN back off with jitter, a bounded number of
 * times, then FAIL with the reason; AUTH_EXPIRED holds the publication
 * (NEEDS_REAUTH) and flags the account (never a silent FAILED, never a
 * disconnection); REJECTED and an unusable account FAIL with the reason shown.
 * `previous` counts the earlier failures of the same kind family.
 */
export function decideAfterFailure(
  failure: PublishFailure,
  previous: { transient: number; rateLimited: number },
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): FailureDecision {
  switch (failure.kind) {
    case 'RATE_LIMITED': {
      if (previous.rateLimited + 1 > policy.maxRateLimitWaits) {
        return {
          status: 'FAILED',
          outcome: 'FAILED',
          flagAccount: false,
          message: `still rate-limited after ${previous.rateLimited + 1} waits: ${failure.message}`,
        };
      }
      const seconds = failure.retryAfterSeconds ?? policy.defaultRetryAfterSeconds;
      // A little jitter so the publications of one account do not all come back in the same second.
      const wait = seconds * 1000 + Math.round(random() * 1000);
      return {
        status: 'SCHEDULED',
        outcome: 'RATE_LIMITED',
        retryAt: new Date(now.getTime() + wait),
        flagAccount: false,
        message: failure.message,
      };
    }
    case 'TRANSIENT':
    case 'UNKNOWN': {
      const failures = previous.transient + 1;
      if (failures >= policy.maxTransientFailures) {
        return {
          status: 'FAILED',
          outcome: 'FAILED',
          flagAccount: false,
          message: `gave up after ${failures} attempts: ${failure.message}`,
        };
      }
      const wait = Math.max(backoffMs(failures, policy, random), (failure.retryAfterSeconds ?? 0) * 1000);
      return {
        status: 'SCHEDULED',
        outcome: 'RETRY',
        retryAt: new Date(now.getTime() + wait),
        flagAccount: false,
        message: failure.message,
      };
    }
    case 'AUTH_EXPIRED':
      return {
        status: 'NEEDS_REAUTH',
        outcome: 'NEEDS_REAUTH',
        flagAccount: true,
        message: `the network refused the account's credentials; connect it again, then retry: ${failure.message}`,
      };
    case 'REJECTED':
      return { status: 'FAILED', outcome: 'FAILED', flagAccount: false, message: `the network refused the post: ${failure.message}` };
    case 'ACCOUNT':
    default:
      return { status: 'FAILED', outcome: 'FAILED', flagAccount: false, message: failure.message };
  }
}
