import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';

/** A release as stored in `press_releases`: a snapshot of a content item, public from `publishAt` until withdrawn. */
export interface PressReleaseEntity {
  organizationId: string;
  id: string;
  itemId: string;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  mediaIds: string[];
  publishAt: Date;
  withdrawnAt: Date | null;
  digestDoneAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRelease = Pick<
  PressReleaseEntity,
  'itemId' | 'slug' | 'title' | 'summary' | 'bodyHtml' | 'bodyText' | 'mediaIds' | 'publishAt'
>;

/** Which releases a member's list keeps. */
export type ReleaseFilter = 'ALL' | 'PUBLIC' | 'SCHEDULED' | 'WITHDRAWN';

const HEAD = `organization_id AS "organizationId", id, item_id AS "itemId", slug, title, summary`;
const TAIL = `media_ids AS "mediaIds", publish_at AS "publishAt", withdrawn_at AS "withdrawnAt", digest_done_at AS "digestDoneAt",
  created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;
const COLUMNS = `${HEAD}, body_html AS "bodyHtml", body_text AS "bodyText", ${TAIL}`;
/** Without the body: lists, feeds and sitemaps do not need it. */
const LIST_COLUMNS = `${HEAD}, '' AS "bodyHtml", '' AS "bodyText", ${TAIL}`;

/** Public at `$2`: not withdrawn and its time come (the room being enabled is the caller's check). */
const PUBLIC = 'withdrawn_at IS NULL AND publish_at <= $2';

function filterSql(filter: ReleaseFilter): string {
  switch (filter) {
    case 'PUBLIC':
      return ` AND withdrawn_at IS NULL AND publish_at <= now()`;
    case 'SCHEDULED':
      return ` AND withdrawn_at IS NULL AND publish_at > now()`;
    case 'WITHDRAWN':
      return ` AND withdrawn_at IS NOT NULL`;
    default:
      return '';
  }
}

/** The only place that queries `press_releases`; always inside the unit of work's organisation. */
@Injectable()
export class PressReleaseRepository {
  async insert(uow: OrganizationUnitOfWork, release: NewRelease, by: string | null): Promise<PressReleaseEntity> {
    const [row] = await uow.query<PressReleaseEntity>(
      `INSERT INTO press_releases (organization_id, item_id, slug, title, summary, body_html, body_text, media_ids, publish_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10) RETURNING ${COLUMNS}`,
      [
        uow.organizationId,
        release.itemId,
        release.slug,
        release.title,
        release.summary,
        release.bodyHtml,
        release.bodyText,
        release.mediaIds,
        release.publishAt,
        by,
      ],
    );
    return row;
  }

  async find(uow: OrganizationUnitOfWork, id: string, lock = false): Promise<PressReleaseEntity | null> {
    const [row] = await uow.query<PressReleaseEntity>(
      `SELECT ${COLUMNS} FROM press_releases WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [uow.organizationId, id],
    );
    return row ?? null;
  }

  /** The release made from this item and not withdrawn, if any. */
  async activeForItem(uow: OrganizationUnitOfWork, itemId: string): Promise<PressReleaseEntity | null> {
    const [row] = await uow.query<PressReleaseEntity>(
      `SELECT ${LIST_COLUMNS} FROM press_releases WHERE organization_id = $1 AND item_id = $2 AND withdrawn_at IS NULL`,
      [uow.organizationId, itemId],
    );
    return row ?? null;
  }

  /** Which of these slugs a release of the room already has (withdrawn ones included: an address is never reused). */
  async takenSlugs(uow: OrganizationUnitOfWork, slugs: readonly string[]): Promise<Set<string>> {
    const rows = await uow.query<{ slug: string }>(
      'SELECT slug FROM press_releases WHERE organization_id = $1 AND slug = ANY($2::text[])',
      [uow.organizationId, [...slugs]],
    );
    return new Set(rows.map((r) => r.slug));
  }

  async withdraw(uow: OrganizationUnitOfWork, id: string): Promise<PressReleaseEntity | null> {
    const [row] = await uow.query<PressReleaseEntity>(
      `WITH changed AS (UPDATE press_releases SET withdrawn_at = coalesce(withdrawn_at, now()), updated_at = now()
                          WHERE organization_id = $1 AND id = $2 RETURNING *)
       SELECT ${LIST_COLUMNS} FROM changed`,
      [uow.organizationId, id],
    );
    return row ?? null;
  }

  /** A member's list, newest publication time first (keyset on publish time and id). */
  async page(uow: OrganizationUnitOfWork, page: KeysetPage, filter: ReleaseFilter): Promise<PressReleaseEntity[]> {
    const params: unknown[] = [uow.organizationId];
    let where = `organization_id = $1${filterSql(filter)}`;
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where += ` AND (publish_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(page.size + 1);
    return uow.query<PressReleaseEntity>(
      `SELECT ${COLUMNS} FROM press_releases WHERE ${where} ORDER BY publish_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async count(uow: OrganizationUnitOfWork, filter: ReleaseFilter): Promise<number> {
    const [row] = await uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM press_releases WHERE organization_id = $1${filterSql(filter)}`,
      [uow.organizationId],
    );
    return row.n;
  }

  // ------------------------------------------------------------------ what the public pages read

  /** Public releases, newest first, `limit` from `offset`, without their bodies. */
  publicPage(uow: OrganizationUnitOfWork, now: Date, limit: number, offset: number): Promise<PressReleaseEntity[]> {
    return uow.query<PressReleaseEntity>(
      `SELECT ${LIST_COLUMNS} FROM press_releases WHERE organization_id = $1 AND ${PUBLIC}
        ORDER BY publish_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [uow.organizationId, now, limit, offset],
    );
  }

  /** Public releases with their bodies (feeds), newest first. */
  publicWithBodies(uow: OrganizationUnitOfWork, now: Date, limit: number): Promise<PressReleaseEntity[]> {
    return uow.query<PressReleaseEntity>(
      `SELECT ${COLUMNS} FROM press_releases WHERE organization_id = $1 AND ${PUBLIC} ORDER BY publish_at DESC, id DESC LIMIT $3`,
      [uow.organizationId, now, limit],
    );
  }

  async publicCount(uow: OrganizationUnitOfWork, now: Date): Promise<number> {
    const [row] = await uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM press_releases WHERE organization_id = $1 AND ${PUBLIC}`, [
      uow.organizationId,
      now,
    ]);
    return row.n;
  }

  async publicBySlug(uow: OrganizationUnitOfWork, slug: string, now: Date): Promise<PressReleaseEntity | null> {
    const [row] = await uow.query<PressReleaseEntity>(
      `SELECT ${COLUMNS} FROM press_releases WHERE organization_id = $1 AND ${PUBLIC} AND slug = $3`,
      [uow.organizationId, now, slug],
    );
    return row ?? null;
  }

  /** Whether a public release shows this media asset. */
  async publicShowsMedia(uow: OrganizationUnitOfWork, assetId: string, now: Date): Promise<boolean> {
    const [row] = await uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM press_releases WHERE organization_id = $1 AND ${PUBLIC} AND media_ids @> ARRAY[$3::uuid]`,
      [uow.organizationId, now, assetId],
    );
    return row.n > 0;
  }

  // ------------------------------------------------------------------ the newsletter's digest

  /** Public releases not yet sent to the newsletter, oldest first, locked (others' locks skipped). */
  dueForDigest(uow: OrganizationUnitOfWork, limit: number): Promise<PressReleaseEntity[]> {
    return uow.query<PressReleaseEntity>(
      `SELECT ${COLUMNS} FROM press_releases
        WHERE organization_id = $1 AND withdrawn_at IS NULL AND digest_done_at IS NULL AND publish_at <= now()
        ORDER BY publish_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [uow.organizationId, limit],
    );
  }

  async markDigestDone(uow: OrganizationUnitOfWork, id: string): Promise<void> {
    await uow.execute(
      'UPDATE press_releases SET digest_done_at = now() WHERE organization_id = $1 AND id = $2 AND digest_done_at IS NULL',
      [uow.organizationId, id],
    );
  }

  /** When the next release not yet sent becomes public (null when none waits). */
  async nextDigestAt(uow: OrganizationUnitOfWork): Promise<Date | null> {
    const [row] = await uow.query<{ at: Date | null }>(
      `SELECT min(publish_at) AS at FROM press_releases WHERE organization_id = $1 AND withdrawn_at IS NULL AND digest_done_at IS NULL`,
      [uow.organizationId],
    );
    return row?.at ?? null;
  }

  /** Organisations with a public release not yet mailed, across tenants (SECURITY DEFINER function: ids only). */
  async digestsDue(uow: UnitOfWork, limit: number): Promise<string[]> {
    const rows = await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_press_release_digests_due($1)', [limit]);
    return rows.map((r) => r.organization_id);
  }
}
