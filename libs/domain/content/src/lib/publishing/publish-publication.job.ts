import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConnectorManifest, KeptPost, MediaAttachment, UploadProgress, Variant } from '@socle/connector-sdk';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { WebhookEvents } from '@socle/platform-webhooks';
import { AccountRateLimiter, AccountRateWindow, JobHandler, Reconcilable } from '@socle/platform-queue';
import type { ContentCtx } from '../items/content-item.repository';
import { ContentItemService, ItemMove } from '../items/content-item.service';
import { MEDIA_STORAGE, MediaStorage } from '../media/media-storage';
import { MediaPublicLinks } from '../media/media-public-links';
import type { ContentStatus } from '../items/status';
import { Budget } from './budget';
import { CONTENT_PUBLISHER, ContentPublisher, PreparedAccount, PublishFailure } from './content-publisher';
import { decideAfterFailure, DEFAULT_RETRY_POLICY, RetryPolicy } from './publication-outcome';
import type { PublicationStatus, PublicationUpload } from './publication.entity';
import { Claimed, PublicationRepository, VariantToSend } from './publication.repository';
import { LIVE_ITEM_STATUSES } from './publishing.service';
import { trackedVariant, withinTextLimits } from './utm';
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

/** The moves that take an item from `from` to PUBLISHED or FAILED through the workflow (none when it is not on the way). */
function pathTo(from: ContentStatus, to: 'PUBLISHED' | 'FAILED'): ContentStatus[] {
  if (from === 'SCHEDULED') return ['PUBLISHING', to];
  if (from === 'PUBLISHING') return [to];
  return [];
}

/** The variant as its connector takes it: the link goes at the end of the text unless the text has it; its settings as options. */
function toConnectorVariant(
  variant: { text: string; linkUrl: string | null; options?: Record<string, string | number | boolean> },
  media: MediaAttachment[],
): Variant {
  const text =
    variant.linkUrl && !variant.text.includes(variant.linkUrl) ? `${variant.text.trimEnd()}\n\n${variant.linkUrl}`.trim() : variant.text;
  const options = variant.options && Object.keys(variant.options).length ? { options: variant.options } : {};
  return media.length ? { text, media, ...options } : { text, ...options };
}

export type PublishResult = {
  status: string | null;
  outcome: 'published' | 'found' | 'failed' | 'retry' | 'held' | 'skipped' | 'lost-lease';
};

/** What a wake-up of an organisation did: how many publications it claimed, and what became of them. */
export interface DispatchSummary {
  claimed: number;
  outcomes: Partial<Record<PublishResult['outcome'], number>>;
  /** Due publications were left (a full batch): the organisation was woken again. */
  more: boolean;
}

/** Publications claimed by one wake-up at most: the lease covers them (and is extended while they are sent). */
export const DISPATCH_BATCH_SIZE = 100;
/** Network calls of one batch at once. The publications of one account are split over lanes, each with its prepared account. */
export const DISPATCH_LANES = 8;

type Attempt = { post: KeptPost; found: boolean } | { failure: PublishFailure };
type Prepared = { account: PreparedAccount } | { failure: PublishFailure };
const SYSTEM = { type: 'SYSTEM', id: null } as const;

/** A claimed publication ready to be sent: its variant read, its media known to the library. */
interface Ready {
  claimed: Claimed;
  accountId: string;
  variant: VariantToSend;
  assets: MediaFacts[];
}

type MediaFacts = { id: string; storageKey: string; contentType: string; byteSize: number };

/** What the call phase brings back for one publication. */
type Sent =
  | { claimed: Claimed; post: KeptPost; found: boolean }
  | { claimed: Claimed; failure: PublishFailure; account: PreparedAccount | null }
  | { claimed: Claimed; postponeMs: number }
  | { claimed: Claimed; error: unknown };

/**
 * Publishes the due publications of an organisation. The job only says
 * "organisation O may have due publications"; PostgreSQL decides. A batch is
 * claimed with one lease token in one statement (see
 * `PublicationRepository.claimBatch`) and committed; what it needs is read in
 * one short transaction (items locked and moved to PUBLISHING, variants with
 * their media); the network is called with no transaction open, a few calls at
 * once (`DISPATCH_LANES`, the publications of one account spread over lanes,
 * each lane with its own prepared account and unit of work, as separate jobs
 * had); the posts made are recorded in one statement, only for the rows this
 * attempt still holds the lease of, and their items follow in one statement
 * with their audit rows. A failure (rare) is recorded through the
 * per-publication path below, in its own short transaction, by the rules of
 * `publication-outcome.ts`. The statements of a batch are a constant handful
 * whatever its size: the cost per publication falls with the batch.
 *
 * The lease is `leaseMs` (one publication's worst case: several calls, each up
 * to the connector timeout) and is renewed while the batch runs (see
 * `keepLease`), so a batch slower than one lease keeps it, and a dead worker's
 * batch is taken over one lease after it died. Results are recorded as they
 * come, in chunks (see `recorder`), so a death loses one chunk's records. A publication whose lease
 * expired is asked about first (`findPublished`) when the connector can tell;
 * otherwise it is published again with the same idempotency key, which the
 * network dedupes.
 *
 * An item that left the schedule while its publication was claimed (edited
 * back to DRAFT, cancelled): the worker checks the item, locked, after its
 * claim has committed and before any call, and cancels the publication
 * instead of sending it; after a call, a failure (to retry, held or failed)
 * is recorded CANCELLED, while a post the network made is recorded PUBLISHED
 * as it is (it exists; deleting it is a person's decision).
 *
 * A worker process runs many organisations' wake-ups at once
 * (`concurrency`, PUBLISHING_CONCURRENCY): a dispatch spends most of its time
 * waiting for the networks, and one organisation's posts must not wait for
 * another's slow instance. Their claims and records take turns in the database
 * (`databaseTurns`), and the media files their calls hold in memory stay within
 * one buffer (`mediaBuffer`).
 *
 * `reconcile` is the sweeper: organisations with due publications whose
 * wake-up Redis lost, or with expired leases, across tenants, woken in one batch.
 */
@Injectable()
export class PublishPublicationJob implements JobHandler<PublishPublicationPayload>, Reconcilable {
  readonly queue = PUBLISHING_QUEUE;
  readonly name = PUBLISH_PUBLICATION_JOB;
  private readonly logger = new Logger(PUBLISH_PUBLICATION_JOB);
  private readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  /** The retry rules (tests may shorten the back-off). */
  policy: RetryPolicy = DEFAULT_RETRY_POLICY;
  leaseMs: number;
  batchSize = DISPATCH_BATCH_SIZE;
  lanes = DISPATCH_LANES;
  /**
   * A chunk of results is recorded when it holds a whole batch or after `recordAfterMs`: one settle (record, items
   * locked and counted, moved, commit) per batch when the network answers quickly. Two chunks of 50 per batch halved
   * the throughput on a loaded machine, where each of those statements waits its turn.
   */
  recordEvery = DISPATCH_BATCH_SIZE;
  recordAfterMs = 200;
  renewEveryMs = 10_000;
  /** Wake-ups (organisations) a worker process runs at once: most of a dispatch is spent waiting for the networks. */
  readonly concurrency: number;
  /**
   * Claims (with the reads and moves that follow them) and records of this process that run in PostgreSQL at once:
   * the dispatches waiting for the networks are many, those working in the database few, whatever the concurrency.
   */
  databaseTurns: Budget;
  /** Bytes of media files held in memory at once by this process's calls (see PUBLISHING_MEDIA_BUFFER_BYTES). */
  mediaBuffer: Budget;
  /** Upload progress is written at most this often per publication. */
  uploadEveryMs = 1000;

  constructor(
    private readonly units: UnitOfWorkFactory,
    config: SocleConfig,
    private readonly publications: PublicationRepository,
    private readonly items: ContentItemService,
    private readonly wakeups: PublicationWakeups,
    private readonly limiter: AccountRateLimiter,
    @Inject(CONTENT_PUBLISHER) private readonly publisher: ContentPublisher,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly webhooks: WebhookEvents,
    private readonly mediaLinks: MediaPublicLinks,
  ) {
    this.leaseMs = leaseMsOf(config);
    this.concurrency = config.PUBLISHING_CONCURRENCY;
    this.databaseTurns = new Budget(config.PUBLISHING_DATABASE_TURNS);
    this.mediaBuffer = new Budget(config.PUBLISHING_MEDIA_BUFFER_BYTES);
  }

  /** One publication (its result), or the organisation's due ones in batches (a summary). */
  handle(payload: PublishPublicationPayload & { publicationId: string }): Promise<PublishResult>;
  handle(payload: PublishPublicationPayload): Promise<PublishResult | DispatchSummary>;
  async handle({ organizationId, publicationId }: PublishPublicationPayload): Promise<PublishResult | DispatchSummary> {
    // The payload names the tenant: the job acts in that organisation, row-level security as for a request.
    return this.units.runInOrganization(organizationId, async (uow) => {
      const ctx: ContentCtx = { uow, organizationId: uow.organizationId, actor: SYSTEM };
      if (publicationId) {
        const { results } = await this.dispatch(ctx, publicationId);
        return results.get(publicationId) ?? this.notClaimed(ctx, publicationId);
      }
      return this.dispatchOrganization(ctx);
    });
  }

  /**
   * The sweeper: wakes the organisations with due publications or expired leases, whatever Redis holds, except one
   * whose wake-up for its earliest due time still waits in Redis (during a busy minute, most of them: a second wake-up
   * would only find nothing to claim). That wake-up is trusted for one lease period after its time; one still waiting
   * then (a long backlog, a queue Redis lost part of) gets another. An expired lease always wakes its organisation.
   * Returns how many organisations it woke.
   */
  async reconcile(): Promise<number> {
    const now = Date.now();
    const due = await this.units.run({}, (uow) => this.publications.dueOrganizations(uow, new Date(now), 1000));
    const waiting = await this.wakeups.waiting(
      due.flatMap(({ organizationId, earliestDue, leaseExpired }) =>
        !leaseExpired && earliestDue && now - earliestDue.getTime() < this.leaseMs ? [{ organizationId, at: earliestDue }] : [],
      ),
    );
    const organizations = due.filter((d) => !waiting.has(d.organizationId)).map((d) => d.organizationId);
    // A new job id each lease period: a dead worker's job keeps its id in BullMQ until its lock expires and a stall check
    // runs (up to a minute); an expired lease always falls in a later period than the wake-up its worker took.
    await this.wakeups.wakeMany(organizations, `sweep-${Math.floor(now / this.leaseMs)}`);
    return organizations.length;
  }

  private async dispatchOrganization(ctx: ContentCtx): Promise<DispatchSummary> {
    const { results, claimed, more } = await this.dispatch(ctx);
    if (claimed === 0) {
      // Nothing to claim: due publications whose item left the schedule behind our back would stay due for ever.
      const cancelled = await this.publications.cancelStaleDue(ctx);
      if (cancelled > 0)
        this.logger.log(`${cancelled} due publications of organization ${ctx.organizationId} cancelled: their item left the schedule`);
    }
    // Another job, not a loop: the other organisations' wake-ups queued meanwhile take their turn.
    if (more) ctx.uow.afterCommit(() => this.wakeups.wake(ctx.organizationId, new Date(), `more-${randomBytes(6).toString('hex')}`));
    const outcomes: DispatchSummary['outcomes'] = {};
    for (const r of results.values()) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    return { claimed, outcomes, more };
  }

  /** Claims a batch (or `only` that publication), sends it and records it; the results by publication. */
  private async dispatch(ctx: ContentCtx, only?: string): Promise<{ results: Map<string, PublishResult>; claimed: number; more: boolean }> {
    const token = `${this.workerId}/${randomBytes(6).toString('hex')}`;
    const results = new Map<string, PublishResult>();
    // The claim and what follows it in the database take one of this process's turns, given back before the calls.
    const giveTurnBack = await this.databaseTurns.take();
    let lease: { stop(): void } | undefined;
    let recorder: ReturnType<PublishPublicationJob['recorder']> | undefined;
    try {
      const { claimed, more } = await this.publications.claimBatch(ctx, this.leaseMs, token, only ? 1 : this.batchSize, only);
      if (claimed.length === 0) return { results, claimed: 0, more };
      // The claim commits alone: the publications are never held while waiting for their items (edits lock the item
      // first). The next transaction opens in the same round trip, on the same connection. The claim waits for its WAL to
      // reach the disk (a lost claim could send a post twice); what follows need not: should PostgreSQL crash and lose the
      // batch's item moves or records, its publications are still claimed (PUBLISHING, leased), so they are taken over
      // when the lease ends, asked about first (`findPublished`) or sent again with the same idempotency key, and
      // recorded again, as when a worker dies before recording.
      ctx.uow.relaxCommits();
      await ctx.uow.commitAndBegin();
      lease = this.keepLease(ctx.organizationId, token);
      recorder = this.recorder(ctx, token, results);
      const { ready, accounts } = await this.prepareBatch(ctx, claimed, token, results);
      // Nothing is held while the network answers.
      await ctx.uow.commitAndContinue();
      giveTurnBack();
      await this.sendAll(token, ready, accounts, recorder.add);
      await recorder.flush();
      return { results, claimed: claimed.length, more };
    } finally {
      giveTurnBack();
      recorder?.stop();
      lease?.stop();
    }
  }

  /**
   * Renews the batch's lease (now + `leaseMs`, read at each renewal) until
   * stopped, every third of the lease and at least every `renewEveryMs`, in its
   * own unit of work (the batch's may be between transactions, or in one). A
   * batch slower than one lease keeps it; a dead worker's batch is taken over
   * one lease after its last renewal. Each renewal is one statement per batch
   * that rewrites the lease of every publication the batch still holds
   * (nothing for a batch shorter than the interval), so no more often than
   * needed: with calls answered in 200 ms (batches of 2.5 s), renewing every
   * second instead of every ten cost PostgreSQL a fifth more per publication.
   * A lease shortened meanwhile (a setting changed) applies from the next
   * renewal.
   */
  private keepLease(organizationId: string, token: string): { stop(): void } {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const schedule = () => {
      if (stopped) return;
      timer = setTimeout(renew, Math.max(1, Math.min(Math.floor(this.leaseMs / 3), this.renewEveryMs)));
      timer.unref();
    };
    const renew = () => {
      this.units
        .runInOrganization(organizationId, (uow) =>
          this.publications.extendLease({ uow, organizationId: uow.organizationId, actor: SYSTEM }, token, this.leaseMs),
        )
        .catch((error: unknown) =>
          this.logger.warn(`renewing the lease of ${token} failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(schedule);
    };
    schedule();
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  /**
   * Results are recorded as they come, in chunks (`recordEvery` results, or
   * what came within `recordAfterMs`), one chunk at a time on the batch's unit
   * of work: a worker that dies mid-batch loses the records of one chunk at
   * most (those are found again after its lease), and the statements stay a
   * handful per chunk.
   */
  private recorder(ctx: ContentCtx, token: string, results: Map<string, PublishResult>) {
    let pending: Sent[] = [];
    let timer: NodeJS.Timeout | undefined;
    let chain: Promise<void> = Promise.resolve();
    const flush = (): Promise<void> => {
      clearTimeout(timer);
      timer = undefined;
      const chunk = pending;
      pending = [];
      if (chunk.length) {
        chain = chain.then(() => this.databaseTurns.with(1, () => this.recordAll(ctx, token, chunk, results)));
        // Surfaced by the final flush; a failed chunk stops the later ones (their leases run out and they are taken over).
        chain.catch(() => undefined);
      }
      return chain;
    };
    return {
      add: (sent: Sent) => {
        pending.push(sent);
        if (pending.length >= this.recordEvery) void flush();
        else timer ??= setTimeout(() => void flush(), this.recordAfterMs);
      },
      flush,
      stop: () => clearTimeout(timer),
    };
  }

  /**
   * In one transaction: the items locked (in id order) and those SCHEDULED moved
   * to PUBLISHING with their audit rows; a publication whose item left the
   * schedule is cancelled unsent; the variants and their media read at once;
   * each account the batch sends to read and its credentials opened (a refresh
   * of refused credentials later gets a unit of work of its own). What cannot
   * be sent (variant, account or media gone) fails here.
   */
  private async prepareBatch(
    ctx: ContentCtx,
    batch: Claimed[],
    token: string,
    results: Map<string, PublishResult>,
  ): Promise<{ ready: Ready[]; accounts: Map<string, Prepared> }> {
    const itemIds = [...new Set(batch.map((c) => c.publication.itemId))];
    const { statuses } = await this.items.lockAndMoveMany(
      ctx,
      itemIds,
      { from: 'SCHEDULED', to: 'PUBLISHING' },
      { action: 'content.publishing', details: { by: 'publishing' } },
    );
    const sendable: Claimed[] = [];
    for (const claimed of batch) {
      const itemStatus = statuses.get(claimed.publication.itemId) ?? null;
      // An earlier attempt whose worker died may have reached the network: that one goes on (found, or sent with the same key).
      if (claimed.previousStatus !== 'PUBLISHING' && !this.live(itemStatus))
        results.set(claimed.publication.id, await this.itemLeft(ctx, claimed, token, itemStatus));
      else sendable.push(claimed);
    }
    // Links carry UTM parameters (the item's campaign, the network) unless the organisation turned them off.
    const { variants, tracking } = await this.publications.sendInputs(ctx, [
      ...new Set(sendable.flatMap((c) => (c.publication.variantId ? [c.publication.variantId] : []))),
    ]);
    // A press release's short forms link to their long form, published before them (they are claimed only then).
    const longForms = await this.publications.addressesOf(ctx, [
      ...new Set(sendable.flatMap((c) => (c.publication.waitsFor ? [c.publication.waitsFor] : []))),
    ]);
    const ready: Ready[] = [];
    for (const claimed of sendable) {
      const { publication } = claimed;
      const variant = publication.variantId ? variants.get(publication.variantId) : undefined;
      const fail = async (message: string) =>
        results.set(publication.id, await this.failed(ctx, claimed, token, { kind: 'ACCOUNT', message }, null));
      const longFormUrl = publication.waitsFor ? longForms.get(publication.waitsFor) : undefined;
      if (!variant) await fail('its variant was removed');
      else if (!publication.networkAccountId) await fail('its network account was disconnected');
      else {
        const missing = variant.mediaIds.find((id) => !variant.media.has(id));
        if (missing) await fail(`media ${missing} is no longer in the library`);
        else
          ready.push({
            claimed,
            accountId: publication.networkAccountId,
            // The long form's address replaces the variant's own link (kept when the network gave the long form none).
            variant: trackedVariant(longFormUrl ? { ...variant, linkUrl: longFormUrl } : variant, tracking, publication),
            assets: variant.mediaIds.map((id) => variant.media.get(id) as MediaFacts),
          });
      }
    }
    const accounts = new Map<string, Prepared>();
    const renewIn = <T>(work: (renewCtx: ContentCtx) => Promise<T>) =>
      this.units.runInOrganization(ctx.organizationId, (uow) => work({ uow, organizationId: uow.organizationId, actor: SYSTEM }));
    for (const accountId of new Set(ready.map((r) => r.accountId)))
      accounts.set(accountId, await this.publisher.prepare(ctx, accountId, { renewIn }));
    return { ready, accounts };
  }

  /**
   * The calls, with no transaction open. Each account was prepared once for
   * the batch (see `prepareBatch`), and its publications are dealt over up to
   * `lanes` lanes that share it, each sending its publications one after the
   * other; at most `lanes` lanes run at once over all the batch's accounts. A
   * lane that throws (the database or Redis failing) leaves its publications
   * unrecorded: their lease runs out and they are taken over, asked about first.
   */
  private async sendAll(token: string, ready: Ready[], accounts: Map<string, Prepared>, record: (sent: Sent) => void): Promise<void> {
    const byAccount = new Map<string, Ready[]>();
    for (const r of ready) {
      const list = byAccount.get(r.accountId);
      if (list) list.push(r);
      else byAccount.set(r.accountId, [r]);
    }
    const lanes = new Budget(this.lanes);
    const sendAccount = async (accountId: string, list: Ready[]) => {
      const prepared = accounts.get(accountId);
      if (!prepared || 'failure' in prepared) {
        const failure = prepared?.failure ?? { kind: 'ACCOUNT' as const, message: 'the network account was disconnected' };
        for (const r of list) record({ claimed: r.claimed, failure, account: null });
        return;
      }
      const count = Math.min(list.length, this.lanes);
      const laneLists: Ready[][] = Array.from({ length: count }, () => []);
      list.forEach((r, i) => laneLists[i % count].push(r));
      // The account's posts of the batch taken from its limit at once when they all fit (one call for the account);
      // else each lane takes its own share at once when it fits, or its posts one by one, as they go.
      let allTaken: boolean;
      try {
        allTaken = (await this.accountLimit(accountId, prepared.account.manifest, list.length)) === null;
      } catch (error) {
        for (const r of list) record({ claimed: r.claimed, error });
        return;
      }
      await Promise.all(
        laneLists.map((lane) =>
          lanes.with(1, async () => {
            const done = new Set<Ready>();
            try {
              const all = allTaken || (await this.accountLimit(accountId, prepared.account.manifest, lane.length)) === null;
              for (const r of lane) {
                const sent = await this.sendOne(prepared.account, r, all, token);
                done.add(r);
                record(sent);
              }
            } catch (error) {
              for (const r of lane) if (!done.has(r)) record({ claimed: r.claimed, error });
            }
          }),
        ),
      );
    };
    await Promise.all([...byAccount].map(([accountId, list]) => sendAccount(accountId, list)));
  }

  private async sendOne(
    account: PreparedAccount,
    { claimed, accountId, variant, assets }: Ready,
    taken: boolean,
    token: string,
  ): Promise<Sent> {
    const wait = taken ? null : await this.accountLimit(accountId, account.manifest);
    if (wait !== null) return { claimed, postponeMs: wait };
    const publication = claimed.publication;
    const byUrl = account.manifest.media.delivery === 'url' ? publication.organizationId : null;
    // The files are held in memory from their reading to the call's end: within this process's media buffer.
    const bytes = assets.reduce((sum, asset) => sum + asset.byteSize, 0);
    const giveBytesBack = bytes > 0 ? await this.mediaBuffer.take(bytes) : () => undefined;
    try {
      const media = await this.readMedia(assets, byUrl);
      if ('failure' in media) return { claimed, failure: media.failure, account: null };
      const upload = this.uploadReporter(publication.organizationId, publication.id, token, assets);
      try {
        return await this.callNetwork(account, claimed, variant, media.attachments, upload.report);
      } finally {
        await upload.flush();
      }
    } finally {
      giveBytesBack();
    }
  }

  private async callNetwork(
    account: PreparedAccount,
    claimed: Claimed,
    variant: VariantToSend,
    attachments: MediaAttachment[],
    progress: (report: UploadProgress) => void,
  ): Promise<Sent> {
    const publication = claimed.publication;
    // Tagged links only when the network's text limits take them (see withinTextLimits).
    const fitting = withinTextLimits(variant, account.manifest.text, (v) => toConnectorVariant(v, []).text);
    const request = { idempotencyKey: publication.idempotencyKey, variant: toConnectorVariant(fitting, attachments) };
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
      const result = await account.publish(request, { progress });
      attempt = 'post' in result ? { post: result.post, found: false } : result;
    }
    if ('failure' in attempt) return { claimed, failure: attempt.failure, account };
    return { claimed, post: attempt.post, found: attempt.found };
  }

  /**
   * The posts made, in one transaction: recorded in one statement, their items
   * settled in a few. Then each failure or postponement in its own short
   * transaction (its item locked alone: never out of the id order the batch
   * keeps).
   */
  private async recordAll(ctx: ContentCtx, token: string, sent: Sent[], results: Map<string, PublishResult>): Promise<void> {
    const posts = sent.flatMap((s) => ('post' in s ? [s] : []));
    if (posts.length) {
      const recorded = await this.publications.recordPublished(
        ctx,
        token,
        posts.map((s) => ({
          id: s.claimed.publication.id,
          attemptNumber: s.claimed.attemptNumber,
          externalId: s.post.externalId,
          externalUrl: s.post.url ?? null,
          found: s.found,
        })),
      );
      const mine = new Set(recorded.map((r) => r.id));
      await this.webhooks.emitMany(
        ctx.uow,
        posts
          .filter((s) => mine.has(s.claimed.publication.id))
          .map((s) => ({
            type: 'publication.published' as const,
            data: {
              publicationId: s.claimed.publication.id,
              contentItemId: s.claimed.publication.itemId,
              network: s.claimed.publication.network,
              externalId: s.post.externalId,
              url: s.post.url ?? null,
            },
          })),
      );
      for (const s of posts) {
        const id = s.claimed.publication.id;
        results.set(id, mine.has(id) ? { status: 'PUBLISHED', outcome: s.found ? 'found' : 'published' } : this.lostLease(id));
      }
      const locked = new Map<string, string>();
      for (const r of recorded) if (r.itemStatus !== null) locked.set(r.itemId, r.itemStatus);
      await this.settleItems(ctx, [...new Set(recorded.map((r) => r.itemId))], locked);
      // Short forms were waiting for a long form now live: they are due, and the organisation is woken for them.
      if (recorded.some((r) => r.waitedFor))
        ctx.uow.afterCommit(() => this.wakeups.wake(ctx.organizationId, new Date(), `long-form-${randomBytes(6).toString('hex')}`));
      await ctx.uow.commitAndContinue();
      const found = posts.filter((s) => s.found).length;
      this.logger.log(
        `${recorded.length} publications of organization ${ctx.organizationId} published${found ? ` (${found} found already there)` : ''}`,
      );
    }
    for (const s of sent) {
      if ('post' in s) continue;
      const id = s.claimed.publication.id;
      if ('error' in s) {
        this.logger.error(
          `publication ${id} of organization ${ctx.organizationId} left to its lease: ${s.error instanceof Error ? s.error.message : String(s.error)}`,
        );
        continue;
      }
      results.set(
        id,
        'failure' in s
          ? await this.failed(ctx, s.claimed, token, s.failure, s.account)
          : await this.postpone(ctx, s.claimed, token, s.postponeMs),
      );
      await ctx.uow.commitAndContinue();
    }
  }

  /**
   * Items follow their publications: PUBLISHED when all are, FAILED when one
   * failed definitively. The rows are locked after the publications' (the order
   * every writer keeps), so two workers finishing publications of one item see
   * each other; the counts are read after the locks, with a fresh snapshot.
   * `locked`: the items' statuses when the caller already holds their locks.
   */
  private async settleItems(ctx: ContentCtx, itemIds: string[], locked?: Map<string, string>): Promise<void> {
    if (itemIds.length === 0) return;
    const statuses = locked ?? (await this.publications.lockItems(ctx, itemIds));
    const counts = await this.publications.itemCounts(ctx, itemIds);
    const paths = new Map<string, ContentStatus[]>();
    for (const [itemId, status] of statuses) {
      const c = counts.get(itemId);
      if (!c) continue;
      const to = c.failed > 0 ? 'FAILED' : c.total > 0 && c.published === c.total ? 'PUBLISHED' : null;
      if (to) paths.set(itemId, pathTo(status as ContentStatus, to));
    }
    for (const step of [0, 1]) {
      const moves: ItemMove[] = [];
      for (const [itemId, path] of paths)
        if (path[step]) moves.push({ itemId, from: step === 0 ? (statuses.get(itemId) as ContentStatus) : path[0], to: path[step] });
      if (moves.length)
        await this.items.moveMany(ctx, moves, { action: (m) => `content.${m.to.toLowerCase()}`, details: { by: 'publishing' } });
    }
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
    // The network asked to wait (a wait of minutes or hours): the item shows as scheduled meanwhile, unless part of it went out.
    if (status === 'SCHEDULED' && failure.kind === 'RATE_LIMITED')
      await this.scheduledWhileWaiting(ctx, claimed.publication.itemId, itemStatus, 'the network asked to wait');
    if (status === 'FAILED') {
      await this.settleItems(ctx, [claimed.publication.itemId]);
      await this.webhooks.emit(ctx.uow, 'publication.failed', {
        publicationId: id,
        contentItemId: claimed.publication.itemId,
        network: claimed.publication.network,
        reason: message,
      });
    }
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
    await this.scheduledWhileWaiting(ctx, claimed.publication.itemId, itemStatus, "the account's publishing limit is reached");
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, [recorded]);
    return { status: 'SCHEDULED', outcome: 'retry' };
  }

  /**
   * A publication sent back to wait (the account's limit, the network's): its item, locked by the caller, goes back
   * from PUBLISHING to SCHEDULED when none of its publications went out or is going out (all wait, or are held), so
   * that it shows as scheduled, and can be edited or unscheduled, instead of publishing for hours. It moves to
   * PUBLISHING again when one of them is claimed. An item with a publication sent, being sent or failed stays as it is.
   */
  private async scheduledWhileWaiting(ctx: ContentCtx, itemId: string, itemStatus: string | null, why: string): Promise<void> {
    if (itemStatus !== 'PUBLISHING') return;
    const counts = await this.publications.statusCounts(ctx, itemId);
    for (const status of ['PUBLISHING', 'PUBLISHED', 'FAILED'] as const) if ((counts.get(status) ?? 0) > 0) return;
    await this.items.moveMany(ctx, [{ itemId, from: 'PUBLISHING', to: 'SCHEDULED' }], {
      action: () => 'content.scheduled',
      details: { by: 'publishing', waiting: why },
    });
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
  /**
   * The upload reports of one publication's call, kept in PostgreSQL (`recordUpload`) at most once per `uploadEveryMs`
   * — the latest report wins — in a unit of work of their own; `flush` writes the last one and waits. Bytes are
   * counted over all the attachments (those before the one reported count whole). A failed write is logged and
   * forgotten: progress is a display, never a reason for a publish to fail.
   */
  private uploadReporter(organizationId: string, publicationId: string, token: string, assets: MediaFacts[]) {
    const sizes = assets.map((asset) => asset.byteSize);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    let latest: PublicationUpload | null = null;
    let written: PublicationUpload | null = null;
    let lastWrite = 0;
    let writing: Promise<void> | null = null;
    let timer: NodeJS.Timeout | undefined;
    // Set by flush: no report is taken and no write retried after it (a database that stays down is not retried forever).
    let closed = false;
    const write = (): Promise<void> => {
      timer = undefined;
      if (writing) return writing;
      const upload = latest;
      if (!upload || upload === written) return Promise.resolve();
      lastWrite = Date.now();
      writing = this.units
        .runInOrganization(organizationId, (uow) =>
          this.publications.recordUpload({ uow, organizationId: uow.organizationId, actor: SYSTEM }, publicationId, token, upload),
        )
        .then(
          () => {
            written = upload;
          },
          (error: unknown) =>
            this.logger.warn(
              `upload progress of publication ${publicationId} not kept: ${error instanceof Error ? error.message : String(error)}`,
            ),
        )
        .finally(() => {
          writing = null;
          if (!closed && latest !== written && !timer) timer = setTimeout(() => void write(), this.uploadEveryMs).unref();
        });
      return writing;
    };
    return {
      report: (report: UploadProgress) => {
        if (closed) return;
        const media = Number.isSafeInteger(report?.media) && report.media >= 0 && report.media < sizes.length ? report.media : null;
        if (media === null || !Number.isFinite(report.sentBytes)) return;
        const before = sizes.slice(0, media).reduce((sum, size) => sum + size, 0);
        const sent = Math.min(total, before + Math.max(0, Math.min(report.sentBytes, sizes[media])));
        latest = { media, mediaCount: sizes.length, sentBytes: sent, totalBytes: total, at: new Date().toISOString() };
        if (writing || timer) return;
        const wait = lastWrite + this.uploadEveryMs - Date.now();
        if (wait <= 0) void write();
        else timer = setTimeout(() => void write(), wait).unref();
      },
      flush: async () => {
        clearTimeout(timer);
        timer = undefined;
        while (writing) await writing;
        clearTimeout(timer);
        closed = true;
        await write();
      },
    };
  }

  /**
   * The files of a publication's media, read whole from the storage. `byUrl` (the organisation) when the network
   * fetches files itself: each attachment also gets a public address of its own (`MediaPublicLinks`).
   */
  private async readMedia(
    assets: MediaFacts[],
    byUrl: string | null,
  ): Promise<{ attachments: MediaAttachment[] } | { failure: PublishFailure }> {
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
      const data = new Uint8Array(Buffer.concat(chunks, size));
      attachments.push(
        byUrl ? { mimeType: asset.contentType, data, url: this.mediaLinks.url(byUrl, asset.id) } : { mimeType: asset.contentType, data },
      );
    }
    return { attachments };
  }

  /** Null when the account may post now; else how long to wait. */
  private async accountLimit(accountId: string, manifest: ConnectorManifest, cost = 1): Promise<number | null> {
    const windows = rateWindowsOf(manifest);
    // More posts than a window holds can never be taken at once: the caller takes them one by one.
    if (cost > 1 && windows.some((w) => cost > w.limit)) return 1;
    try {
      const taken = await this.limiter.take(accountId, windows, { cost });
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
}
