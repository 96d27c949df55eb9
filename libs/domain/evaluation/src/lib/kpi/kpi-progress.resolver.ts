import { Args, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import type { KpiMeasureEnum } from '@socle/strategy';
import { KpiProgressArgs, KpiProgressObject, KpiProgressStatusEnum, KpiValueOriginEnum } from './kpi-progress.dto';
import { KpiProgressService } from './kpi-progress.service';

@Resolver(() => KpiProgressObject)
export class KpiProgressResolver {
  constructor(private readonly progress: KpiProgressService) {}

  // Whoever reads the strategy reads how its KPIs are doing.
  @Requires('strategy.read')
  @Query(() => KpiProgressObject, {
    description:
      'A KPI’s measured value per period of its frequency between from and to (at most 400 periods), against its target. BAD_USER_INPUT on from/to; NOT_FOUND on kpiId.',
  })
  async kpiProgress(@OrgCtx() ctx: OrganizationContext, @Args() args: KpiProgressArgs): Promise<KpiProgressObject> {
    const result = await this.progress.progress(ctx, args.kpiId, args.from, args.to);
    return {
      ...result,
      measure: result.measure as KpiMeasureEnum | null,
      status: result.status as KpiProgressStatusEnum,
      periods: result.periods.map((p) => ({ ...p, origin: p.origin as KpiValueOriginEnum | null })),
    };
  }
}
