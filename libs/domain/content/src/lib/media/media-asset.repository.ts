import { Injectable } from '@nestjs/common';
import type { KeysetPage } from '@socle/platform-graphql';
import type { ContentCtx as TenantCtx } from '../items/content-item.repository';

export type MediaKind = 'IMAGE' | 'VIDEO';

/** A media library asset as stored in `media_assets`, with how many variants use it. */
export interface MediaAssetEntity {
  organizationId: string;
  id: string;
  storageKey: string;
  kind: MediaKind;
  contentType: string;
  byteSize: number;
  sha256: string;
  /** An image's size, or a video's first video track's, as displayed. */
  width: number;
  height: number;
  /** A video's duration; null for an image. */
  durationMs: number | null;
  fileName: string | null;
  tags: string[];
  uploadedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Content variants listing this asset in `media_ids`. */
  usageCount: number;
}

export interface NewMediaAsset {
  storageKey: string;
  kind: MediaKind;
  contentType: string;
  byteSize: number;
  sha256: string;
  width: number;
  height: number;
  durationMs: number | null;
  fileName: string | null;
  uploadedBy: string | null;
}

const COLUMNS = `m.organization_id, m.id, m.storage_key, m.kind, m.content_type, m.byte_size, m.sha256, m.width, m.height, m.duration_ms, m.file_name, m.tags,
  m.uploaded_by, m.created_at, m.updated_at`;
const USAGE = `(SELECT count(*) FROM content_variants v WHERE v.organization_id = m.organization_id AND v.media_ids @> ARRAY[m.id])::int AS usage_count`;

interface Row {
  organization_id: string;
  id: string;
  storage_key: string;
  kind: MediaKind;
  content_type: string;
  byte_size: string | number;
  sha256: string;
  width: number;
  height: number;
  duration_ms: number | null;
  file_name: string | null;
  tags: string[];
  uploaded_by: string | null;
  created_at: Date;
  updated_at: Date;
  usage_count?: number;
}

function toEntity(r: Row): MediaAssetEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    storageKey: r.storage_key,
    kind: r.kind,
    contentType: r.content_type,
    byteSize: Number(r.byte_size),
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    durationMs: r.duration_ms,
    fileName: r.file_name,
    tags: r.tags ?? [],
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    usageCount: r.usage_count ?? 0,
  };
}

/**
 * The conditions of a filter on `media_assets m` ($1 is the organisation),
 * shared by a page and the count of the whole library so both keep the same assets.
 */
function assetFilter(ctx: TenantCtx, tag: string | undefined): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['m.organization_id = $1'];
  if (tag !== undefined) {
    params.push(tag);
    where.push(`m.tags @> ARRAY[$${params.length}::text]`);
  }
  return { where, params };
}

/** The only place that queries media_assets; always inside the caller's tenant. */
@Injectable()
export class MediaAssetRepository {
  /** Newest first; with a tag, only the assets carrying it. */
  async page(ctx: TenantCtx, page: KeysetPage, tag?: string): Promise<MediaAssetEntity[]> {
    const { where, params } = assetFilter(ctx, tag);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(m.created_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    const rows = await ctx.uow.query<Row>(
      `SELECT ${COLUMNS}, ${USAGE} FROM media_assets m WHERE ${where.join(' AND ')} ORDER BY m.created_at DESC, m.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toEntity);
  }

  /** How many assets the library holds (with a tag, how many carry it), all pages together. */
  async count(ctx: TenantCtx, tag?: string): Promise<number> {
    const { where, params } = assetFilter(ctx, tag);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM media_assets m WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  async find(ctx: TenantCtx, id: string): Promise<MediaAssetEntity | null> {
    const [row] = await ctx.uow.query<Row>(`SELECT ${COLUMNS}, ${USAGE} FROM media_assets m WHERE m.organization_id = $1 AND m.id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ? toEntity(row) : null;
  }

  /** Locks the asset against variants starting to use it (their trigger takes FOR KEY SHARE) until the transaction ends. */
  async lockForUpdate(ctx: TenantCtx, id: string): Promise<boolean> {
    const rows = await ctx.uow.query(`SELECT 1 FROM media_assets WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [
      ctx.uow.organizationId,
      id,
    ]);
    return rows.length === 1;
  }

  async insert(ctx: TenantCtx, asset: NewMediaAsset): Promise<MediaAssetEntity> {
    const [row] = await ctx.uow.query<Row>(
      `INSERT INTO media_assets AS m (organization_id, storage_key, kind, content_type, byte_size, sha256, width, height, duration_ms, file_name, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [
        ctx.uow.organizationId,
        asset.storageKey,
        asset.kind,
        asset.contentType,
        asset.byteSize,
        asset.sha256,
        asset.width,
        asset.height,
        asset.durationMs,
        asset.fileName,
        asset.uploadedBy,
      ],
    );
    return toEntity(row);
  }

  async setTags(ctx: TenantCtx, id: string, tags: readonly string[]): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE media_assets SET tags = $3::text[], updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id, tags],
    );
    return changed === 1;
  }

  async delete(ctx: TenantCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM media_assets WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }
}
