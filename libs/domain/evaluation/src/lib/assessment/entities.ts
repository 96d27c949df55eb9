import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EvidenceResult } from '@socle/platform-evidence';
import type { MaturityModelContent } from '../model/model-content';
import type { Recommendation } from '../model/scoring';

export type AssessmentStatus = 'DRAFT' | 'FINALIZED';

/** Evidence as frozen with a finalised assessment: the registry's result, as it was then. */
export type FrozenEvidence = EvidenceResult;

/**
 * One assessment of an organisation against one model version, whose content
 * is frozen with it. FINALIZED rows never change (a trigger holds it).
 */
@Entity('maturity_assessments')
export class MaturityAssessmentEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  /** NULL for the built-in model. */
  @Column('uuid', { name: 'model_agency_id', nullable: true }) modelAgencyId!: string | null;
  @Column('text', { name: 'model_id' }) modelId!: string;
  @Column('int', { name: 'model_version' }) modelVersion!: number;
  @Column('jsonb', { name: 'model_content' }) modelContent!: MaturityModelContent;
  @Column('text') status!: AssessmentStatus;
  @Column('uuid', { name: 'started_by', nullable: true }) startedBy!: string | null;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'finalized_at', nullable: true }) finalizedAt!: Date | null;
  @Column('uuid', { name: 'finalized_by', nullable: true }) finalizedBy!: string | null;
  /** When the assessment was made (an earlier audit recorded later is dated then); set with the finalisation, never after it. */
  @Column('timestamptz', { name: 'assessed_at', nullable: true }) assessedAt!: Date | null;
  @Column('numeric', { name: 'overall_score', precision: 5, scale: 1, nullable: true }) overallScore!: number | null;
  @Column('int', { nullable: true }) level!: number | null;
  @Column('jsonb', { name: 'dimension_scores', nullable: true }) dimensionScores!: Record<string, number | null> | null;
  @Column('jsonb', { nullable: true }) evidence!: Record<string, FrozenEvidence> | null;
  @Column('jsonb', { nullable: true }) recommendations!: Recommendation[] | null;
}

/** A declarative answer of an assessment. */
@Entity('maturity_answers')
export class MaturityAnswerEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid', { name: 'assessment_id' }) assessmentId!: string;
  @PrimaryColumn('text', { name: 'criterion_key' }) criterionKey!: string;
  @Column('int') value!: number;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('text', { array: true }) attachments!: string[];
  @Column('uuid', { name: 'answered_by', nullable: true }) answeredBy!: string | null;
  @Column('timestamptz', { name: 'answered_at' }) answeredAt!: Date;
}
