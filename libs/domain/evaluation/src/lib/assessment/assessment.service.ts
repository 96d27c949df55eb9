import { WebhookEvents } from '@socle/platform-webhooks';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '@socle/accounts';
import type { OrganizationContext } from '@socle/platform-auth';
import { isUuid } from '@socle/platform-database';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { KeysetPage } from '@socle/platform-graphql';
import { DomainError, badInput, notFound } from '@socle/platform-errors';
import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_ID, DEFAULT_MODEL_VERSION } from '../model/default-model';
import type { MaturityModelContent } from '../model/model-content';
import { EvidenceInput, scoreModel } from '../model/scoring';
import { evidenceKeysOf } from '../model/validate-content';
import type { FrozenEvidence } from './entities';
import { assessmentDate } from './assessed-on';
import { AssessmentRecord, AssessmentRepository, OrgScope } from './assessment.repository';

/** A finalised assessment refuses every change: CONFLICT, reason ASSESSMENT_FINALIZED, nothing stored. */
export function assessmentFinalized(id: string, field: string): DomainError {
  return new DomainError(
    'CONFLICT',
    `Assessment ${id} is finalised: it can no longer change (start a new assessment instead). Nothing was changed.`,
    {
      field,
      reason: 'ASSESSMENT_FINALIZED',
    },
  );
}

/** What an evidence key the platform does not compute counts for: 0, said plainly. */
export function unmeasuredEvidence(key: string): FrozenEvidence {
  return {
    value: null,
    score: 0,
    explanation: {
      en: `Not measured: no module of this platform computes "${key}" yet, so it counts 0.`,
      fr: `Non mesuré : aucun module de la plateforme ne calcule encore « ${key} », il compte donc 0.`,
    },
  };
}

export interface AnswerCommand {
  assessmentId: string;
  criterionKey: string;
  value: number;
  comment?: string | null;
  attachments?: string[] | null;
}

/**
 * Assessments of one organisation: started on the built-in model or a
 * published version of the organisation's own agency's model (content frozen
 * with it), answered question by question, then finalised once: evidence
 * computed and frozen, scores, level and recommendations stored, immutable after.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly evidence: EvidenceRegistry,
    private readonly audit: AuditRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  page(scope: OrgScope, page: KeysetPage): Promise<AssessmentRecord[]> {
    return this.assessments.page(scope, page);
  }

  count(scope: OrgScope): Promise<number> {
    return this.assessments.count(scope);
  }

  answersOf(scope: OrgScope, ids: readonly string[]) {
    return this.assessments.answersOf(scope, ids);
  }

  async get(scope: OrgScope, id: string): Promise<AssessmentRecord> {
    const found = isUuid(id) ? await this.assessments.find(scope, id) : null;
    if (!found) throw notFound('Assessment', id);
    return found;
  }

  async start(ctx: OrganizationContext, modelId: string, version?: number): Promise<AssessmentRecord> {
    let model: { agencyId: string | null; modelId: string; version: number; content: MaturityModelContent };
    if (modelId === DEFAULT_MODEL_ID) {
      if (version !== undefined && version !== DEFAULT_MODEL_VERSION) throw notFound(`Version ${version} of maturity model`, modelId);
      model = { agencyId: null, modelId, version: DEFAULT_MODEL_VERSION, content: DEFAULT_MATURITY_MODEL };
    } else {
      // Only the organisation's own agency's published versions: another agency's model is not found.
      const found = isUuid(modelId) ? await this.assessments.agencyModelVersion(ctx, modelId, version) : null;
      if (!found)
        throw notFound(version === undefined ? 'Published maturity model' : `Published version ${version} of maturity model`, modelId);
      model = found;
    }
    const id = randomUUID();
    await this.assessments.insert(ctx, {
      id,
      modelAgencyId: model.agencyId,
      modelId: model.modelId,
      modelVersion: model.version,
      content: model.content,
      startedBy: this.actorId(ctx),
    });
    await this.record(ctx, 'assessment.started', id, { modelId: model.modelId, modelVersion: model.version });
    return this.get(ctx, id);
  }

  async answer(ctx: OrganizationContext, command: AnswerCommand): Promise<AssessmentRecord> {
    const locked = await this.assessments.lockStatus(ctx, command.assessmentId, 'SHARE');
    if (!locked) throw notFound('Assessment', command.assessmentId);
    if (locked.status === 'FINALIZED') throw assessmentFinalized(command.assessmentId, 'input.assessmentId');
    const criterion = locked.content.dimensions.flatMap((d) => d.criteria).find((c) => c.key === command.criterionKey);
    if (!criterion) throw badInput('input.criterionKey', `is not a criterion of this assessment's model`);
    if (criterion.kind !== 'DECLARATIVE')
      throw badInput(
        'input.criterionKey',
        `is measured from platform data (evidence ${criterion.evidenceKey}) when the assessment is finalised; it is not answered`,
      );
    if (!criterion.scale.some((o) => o.value === command.value)) {
      throw badInput(
        'input.value',
        `must be one of the scale's values: ${criterion.scale.map((o) => `${o.value} (${o.label.en})`).join(', ')}`,
      );
    }
    await this.assessments.upsertAnswer(ctx, command.assessmentId, {
      criterionKey: command.criterionKey,
      value: command.value,
      comment: command.comment ?? null,
      attachments: command.attachments ?? [],
      answeredBy: this.actorId(ctx),
    });
    return this.get(ctx, command.assessmentId);
  }

  /**
   * `assessedOn` (YYYY-MM-DD in the organisation's calendar, default today)
   * dates an assessment made earlier; the finalisation time is kept beside it.
   */
  async finalize(ctx: OrganizationContext, id: string, assessedOn?: string | null): Promise<AssessmentRecord> {
    const locked = await this.assessments.lockStatus(ctx, id, 'UPDATE');
    if (!locked) throw notFound('Assessment', id);
    if (locked.status === 'FINALIZED') throw assessmentFinalized(id, 'input.assessmentId');
    const basis = await this.assessments.datingBasis(ctx);
    const assessedAt = assessmentDate(assessedOn, basis.timeZone, new Date(), basis.latestAssessedAt);
    const content = locked.content;
    const keys = evidenceKeysOf(content);
    const known = keys.filter((k) => this.evidence.has(k));
    const computed = known.length
      ? await this.evidence.compute({ uow: ctx.uow, organizationId: ctx.organizationId, at: new Date() }, known)
      : new Map();
    const frozen: Record<string, FrozenEvidence> = {};
    for (const key of keys) {
      const result = computed.get(key);
      frozen[key] = result ? { value: result.value, score: result.score, explanation: result.explanation } : unmeasuredEvidence(key);
    }
    const answers = (await this.assessments.answersOf(ctx, [id])).map((a) => ({ criterionKey: a.criterionKey, value: a.value }));
    const evidence = new Map<string, EvidenceInput>(
      Object.entries(frozen).map(([k, e]) => [k, { score: e.score, explanation: e.explanation }]),
    );
    const result = scoreModel(content, answers, evidence, { unansweredAsZero: true, maxRecommendations: 5 });
    const updated = await this.assessments.finalize(ctx, id, {
      finalizedBy: this.actorId(ctx),
      assessedAt,
      overallScore: result.overall,
      level: result.level?.number ?? null,
      dimensionScores: Object.fromEntries(result.dimensions.map((d) => [d.key, d.score])),
      evidence: frozen,
      recommendations: result.recommendations,
    });
    if (updated !== 1) throw assessmentFinalized(id, 'input.assessmentId');
    await this.record(ctx, 'assessment.finalized', id, {
      overallScore: result.overall,
      level: result.level?.number ?? null,
      ...(assessedAt ? { assessedOn } : {}),
    });
    await this.webhooks.emit(ctx.uow, 'assessment.finalised', {
      assessmentId: id,
      overallScore: result.overall,
      level: result.level?.number ?? null,
    });
    return this.get(ctx, id);
  }

  private actorId(ctx: OrganizationContext): string | null {
    return ctx.actor.type === 'USER' ? ctx.actor.id : null;
  }

  private async record(ctx: OrganizationContext, action: string, id: string, metadata: Record<string, unknown>): Promise<void> {
    await this.audit.recordInOrganization(ctx.uow, ctx.actor, { action, targetType: 'Assessment', targetId: id, metadata }, ctx.requestId);
  }
}
