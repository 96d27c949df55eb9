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

  constructor(kind: ConnectorErrorKind, message: string, details: ConnectorErrorDetails = {}) {
    super(message);
    this.name = 'ConnectorError';
    this.kind = kind;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.networkReason = details.networkReason;
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
