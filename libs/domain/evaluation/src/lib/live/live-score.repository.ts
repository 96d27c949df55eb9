import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { MaturityModelContent } from '../model/model-content';
import type { FrozenEvidence } from '../assessment/entities';

/** Which model a score was computed with: agency id null for the built-in default model. */
export interface ModelIdentity {
  agencyId: string | null;
  modelId: string;
  version: number;
}

/** Stored evidence, as assessments freeze it: `{ key: { value, score, explanation } }`. */
export type StoredEvidence = Record<string, FrozenEvidence>;

/** Where a criterion's score comes from in a live score. */
export type CriterionSource = 'EVIDENCE' | 'ASSESSMENT' | 'UNKNOWN';

/** Shares (0..1, summing to 1) of the model's weight measured by evidence, carried from the latest assessment, and unknown. */
export interface LiveCoverage {
  evidence: number;
  assessment: number;
  unknown: number;
}

/** One criterion of a live score, stored with it. */
export interface LiveCriterion {
  dimensionKey: string;
  source: CriterionSource;
  /** 0..1; null when UNKNOWN (it counts as 0 in the overall). */
  score: number | null;
  /** ASSESSMENT: when the carried answer was given (ISO time), and its age in whole days at the computation. */
  answeredAt: string | null;
  ageDays: number | null;
}

export interface LiveScoreRow {
  organizationId: string;
  computedAt: Date;
  model: ModelIdentity;
  overallScore: number | null;
  /** The level of the overall score, capped at `measuredLevel`. */
  level: number | null;
  dimensionScores: Record<string, number | null>;
  evidence: StoredEvidence;
  /** Null for a live score computed before coverage was kept. */
  coverage: LiveCoverage | null;
  /** The evidence criteria alone (weights renormalised among them): what is measured, and the level it supports. */
  measuredScore: number | null;
  measuredLevel: number | null;
  /** The level the overall score reaches before the cap (null for a live score computed before the cap). */
  reachedLevel: number | null;
  /** By criterion key; empty for a live score computed before criteria were kept. */
  criteria: Record<string, LiveCriterion>;
}

interface Row {
  organization_id: string;
  computed_at: Date;
  model_agency_id: string | null;
  model_id: string;
  model_version: number;
  overall_score: string | null;
  level: number | null;
  dimension_scores: Record<string, number | null>;
  evidence: StoredEvidence;
  coverage_evidence: string | null;
  coverage_assessment: string | null;
  coverage_unknown: string | null;
  measured_score: string | null;
  measured_level: number | null;
  reached_level: number | null;
  criteria: Record<string, LiveCriterion>;
}

export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

export function toLiveScore(r: Row): LiveScoreRow {
  return {
    organizationId: r.organization_id,
    computedAt: r.computed_at,
    model: { agencyId: r.model_agency_id, modelId: r.model_id, version: r.model_version },
    overallScore: toNumber(r.overall_score),
    level: r.level,
    dimensionScores: r.dimension_scores,
    evidence: r.evidence,
    coverage:
      r.coverage_evidence === null || r.coverage_assessment === null || r.coverage_unknown === null
        ? null
        : { evidence: Number(r.coverage_evidence), assessment: Number(r.coverage_assessment), unknown: Number(r.coverage_unknown) },
    measuredScore: toNumber(r.measured_score),
    measuredLevel: r.measured_level,
    reachedLevel: r.reached_level,
    criteria: r.criteria ?? {},
  };
}

const COLUMNS = `organization_id, computed_at, model_agency_id, model_id, model_version, overall_score, level, dimension_scores, evidence,
  coverage_evidence, coverage_assessment, coverage_unknown, measured_score, measured_level, reached_level, criteria`;

/** A declarative answer of the latest finalised assessment, as the basis statement returns it. */
export interface BasisAnswer {
  criterionKey: string;
  value: number;
  answeredAt: Date;
}

/**
 * The only place that queries maturity_live_scores. Every statement names the
 * organisation and runs in a unit of work scoped to it (or to its agency, for
 * reads): row-level security holds underneath. The two statements of the nightly
 * run are prepared (planned once per connection).
 */
@Injectable()
export class LiveScoreRepository {
  /**
   * Whether the organisation is active, its language, and its latest finalised
   * assessment's model (frozen with it) and date (null when never assessed).
   * Null when the organisation is gone.
   */
  async basis(uow: OrganizationUnitOfWork): Promise<{
    active: boolean;
    locale: 'fr' | 'en';
    assessed: { model: ModelIdentity; content: MaturityModelContent; assessedAt: Date; answers: BasisAnswer[] } | null;
  } | null> {
    const [row] = await uow.prepared<{
      status: string;
      locale: 'fr' | 'en';
      assessed_at: Date | null;
      model_agency_id: string | null;
      model_id: string | null;
      model_version: number | null;
      model_content: MaturityModelContent | null;
      answers: { k: string; v: number; at: string }[] | null;
    }>(
      'evaluation_live_basis_dated',
      // An answer is as old as the assessment it belongs to: one recorded today for an audit of last quarter dates from last quarter.
      `SELECT o.status, o.locale, a.model_agency_id, a.model_id, a.model_version, a.model_content, a.assessed_at,
              (SELECT jsonb_agg(jsonb_build_object('k', m.criterion_key, 'v', m.value, 'at', LEAST(m.answered_at, a.assessed_at))
                             ORDER BY m.criterion_key)
                 FROM maturity_answers m WHERE m.organization_id = o.id AND m.assessment_id = a.id) AS answers
         FROM organizations o
         LEFT JOIN LATERAL (SELECT id, model_agency_id, model_id, model_version, model_content, assessed_at FROM maturity_assessments
                             WHERE organization_id = o.id AND status = 'FINALIZED'
                             ORDER BY assessed_at DESC, finalized_at DESC, id DESC LIMIT 1) a ON true
        WHERE o.id = $1`,
      [uow.organizationId],
    );
    if (!row) return null;
    const assessed =
      row.model_id !== null && row.model_version !== null && row.model_content !== null && row.assessed_at !== null
        ? {
            model: { agencyId: row.model_agency_id, modelId: row.model_id, version: row.model_version },
            content: row.model_content,
            assessedAt: row.assessed_at,
            answers: (row.answers ?? []).map((a) => ({ criterionKey: a.k, value: a.v, answeredAt: new Date(a.at) })),
          }
        : null;
    return { active: row.status === 'ACTIVE', locale: row.locale, assessed };
  }

  async insert(uow: OrganizationUnitOfWork, score: Omit<LiveScoreRow, 'organizationId'>): Promise<LiveScoreRow> {
    const [row] = await uow.prepared<Row>(
      'evaluation_live_insert_coverage',
      `INSERT INTO maturity_live_scores (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (organization_id, computed_at) DO UPDATE SET model_agency_id = EXCLUDED.model_agency_id, model_id = EXCLUDED.model_id,
         model_version = EXCLUDED.model_version, overall_score = EXCLUDED.overall_score, level = EXCLUDED.level,
         dimension_scores = EXCLUDED.dimension_scores, evidence = EXCLUDED.evidence, coverage_evidence = EXCLUDED.coverage_evidence,
         coverage_assessment = EXCLUDED.coverage_assessment, coverage_unknown = EXCLUDED.coverage_unknown,
         measured_score = EXCLUDED.measured_score, measured_level = EXCLUDED.measured_level,
         reached_level = EXCLUDED.reached_level, criteria = EXCLUDED.criteria
       RETURNING ${COLUMNS}`,
      [
        uow.organizationId,
        score.computedAt,
        score.model.agencyId,
        score.model.modelId,
        score.model.version,
        score.overallScore,
        score.level,
        JSON.stringify(score.dimensionScores),
        JSON.stringify(score.evidence),
        score.coverage?.evidence ?? null,
        score.coverage?.assessment ?? null,
        score.coverage?.unknown ?? null,
        score.measuredScore,
        score.measuredLevel,
        score.reachedLevel,
        JSON.stringify(score.criteria),
      ],
    );
    return toLiveScore(row);
  }

  /**
   * For a nightly run: waits for any other worker recomputing this organisation
   * (a transaction-level advisory lock, released at COMMIT), then tells whether
   * a live score was already computed since `slot`, so the run stays once per
   * night whatever the retries, replicas or queues.
   */
  async alreadyComputedSince(uow: OrganizationUnitOfWork, slot: Date): Promise<boolean> {
    await uow.prepared('evaluation_live_lock', "SELECT pg_advisory_xact_lock(hashtextextended('socle.live-score:' || $1::text, 0))", [
      uow.organizationId,
    ]);
    const [row] = await uow.prepared<{ done: boolean }>(
      'evaluation_live_since',
      'SELECT EXISTS (SELECT 1 FROM maturity_live_scores WHERE organization_id = $1 AND computed_at >= $2) AS done',
      [uow.organizationId, slot],
    );
    return row.done;
  }

  /** Organisations due for the run of `slot`, across tenants (SECURITY DEFINER function: ids only), in id order after `after`. */
  async due(uow: UnitOfWork, slot: Date, after: string | null, limit: number): Promise<string[]> {
    const rows = await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_live_scores_due($1, $2, $3)', [
      slot,
      after,
      limit,
    ]);
    return rows.map((r) => r.organization_id);
  }
}
