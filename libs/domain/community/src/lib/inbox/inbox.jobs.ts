import { WebhookEvents } from '@socle/platform-webhooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { keptCursor, keptMentions } from '@socle/connector-sdk';
import type { ConnectorContext, ConnectorRegistry, Credentials, Mention } from '@socle/connector-sdk';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { BusinessCalendar, CommentHandlingRule, CommentRulesService, responseDue } from '@socle/policies';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, observe, scrub } from '../connectors';
import { CredentialVault } from '../credential-vault';
import { MentionEnricher } from '../listening/mention-enricher';
import { NetworkAccountRepository, TenantCtx } from '../repositories';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';
import type { NewInboxItem } from './inbox.types';
import { classifySeverity, itemSentiment, SeverityClassification } from './severity';

export const INBOX_QUEUE = 'inbox';
export const FETCH_INBOX_JOB = 'FetchInboxJob';
export const ESCALATE_INBOX_JOB = 'EscalateInboxJob';
export const SEND_INBOX_REPLY_JOB = 'SendInboxReplyJob';

/** Posts older than this are no longer watched for comments. */
export const WATCH_DAYS = 30;
/** Publications fetched per run and organisation (the least recently fetched first). */
const PUBLICATIONS_PER_RUN = 200;
/** A reply still PENDING this long after its claim lost its sender: the worker sends it (same key). */
export const PENDING_REPLY_GRACE_MS = 60_000;

const system = { type: 'SYSTEM' as const, id: null };

export interface SendInboxReplyPayload extends TenantJobPayload {
  replyId: string;
}

/** Enqueues the inbox's jobs; the job ids dedupe (one pending fetch per organisation and period). */
@Injectable()
export class InboxScheduler {
  constructor(
    private readonly queues: JobQueues,
    private readonly config: SocleConfig,
  ) {}

  async fetch(organizationId: string, now = Date.now()): Promise<void> {
    const period = Math.floor(now / (this.config.INBOX_EVERY_MINUTES * 60_000));
    await this.queues.add(
      INBOX_QUEUE,
      FETCH_INBOX_JOB,
      { organizationId },
      { jobId: `inbox-fetch-${organizationId}-${period}`, attempts: 3 },
    );
  }

  /** On demand (`refreshInbox`): its own job id, so it runs now even when the period's fetch ran. */
  async fetchNow(organizationId: string): Promise<void> {
    await this.queues.add(
      INBOX_QUEUE,
      FETCH_INBOX_JOB,
      { organizationId },
      { jobId: `inbox-fetch-${organizationId}-now-${Math.floor(Date.now() / 10_000)}`, attempts: 3 },
    );
  }

  async escalate(organizationId: string): Promise<void> {
    await this.queues.add(
      INBOX_QUEUE,
      ESCALATE_INBOX_JOB,
      { organizationId },
      { jobId: `inbox-escalate-${organizationId}-${Math.floor(Date.now() / 60_000)}`, attempts: 3 },
    );
  }

  async send(organizationId: string, replyId: string): Promise<void> {
    const payload: SendInboxReplyPayload = { organizationId, replyId };
    await this.queues.add(INBOX_QUEUE, SEND_INBOX_REPLY_JOB, payload, {
      jobId: `inbox-reply-${replyId}-${Math.floor(Date.now() / 60_000)}`,
      attempts: 5,
    });
  }
}

/**
 * Fetches the comments on an organisation's published posts into its inbox:
 * for each OK account whose connector fetches comments, each post published in
 * the last 30 days, from the cursor stored for it. No transaction is open while
 * a network answers; items are inserted once (organisation, network, external id),
 * our own replies and the account's own posts are left out, and each gets its
 * due time from the organisation's comment-handling rules.
 */
@Injectable()
export class FetchInboxJob implements JobHandler {
  readonly queue = INBOX_QUEUE;
  readonly name = FETCH_INBOX_JOB;
  private readonly logger = new Logger(FETCH_INBOX_JOB);

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly inbox: InboxRepository,
    private readonly accounts: NetworkAccountRepository,
    private readonly vault: CredentialVault,
    private readonly rules: CommentRulesService,
    private readonly scheduler: InboxScheduler,
    private readonly config: SocleConfig,
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly enricher: MentionEnricher,
    private readonly webhooks: WebhookEvents,
  ) {}

  async handle({ organizationId }: TenantJobPayload): Promise<{ fetched: number; inserted: number; failed: number }> {
    return this.units.runInOrganization(organizationId, (uow) => this.fetch({ uow, organizationId: uow.organizationId, actor: system }));
  }

  async fetch(ctx: TenantCtx): Promise<{ fetched: number; inserted: number; failed: number }> {
    // At most 1000 accounts per organisation are watched.
    const accounts = (await this.accounts.page(ctx, { size: 1000 })).slice(0, 1000);
    const commenting = accounts.filter(
      (a) =>
        a.status === 'OK' && this.registry.get(a.network)?.manifest.capabilities.comments && this.registry.get(a.network)?.fetchComments,
    );
    const mentioned = accounts.filter(
      (a) =>
        a.status === 'OK' && this.registry.get(a.network)?.manifest.capabilities.mentions && this.registry.get(a.network)?.fetchMentions,
    );
    const usable = [...new Map([...commenting, ...mentioned].map((a) => [a.id, a])).values()];
    const watched = await this.inbox.watchedPublications(
      ctx,
      commenting.map((a) => a.id),
      WATCH_DAYS,
      PUBLICATIONS_PER_RUN,
    );
    const { rules, calendar } = await this.rules.get(ctx);
    const crisis = await this.inbox.crisisState(ctx);
    const credentials = new Map<string, Credentials | null>();
    for (const account of usable) {
      const row = await this.accounts.findWithCredentials(ctx, account.id);
      try {
        credentials.set(
          account.id,
          row?.credentialsCiphertext ? this.vault.open(ctx.organizationId, account.id, row.credentialsCiphertext) : null,
        );
      } catch {
        credentials.set(account.id, null);
      }
    }
    await ctx.uow.commitAndContinue();

    let fetched = 0;
    let inserted = 0;
    let failed = 0;
    for (const publication of watched) {
      const account = usable.find((a) => a.id === publication.networkAccountId);
      const creds = credentials.get(publication.networkAccountId);
      const connector = account ? this.registry.get(account.network) : undefined;
      if (!account || !creds || !connector?.fetchComments) continue;
      const fetchComments = connector.fetchComments.bind(connector);
      const { ctx: connectorCtx } = observe(this.connectorContext);
      let comments: Mention[];
      let cursor: string | null;
      try {
        const page = await fetchComments(connectorCtx, creds, publication.externalId, publication.cursor ?? undefined);
        comments = keptMentions(page.items);
        // The network's cursor is remote input: one no store takes is not kept (the next fetch starts from the one before).
        cursor = keptCursor(page.cursor) ?? null;
      } catch (error) {
        failed += 1;
        this.logger.warn(
          `comments of publication ${publication.id} (${account.network}) not fetched: ${scrub(error instanceof Error ? error.message : String(error), creds.secrets)}`,
        );
        continue;
      }
      fetched += comments.length;
      inserted += await this.announce(
        ctx,
        await this.inbox.insertNew(
          ctx,
          toItems(
            comments,
            account,
            'COMMENT',
            () => publication,
            rules,
            calendar,
            await this.classify(ctx, account.network, comments, crisis),
          ),
        ),
      );
      await this.inbox.saveCursor(ctx, publication.id, cursor);
      await ctx.uow.commitAndContinue();
    }
    // Mentions of each account (the newest page: what is already there is skipped). A comment on our post is kept as a COMMENT.
    for (const account of mentioned) {
      const creds = credentials.get(account.id);
      const connector = this.registry.get(account.network);
      if (!creds || !connector?.fetchMentions) continue;
      const fetchMentions = connector.fetchMentions.bind(connector);
      let mentions: Mention[];
      try {
        mentions = keptMentions((await fetchMentions(observe(this.connectorContext).ctx, creds, { limit: 40 })).items);
      } catch (error) {
        failed += 1;
        this.logger.warn(
          `mentions of account ${account.id} (${account.network}) not fetched: ${scrub(error instanceof Error ? error.message : String(error), creds.secrets)}`,
        );
        continue;
      }
      fetched += mentions.length;
      const parentOf = (m: Mention) => watched.find((p) => p.networkAccountId === account.id && p.externalId === m.inReplyTo) ?? null;
      const classified = await this.classify(ctx, account.network, mentions, crisis);
      inserted += await this.announce(
        ctx,
        await this.inbox.insertNew(ctx, toItems(mentions, account, 'MENTION', parentOf, rules, calendar, classified)),
      );
      await ctx.uow.commitAndContinue();
    }
    this.logger.log(
      `inbox of organization ${ctx.organizationId}: ${watched.length} posts, ${fetched} comments, ${inserted} new, ${failed} failed`,
    );
    return { fetched, inserted, failed };
  }

  /** Each post's severity, by external id: its sentiment, complaint words, its author's tags, the organisation's crisis (alert or pause). */
  /** Tells the webhooks of the items just inserted (in their transaction); how many there are. */
  private async announce(ctx: TenantCtx, ids: string[]): Promise<number> {
    await this.webhooks.emitMany(
      ctx.uow,
      ids.map((inboxItemId) => ({ type: 'inbox_item.created' as const, data: { inboxItemId } })),
    );
    return ids.length;
  }

  private async classify(
    ctx: TenantCtx,
    network: string,
    posts: Mention[],
    crisis: { alertOpen: boolean; pauseOn: boolean },
  ): Promise<Map<string, SeverityClassification>> {
    const handleOf = (p: Mention) => (typeof p.authorHandle === 'string' ? p.authorHandle : '');
    const tags = await this.inbox.authorTags(ctx, network, posts.map(handleOf));
    const enrich = this.enricher.enrich.bind(this.enricher);
    const classified = new Map<string, SeverityClassification>();
    for (const post of posts) {
      const text = typeof post.text === 'string' ? post.text : '';
      let sentiment: Awaited<ReturnType<typeof itemSentiment>> = null;
      try {
        sentiment = await itemSentiment(text, typeof post.language === 'string' ? post.language : null, enrich);
      } catch (error) {
        // An unscored text is classified on its words and author alone.
        this.logger.warn(`sentiment of ${network} post not read: ${error instanceof Error ? error.name : typeof error}`);
      }
      classified.set(
        post.externalId,
        classifySeverity({
          text,
          sentiment,
          crisisAlertOpen: crisis.alertOpen,
          crisisPauseOn: crisis.pauseOn,
          authorTags: tags.get(handleOf(post)) ?? [],
        }),
      );
    }
    return classified;
  }

  /**
   * Every organisation with an OK account and a post whose comments were not
   * fetched for INBOX_EVERY_MINUTES (the state is in PostgreSQL: a completed
   * job's id may be reused, so the queue alone would not space the fetches).
   */
  async reconcile(): Promise<number> {
    const before = new Date(Date.now() - this.config.INBOX_EVERY_MINUTES * 60_000);
    const organizations = await this.units.run({}, (uow) => this.inbox.organizationsToFetch(uow, before, 10_000));
    for (const organizationId of organizations) await this.scheduler.fetch(organizationId);
    return organizations.length;
  }
}

/** The SLA: open items past due are escalated to their rule's responsible role (once: an escalated item is no longer open). */
@Injectable()
export class EscalateInboxJob implements JobHandler {
  readonly queue = INBOX_QUEUE;
  readonly name = ESCALATE_INBOX_JOB;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly inbox: InboxRepository,
    private readonly service: InboxService,
    private readonly scheduler: InboxScheduler,
  ) {}

  async handle({ organizationId }: TenantJobPayload): Promise<{ escalated: number }> {
    const escalated = await this.units.runInOrganization(organizationId, (uow) =>
      this.service.escalateOverdue({ uow, organizationId: uow.organizationId, actor: system }),
    );
    return { escalated };
  }

  /** Organisations with items past due, and replies whose sender stopped (their send job is enqueued again). */
  async reconcile(): Promise<number> {
    const now = Date.now();
    const rows = await this.units.run({}, (uow) =>
      this.inbox.organizationsNeedingAttention(uow, new Date(now), new Date(now - PENDING_REPLY_GRACE_MS), 10_000),
    );
    for (const row of rows) {
      if (row.overdue) await this.scheduler.escalate(row.organization_id);
      if (row.pending) {
        const pending = await this.units.runInOrganization(row.organization_id, (uow) =>
          this.inbox.pendingReplies(
            { uow, organizationId: uow.organizationId, actor: system },
            new Date(now - PENDING_REPLY_GRACE_MS),
            500,
          ),
        );
        for (const replyId of pending) await this.scheduler.send(row.organization_id, replyId);
      }
    }
    return rows.length;
  }
}

/** Sends a reply left PENDING (its sender stopped or the network failed for a while), with the reply's own key. */
@Injectable()
export class SendInboxReplyJob implements JobHandler<SendInboxReplyPayload> {
  readonly queue = INBOX_QUEUE;
  readonly name = SEND_INBOX_REPLY_JOB;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly service: InboxService,
  ) {}

  async handle({ organizationId, replyId }: SendInboxReplyPayload): Promise<{ status: string; busy?: true }> {
    const outcome = await this.units.runInOrganization(organizationId, (uow) =>
      this.service.send({ uow, organizationId: uow.organizationId, actor: system }, replyId),
    );
    if (!outcome.sent && !outcome.final) {
      // Another sender holds the reply: nothing to retry here; still PENDING after its lease, the reconciler queues it again.
      if (outcome.busy) return { status: outcome.reply.status, busy: true };
      // A passing failure fails the job: BullMQ tries again later (same reply, same key).
      throw outcome.error;
    }
    return { status: outcome.reply.status };
  }
}

/**
 * What a network sent, as new inbox items: our own posts left out, NUL removed,
 * lengths bounded, each with its severity (`classified`, NORMAL when absent) and
 * the due time of that severity's rule.
 */
function toItems(
  posts: Mention[],
  account: { id: string; network: string; handle: string },
  kind: 'COMMENT' | 'MENTION',
  parentOf: (post: Mention) => { id: string; externalId: string } | null,
  rules: readonly CommentHandlingRule[],
  calendar: BusinessCalendar,
  classified: ReadonlyMap<string, SeverityClassification>,
): NewInboxItem[] {
  return posts
    .filter(
      (p) =>
        p.authorHandle !== account.handle && typeof p.externalId === 'string' && p.externalId.length > 0 && p.externalId.length <= 2000,
    )
    .map((p) => {
      const receivedAt = validDate(p.publishedAt) ?? new Date();
      const { severity, reason } = classified.get(p.externalId) ?? { severity: 'NORMAL' as const, reason: null };
      const due = responseDue(rules, { network: account.network, severity, receivedAt }, calendar);
      const parent = parentOf(p);
      return {
        source: account.network,
        networkAccountId: account.id,
        externalId: p.externalId,
        kind,
        parentExternalId: clip(p.inReplyTo ?? parent?.externalId ?? null, 2000),
        publicationId: parent?.id ?? null,
        authorHandle: clip(p.authorHandle || 'unknown', 500) as string,
        authorName: clip(p.authorName ?? null, 500),
        text: clip(p.text ?? '', 100_000) as string,
        url: clip(p.url ?? null, 2000),
        receivedAt,
        severity,
        severityReason: reason,
        dueAt: due.dueAt,
        responsibleRole: due.responsibleRole,
      };
    });
}

function validDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function clip(value: string | null, max: number): string | null {
  if (value === null) return null;
  // NUL cannot be stored in text; the rest of what a network sends is kept as it is.
  const clean = value.replace(/\0/g, '');
  return clean.length > max ? clean.slice(0, max) : clean;
}
