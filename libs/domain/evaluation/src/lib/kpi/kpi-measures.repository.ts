import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KpiMeasure, Period } from './kpi-progress';

export interface KpiCtx {
  readonly uow: OrganizationUnitOfWork;
}

/** A KPI with what its progress is measured against: its objective's baseline, start and deadline. */
export interface MeasuredKpi {
  id: string;
  name: string;
  measure: KpiMeasure | null;
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
  target: number;
  unit: string | null;
  objectiveId: string;
  baseline: number | null;
  objectiveStart: Date;
  objectiveDeadline: Date;
}

/** `date` as PostgreSQL's timestamp without time zone in UTC. */
function utcWallTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** What a measure gives for one period: a value, or null when the data to say it is missing. */
export type PeriodValues = (number | null)[];

/**
 * Read-only queries over the tables the measures come from (kpis and objectives of
 * the strategy, metric samples, mentions and the inbox of community, publications of
 * content), each inside the caller's organisation. One statement per measure for all
 * the periods at once.
 */
@Injectable()
export class KpiMeasuresRepository {
  async kpi(ctx: KpiCtx, id: string): Promise<MeasuredKpi | null> {
    const [row] = await ctx.uow.query<{
      id: string;
      name: string;
      measure: KpiMeasure | null;
      frequency: MeasuredKpi['frequency'];
      target: number;
      unit: string | null;
      objective_id: string;
      baseline: number | null;
      objective_start: Date;
      deadline: string;
    }>(
      `SELECT k.id, k.name, k.measure, k.frequency, k.target, k.unit, k.objective_id, o.baseline, o.created_at AS objective_start,
              to_char(o.deadline, 'YYYY-MM-DD') AS deadline
         FROM kpis k JOIN objectives o ON o.organization_id = k.organization_id AND o.id = k.objective_id
        WHERE k.organization_id = $1 AND k.id = $2`,
      [ctx.uow.organizationId, id],
    );
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      measure: row.measure,
      frequency: row.frequency,
      target: row.target,
      unit: row.unit,
      objectiveId: row.objective_id,
      baseline: row.baseline,
      objectiveStart: row.objective_start,
      // The deadline day is included: the objective is due at its end (UTC).
      objectiveDeadline: new Date(Date.parse(`${row.deadline}T00:00:00Z`) + 86_400_000),
    };
  }

  /** Followers of all the organisation's connected accounts at each period's end: each account's latest sample before it. */
  async followers(ctx: KpiCtx, periods: readonly Period[]): Promise<PeriodValues> {
    return this.perPeriod(
      ctx,
      periods,
      `(SELECT sum(v.value)::float8 FROM network_accounts a
         CROSS JOIN LATERAL (SELECT m.value FROM metric_samples m
                              WHERE m.organization_id = $1 AND m.account_id = a.id AND m.metric = 'FOLLOWERS' AND m.publication_id IS NULL
                                AND m.sampled_hour < p.e_hour AND m.sampled_at < p.e
                              ORDER BY m.sampled_hour DESC LIMIT 1) v
        WHERE a.organization_id = $1)`,
    );
  }

  async postsPublished(ctx: KpiCtx, periods: readonly Period[]): Promise<PeriodValues> {
    return this.perPeriod(
      ctx,
      periods,
      `(SELECT count(*)::float8 FROM publications
         WHERE organization_id = $1 AND status = 'PUBLISHED' AND deleted_at IS NULL AND published_at >= p.s AND published_at < p.e)`,
    );
  }

  /**
   * Per period, over the posts published in it: how many, how many have been measured,
   * and their likes + reposts + replies as last measured (engagement keeps coming after
   * the period; the latest count is the fuller one).
   */
  async engagement(ctx: KpiCtx, periods: readonly Period[]): Promise<{ posts: number; measured: number; engagement: number }[]> {
    const rows = await ctx.uow.query<{ n: string; posts: number; measured: number; engagement: number | null }>(
      `SELECT p.n, count(pub.id)::int AS posts, count(e.value)::int AS measured, coalesce(sum(e.value), 0)::float8 AS engagement
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p (s, e, n)
         LEFT JOIN publications pub ON pub.organization_id = $1 AND pub.status = 'PUBLISHED' AND pub.deleted_at IS NULL
                                   AND pub.published_at >= p.s AND pub.published_at < p.e
         LEFT JOIN LATERAL (
           SELECT sum(x.value) AS value FROM unnest(ARRAY['LIKES', 'REPOSTS', 'REPLIES']) AS k (metric)
            CROSS JOIN LATERAL (SELECT m.value FROM metric_samples m
                                 WHERE m.organization_id = $1 AND m.publication_id = pub.id AND m.metric = k.metric
                                 ORDER BY m.sampled_hour DESC LIMIT 1) x) e ON pub.id IS NOT NULL
        GROUP BY p.n ORDER BY p.n`,
      [ctx.uow.organizationId, periods.map((p) => p.start), periods.map((p) => p.end)],
    );
    return rows.map((r) => ({ posts: r.posts, measured: r.measured, engagement: r.engagement ?? 0 }));
  }

  /** Whether the organisation listens for its brand at all (else mentions cannot be counted). */
  async hasBrandQuery(ctx: KpiCtx): Promise<boolean> {
    const rows = await ctx.uow.query("SELECT 1 FROM listening_queries WHERE organization_id = $1 AND kind = 'BRAND' LIMIT 1", [
      ctx.uow.organizationId,
    ]);
    return rows.length > 0;
  }

  /** Mentions matched by a BRAND query, each once, by publication time. */
  async brandMentions(ctx: KpiCtx, periods: readonly Period[]): Promise<{ total: number; rated: number; negative: number }[]> {
    const rows = await ctx.uow.query<{ total: number; rated: number; negative: number }>(
      `SELECT p.n, count(m.id)::int AS total, count(m.sentiment_label)::int AS rated,
              count(*) FILTER (WHERE m.sentiment_label = 'NEGATIVE')::int AS negative
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p (s, e, n)
         LEFT JOIN mentions m ON m.organization_id = $1 AND m.published_at >= p.s AND m.published_at < p.e
                             AND EXISTS (SELECT 1 FROM mention_matches mm JOIN listening_queries q
                                           ON q.organization_id = mm.organization_id AND q.id = mm.query_id AND q.kind = 'BRAND'
                                          WHERE mm.organization_id = $1 AND mm.mention_id = m.id)
        GROUP BY p.n ORDER BY p.n`,
      [ctx.uow.organizationId, periods.map((p) => p.start), periods.map((p) => p.end)],
    );
    return rows;
  }

  /**
   * Median minutes to the first response for inbox items received in the period (dismissed
   * ones left out); an item past due and still unanswered counts until now, so silence
   * does not flatter the figure.
   */
  async firstResponseMinutes(ctx: KpiCtx, periods: readonly Period[]): Promise<PeriodValues> {
    return this.perPeriod(
      ctx,
      periods,
      `(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (coalesce(i.first_response_at, now()) - i.received_at)) / 60)::float8
          FROM inbox_items i
         WHERE i.organization_id = $1 AND i.received_at >= p.s AND i.received_at < p.e AND i.status <> 'DISMISSED'
           AND (i.first_response_at IS NOT NULL OR i.due_at < now()))`,
    );
  }

  /** One scalar sub-query per period (`p.s`, `p.e`), in the periods' order. */
  private async perPeriod(ctx: KpiCtx, periods: readonly Period[], valueSql: string): Promise<PeriodValues> {
    if (periods.length === 0) return [];
    const rows = await ctx.uow.query<{ value: number | null }>(
      `SELECT ${valueSql} AS value FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamp[]) WITH ORDINALITY AS p (s, e, e_hour, n)
        ORDER BY p.n`,
      // The end also as UTC wall time (what metric_samples.sampled_hour holds), passed rather than computed: row-level
      // security lets only leakproof comparisons of plain values into an index condition.
      [ctx.uow.organizationId, periods.map((p) => p.start), periods.map((p) => p.end), periods.map((p) => utcWallTime(p.end))],
    );
    return rows.map((r) => (r.value === null ? null : Number(r.value)));
  }
}
