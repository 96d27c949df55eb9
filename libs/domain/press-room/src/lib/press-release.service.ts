import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { ContentCtx, ContentItemRepository, ContentVariantEntity } from '@socle/content';
import { uniqueConstraintOf } from '@socle/platform-database';
import { badInput, DomainError, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { ORGANIZATION_OUTBOX } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';
import { RELEASE_SLUG, RELEASE_SLUG_MAX, slugify } from './addresses';
import { excerpt, sanitizeHtml, SanitizedHtml, textToHtml } from './html';
import { enqueueDigest } from './jobs/digest-wakeups';
import { PressReleaseEntity, PressReleaseRepository, ReleaseFilter } from './press-release.repository';
import { PressRoomService } from './press-room.service';

export const PRESS_RELEASE_REASONS = {
  itemNotReady: 'PRESS_RELEASE_ITEM_NOT_READY',
  exists: 'PRESS_RELEASE_EXISTS',
  slugTaken: 'PRESS_RELEASE_SLUG_TAKEN',
} as const;

/** The content statuses an item may be published from: approved, or already going out on the networks. */
const PUBLISHABLE = new Set(['APPROVED', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED']);
/** A release is scheduled at most this far ahead. */
const MAX_AHEAD_MS = 2 * 366 * 24 * 60 * 60 * 1000;
const SUMMARY_MAX = 300;

/** What a release is made of, read from a content item and its variants. */
export interface ReleaseSource {
  title: string;
  summary: string;
  body: SanitizedHtml;
  mediaIds: string[];
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The release made from an item: its long-form variant when it has one (the variant marked as the item's long form,
 * else one whose settings hold a `title`, `html` or `excerpt`, as a blog article's do), else its title and brief.
 * HTML is sanitised; text becomes paragraphs.
 */
export function releaseSourceOf(
  item: { title: string; brief: string },
  variants: readonly Pick<ContentVariantEntity, 'text' | 'options' | 'mediaIds' | 'longForm'>[],
): ReleaseSource {
  const longForm =
    variants.find((v) => v.longForm) ?? variants.find((v) => str(v.options.html) || str(v.options.title) || str(v.options.excerpt));
  const html = longForm ? str(longForm.options.html) : null;
  const body = html ? sanitizeHtml(html) : textToHtml(longForm?.text.trim() ? longForm.text : item.brief.trim() ? item.brief : item.title);
  const title = (longForm ? str(longForm.options.title) : null) ?? item.title;
  const summary = excerpt((longForm ? str(longForm.options.excerpt) : null) ?? body.text, SUMMARY_MAX);
  const mediaIds = [...new Set([...(longForm?.mediaIds ?? []), ...variants.flatMap((v) => v.mediaIds)])].slice(0, 20);
  return { title: title.slice(0, 300), summary, body, mediaIds };
}

/** Releases: snapshots of approved content items, public from their time until withdrawn. */
@Injectable()
export class PressReleaseService {
  constructor(
    private readonly releases: PressReleaseRepository,
    private readonly items: ContentItemRepository,
    private readonly rooms: PressRoomService,
    private readonly audit: AuditRepository,
    private readonly queues: JobQueues,
  ) {}

  async publish(
    ctx: ContentCtx,
    input: { itemId: string; slug?: string | null; publishAt?: Date | null },
    now = new Date(),
  ): Promise<PressReleaseEntity> {
    await this.rooms.require(ctx);
    const item = await this.items.find(ctx, input.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `Content item ${input.itemId} was not found.`, { field: 'input.itemId' });
    if (!PUBLISHABLE.has(item.status))
      throw new DomainError('CONFLICT', `Only an approved, scheduled or published item can be a release; this one is ${item.status}.`, {
        field: 'input.itemId',
        reason: PRESS_RELEASE_REASONS.itemNotReady,
      });
    if (await this.releases.activeForItem(ctx.uow, item.id))
      throw new DomainError('CONFLICT', 'This item is already a release of the press room: withdraw it first.', {
        field: 'input.itemId',
        reason: PRESS_RELEASE_REASONS.exists,
      });
    const publishAt = input.publishAt ?? now;
    if (publishAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw badInput('input.publishAt', 'must be within two years from now');
    if (publishAt.getUTCFullYear() < 2000) throw badInput('input.publishAt', 'must be in the year 2000 or later');
    const source = releaseSourceOf(item, await this.items.variants(ctx, [item.id]));
    const slug = await this.slugFor(ctx, input.slug ?? null, source.title);
    let release: PressReleaseEntity;
    try {
      release = await this.releases.insert(
        ctx.uow,
        {
          itemId: item.id,
          slug,
          title: source.title,
          summary: source.summary,
          bodyHtml: source.body.html,
          bodyText: source.body.text,
          mediaIds: source.mediaIds,
          publishAt,
        },
        ctx.actor.type === 'USER' ? ctx.actor.id : null,
      );
    } catch (error) {
      // Two members publishing at once: the database keeps one release per item and one per slug.
      const constraint = uniqueConstraintOf(error);
      if (constraint === null) throw error;
      if (constraint.includes('item'))
        throw new DomainError('CONFLICT', 'This item is already a release of the press room.', {
          field: 'input.itemId',
          reason: PRESS_RELEASE_REASONS.exists,
        });
      throw new DomainError('CONFLICT', 'Another release of the room has this slug.', {
        field: 'input.slug',
        reason: PRESS_RELEASE_REASONS.slugTaken,
      });
    }
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action: 'pressRelease.publish', targetType: 'PressRelease', targetId: release.id, metadata: { itemId: item.id, slug, publishAt } },
      ctx.requestId,
    );
    enqueueDigest(ctx.uow, this.queues, ctx.uow.organizationId, publishAt);
    return release;
  }

  /** The given slug (refused when malformed or taken), or one made from the title, with `-2`, `-3`… when taken. */
  private async slugFor(ctx: ContentCtx, given: string | null, title: string): Promise<string> {
    if (given !== null) {
      const slug = given.trim();
      if (!RELEASE_SLUG.test(slug) || slug.includes('--') || slug.length > RELEASE_SLUG_MAX)
        throw badInput(
          'input.slug',
          'must be 1 to 100 lowercase letters, digits and single dashes, starting and ending with a letter or digit',
        );
      if ((await this.releases.takenSlugs(ctx.uow, [slug])).size)
        throw new DomainError('CONFLICT', 'Another release of the room has this slug.', {
          field: 'input.slug',
          reason: PRESS_RELEASE_REASONS.slugTaken,
        });
      return slug;
    }
    const base = slugify(title);
    for (let start = 1; start < 1000; start += 50) {
      const candidates = Array.from({ length: 50 }, (_, i) => (start + i === 1 ? base : `${base}-${start + i}`));
      const taken = await this.releases.takenSlugs(ctx.uow, candidates);
      const free = candidates.find((c) => !taken.has(c));
      if (free) return free;
    }
    return `${base}-${Date.now().toString(36)}`;
  }

  async withdraw(ctx: ContentCtx, id: string): Promise<PressReleaseEntity> {
    const before = await this.releases.find(ctx.uow, id, true);
    if (!before) throw notFound('Press release', id);
    const release = (await this.releases.withdraw(ctx.uow, id)) as PressReleaseEntity;
    if (!before.withdrawnAt) {
      // Newsletter mails of it that have not left yet are not sent.
      await ORGANIZATION_OUTBOX.cancelFor(ctx.uow, ctx.uow.organizationId, [id]);
      await this.audit.recordInOrganization(
        ctx.uow,
        ctx.actor,
        { action: 'pressRelease.withdraw', targetType: 'PressRelease', targetId: id, metadata: { slug: release.slug } },
        ctx.requestId,
      );
    }
    return release;
  }

  get(ctx: ContentCtx, id: string): Promise<PressReleaseEntity | null> {
    return this.releases.find(ctx.uow, id);
  }

  page(ctx: ContentCtx, page: KeysetPage, filter: ReleaseFilter): Promise<PressReleaseEntity[]> {
    return this.releases.page(ctx.uow, page, filter);
  }

  count(ctx: ContentCtx, filter: ReleaseFilter): Promise<number> {
    return this.releases.count(ctx.uow, filter);
  }
}
