import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import type { TenantCtx } from '../repositories';
import {
  isAccountMetric,
  type MeasuredPublication,
  type MetricCollectionState,
  type MetricInterval,
  type MetricKey,
  type MetricPoint,
  type NewMetricSample,
} from './metrics.types';

interface CollectionRow {
  account_id: string;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  failures: number;
  retry_at: Date | null;
  samples_added: string;
}

export interface SeriesQuery {
  metric: MetricKey;
  /** One account's series; all the organisation's accounts added up when absent. */
  accountId?: string;
  from: Date;
  to: Date;
  interval: MetricInterval;
}

/** The only place that queries metric_samples and metric_collections; always inside the caller's tenant. */
@Injectable()
export class MetricsRepository {
  /**
   * Stores the samples; a series that already has one in the sample's UTC hour keeps it
   * (the unique indexes decide, so two runs racing store one). Returns how many were added.
   */
  async insertSamples(ctx: TenantCtx, samples: readonly NewMetricSample[]): Promise<number> {
    if (samples.length === 0) return 0;
    const rows = await ctx.uow.query<{ id: string }>(
      `INSERT INTO metric_samples (organization_id, account_id, publication_id, metric, value, sampled_at)
       SELECT $1, s.account_id, s.publication_id, s.metric, s.value, s.sampled_at
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::timestamptz[])
              AS s (account_id, publication_id, metric, value, sampled_at)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        ctx.uow.organizationId,
        samples.map((s) => s.accountId),
        samples.map((s) => s.publicationId),
        samples.map((s) => s.metric),
        samples.map((s) => s.value),
        samples.map((s) => s.sampledAt),
      ],
    );
    return rows.length;
  }

  /** PUBLISHED publications of these accounts published in the last `days` days, newest first (the content module's table, read only). */
  async publicationsToMeasure(ctx: TenantCtx, accountIds: readonly string[], days: number, limit: number): Promise<MeasuredPublication[]> {
    if (accountIds.length === 0) return [];
    const rows = await ctx.uow.query<{ id: string; network_account_id: string; external_id: string }>(
      `SELECT id, network_account_id, external_id FROM publications
        WHERE organization_id = $1 AND status = 'PUBLISHED' AND deleted_at IS NULL AND external_id IS NOT NULL
          AND network_account_id = ANY($2::uuid[]) AND published_at > now() - make_interval(days => $3)
        ORDER BY published_at DESC, id LIMIT $4`,
      [ctx.uow.organizationId, accountIds, days, limit],
    );
    return rows.map((r) => ({ id: r.id, accountId: r.network_account_id, externalId: r.external_id }));
  }

  async collections(ctx: TenantCtx, accountIds?: readonly string[]): Promise<MetricCollectionState[]> {
    const rows = await ctx.uow.query<CollectionRow>(
      `SELECT account_id, last_run_at, last_success_at, last_error, last_error_at, failures, retry_at, samples_added
         FROM metric_collections WHERE organization_id = $1 AND ($2::uuid[] IS NULL OR account_id = ANY($2::uuid[]))
        ORDER BY account_id`,
      [ctx.uow.organizationId, accountIds ?? null],
    );
    return rows.map((r) => ({
      accountId: r.account_id,
      lastRunAt: r.last_run_at,
      lastSuccessAt: r.last_success_at,
      lastError: r.last_error,
      lastErrorAt: r.last_error_at,
      failures: r.failures,
      retryAt: r.retry_at,
      samplesAdded: Number(r.samples_added),
    }));
  }

  /** A run's outcome for one account: a success clears the error and the back-off; a failure counts and waits. */
  async recordCollection(
    ctx: TenantCtx,
    accountId: string,
    outcome: { ok: true; added: number } | { ok: false; error: string; retryAt: Date; added: number },
  ): Promise<void> {
    if (outcome.ok) {
      await ctx.uow.execute(
        `INSERT INTO metric_collections (organization_id, account_id, last_run_at, last_success_at, samples_added)
         VALUES ($1, $2, now(), now(), $3)
         ON CONFLICT (organization_id, account_id) DO UPDATE SET last_run_at = now(), last_success_at = now(), last_error = NULL,
           last_error_at = NULL, failures = 0, retry_at = NULL, samples_added = metric_collections.samples_added + EXCLUDED.samples_added`,
        [ctx.uow.organizationId, accountId, outcome.added],
      );
      return;
    }
    await ctx.uow.execute(
      `INSERT INTO metric_collections (organization_id, account_id, last_run_at, last_error, last_error_at, failures, retry_at, samples_added)
       VALUES ($1, $2, now(), $3, now(), 1, $4, $5)
       ON CONFLICT (organization_id, account_id) DO UPDATE SET last_run_at = now(), last_error = EXCLUDED.last_error, last_error_at = now(),
         failures = metric_collections.failures + 1, retry_at = EXCLUDED.retry_at,
         samples_added = metric_collections.samples_added + EXCLUDED.samples_added`,
      [ctx.uow.organizationId, accountId, outcome.error.slice(0, 1000), outcome.retryAt, outcome.added],
    );
  }

  /** Organisations due for a collection, across tenants (ids only, through the SECURITY DEFINER function). */
  async organizationsDue(uow: UnitOfWork, before: Date, now: Date, limit: number): Promise<string[]> {
    const rows = await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_metrics_organizations_due($1, $2, $3)', [
      before,
      now,
      limit,
    ]);
    return rows.map((r) => r.organization_id);
  }

  async accountExists(ctx: TenantCtx, accountId: string): Promise<boolean> {
    const rows = await ctx.uow.query('SELECT 1 FROM network_accounts WHERE organization_id = $1 AND id = $2', [
      ctx.uow.organizationId,
      accountId,
    ]);
    return rows.length > 0;
  }

  /**
   * One point per UTC bucket from `from` to `to`: for each series (an account for the
   * account metrics, a publication for the others) its latest sample before the bucket's
   * end (or `to`), carried forward from earlier buckets, then added up across series.
   * Buckets before any sample are left out. A series has one sample per hour, so its
   * latest is found by walking the unique (series, metric, hour) index backwards from the
   * bucket's end: one index descent per series and bucket.
   */
  async series(ctx: TenantCtx, query: SeriesQuery): Promise<MetricPoint[]> {
    const key = isAccountMetric(query.metric) ? 'account_id' : 'publication_id';
    const kind = isAccountMetric(query.metric) ? 'publication_id IS NULL' : 'publication_id IS NOT NULL';
    const buckets = bucketsBetween(query.from, query.to, query.interval);
    if (buckets.length === 0) return [];
    // The bounds come as plain values (not computed in SQL): row-level security only lets leakproof
    // comparisons of columns into the index condition, so the walk back stops at the bucket's end.
    const rows = await ctx.uow.query<{ at: Date; value: string; series: number }>(
      `SELECT b.start AS at, sum(v.value)::bigint AS value, count(v.value)::int AS series
         FROM unnest($3::timestamptz[], $4::timestamptz[], $5::timestamp[]) AS b (start, stop, stop_hour)
        CROSS JOIN (SELECT DISTINCT ${key} AS series_id FROM metric_samples
                     WHERE organization_id = $1 AND metric = $2 AND ${kind} AND ($6::uuid IS NULL OR account_id = $6)
                       AND sampled_at < $7) AS s
        CROSS JOIN LATERAL (
          SELECT m.value FROM metric_samples m
           WHERE m.organization_id = $1 AND m.${key} = s.series_id AND m.metric = $2 AND m.${kind}
             AND m.sampled_hour < b.stop_hour AND m.sampled_at < b.stop
           ORDER BY m.sampled_hour DESC LIMIT 1) AS v
        GROUP BY b.start ORDER BY b.start`,
      [
        ctx.uow.organizationId,
        query.metric,
        buckets.map((b) => b.start),
        buckets.map((b) => b.stop),
        buckets.map((b) => utcWallTime(b.stop)),
        query.accountId ?? null,
        query.to,
      ],
    );
    return rows.map((r) => ({ at: r.at, value: Number(r.value), series: r.series }));
  }
}

/** `date` as PostgreSQL's timestamp without time zone in UTC (what sampled_hour holds). */
function utcWallTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The UTC buckets of `interval` from the one holding `from` up to `to` (the last one cut at `to`). */
export function bucketsBetween(from: Date, to: Date, interval: MetricInterval): { start: Date; stop: Date }[] {
  const at = (y: number, m: number, d: number, h = 0) => {
    const date = new Date(0);
    date.setUTCFullYear(y, m, d);
    date.setUTCHours(h);
    return date;
  };
  const next = (s: Date): Date => {
    const [y, m, d, h] = [s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate(), s.getUTCHours()];
    if (interval === 'HOUR') return at(y, m, d, h + 1);
    if (interval === 'DAY') return at(y, m, d + 1);
    if (interval === 'WEEK') return at(y, m, d + 7);
    return at(y, m + 1, 1);
  };
  const [y, m, d, h] = [from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), from.getUTCHours()];
  let start =
    interval === 'HOUR'
      ? at(y, m, d, h)
      : interval === 'DAY'
        ? at(y, m, d)
        : interval === 'WEEK'
          ? at(y, m, d - ((from.getUTCDay() + 6) % 7))
          : at(y, m, 1);
  const buckets: { start: Date; stop: Date }[] = [];
  while (start < to) {
    const stop = next(start);
    buckets.push({ start, stop: stop > to ? to : stop });
    start = stop;
  }
  return buckets;
}
