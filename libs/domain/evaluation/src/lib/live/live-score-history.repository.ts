import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import { type LiveCoverage, toNumber } from './live-score.repository';

export type LiveScoreHistoryGranularity = 'COMPUTATION' | 'DAY';

export interface LiveScoreHistoryQuery {
  /** Computed at or after. */
  from: Date | null;
  /** Computed at or before. */
  to: Date | null;
  /** Keyset position: strictly before this time (ISO, microseconds) — with DAY, before the start of its local day. */
  before: string | null;
  granularity: LiveScoreHistoryGranularity;
  /** Rows to fetch (the page size plus one, to tell whether a next page exists). */
  limit: number;
  /** The person asking, for the language of the dimension names (null for an API key: the organisation's). */
  viewerUserId: string | null;
}

/** What a count of the history needs: the page's bounds and granularity, without its position or length. */
export type LiveScoreHistoryCountQuery = Pick<LiveScoreHistoryQuery, 'from' | 'to' | 'granularity' | 'viewerUserId'>;

export interface LiveScoreHistoryRow {
  /** `computedAt` to the microsecond, as the keyset cursor carries it. */
  position: string;
  computedAt: Date;
  model: { agencyId: string | null; modelId: string; version: number };
  overallScore: number | null;
  level: number | null;
  measuredScore: number | null;
  measuredLevel: number | null;
  reachedLevel: number | null;
  coverage: LiveCoverage | null;
  dimensionScores: Record<string, number | null>;
  /** The model's dimensions in its order, named in `lang`; null when no finalised assessment froze that model's content. */
  modelDimensions: { key: string; name: string }[] | null;
  lang: 'fr' | 'en';
}

interface Row {
  position: string;
  computed_at: Date;
  model_agency_id: string | null;
  model_id: string;
  model_version: number;
  overall_score: string | null;
  level: number | null;
  measured_score: string | null;
  measured_level: number | null;
  reached_level: number | null;
  coverage_evidence: string | null;
  coverage_assessment: string | null;
  coverage_unknown: string | null;
  dimension_scores: Record<string, number | null>;
  model_dimensions: { key: string; name: string }[] | null;
  lang: 'fr' | 'en';
}

const COLUMNS = `l.computed_at, l.model_agency_id, l.model_id, l.model_version, l.overall_score, l.level, l.measured_score, l.measured_level,
  l.reached_level, l.coverage_evidence, l.coverage_assessment, l.coverage_unknown, l.dimension_scores`;

// The organisation's time zone (local days) and the viewer's language, else the organisation's: $1 and $2.
const ORG = `SELECT o.timezone AS tz, coalesce((SELECT u.locale FROM users u WHERE u.id = $2::uuid), o.locale) AS lang
           FROM organizations o WHERE o.id = $1`;

// The bounds are written so that each is a range condition on the primary key (organization_id, computed_at).
const BOUNDS = `l.organization_id = $1
     AND l.computed_at >= coalesce($3::timestamptz, '-infinity') AND l.computed_at <= coalesce($4::timestamptz, 'infinity')`;

const PAGES: Record<LiveScoreHistoryGranularity, string> = {
  COMPUTATION: `SELECT ${COLUMNS} FROM maturity_live_scores l
     WHERE ${BOUNDS} AND l.computed_at < coalesce($5::timestamptz, 'infinity')
     ORDER BY l.computed_at DESC LIMIT $6`,
  // The last computation of each local day; a cursor skips its whole day.
  DAY: `SELECT DISTINCT ON ((l.computed_at AT TIME ZONE org.tz)::date) ${COLUMNS} FROM org, maturity_live_scores l
     WHERE ${BOUNDS}
       AND l.computed_at < coalesce(date_trunc('day', $5::timestamptz AT TIME ZONE org.tz) AT TIME ZONE org.tz, 'infinity')
     ORDER BY (l.computed_at AT TIME ZONE org.tz)::date DESC, l.computed_at DESC LIMIT $6`,
};

// What one entry of the list is: a computation, or a local day that has at least one.
const ENTRIES: Record<LiveScoreHistoryGranularity, string> = {
  COMPUTATION: 'count(*)',
  DAY: 'count(DISTINCT (l.computed_at AT TIME ZONE org.tz)::date)',
};

/**
 * Pages of an organisation's kept live scores, newest first, in one statement:
 * the organisation's time zone and the viewer's language, the page (a range of
 * the primary key), and the dimension names of the page's models, from the
 * latest finalised assessment that froze each one (a few distinct models per
 * page, whatever its length). Runs in a unit of work scoped to the
 * organisation: row-level security holds underneath.
 */
@Injectable()
export class LiveScoreHistoryRepository {
  async page(uow: OrganizationUnitOfWork, query: LiveScoreHistoryQuery): Promise<LiveScoreHistoryRow[]> {
    const rows = await uow.query<Row>(
      `WITH org AS (${ORG}),
       page AS (${PAGES[query.granularity]}),
       models AS (
         SELECT m.model_agency_id, m.model_id, m.model_version,
                (SELECT jsonb_agg(jsonb_build_object('key', d.value->>'key', 'name', coalesce(d.value->'title'->>org.lang, d.value->>'key'))
                                  ORDER BY d.ordinality)
                   FROM (SELECT a.model_content FROM maturity_assessments a
                          WHERE a.organization_id = $1 AND a.status = 'FINALIZED' AND a.model_id = m.model_id
                            AND a.model_version = m.model_version AND a.model_agency_id IS NOT DISTINCT FROM m.model_agency_id
                          ORDER BY a.assessed_at DESC LIMIT 1) c,
                        jsonb_array_elements(c.model_content->'dimensions') WITH ORDINALITY d) AS dimensions
           FROM (SELECT DISTINCT model_agency_id, model_id, model_version FROM page) m, org
       )
       SELECT to_char(p.computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position, p.*,
              md.dimensions AS model_dimensions, org.lang
         FROM page p CROSS JOIN org
         LEFT JOIN models md ON md.model_id = p.model_id AND md.model_version = p.model_version
                            AND md.model_agency_id IS NOT DISTINCT FROM p.model_agency_id
        ORDER BY p.computed_at DESC`,
      [uow.organizationId, query.viewerUserId, query.from, query.to, query.before, query.limit],
    );
    return rows.map((r) => ({
      position: r.position,
      computedAt: r.computed_at,
      model: { agencyId: r.model_agency_id, modelId: r.model_id, version: r.model_version },
      overallScore: toNumber(r.overall_score),
      level: r.level,
      measuredScore: toNumber(r.measured_score),
      measuredLevel: r.measured_level,
      reachedLevel: r.reached_level,
      coverage:
        r.coverage_evidence === null || r.coverage_assessment === null || r.coverage_unknown === null
          ? null
          : { evidence: Number(r.coverage_evidence), assessment: Number(r.coverage_assessment), unknown: Number(r.coverage_unknown) },
      dimensionScores: r.dimension_scores,
      modelDimensions: r.model_dimensions,
      lang: r.lang,
    }));
  }

  /** How many entries the history holds within the bounds, at this granularity: every page of `page` together. */
  async count(uow: OrganizationUnitOfWork, query: LiveScoreHistoryCountQuery): Promise<number> {
    const [row] = await uow.query<{ n: number }>(
      `WITH org AS (${ORG})
       SELECT ${ENTRIES[query.granularity]}::int AS n FROM org, maturity_live_scores l WHERE ${BOUNDS}`,
      [uow.organizationId, query.viewerUserId, query.from, query.to],
    );
    return row?.n ?? 0;
  }
}
