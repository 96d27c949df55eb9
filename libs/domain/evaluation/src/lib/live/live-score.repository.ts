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

export interface LiveScoreRow {
  organizationId: string;
  computedAt: Date;
  model: ModelIdentity;
  overallScore: number | null;
  level: number | null;
  dimensionScores: Record<string, number | null>;
  evidence: StoredEvidence;
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
  };
}

const COLUMNS = 'organization_id, computed_at, model_agency_id, model_id, model_version, overall_score, level, dimension_scores, evidence';

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
   * assessment's model (frozen with it) and time (null when never assessed).
   * Null when the organisation is gone.
   */
  async basis(uow: OrganizationUnitOfWork): Promise<{
    active: boolean;
    locale: 'fr' | 'en';
    assessed: { model: ModelIdentity; content: MaturityModelContent; finalizedAt: Date } | null;
  } | null> {
    const [row] = await uow.prepared<{
      status: string;
      locale: 'fr' | 'en';
      finalized_at: Date | null;
      model_agency_id: string | null;
      model_id: string | null;
      model_version: number | null;
      model_content: MaturityModelContent | null;
    }>(
      'evaluation_live_basis',
      `SELECT o.status, o.locale, a.model_agency_id, a.model_id, a.model_version, a.model_content, a.finalized_at
         FROM organizations o
         LEFT JOIN LATERAL (SELECT model_agency_id, model_id, model_version, model_content, finalized_at FROM maturity_assessments
                             WHERE organization_id = o.id AND status = 'FINALIZED' ORDER BY finalized_at DESC, id DESC LIMIT 1) a ON true
        WHERE o.id = $1`,
      [uow.organizationId],
    );
    if (!row) return null;
    const assessed =
      row.model_id !== null && row.model_version !== null && row.model_content !== null && row.finalized_at !== null
        ? {
            model: { agencyId: row.model_agency_id, modelId: row.model_id, version: row.model_version },
            content: row.model_content,
            finalizedAt: row.finalized_at,
          }
        : null;
    return { active: row.status === 'ACTIVE', locale: row.locale, assessed };
  }

  async insert(uow: OrganizationUnitOfWork, score: Omit<LiveScoreRow, 'organizationId'>): Promise<LiveScoreRow> {
    const [row] = await uow.prepared<Row>(
      'evaluation_live_insert',
      `INSERT INTO maturity_live_scores (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (organization_id, computed_at) DO UPDATE SET model_agency_id = EXCLUDED.model_agency_id, model_id = EXCLUDED.model_id,
         model_version = EXCLUDED.model_version, overall_score = EXCLUDED.overall_score, level = EXCLUDED.level,
         dimension_scores = EXCLUDED.dimension_scores, evidence = EXCLUDED.evidence
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
