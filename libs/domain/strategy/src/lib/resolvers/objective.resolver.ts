import { UseInterceptors } from '@nestjs/common';
import { StrategyAuditInterceptor } from '../strategy-audit.interceptor';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import {
  CreateKpiInput,
  CreateObjectiveInput,
  DeleteKpiInput,
  DeleteObjectiveInput,
  UpdateKpiInput,
  UpdateObjectiveInput,
} from '../dto/inputs';
import { DeletedStrategyItemObject, KpiObject, ObjectiveConnection, ObjectiveObject } from '../dto/objects';
import { KpiFrequencyEnum, KpiMeasureEnum, ObjectiveKindEnum } from '../dto/enums';
import { KpiLoader } from '../kpi.loader';
import type { KpiRecord, ObjectiveRecord } from '../repositories';
import { StrategyService } from '../strategy.service';

@ArgsType()
export class ObjectiveArgs {
  @Field(() => ID, { description: 'The objective id.' }) @IsUUID('all', { message: 'must be an objective id' }) id!: string;
}

export const toObjective = (o: ObjectiveRecord): ObjectiveObject => ({ ...o, kind: o.kind as ObjectiveKindEnum });
export const toKpi = (k: KpiRecord): KpiObject => ({
  ...k,
  frequency: k.frequency as KpiFrequencyEnum,
  measure: (k.measure ?? null) as KpiMeasureEnum | null,
});

@UseInterceptors(StrategyAuditInterceptor)
@Resolver(() => ObjectiveObject)
export class ObjectiveResolver {
  constructor(
    private readonly strategy: StrategyService,
    private readonly kpiLoader: KpiLoader,
  ) {}

  @Requires('strategy.read')
  @Query(() => ObjectiveConnection, { description: "The organization's business and brand objectives, oldest first." })
  async objectives(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<ObjectiveObject>> {
    return paginate(
      page,
      (keyset) => this.strategy.pageObjectives(ctx, keyset),
      (o) => [o.createdAt, o.id],
      toObjective,
      () => this.strategy.countObjectives(ctx),
    );
  }

  @Requires('strategy.read')
  @Query(() => ObjectiveObject, { nullable: true, description: 'One objective.' })
  async objective(@OrgCtx() ctx: OrganizationContext, @Args() args: ObjectiveArgs): Promise<ObjectiveObject> {
    return toObjective(await this.strategy.objective(ctx, args.id));
  }

  @ResolveField(() => [KpiObject], { description: 'The KPIs that follow this objective (batched per request).' })
  async kpis(@Parent() objective: ObjectiveObject, @Context('state') state: RequestState): Promise<KpiObject[]> {
    return (await this.kpiLoader.load(state, objective.id)).map(toKpi);
  }

  @Requires('strategy.manage')
  @Mutation(() => ObjectiveObject, {
    description: 'Adds a measurable objective: the target must differ from the baseline and the deadline be today or later.',
  })
  async createObjective(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description: 'The new objective. BAD_USER_INPUT on input.target when it equals the baseline and on input.deadline when it is past.',
    })
    input: CreateObjectiveInput,
  ): Promise<ObjectiveObject> {
    return toObjective(await this.strategy.createObjective(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => ObjectiveObject, { description: 'Changes the fields given; the same rules as at creation apply to the result.' })
  async updateObjective(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The objective and the fields to change.' }) input: UpdateObjectiveInput,
  ): Promise<ObjectiveObject> {
    return toObjective(await this.strategy.updateObjective(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes the objective and its KPIs.' })
  async deleteObjective(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The objective to delete.' }) input: DeleteObjectiveInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.strategy.deleteObjective(ctx, input.id) };
  }

  @Requires('strategy.manage')
  @Mutation(() => KpiObject, { description: 'Adds a KPI to an objective.' })
  async createKpi(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The new KPI. NOT_FOUND when the objective is not of this organization.' }) input: CreateKpiInput,
  ): Promise<KpiObject> {
    return toKpi(await this.strategy.createKpi(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => KpiObject, { description: 'Changes the fields given. NOT_FOUND for an id of another organization.' })
  async updateKpi(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The KPI and the fields to change.' }) input: UpdateKpiInput,
  ): Promise<KpiObject> {
    return toKpi(await this.strategy.updateKpi(ctx, input));
  }

  @Requires('strategy.manage')
  @Mutation(() => DeletedStrategyItemObject, {
    description: 'Deletes a KPI and its recorded values. NOT_FOUND for an id of another organization.',
  })
  async deleteKpi(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The KPI to delete.' }) input: DeleteKpiInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.strategy.deleteKpi(ctx, input.id) };
  }
}
