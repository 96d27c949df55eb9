import { Injectable } from '@nestjs/common';
import type { PageQuery, TenantCtx } from '../../repositories';
import type { MentionEntity, SentimentLabel } from '../listening.entities';
import { MENTION_COLUMNS, MentionDbRow, toMentionEntity } from '../mention-row';

/** A mention search: every field narrows it; `textQuery` is a tsquery built by `toSearchQuery`. */
export interface MentionSearchFilter {
  from?: Date;
  to?: Date;
  queryId?: string;
  source?: string;
  sentiment?: SentimentLabel;
  language?: string;
  authorHandle?: string;
  textQuery?: string;
}

/** The facets' dimensions; each facet is counted without its own filter. */
export type MentionFacetName = 'source' | 'sentiment' | 'language' | 'query' | 'author';

export interface FacetCountRow {
  facet: MentionFacetName;
  value: string | null;
  label: string | null;
  count: number;
}

export type VolumeInterval = 'DAY' | 'WEEK';

export interface VolumeBucketRow {
  /** The bucket's first instant (local midnight in the time zone). */
  start: Date;
  /** Its local date, YYYY-MM-DD. */
  date: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  averageSentiment: number | null;
}

export interface ShareOfVoiceRow {
  /** null for the whole range. */
  start: Date | null;
  date: string | null;
  side: 'BRAND' | 'COMPETITOR';
  competitorId: string | null;
  name: string | null;
  mentions: number;
}

/** Positional parameters collected while a statement is written. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The conditions of a filter on `mentions m` ($1 is the organisation), leaving
 * out `omit` (a facet is counted without its own filter). The query filter is
 * an EXISTS on the matches' primary key.
 */
function conditions(filter: MentionSearchFilter, params: Params, omit?: MentionFacetName): string[] {
  const where = ['m.organization_id = $1'];
  if (filter.from) where.push(`m.published_at >= ${params.add(filter.from)}`);
  if (filter.to) where.push(`m.published_at < ${params.add(filter.to)}`);
  if (filter.source && omit !== 'source') where.push(`m.source = ${params.add(filter.source)}`);
  if (filter.sentiment && omit !== 'sentiment') where.push(`m.sentiment_label = ${params.add(filter.sentiment)}`);
  if (filter.language && omit !== 'language') where.push(`lower(m.language) = lower(${params.add(filter.language)})`);
  if (filter.authorHandle && omit !== 'author')
    where.push(`lower(m.author_handle) = lower(${params.add(filter.authorHandle.replace(/^@/, ''))})`);
  if (filter.textQuery) where.push(`m.search_vector @@ to_tsquery('simple', ${params.add(filter.textQuery)})`);
  if (filter.queryId && omit !== 'query')
    where.push(
      `EXISTS (SELECT 1 FROM mention_matches mq WHERE mq.organization_id = $1 AND mq.query_id = ${params.add(filter.queryId)} AND mq.mention_id = m.id)`,
    );
  return where;
}

/** How many authors the author facet lists (the most frequent first). */
export const TOP_AUTHORS = 10;

/**
 * Reads mentions for search and analytics; always inside the caller's tenant
 * (organization_id in every condition, row-level security underneath).
 */
@Injectable()
export class MentionSearchRepository {
  /**
   * Newest first, keyset on (published_at, id) descending. With a query, the
   * page is driven by that query's time index of matches; otherwise by
   * mentions_time_idx. A text search goes through socle_mention_search (see
   * its migration: under row-level security the word index could not be used),
   * which picks mentions_search_idx for rare words and the time index for
   * frequent ones; its ids are then read here, under the policy.
   */
  async search(ctx: TenantCtx, page: PageQuery, filter: MentionSearchFilter): Promise<MentionEntity[]> {
    const { sql, params } = this.searchStatement(ctx, page, filter);
    return (await ctx.uow.query<MentionDbRow>(sql, params)).map(toMentionEntity);
  }

  /**
   * How many mentions `search` finds under the filter, all pages together: the
   * same conditions on `mentions m` (the text through the word vector, the query
   * through its matches), without the keyset.
   */
  async count(ctx: TenantCtx, filter: MentionSearchFilter): Promise<number> {
    const params = new Params();
    params.add(ctx.uow.organizationId);
    const where = conditions(filter, params);
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentions m WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return row.n;
  }

  /** The statement `search` sends. */
  searchStatement(ctx: TenantCtx, page: PageQuery, filter: MentionSearchFilter): { sql: string; params: unknown[] } {
    if (filter.textQuery) {
      const params = [
        ctx.uow.organizationId,
        filter.textQuery,
        filter.from ?? null,
        filter.to ?? null,
        filter.source ?? null,
        filter.sentiment ?? null,
        filter.language ?? null,
        filter.authorHandle?.replace(/^@/, '') ?? null,
        filter.queryId ?? null,
        page.after?.[0] ?? null,
        page.after?.[1] ?? null,
        page.size + 1,
      ];
      return {
        sql: `SELECT ${MENTION_COLUMNS}
                FROM socle_mention_search(to_tsquery('simple', $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) s
                JOIN mentions m ON m.organization_id = $1 AND m.id = s.id
               ORDER BY m.published_at DESC, m.id DESC`,
        params,
      };
    }
    const params = new Params();
    params.add(ctx.uow.organizationId);
    const limit = params.add(page.size + 1);
    const byQuery = !!filter.queryId;
    const time = byQuery ? 'mm.published_at' : 'm.published_at';
    const id = byQuery ? 'mm.mention_id' : 'm.id';
    const where = conditions({ ...filter, queryId: undefined, from: undefined, to: undefined }, params);
    let from = 'mentions m';
    if (byQuery) {
      from = 'mention_matches mm JOIN mentions m ON m.organization_id = mm.organization_id AND m.id = mm.mention_id';
      where.push('mm.organization_id = $1', `mm.query_id = ${params.add(filter.queryId)}`);
    }
    if (filter.from) where.push(`${time} >= ${params.add(filter.from)}`);
    if (filter.to) where.push(`${time} < ${params.add(filter.to)}`);
    if (page.after) where.push(`(${time}, ${id}) < (${params.add(page.after[0])}::timestamptz, ${params.add(page.after[1])}::uuid)`);
    return {
      sql: `SELECT ${MENTION_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${time} DESC, ${id} DESC LIMIT ${limit}`,
      params: params.values,
    };
  }

  /** The total under the whole filter, and each facet under the filter without its own condition; one statement. */
  async facets(ctx: TenantCtx, filter: MentionSearchFilter): Promise<{ total: number; counts: FacetCountRow[] }> {
    const params = new Params();
    params.add(ctx.uow.organizationId);
    const where = (omit?: MentionFacetName) => conditions(filter, params, omit).join(' AND ');
    // A facet counts under every condition but its own: the facets whose own field the filter leaves free share the
    // filter's conditions, and are counted together in one pass (grouping sets); each other one scans on its own.
    const restricted: Record<Exclude<MentionFacetName, 'query'>, boolean> = {
      source: !!filter.source,
      sentiment: !!filter.sentiment,
      language: !!filter.language,
      author: !!filter.authorHandle,
    };
    const expressions: Record<Exclude<MentionFacetName, 'query'>, string> = {
      source: 'm.source',
      sentiment: 'm.sentiment_label',
      language: 'lower(m.language)',
      author: 'lower(m.author_handle)',
    };
    const shared = (Object.keys(expressions) as (keyof typeof expressions)[]).filter((facet) => !restricted[facet]);
    const facetOf = shared.map((facet) => `WHEN GROUPING(${expressions[facet]}) = 0 THEN '${facet}'`).join(' ');
    const valueOf = shared.map((facet) => `WHEN GROUPING(${expressions[facet]}) = 0 THEN ${expressions[facet]}`).join(' ');
    const sets = ['()', ...shared.map((facet) => `(${expressions[facet]})`)].join(', ');
    const branches = [
      // The total and the free facets; the author facet keeps its most frequent authors only.
      `SELECT facet, value, NULL AS label, count FROM (
         SELECT g.*, CASE WHEN g.facet = 'author' THEN row_number() OVER (PARTITION BY g.facet ORDER BY g.count DESC, g.value) END AS rank
           FROM (SELECT ${shared.length ? `CASE ${facetOf} ELSE 'total' END` : "'total'"} AS facet,
                        ${shared.length ? `CASE ${valueOf} END` : 'NULL'} AS value, count(*) AS count
                   FROM mentions m WHERE ${where()} GROUP BY GROUPING SETS (${sets})) g) ranked
        WHERE rank IS NULL OR rank <= ${TOP_AUTHORS}`,
      ...(Object.keys(expressions) as (keyof typeof expressions)[])
        .filter((facet) => restricted[facet])
        .map((facet) =>
          facet === 'author'
            ? `(SELECT 'author', ${expressions.author}, NULL, count(*) FROM mentions m WHERE ${where('author')}
                 GROUP BY ${expressions.author} ORDER BY count(*) DESC, ${expressions.author} LIMIT ${TOP_AUTHORS})`
            : `(SELECT '${facet}', ${expressions[facet]}, NULL, count(*) FROM mentions m WHERE ${where(facet)} GROUP BY ${expressions[facet]})`,
        ),
      `(SELECT 'query', q.id::text, min(q.name), count(*) FROM mentions m
          JOIN mention_matches mq ON mq.organization_id = m.organization_id AND mq.mention_id = m.id
          JOIN listening_queries q ON q.organization_id = mq.organization_id AND q.id = mq.query_id
         WHERE ${where('query')} GROUP BY q.id)`,
    ];
    const rows = await ctx.uow.query<{ facet: MentionFacetName | 'total'; value: string | null; label: string | null; count: string }>(
      branches.join('\n       UNION ALL\n       '),
      params.values,
    );
    let total = 0;
    const counts: FacetCountRow[] = [];
    for (const row of rows) {
      if (row.facet === 'total') total = Number(row.count);
      else counts.push({ facet: row.facet, value: row.value, label: row.label, count: Number(row.count) });
    }
    return { total, counts };
  }

  /** The organisation's name (the brand's, in share of voice) and its own time zone. */
  async organization(ctx: TenantCtx): Promise<{ name: string; timeZone: string }> {
    const [row] = await ctx.uow.query<{ name: string; timezone: string }>('SELECT name, timezone FROM organizations WHERE id = $1', [
      ctx.uow.organizationId,
    ]);
    return { name: row?.name ?? '', timeZone: row?.timezone ?? 'UTC' };
  }

  /**
   * Mentions per local day or ISO week (from Monday) in `timeZone`, every bucket
   * between `from` and `to` present (empty ones with zeros).
   */
  async volume(
    ctx: TenantCtx,
    filter: MentionSearchFilter & { from: Date; to: Date },
    interval: VolumeInterval,
    timeZone: string,
  ): Promise<VolumeBucketRow[]> {
    const params = new Params();
    params.add(ctx.uow.organizationId);
    const unit = params.add(interval.toLowerCase());
    const tz = params.add(timeZone);
    const from = params.add(filter.from);
    const to = params.add(filter.to);
    const where = conditions({ ...filter, from: undefined, to: undefined }, params);
    where.push(`m.published_at >= ${from}`, `m.published_at < ${to}`);
    const rows = await ctx.uow.query<{
      local: string;
      start: Date;
      total: string;
      positive: string;
      neutral: string;
      negative: string;
      average: number | null;
    }>(
      `WITH buckets AS (
         SELECT g AS local FROM generate_series(date_trunc(${unit}, ${from}::timestamptz AT TIME ZONE ${tz}),
                                                 date_trunc(${unit}, (${to}::timestamptz - interval '1 millisecond') AT TIME ZONE ${tz}),
                                                 ('1 ' || ${unit})::interval) g),
       counts AS (
         SELECT date_trunc(${unit}, m.published_at AT TIME ZONE ${tz}) AS local, count(*) AS total,
                count(*) FILTER (WHERE m.sentiment_label = 'POSITIVE') AS positive,
                count(*) FILTER (WHERE m.sentiment_label = 'NEUTRAL') AS neutral,
                count(*) FILTER (WHERE m.sentiment_label = 'NEGATIVE') AS negative,
                avg(m.sentiment_score)::float8 AS average
           FROM mentions m WHERE ${where.join(' AND ')} GROUP BY 1)
       SELECT to_char(b.local, 'YYYY-MM-DD') AS local, b.local AT TIME ZONE ${tz} AS start, coalesce(c.total, 0) AS total,
              coalesce(c.positive, 0) AS positive, coalesce(c.neutral, 0) AS neutral, coalesce(c.negative, 0) AS negative, c.average
         FROM buckets b LEFT JOIN counts c USING (local) ORDER BY b.local`,
      params.values,
    );
    return rows.map((r) => ({
      start: r.start,
      date: r.local,
      total: Number(r.total),
      positive: Number(r.positive),
      neutral: Number(r.neutral),
      negative: Number(r.negative),
      averageSentiment: r.average,
    }));
  }

  /**
   * Mentions of the brand (BRAND queries) and of each competitor (COMPETITOR
   * queries, by competitor) between `from` and `to`: a mention counts once per
   * side however many of that side's queries matched it, and on both sides if
   * both matched it. Every competitor with a query is listed, with 0 if need be;
   * with an interval, also per local day or week, every bucket present.
   */
  async shareOfVoice(
    ctx: TenantCtx,
    range: { from: Date; to: Date },
    bucket?: { interval: VolumeInterval; timeZone: string },
  ): Promise<ShareOfVoiceRow[]> {
    const params = new Params();
    params.add(ctx.uow.organizationId);
    const from = params.add(range.from);
    const to = params.add(range.to);
    const unit = bucket ? params.add(bucket.interval.toLowerCase()) : null;
    const tz = bucket ? params.add(bucket.timeZone) : null;
    const local = unit ? `date_trunc(${unit}, mm.published_at AT TIME ZONE ${tz})` : 'NULL::timestamp';
    const rows = await ctx.uow.query<{
      start: Date | null;
      day: string | null;
      side: 'BRAND' | 'COMPETITOR';
      competitor_id: string | null;
      name: string | null;
      mentions: string;
    }>(
      `WITH sides AS (
         SELECT DISTINCT ${local} AS local, q.kind AS side, q.competitor_id, mm.mention_id
           FROM mention_matches mm
           JOIN listening_queries q ON q.organization_id = mm.organization_id AND q.id = mm.query_id
          WHERE mm.organization_id = $1 AND q.kind IN ('BRAND', 'COMPETITOR') AND mm.published_at >= ${from} AND mm.published_at < ${to}),
       -- Materialised: it is read once per bucket and side, and must not be computed again each time.
       counted AS MATERIALIZED (SELECT local, side, competitor_id, count(*) AS mentions FROM sides GROUP BY local, side, competitor_id),
       everyone AS (
         SELECT 'BRAND'::text AS side, NULL::uuid AS competitor_id
         UNION ALL
         SELECT DISTINCT 'COMPETITOR', q.competitor_id FROM listening_queries q WHERE q.organization_id = $1 AND q.kind = 'COMPETITOR'),
       buckets AS (
         SELECT NULL::timestamp AS local
         ${
           unit
             ? `UNION ALL
         SELECT g FROM generate_series(date_trunc(${unit}, ${from}::timestamptz AT TIME ZONE ${tz}),
                                       date_trunc(${unit}, (${to}::timestamptz - interval '1 millisecond') AT TIME ZONE ${tz}),
                                       ('1 ' || ${unit})::interval) g`
             : ''
         })
       SELECT ${unit ? `b.local AT TIME ZONE ${tz}` : 'NULL::timestamptz'} AS start, to_char(b.local, 'YYYY-MM-DD') AS day,
              e.side, e.competitor_id, c.name,
              coalesce((SELECT sum(x.mentions) FROM counted x
                         WHERE (b.local IS NULL OR x.local = b.local) AND x.side = e.side
                           AND x.competitor_id IS NOT DISTINCT FROM e.competitor_id), 0) AS mentions
         FROM buckets b CROSS JOIN everyone e
         LEFT JOIN competitors c ON c.organization_id = $1 AND c.id = e.competitor_id
        ORDER BY b.local NULLS FIRST, e.side, c.name, e.competitor_id`,
      params.values,
    );
    return rows.map((r) => ({
      start: r.start,
      date: r.day,
      side: r.side,
      competitorId: r.competitor_id,
      name: r.name,
      mentions: Number(r.mentions),
    }));
  }
}
