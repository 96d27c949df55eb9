import { Mutation, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { notFound } from '@socle/platform-errors';
import { LiveMaturityScoreObject } from './dto';
import { LiveScoreService } from './live-score.service';

@Resolver(() => LiveMaturityScoreObject)
export class LiveScoreResolver {
  constructor(private readonly service: LiveScoreService) {}

  @Requires('assessments.manage')
  @Mutation(() => LiveMaturityScoreObject, {
    description: "Recomputes the organization's live score now (it is otherwise recomputed every night) and keeps it in its history.",
  })
  async recomputeLiveScore(@OrgCtx() ctx: OrganizationContext): Promise<LiveMaturityScoreObject> {
    const score = await this.service.recompute(ctx.uow);
    if (!score) throw notFound('Organization', ctx.organizationId);
    return {
      organizationId: score.organizationId,
      computedAt: score.computedAt,
      modelId: score.model.modelId,
      modelVersion: score.model.version,
      overallScore: score.overallScore,
      level: score.level,
      dimensions: Object.entries(score.dimensionScores).map(([key, value]) => ({ key, score: value })),
      evidence: Object.entries(score.evidence).map(([key, e]) => ({ key, score: e.score, explanation: e.explanation[score.locale] })),
    };
  }
}
