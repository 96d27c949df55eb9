import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConnectorManifest, MediaAttachment, PublishedPost, Variant } from '@socle/connector-sdk';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { isDomainError } from '@socle/platform-errors';
import { AccountRateLimiter, AccountRateWindow, JobHandler, Reconcilable } from '@socle/platform-queue';
import type { ContentCtx } from '../items/content-item.repository';
import { ContentItemService } from '../items/content-item.service';
import { MediaAssetEntity, MediaAssetRepository } from '../media/media-asset.repository';
import { MEDIA_STORAGE, MediaStorage } from '../media/media-storage';
import type { ContentStatus } from '../items/status';
import { CONTENT_PUBLISHER, ContentPublisher, PreparedAccount, PublishFailure } from './content-publisher';
import { decideAfterFailure, DEFAULT_RETRY_POLICY, RetryPolicy } from './publication-outcome';
import type { PublicationStatus } from './publication.entity';
import { Claimed, PublicationRepository } from './publication.repository';
import { LIVE_ITEM_STATUSES } from './publishing.service';
import { PUBLISH_PUBLICATION_JOB, PUBLISHING_QUEUE, PublicationWakeups, PublishPublicationPayload } from './publication-wakeups';

/** How long a claim may take before another worker may take the publication over. */
export function leaseMsOf(config: Pick<SocleConfig, 'CONNECTOR_TIMEOUT_MS'>): number {
  // A publish may make several calls (media, thread parts, a look-up; after a refused token, a
  // refresh of the credentials and the publish again), each up to the timeout.
  return Math.max(60_000, config.CONNECTOR_TIMEOUT_MS * 10);
}

/** The account's publishing windows (the SDK's `rateLimit.publish`, else its request hint). */
function rateWindowsOf(manifest: ConnectorManifest): AccountRateWindow[] {
  const publish = manifest.rateLimit.publish;
  if (publish?.length) return publish.map(({ limit, windowSeconds }) => ({ limit, windowSeconds }));
  return [{ limit: manifest.rateLimit.requests, windowSeconds: manifest.rateLimit.windowSeconds }];
}

/** The variant as its connector takes it: the link goes at the end of the text unless the text has it. */
function toConnectorVariant(variant: { text: string; linkUrl: string | null }, media: MediaAttachment[]): Variant {
  const text =
    variant.linkUrl && !variant.text.includes(variant.linkUrl) ? `${variant.text.trimEnd()}\n\n${variant.linkUrl}`.trim() : variant.text;
  return media.length ? { text, media } : { text };
}

export type PublishResult = {
  status: string | null;
  outcome: 'published' | 'found' | 'failed' | 'retry' | 'held' | 'skipped' | 'lost-lease';
};

type Attempt = { post: PublishedPost; found: boolean } | { failure: PublishFailure };

/**
 * Publishes one publication. The job only says "publication X may be due";
 * PostgreSQL decides. The publication is claimed with a lease in one statement
 * (see `PublicationRepository.claim`) and committed; the network is called with
 * no transaction open; the result is recorded in a short transaction, only
 * while this attempt still holds the lease. A publication whose lease expired
 * (its worker died between the call and the record) is asked about first
 * (`findPublished`) when the connector can tell; otherwise it is published
 * again with the same idempotency key, which the network dedupes.
 *
 * An item that left the schedule while its publication was claimed (edited
 * back to DRAFT, cancelled): the worker checks the item, locked, after its
 * claim has committed and before any call, and cancels the publication
 * instead of sending it; after a call, a failure (to retry, held or failed)
 * is recorded CANCELLED, while a post the network made is recorded PUBLISHED
 * as it is (it exists; deleting it is a person's decision).
 *
 * `reconcile` is the sweeper: due publications whose wake-up Redis lost and
 * expired leases, across tenants, re-enqueued in one batch.
 */
@Injectable()
export class PublishPublicationJob implements JobHandler<PublishPublicationPayload>, Reconcilable {
  readonly queue = PUBLISHING_QUEUE;
  readonly name = PUBLISH_PUBLICATION_JOB;
  private readonly logger = new Logger(PUBLISH_PUBLICATION_JOB);
  private readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  /** The retry rules (tests may shorten the back-off). */
  policy: RetryPolicy = DEFAULT_RETRY_POLICY;
  readonly leaseMs: number;

  constructor(
    private readonly units: UnitOfWorkFactory,
    config: SocleConfig,
    private readonly publications: PublicationRepository,
    private readonly items: ContentItemService,
    private readonly wakeups: PublicationWakeups,
    private readonly limiter: AccountRateLimiter,
    @Inject(CONTENT_PUBLISHER) private readonly publisher: ContentPublisher,
    private readonly mediaAssets: MediaAssetRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {
    this.leaseMs = leaseMsOf(config);
  }

  async handle({ organizationId, publicationId }: PublishPublicationPayload): Promise<PublishResult> {
    // The payload names the tenant: the job acts in that organisation, row-level security as for a request.
    return this.units.runInOrganization(organizationId, (uow) =>
      this.publish({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, publicationId),
    );
  }

  /** The sweeper: wakes what is due and what a dead worker left, whatever Redis holds. */
  async reconcile(): Promise<number> {
    const due = await this.units.run({}, (uow) => this.publications.due(uow, new Date(), 500));
    // A new job id each lease period: a dead worker's job keeps its id in BullMQ until its lock expires and a stall check
    // runs (up to a minute); an expired lease always falls in a later period than the wake-up its worker took.
    await this.wakeups.wakeMany(due, `sweep-${Math.floor(Date.now() / this.leaseMs)}`);
    return due.length;
  }

  private async publish(ctx: ContentCtx, id: string): Promise<PublishResult> {
    const token = `${this.workerId}/${randomBytes(6).toString('hex')}`;
    const claimed = await this.publications.claim(ctx, id, this.leaseMs, token);
    if (!claimed) return this.notClaimed(ctx, id);
    const publication = claimed.publication;
    // The claim commits alone: the publication is never held while waiting for its item (edits lock the item first).
    await ctx.uow.commitAndContinue();
    await this.moveItem(ctx, publication.itemId, 'PUBLISHING');
    const itemStatus = await this.publications.lockItem(ctx, publication.itemId);
    // An earlier attempt whose worker died may have reached the network: that one goes on (found, or sent with the same key).
    if (claimed.previousStatus !== 'PUBLISHING' && !this.live(itemStatus)) return this.itemLeft(ctx, claimed, token, itemStatus);
    const variant = publication.variantId ? await this.publications.variant(ctx, publication.variantId) : null;
    if (!variant) return this.failed(ctx, claimed, token, { kind: 'ACCOUNT', message: 'its variant was removed' }, null);
    if (!publication.networkAccountId)
      return this.failed(ctx, claimed, token, { kind: 'ACCOUNT', message: 'its network account was disconnected' }, null);
    const assets: MediaAssetEntity[] = [];
    for (const mediaId of variant.mediaIds) {
      const asset = await this.mediaAssets.find(ctx, mediaId);
      if (!asset)
        return this.failed(ctx, claimed, token, { kind: 'ACCOUNT', message: `media ${mediaId} is no longer in the library` }, null);
      assets.push(asset);
    }
    const prepared = await this.publisher.prepare(ctx, publication.networkAccountId);
    if ('failure' in prepared) return this.failed(ctx, claimed, token, prepared.failure, null);
    const account = prepared.account;
    const wait = await this.accountLimit(publication.networkAccountId, account.manifest);
    if (wait !== null) return this.postpone(ctx, claimed, token, wait);
    // Nothing is held while the network answers.
    await ctx.uow.commitAndContinue();
    const media = await this.readMedia(assets);
    if ('failure' in media) return this.failed(ctx, claimed, token, media.failure, null);
    const request = { idempotencyKey: publication.idempotencyKey, variant: toConnectorVariant(variant, media.attachments) };
    // An earlier attempt may have reached the network: its worker died, or its call timed out after sending.
    const mayExist =
      claimed.previousStatus === 'PUBLISHING' || publication.lastErrorKind === 'TRANSIENT' || publication.lastErrorKind === 'UNKNOWN';
    let attempt: Attempt | null = null;
    if (mayExist && account.canFindPublished) {
      const publishedAfter = new Date(publication.createdAt.getTime() - 5 * 60_000).toISOString();
      const found = await account.findPublished({ ...request, publishedAfter });
      if ('failure' in found) attempt = found;
      else if (found.post) attempt = { post: found.post, found: true };
    }
    if (!attempt) {
      const result = await account.publish(request);
      attempt = 'post' in result ? { post: result.post, found: false } : result;
    }
    if ('failure' in attempt) return this.failed(ctx, claimed, token, attempt.failure, account);
    return this.published(ctx, claimed, token, attempt.post, attempt.found);
  }

  private async published(ctx: ContentCtx, claimed: Claimed, token: string, post: PublishedPost, found: boolean): Promise<PublishResult> {
    const id = claimed.publication.id;
    const recorded = await this.publications.record(ctx, id, token, {
      status: 'PUBLISHED',
      externalId: post.externalId,
      externalUrl: post.url,
      lastErrorKind: null,
      lastError: null,
    });
    if (!recorded) return this.lostLease(id);
    await this.publications.finishAttempt(ctx, id, claimed.attemptNumber, found ? 'FOUND' : 'PUBLISHED', null, null);
    await this.settleItem(ctx, claimed.publication.itemId);
    this.logger.log(
      `publication ${id} of organization ${ctx.organizationId} published (${post.externalId})${found ? ', found already there' : ''}`,
    );
    return { status: 'PUBLISHED', outcome: found ? 'found' : 'published' };
  }

  private async failed(
    ctx: ContentCtx,
    claimed: Claimed,
    token: string,
    failure: PublishFailure,
    account: PreparedAccount | null,
  ): Promise<PublishResult> {
    const id = claimed.publication.id;
    const previous = await this.publications.failureCounts(ctx, id);
    const decision = decideAfterFailure(failure, previous, new Date(), this.policy);
    const itemStatus = await this.publications.lockItem(ctx, claimed.publication.itemId);
    // Its item left the schedule during the call: nothing is retried, held or failed for it any more.
    const left = !this.live(itemStatus);
    const status: PublicationStatus = left ? 'CANCELLED' : decision.status;
    // A call that timed out may have reached the network: said so, since nothing will look for that post any more.
    const mayExist =
      failure.kind === 'TRANSIENT' || failure.kind === 'UNKNOWN' ? ' (the network may have received it: check the account)' : '';
    const message = left
      ? `its content item is ${itemStatus ?? 'gone'}; the attempt ended: ${decision.message}${mayExist}`
      : decision.message;
    const recorded = await this.publications.record(ctx, id, token, {
      status,
      nextAttemptAt: left ? undefined : decision.retryAt,
      lastErrorKind: failure.kind,
      lastError: message,
    });
    if (!recorded) return this.lostLease(id);
    await this.publications.finishAttempt(ctx, id, claimed.attemptNumber, decision.outcome, failure.kind, failure.message);
    // The account's state is the account's truth, whatever became of the item.
    if (decision.flagAccount && account) await account.flagNeedsReauth(ctx, failure.message);
    const accountId = claimed.publication.networkAccountId;
    if (failure.kind === 'RATE_LIMITED' && decision.retryAt && accountId)
      await this.limiter.blockUntil(accountId, decision.retryAt).catch(() => undefined);
    if (status === 'SCHEDULED') this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, [recorded]);
    if (status === 'FAILED') await this.settleItem(ctx, claimed.publication.itemId);
    this.logger.warn(`publication ${id} of organization ${ctx.organizationId}: ${failure.kind} → ${status} (${message})`);
    return {
      status,
      outcome: status === 'SCHEDULED' ? 'retry' : status === 'NEEDS_REAUTH' ? 'held' : status === 'CANCELLED' ? 'skipped' : 'failed',
    };
  }

  /** The account's own publishing limit is reached: back to SCHEDULED for when it has room (not a failure). */
  private async postpone(ctx: ContentCtx, claimed: Claimed, token: string, waitMs: number): Promise<PublishResult> {
    const id = claimed.publication.id;
    const itemStatus = await this.publications.lockItem(ctx, claimed.publication.itemId);
    if (!this.live(itemStatus)) return this.itemLeft(ctx, claimed, token, itemStatus);
    const recorded = await this.publications.record(ctx, id, token, {
      status: 'SCHEDULED',
      nextAttemptAt: new Date(Date.now() + waitMs),
      lastErrorKind: claimed.publication.lastErrorKind,
      lastError: claimed.publication.lastError,
    });
    if (!recorded) return this.lostLease(id);
    await this.publications.finishAttempt(
      ctx,
      id,
      claimed.attemptNumber,
      'SKIPPED',
      null,
      `the account's publishing limit is reached; next try in ${Math.ceil(waitMs / 1000)} s`,
    );
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, [recorded]);
    return { status: 'SCHEDULED', outcome: 'retry' };
  }

  /** The claimed publication's item left the schedule before anything was sent: the publication is cancelled, the network not called. */
  private async itemLeft(ctx: ContentCtx, claimed: Claimed, token: string, itemStatus: string | null): Promise<PublishResult> {
    const id = claimed.publication.id;
    const message = `its content item is ${itemStatus ?? 'gone'}`;
    const recorded = await this.publications.record(ctx, id, token, { status: 'CANCELLED', lastErrorKind: null, lastError: message });
    if (!recorded) return this.lostLease(id);
    await this.publications.finishAttempt(ctx, id, claimed.attemptNumber, 'SKIPPED', null, `${message}: not sent`);
    this.logger.log(`publication ${id} of organization ${ctx.organizationId} cancelled before sending: ${message}`);
    return { status: 'CANCELLED', outcome: 'skipped' };
  }

  private live(itemStatus: string | null): boolean {
    return itemStatus !== null && (LIVE_ITEM_STATUSES as readonly string[]).includes(itemStatus);
  }

  /** The files of the variant's media, read with no transaction open (the storage may be remote). */
  private async readMedia(assets: MediaAssetEntity[]): Promise<{ attachments: MediaAttachment[] } | { failure: PublishFailure }> {
    const attachments: MediaAttachment[] = [];
    for (const asset of assets) {
      const file = await this.storage.get(asset.storageKey);
      if (!file) return { failure: { kind: 'ACCOUNT', message: `the file of media ${asset.id} is missing from the media storage` } };
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of file.stream) {
        size += (chunk as Buffer).length;
        // The library recorded its size: a file that grew is not what was approved.
        if (size > asset.byteSize) {
          file.stream.destroy();
          return { failure: { kind: 'ACCOUNT', message: `the file of media ${asset.id} does not match the library` } };
        }
        chunks.push(chunk as Buffer);
      }
      attachments.push({ mimeType: asset.contentType, data: new Uint8Array(Buffer.concat(chunks, size)) });
    }
    return { attachments };
  }

  /** Null when the account may post now; else how long to wait. */
  private async accountLimit(accountId: string, manifest: ConnectorManifest): Promise<number | null> {
    try {
      const taken = await this.limiter.take(accountId, rateWindowsOf(manifest));
      return taken.ok ? null : taken.retryAfterMs;
    } catch (error) {
      if (error instanceof RangeError) {
        // A manifest whose hints the limiter cannot hold: publish unlimited rather than never.
        this.logger.warn(`rate hints of ${manifest.id} cannot be enforced: ${error.message}`);
        return null;
      }
      throw error;
    }
  }

  /** Not claimable: not due, held, taken by another worker, or its item left the schedule (then it is cancelled). */
  private async notClaimed(ctx: ContentCtx, id: string): Promise<PublishResult> {
    const publication = await this.publications.find(ctx, id);
    if (!publication) return { status: null, outcome: 'skipped' };
    if (publication.status === 'SCHEDULED' || publication.status === 'HELD' || publication.status === 'NEEDS_REAUTH') {
      const item = await this.items.find(ctx, publication.itemId);
      if (!item || !['SCHEDULED', 'PUBLISHING', 'FAILED'].includes(item.status)) {
        await this.publications.cancel(ctx, id, `its content item is ${item?.status ?? 'gone'}`);
        return { status: 'CANCELLED', outcome: 'skipped' };
      }
    }
    return { status: publication.status, outcome: 'skipped' };
  }

  private lostLease(id: string): PublishResult {
    // Another worker took the publication over after this lease expired; its record stands (same idempotency key).
    this.logger.warn(`publication ${id}: the lease expired before the result was recorded; the worker that took it over records it`);
    return { status: null, outcome: 'lost-lease' };
  }

  /**
   * The item follows its publications: PUBLISHED when all are, FAILED when one
   * failed definitively. Its row is locked after the publication's (the order
   * every writer keeps), so two publications finishing at once see each other.
   */
  private async settleItem(ctx: ContentCtx, itemId: string): Promise<void> {
    const status = await this.publications.lockItem(ctx, itemId);
    if (!status) return;
    const counts = await this.publications.statusCounts(ctx, itemId);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if ((counts.get('FAILED') ?? 0) > 0) await this.moveItem(ctx, itemId, 'FAILED');
    else if (total > 0 && counts.get('PUBLISHED') === total) await this.moveItem(ctx, itemId, 'PUBLISHED');
  }

  private async moveItem(
    ctx: ContentCtx,
    itemId: string,
    to: Extract<ContentStatus, 'PUBLISHING' | 'PUBLISHED' | 'FAILED'>,
  ): Promise<void> {
    const item = await this.items.find(ctx, itemId);
    if (!item || item.status === to) return;
    const path: ContentStatus[] =
      to === 'PUBLISHING'
        ? item.status === 'SCHEDULED'
          ? ['PUBLISHING']
          : []
        : item.status === 'SCHEDULED'
          ? ['PUBLISHING', to]
          : item.status === 'PUBLISHING'
            ? [to]
            : [];
    for (const step of path) {
      try {
        await this.items.move(ctx, itemId, step, { action: `content.${step.toLowerCase()}`, details: { by: 'publishing' } });
      } catch (error) {
        // Another publication of the same item moved it first: its move stands.
        if (!isDomainError(error) || error.code !== 'CONFLICT') throw error;
        return;
      }
    }
  }
}
