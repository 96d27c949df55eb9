import { Args, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import type { Connection } from '@socle/platform-graphql';
import { LiveScoreHistoryArgs, LiveScoreHistoryConnection, LiveScoreHistoryEntryObject } from './live-score-history.dto';
import { LiveScoreHistoryService } from './live-score-history.service';

@Resolver(() => LiveScoreHistoryEntryObject)
export class LiveScoreHistoryResolver {
  constructor(private readonly service: LiveScoreHistoryService) {}

  // The same rule as the live score itself (maturityRadar).
  @Requires('assessments.read')
  @Query(() => LiveScoreHistoryConnection, {
    description:
      'The live scores the organization kept (nightly runs and recomputations), newest first, or the last of each day in its time zone (granularity DAY). `from` and `to` span at most two years; `from` alone counts up to now. The organization is the one named by the X-Socle-Organization header: any other is NOT_FOUND.',
  })
  async liveScoreHistory(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: LiveScoreHistoryArgs,
  ): Promise<Connection<LiveScoreHistoryEntryObject>> {
    return this.service.page(ctx, args);
  }
}
