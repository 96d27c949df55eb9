import { WebhookEvents } from '@socle/platform-webhooks';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { badInput, conflict, DomainError, FieldProblem } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { ContentCtx, ContentItemRepository, userIdOf } from '../items/content-item.repository';
import { ContentItemService, ItemMove } from '../items/content-item.service';
import type { ContentStatus } from '../items/status';
import { NETWORK_TARGETS, NetworkTargets } from '../network-targets';
import { CONTENT_PUBLISHER, ContentPublisher, PublishFailure } from './content-publisher';
import type { CrisisPauseListener } from './crisis-pause-listener';
import { CrisisPauseEntity, idempotencyKeyOf, PENDING_STATUSES, PublicationEntity } from './publication.entity';
import { NewPublication, PublicationFilter, PublicationRepository } from './publication.repository';
import { PublicationWakeups } from './publication-wakeups';

/** `extensions.reason` of the publishing refusals. */
export const PUBLISHING_REASONS = {
  inProgress: 'PUBLICATION_IN_PROGRESS',
  notRetryable: 'PUBLICATION_NOT_RETRYABLE',
  notPublished: 'PUBLICATION_NOT_PUBLISHED',
  notPaused: 'CRISIS_PAUSE_NOT_ON',
  alreadyPaused: 'CRISIS_PAUSE_ALREADY_ON',
  networkRefused: 'NETWORK_REFUSED',
} as const;

/** Item statuses in which its publications may still go out (the claim checks the same). */
export const LIVE_ITEM_STATUSES: readonly ContentStatus[] = ['SCHEDULED', 'PUBLISHING', 'FAILED'];

/** Furthest a publication may be planned. */
const MAX_AHEAD_MS = 2 * 366 * 24 * 3600 * 1000;

export interface CrisisPauseState {
  pause: CrisisPauseEntity | null;
  /** HELD publications, soonest first (at most `limit`). */
  held: PublicationEntity[];
  /** Publications the pause cannot stop: a worker is calling the network right now. */
  publishing: PublicationEntity[];
}

/**
 * Scheduling, the publication list, retries, deletion of a published post and
 * the crisis pause. The item's status changes only through
 * `ContentItemService.move`; an item that leaves the schedule (edited back to
 * DRAFT, cancelled, unscheduled) has its pending publications cancelled in the
 * move's own transaction (see `itemMoved`).
 *
 * Lock order: a writer here locks the item, then its publications (as edits
 * do). The worker never waits for an item while holding a publication that is
 * still pending: it commits its claim first, and once the publication is
 * PUBLISHING no writer here waits for it (they only touch pending ones).
 */
@Injectable()
export class PublishingService implements OnModuleInit {
  private readonly crisisPauseListeners: CrisisPauseListener[] = [];

  constructor(
    private readonly publications: PublicationRepository,
    private readonly items: ContentItemService,
    private readonly itemRows: ContentItemRepository,
    private readonly wakeups: PublicationWakeups,
    private readonly audit: AuditRepository,
    @Inject(NETWORK_TARGETS) private readonly targets: NetworkTargets,
    @Inject(CONTENT_PUBLISHER) private readonly publisher: ContentPublisher,
    private readonly webhooks: WebhookEvents,
  ) {}

  onModuleInit(): void {
    this.items.onMove(this.itemMoved);
  }

  /**
   * An item leaving the statuses in which it is published (to DRAFT, APPROVED,
   * CANCELLED) takes its pending publications with it, in the same unit of
   * work as the move. A publication being sent (PUBLISHING) is left to its
   * worker, which finds the item gone from the schedule when it records (see
   * `PublishPublicationJob`); a PUBLISHED one stays what it is.
   */
  private readonly itemMoved = async (ctx: ContentCtx, move: ItemMove): Promise<void> => {
    if (!LIVE_ITEM_STATUSES.includes(move.from) || LIVE_ITEM_STATUSES.includes(move.to) || move.to === 'PUBLISHED') return;
    await this.publications.cancelPendingOfItem(ctx, move.itemId, `its content item went from ${move.from} to ${move.to}`);
  };

  page(ctx: ContentCtx, filter: PublicationFilter, page: KeysetPage): Promise<PublicationEntity[]> {
    return this.publications.page(ctx, filter, page);
  }

  /** How many publications the filter keeps, all pages together. */
  count(ctx: ContentCtx, filter: PublicationFilter): Promise<number> {
    return this.publications.count(ctx, filter);
  }

  async get(ctx: ContentCtx, id: string, field = 'input.id'): Promise<PublicationEntity> {
    const publication = await this.publications.find(ctx, id);
    if (!publication) throw new DomainError('NOT_FOUND', `Publication ${id} was not found.`, { field });
    return publication;
  }

  attempts(ctx: ContentCtx, id: string) {
    return this.publications.attempts(ctx, id);
  }

  /**
   * APPROVED → SCHEDULED: one publication per variant (of the accounts asked
   * for, or every variant). Every problem is reported at once, with its field;
   * nothing is stored then. During a crisis pause the publications are HELD.
   */
  async schedule(ctx: ContentCtx, input: { itemId: string; dueAt: Date; accountIds?: string[] }): Promise<PublicationEntity[]> {
    const problems: FieldProblem[] = [];
    this.checkDueAt(input.dueAt, 'input.dueAt', problems);
    const item = await this.items.find(ctx, input.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `Content item ${input.itemId} was not found.`, { field: 'input.itemId' });
    const variants = await this.itemRows.variants(ctx, [item.id]);
    let chosen = variants;
    if (input.accountIds) {
      const seen = new Set<string>();
      chosen = [];
      input.accountIds.forEach((accountId, i) => {
        if (seen.has(accountId)) {
          problems.push({ field: `input.accountIds[${i}]`, message: 'is given twice' });
          return;
        }
        seen.add(accountId);
        const variant = variants.find((v) => v.networkAccountId === accountId);
        if (!variant) problems.push({ field: `input.accountIds[${i}]`, message: 'is not an account this item has a variant for' });
        else chosen.push(variant);
      });
      if (input.accountIds.length === 0)
        problems.push({ field: 'input.accountIds', message: 'name at least one account, or leave it out for every variant' });
    } else {
      if (variants.length === 0) problems.push({ field: 'input.itemId', message: 'the item has no variant to publish' });
      variants.forEach((v) => {
        if (!v.networkAccountId)
          problems.push({
            field: 'input.itemId',
            message: `variant ${v.id} (${v.network}) has no network account (it was disconnected): give it one or choose input.accountIds`,
          });
      });
    }
    const field = (accountId: string) => {
      const i = input.accountIds?.indexOf(accountId) ?? -1;
      return i >= 0 ? `input.accountIds[${i}]` : 'input.itemId';
    };
    const targets = await this.targets.describe(
      ctx.uow,
      chosen.flatMap((v) => (v.networkAccountId ? [v.networkAccountId] : [])),
    );
    for (const variant of chosen) {
      if (!variant.networkAccountId) continue;
      const target = targets.get(variant.networkAccountId);
      const where = field(variant.networkAccountId);
      if (!target)
        problems.push({ field: where, message: `network account ${variant.networkAccountId} is not connected in this organization` });
      else if (target.status === 'NEEDS_REAUTH')
        problems.push({ field: where, message: `${target.handle} must be connected again before anything is published to it` });
      else if (!target.manifest?.capabilities.publish)
        problems.push({ field: where, message: `${target.network} accounts cannot be published to` });
      else if (variant.mediaIds.length > 0 && !target.manifest.capabilities.media)
        problems.push({ field: where, message: `${target.network} posts cannot carry media: remove them from its variant` });
      else if (variant.mediaIds.length > target.manifest.media.maxCount)
        problems.push({ field: where, message: `a ${target.network} post carries at most ${target.manifest.media.maxCount} media` });
      else if (variant.findings.some((f) => f.severity === 'BLOCK'))
        problems.push({ field: where, message: `the ${target.network} variant has blocking findings: fix them first` });
    }
    // A press release: the long form goes out first, the short forms wait for it and link to it; never without it.
    const longForm = variants.find((v) => v.longForm);
    if (longForm && chosen.length > 0 && !chosen.includes(longForm))
      problems.push({
        field: 'input.accountIds',
        message: `the item's long form (its ${longForm.network} variant) must be scheduled with the short forms that link to it`,
      });
    if (problems.length) throw badInput(problems);
    const paused = (await this.publications.pause(ctx))?.active ?? false;
    const ids = new Map(chosen.map((variant) => [variant.id, randomUUID()]));
    const longFormPublication = longForm ? ids.get(longForm.id) : undefined;
    const rows: NewPublication[] = chosen.map((variant) => {
      const id = ids.get(variant.id) as string;
      return {
        id,
        itemId: item.id,
        variantId: variant.id,
        networkAccountId: variant.networkAccountId as string,
        network: variant.network,
        dueAt: input.dueAt,
        status: paused ? 'HELD' : 'SCHEDULED',
        idempotencyKey: idempotencyKeyOf(ctx.organizationId, id),
        createdBy: userIdOf(ctx.actor),
        waitsFor: longFormPublication && longFormPublication !== id ? longFormPublication : null,
      };
    });
    await this.items.move(ctx, item.id, 'SCHEDULED', {
      from: ['APPROVED'],
      action: 'content.scheduled',
      field: 'input.itemId',
      details: { dueAt: input.dueAt.toISOString(), accountIds: rows.map((r) => r.networkAccountId), held: paused },
    });
    await this.publications.insert(ctx, rows);
    const created = await this.publications.ofItem(ctx, item.id);
    const mine = created.filter((p) => rows.some((r) => r.id === p.id));
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, mine);
    return mine;
  }

  /** SCHEDULED → APPROVED: the pending publications are cancelled. Refused while one is being published. */
  async unschedule(ctx: ContentCtx, itemId: string): Promise<PublicationEntity[]> {
    if (!(await this.publications.lockItem(ctx, itemId)))
      throw new DomainError('NOT_FOUND', `Content item ${itemId} was not found.`, { field: 'input.itemId' });
    await this.refuseWhilePublishing(ctx, itemId);
    const cancelled = await this.publications.setStatusOfItem(ctx, itemId, PENDING_STATUSES, 'CANCELLED');
    await this.items.move(ctx, itemId, 'APPROVED', {
      from: ['SCHEDULED'],
      action: 'content.unscheduled',
      field: 'input.itemId',
      details: { cancelled: cancelled.length },
    });
    return cancelled;
  }

  /** The item's pending publications move to `dueAt`. */
  async reschedule(ctx: ContentCtx, itemId: string, dueAt: Date): Promise<PublicationEntity[]> {
    const problems: FieldProblem[] = [];
    this.checkDueAt(dueAt, 'input.dueAt', problems);
    if (problems.length) throw badInput(problems);
    const status = await this.publications.lockItem(ctx, itemId);
    if (!status) throw new DomainError('NOT_FOUND', `Content item ${itemId} was not found.`, { field: 'input.itemId' });
    const moved = status === 'SCHEDULED' ? await this.publications.reschedule(ctx, itemId, dueAt) : [];
    if (status !== 'SCHEDULED' || moved.length === 0) {
      throw conflict(
        `Content item ${itemId} is ${status} with no publication waiting: only a scheduled item is rescheduled.`,
        'input.itemId',
        'CONTENT_TRANSITION_NOT_ALLOWED',
      );
    }
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.rescheduled',
        targetType: 'ContentItem',
        targetId: itemId,
        metadata: { dueAt: dueAt.toISOString(), publications: moved.length },
      },
      ctx.requestId,
    );
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, moved);
    return moved;
  }

  /** A FAILED or NEEDS_REAUTH publication is tried again now (a FAILED item goes back to SCHEDULED). */
  async retry(ctx: ContentCtx, id: string): Promise<PublicationEntity> {
    const current = await this.get(ctx, id);
    // The item first (the order of every writer here): an edit racing the retry waits, or is waited for.
    await this.publications.lockItem(ctx, current.itemId);
    const paused = (await this.publications.pause(ctx))?.active ?? false;
    const requeued = await this.publications.requeue(ctx, id, paused ? 'HELD' : 'SCHEDULED');
    if (!requeued) {
      throw new DomainError('CONFLICT', `Publication ${id} is ${current.status}: only a FAILED or NEEDS_REAUTH publication is retried.`, {
        field: 'input.id',
        reason: PUBLISHING_REASONS.notRetryable,
        details: { status: current.status },
      });
    }
    if (!requeued.variantId || !requeued.networkAccountId) {
      throw badInput('input.id', 'its variant or network account is gone: schedule the item again instead');
    }
    const itemStatus = await this.publications.lockItem(ctx, requeued.itemId);
    if (itemStatus === 'FAILED') {
      await this.items.move(ctx, requeued.itemId, 'SCHEDULED', {
        from: ['FAILED'],
        action: 'content.publication_retried',
        field: 'input.id',
        details: { publicationId: id },
      });
    } else if (itemStatus !== 'PUBLISHING' && itemStatus !== 'SCHEDULED') {
      throw conflict(`Its content item is ${itemStatus}: schedule it again instead.`, 'input.id', 'CONTENT_TRANSITION_NOT_ALLOWED');
    } else {
      await this.audit.recordInOrganization(
        ctx.uow,
        ctx.actor,
        {
          action: 'content.publication_retried',
          targetType: 'Publication',
          targetId: id,
          metadata: { itemId: requeued.itemId, from: current.status },
        },
        ctx.requestId,
      );
    }
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, [requeued]);
    return requeued;
  }

  /**
   * Deletes a published post at the network (when its connector can), then
   * records it. The network is called with no transaction open; a refusal
   * stores nothing.
   */
  async deletePublished(ctx: ContentCtx, id: string): Promise<PublicationEntity> {
    const publication = await this.get(ctx, id);
    if (publication.status !== 'PUBLISHED' || !publication.externalId || publication.deletedAt) {
      throw new DomainError(
        'CONFLICT',
        `Publication ${id} is ${publication.deletedAt ? 'already deleted' : publication.status}: only a published post is deleted.`,
        {
          field: 'input.id',
          reason: PUBLISHING_REASONS.notPublished,
        },
      );
    }
    if (!publication.networkAccountId)
      throw badInput('input.id', 'its network account was disconnected: delete the post on the network itself');
    const prepared = await this.publisher.prepare(ctx, publication.networkAccountId);
    if ('failure' in prepared) throw this.networkError(prepared.failure);
    if (!prepared.account.manifest.capabilities.delete) {
      throw badInput('input.id', `${prepared.account.manifest.displayName} posts cannot be deleted through the platform`);
    }
    await ctx.uow.commitAndContinue();
    const result = await prepared.account.delete(publication.externalId);
    if ('failure' in result) throw this.networkError(result.failure);
    const deleted = await this.publications.markDeleted(ctx, id);
    if (!deleted) return this.get(ctx, id);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.post_deleted',
        targetType: 'Publication',
        targetId: id,
        metadata: { itemId: publication.itemId, network: publication.network, externalId: publication.externalId },
      },
      ctx.requestId,
    );
    return deleted;
  }

  // ------------------------------------------------------------------ crisis pause

  /** Adds a listener of the crisis pause starting and ending (see `CrisisPauseListener`); once per listener. */
  onCrisisPause(listener: CrisisPauseListener): void {
    if (!this.crisisPauseListeners.includes(listener)) this.crisisPauseListeners.push(listener);
  }

  async crisisPause(ctx: ContentCtx, limit = 100): Promise<CrisisPauseState> {
    const [pause, held, publishing] = [
      await this.publications.pause(ctx),
      await this.publications.withStatus(ctx, ['HELD'], limit),
      await this.publications.withStatus(ctx, ['PUBLISHING'], limit),
    ];
    return { pause, held, publishing };
  }

  /**
   * Holds every scheduled publication at once (a wake-up already queued finds the pause when it claims),
   * then tells the crisis-pause listeners in the same unit of work. `reference` names what the pause was
   * started from (an alert), for the listeners.
   */
  async startCrisisPause(ctx: ContentCtx, reason: string, reference: string | null = null): Promise<CrisisPauseState> {
    if (!(await this.publications.startPause(ctx, reason, userIdOf(ctx.actor)))) {
      throw conflict('Publishing is already paused.', 'input.on', PUBLISHING_REASONS.alreadyPaused);
    }
    const held = await this.publications.holdAll(ctx);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.crisis_paused',
        targetType: 'Organization',
        targetId: ctx.organizationId,
        metadata: { reason, held: held.length },
      },
      ctx.requestId,
    );
    await this.webhooks.emit(ctx.uow, 'crisis_pause.started', { reason, startedBy: userIdOf(ctx.actor), held: held.length });
    for (const listener of this.crisisPauseListeners) await listener.started(ctx, { reason, reference });
    return this.crisisPause(ctx);
  }

  /**
   * Ends the pause and releases what it held; overdue publications move to `rescheduleOverdueTo` when given.
   * The crisis-pause listeners are told in the same unit of work.
   */
  async resumeAfterCrisisPause(
    ctx: ContentCtx,
    rescheduleOverdueTo: Date | null,
    field = 'input.rescheduleOverdueTo',
  ): Promise<{ released: PublicationEntity[]; state: CrisisPauseState }> {
    if (rescheduleOverdueTo) {
      const problems: FieldProblem[] = [];
      this.checkDueAt(rescheduleOverdueTo, field, problems);
      if (problems.length) throw badInput(problems);
    }
    if (!(await this.publications.endPause(ctx, userIdOf(ctx.actor)))) {
      throw conflict('Publishing is not paused.', 'input', PUBLISHING_REASONS.notPaused);
    }
    const released = await this.publications.releaseAll(ctx, rescheduleOverdueTo);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.crisis_resumed',
        targetType: 'Organization',
        targetId: ctx.organizationId,
        metadata: { released: released.length, rescheduleOverdueTo: rescheduleOverdueTo?.toISOString() ?? null },
      },
      ctx.requestId,
    );
    await this.webhooks.emit(ctx.uow, 'crisis_pause.ended', { endedBy: userIdOf(ctx.actor), released: released.length });
    for (const listener of this.crisisPauseListeners) await listener.ended(ctx);
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, released);
    return { released, state: await this.crisisPause(ctx) };
  }

  private checkDueAt(dueAt: Date, field: string, problems: FieldProblem[]): void {
    const time = dueAt instanceof Date ? dueAt.getTime() : Number.NaN;
    if (!Number.isFinite(time)) problems.push({ field, message: 'must be a date and time' });
    else if (time < Date.now()) problems.push({ field, message: 'is in the past' });
    else if (time > Date.now() + MAX_AHEAD_MS) problems.push({ field, message: 'is more than two years ahead' });
  }

  private async refuseWhilePublishing(ctx: ContentCtx, itemId: string): Promise<void> {
    const counts = await this.publications.statusCounts(ctx, itemId);
    if ((counts.get('PUBLISHING') ?? 0) > 0) {
      throw new DomainError('CONFLICT', 'A publication of this item is being sent to its network right now; nothing was changed.', {
        field: 'input.itemId',
        reason: PUBLISHING_REASONS.inProgress,
      });
    }
  }

  private networkError(failure: PublishFailure): DomainError {
    switch (failure.kind) {
      case 'RATE_LIMITED':
        return new DomainError(
          'RATE_LIMITED',
          `The network is limiting requests; retry in ${failure.retryAfterSeconds ?? 60} s. Nothing was changed.`,
          {
            details: { retryAfterSeconds: failure.retryAfterSeconds ?? 60 },
          },
        );
      case 'TRANSIENT':
      case 'UNKNOWN':
        return new DomainError(
          'UPSTREAM_UNAVAILABLE',
          `The network did not answer properly (${failure.message}); nothing was changed. Try again.`,
          {
            details: { networkErrorKind: failure.kind },
          },
        );
      case 'AUTH_EXPIRED':
        return new DomainError('CONFLICT', `The network refused the account's credentials: connect it again. ${failure.message}`, {
          field: 'input.id',
          reason: PUBLISHING_REASONS.networkRefused,
        });
      default:
        return new DomainError('CONFLICT', `The network refused: ${failure.message}`, {
          field: 'input.id',
          reason: PUBLISHING_REASONS.networkRefused,
        });
    }
  }
}
