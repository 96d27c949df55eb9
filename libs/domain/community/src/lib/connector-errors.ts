import { ConnectorError, isConnectorError } from '@socle/connector-sdk';
import { DomainError, badInput } from '@socle/platform-errors';
import { scrub } from './connectors';
import type { NetworkAccountStatus } from './entities';
import type { StatusPatch } from './repositories';

type Secrets = Record<string, string | undefined>;

/**
 * A failure while connecting, as an API error. The network's words are kept
 * (they help the user) with every submitted secret scrubbed out of them.
 */
export function connectError(error: unknown, field: string, ...secrets: (Secrets | null | undefined)[]): DomainError {
  if (!isConnectorError(error)) return new DomainError('INTERNAL', 'Connecting the account failed unexpectedly; nothing was stored.');
  const reason = scrub(error.networkReason ?? error.message, ...secrets);
  switch (error.kind) {
    case 'AUTH_EXPIRED':
    case 'REJECTED':
      return badInput(field, `the network refused these credentials: ${reason}`);
    case 'RATE_LIMITED': {
      const retryAfterSeconds = error.retryAfterSeconds ?? 60;
      return new DomainError('RATE_LIMITED', `The network is limiting requests; retry in ${retryAfterSeconds} s. Nothing was stored.`, { retryAfterSeconds });
    }
    default:
      return new DomainError('INTERNAL', `The network did not answer properly (${reason}); nothing was stored. Try again.`);
  }
}

/**
 * A failed check as a status. Only a definitive authentication error asks the
 * user to reconnect; a timeout, a 5xx, a reset or anything unknown is ERROR (the
 * next check may succeed) and a 429 is RATE_LIMITED until the network says.
 */
export function statusOfFailure(error: unknown, now: Date, ...secrets: (Secrets | null | undefined)[]): StatusPatch {
  if (!(error instanceof ConnectorError)) {
    const name = error instanceof Error ? error.name : typeof error;
    return { status: 'ERROR', lastError: `unexpected failure (${scrub(name, ...secrets)})`, rateLimitedUntil: null };
  }
  const message = scrub(error.message, ...secrets);
  const status: NetworkAccountStatus = error.kind === 'AUTH_EXPIRED' ? 'NEEDS_REAUTH' : error.kind === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'ERROR';
  const rateLimitedUntil = status === 'RATE_LIMITED' ? new Date(now.getTime() + (error.retryAfterSeconds ?? 60) * 1000) : null;
  return { status, lastError: `${error.kind}: ${message}`, rateLimitedUntil };
}
