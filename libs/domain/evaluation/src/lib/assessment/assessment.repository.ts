import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import type { MaturityModelContent } from '../model/model-content';
import type { Recommendation } from '../model/scoring';
import type { AssessmentStatus, FrozenEvidence, MaturityAnswerEntity, MaturityAssessmentEntity } from './entities';

/** Who reads or writes, in which organisation: a request's OrganizationContext, or a job's own. The tenant is the unit of work's own. */
export interface OrgScope {
  readonly uow: OrganizationUnitOfWork;
  /** Read from the unit of work (its type cannot be given any other way). */
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
}

/** An assessment with what showing it needs: the organisation's language and the previous finalised assessment's scores. */
export interface AssessmentRecord extends MaturityAssessmentEntity {
  locale: 'fr' | 'en';
  organizationName: string;
  /** IANA time zone of the organisation, for dates shown to its people. */
  timeZone: string;
  previousId: string | null;
  /** The previous finalised assessment's date (its `assessedAt`). */
  previousAssessedAt: Date | null;
  previousOverallScore: number | null;
  previousDimensionScores: Record<string, number | null> | null;
}

interface Row {
  organization_id: string;
  id: string;
  model_agency_id: string | null;
  model_id: string;
  model_version: number;
  model_content: MaturityModelContent;
  status: AssessmentStatus;
  started_by: string | null;
  started_at: Date;
  finalized_at: Date | null;
  finalized_by: string | null;
  assessed_at: Date | null;
  overall_score: number | null;
  level: number | null;
  dimension_scores: Record<string, number | null> | null;
  evidence: Record<string, FrozenEvidence> | null;
  recommendations: Recommendation[] | null;
  locale: 'fr' | 'en';
  organization_name: string;
  timezone: string;
  previous_id: string | null;
  previous_assessed_at: Date | null;
  previous_overall_score: number | null;
  previous_dimension_scores: Record<string, number | null> | null;
}

interface AnswerRow {
  organization_id: string;
  assessment_id: string;
  criterion_key: string;
  value: number;
  comment: string | null;
  attachments: string[];
  answered_by: string | null;
  answered_at: Date;
}

const SELECT = `
  SELECT a.organization_id, a.id, a.model_agency_id, a.model_id, a.model_version, a.model_content, a.status, a.started_by, a.started_at,
         a.finalized_at, a.finalized_by, a.assessed_at, a.overall_score::float8 AS overall_score, a.level, a.dimension_scores, a.evidence, a.recommendations,
         o.locale, o.name AS organization_name, o.timezone,
         p.id AS previous_id, p.assessed_at AS previous_assessed_at, p.overall_score::float8 AS previous_overall_score, p.dimension_scores AS previous_dimension_scores
    FROM maturity_assessments a
    JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN LATERAL (
      SELECT p.id, p.assessed_at, p.overall_score, p.dimension_scores FROM maturity_assessments p
       WHERE a.status = 'FINALIZED' AND p.organization_id = a.organization_id AND p.status = 'FINALIZED'
         AND (p.assessed_at, p.finalized_at, p.id) < (a.assessed_at, a.finalized_at, a.id)
       ORDER BY p.assessed_at DESC, p.finalized_at DESC, p.id DESC LIMIT 1) p ON true`;

/** The organisation's assessments: the condition of their pages and of their count. */
const IN_ORGANIZATION = 'a.organization_id = $1';

function toRecord(r: Row): AssessmentRecord {
  return {
    organizationId: r.organization_id,
    id: r.id,
    modelAgencyId: r.model_agency_id,
    modelId: r.model_id,
    modelVersion: r.model_version,
    modelContent: r.model_content,
    status: r.status,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finalizedAt: r.finalized_at,
    finalizedBy: r.finalized_by,
    assessedAt: r.assessed_at,
    overallScore: r.overall_score,
    level: r.level,
    dimensionScores: r.dimension_scores,
    evidence: r.evidence,
    recommendations: r.recommendations,
    locale: r.locale,
    organizationName: r.organization_name,
    timeZone: r.timezone,
    previousId: r.previous_id,
    previousAssessedAt: r.previous_assessed_at,
    previousOverallScore: r.previous_overall_score,
    previousDimensionScores: r.previous_dimension_scores,
  };
}

function toAnswer(r: AnswerRow): MaturityAnswerEntity {
  return {
    organizationId: r.organization_id,
    assessmentId: r.assessment_id,
    criterionKey: r.criterion_key,
    value: r.value,
    comment: r.comment,
    attachments: r.attachments,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
  };
}

export interface FinalizedScores {
  finalizedBy: string | null;
  /** The assessment's date; null: the finalisation time. */
  assessedAt: Date | null;
  overallScore: number | null;
  level: number | null;
  dimensionScores: Record<string, number | null>;
  evidence: Record<string, FrozenEvidence>;
  recommendations: Recommendation[];
}

/** The only place that queries maturity_assessments and maturity_answers; always inside the caller's organisation. */
@Injectable()
export class AssessmentRepository {
  /**
   * Newest first by the assessment's date (a draft's: its start), keyset on
   * (that date, id) descending: an earlier audit recorded today sits where it
   * happened in the history.
   */
  async page(scope: OrgScope, page: KeysetPage): Promise<AssessmentRecord[]> {
    const params: unknown[] = [scope.uow.organizationId, page.size + 1];
    let where = IN_ORGANIZATION;
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where += ' AND (COALESCE(a.assessed_at, a.started_at), a.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = await scope.uow.query<Row>(
      `${SELECT} WHERE ${where} ORDER BY COALESCE(a.assessed_at, a.started_at) DESC, a.id DESC LIMIT $2`,
      params,
    );
    return rows.map(toRecord);
  }

  /** How many assessments the organisation has, drafts included: every page of `page` together. */
  async count(scope: OrgScope): Promise<number> {
    const [row] = await scope.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM maturity_assessments a JOIN organizations o ON o.id = a.organization_id WHERE ${IN_ORGANIZATION}`,
      [scope.uow.organizationId],
    );
    return row?.n ?? 0;
  }

  async find(scope: OrgScope, id: string): Promise<AssessmentRecord | null> {
    const [row] = await scope.uow.query<Row>(`${SELECT} WHERE a.organization_id = $1 AND a.id = $2`, [scope.uow.organizationId, id]);
    return row ? toRecord(row) : null;
  }

  /**
   * The assessment's status, locked until the transaction ends: shared while
   * answering (answers go in side by side), exclusive while finalising (which
   * then waits for answers in flight, and they see it finalised after).
   */
  async lockStatus(
    scope: OrgScope,
    id: string,
    mode: 'SHARE' | 'UPDATE',
  ): Promise<{ status: AssessmentStatus; content: MaturityModelContent } | null> {
    const [row] = await scope.uow.query<{ status: AssessmentStatus; model_content: MaturityModelContent }>(
      `SELECT status, model_content FROM maturity_assessments WHERE organization_id = $1 AND id = $2 FOR ${mode}`,
      [scope.uow.organizationId, id],
    );
    return row ? { status: row.status, content: row.model_content } : null;
  }

  async answersOf(scope: OrgScope, assessmentIds: readonly string[]): Promise<MaturityAnswerEntity[]> {
    if (assessmentIds.length === 0) return [];
    const rows = await scope.uow.query<AnswerRow>(
      `SELECT organization_id, assessment_id, criterion_key, value, comment, attachments, answered_by, answered_at
         FROM maturity_answers WHERE organization_id = $1 AND assessment_id = ANY($2::uuid[]) ORDER BY assessment_id, criterion_key`,
      [scope.uow.organizationId, assessmentIds],
    );
    return rows.map(toAnswer);
  }

  async insert(
    scope: OrgScope,
    a: {
      id: string;
      modelAgencyId: string | null;
      modelId: string;
      modelVersion: number;
      content: MaturityModelContent;
      startedBy: string | null;
    },
  ): Promise<void> {
    await scope.uow.execute(
      `INSERT INTO maturity_assessments (organization_id, id, model_agency_id, model_id, model_version, model_content, started_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [scope.uow.organizationId, a.id, a.modelAgencyId, a.modelId, a.modelVersion, JSON.stringify(a.content), a.startedBy],
    );
  }

  async upsertAnswer(
    scope: OrgScope,
    assessmentId: string,
    answer: { criterionKey: string; value: number; comment: string | null; attachments: string[]; answeredBy: string | null },
  ): Promise<void> {
    await scope.uow.execute(
      `INSERT INTO maturity_answers (organization_id, assessment_id, criterion_key, value, comment, attachments, answered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id, assessment_id, criterion_key)
       DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment, attachments = EXCLUDED.attachments,
                     answered_by = EXCLUDED.answered_by, answered_at = now()`,
      [scope.uow.organizationId, assessmentId, answer.criterionKey, answer.value, answer.comment, answer.attachments, answer.answeredBy],
    );
  }

  async finalize(scope: OrgScope, id: string, scores: FinalizedScores): Promise<number> {
    return scope.uow.execute(
      // The clock when the statement runs, not the transaction's start: the organisation's turn (datingBasis's lock)
      // came after that start, and an assessment another transaction finalised meanwhile is dated later than it.
      `WITH clock AS (SELECT clock_timestamp() AS at)
       UPDATE maturity_assessments SET status = 'FINALIZED', finalized_at = clock.at, finalized_by = $3, overall_score = $4, level = $5,
              dimension_scores = $6::jsonb, evidence = $7::jsonb, recommendations = $8::jsonb,
              assessed_at = COALESCE($9::timestamptz, clock.at)
         FROM clock
        WHERE organization_id = $1 AND id = $2 AND status = 'DRAFT'`,
      [
        scope.uow.organizationId,
        id,
        scores.finalizedBy,
        scores.overallScore,
        scores.level,
        JSON.stringify(scores.dimensionScores),
        JSON.stringify(scores.evidence),
        JSON.stringify(scores.recommendations),
        scores.assessedAt,
      ],
    );
  }

  /**
   * What dating a finalisation needs: the organisation's time zone and the
   * latest finalised assessment's date. Takes the organisation's history lock
   * (the one the database's order trigger takes) until the transaction ends,
   * so two finalisations at once are checked one after the other.
   */
  async datingBasis(scope: OrgScope): Promise<{ timeZone: string; latestAssessedAt: Date | null }> {
    await scope.uow.query(`SELECT pg_advisory_xact_lock(hashtextextended('maturity_assessments:' || $1::text, 0))`, [
      scope.uow.organizationId,
    ]);
    const [row] = await scope.uow.query<{ timezone: string; latest: Date | null }>(
      `SELECT o.timezone,
              (SELECT a.assessed_at FROM maturity_assessments a WHERE a.organization_id = o.id AND a.status = 'FINALIZED'
                ORDER BY a.assessed_at DESC LIMIT 1) AS latest
         FROM organizations o WHERE o.id = $1`,
      [scope.uow.organizationId],
    );
    return { timeZone: row?.timezone ?? 'UTC', latestAssessedAt: row?.latest ?? null };
  }

  /** A published version of the organisation's own agency's model (latest when version is undefined), through the SECURITY DEFINER look-up. */
  async agencyModelVersion(
    scope: OrgScope,
    modelId: string,
    version?: number,
  ): Promise<{ agencyId: string; modelId: string; name: string; version: number; content: MaturityModelContent } | null> {
    const [row] = await scope.uow.query<{
      agency_id: string;
      model_id: string;
      name: string;
      version: number;
      content: MaturityModelContent;
    }>('SELECT agency_id, model_id, name, version, content FROM socle_organization_maturity_model($1, $2)', [modelId, version ?? null]);
    return row ? { agencyId: row.agency_id, modelId: row.model_id, name: row.name, version: row.version, content: row.content } : null;
  }

  /** The organisation's agency name (client staff cannot read the agencies table). */
  async agencyName(scope: OrgScope): Promise<string> {
    const [row] = await scope.uow.query<{ name: string }>('SELECT name FROM socle_organization_agency()');
    return row?.name ?? '';
  }
}
