import { UseInterceptors } from '@nestjs/common';
import { StrategyAuditInterceptor } from '../strategy-audit.interceptor';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { SetRoadmapStepStatusInput } from '../dto/inputs';
import { toBrandVoice, toCompetitor, toPlan, toRitual, toRoadmapStep, toSegment, toTaskForceMember } from '../dto/mappers';
import { RoadmapObject, RoadmapStepObject, StrategyDocumentObject } from '../dto/objects';
import { StrategyDocumentService } from '../document/strategy-document.service';
import { RoadmapService } from '../roadmap/roadmap.service';
import { toObjective } from './objective.resolver';

/** The integration roadmap (seed 002) and the written strategy document (seed 003). */
@UseInterceptors(StrategyAuditInterceptor)
@Resolver()
export class RoadmapResolver {
  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly documents: StrategyDocumentService,
  ) {}

  @Requires('strategy.read')
  @Query(() => RoadmapObject, { description: 'The ten integration steps with their status and the evidence behind each.' })
  async roadmap(@OrgCtx() ctx: OrganizationContext): Promise<RoadmapObject> {
    const { locale, steps } = await this.roadmaps.roadmap(ctx);
    const doneCount = steps.filter((s) => s.status === 'DONE').length;
    return { steps: steps.map((s) => toRoadmapStep(s, locale)), doneCount, progress: doneCount / steps.length };
  }

  @Requires('roadmap.manage')
  @Mutation(() => RoadmapStepObject, {
    description:
      'Sets the status of a step no evidence measures (RoadmapStep.manual: step 8 in the built-in roadmap), with a note. Measured steps refuse.',
  })
  async setRoadmapStepStatus(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The step, its status and a note. BAD_USER_INPUT on input.step for a measured step.' })
    input: SetRoadmapStepStatusInput,
  ): Promise<RoadmapStepObject> {
    const step = await this.roadmaps.setStepStatus(ctx, input);
    return toRoadmapStep(step, await this.roadmaps.locale(ctx));
  }

  @Requires('strategy.read')
  @Query(() => StrategyDocumentObject, { description: "The organization's written strategy, structured and as Markdown, in its language." })
  async strategyDocument(@OrgCtx() ctx: OrganizationContext): Promise<StrategyDocumentObject> {
    const { data, markdown } = await this.documents.document(ctx);
    const l = data.locale;
    return {
      language: l,
      organizationName: data.organizationName,
      generatedAt: data.generatedAt,
      objectives: data.objectives.map(toObjective),
      segments: data.segments.map(toSegment),
      networkPlans: data.plans.map(toPlan),
      brandVoice: data.brandVoice ? toBrandVoice(ctx.organizationId, data.brandVoice) : null,
      competitors: data.competitors.map(toCompetitor),
      taskForce: data.taskForce.map((m) => toTaskForceMember(m, l)),
      rituals: data.rituals.map((r) => toRitual(r, l, data.generatedAt)),
      markdown,
    };
  }
}
