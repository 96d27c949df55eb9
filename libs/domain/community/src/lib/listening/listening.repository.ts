import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import type { PageQuery, TenantCtx } from '../repositories';
import type {
  ListeningQueryEntity,
  ListeningQueryKind,
  ListeningSourceEntity,
  MentionEntity,
  MentionRow,
  SentimentLabel,
} from './listening.entities';
import { MENTION_COLUMNS, MentionDbRow, toMentionEntity } from './mention-row';

const QUERY_COLUMNS = `organization_id, id, kind, competitor_id, name, query, sources, active, last_run_at, run_requested_at,
  created_by, updated_by, created_at, updated_at`;

interface QueryRow {
  organization_id: string;
  id: string;
  kind: ListeningQueryKind;
  competitor_id: string | null;
  name: string;
  query: string;
  sources: string[];
  active: boolean;
  last_run_at: Date | null;
  run_requested_at: Date | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

function toQuery(r: QueryRow): ListeningQueryEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    kind: r.kind,
    competitorId: r.competitor_id,
    name: r.name,
    query: r.query,
    sources: r.sources,
    active: r.active,
    lastRunAt: r.last_run_at,
    runRequestedAt: r.run_requested_at,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

interface SourceRow {
  query_id: string;
  account_id: string;
  network: string;
  cursor: string | null;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  failures: number;
  retry_at: Date | null;
  mentions_added: string;
}

function toSource(r: SourceRow): ListeningSourceEntity {
  return {
    queryId: r.query_id,
    accountId: r.account_id,
    network: r.network,
    cursor: r.cursor,
    lastRunAt: r.last_run_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    failures: r.failures,
    retryAt: r.retry_at,
    mentionsAdded: Number(r.mentions_added),
  };
}

export interface MentionFilter {
  from?: Date;
  to?: Date;
  queryId?: string;
  source?: string;
  sentiment?: SentimentLabel;
  language?: string;
  authorHandle?: string;
}

export interface ListeningQueryFields {
  kind: ListeningQueryKind;
  competitorId: string | null;
  name: string;
  query: string;
  sources: string[];
  active: boolean;
}

function mentionKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}

/** One row per (network, external id), with the queries of its duplicates merged (an INSERT may not meet the same key twice). */
function mergeByKey(rows: readonly MentionRow[]): MentionRow[] {
  const unique = new Map<string, MentionRow>();
  for (const row of rows) {
    const key = mentionKey(row.source, row.externalId);
    const seen = unique.get(key);
    if (seen) seen.queryIds = [...new Set([...seen.queryIds, ...row.queryIds])];
    else unique.set(key, { ...row, queryIds: [...new Set(row.queryIds)] });
  }
  return [...unique.values()];
}

/**
 * The ingest of a batch in one statement and one round trip (a named prepared
 * statement, planned once per connection). Its plan does not depend on row
 * estimates (a generic plan knows nothing of the arrays' lengths): every
 * lookup is by key, positions travel with the rows, no join is left to a guess.
 *
 * - `input` numbers the batch's mentions and finds, by the unique key, the row
 *   already stored (visible to this statement's snapshot), in a lateral
 *   subquery that LIMIT keeps from being turned into a join over all the
 *   organisation's mentions; it draws the id a new row will take.
 * - `added` inserts the others, ON CONFLICT DO NOTHING on (organization_id,
 *   source, external_id) for a concurrent job's rows, in key order (two jobs
 *   storing the same mentions wait on each other's keys in one order, never in
 *   a deadlock). Rows already stored are not offered to the INSERT at all: a
 *   re-ingest computes no stored column and takes no insertion lock.
 * - `stored` gives every mention its id and publication time: the stored
 *   row's, or the new one's when the INSERT kept it.
 * - the matches: each mention's queries unnested from its own list, a query
 *   deleted meanwhile getting none. Those of the mentions inserted here
 *   (`fresh_matches`) cannot exist yet (no other transaction knows their ids):
 *   a plain INSERT, without the speculative insertion ON CONFLICT costs per
 *   row. Those of mentions already stored (`more_matches`): ON CONFLICT DO
 *   NOTHING on the primary key, in key order (no deadlock between two jobs).
 * - `missing` lists the positions that got no id: a concurrent transaction
 *   committed the same key after this statement began (the INSERT waited for
 *   it, then skipped the row). The caller reads those in a new statement.
 *
 * The matches' mentions and queries are checked by the statement trigger of
 * mention_matches once the statement ends, when the rows inserted here are
 * visible to it.
 */
const INGEST_SQL = `
  WITH input AS MATERIALIZED (
    SELECT i.*, k.id AS known_id, k.published_at AS known_published_at, gen_random_uuid() AS new_id
      FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::timestamptz[],
          $11::boolean[], $12::text[], $13::real[], $14::text[], $15::int[], $16::text[])
        WITH ORDINALITY AS i(source, external_id, account_id, author_handle, author_name, author_reach, text, url, published_at,
          published_at_estimated, language, sentiment_score, sentiment_label, reach, query_ids, at)
      LEFT JOIN LATERAL (
        SELECT m.id, m.published_at FROM mentions m
         WHERE m.organization_id = $1 AND m.source = i.source AND m.external_id = i.external_id LIMIT 1
      ) k ON true
  ), added AS (
    INSERT INTO mentions (organization_id, id, source, external_id, account_id, author_handle, author_name, author_reach, text, url,
        published_at, published_at_estimated, language, sentiment_score, sentiment_label, reach)
    SELECT $1, new_id, source, external_id, account_id, author_handle, author_name, author_reach, text, url,
        published_at, published_at_estimated, language, sentiment_score, sentiment_label, reach
      FROM input WHERE known_id IS NULL ORDER BY source, external_id
    ON CONFLICT (organization_id, source, external_id) DO NOTHING
    RETURNING id
  ), stored AS MATERIALIZED (
    SELECT at, query_ids, coalesce(known_published_at, published_at) AS published_at,
           CASE WHEN known_id IS NOT NULL THEN known_id WHEN new_id IN (SELECT id FROM added) THEN new_id END AS id,
           known_id IS NULL AS fresh
      FROM input
  ), fresh_matches AS (
    INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at)
    SELECT $1, q.id, s.id, s.published_at
      FROM stored s
      CROSS JOIN LATERAL unnest(string_to_array(s.query_ids, ',')::uuid[]) AS k(query_id)
      JOIN listening_queries q ON q.organization_id = $1 AND q.id = k.query_id
     WHERE s.fresh AND s.id IS NOT NULL
    RETURNING 1
  ), more_matches AS (
    INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at)
    SELECT $1, q.id, s.id, s.published_at
      FROM stored s
      CROSS JOIN LATERAL unnest(string_to_array(s.query_ids, ',')::uuid[]) AS k(query_id)
      JOIN listening_queries q ON q.organization_id = $1 AND q.id = k.query_id
     WHERE NOT s.fresh
     ORDER BY s.id, q.id
    ON CONFLICT (organization_id, mention_id, query_id) DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*)::int FROM added) AS added,
         (SELECT count(*)::int FROM fresh_matches) + (SELECT count(*)::int FROM more_matches) AS matched,
         ARRAY(SELECT at::int FROM stored WHERE id IS NULL ORDER BY at) AS missing`;

/**
 * What a source's run leaves behind: success (new cursor) or failure (error and back-off). On success, `newRun` tells
 * whether this is the run's first successful source (the week's log counts a run once, however many accounts it read).
 */
export type SourceOutcome =
  { ok: true; cursor: string | null; added: number; newRun: boolean } | { ok: false; error: string; retryAt: Date };

/** What the list of listening queries is filtered on. */
export interface ListeningQueryFilter {
  active?: boolean;
}

/**
 * The conditions of a filter on `listening_queries` ($1 is the organisation),
 * shared by a page and the count of the whole list so both keep the same queries.
 */
function queryFilter(ctx: TenantCtx, filter: ListeningQueryFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['organization_id = $1'];
  if (filter.active !== undefined) {
    params.push(filter.active);
    where.push(`active = $${params.length}`);
  }
  return { where, params };
}

/** The only place that queries the listening tables; always inside the caller's tenant. */
@Injectable()
export class ListeningRepository {
  // ------------------------------------------------------------------ Queries

  async page(ctx: TenantCtx, page: PageQuery, filter: ListeningQueryFilter = {}): Promise<ListeningQueryEntity[]> {
    const { where, params } = queryFilter(ctx, filter);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    const rows = await ctx.uow.query<QueryRow>(
      `SELECT ${QUERY_COLUMNS} FROM listening_queries WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toQuery);
  }

  /** How many queries the filter keeps, all pages together. */
  async count(ctx: TenantCtx, filter: ListeningQueryFilter = {}): Promise<number> {
    const { where, params } = queryFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM listening_queries WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.n;
  }

  async find(ctx: TenantCtx, id: string, lock = false): Promise<ListeningQueryEntity | null> {
    const [row] = await ctx.uow.query<QueryRow>(
      `SELECT ${QUERY_COLUMNS} FROM listening_queries WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [ctx.uow.organizationId, id],
    );
    return row ? toQuery(row) : null;
  }

  /** Every active query of the organisation (the job matches each mention against all of them). */
  async active(ctx: TenantCtx): Promise<ListeningQueryEntity[]> {
    const rows = await ctx.uow.query<QueryRow>(
      `SELECT ${QUERY_COLUMNS} FROM listening_queries WHERE organization_id = $1 AND active ORDER BY created_at, id`,
      [ctx.uow.organizationId],
    );
    return rows.map(toQuery);
  }

  async nameTaken(ctx: TenantCtx, name: string, exceptId?: string): Promise<boolean> {
    const rows = await ctx.uow.query(
      'SELECT 1 FROM listening_queries WHERE organization_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3::uuid',
      [ctx.uow.organizationId, name, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async competitorExists(ctx: TenantCtx, id: string): Promise<boolean> {
    return (
      (await ctx.uow.query('SELECT 1 FROM competitors WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id])).length > 0
    );
  }

  async insert(ctx: TenantCtx, fields: ListeningQueryFields, by: string | null): Promise<ListeningQueryEntity> {
    const [row] = await ctx.uow.query<QueryRow>(
      `INSERT INTO listening_queries (organization_id, kind, competitor_id, name, query, sources, active, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${QUERY_COLUMNS}`,
      [ctx.uow.organizationId, fields.kind, fields.competitorId, fields.name, fields.query, fields.sources, fields.active, by],
    );
    return toQuery(row);
  }

  /** Changing the text or the sources starts the query afresh on every source (cursors and errors were about the old query). */
  async update(
    ctx: TenantCtx,
    id: string,
    fields: ListeningQueryFields,
    by: string | null,
    restart: boolean,
  ): Promise<ListeningQueryEntity> {
    // Through a CTE: the driver layer answers a bare UPDATE with [rows, count], not the rows.
    const [row] = await ctx.uow.query<QueryRow>(
      `WITH updated AS (
         UPDATE listening_queries SET kind = $3, competitor_id = $4, name = $5, query = $6, sources = $7, active = $8, updated_by = $9, updated_at = now()
          WHERE organization_id = $1 AND id = $2 RETURNING ${QUERY_COLUMNS})
       SELECT * FROM updated`,
      [ctx.uow.organizationId, id, fields.kind, fields.competitorId, fields.name, fields.query, fields.sources, fields.active, by],
    );
    if (restart)
      await ctx.uow.execute('DELETE FROM listening_query_sources WHERE organization_id = $1 AND query_id = $2', [
        ctx.uow.organizationId,
        id,
      ]);
    return toQuery(row);
  }

  async delete(ctx: TenantCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM listening_queries WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }

  async markRunRequested(ctx: TenantCtx, id: string): Promise<void> {
    await ctx.uow.execute('UPDATE listening_queries SET run_requested_at = now() WHERE organization_id = $1 AND id = $2', [
      ctx.uow.organizationId,
      id,
    ]);
  }

  /**
   * Records that a run starts now; with `notRunSince`, only when the query has not started one since then or one of
   * its sources' retries is due (else false, nothing changed). Concurrent claims are serialised by the row: the later
   * one re-reads the committed start time.
   */
  async claimRun(ctx: TenantCtx, id: string, notRunSince: Date | null): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE listening_queries l SET last_run_at = now()
        WHERE l.organization_id = $1 AND l.id = $2
          AND ($3::timestamptz IS NULL OR l.last_run_at IS NULL OR l.last_run_at < $3::timestamptz
               OR EXISTS (SELECT 1 FROM listening_query_sources s
                           WHERE s.organization_id = $1 AND s.query_id = $2 AND s.retry_at <= now()))`,
      [ctx.uow.organizationId, id, notRunSince],
    );
    return changed > 0;
  }

  /** Queries due across tenants (SECURITY DEFINER function: ids only). */
  async due(uow: UnitOfWork, before: Date, now: Date, limit: number): Promise<{ organization_id: string; id: string }[]> {
    return uow.query('SELECT organization_id, id FROM socle_listening_queries_due($1, $2, $3)', [before, now, limit]);
  }

  // ------------------------------------------------------------------ Sources

  async sources(ctx: TenantCtx, queryIds: readonly string[]): Promise<ListeningSourceEntity[]> {
    if (queryIds.length === 0) return [];
    const rows = await ctx.uow.query<SourceRow>(
      `SELECT query_id, account_id, network, cursor, last_run_at, last_success_at, last_error, last_error_at, failures, retry_at, mentions_added
         FROM listening_query_sources WHERE organization_id = $1 AND query_id = ANY($2::uuid[]) ORDER BY query_id, network, account_id`,
      [ctx.uow.organizationId, queryIds],
    );
    return rows.map(toSource);
  }

  /**
   * A source's run, written in the transaction that stores its mentions: on
   * success the new cursor (the failures are forgotten) and the run in the
   * week's log (listening_run_weeks: one row per query and UTC ISO week, its
   * first and last success and the runs counted; concurrent runs of the query
   * meet on the row's key and update it in turn), on failure the error, one
   * more failure and when to try again; the cursor is kept.
   */
  async recordSource(ctx: TenantCtx, queryId: string, accountId: string, network: string, outcome: SourceOutcome): Promise<void> {
    const params = [ctx.uow.organizationId, queryId, accountId, network];
    if (outcome.ok) {
      await ctx.uow.execute(
        `WITH source AS (
           INSERT INTO listening_query_sources AS s (organization_id, query_id, account_id, network, cursor, last_run_at, last_success_at, mentions_added)
           SELECT $1, $2, $3, $4, $5, now(), now(), $6 WHERE EXISTS (SELECT 1 FROM listening_queries WHERE organization_id = $1 AND id = $2)
           ON CONFLICT (organization_id, query_id, account_id) DO UPDATE SET cursor = excluded.cursor, last_run_at = now(), last_success_at = now(),
             last_error = NULL, failures = 0, retry_at = NULL, mentions_added = s.mentions_added + excluded.mentions_added
           RETURNING organization_id, query_id, last_success_at
         )
         INSERT INTO listening_run_weeks AS w (organization_id, query_id, week_start, first_success_at, last_success_at, runs)
         SELECT organization_id, query_id, date_trunc('week', last_success_at AT TIME ZONE 'UTC')::date, last_success_at, last_success_at, 1 FROM source
         ON CONFLICT (organization_id, query_id, week_start) DO UPDATE
           SET first_success_at = least(w.first_success_at, excluded.first_success_at),
               last_success_at = greatest(w.last_success_at, excluded.last_success_at),
               runs = w.runs + CASE WHEN $7::boolean THEN 1 ELSE 0 END`,
        [...params, outcome.cursor, outcome.added, outcome.newRun],
      );
    } else {
      await ctx.uow.execute(
        `INSERT INTO listening_query_sources AS s (organization_id, query_id, account_id, network, last_run_at, last_error, last_error_at, failures, retry_at)
         SELECT $1, $2, $3, $4, now(), $5, now(), 1, $6 WHERE EXISTS (SELECT 1 FROM listening_queries WHERE organization_id = $1 AND id = $2)
         ON CONFLICT (organization_id, query_id, account_id) DO UPDATE SET last_run_at = now(), last_error = excluded.last_error,
           last_error_at = now(), failures = s.failures + 1, retry_at = excluded.retry_at`,
        [...params, outcome.error.slice(0, 1000), outcome.retryAt],
      );
    }
  }

  // ------------------------------------------------------------------ Mentions

  /**
   * Stores a batch: each mention once per (organisation, network, external id)
   * and every match of it, deduplicated, in one statement (see INGEST_SQL).
   * Mentions already stored (by another query, another run) get the new
   * matches too. Returns the mentions and the matches added.
   */
  async ingest(ctx: TenantCtx, rows: readonly MentionRow[]): Promise<{ added: number; matched: number }> {
    const batch = mergeByKey(rows);
    if (batch.length === 0) return { added: 0, matched: 0 };
    const org = ctx.uow.organizationId;
    const column = <T>(pick: (row: MentionRow) => T) => batch.map(pick);
    // Asynchronous commit for this transaction: what it stores can be fetched again. The mentions commit with their source's
    // cursor (the job's same transaction), so a database crash that loses the last moments of commits loses both, and the
    // next run fetches those mentions again (deduplicated) and logs its own run in the week's log (the lost run's line went
    // with them); nothing else in the transaction is lost for good.
    await ctx.uow.query("SELECT set_config('synchronous_commit', 'off', true)");
    const [result] = await ctx.uow.prepared<{ added: number; matched: number; missing: number[] }>('listening_ingest', INGEST_SQL, [
      org,
      column((r) => r.source),
      column((r) => r.externalId),
      column((r) => r.accountId),
      column((r) => r.authorHandle),
      column((r) => r.authorName),
      column((r) => r.authorReach),
      column((r) => r.text),
      column((r) => r.url),
      column((r) => r.publishedAt),
      column((r) => r.publishedAtEstimated),
      column((r) => r.language),
      column((r) => r.sentimentScore),
      column((r) => r.sentimentLabel),
      column((r) => r.reach),
      // Each mention's queries as one list (uuids: no comma inside).
      column((r) => r.queryIds.join(',')),
    ]);
    let matched = result.matched;
    if (result.missing.length) {
      // Rows a concurrent transaction committed while this statement waited on their key: its snapshot cannot see
      // them, a new statement does.
      const late = result.missing.map((at) => batch[at - 1]);
      const existing = await ctx.uow.query<{ id: string; source: string; external_id: string; published_at: Date }>(
        `SELECT m.id, m.source, m.external_id, m.published_at FROM mentions m JOIN unnest($2::text[], $3::text[]) AS k(source, external_id)
           ON m.source = k.source AND m.external_id = k.external_id WHERE m.organization_id = $1`,
        [org, late.map((r) => r.source), late.map((r) => r.externalId)],
      );
      const found = new Map(existing.map((m) => [mentionKey(m.source, m.external_id), m]));
      const queryIds: string[] = [];
      const mentionIds: string[] = [];
      const times: Date[] = [];
      for (const row of late) {
        const mention = found.get(mentionKey(row.source, row.externalId));
        if (!mention) continue;
        for (const queryId of row.queryIds) {
          queryIds.push(queryId);
          mentionIds.push(mention.id);
          times.push(mention.published_at);
        }
      }
      if (queryIds.length)
        matched += await ctx.uow.execute(
          `INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at)
           SELECT $1, k.query_id, k.mention_id, k.published_at
             FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS k(query_id, mention_id, published_at)
             JOIN listening_queries q ON q.organization_id = $1 AND q.id = k.query_id
           ON CONFLICT (organization_id, mention_id, query_id) DO NOTHING`,
          [org, queryIds, mentionIds, times],
        );
    }
    return { added: result.added, matched };
  }

  async findMention(ctx: TenantCtx, id: string): Promise<MentionEntity | null> {
    const [row] = await ctx.uow.query<MentionDbRow>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m WHERE m.organization_id = $1 AND m.id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ? toMentionEntity(row) : null;
  }

  /** Newest first, keyset on (published_at, id) descending. */
  async mentions(ctx: TenantCtx, page: PageQuery, filter: MentionFilter): Promise<MentionEntity[]> {
    const params: unknown[] = [ctx.uow.organizationId, page.size + 1];
    const where: string[] = ['m.organization_id = $1'];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let from = 'mentions m';
    let order = 'm.published_at DESC, m.id DESC';
    if (filter.queryId) {
      // Driven by the query's index of matches, newest first.
      from = 'mention_matches mm JOIN mentions m ON m.organization_id = mm.organization_id AND m.id = mm.mention_id';
      where.push('mm.organization_id = $1', `mm.query_id = ${add(filter.queryId)}`);
      order = 'mm.published_at DESC, mm.mention_id DESC';
    }
    const time = filter.queryId ? 'mm.published_at' : 'm.published_at';
    const id = filter.queryId ? 'mm.mention_id' : 'm.id';
    if (filter.from) where.push(`${time} >= ${add(filter.from)}`);
    if (filter.to) where.push(`${time} < ${add(filter.to)}`);
    if (filter.source) where.push(`m.source = ${add(filter.source)}`);
    if (filter.sentiment) where.push(`m.sentiment_label = ${add(filter.sentiment)}`);
    if (filter.language) where.push(`lower(m.language) = lower(${add(filter.language)})`);
    if (filter.authorHandle) where.push(`lower(m.author_handle) = lower(${add(filter.authorHandle.replace(/^@/, ''))})`);
    if (page.after) {
      const t = add(page.after[0]);
      const i = add(page.after[1]);
      where.push(`(${time}, ${id}) < (${t}::timestamptz, ${i}::uuid)`);
    }
    const rows = await ctx.uow.query<MentionDbRow>(
      `SELECT ${MENTION_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $2`,
      params,
    );
    return rows.map(toMentionEntity);
  }
}
