import type { ConnectorManifest, KeptPost, UploadProgress, Variant } from '@socle/connector-sdk';
import type { Actor } from '@socle/platform-auth';
import type { OrganizationUnitOfWork } from '@socle/platform-database';

/** How a failed call is classified: the connector's error kind, or ACCOUNT when the account itself cannot be used. */
export type PublishFailureKind = 'AUTH_EXPIRED' | 'RATE_LIMITED' | 'REJECTED' | 'TRANSIENT' | 'UNKNOWN' | 'ACCOUNT';

/** A failed network call as the publishing part records it: never the network's body, never a secret. */
export interface PublishFailure {
  kind: PublishFailureKind;
  /** What failed, safe to show (the network's reason for a REJECTED answer, else the host and HTTP status). */
  message: string;
  /** RATE_LIMITED (sometimes TRANSIENT): when the network says to come back. */
  retryAfterSeconds?: number;
}

/**
 * One account, its credentials opened, ready to be called with no transaction
 * open. Each call resolves with its result or a `PublishFailure` (it never
 * throws a network error). Calls may run concurrently: the credentials are
 * refreshed at most once per preparation, concurrent refusals waiting for it.
 */
export interface PreparedAccount {
  readonly network: string;
  readonly manifest: ConnectorManifest;
  /** Whether the connector can tell whether a publish with a key already reached the network. */
  readonly canFindPublished: boolean;
  /**
   * `progress` receives the connector's upload reports (`ConnectorContext.progress`), when it makes any. The post is
   * as the platform keeps it (`checkPublishedPost`): an answer whose post id cannot be kept is an UNKNOWN failure.
   */
  publish(
    request: { idempotencyKey: string; variant: Variant },
    options?: { progress?: (report: UploadProgress) => void },
  ): Promise<{ post: KeptPost } | { failure: PublishFailure }>;
  /** Null when the connector cannot tell (`canFindPublished` false) or found nothing. */
  findPublished(request: {
    idempotencyKey: string;
    variant: Variant;
    publishedAfter?: string;
  }): Promise<{ post: KeptPost | null } | { failure: PublishFailure }>;
  delete(externalId: string): Promise<{ deleted: true } | { failure: PublishFailure }>;
  /**
   * The network refused the account's credentials: the account is flagged
   * NEEDS_REAUTH (audited) so a person reconnects it, unless it was reconnected
   * since these credentials were read. Its credentials are kept and it is never
   * disconnected.
   */
  flagNeedsReauth(ctx: PublisherCtx, message: string): Promise<void>;
}

export interface PublisherCtx {
  readonly uow: OrganizationUnitOfWork;
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
  readonly actor: Actor;
  readonly requestId?: string;
}

/**
 * The content module's way to a network account's connector. The accounts and
 * their sealed credentials belong to the community module (which depends on
 * this one), so it implements this port and the composition root provides it
 * as `CONTENT_PUBLISHER`.
 */
export interface ContentPublisher {
  /**
   * Reads the account and opens its credentials inside the unit of work's
   * tenant (another tenant's id is simply not found). A failure (unknown
   * account, connector not enabled, credentials that do not open, account not
   * OK) comes back as `{ failure }` with kind ACCOUNT or AUTH_EXPIRED.
   *
   * A refresh of refused credentials (see `PreparedAccount.publish`) runs in
   * `ctx`'s unit of work, unless `renewIn` gives it one of its own: a caller
   * that reads its accounts inside a transaction it goes on using (the
   * publishing worker's batch) keeps that transaction to itself.
   */
  prepare(
    ctx: PublisherCtx,
    accountId: string,
    options?: { renewIn?: <T>(work: (ctx: PublisherCtx) => Promise<T>) => Promise<T> },
  ): Promise<{ account: PreparedAccount } | { failure: PublishFailure }>;
}

export const CONTENT_PUBLISHER = Symbol('CONTENT_PUBLISHER');
