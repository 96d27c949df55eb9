import { Injectable } from '@nestjs/common';
import type { TenantCtx } from '../repositories';
import { AuthorTag, INFLUENCE_SCORE_SQL, LEANING_SQL, SentimentLeaning } from './influence';

/** One author over a window: the figures of its mentions and what people added. */
export interface MentionAuthorRow {
  source: string;
  /** The handle as PostgreSQL lower-cases it: the author's key with its network. */
  handleKey: string;
  /** The handle as the author's newest mention spells it. */
  handle: string;
  name: string | null;
  mentions: number;
  averageSentiment: number | null;
  positive: number;
  negative: number;
  reach: number | null;
  /** Null only for an author read outside the window of its mentions. */
  firstSeen: Date | null;
  lastSeen: Date | null;
  /** Influence, 0 to 100 with two decimals, as a string: the exact keyset value. */
  score: string;
  leaning: SentimentLeaning;
  tags: AuthorTag[];
  note: string | null;
  taggedBy: string | null;
  taggedAt: Date | null;
  noteBy: string | null;
  noteAt: Date | null;
}

export interface AuthorWindow {
  from: Date;
  to: Date;
}

export interface AuthorRankFilter extends AuthorWindow {
  source?: string;
  tag?: AuthorTag;
  leaning?: SentimentLeaning;
  /** Handles starting with this (case ignored, LIKE wildcards taken literally). */
  handlePrefix?: string;
}

/** The keyset position in the ranking: score descending, then source and handle key ascending. */
export interface AuthorRankKey {
  score: string;
  source: string;
  handleKey: string;
}

interface Row {
  source: string;
  handle_key: string;
  handle: string;
  name: string | null;
  mentions: number;
  average_sentiment: number | null;
  positive: number;
  negative: number;
  reach: number | null;
  first_seen: Date;
  last_seen: Date;
  score: string;
  leaning: SentimentLeaning;
  tags: AuthorTag[] | null;
  note: string | null;
  tagged_by: string | null;
  tagged_at: Date | null;
  note_by: string | null;
  note_at: Date | null;
}

function toAuthor(r: Row): MentionAuthorRow {
  return {
    source: r.source,
    handleKey: r.handle_key,
    handle: r.handle,
    name: r.name,
    mentions: r.mentions,
    averageSentiment: r.average_sentiment === null ? null : Math.round(r.average_sentiment * 1000) / 1000,
    positive: r.positive,
    negative: r.negative,
    reach: r.reach,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    score: r.score,
    leaning: r.leaning,
    tags: r.tags ?? [],
    note: r.note,
    taggedBy: r.tagged_by,
    taggedAt: r.tagged_at,
    noteBy: r.note_by,
    noteAt: r.note_at,
  };
}

/** Escapes LIKE's wildcards and its escape character, so a handle prefix is matched as typed. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The conditions of a ranking filter, shared by a page and the count of the
 * whole ranking so both keep the same authors: `where` on the window's
 * `mentions m` (`org` is the organisation's parameter), `outer` on the scored
 * `authors a` (tags and leaning exist only once the mentions are grouped).
 */
function rankFilter(ctx: TenantCtx, filter: AuthorRankFilter, p: Params): { org: string; where: string[]; outer: string[] } {
  const org = p.add(ctx.uow.organizationId);
  const from = p.add(filter.from);
  const to = p.add(filter.to);
  const where = [`m.organization_id = ${org}`, `m.published_at >= ${from}`, `m.published_at < ${to}`];
  if (filter.source) where.push(`m.source = ${p.add(filter.source)}`);
  if (filter.handlePrefix) where.push(`lower(m.author_handle) LIKE lower(${p.add(likePrefix(filter.handlePrefix))})`);
  const outer: string[] = [];
  if (filter.tag) outer.push(`${p.add(filter.tag)} = ANY (a.tags)`);
  if (filter.leaning) outer.push(`a.leaning = ${p.add(filter.leaning)}`);
  return { org, where, outer };
}

/**
 * Authors read from the mentions table, and their profiles. The ranking is one
 * statement: the window's mentions of the organisation grouped by network and
 * lower-cased handle (the key mentions_author_idx leads with after
 * organization_id), scored with INFLUENCE_SCORE_SQL, joined to the profiles,
 * filtered and cut at the keyset.
 */
@Injectable()
export class MentionAuthorRepository {
  async rank(ctx: TenantCtx, filter: AuthorRankFilter, after: AuthorRankKey | undefined, limit: number): Promise<MentionAuthorRow[]> {
    const p = new Params();
    const { org, where, outer } = rankFilter(ctx, filter, p);
    if (after) {
      const score = p.add(after.score);
      outer.push(
        `(a.score < ${score}::numeric OR (a.score = ${score}::numeric AND (a.source, a.handle_key) > (${p.add(after.source)}, ${p.add(after.handleKey)})))`,
      );
    }
    const page = `SELECT * FROM authors a ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
       ORDER BY a.score DESC, a.source, a.handle_key LIMIT ${p.add(limit)}`;
    const rows = await ctx.uow.query<Row>(`${this.authorsSql(org, where.join(' AND '))} ${page}`, p.values);
    return rows.map(toAuthor);
  }

  /** How many authors the ranking holds under the filter, all pages together. */
  async count(ctx: TenantCtx, filter: AuthorRankFilter): Promise<number> {
    const p = new Params();
    const { org, where, outer } = rankFilter(ctx, filter, p);
    const [row] = await ctx.uow.query<{ n: number }>(
      `${this.authorsSql(org, where.join(' AND '))} SELECT count(*)::int AS n FROM authors a ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}`,
      p.values,
    );
    return row.n;
  }

  /** One author over the window, or null when it has no mention in it. */
  async find(ctx: TenantCtx, source: string, handle: string, window: AuthorWindow): Promise<MentionAuthorRow | null> {
    const p = new Params();
    const org = p.add(ctx.uow.organizationId);
    const from = p.add(window.from);
    const to = p.add(window.to);
    const where = [
      `m.organization_id = ${org}`,
      `m.source = ${p.add(source)}`,
      `lower(m.author_handle) = lower(${p.add(handle)})`,
      `m.published_at >= ${from}`,
      `m.published_at < ${to}`,
    ];
    const [row] = await ctx.uow.query<Row>(`${this.authorsSql(org, where.join(' AND '))} SELECT * FROM authors`, p.values);
    return row ? toAuthor(row) : null;
  }

  /** What people set on the author (tags, note), whatever the window; null when nothing was. */
  async profile(
    ctx: TenantCtx,
    source: string,
    handle: string,
  ): Promise<Pick<Row, 'tags' | 'note' | 'tagged_by' | 'tagged_at' | 'note_by' | 'note_at'> | null> {
    const [row] = await ctx.uow.query<Row>(
      `SELECT tags, note, tagged_by, tagged_at, note_by, note_at FROM mention_author_profiles
        WHERE organization_id = $1 AND source = $2 AND handle_key = lower($3)`,
      [ctx.uow.organizationId, source, handle],
    );
    return row ?? null;
  }

  /** Whether the organisation has any mention by the author, whenever (the index answers from its first entry). */
  async exists(ctx: TenantCtx, source: string, handle: string): Promise<boolean> {
    const rows = await ctx.uow.query(
      'SELECT 1 FROM mentions WHERE organization_id = $1 AND lower(author_handle) = lower($2) AND source = $3 LIMIT 1',
      [ctx.uow.organizationId, handle, source],
    );
    return rows.length > 0;
  }

  /** The reach read last for the author, whenever (an author quiet in the window keeps its known audience); null when never read. */
  async latestReach(ctx: TenantCtx, source: string, handle: string): Promise<number | null> {
    const [row] = await ctx.uow.query<{ author_reach: number }>(
      `SELECT author_reach FROM mentions
        WHERE organization_id = $1 AND lower(author_handle) = lower($2) AND source = $3 AND author_reach IS NOT NULL
        ORDER BY created_at DESC, published_at DESC, id DESC LIMIT 1`,
      [ctx.uow.organizationId, handle, source],
    );
    return row ? row.author_reach : null;
  }

  /** The author's newest mentions (ids only: the listening repository reads them). */
  async recentMentionIds(ctx: TenantCtx, source: string, handle: string, limit: number): Promise<string[]> {
    const rows = await ctx.uow.query<{ id: string }>(
      `SELECT id FROM mentions WHERE organization_id = $1 AND lower(author_handle) = lower($2) AND source = $3
        ORDER BY published_at DESC, id DESC LIMIT $4`,
      [ctx.uow.organizationId, handle, source, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Adds a tag in one statement (concurrent tags of one author all stay: the
   * row is locked by the upsert, the set merged from what it holds). Answers
   * false when the author had the tag already (nothing written).
   */
  async addTag(ctx: TenantCtx, source: string, handle: string, tag: AuthorTag, by: string | null): Promise<boolean> {
    const written = await ctx.uow.execute(
      `INSERT INTO mention_author_profiles AS p (organization_id, source, handle_key, tags, tagged_by, tagged_at)
       VALUES ($1, $2, lower($3), ARRAY[$4::text], $5, now())
       ON CONFLICT (organization_id, source, handle_key) DO UPDATE
         SET tags = ARRAY(SELECT DISTINCT t FROM unnest(p.tags || EXCLUDED.tags) t ORDER BY t),
             tagged_by = EXCLUDED.tagged_by, tagged_at = now(), updated_at = now()
         WHERE NOT (p.tags @> EXCLUDED.tags)`,
      [ctx.uow.organizationId, source, handle, tag, by],
    );
    return written > 0;
  }

  /** Removes a tag; false when the author did not have it. */
  async removeTag(ctx: TenantCtx, source: string, handle: string, tag: AuthorTag, by: string | null): Promise<boolean> {
    const written = await ctx.uow.execute(
      `UPDATE mention_author_profiles SET tags = array_remove(tags, $4::text), tagged_by = $5, tagged_at = now(), updated_at = now()
        WHERE organization_id = $1 AND source = $2 AND handle_key = lower($3) AND $4::text = ANY (tags)`,
      [ctx.uow.organizationId, source, handle, tag, by],
    );
    return written > 0;
  }

  /** Sets or clears (null) the note. */
  async setNote(ctx: TenantCtx, source: string, handle: string, note: string | null, by: string | null): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO mention_author_profiles AS p (organization_id, source, handle_key, note, note_by, note_at)
       VALUES ($1, $2, lower($3), $4, $5, now())
       ON CONFLICT (organization_id, source, handle_key) DO UPDATE
         SET note = EXCLUDED.note, note_by = EXCLUDED.note_by, note_at = now(), updated_at = now()`,
      [ctx.uow.organizationId, source, handle, note, by],
    );
  }

  /**
   * The CTE both readings share. The aggregate reads only the columns it
   * needs and has no ordered aggregate, so PostgreSQL hashes the groups
   * instead of sorting every mention of the window by handle (the costliest
   * step of the plan on 100,000 mentions): the newest spelling of the handle
   * and the newest name are the max of [fixed-width UTC time, value] arrays,
   * and the reach is the one read last (the mention stored last, then the
   * newest): an audience that shrank shows as it is now, not as its peak.
   * (A probe of mentions_author_idx per row of the page was tried: under
   * FORCEd row-level security PostgreSQL does not use `lower(author_handle)`
   * as an index condition, lower not being leakproof, and scanned the
   * organisation's whole index instead.)
   */
  private authorsSql(org: string, where: string): string {
    return `WITH grouped AS (
        SELECT m.source, lower(m.author_handle) AS handle_key,
               (max(ARRAY[to_char(m.published_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS'), m.author_handle]))[2] AS handle,
               (max(ARRAY[to_char(m.published_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS'), m.author_name])
                 FILTER (WHERE m.author_name IS NOT NULL))[2] AS name,
               count(*)::int AS mentions,
               avg(m.sentiment_score)::float8 AS average_sentiment,
               (count(*) FILTER (WHERE m.sentiment_label = 'POSITIVE'))::int AS positive,
               (count(*) FILTER (WHERE m.sentiment_label = 'NEGATIVE'))::int AS negative,
               (max(ARRAY[to_char(m.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS')
                          || to_char(m.published_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS'), m.author_reach::text])
                 FILTER (WHERE m.author_reach IS NOT NULL))[2]::int AS reach,
               min(m.published_at) AS first_seen,
               max(m.published_at) AS last_seen
          FROM mentions m
         WHERE ${where}
         GROUP BY m.source, lower(m.author_handle)
      ), authors AS (
        SELECT g.*, ${INFLUENCE_SCORE_SQL} AS score, ${LEANING_SQL} AS leaning,
               p.tags, p.note, p.tagged_by, p.tagged_at, p.note_by, p.note_at
          FROM grouped g
          LEFT JOIN mention_author_profiles p ON p.organization_id = ${org} AND p.source = g.source AND p.handle_key = g.handle_key
      )`;
  }
}
