import { WebhookEvents } from '@socle/platform-webhooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConnectorError, keptMentions } from '@socle/connector-sdk';
import type { Connector, ConnectorContext, ConnectorRegistry, Mention, MentionQuery } from '@socle/connector-sdk';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { describeFailure } from '../connector-errors';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, observe, scrub } from '../connectors';
import { CredentialVault } from '../credential-vault';
import type { NetworkAccountEntity } from '../entities';
import { NetworkAccountRepository, TenantCtx } from '../repositories';
import type { ListeningQueryEntity, ListeningSourceEntity, MentionRow } from './listening.entities';
import { ListeningRepository } from './listening.repository';
import { MentionEnricher, type Enrichment } from './mention-enricher';
import { compileListeningQuery, prepareMention, type CompiledQuery } from './query';

export const LISTENING_QUEUE = 'listening';
export const RUN_LISTENING_QUERY_JOB = 'RunListeningQueryJob';

/** Mentions asked per page, and pages read per source and run (a run never reads a whole network's history). */
export const LISTENING_PAGE_SIZE = 40;
export const LISTENING_MAX_PAGES = 5;
/** External ids remembered in a source's cursor (the newest ones). */
const CURSOR_IDS = 200;
/** First wait after a failure; doubled on each further failure, at most an hour. */
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 3_600_000;

export interface RunListeningQueryPayload extends TenantJobPayload {
  queryId: string;
  /**
   * The run is wanted only if the query has not started a run since this instant (ISO): a run that started after
   * the request satisfies it. Claimed atomically, so however many workers and wake-ups find a query due, one runs;
   * without it the run is unconditional.
   */
  notRunSince?: string;
}

/** Where a source's last run stopped: the newest publication time seen and the newest external ids. */
export interface ListeningCursor {
  t: string | null;
  ids: string[];
}

export function decodeListeningCursor(cursor: string | null): ListeningCursor {
  if (!cursor) return { t: null, ids: [] };
  try {
    const raw = JSON.parse(cursor) as Partial<ListeningCursor>;
    const t = typeof raw.t === 'string' && !Number.isNaN(Date.parse(raw.t)) ? raw.t : null;
    const ids = Array.isArray(raw.ids) ? raw.ids.filter((id): id is string => typeof id === 'string').slice(0, CURSOR_IDS) : [];
    return { t, ids };
  } catch {
    return { t: null, ids: [] };
  }
}

@Injectable()
export class ListeningScheduler {
  constructor(private readonly queues: JobQueues) {}

  /** One pending run per query and `key` (the job id dedupes: asking twice while one waits enqueues one). */
  async schedule(
    organizationId: string,
    queryId: string,
    options: { key?: string; delayMs?: number; notRunSince?: Date } = {},
  ): Promise<void> {
    const payload: RunListeningQueryPayload = { organizationId, queryId };
    if (options.notRunSince) payload.notRunSince = options.notRunSince.toISOString();
    await this.queues.add(LISTENING_QUEUE, RUN_LISTENING_QUERY_JOB, payload, {
      jobId: `listen-${organizationId}-${queryId}-${options.key ?? 'now'}`,
      delay: options.delayMs,
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }
}

/** What one run stored, told to the listeners once its mentions are committed. */
export interface MentionsIngested {
  queryId: string;
  /** Mentions stored for the first time by this run, over every source. */
  added: number;
}

/**
 * Called after a run that stored new mentions, in the run's tenant context,
 * once they are committed (so a job it enqueues sees them). The seam for what
 * reacts to new mentions (alerts); a listener that throws is logged and does
 * not fail the run, whose mentions are stored.
 */
export type MentionsIngestedListener = (ctx: TenantCtx, ingested: MentionsIngested) => Promise<void>;

export interface ListeningRunResult {
  /** RECENT: another run started after the request (see `RunListeningQueryPayload.notRunSince`), nothing done. */
  status: 'RAN' | 'GONE' | 'INACTIVE' | 'RECENT';
  sources: { accountId: string; network: string; fetched: number; added: number; error?: string; skipped?: string }[];
}

interface SourcePlan {
  account: NetworkAccountEntity;
  connector: Connector;
  state: ListeningSourceEntity | undefined;
}

/**
 * Runs one listening query on each connected account it reads: fetches what is
 * new since the source's cursor (no transaction open while the network
 * answers), matches locally against every active query of the organisation,
 * then stores the mentions (once each), their matches, the new cursor and the
 * run in the week's log of runs in one transaction. A failing source keeps its
 * cursor, records its error and is retried after a back-off (a 429 waits what
 * the network says); the others go on.
 */
@Injectable()
export class RunListeningQueryJob implements JobHandler<RunListeningQueryPayload> {
  readonly queue = LISTENING_QUEUE;
  readonly name = RUN_LISTENING_QUERY_JOB;
  /** First back-off after a failure (tests shorten it). */
  retryBaseMs = RETRY_BASE_MS;
  private readonly logger = new Logger(RUN_LISTENING_QUERY_JOB);
  private readonly ingestedListeners: MentionsIngestedListener[] = [];

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly config: SocleConfig,
    private readonly listening: ListeningRepository,
    private readonly accounts: NetworkAccountRepository,
    private readonly vault: CredentialVault,
    private readonly scheduler: ListeningScheduler,
    private readonly enricher: MentionEnricher,
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly webhooks: WebhookEvents,
  ) {}

  async handle({ organizationId, queryId, notRunSince }: RunListeningQueryPayload): Promise<ListeningRunResult> {
    const since = typeof notRunSince === 'string' && !Number.isNaN(Date.parse(notRunSince)) ? new Date(notRunSince) : null;
    // The payload names the tenant: the job acts in that organisation, row-level security as for a request.
    return this.units.runInOrganization(organizationId, (uow) =>
      this.run({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, queryId, since),
    );
  }

  /** Adds a listener of runs that stored new mentions (see `MentionsIngestedListener`). */
  onIngested(listener: MentionsIngestedListener): void {
    if (!this.ingestedListeners.includes(listener)) this.ingestedListeners.push(listener);
  }

  /** Queries not run for LISTENING_EVERY_MINUTES, and sources whose back-off is over, across tenants. */
  async reconcile(): Promise<number> {
    const now = Date.now();
    const due = await this.units.run({}, (uow) =>
      this.listening.due(uow, new Date(now - this.config.LISTENING_EVERY_MINUTES * 60_000), new Date(now), 1000),
    );
    const slot = Math.floor(now / 60_000);
    const notRunSince = new Date(now - this.config.LISTENING_EVERY_MINUTES * 60_000);
    for (const row of due) await this.scheduler.schedule(row.organization_id, row.id, { key: `due-${slot}`, notRunSince });
    return due.length;
  }

  /** Runs the query; with `notRunSince`, only when no run started since then (a source's due retry aside). */
  async run(ctx: TenantCtx, queryId: string, notRunSince: Date | null = null): Promise<ListeningRunResult> {
    const query = await this.listening.find(ctx, queryId);
    if (!query) return { status: 'GONE', sources: [] };
    if (!query.active) return { status: 'INACTIVE', sources: [] };
    const compiled = compileListeningQuery(query.query);
    const matchers = this.compileAll(await this.listening.active(ctx));
    const states = new Map((await this.listening.sources(ctx, [queryId])).map((s) => [s.accountId, s]));
    const plans = await this.plan(ctx, query, compiled, states);
    // The run is claimed with its start time: a concurrent claim waits for this one's commit, then finds it recent.
    if (!(await this.listening.claimRun(ctx, queryId, notRunSince))) return { status: 'RECENT', sources: [] };
    // Nothing is held while the networks answer.
    await ctx.uow.commitAndContinue();

    const result: ListeningRunResult = { status: 'RAN', sources: [] };
    const now = this.connectorContext.now?.() ?? new Date();
    let nextRetry: Date | null = null;
    // Whether a source of this run succeeded already (the week's log counts a run once).
    let succeeded = false;
    for (const plan of plans) {
      const { account, state } = plan;
      const entry: ListeningRunResult['sources'][number] = { accountId: account.id, network: account.network, fetched: 0, added: 0 };
      result.sources.push(entry);
      if (state?.retryAt && state.retryAt > now) {
        entry.skipped = `waiting until ${state.retryAt.toISOString()} after: ${state.lastError ?? 'a failure'}`;
        nextRetry = earliest(nextRetry, state.retryAt);
        continue;
      }
      if (account.rateLimitedUntil && account.rateLimitedUntil > now) {
        entry.skipped = `the network limits this account until ${account.rateLimitedUntil.toISOString()}`;
        nextRetry = earliest(nextRetry, account.rateLimitedUntil);
        continue;
      }
      const fetched = await this.fetch(ctx, plan, compiled);
      if ('error' in fetched) {
        const failures = (state?.failures ?? 0) + 1;
        const waitMs =
          fetched.retryAfterSeconds !== undefined
            ? Math.max(1000, fetched.retryAfterSeconds * 1000)
            : Math.min(RETRY_MAX_MS, this.retryBaseMs * 2 ** (failures - 1));
        const retryAt = new Date(Date.now() + waitMs);
        await this.listening.recordSource(ctx, queryId, account.id, account.network, { ok: false, error: fetched.error, retryAt });
        await ctx.uow.commitAndContinue();
        entry.error = fetched.error;
        nextRetry = earliest(nextRetry, retryAt);
        this.logger.warn(
          `listening query ${queryId} of organization ${ctx.organizationId} on ${account.network} account ${account.id} failed: ${fetched.error}`,
        );
        continue;
      }
      entry.fetched = fetched.mentions.length;
      const rows: MentionRow[] = [];
      for (const mention of fetched.mentions) {
        const row = await this.toRow(mention, account, matchers);
        if (row) rows.push(row);
      }
      const stored = await this.listening.ingest(ctx, rows);
      await this.listening.recordSource(ctx, queryId, account.id, account.network, {
        ok: true,
        cursor: fetched.cursor,
        added: stored.added,
        newRun: !succeeded,
      });
      // One event for what this source of the run added, in the transaction of the mentions (not one per mention).
      if (stored.added > 0)
        await this.webhooks.emit(ctx.uow, 'mentions.created', {
          listeningQueryId: queryId,
          networkAccountId: account.id,
          network: account.network,
          count: stored.added,
        });
      succeeded = true;
      // The mentions, the cursor and the week's log of runs commit together: a crash before leaves the cursor where the rows are.
      await ctx.uow.commitAndContinue();
      entry.added = stored.added;
    }
    const added = result.sources.reduce((sum, source) => sum + source.added, 0);
    if (added > 0) await this.tellIngested(ctx, { queryId, added });
    if (nextRetry) {
      // The retry is also found by the reconciler (its back-off is in PostgreSQL); this only makes it punctual.
      await this.scheduler.schedule(ctx.organizationId, queryId, {
        key: `retry-${nextRetry.getTime()}`,
        delayMs: Math.max(0, nextRetry.getTime() - Date.now()),
        notRunSince: nextRetry,
      });
    }
    return result;
  }

  private async tellIngested(ctx: TenantCtx, ingested: MentionsIngested): Promise<void> {
    for (const listener of this.ingestedListeners) {
      try {
        await listener(ctx, ingested);
      } catch (error) {
        // The mentions are committed; what reacts to them has its own catch-up (the alerts' reconciler).
        this.logger.warn(
          `after listening query ${ingested.queryId} of organization ${ctx.organizationId} stored ${ingested.added} mention(s): ${(error as Error).message}`,
        );
      }
    }
  }

  /** Each active query compiled once; a stored text the language no longer accepts is skipped, not fatal. */
  private compileAll(queries: ListeningQueryEntity[]): ListeningMatcher[] {
    const out: ListeningMatcher[] = [];
    for (const query of queries) {
      try {
        out.push({ query, compiled: compileListeningQuery(query.query) });
      } catch (error) {
        this.logger.warn(`listening query ${query.id} no longer compiles: ${(error as Error).message}`);
      }
    }
    return out;
  }

  /** The connected accounts the query reads: of its networks (all when none is named), whose connector reads mentions, not waiting for re-authorisation. */
  private async plan(
    ctx: TenantCtx,
    query: ListeningQueryEntity,
    compiled: CompiledQuery,
    states: Map<string, ListeningSourceEntity>,
  ): Promise<SourcePlan[]> {
    const plans: SourcePlan[] = [];
    let after: [string, string] | undefined;
    for (;;) {
      const page = await this.accounts.page(ctx, { size: 100, after });
      for (const account of page.slice(0, 100)) {
        if (!readsNetwork(query.sources, account.network) || !readsNetwork(compiled.sources, account.network)) continue;
        if (account.status === 'NEEDS_REAUTH') continue;
        const connector = this.registry.get(account.network);
        if (!connector?.fetchMentions || !connector.manifest.capabilities.mentions) continue;
        plans.push({ account, connector, state: states.get(account.id) });
      }
      if (page.length <= 100) break;
      const last = page[99];
      after = [last.createdAt.toISOString(), last.id];
    }
    return plans;
  }

  /**
   * Reads from the newest mention back to where the last run stopped (the
   * connectors' cursors page towards older posts, so a run starts at the head),
   * at most LISTENING_MAX_PAGES pages. Returns the mentions not seen before and
   * the new cursor, or the failure described without the network's words.
   */
  private async fetch(
    ctx: TenantCtx,
    plan: SourcePlan,
    compiled: CompiledQuery,
  ): Promise<{ mentions: Mention[]; cursor: string } | { error: string; retryAfterSeconds?: number }> {
    const { account, connector } = plan;
    const row = await this.accounts.findWithCredentials(ctx, account.id);
    await ctx.uow.commitAndContinue();
    if (!row?.credentialsCiphertext) return { error: 'the network account was disconnected or has no credentials' };
    let credentials;
    try {
      credentials = this.vault.open(ctx.organizationId, account.id, row.credentialsCiphertext);
    } catch {
      return { error: 'credentials cannot be decrypted (is their key still in ENCRYPTION_KEYS?)' };
    }
    const previous = decodeListeningCursor(plan.state?.cursor ?? null);
    const known = new Set(previous.ids);
    const since = previous.t ? Date.parse(previous.t) : null;
    const search = connector.manifest.capabilities.search ? compiled.searchFor(account.network) : null;
    const keywords = search
      ? [
          ...(search.query.trim() ? [search.query.trim()] : []),
          ...(search.hashtags ?? []).map((tag) => (tag.startsWith('#') ? tag : `#${tag}`)),
        ]
      : [];
    const fetchMentions = (connector.fetchMentions as NonNullable<Connector['fetchMentions']>).bind(connector);
    const fresh: Mention[] = [];
    const seenNow = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < LISTENING_MAX_PAGES; page++) {
      const { ctx: connectorCtx, observation } = observe(this.connectorContext);
      const request: MentionQuery = { limit: LISTENING_PAGE_SIZE, ...(keywords.length ? { keywords } : {}), ...(cursor ? { cursor } : {}) };
      let result;
      try {
        result = await fetchMentions(connectorCtx, credentials, request);
      } catch (error) {
        if (!(error instanceof ConnectorError)) {
          const name = error instanceof Error ? error.name : typeof error;
          return { error: `unexpected failure (${scrub(name, credentials.secrets)})` };
        }
        const description = describeFailure(error, credentials.serviceUrl, observation, credentials.secrets);
        return {
          error: `${error.kind}: ${scrub(description, credentials.secrets)}`.slice(0, 1000),
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        };
      }
      let reachedOld = false;
      const items = keptMentions(result.items);
      for (const mention of items) {
        if (!mention?.externalId || seenNow.has(mention.externalId)) continue;
        seenNow.add(mention.externalId);
        const time = Date.parse(mention.publishedAt);
        if (since !== null && !mention.publishedAtEstimated && time < since) reachedOld = true;
        if (!known.has(mention.externalId)) fresh.push(mention);
      }
      if (reachedOld || items.length === 0 || !result.cursor || result.cursor === cursor) break;
      cursor = result.cursor;
    }
    // Newest dated publication seen so far, and the newest ids (this run's first, then the previous ones).
    let newest = since;
    for (const mention of fresh) {
      const time = Date.parse(mention.publishedAt);
      if (!mention.publishedAtEstimated && Number.isFinite(time) && (newest === null || time > newest)) newest = time;
    }
    const ids = [...new Set([...fresh.map((m) => m.externalId), ...previous.ids])].slice(0, CURSOR_IDS);
    const next: ListeningCursor = { t: newest === null ? null : new Date(newest).toISOString(), ids };
    return { mentions: fresh, cursor: JSON.stringify(next) };
  }

  /** Enriched and matched; null when no active query of the organisation matches it (it is not stored). */
  private async toRow(mention: Mention, account: NetworkAccountEntity, matchers: readonly ListeningMatcher[]): Promise<MentionRow | null> {
    const text = mentionText(mention);
    const enrichment = await this.enricher.enrich(text, mention.language);
    return toMentionRow(mention, text, enrichment, account, matchers);
  }
}

/** One active query of the organisation, compiled once per run. */
export interface ListeningMatcher {
  query: Pick<ListeningQueryEntity, 'id' | 'sources'>;
  compiled: CompiledQuery;
}

/** A mention's text as stored: NUL characters removed (PostgreSQL text refuses them), at most 100,000 characters. */
export function mentionText(mention: Mention): string {
  return String(mention.text ?? '')
    .split('\u0000')
    .join('')
    .slice(0, 100_000);
}

/**
 * The row to store for a mention read on `account`, matched against every
 * active query (tokenised once, tried against each query that reads this
 * network), or null when none matches or its time is not a date. The ingest
 * path of the listening job, apart from the enrichment computed before it.
 */
export function toMentionRow(
  mention: Mention,
  text: string,
  enrichment: Enrichment,
  account: { id: string | null; network: string },
  matchers: readonly ListeningMatcher[],
): MentionRow | null {
  const published = new Date(mention.publishedAt);
  if (Number.isNaN(published.getTime())) return null;
  const authorHandle = String(mention.authorHandle ?? '')
    .split('\u0000')
    .join('')
    .slice(0, 500);
  const prepared = prepareMention({ text, language: enrichment.language, authorHandle, source: account.network });
  const queryIds: string[] = [];
  for (const { query, compiled } of matchers)
    if (readsNetwork(query.sources, account.network) && compiled.matchesPrepared(prepared)) queryIds.push(query.id);
  if (queryIds.length === 0) return null;
  return {
    source: account.network,
    externalId: mention.externalId.slice(0, 2000),
    accountId: account.id,
    authorHandle,
    authorName: mention.authorName ? mention.authorName.split('\u0000').join('').slice(0, 500) : null,
    authorReach: authorReachOf(mention),
    text,
    url: mention.url && mention.url.length <= 2000 ? mention.url.split('\u0000').join('') : null,
    publishedAt: published,
    publishedAtEstimated: mention.publishedAtEstimated === true,
    language: enrichment.language,
    sentimentScore: enrichment.sentimentScore,
    sentimentLabel: enrichment.sentimentLabel,
    reach: null,
    queryIds,
  };
}

/** The largest reach the column holds (PostgreSQL int); a larger audience is stored as this much. */
const MAX_STORED_REACH = 2_147_483_647;

/** The author's reach as the connector read it: a whole number >= 0 (at most MAX_STORED_REACH), else unknown. */
export function authorReachOf(mention: Pick<Mention, 'authorReach'>): number | null {
  const reach: unknown = mention.authorReach;
  if (typeof reach !== 'number' || !Number.isInteger(reach) || reach < 0) return null;
  return Math.min(reach, MAX_STORED_REACH);
}

function readsNetwork(sources: readonly string[], network: string): boolean {
  return sources.length === 0 || sources.includes(network);
}

function earliest(a: Date | null, b: Date): Date {
  return a && a < b ? a : b;
}
