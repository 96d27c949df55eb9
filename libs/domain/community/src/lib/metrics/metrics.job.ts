import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConnectorError } from '@socle/connector-sdk';
import type { Connector, ConnectorContext, ConnectorRegistry, Credentials, PostMetrics } from '@socle/connector-sdk';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { describeFailure } from '../connector-errors';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, observe, scrub } from '../connectors';
import { CredentialVault } from '../credential-vault';
import type { NetworkAccountEntity } from '../entities';
import { NetworkAccountRepository, TenantCtx } from '../repositories';
import { MetricsRepository } from './metrics.repository';
import type { MeasuredPublication, MetricCollectionState, NewMetricSample } from './metrics.types';

export const METRICS_QUEUE = 'metrics';
export const COLLECT_METRICS_JOB = 'CollectMetricsJob';

/** Publications older than this are no longer measured (their counts have settled). */
export const MEASURED_DAYS = 30;
/** Publications measured per organisation and run, the newest first. */
const PUBLICATIONS_PER_RUN = 500;
/** External ids per `fetchMetrics` call. */
const METRICS_BATCH = 50;
/** First wait after a failure; doubled on each further failure, at most a day. */
const RETRY_BASE_MS = 5 * 60_000;
const RETRY_MAX_MS = 24 * 3_600_000;

export interface CollectMetricsPayload extends TenantJobPayload {
  /** Only this account (an on-demand collection); every account of the organisation when absent. */
  accountId?: string;
}

/** Enqueues collections; the job ids dedupe (one pending collection per organisation and period, or per request). */
@Injectable()
export class MetricsScheduler {
  constructor(
    private readonly queues: JobQueues,
    private readonly config: SocleConfig,
  ) {}

  async collect(organizationId: string, now = Date.now()): Promise<void> {
    const period = Math.floor(now / (this.config.METRICS_EVERY_MINUTES * 60_000));
    await this.queues.add(METRICS_QUEUE, COLLECT_METRICS_JOB, { organizationId } satisfies CollectMetricsPayload, {
      jobId: `metrics-${organizationId}-${period}`,
      attempts: 3,
    });
  }

  /** On demand: its own job id (per account and 10 seconds), so it runs even when the period's collection ran. */
  async collectNow(organizationId: string, accountId?: string): Promise<void> {
    const payload: CollectMetricsPayload = accountId ? { organizationId, accountId } : { organizationId };
    await this.queues.add(METRICS_QUEUE, COLLECT_METRICS_JOB, payload, {
      jobId: `metrics-${organizationId}-${accountId ?? 'all'}-now-${Math.floor(Date.now() / 10_000)}`,
      attempts: 3,
    });
  }
}

export interface MetricsRunResult {
  accounts: { accountId: string; network: string; added: number; publications: number; error?: string; skipped?: string }[];
  added: number;
}

/**
 * Collects the metrics of an organisation's connected accounts: each account's
 * own counts (`fetchAccountMetrics`) and the counts of its PUBLISHED publications
 * of the last 30 days (`fetchMetrics`). No transaction is open while a network
 * answers. A failure is recorded for its account (with a back-off, or the wait a
 * 429 names) and the others go on; it never changes the account's status, which
 * the health check owns: a passing error must not disconnect anyone. Samples land
 * once per series and UTC hour, so running again within the hour adds nothing.
 */
@Injectable()
export class CollectMetricsJob implements JobHandler<CollectMetricsPayload> {
  readonly queue = METRICS_QUEUE;
  readonly name = COLLECT_METRICS_JOB;
  private readonly logger = new Logger(COLLECT_METRICS_JOB);

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly config: SocleConfig,
    private readonly metrics: MetricsRepository,
    private readonly accounts: NetworkAccountRepository,
    private readonly vault: CredentialVault,
    private readonly scheduler: MetricsScheduler,
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
  ) {}

  async handle({ organizationId, accountId }: CollectMetricsPayload): Promise<MetricsRunResult> {
    return this.units.runInOrganization(organizationId, (uow) =>
      this.collect({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, accountId),
    );
  }

  /** Organisations with an account never collected, not for METRICS_EVERY_MINUTES, or whose back-off is over, across tenants. */
  async reconcile(): Promise<number> {
    const now = Date.now();
    const due = await this.units.run({}, (uow) =>
      this.metrics.organizationsDue(uow, new Date(now - this.config.METRICS_EVERY_MINUTES * 60_000), new Date(now), 10_000),
    );
    for (const organizationId of due) await this.scheduler.collect(organizationId, now);
    return due.length;
  }

  async collect(ctx: TenantCtx, onlyAccountId?: string): Promise<MetricsRunResult> {
    const all = (await this.accounts.page(ctx, { size: 1000 })).slice(0, 1000);
    const accounts = all.filter((a) => (!onlyAccountId || a.id === onlyAccountId) && a.status !== 'NEEDS_REAUTH' && this.measures(a));
    const states = new Map(
      (
        await this.metrics.collections(
          ctx,
          accounts.map((a) => a.id),
        )
      ).map((s) => [s.accountId, s]),
    );
    const publications = await this.metrics.publicationsToMeasure(
      ctx,
      accounts.filter((a) => this.connectorOf(a)?.postMetrics).map((a) => a.id),
      MEASURED_DAYS,
      PUBLICATIONS_PER_RUN,
    );
    const credentials = new Map<string, Credentials | null>();
    for (const account of accounts) {
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
    // Nothing is held while the networks answer.
    await ctx.uow.commitAndContinue();

    const result: MetricsRunResult = { accounts: [], added: 0 };
    const now = this.connectorContext.now?.() ?? new Date();
    for (const account of accounts) {
      const state = states.get(account.id);
      const mine = publications.filter((p) => p.accountId === account.id);
      const entry: MetricsRunResult['accounts'][number] = {
        accountId: account.id,
        network: account.network,
        added: 0,
        publications: mine.length,
      };
      result.accounts.push(entry);
      if (state?.retryAt && state.retryAt > now) {
        entry.skipped = `waiting until ${state.retryAt.toISOString()} after: ${state.lastError ?? 'a failure'}`;
        continue;
      }
      if (account.rateLimitedUntil && account.rateLimitedUntil > now) {
        entry.skipped = `the network limits this account until ${account.rateLimitedUntil.toISOString()}`;
        continue;
      }
      const creds = credentials.get(account.id);
      const read = creds
        ? await this.read(account, creds, mine, now)
        : { samples: [], failure: { error: 'the network account has no usable credentials (reconnect it)' } };
      const added = await this.metrics.insertSamples(ctx, read.samples);
      if (read.failure) {
        const retryAt = retryTime(read.failure.retryAfterSeconds, state);
        await this.metrics.recordCollection(ctx, account.id, { ok: false, error: read.failure.error, retryAt, added });
        entry.error = read.failure.error;
        this.logger.warn(
          `metrics of ${account.network} account ${account.id} (organization ${ctx.organizationId}) failed: ${read.failure.error}`,
        );
      } else {
        await this.metrics.recordCollection(ctx, account.id, { ok: true, added });
      }
      // Each account's samples and state commit together.
      await ctx.uow.commitAndContinue();
      entry.added = added;
      result.added += added;
    }
    return result;
  }

  /** The account's connector, with what it can measure. */
  private connectorOf(account: NetworkAccountEntity): { connector: Connector; accountMetrics: boolean; postMetrics: boolean } | null {
    const connector = this.registry.get(account.network);
    if (!connector) return null;
    const capabilities = connector.manifest.capabilities;
    return {
      connector,
      accountMetrics: !!capabilities.accountMetrics && typeof connector.fetchAccountMetrics === 'function',
      postMetrics: capabilities.metrics && typeof connector.fetchMetrics === 'function',
    };
  }

  private measures(account: NetworkAccountEntity): boolean {
    const of = this.connectorOf(account);
    return !!of && (of.accountMetrics || of.postMetrics);
  }

  /**
   * Reads the account's counts, then its publications' in batches. Samples are dated by
   * the platform's clock (one time per run), not by the connector's. Stops at the first
   * failure: what was read before it is kept.
   */
  private async read(
    account: NetworkAccountEntity,
    credentials: Credentials,
    publications: MeasuredPublication[],
    now: Date,
  ): Promise<{ samples: NewMetricSample[]; failure?: { error: string; retryAfterSeconds?: number } }> {
    const of = this.connectorOf(account);
    const samples: NewMetricSample[] = [];
    if (!of) return { samples };
    const sample = (publicationId: string | null, metric: NewMetricSample['metric'], value: unknown) => {
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
        samples.push({ accountId: account.id, publicationId, metric, value, sampledAt: now });
      }
    };
    const { connector } = of;
    if (of.accountMetrics) {
      const counts = await this.call(credentials, (ctx) =>
        (connector.fetchAccountMetrics as NonNullable<Connector['fetchAccountMetrics']>).call(connector, ctx, credentials),
      );
      if ('failure' in counts) return { samples, failure: counts.failure };
      sample(null, 'FOLLOWERS', counts.value.followers);
      sample(null, 'FOLLOWING', counts.value.following);
      sample(null, 'POSTS', counts.value.posts);
    }
    if (of.postMetrics) {
      const byExternalId = new Map(publications.map((p) => [p.externalId, p]));
      for (let start = 0; start < publications.length; start += METRICS_BATCH) {
        const ids = publications.slice(start, start + METRICS_BATCH).map((p) => p.externalId);
        const answer = await this.call(credentials, (ctx) =>
          (connector.fetchMetrics as NonNullable<Connector['fetchMetrics']>).call(connector, ctx, credentials, ids),
        );
        if ('failure' in answer) return { samples, failure: answer.failure };
        for (const post of Array.isArray(answer.value) ? answer.value : []) {
          const publication = byExternalId.get((post as PostMetrics)?.externalId);
          if (!publication) continue;
          sample(publication.id, 'LIKES', post.likes);
          sample(publication.id, 'REPOSTS', post.reposts);
          sample(publication.id, 'REPLIES', post.replies);
          sample(publication.id, 'QUOTES', post.quotes);
          sample(publication.id, 'IMPRESSIONS', post.impressions);
        }
      }
    }
    return { samples };
  }

  /** One connector call; a failure described without the network's words or a credential. */
  private async call<T>(
    credentials: Credentials,
    fn: (ctx: ConnectorContext) => Promise<T>,
  ): Promise<{ value: T } | { failure: { error: string; retryAfterSeconds?: number } }> {
    const { ctx, observation } = observe(this.connectorContext);
    try {
      return { value: await fn(ctx) };
    } catch (error) {
      if (!(error instanceof ConnectorError)) {
        const name = error instanceof Error ? error.name : typeof error;
        return { failure: { error: `unexpected failure (${scrub(name, credentials.secrets)})` } };
      }
      const description = describeFailure(error, credentials.serviceUrl, observation, credentials.secrets);
      return {
        failure: {
          error: `${error.kind}: ${scrub(description, credentials.secrets)}`.slice(0, 1000),
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        },
      };
    }
  }
}

/** When to try a failing account again: what a 429 names, else a back-off doubling with each failure in a row. */
function retryTime(retryAfterSeconds: number | undefined, state: MetricCollectionState | undefined): Date {
  const failures = (state?.failures ?? 0) + 1;
  const waitMs =
    retryAfterSeconds !== undefined
      ? Math.max(1000, retryAfterSeconds * 1000)
      : Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
  return new Date(Date.now() + waitMs);
}
