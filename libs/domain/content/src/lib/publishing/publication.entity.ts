import type { PublishFailureKind } from './content-publisher';

export const PUBLICATION_STATUSES = ['SCHEDULED', 'HELD', 'PUBLISHING', 'PUBLISHED', 'FAILED', 'CANCELLED', 'NEEDS_REAUTH'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** Statuses a publication can still leave towards the network (unscheduling cancels them). */
export const PENDING_STATUSES: readonly PublicationStatus[] = ['SCHEDULED', 'HELD', 'NEEDS_REAUTH'];

/** How far the media upload of the attempt under way (or the last one) got: bytes over all its attachments. */
export interface PublicationUpload {
  /** The attachment being sent (0-based). */
  media: number;
  mediaCount: number;
  sentBytes: number;
  totalBytes: number;
  /** When the connector reported it (ISO). */
  at: string;
}

/** One variant to one network account (`publications`). */
export interface PublicationEntity {
  organizationId: string;
  id: string;
  itemId: string;
  variantId: string | null;
  networkAccountId: string | null;
  network: string;
  dueAt: Date;
  nextAttemptAt: Date;
  status: PublicationStatus;
  idempotencyKey: string;
  leaseUntil: Date | null;
  leasedBy: string | null;
  attempts: number;
  externalId: string | null;
  externalUrl: string | null;
  publishedAt: Date | null;
  deletedAt: Date | null;
  lastErrorKind: PublishFailureKind | null;
  lastError: string | null;
  upload: PublicationUpload | null;
  /** The long form's publication this one waits for (a press release's short form): claimed once that one is PUBLISHED. */
  waitsFor: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PUBLICATION_COLUMNS = `organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key,
  lease_until, leased_by, attempts, external_id, external_url, published_at, deleted_at, last_error_kind, last_error, upload, waits_for, created_by, created_at, updated_at`;

export interface PublicationRow {
  organization_id: string;
  id: string;
  item_id: string;
  variant_id: string | null;
  network_account_id: string | null;
  network: string;
  due_at: Date;
  next_attempt_at: Date;
  status: PublicationStatus;
  idempotency_key: string;
  lease_until: Date | null;
  leased_by: string | null;
  attempts: number;
  external_id: string | null;
  external_url: string | null;
  published_at: Date | null;
  deleted_at: Date | null;
  last_error_kind: PublishFailureKind | null;
  last_error: string | null;
  upload: PublicationUpload | null;
  waits_for: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toPublication(r: PublicationRow): PublicationEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    itemId: r.item_id,
    variantId: r.variant_id,
    networkAccountId: r.network_account_id,
    network: r.network,
    dueAt: r.due_at,
    nextAttemptAt: r.next_attempt_at,
    status: r.status,
    idempotencyKey: r.idempotency_key,
    leaseUntil: r.lease_until,
    leasedBy: r.leased_by,
    attempts: r.attempts,
    externalId: r.external_id,
    externalUrl: r.external_url,
    publishedAt: r.published_at,
    deletedAt: r.deleted_at,
    lastErrorKind: r.last_error_kind,
    lastError: r.last_error,
    upload: r.upload ?? null,
    waitsFor: r.waits_for ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type AttemptOutcome = 'PUBLISHED' | 'FOUND' | 'RETRY' | 'RATE_LIMITED' | 'NEEDS_REAUTH' | 'FAILED' | 'ABANDONED' | 'SKIPPED';

export interface PublicationAttemptEntity {
  id: string;
  publicationId: string;
  number: number;
  worker: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: AttemptOutcome | null;
  errorKind: PublishFailureKind | null;
  message: string | null;
}

export interface CrisisPauseEntity {
  active: boolean;
  reason: string;
  pausedBy: string | null;
  pausedAt: Date;
  resumedBy: string | null;
  resumedAt: Date | null;
}

/** The deterministic idempotency key of a publication: every attempt sends the same one. */
export function idempotencyKeyOf(organizationId: string, publicationId: string): string {
  return `socle-${organizationId.replace(/-/g, '').slice(0, 12)}-${publicationId}`;
}
