import { keptText } from './validation';

/** The typed errors every connector operation throws. Generic code reads `kind`, never the message. */
export type ConnectorErrorKind = 'AUTH_EXPIRED' | 'RATE_LIMITED' | 'REJECTED' | 'TRANSIENT' | 'UNKNOWN';

export interface ConnectorErrorDetails {
  /** Seconds to wait before retrying (RATE_LIMITED, sometimes TRANSIENT). */
  retryAfterSeconds?: number;
  /** The network's own words for a REJECTED or AUTH_EXPIRED answer. */
  networkReason?: string;
  /** HTTP status of the network's answer, when there was one. */
  status?: number;
}

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly retryAfterSeconds?: number;
  readonly networkReason?: string;
  readonly status?: number;

  /** The message and the network's reason (often the network's own words) are kept as text any store takes (`keptText`). */
  constructor(kind: ConnectorErrorKind, message: string, details: ConnectorErrorDetails = {}) {
    super(keptText(String(message)));
    this.name = 'ConnectorError';
    this.kind = kind;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.networkReason = typeof details.networkReason === 'string' ? keptText(details.networkReason) : undefined;
    this.status = details.status;
  }

  /** Whether retrying the same call later can succeed. */
  get retryable(): boolean {
    return this.kind === 'RATE_LIMITED' || this.kind === 'TRANSIENT';
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

const KINDS: readonly ConnectorErrorKind[] = ['AUTH_EXPIRED', 'RATE_LIMITED', 'REJECTED', 'TRANSIENT', 'UNKNOWN'];

/**
 * This copy's `ConnectorError` for an error thrown by another copy of the SDK: a plugin published as
 * its own package bundles the SDK it was built with, so its errors are not instances of this class.
 * Recognised by shape (`name` "ConnectorError" and a known `kind`); the details are kept only when
 * they are well formed. Anything else is returned unchanged.
 */
export function adoptConnectorError(error: unknown): unknown {
  if (error instanceof ConnectorError || !error || typeof error !== 'object') return error;
  const candidate = error as {
    name?: unknown;
    kind?: unknown;
    message?: unknown;
    retryAfterSeconds?: unknown;
    networkReason?: unknown;
    status?: unknown;
  };
  if (candidate.name !== 'ConnectorError' || !KINDS.includes(candidate.kind as ConnectorErrorKind)) return error;
  const retryAfter = candidate.retryAfterSeconds;
  const status = candidate.status;
  const adopted = new ConnectorError(
    candidate.kind as ConnectorErrorKind,
    typeof candidate.message === 'string' ? candidate.message.slice(0, 2000) : 'connector error',
    {
      retryAfterSeconds: typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
      networkReason: typeof candidate.networkReason === 'string' ? candidate.networkReason.slice(0, 2000) : undefined,
      status: typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined,
    },
  );
  return adopted;
}
