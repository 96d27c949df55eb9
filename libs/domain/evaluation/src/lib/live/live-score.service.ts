import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import { EvidenceRegistry, EvidenceResult } from '@socle/platform-evidence';
import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_ID, DEFAULT_MODEL_VERSION } from '../model/default-model';
import type { MaturityModelContent } from '../model/model-content';
import { evidenceKeysOf, liveScoreOf } from './live-score';
import { RecentAssessmentEvidence } from './recent-assessment.evidence';
import { LiveScoreRepository, LiveScoreRow, ModelIdentity } from './live-score.repository';

export const DEFAULT_MODEL_IDENTITY: ModelIdentity = { agencyId: null, modelId: DEFAULT_MODEL_ID, version: DEFAULT_MODEL_VERSION };

/**
 * Recomputes one organisation's live score inside a unit of work scoped to it
 * (a request's or a job's: row-level security applies to every read and to the
 * write); see `liveScoreOf` for what the score may claim (declarative criteria
 * carried from the latest finalised assessment or unknown, coverage, level
 * capped by the measured part). The statements are: the organisation, its
 * latest finalised assessment and that assessment's answers (one), the evidence providers the model needs (one or two each),
 * the insert (one) — a number that depends on the model, never on the
 * organisation's amount of data. `evaluation.recentAssessment` reuses what the
 * first statement read instead of reading it again.
 */
@Injectable()
export class LiveScoreService {
  constructor(
    private readonly registry: EvidenceRegistry,
    private readonly scores: LiveScoreRepository,
    private readonly recentAssessment: RecentAssessmentEvidence,
  ) {}

  /** The new live score (with the organisation's language), or null when the organisation is gone or being deleted (nothing is stored). */
  async recompute(uow: OrganizationUnitOfWork, at: Date = new Date()): Promise<(LiveScoreRow & { locale: 'fr' | 'en' }) | null> {
    const organizationId = uow.organizationId;
    const basis = await this.scores.basis(uow);
    if (!basis?.active) return null;
    const model = basis.assessed?.model ?? DEFAULT_MODEL_IDENTITY;
    const content: MaturityModelContent = basis.assessed?.content ?? DEFAULT_MATURITY_MODEL;
    this.recentAssessment.prime(uow, organizationId, basis.assessed?.assessedAt ?? null);
    // Keys no module registers (a module not deployed) are left to score 0 rather than failing the run.
    const keys = evidenceKeysOf(content).filter((key) => this.registry.has(key));
    const evidence = keys.length > 0 ? await this.registry.compute({ uow, organizationId, at }, keys) : new Map<string, EvidenceResult>();
    const computed = liveScoreOf(organizationId, at, model, content, evidence, basis.assessed?.answers ?? []);
    const stored = await this.scores.insert(uow, computed);
    // The computed object keeps the model's dimension order (jsonb does not).
    return { ...computed, computedAt: stored.computedAt, locale: basis.locale };
  }
}
