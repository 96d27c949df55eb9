import { Args, Query, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import {
  MaturityComparisonObject,
  MaturityRadarObject,
  MaturityScoreSourceEnum,
  OrganizationMaturityArgs,
  OrganizationRadarArgs,
  PortfolioArgs,
  PortfolioConnectionObject,
  PortfolioEntryObject,
  RadarArgs,
} from './dto';
import { PortfolioRow } from './portfolio.repository';
import { PortfolioService } from './portfolio.service';
import { PortfolioLocale } from './portfolio-locale';
import { Radar } from './radar';

function toEntry(r: PortfolioRow): PortfolioEntryObject {
  return {
    organizationId: r.id,
    name: r.name,
    lastAssessment:
      r.assessmentId && r.finalizedAt && r.assessedAt
        ? {
            id: r.assessmentId,
            finalizedAt: r.finalizedAt,
            assessedAt: r.assessedAt,
            score: r.score,
            level: r.level,
            levelName: r.levelName,
            previousScore: r.previousScore,
          }
        : null,
    trend: r.trend,
    weakestDimension:
      r.weakestKey !== null && r.weakestScore !== null
        ? { key: r.weakestKey, title: r.weakestTitle ?? r.weakestKey, score: r.weakestScore }
        : null,
    daysSinceAssessment: r.daysSince,
    liveScore: r.liveComputedAt
      ? {
          score: r.liveScore,
          level: r.liveLevel,
          coverage: r.liveCoverage,
          measuredLevel: r.liveMeasuredLevel,
          levelCapped: r.liveReachedLevel !== null && r.liveLevel !== null && r.liveLevel < r.liveReachedLevel,
          computedAt: r.liveComputedAt,
          change: r.liveTrend,
        }
      : null,
  };
}

const toRadar = (radar: Radar | null): MaturityRadarObject | null =>
  radar ? { ...radar, source: radar.source as MaturityScoreSourceEnum } : null;

@Resolver(() => PortfolioEntryObject)
export class PortfolioResolver {
  constructor(
    private readonly service: PortfolioService,
    private readonly locales: PortfolioLocale,
  ) {}

  @Requires('portfolio.read')
  @Query(() => PortfolioConnectionObject, {
    description:
      "The agency's client organizations with their maturity: latest finalised assessment (score, level, trend, weakest dimension, days since) and live score. Default order: name.",
  })
  async portfolio(@AgencyCtx() ctx: AgencyContext, @Args() args: PortfolioArgs): Promise<PortfolioConnectionObject> {
    const page = await this.service.page(ctx, args);
    return {
      edges: page.items.map((i) => ({ cursor: i.cursor, node: toEntry(i.row) })),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
    };
  }

  @Requires('portfolio.read')
  @Query(() => MaturityRadarObject, {
    nullable: true,
    description:
      "A client organization's scores per dimension (agency level). Null when it has neither a finalised assessment nor a live score.",
  })
  async organizationMaturityRadar(
    @AgencyCtx() ctx: AgencyContext,
    @Args() args: OrganizationRadarArgs,
  ): Promise<MaturityRadarObject | null> {
    return toRadar(await this.service.radar(ctx, args.organizationId, args.source));
  }

  @Requires('assessments.read')
  @Query(() => MaturityRadarObject, {
    nullable: true,
    description:
      "The organization's scores per dimension (inside the organization). Null when it has neither a finalised assessment nor a live score.",
  })
  async maturityRadar(@OrgCtx() ctx: OrganizationContext, @Args() args: RadarArgs): Promise<MaturityRadarObject | null> {
    const lang = await this.locales.of(ctx);
    return toRadar(await this.service.radarInOrganization(ctx, lang, args.source));
  }

  @Requires('portfolio.read')
  @Query(() => MaturityComparisonObject, {
    nullable: true,
    description:
      "A client organization's latest finalised assessment against the agency's average, per dimension. Null when it was never assessed.",
  })
  async maturityComparison(
    @AgencyCtx() ctx: AgencyContext,
    @Args() args: OrganizationMaturityArgs,
  ): Promise<MaturityComparisonObject | null> {
    return this.service.comparison(ctx, args.organizationId);
  }
}
