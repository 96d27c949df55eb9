import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditRepository } from '@socle/accounts';
import { DomainError, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { ContentCtx, userIdOf } from '../items/content-item.repository';
import { MediaAssetEntity, MediaAssetRepository } from './media-asset.repository';
import type { InspectedMedia } from './media-inspector';
import { MEDIA_STORAGE, MediaStorage, StoredObject } from './media-storage';

export const MEDIA_IN_USE = 'MEDIA_IN_USE';

/** Tags are labels: trimmed, inner spaces collapsed, lower case, each once. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ').toLowerCase()))];
}

/** A display name from the client's file name: no path, no control characters, at most 255 characters. */
export function displayFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 255);
  return clean.length > 0 ? clean : null;
}

/** The tag a list is filtered on, written as tags are stored (so a page and its count read it alike); null is no filter. */
function tagFilter(tag: string | null | undefined): string | undefined {
  return tag === undefined || tag === null ? undefined : normalizeTags([tag])[0];
}

/**
 * The media library: an organisation's images and videos, uploaded once and used by any
 * number of content variants. The bytes live in the media storage; the rows
 * say what they are. An asset a variant uses cannot be deleted (MEDIA_IN_USE).
 */
@Injectable()
export class MediaAssetService {
  private readonly logger = new Logger('MediaLibrary');

  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly audit: AuditRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  page(ctx: ContentCtx, page: KeysetPage, tag?: string | null): Promise<MediaAssetEntity[]> {
    return this.assets.page(ctx, page, tagFilter(tag));
  }

  /** How many assets the library holds (with a tag, how many carry it), all pages together. */
  count(ctx: ContentCtx, tag?: string | null): Promise<number> {
    return this.assets.count(ctx, tagFilter(tag));
  }

  find(ctx: ContentCtx, id: string): Promise<MediaAssetEntity | null> {
    return this.assets.find(ctx, id);
  }

  async get(ctx: ContentCtx, id: string): Promise<MediaAssetEntity> {
    const asset = await this.assets.find(ctx, id);
    if (!asset) throw notFound('Media asset', id);
    return asset;
  }

  /** Records a file already stored and inspected; the caller deletes the stored file if this throws. */
  async register(ctx: ContentCtx, stored: StoredObject, media: InspectedMedia, fileName: string | null): Promise<MediaAssetEntity> {
    if (stored.size !== media.size) throw new DomainError('INTERNAL', 'the stored size differs from the inspected size');
    const asset = await this.assets.insert(ctx, {
      storageKey: stored.key,
      kind: media.kind,
      contentType: media.contentType,
      byteSize: stored.size,
      sha256: stored.sha256,
      width: media.width,
      height: media.height,
      durationMs: media.kind === 'VIDEO' ? media.durationMs : null,
      fileName: displayFileName(fileName),
      uploadedBy: userIdOf(ctx.actor),
    });
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'media.upload',
        targetType: 'MediaAsset',
        targetId: asset.id,
        metadata: {
          kind: asset.kind,
          contentType: asset.contentType,
          byteSize: asset.byteSize,
          width: asset.width,
          height: asset.height,
          ...(asset.durationMs === null ? {} : { durationMs: asset.durationMs }),
        },
      },
      ctx.requestId,
    );
    return asset;
  }

  async tag(ctx: ContentCtx, id: string, tags: readonly string[]): Promise<MediaAssetEntity> {
    const normalized = normalizeTags(tags);
    if (!(await this.assets.setTags(ctx, id, normalized))) throw notFound('Media asset', id);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action: 'media.tag', targetType: 'MediaAsset', targetId: id, metadata: { tags: normalized } },
      ctx.requestId,
    );
    return this.get(ctx, id);
  }

  /**
   * Removes the asset and, once the transaction has committed, its file. The row
   * is locked first, so a variant cannot start using it meanwhile (the variants'
   * trigger waits for the lock, then finds no asset); the usage is counted after
   * the lock, by a statement that sees every variant committed before it.
   */
  async delete(ctx: ContentCtx, id: string): Promise<MediaAssetEntity> {
    if (!(await this.assets.lockForUpdate(ctx, id))) throw notFound('Media asset', id);
    const asset = await this.get(ctx, id);
    if (asset.usageCount > 0) {
      throw new DomainError('CONFLICT', `Media asset ${id} is used by ${asset.usageCount} content variant(s): remove it from them first.`, {
        field: 'input.id',
        reason: MEDIA_IN_USE,
        details: { usageCount: asset.usageCount },
      });
    }
    await this.assets.delete(ctx, id);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action: 'media.delete', targetType: 'MediaAsset', targetId: id, metadata: { sha256: asset.sha256 } },
      ctx.requestId,
    );
    ctx.uow.afterCommit(async () => {
      await this.storage.delete(asset.storageKey).catch((error: unknown) => {
        // The row is gone: an orphan file wastes space, it never shows.
        this.logger.warn(`media file of asset ${id} not deleted: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    return asset;
  }

  /** The asset and its bytes, for the download route. */
  async open(ctx: ContentCtx, id: string): Promise<{ asset: MediaAssetEntity; file: { stream: Readable; size: number } }> {
    const asset = await this.get(ctx, id);
    const file = await this.storage.get(asset.storageKey);
    if (!file) {
      this.logger.error(`media file of asset ${id} is missing from the storage`);
      throw notFound('Media file', id);
    }
    return { asset, file };
  }
}
