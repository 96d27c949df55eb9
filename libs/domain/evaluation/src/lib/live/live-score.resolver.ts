import { Mutation, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { notFound } from '@socle/platform-errors';
import { LiveCriterionSourceEnum, LiveMaturityScoreObject } from './dto';
import type { LiveScoreRow } from './live-score.repository';
import { LiveScoreService } from './live-score.service';
import { liveScoreId } from './live-score-history.service';

/** The GraphQL view of a live score, explanations in `locale`. */
export function toLiveScoreObject(score: LiveScoreRow, locale: 'fr' | 'en'): LiveMaturityScoreObject {
  return {
    id: liveScoreId(score.organizationId, score.computedAt),
    organizationId: score.organizationId,
    computedAt: score.computedAt,
    modelId: score.model.modelId,
    modelVersion: score.model.version,
    overallScore: score.overallScore,
    level: score.level,
    coverage: score.coverage,
    measuredScore: score.measuredScore,
    measuredLevel: score.measuredLevel,
    levelCapped: score.reachedLevel !== null && score.level !== null && score.level < score.reachedLevel,
    dimensions: Object.entries(score.dimensionScores).map(([key, value]) => ({ key, score: value })),
    criteria: Object.entries(score.criteria).map(([key, c]) => ({
      key,
      dimensionKey: c.dimensionKey,
      source: c.source as LiveCriterionSourceEnum,
      score: c.score,
      answeredAt: c.answeredAt === null ? null : new Date(c.answeredAt),
      ageDays: c.ageDays,
    })),
    evidence: Object.entries(score.evidence).map(([key, e]) => ({ key, score: e.score, explanation: e.explanation[locale] })),
  };
}

@Resolver(() => LiveMaturityScoreObject)
export class LiveScoreResolver {
  constructor(private readonly service: LiveScoreService) {}

  @Requires('assessments.manage')
  @Mutation(() => LiveMaturityScoreObject, {
    description:
      "Recomputes the organization's live score now (it is otherwise recomputed every night) and keeps it in its history. Answers the new live score.",
  })
  async recomputeLiveScore(@OrgCtx() ctx: OrganizationContext): Promise<LiveMaturityScoreObject> {
    const score = await this.service.recompute(ctx.uow);
    if (!score) throw notFound('Organization', ctx.organizationId);
    return toLiveScoreObject(score, score.locale);
  }
}
