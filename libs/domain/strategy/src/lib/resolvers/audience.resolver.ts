import { UseInterceptors } from '@nestjs/common';
import { StrategyAuditInterceptor } from '../strategy-audit.interceptor';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import {
  CreateAudienceSegmentInput,
  CreateCompetitorInput,
  CreateNetworkPlanInput,
  DeleteAudienceSegmentInput,
  DeleteCompetitorInput,
  DeleteNetworkPlanInput,
  SetBrandVoiceInput,
  UpdateAudienceSegmentInput,
  UpdateCompetitorInput,
  UpdateNetworkPlanInput,
} from '../dto/inputs';
import { toBrandVoice, toCompetitor, toPlan, toSegment } from '../dto/mappers';
import {
  AudienceSegmentConnection,
  AudienceSegmentObject,
  BrandVoiceObject,
  CompetitorConnection,
  CompetitorObject,
  DeletedStrategyItemObject,
  NetworkPlanConnection,
  NetworkPlanObject,
} from '../dto/objects';
import { StrategyService } from '../strategy.service';

/** Target groups, the networks chosen for them, competitors and the brand voice. */
@UseInterceptors(StrategyAuditInterceptor)
@Resolver()
export class AudienceResolver {
  constructor(private readonly strategy: StrategyService) {}

  @Requires('strategy.read')
  @Query(() => AudienceSegmentConnection, { description: 'Audience segments (target groups), oldest first.' })
  async audienceSegments(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<AudienceSegmentObject>> {
    return paginate(
      page,
      (keyset) => this.strategy.pageSegments(ctx, keyset),
      (s) => [s.createdAt, s.id],
      toSegment,
      () => this.strategy.countSegments(ctx),
    );
  }

  @Requires('strategy.manage')
  @Mutation(() => AudienceSegmentObject, {
    description: 'Adds an audience segment. CONFLICT on input.name when a segment of the organization has that name.',
  })
  async createAudienceSegment(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The new segment.' }) input: CreateAudienceSegmentInput,
  ): Promise<AudienceSegmentObject> {
    return toSegment(await this.strategy.createSegment(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => AudienceSegmentObject, {
    description:
      'Changes the fields given. CONFLICT on input.name when another segment has that name; NOT_FOUND for an id of another organization.',
  })
  async updateAudienceSegment(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The segment and the fields to change.' }) input: UpdateAudienceSegmentInput,
  ): Promise<AudienceSegmentObject> {
    return toSegment(await this.strategy.updateSegment(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes the segment; network plans stop addressing it.' })
  async deleteAudienceSegment(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The segment to delete.' }) input: DeleteAudienceSegmentInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.strategy.deleteSegment(ctx, input.id) };
  }

  @Requires('strategy.read')
  @Query(() => NetworkPlanConnection, { description: 'Which network for which segments, why and how often; oldest first.' })
  async networkPlans(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<NetworkPlanObject>> {
    return paginate(
      page,
      (keyset) => this.strategy.pagePlans(ctx, keyset),
      (p) => [p.createdAt, p.id],
      toPlan,
      () => this.strategy.countPlans(ctx),
    );
  }

  @Requires('strategy.manage')
  @Mutation(() => NetworkPlanObject, {
    description: 'Plans a network (one plan per network); the segments must belong to this organization.',
  })
  async createNetworkPlan(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The network, its segments and its rhythm. CONFLICT on input.network when the network already has a plan; BAD_USER_INPUT on input.segmentIds[i] for a segment of another organization.',
    })
    input: CreateNetworkPlanInput,
  ): Promise<NetworkPlanObject> {
    return toPlan(await this.strategy.createPlan(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => NetworkPlanObject, { description: 'Changes the fields given; segmentIds replaces the list.' })
  async updateNetworkPlan(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The plan and the fields to change.' }) input: UpdateNetworkPlanInput,
  ): Promise<NetworkPlanObject> {
    return toPlan(await this.strategy.updatePlan(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes a network plan. NOT_FOUND for an id of another organization.' })
  async deleteNetworkPlan(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The plan to delete.' }) input: DeleteNetworkPlanInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.strategy.deletePlan(ctx, input.id) };
  }

  @Requires('strategy.read')
  @Query(() => CompetitorConnection, { description: 'Competitors watched by listening and benchmarking; oldest first.' })
  async competitors(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<CompetitorObject>> {
    return paginate(
      page,
      (keyset) => this.strategy.pageCompetitors(ctx, keyset),
      (c) => [c.createdAt, c.id],
      toCompetitor,
      () => this.strategy.countCompetitors(ctx),
    );
  }

  @Requires('strategy.manage')
  @Mutation(() => CompetitorObject, {
    description: 'Adds a competitor. CONFLICT on input.name when a competitor of the organization has that name.',
  })
  async createCompetitor(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The new competitor.' }) input: CreateCompetitorInput,
  ): Promise<CompetitorObject> {
    return toCompetitor(await this.strategy.createCompetitor(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => CompetitorObject, { description: 'Changes the fields given; handles replaces the list.' })
  async updateCompetitor(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description: 'The competitor and the fields to change. CONFLICT on input.name when another competitor has that name.',
    })
    input: UpdateCompetitorInput,
  ): Promise<CompetitorObject> {
    return toCompetitor(await this.strategy.updateCompetitor(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes a competitor. NOT_FOUND for an id of another organization.' })
  async deleteCompetitor(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The competitor to delete.' }) input: DeleteCompetitorInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.strategy.deleteCompetitor(ctx, input.id) };
  }

  @Requires('strategy.read')
  @Query(() => BrandVoiceObject, { nullable: true, description: 'How the organization speaks; null until set.' })
  async brandVoice(@OrgCtx() ctx: OrganizationContext): Promise<BrandVoiceObject | null> {
    const voice = await this.strategy.brandVoice(ctx);
    return voice ? toBrandVoice(ctx.organizationId, voice) : null;
  }

  @Requires('strategy.manage')
  @Mutation(() => BrandVoiceObject, { description: 'Sets the whole brand voice (word lists are trimmed and deduplicated ignoring case).' })
  async setBrandVoice(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The whole voice. BAD_USER_INPUT on input.wordsToUse[i] or input.wordsToAvoid[i] for a blank or too long word, and on input.wordsToAvoid for a word in both lists.',
    })
    input: SetBrandVoiceInput,
  ): Promise<BrandVoiceObject> {
    return toBrandVoice(ctx.organizationId, await this.strategy.setBrandVoice(ctx, input));
  }
}
