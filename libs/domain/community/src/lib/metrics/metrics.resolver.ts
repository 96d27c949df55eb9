import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { derivedId } from '@socle/platform-graphql';
import { CollectMetricsInput, MetricCollectionObject, MetricSeriesArgs, MetricSeriesObject } from './dto/metrics.dto';
import { MetricsService } from './metrics.service';

@Resolver(() => MetricSeriesObject)
export class MetricsResolver {
  constructor(private readonly metrics: MetricsService) {}

  // The figures are the public counts of the organisation's own accounts: readable by whoever reads its listening.
  @Requires('listening.read')
  @Query(() => MetricSeriesObject, {
    description:
      'A metric over time, one point per bucket of `interval` from `from` to `to` (at most 1,000 points). BAD_USER_INPUT on to (not after from) and interval (too many points); NOT_FOUND on accountId.',
  })
  async metricSeries(@OrgCtx() ctx: OrganizationContext, @Args() args: MetricSeriesArgs): Promise<MetricSeriesObject> {
    const { from, to, points } = await this.metrics.series(ctx, args);
    return { metric: args.metric, accountId: args.accountId ?? null, interval: args.interval, from, to, points };
  }

  @Requires('listening.read')
  @Query(() => [MetricCollectionObject], {
    description: 'Per connected account: the last metrics collection, its last error and back-off.',
  })
  async metricCollections(@OrgCtx() ctx: OrganizationContext): Promise<MetricCollectionObject[]> {
    return (await this.metrics.collections(ctx)).map((c) => ({ id: derivedId('MetricCollection', c.accountId), ...c }));
  }

  @Requires('listening.manage')
  @Mutation(() => Boolean, {
    description:
      'Asks the worker to collect the metrics now (one account, or all); read metricCollections afterwards. Answers true once queued; NOT_FOUND (input.accountId) for an unknown account.',
  })
  async collectMetrics(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'One account, or all of them.' }) input: CollectMetricsInput,
  ): Promise<boolean> {
    await this.metrics.collectNow(ctx, input.accountId);
    return true;
  }
}
