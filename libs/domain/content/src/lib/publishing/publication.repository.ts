import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import { LiveEvents } from '@socle/platform-queue';
import type { ContentCtx } from '../items/content-item.repository';
import type { PublishFailureKind } from './content-publisher';
import type { LinkTracking } from './utm';
import {
  AttemptOutcome,
  CrisisPauseEntity,
  PUBLICATION_COLUMNS,
  PublicationAttemptEntity,
  PublicationEntity,
  PublicationRow,
  PublicationStatus,
  PublicationUpload,
  toPublication,
} from './publication.entity';

export interface PublicationFilter {
  itemId?: string;
  status?: PublicationStatus;
  from?: Date;
  to?: Date;
}

export interface NewPublication {
  id: string;
  itemId: string;
  variantId: string;
  networkAccountId: string;
  network: string;
  dueAt: Date;
  status: 'SCHEDULED' | 'HELD';
  idempotencyKey: string;
  createdBy: string | null;
  /** The long form's publication, scheduled with it, that this one waits for (a press release's short form). */
  waitsFor?: string | null;
}

/** A publication waiting for a long form is due only once that one is PUBLISHED (`alias` names the publication). */
const longFormLive = (alias: string) =>
  `(${alias}.waits_for IS NULL OR EXISTS (SELECT 1 FROM publications w WHERE w.organization_id = $1 AND w.id = ${alias}.waits_for AND w.status = 'PUBLISHED'))`;

/** An organisation the sweeper found: the earliest due time of its due publications (null: none), and whether a lease expired. */
export interface DueOrganization {
  organizationId: string;
  earliestDue: Date | null;
  leaseExpired: boolean;
}

export interface Claimed {
  publication: PublicationEntity;
  /** SCHEDULED, or PUBLISHING when an expired lease was taken over (its worker may have reached the network). */
  previousStatus: PublicationStatus;
  attemptNumber: number;
}

/** A variant as a batch sends it, with the library facts of the media it lists (by id; one missing left the library). */
export interface VariantToSend {
  text: string;
  linkUrl: string | null;
  mediaIds: string[];
  /** The network's own settings, as the connector takes them (`Variant.options`). */
  options: Record<string, string | number | boolean>;
  media: Map<string, { id: string; storageKey: string; contentType: string; byteSize: number }>;
}

export interface RecordPatch {
  status: PublicationStatus;
  nextAttemptAt?: Date;
  externalId?: string | null;
  externalUrl?: string | null;
  lastErrorKind: PublishFailureKind | null;
  lastError: string | null;
}

const P = PUBLICATION_COLUMNS.split(',')
  .map((c) => `p.${c.trim()}`)
  .join(', ');

/** The live events' topic of publications (`publicationChanged`). */
export const PUBLICATION_TOPIC = 'publication';

/** Why a publication's event was sent: created (scheduled or held), its status moved, or its post deleted at the network. */
export type PublicationChange = 'CREATED' | 'STATUS_CHANGED' | 'DELETED' | 'UPLOAD_PROGRESS';

type PublicationFacts = Pick<PublicationEntity, 'id' | 'itemId' | 'network' | 'status'> &
  Partial<Pick<PublicationEntity, 'externalUrl' | 'lastErrorKind' | 'upload'>>;

/**
 * The conditions of a filter on `publications` ($1 is the organisation),
 * shared by a page and the count of the whole list so both keep the same publications.
 */
function publicationFilter(ctx: ContentCtx, filter: PublicationFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['organization_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.itemId) add('item_id = ?', filter.itemId);
  if (filter.status) add('status = ?', filter.status);
  if (filter.from) add('due_at >= ?', filter.from);
  if (filter.to) add('due_at < ?', filter.to);
  return { where, params };
}

/**
 * The only place that queries publications, their attempts and the crisis
 * pause; always inside the caller's tenant. Every publication created or whose
 * status moves is announced to live subscribers once its transaction commits.
 */
/** A publication that went out, as lists of what was published show it. */
export interface PublishedPiece {
  id: string;
  network: string;
  networkAccountId: string | null;
  url: string;
  publishedAt: Date;
  title: string;
  excerpt: string;
}

@Injectable()
export class PublicationRepository {
  constructor(private readonly live: LiveEvents) {}

  private announce(ctx: ContentCtx, change: PublicationChange, publications: readonly PublicationFacts[]): void {
    this.live.afterCommit(
      ctx.uow,
      publications.map((p) => ({
        topic: PUBLICATION_TOPIC,
        organizationId: ctx.uow.organizationId,
        id: p.id,
        change,
        fields: {
          itemId: p.itemId,
          network: p.network,
          status: p.status,
          externalUrl: p.externalUrl ?? null,
          lastErrorKind: p.lastErrorKind ?? null,
          ...(change === 'UPLOAD_PROGRESS' && p.upload ? { sentBytes: p.upload.sentBytes, totalBytes: p.upload.totalBytes } : {}),
        },
      })),
    );
  }

  private changed(ctx: ContentCtx, rows: readonly PublicationRow[], change: PublicationChange = 'STATUS_CHANGED'): PublicationEntity[] {
    const publications = rows.map(toPublication);
    this.announce(ctx, change, publications);
    return publications;
  }
  /**
   * How far the upload of a publication being sent got, kept only while this claim (`token`) still holds it;
   * announced live (UPLOAD_PROGRESS). False when the claim was lost or the publication settled meanwhile.
   */
  async recordUpload(ctx: ContentCtx, id: string, token: string, upload: PublicationUpload): Promise<boolean> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET upload = $4::jsonb
          WHERE organization_id = $1 AND id = $2 AND leased_by = $3 AND status = 'PUBLISHING'
        RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, id, token, JSON.stringify(upload)],
    );
    this.announce(ctx, 'UPLOAD_PROGRESS', rows.map(toPublication));
    return rows.length > 0;
  }

  async find(ctx: ContentCtx, id: string): Promise<PublicationEntity | null> {
    const [row] = await ctx.uow.query<PublicationRow>(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ? toPublication(row) : null;
  }

  /**
   * What went out in [from, to): published, with an address, oldest first, each with its variant's title and excerpt
   * (the `title` and `excerpt` settings, else the item's title and the text's start). For lists of what was published
   * (the blog digest); the caller keeps the networks it wants.
   */
  publishedBetween(uow: OrganizationUnitOfWork, from: Date, to: Date, limit: number): Promise<PublishedPiece[]> {
    return uow.query<PublishedPiece>(
      `SELECT p.id, p.network, p.network_account_id AS "networkAccountId", p.external_url AS url, p.published_at AS "publishedAt",
              coalesce(nullif(v.options->>'title', ''), i.title) AS title,
              coalesce(nullif(v.options->>'excerpt', ''), left(v.text, 600)) AS excerpt
         FROM publications p
         JOIN content_variants v ON v.organization_id = p.organization_id AND v.id = p.variant_id
         JOIN content_items i ON i.organization_id = p.organization_id AND i.id = p.item_id
        WHERE p.organization_id = $1 AND p.status = 'PUBLISHED' AND p.deleted_at IS NULL AND p.external_url IS NOT NULL
          AND p.published_at >= $2 AND p.published_at < $3
        ORDER BY p.published_at, p.id LIMIT $4`,
      [uow.organizationId, from, to, limit],
    );
  }

  async ofItem(ctx: ContentCtx, itemId: string): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE organization_id = $1 AND item_id = $2 ORDER BY created_at, id`,
      [ctx.uow.organizationId, itemId],
    );
    return rows.map(toPublication);
  }

  async page(ctx: ContentCtx, filter: PublicationFilter, page: KeysetPage): Promise<PublicationEntity[]> {
    const { where, params } = publicationFilter(ctx, filter);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(due_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    const rows = await ctx.uow.query<PublicationRow>(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE ${where.join(' AND ')} ORDER BY due_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toPublication);
  }

  /** How many publications the filter keeps, all pages together. */
  async count(ctx: ContentCtx, filter: PublicationFilter): Promise<number> {
    const { where, params } = publicationFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM publications WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  async insert(ctx: ContentCtx, rows: NewPublication[]): Promise<void> {
    for (const r of rows) {
      await ctx.uow.execute(
        `INSERT INTO publications (organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, created_by, waits_for)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11)`,
        [
          ctx.uow.organizationId,
          r.id,
          r.itemId,
          r.variantId,
          r.networkAccountId,
          r.network,
          r.dueAt,
          r.status,
          r.idempotencyKey,
          r.createdBy,
          r.waitsFor ?? null,
        ],
      );
    }
    this.announce(ctx, 'CREATED', rows);
  }

  /**
   * Claims up to `limit` of the organisation's due publications for one attempt
   * each, soonest first, in one statement: each must be SCHEDULED and due (or
   * PUBLISHING with an expired lease), its organisation not paused and its item
   * still to be published. Rows are locked with SKIP LOCKED as they come out of
   * the ordered scan, so concurrent claims share the due publications and of
   * several workers exactly one gets each. Every claimed row gets the same lease
   * token, and its attempt is recorded in the same statement; an earlier attempt
   * left unfinished (its worker died) is marked ABANDONED. `only` restricts the
   * claim to one publication. `more` says whether due publications were left
   * (the batch was full, or other workers hold some): the caller wakes the
   * organisation again.
   */
  async claimBatch(
    ctx: ContentCtx,
    leaseMs: number,
    token: string,
    limit: number,
    only?: string,
  ): Promise<{ claimed: Claimed[]; more: boolean }> {
    const params: unknown[] = [ctx.uow.organizationId, leaseMs, token, limit];
    if (only) params.push(only);
    const rows = await ctx.uow.prepared<PublicationRow & { previous_status: PublicationStatus; more: boolean }>(
      only ? 'publishing_claim_one' : 'publishing_claim_batch',
      `WITH target AS (
         SELECT p.id, p.status AS previous_status FROM publications p
          WHERE p.organization_id = $1${only ? ' AND p.id = $5' : ''}
            AND ((p.status = 'SCHEDULED' AND p.next_attempt_at <= now() AND ${longFormLive('p')}) OR (p.status = 'PUBLISHING' AND p.lease_until < now()))
            AND NOT EXISTS (SELECT 1 FROM publishing_pauses z WHERE z.organization_id = $1 AND z.active)
            AND EXISTS (SELECT 1 FROM content_items i WHERE i.organization_id = $1 AND i.id = p.item_id AND i.status IN ('SCHEDULED', 'PUBLISHING', 'FAILED'))
          ORDER BY p.next_attempt_at, p.id LIMIT $4
          FOR UPDATE OF p SKIP LOCKED),
       claimed AS (
         UPDATE publications p SET status = 'PUBLISHING', lease_until = now() + make_interval(secs => $2::float8 / 1000), leased_by = $3,
                attempts = p.attempts + 1, upload = NULL, updated_at = now()
           FROM target WHERE p.organization_id = $1 AND p.id = target.id
         RETURNING ${P}, target.previous_status),
       abandoned AS (
         UPDATE publication_attempts a SET finished_at = clock_timestamp(), outcome = 'ABANDONED', message = 'the worker making this attempt stopped before recording its result'
           FROM claimed WHERE a.organization_id = $1 AND a.publication_id = claimed.id AND a.finished_at IS NULL),
       attempt AS (
         INSERT INTO publication_attempts (organization_id, publication_id, number, worker)
         SELECT $1, claimed.id, claimed.attempts, $3 FROM claimed)
       SELECT claimed.*, ${
         only
           ? 'false'
           : `EXISTS (SELECT 1 FROM publications q WHERE q.organization_id = $1 AND q.status = 'SCHEDULED' AND q.next_attempt_at <= now()
                         AND ${longFormLive('q')} AND q.id NOT IN (SELECT id FROM target))`
       } AS more
         FROM claimed`,
      params,
    );
    const claimed = rows.map((row) => ({
      publication: toPublication(row),
      previousStatus: row.previous_status,
      attemptNumber: row.attempts,
    }));
    this.announce(
      ctx,
      'STATUS_CHANGED',
      claimed.filter((c) => c.previousStatus !== 'PUBLISHING').map((c) => c.publication),
    );
    return {
      claimed,
      more: rows.some((row) => row.more),
    };
  }

  /**
   * Due SCHEDULED publications of the organisation whose item left the
   * schedule without them (a move made behind the publishing part's back) are
   * cancelled: a wake-up by organisation finds nothing to claim for them and
   * would otherwise leave them due for ever. Returns how many.
   */
  async cancelStaleDue(ctx: ContentCtx): Promise<number> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications p SET status = 'CANCELLED', last_error_kind = NULL, updated_at = now(),
              last_error = 'its content item is ' || coalesce((SELECT i.status FROM content_items i WHERE i.organization_id = $1 AND i.id = p.item_id), 'gone')
        WHERE p.organization_id = $1 AND p.status = 'SCHEDULED' AND p.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM content_items i WHERE i.organization_id = $1 AND i.id = p.item_id AND i.status IN ('SCHEDULED', 'PUBLISHING', 'FAILED'))
        RETURNING ${P}) SELECT * FROM changed`,
      [ctx.uow.organizationId],
    );
    return this.changed(ctx, rows).length;
  }

  /** Pushes back the lease of the publications this attempt (`token`) still holds: a batch may outlast one lease. */
  async extendLease(ctx: ContentCtx, token: string, leaseMs: number): Promise<number> {
    return ctx.uow.execute(
      `UPDATE publications SET lease_until = now() + make_interval(secs => $3::float8 / 1000)
        WHERE organization_id = $1 AND status = 'PUBLISHING' AND leased_by = $2`,
      [ctx.uow.organizationId, token, leaseMs],
    );
  }

  /**
   * Records many posts the network made, in one statement, each only while
   * this attempt (`token`) still holds its lease; their attempts are finished
   * (PUBLISHED, or FOUND when an earlier attempt had made the post) in the same
   * statement. Returns those recorded: a publication missing from the answer
   * lost its lease to another worker, whose record stands. Their items are
   * locked in the same statement, once every publication is written (the
   * array of their ids is built from all the updated rows before the items
   * are read), in id order: the order every writer keeps, as `lockItems`
   * would, one round trip fewer; `itemStatus` is null for an item gone.
   */
  async recordPublished(
    ctx: ContentCtx,
    token: string,
    posts: readonly { id: string; attemptNumber: number; externalId: string; externalUrl: string | null; found: boolean }[],
  ): Promise<{ id: string; itemId: string; itemStatus: string | null; waitedFor: boolean }[]> {
    if (posts.length === 0) return [];
    const rows = await ctx.uow.prepared<{
      id: string;
      itemId: string;
      network: string;
      externalUrl: string | null;
      itemStatus: string | null;
      waitedFor: boolean;
    }>(
      'publishing_record_published',
      `WITH input AS (
         SELECT * FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[]) AS t(id, number, external_id, external_url, outcome)),
       changed AS (
         UPDATE publications p SET status = 'PUBLISHED', lease_until = NULL, leased_by = NULL,
                external_id = coalesce(t.external_id, p.external_id), external_url = coalesce(t.external_url, p.external_url),
                published_at = coalesce(p.published_at, now()), last_error_kind = NULL, last_error = NULL, updated_at = now()
           FROM input t WHERE p.organization_id = $1 AND p.id = t.id AND p.status = 'PUBLISHING' AND p.leased_by = $2
         RETURNING p.id, p.item_id, p.network, p.external_url, t.number, t.outcome),
       finished AS (
         UPDATE publication_attempts a SET finished_at = clock_timestamp(), outcome = c.outcome, error_kind = NULL, message = NULL
           FROM changed c WHERE a.organization_id = $1 AND a.publication_id = c.id AND a.number = c.number AND a.finished_at IS NULL),
       locked AS (
         SELECT i.id, i.status FROM content_items i
          WHERE i.organization_id = $1 AND i.id = ANY ((SELECT array_agg(DISTINCT item_id) FROM changed)::uuid[])
          ORDER BY i.id FOR UPDATE)
       SELECT c.id, c.item_id AS "itemId", c.network, c.external_url AS "externalUrl", l.status AS "itemStatus",
              EXISTS (SELECT 1 FROM publications d WHERE d.organization_id = $1 AND d.waits_for = c.id AND d.status = 'SCHEDULED') AS "waitedFor"
         FROM changed c LEFT JOIN locked l ON l.id = c.item_id`,
      [
        ctx.uow.organizationId,
        token,
        posts.map((p) => p.id),
        posts.map((p) => p.attemptNumber),
        posts.map((p) => p.externalId),
        posts.map((p) => p.externalUrl),
        posts.map((p) => (p.found ? 'FOUND' : 'PUBLISHED')),
      ],
    );
    this.announce(
      ctx,
      'STATUS_CHANGED',
      rows.map((r) => ({ ...r, status: 'PUBLISHED' as const })),
    );
    return rows.map((r) => ({ id: r.id, itemId: r.itemId, itemStatus: r.itemStatus, waitedFor: r.waitedFor }));
  }

  /** The addresses of the long forms `ids` (PUBLISHED publications), null where the network gave none. */
  async addressesOf(ctx: ContentCtx, ids: readonly string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await ctx.uow.prepared<{ id: string; external_url: string | null }>(
      'publishing_long_form_addresses',
      `SELECT id, external_url FROM publications WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'PUBLISHED'`,
      [ctx.uow.organizationId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.external_url]));
  }

  /**
   * What a batch sends, in one read: the variants as they are now (a
   * publication sends the latest approved text) with the library facts of their
   * media, and what tagging their links needs (the organisation's switch, on
   * unless turned off, and each item's campaign and theme). A media id missing
   * from `media` is no longer in the library.
   */
  async sendInputs(
    ctx: ContentCtx,
    variantIds: readonly string[],
  ): Promise<{ variants: Map<string, VariantToSend>; tracking: LinkTracking }> {
    if (variantIds.length === 0) return { variants: new Map(), tracking: { enabled: true, items: new Map() } };
    const rows = await ctx.uow.prepared<{
      id: string;
      text: string;
      link_url: string | null;
      media_ids: string[] | null;
      options: Record<string, string | number | boolean> | null;
      media: { id: string; storageKey: string; contentType: string; byteSize: number | string }[];
      item_id: string;
      campaign: string | null;
      theme: string | null;
      utm_enabled: boolean;
    }>(
      'publishing_send_inputs',
      `SELECT v.id, v.text, v.link_url, v.media_ids, v.options,
              coalesce((SELECT json_agg(json_build_object('id', m.id, 'storageKey', m.storage_key, 'contentType', m.content_type, 'byteSize', m.byte_size))
                          FROM media_assets m WHERE m.organization_id = $1 AND m.id = ANY(v.media_ids)), '[]'::json) AS media,
              v.item_id, i.campaign, i.theme,
              coalesce((SELECT utm_enabled FROM link_tracking_settings WHERE organization_id = $1), true) AS utm_enabled
         FROM content_variants v LEFT JOIN content_items i ON i.organization_id = $1 AND i.id = v.item_id
        WHERE v.organization_id = $1 AND v.id = ANY($2::uuid[])`,
      [ctx.uow.organizationId, [...variantIds]],
    );
    return {
      variants: new Map(
        rows.map((r) => [
          r.id,
          {
            text: r.text,
            linkUrl: r.link_url,
            mediaIds: r.media_ids ?? [],
            options: r.options ?? {},
            media: new Map(r.media.map((m) => [m.id, { ...m, byteSize: Number(m.byteSize) }])),
          },
        ]),
      ),
      tracking: {
        enabled: rows[0]?.utm_enabled ?? true,
        items: new Map(rows.map((r) => [r.item_id, { campaign: r.campaign, theme: r.theme }])),
      },
    };
  }

  /**
   * Locks the items (after their publications: the order every writer keeps),
   * in id order so two workers locking overlapping sets never wait for each
   * other in a cycle; returns their statuses (an item gone is absent).
   */
  async lockItems(ctx: ContentCtx, itemIds: readonly string[]): Promise<Map<string, string>> {
    if (itemIds.length === 0) return new Map();
    const rows = await ctx.uow.prepared<{ id: string; status: string }>(
      'publishing_lock_items',
      'SELECT id, status FROM content_items WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE',
      [ctx.uow.organizationId, [...itemIds]],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** Per item, its publications that count (not CANCELLED): how many, how many PUBLISHED, how many FAILED. */
  async itemCounts(
    ctx: ContentCtx,
    itemIds: readonly string[],
  ): Promise<Map<string, { total: number; published: number; failed: number }>> {
    if (itemIds.length === 0) return new Map();
    const rows = await ctx.uow.prepared<{ item_id: string; total: number; published: number; failed: number }>(
      'publishing_item_counts',
      `SELECT item_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published,
              count(*) FILTER (WHERE status = 'FAILED')::int AS failed
         FROM publications WHERE organization_id = $1 AND item_id = ANY($2::uuid[]) AND status <> 'CANCELLED' GROUP BY item_id`,
      [ctx.uow.organizationId, [...itemIds]],
    );
    return new Map(rows.map((r) => [r.item_id, { total: r.total, published: r.published, failed: r.failed }]));
  }
  async record(ctx: ContentCtx, id: string, token: string, patch: RecordPatch): Promise<PublicationEntity | null> {
    const [row] = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = $4, lease_until = NULL, leased_by = NULL, next_attempt_at = coalesce($5, next_attempt_at),
              external_id = coalesce($6, external_id), external_url = coalesce($7, external_url),
              published_at = CASE WHEN $4 = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END,
              last_error_kind = $8, last_error = $9, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'PUBLISHING' AND leased_by = $3
        RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [
        ctx.uow.organizationId,
        id,
        token,
        patch.status,
        patch.nextAttemptAt ?? null,
        patch.externalId ?? null,
        patch.externalUrl ?? null,
        patch.lastErrorKind,
        patch.lastError?.slice(0, 1000) ?? null,
      ],
    );
    return row ? this.changed(ctx, [row])[0] : null;
  }

  async finishAttempt(
    ctx: ContentCtx,
    publicationId: string,
    number: number,
    outcome: AttemptOutcome,
    errorKind: PublishFailureKind | null,
    message: string | null,
  ): Promise<void> {
    await ctx.uow.execute(
      `UPDATE publication_attempts SET finished_at = clock_timestamp(), outcome = $4, error_kind = $5, message = $6
        WHERE organization_id = $1 AND publication_id = $2 AND number = $3 AND finished_at IS NULL`,
      [ctx.uow.organizationId, publicationId, number, outcome, errorKind, message?.slice(0, 1000) ?? null],
    );
  }

  /** Earlier failed attempts of this publication, by family: what the retry rules count. */
  async failureCounts(ctx: ContentCtx, publicationId: string): Promise<{ transient: number; rateLimited: number }> {
    const [row] = await ctx.uow.query<{ transient: number; rate_limited: number }>(
      `SELECT count(*) FILTER (WHERE outcome = 'RETRY')::int AS transient, count(*) FILTER (WHERE outcome = 'RATE_LIMITED')::int AS rate_limited
         FROM publication_attempts WHERE organization_id = $1 AND publication_id = $2`,
      [ctx.uow.organizationId, publicationId],
    );
    return { transient: row?.transient ?? 0, rateLimited: row?.rate_limited ?? 0 };
  }

  async attempts(ctx: ContentCtx, publicationId: string): Promise<PublicationAttemptEntity[]> {
    const rows = await ctx.uow.query<{
      id: string;
      publication_id: string;
      number: number;
      worker: string | null;
      started_at: Date;
      finished_at: Date | null;
      outcome: AttemptOutcome | null;
      error_kind: PublishFailureKind | null;
      message: string | null;
    }>(
      `SELECT id, publication_id, number, worker, started_at, finished_at, outcome, error_kind, message FROM publication_attempts
        WHERE organization_id = $1 AND publication_id = $2 ORDER BY number`,
      [ctx.uow.organizationId, publicationId],
    );
    return rows.map((r) => ({
      id: r.id,
      publicationId: r.publication_id,
      number: r.number,
      worker: r.worker,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      outcome: r.outcome,
      errorKind: r.error_kind,
      message: r.message,
    }));
  }

  /** Locks the item row (after its publications: the order every writer keeps) and returns its status. */
  async lockItem(ctx: ContentCtx, itemId: string): Promise<string | null> {
    const [row] = await ctx.uow.query<{ status: string }>(
      'SELECT status FROM content_items WHERE organization_id = $1 AND id = $2 FOR UPDATE',
      [ctx.uow.organizationId, itemId],
    );
    return row?.status ?? null;
  }

  async statusCounts(ctx: ContentCtx, itemId: string): Promise<Map<PublicationStatus, number>> {
    const rows = await ctx.uow.query<{ status: PublicationStatus; n: number }>(
      `SELECT status, count(*)::int AS n FROM publications WHERE organization_id = $1 AND item_id = $2 AND status <> 'CANCELLED' GROUP BY status`,
      [ctx.uow.organizationId, itemId],
    );
    return new Map(rows.map((r) => [r.status, r.n]));
  }

  /** Sets the status of the item's publications in `from` (locks them); returns those changed. */
  async setStatusOfItem(
    ctx: ContentCtx,
    itemId: string,
    from: readonly PublicationStatus[],
    to: PublicationStatus,
  ): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = $4, updated_at = now() WHERE organization_id = $1 AND item_id = $2 AND status = ANY($3::text[])
       RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, itemId, [...from], to],
    );
    return this.changed(ctx, rows);
  }

  /** Moves the item's pending publications to a new time; returns them. */
  async reschedule(ctx: ContentCtx, itemId: string, dueAt: Date): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET due_at = $3, next_attempt_at = $3, updated_at = now()
        WHERE organization_id = $1 AND item_id = $2 AND status IN ('SCHEDULED', 'HELD')
       RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, itemId, dueAt],
    );
    return rows.map(toPublication);
  }

  /**
   * Cancels the item's pending publications (SCHEDULED, HELD, NEEDS_REAUTH),
   * never one PUBLISHING or PUBLISHED; returns those cancelled. Only rows whose
   * committed status is pending are waited for, so a worker holding a
   * publication it is sending never blocks it.
   */
  async cancelPendingOfItem(ctx: ContentCtx, itemId: string, reason: string): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = 'CANCELLED', lease_until = NULL, leased_by = NULL, last_error_kind = NULL, last_error = $3, updated_at = now()
        WHERE organization_id = $1 AND item_id = $2 AND status IN ('SCHEDULED', 'HELD', 'NEEDS_REAUTH')
       RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, itemId, reason.slice(0, 1000)],
    );
    return this.changed(ctx, rows);
  }

  /**
   * The account's publications held for NEEDS_REAUTH go back to `to`
   * (SCHEDULED, or HELD during a crisis pause), next attempt now or at their
   * due time if later; only those whose item is still to be published.
   */
  async releaseReauth(ctx: ContentCtx, networkAccountId: string, to: 'SCHEDULED' | 'HELD'): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications p SET status = $3, next_attempt_at = greatest(p.due_at, now()), last_error_kind = NULL, last_error = NULL, updated_at = now()
        WHERE p.organization_id = $1 AND p.network_account_id = $2 AND p.status = 'NEEDS_REAUTH'
          AND EXISTS (SELECT 1 FROM content_items i WHERE i.organization_id = $1 AND i.id = p.item_id AND i.status IN ('SCHEDULED', 'PUBLISHING', 'FAILED'))
       RETURNING ${P}) SELECT * FROM changed`,
      [ctx.uow.organizationId, networkAccountId, to],
    );
    return this.changed(ctx, rows);
  }

  /** A publication the worker found it may not publish any more (its item left the schedule). */
  async cancel(ctx: ContentCtx, id: string, reason: string): Promise<boolean> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = 'CANCELLED', last_error_kind = NULL, last_error = $3, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('SCHEDULED', 'HELD', 'NEEDS_REAUTH')
        RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, id, reason],
    );
    return this.changed(ctx, rows).length === 1;
  }

  /** FAILED or NEEDS_REAUTH back to SCHEDULED, due now. */
  async requeue(ctx: ContentCtx, id: string, status: PublicationStatus): Promise<PublicationEntity | null> {
    const [row] = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = $3, next_attempt_at = now(), last_error_kind = NULL, last_error = NULL, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('FAILED', 'NEEDS_REAUTH')
       RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, id, status],
    );
    return row ? this.changed(ctx, [row])[0] : null;
  }

  async markDeleted(ctx: ContentCtx, id: string): Promise<PublicationEntity | null> {
    const [row] = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET deleted_at = now(), updated_at = now() WHERE organization_id = $1 AND id = $2 AND status = 'PUBLISHED' AND deleted_at IS NULL
       RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, id],
    );
    return row ? this.changed(ctx, [row], 'DELETED')[0] : null;
  }

  // ------------------------------------------------------------------ crisis pause

  async pause(ctx: ContentCtx): Promise<CrisisPauseEntity | null> {
    const [row] = await ctx.uow.query<PauseRow>(
      'SELECT active, reason, paused_by, paused_at, resumed_by, resumed_at FROM publishing_pauses WHERE organization_id = $1',
      [ctx.uow.organizationId],
    );
    return row ? toPause(row) : null;
  }

  /** Turns the pause on (locks the organisation's pause row); false when it already was. */
  async startPause(ctx: ContentCtx, reason: string, by: string | null): Promise<boolean> {
    const rows = await ctx.uow.query<{ active: boolean }>(
      `WITH changed AS (INSERT INTO publishing_pauses AS z (organization_id, active, reason, paused_by, paused_at) VALUES ($1, true, $2, $3, now())
       ON CONFLICT (organization_id) DO UPDATE SET active = true, reason = EXCLUDED.reason, paused_by = EXCLUDED.paused_by, paused_at = now(),
         resumed_by = NULL, resumed_at = NULL
       WHERE NOT z.active
       RETURNING active) SELECT * FROM changed`,
      [ctx.uow.organizationId, reason, by],
    );
    return rows.length === 1;
  }

  /** Turns the pause off; false when it was not on. */
  async endPause(ctx: ContentCtx, by: string | null): Promise<boolean> {
    const changed = await ctx.uow.execute(
      'UPDATE publishing_pauses SET active = false, resumed_by = $2, resumed_at = now() WHERE organization_id = $1 AND active',
      [ctx.uow.organizationId, by],
    );
    return changed === 1;
  }

  /** Holds every SCHEDULED publication of the organisation. */
  async holdAll(ctx: ContentCtx): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = 'HELD', updated_at = now() WHERE organization_id = $1 AND status = 'SCHEDULED' RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId],
    );
    return this.changed(ctx, rows);
  }

  /** Releases every HELD publication; those overdue move to `overdueTo` when given. */
  async releaseAll(ctx: ContentCtx, overdueTo: Date | null): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `WITH changed AS (UPDATE publications SET status = 'SCHEDULED',
              due_at = CASE WHEN $2::timestamptz IS NOT NULL AND due_at < now() THEN $2::timestamptz ELSE due_at END,
              next_attempt_at = CASE WHEN $2::timestamptz IS NOT NULL AND next_attempt_at < now() THEN $2::timestamptz ELSE next_attempt_at END,
              updated_at = now()
        WHERE organization_id = $1 AND status = 'HELD' RETURNING ${PUBLICATION_COLUMNS}) SELECT * FROM changed`,
      [ctx.uow.organizationId, overdueTo],
    );
    return this.changed(ctx, rows);
  }

  async withStatus(ctx: ContentCtx, statuses: readonly PublicationStatus[], limit: number): Promise<PublicationEntity[]> {
    const rows = await ctx.uow.query<PublicationRow>(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE organization_id = $1 AND status = ANY($2::text[]) ORDER BY due_at, id LIMIT $3`,
      [ctx.uow.organizationId, [...statuses], limit],
    );
    return rows.map(toPublication);
  }

  /**
   * Organisations to wake up, across tenants (SECURITY DEFINER function: ids and times only): those with due
   * publications, with the earliest due time among them, and those with an expired lease.
   */
  async dueOrganizations(uow: UnitOfWork, now: Date, limit: number): Promise<DueOrganization[]> {
    const rows = await uow.query<{ organization_id: string; earliest_due: Date | null; lease_expired: boolean }>(
      'SELECT organization_id, earliest_due, lease_expired FROM socle_publishing_sweep($1, $2)',
      [now, limit],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, earliestDue: r.earliest_due, leaseExpired: r.lease_expired }));
  }
}

interface PauseRow {
  active: boolean;
  reason: string;
  paused_by: string | null;
  paused_at: Date;
  resumed_by: string | null;
  resumed_at: Date | null;
}

function toPause(r: PauseRow): CrisisPauseEntity {
  return {
    active: r.active,
    reason: r.reason,
    pausedBy: r.paused_by,
    pausedAt: r.paused_at,
    resumedBy: r.resumed_by,
    resumedAt: r.resumed_at,
  };
}
