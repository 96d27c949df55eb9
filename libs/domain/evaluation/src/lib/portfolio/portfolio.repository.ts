import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import { likeContains } from '@socle/platform-database';
import type { MaturityModelContent } from '../model/model-content';
import { LiveCoverage, toNumber } from '../live/live-score.repository';
import { filterConditions, orderBy, PortfolioFilter, PortfolioSort } from './portfolio-query';

/** Who looks: their agency, whether they are limited to their own memberships, and whose language to use. */
export interface Viewer {
  agencyId: string;
  /** Set for agency members who are neither owners nor admins: only organisations where they hold a membership. */
  memberUserId: string | null;
  /** The signed-in person (their language); null for an API key (each organisation's language then). */
  userId: string | null;
}

export interface PortfolioRow {
  id: string;
  name: string;
  locale: 'fr' | 'en';
  assessmentId: string | null;
  finalizedAt: Date | null;
  /** The latest assessment's date (what it is sorted, filtered and aged by). */
  assessedAt: Date | null;
  score: number | null;
  level: number | null;
  levelName: string | null;
  previousScore: number | null;
  trend: number | null;
  daysSince: number | null;
  weakestKey: string | null;
  weakestTitle: string | null;
  weakestScore: number | null;
  liveScore: number | null;
  liveLevel: number | null;
  liveComputedAt: Date | null;
  liveTrend: number | null;
  /** Coverage of the latest live score (null when computed before coverage was kept), and the level its measured part supports. */
  liveCoverage: LiveCoverage | null;
  liveMeasuredLevel: number | null;
  liveReachedLevel: number | null;
}

interface Row {
  id: string;
  name: string;
  locale: 'fr' | 'en';
  assessment_id: string | null;
  finalized_at: Date | null;
  assessed_at: Date | null;
  score: string | null;
  level: number | null;
  level_name: string | null;
  previous_score: string | null;
  trend: string | null;
  days_since: number | null;
  weakest_key: string | null;
  weakest_title: string | null;
  weakest_score: string | null;
  live_score: string | null;
  live_level: number | null;
  live_computed_at: Date | null;
  live_trend: string | null;
  live_coverage_evidence: string | null;
  live_coverage_assessment: string | null;
  live_coverage_unknown: string | null;
  live_measured_level: number | null;
  live_reached_level: number | null;
  total: string;
}

/** The organisations a viewer sees: $1 agency, $2 member restriction (or null), $3 name pattern (or null). */
const VISIBLE = `
  SELECT o.id, o.name, o.locale FROM organizations o
   WHERE o.agency_id = $1 AND o.status = 'ACTIVE'
     AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = o.id AND m.user_id = $2::uuid))
     AND ($3::text IS NULL OR o.name ILIKE $3::text)`;

/**
 * One row per visible organisation with everything the portfolio sorts and
 * filters on: two index probes into maturity_assessments (latest and previous
 * finalised by their date, on (organization_id, assessed_at DESC, finalized_at DESC, id DESC)) and two into
 * maturity_live_scores (its primary key), whatever their history.
 */
const COMPUTED = `
  SELECT v.id, v.name, v.locale, la.id AS assessment_id, la.finalized_at, la.assessed_at, la.overall_score AS score, la.level,
         pa.overall_score AS previous_score, la.overall_score - pa.overall_score AS trend,
         floor(extract(epoch FROM (now() - la.assessed_at)) / 86400)::int AS days_since,
         ls.overall_score AS live_score, ls.level AS live_level, ls.computed_at AS live_computed_at,
         ls.overall_score - pls.overall_score AS live_trend, ls.coverage_evidence AS live_coverage_evidence,
         ls.coverage_assessment AS live_coverage_assessment, ls.coverage_unknown AS live_coverage_unknown,
         ls.measured_level AS live_measured_level, ls.reached_level AS live_reached_level
    FROM visible v
    LEFT JOIN LATERAL (SELECT a.id, a.finalized_at, a.assessed_at, a.overall_score, a.level FROM maturity_assessments a
                        WHERE a.organization_id = v.id AND a.status = 'FINALIZED'
                        ORDER BY a.assessed_at DESC, a.finalized_at DESC, a.id DESC LIMIT 1) la ON true
    LEFT JOIN LATERAL (SELECT a.overall_score FROM maturity_assessments a
                        WHERE a.organization_id = v.id AND a.status = 'FINALIZED'
                        ORDER BY a.assessed_at DESC, a.finalized_at DESC, a.id DESC OFFSET 1 LIMIT 1) pa ON true
    LEFT JOIN LATERAL (SELECT l.overall_score, l.level, l.computed_at, l.coverage_evidence, l.coverage_assessment, l.coverage_unknown,
                              l.measured_level, l.reached_level FROM maturity_live_scores l
                        WHERE l.organization_id = v.id ORDER BY l.computed_at DESC LIMIT 1) ls ON true
    LEFT JOIN LATERAL (SELECT l.overall_score FROM maturity_live_scores l
                        WHERE l.organization_id = v.id ORDER BY l.computed_at DESC OFFSET 1 LIMIT 1) pls ON true`;

function toRow(r: Row): PortfolioRow {
  return {
    id: r.id,
    name: r.name,
    locale: r.locale,
    assessmentId: r.assessment_id,
    finalizedAt: r.finalized_at,
    assessedAt: r.assessed_at,
    score: toNumber(r.score),
    level: r.level,
    levelName: r.level_name,
    previousScore: toNumber(r.previous_score),
    trend: toNumber(r.trend),
    daysSince: r.days_since,
    weakestKey: r.weakest_key,
    weakestTitle: r.weakest_title,
    weakestScore: toNumber(r.weakest_score),
    liveScore: toNumber(r.live_score),
    liveLevel: r.live_level,
    liveComputedAt: r.live_computed_at,
    liveTrend: toNumber(r.live_trend),
    liveCoverage:
      r.live_coverage_evidence === null || r.live_coverage_assessment === null || r.live_coverage_unknown === null
        ? null
        : {
            evidence: Number(r.live_coverage_evidence),
            assessment: Number(r.live_coverage_assessment),
            unknown: Number(r.live_coverage_unknown),
          },
    liveMeasuredLevel: r.live_measured_level,
    liveReachedLevel: r.live_reached_level,
  };
}

export interface AssessmentBasis {
  assessmentId: string;
  /** The assessment's date. */
  assessedAt: Date;
  modelAgencyId: string | null;
  modelId: string;
  modelVersion: number;
  overallScore: number | null;
  level: number | null;
  dimensionScores: Record<string, number | null>;
  content: MaturityModelContent;
}

export interface LiveBasis {
  computedAt: Date;
  modelAgencyId: string | null;
  modelId: string;
  modelVersion: number;
  overallScore: number | null;
  level: number | null;
  dimensionScores: Record<string, number | null>;
  /** The model's content, from the latest finalised assessment made with the same model version; null if none (built-in model). */
  content: MaturityModelContent | null;
}

export interface ComparisonRow {
  overallAverage: number | null;
  dimensionAverages: Record<string, number>;
  organizationCount: number;
}

/**
 * The portfolio's reads, at agency level (the unit of work carries the agency:
 * row-level security admits that agency's organisations and their assessment and
 * live-score rows) or inside one organisation.
 */
@Injectable()
export class PortfolioRepository {
  /** One statement per page: visible organisations, computed values, filter, sort, page, total, and the page's details. */
  async page(
    uow: UnitOfWork,
    viewer: Viewer,
    sort: PortfolioSort,
    filter: PortfolioFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: PortfolioRow[]; total: number }> {
    const params: unknown[] = [viewer.agencyId, viewer.memberUserId, filter.search ? likeContains(filter.search) : null, viewer.userId];
    const where = filterConditions(filter, params);
    params.push(limit, offset);
    const [limitParam, offsetParam] = [`$${params.length - 1}`, `$${params.length}`];
    const order = orderBy(sort);
    const rows = await uow.query<Row>(
      `WITH visible AS (${VISIBLE}),
            computed AS (${COMPUTED}),
            filtered AS (SELECT * FROM computed r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
            paged AS (SELECT r.* FROM filtered r ORDER BY ${order} LIMIT ${limitParam} OFFSET ${offsetParam}),
            viewer AS (SELECT u.locale FROM users u WHERE u.id = $4::uuid)
       SELECT r.id, r.name, r.locale, r.assessment_id, r.finalized_at, r.assessed_at, r.score, r.level, r.previous_score, r.trend, r.days_since,
              r.live_score, r.live_level, r.live_computed_at, r.live_trend, r.live_coverage_evidence, r.live_coverage_assessment,
              r.live_coverage_unknown, r.live_measured_level, r.live_reached_level,
              (SELECT lv->'name'->>lang.l FROM jsonb_array_elements(a.model_content->'levels') lv
                WHERE (lv->>'number')::int = r.level LIMIT 1) AS level_name,
              w.key AS weakest_key, w.score AS weakest_score,
              (SELECT dm->'title'->>lang.l FROM jsonb_array_elements(a.model_content->'dimensions') dm
                WHERE dm->>'key' = w.key LIMIT 1) AS weakest_title,
              (SELECT count(*) FROM filtered) AS total
         FROM paged r
         CROSS JOIN LATERAL (SELECT coalesce((SELECT locale FROM viewer), r.locale) AS l) lang
         LEFT JOIN maturity_assessments a ON a.organization_id = r.id AND a.id = r.assessment_id
         LEFT JOIN LATERAL (SELECT d.key, d.value::numeric AS score FROM jsonb_each_text(a.dimension_scores) d
                             WHERE d.value IS NOT NULL ORDER BY d.value::numeric ASC, d.key ASC LIMIT 1) w ON true
        ORDER BY ${order}`,
      params,
    );
    // The total rides on every row; an empty page still needs it (a page past the end).
    const total = rows[0] ? Number(rows[0].total) : offset > 0 ? await this.count(uow, viewer, filter) : 0;
    return { rows: rows.map(toRow), total };
  }

  private async count(uow: UnitOfWork, viewer: Viewer, filter: PortfolioFilter): Promise<number> {
    const params: unknown[] = [viewer.agencyId, viewer.memberUserId, filter.search ? likeContains(filter.search) : null];
    const where = filterConditions(filter, params);
    const [row] = await uow.query<{ n: string }>(
      `WITH visible AS (${VISIBLE}), computed AS (${COMPUTED})
       SELECT count(*) AS n FROM computed r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  /**
   * A client organisation if this viewer sees it (same rule as the portfolio), with its language. Agency level: the
   * unit of work's tenant is the agency, and `clientId` is looked up among the clients it shows this viewer.
   */
  async visible(
    uow: UnitOfWork,
    viewer: Viewer,
    clientId: string,
  ): Promise<{ id: string; locale: 'fr' | 'en'; viewerLocale: 'fr' | 'en' | null } | null> {
    const [row] = await uow.query<{ id: string; locale: 'fr' | 'en'; viewer_locale: 'fr' | 'en' | null }>(
      `WITH visible AS (${VISIBLE})
       SELECT v.id, v.locale, (SELECT u.locale FROM users u WHERE u.id = $5::uuid) AS viewer_locale FROM visible v WHERE v.id = $4::uuid`,
      [viewer.agencyId, viewer.memberUserId, null, clientId, viewer.userId],
    );
    return row ? { id: row.id, locale: row.locale, viewerLocale: row.viewer_locale } : null;
  }

  /**
   * The latest finalised assessment and the latest live score of one organisation (one statement): inside it, the
   * unit of work's own; at agency level, a client `visible` found for the viewer (row-level security lets an agency
   * read its clients' assessments and scores, never another agency's).
   */
  async radarBasis(uow: UnitOfWork, clientId: string): Promise<{ assessment: AssessmentBasis | null; live: LiveBasis | null }> {
    const [row] = await uow.query<{ assessment: Record<string, unknown> | null; live: Record<string, unknown> | null }>(
      `SELECT
         (SELECT jsonb_build_object('id', a.id, 'assessed_at', a.assessed_at, 'model_agency_id', a.model_agency_id, 'model_id', a.model_id,
                   'model_version', a.model_version, 'overall_score', a.overall_score, 'level', a.level, 'dimension_scores', a.dimension_scores,
                   'content', a.model_content)
            FROM maturity_assessments a WHERE a.organization_id = $1 AND a.status = 'FINALIZED'
           ORDER BY a.assessed_at DESC, a.finalized_at DESC, a.id DESC LIMIT 1) AS assessment,
         (SELECT jsonb_build_object('computed_at', l.computed_at, 'model_agency_id', l.model_agency_id, 'model_id', l.model_id,
                   'model_version', l.model_version, 'overall_score', l.overall_score, 'level', l.level, 'dimension_scores', l.dimension_scores,
                   'content', (SELECT a.model_content FROM maturity_assessments a
                                WHERE a.organization_id = l.organization_id AND a.status = 'FINALIZED' AND a.model_id = l.model_id
                                  AND a.model_version = l.model_version AND a.model_agency_id IS NOT DISTINCT FROM l.model_agency_id
                                ORDER BY a.assessed_at DESC, a.finalized_at DESC LIMIT 1))
            FROM maturity_live_scores l WHERE l.organization_id = $1 ORDER BY l.computed_at DESC LIMIT 1) AS live`,
      [clientId],
    );
    const a = row?.assessment;
    const l = row?.live;
    return {
      assessment: a
        ? {
            assessmentId: a.id as string,
            assessedAt: new Date(a.assessed_at as string),
            modelAgencyId: (a.model_agency_id as string | null) ?? null,
            modelId: a.model_id as string,
            modelVersion: a.model_version as number,
            overallScore: toNumber(a.overall_score as number | null),
            level: (a.level as number | null) ?? null,
            dimensionScores: (a.dimension_scores as Record<string, number | null> | null) ?? {},
            content: a.content as MaturityModelContent,
          }
        : null,
      live: l
        ? {
            computedAt: new Date(l.computed_at as string),
            modelAgencyId: (l.model_agency_id as string | null) ?? null,
            modelId: l.model_id as string,
            modelVersion: l.model_version as number,
            overallScore: toNumber(l.overall_score as number | null),
            level: (l.level as number | null) ?? null,
            dimensionScores: (l.dimension_scores as Record<string, number | null> | null) ?? {},
            content: (l.content as MaturityModelContent | null) ?? null,
          }
        : null,
    };
  }

  /**
   * Averages over the latest finalised assessment of each organisation the
   * viewer sees whose latest assessment uses the same model (any version:
   * dimensions are matched by key). The organisation itself is included.
   */
  async comparison(uow: UnitOfWork, viewer: Viewer, model: { agencyId: string | null; modelId: string }): Promise<ComparisonRow> {
    const [row] = await uow.query<{ overall: string | null; dimensions: Record<string, string> | null; n: string }>(
      `WITH visible AS (${VISIBLE}),
            latest AS (SELECT DISTINCT ON (a.organization_id) a.organization_id, a.model_agency_id, a.model_id, a.overall_score, a.dimension_scores
                         FROM visible v JOIN maturity_assessments a ON a.organization_id = v.id AND a.status = 'FINALIZED'
                        ORDER BY a.organization_id, a.assessed_at DESC, a.finalized_at DESC, a.id DESC),
            peers AS (SELECT * FROM latest WHERE model_id = $4 AND model_agency_id IS NOT DISTINCT FROM $5::uuid)
       SELECT (SELECT round(avg(overall_score), 1) FROM peers) AS overall,
              (SELECT jsonb_object_agg(key, avg) FROM (SELECT d.key, round(avg(d.value::numeric), 1) AS avg
                  FROM peers p, jsonb_each_text(p.dimension_scores) d WHERE d.value IS NOT NULL GROUP BY d.key) x) AS dimensions,
              (SELECT count(*) FROM peers) AS n`,
      [viewer.agencyId, viewer.memberUserId, null, model.modelId, model.agencyId],
    );
    return {
      overallAverage: toNumber(row?.overall ?? null),
      dimensionAverages: Object.fromEntries(Object.entries(row?.dimensions ?? {}).map(([k, v]) => [k, Number(v)])),
      organizationCount: Number(row?.n ?? 0),
    };
  }
}
