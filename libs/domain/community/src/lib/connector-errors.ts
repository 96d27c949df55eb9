import { ConnectorError, isConnectorError, isOutboundRefusedError } from '@socle/connector-sdk';
import { DomainError, badInput } from '@socle/platform-errors';
import { NetworkObservation, scrub } from './connectors';
import type { NetworkAccountStatus } from './entities';
import type { StatusPatch } from './repositories';

type Secrets = Record<string, string | undefined>;

/** `extensions.reason` of a URL refused because it leads to a private, loopback, link-local or metadata address. */
export const DESTINATION_NOT_ALLOWED = 'DESTINATION_NOT_ALLOWED';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the network';
  }
}

/**
 * What failed, in words that never come from the network's answer: a remote body
 * (an error page, a JSON error, a feed that is not one) may hold anything,
 * including what a service on the platform's own network answered, so it is not
 * repeated to the caller. The connector's own words are kept only when nothing
 * came back from the network during the call (they can then only be about the
 * input), and the HTTP client's when it raised the error itself (a timeout, a
 * refused connection: they name the target, not a body). Otherwise: the host and
 * the HTTP status.
 */
export function describeFailure(
  error: ConnectorError,
  url: string,
  observation: NetworkObservation | undefined,
  ...secrets: (Secrets | null | undefined)[]
): string {
  if (observation && (observation.raisedByClient(error) || observation.answers === 0)) {
    return scrub(observation.answers === 0 && error.networkReason ? error.networkReason : error.message, ...secrets);
  }
  const host = hostOf(url);
  if (error.status !== undefined) return `${host} answered HTTP ${error.status}`;
  return error.kind === 'TRANSIENT' ? `${host} did not answer completely` : `${host} answered something the connector cannot use`;
}

/** The refusal of a URL that leads where the platform does not connect. */
function destinationRefused(error: ConnectorError & { host: string; category: string }, field: string): DomainError {
  const message = `leads to ${error.host}, a ${error.category} address: the platform only connects to public addresses`;
  return new DomainError('BAD_USER_INPUT', `Invalid input. ${field}: ${message}`, {
    field,
    problems: [{ field, message }],
    reason: DESTINATION_NOT_ALLOWED,
  });
}

export interface ConnectFailure {
  /** The field the credentials came in (`input.fields`, `code`…). */
  field: string;
  /** The field of the URL the call went to, named when the destination is refused. */
  urlField: string;
  /** The URL the call went to; its host names the network in messages. */
  url: string;
  observation?: NetworkObservation;
}

/** A failure while connecting, as an API error: what failed and how to go on, never the network's answer, secrets scrubbed. */
export function connectError(error: unknown, failure: ConnectFailure, ...secrets: (Secrets | null | undefined)[]): DomainError {
  if (!isConnectorError(error)) return new DomainError('INTERNAL', 'Connecting the account failed unexpectedly; nothing was stored.');
  if (isOutboundRefusedError(error)) return destinationRefused(error, failure.urlField);
  const reason = describeFailure(error, failure.url, failure.observation, ...secrets);
  switch (error.kind) {
    case 'AUTH_EXPIRED':
    case 'REJECTED':
      return badInput(failure.field, `the network refused these credentials: ${reason}`);
    case 'RATE_LIMITED': {
      const retryAfterSeconds = error.retryAfterSeconds ?? 60;
      // The network's limit, not this caller's: a detail of the refusal, so no HTTP 429 / Retry-After of ours.
      return new DomainError('RATE_LIMITED', `The network is limiting requests; retry in ${retryAfterSeconds} s. Nothing was stored.`, {
        details: { retryAfterSeconds },
      });
    }
    default:
      // The platform worked; the network did not: a code of its own, so clients retry rather than report a bug.
      return new DomainError('UPSTREAM_UNAVAILABLE', `The network did not answer properly (${reason}); nothing was stored. Try again.`, {
        details: { networkErrorKind: error.kind },
      });
  }
}

/**
 * A failed check as a status. Only a definitive authentication error asks the
 * user to reconnect; a timeout, a 5xx, a reset or anything unknown is ERROR (the
 * next check may succeed) and a 429 is RATE_LIMITED until the network says.
 * `lastError` says what failed the way `describeFailure` does.
 */
export function statusOfFailure(
  error: unknown,
  now: Date,
  url: string,
  observation: NetworkObservation | undefined,
  ...secrets: (Secrets | null | undefined)[]
): StatusPatch {
  if (!(error instanceof ConnectorError)) {
    const name = error instanceof Error ? error.name : typeof error;
    return { status: 'ERROR', lastError: `unexpected failure (${scrub(name, ...secrets)})`, rateLimitedUntil: null };
  }
  const message = describeFailure(error, url, observation, ...secrets);
  const status: NetworkAccountStatus =
    error.kind === 'AUTH_EXPIRED' ? 'NEEDS_REAUTH' : error.kind === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'ERROR';
  const rateLimitedUntil = status === 'RATE_LIMITED' ? new Date(now.getTime() + (error.retryAfterSeconds ?? 60) * 1000) : null;
  return { status, lastError: `${error.kind}: ${message}`, rateLimitedUntil };
}
