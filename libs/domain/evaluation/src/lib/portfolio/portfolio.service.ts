import { Injectable } from '@nestjs/common';
import type { AgencyContext, OrganizationContext } from '@socle/platform-auth';
import { pageSize, PageInfo } from '@socle/platform-graphql';
import { notFound } from '@socle/platform-errors';
import {
  decodeOffsetCursor,
  DEFAULT_SORT,
  encodeOffsetCursor,
  fingerprint,
  PortfolioFilter,
  PortfolioSort,
  validateFilter,
} from './portfolio-query';
import { PortfolioRepository, PortfolioRow, Viewer } from './portfolio.repository';
import { buildComparison, buildRadar, Comparison, Lang, Radar, ScoreSource } from './radar';

export interface PortfolioPage {
  items: { cursor: string; row: PortfolioRow }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The agency's view of its clients' maturity. Visibility follows the
 * organisation list's rule: owners, admins and agency API keys see every
 * client; other agency members only those where they hold a membership.
 * Anything else is NOT_FOUND, whether it exists elsewhere or not.
 */
@Injectable()
export class PortfolioService {
  constructor(private readonly portfolio: PortfolioRepository) {}

  viewerOf(ctx: AgencyContext): Viewer {
    const person = ctx.actor.type === 'USER' ? ctx.actor.id : null;
    const restricted = ctx.agencyRole !== 'OWNER' && ctx.agencyRole !== 'ADMIN' && ctx.actor.type === 'USER';
    return { agencyId: ctx.agencyId, memberUserId: restricted ? person : null, userId: person };
  }

  async page(
    ctx: AgencyContext,
    args: { first?: number; after?: string; sort?: Partial<PortfolioSort> & { field: PortfolioSort['field'] }; filter?: PortfolioFilter },
  ): Promise<PortfolioPage> {
    const sort: PortfolioSort = args.sort ? { field: args.sort.field, direction: args.sort.direction ?? 'ASC' } : DEFAULT_SORT;
    const filter: PortfolioFilter = Object.fromEntries(Object.entries(args.filter ?? {}).filter(([, v]) => v !== undefined && v !== null));
    validateFilter(filter);
    const print = fingerprint(sort, filter);
    const offset = args.after ? decodeOffsetCursor(args.after, print) : 0;
    const size = pageSize(args);
    const { rows, total } = await this.portfolio.page(ctx.uow, this.viewerOf(ctx), sort, filter, size, offset);
    const items = rows.map((row, i) => ({ cursor: encodeOffsetCursor(offset + i + 1, print), row }));
    return {
      items,
      totalCount: total,
      pageInfo: {
        hasNextPage: offset + rows.length < total,
        hasPreviousPage: offset > 0,
        startCursor: items[0]?.cursor ?? null,
        endCursor: items[items.length - 1]?.cursor ?? null,
      },
    };
  }

  async radar(ctx: AgencyContext, organizationId: string, source?: ScoreSource): Promise<Radar | null> {
    const org = await this.visibleOrganization(ctx, organizationId);
    return buildRadar(organizationId, await this.portfolio.radarBasis(ctx.uow, organizationId), org.lang, source);
  }

  async radarInOrganization(ctx: OrganizationContext, lang: Lang, source?: ScoreSource): Promise<Radar | null> {
    return buildRadar(ctx.organizationId, await this.portfolio.radarBasis(ctx.uow, ctx.uow.organizationId), lang, source);
  }

  async comparison(ctx: AgencyContext, organizationId: string): Promise<Comparison | null> {
    const org = await this.visibleOrganization(ctx, organizationId);
    const { assessment } = await this.portfolio.radarBasis(ctx.uow, organizationId);
    if (!assessment) return null;
    const peers = await this.portfolio.comparison(ctx.uow, this.viewerOf(ctx), {
      agencyId: assessment.modelAgencyId,
      modelId: assessment.modelId,
    });
    return buildComparison(organizationId, assessment, peers, org.lang);
  }

  /** The organisation if the caller sees it, and the language to answer in (the person's, else the organisation's). */
  private async visibleOrganization(ctx: AgencyContext, organizationId: string): Promise<{ lang: Lang }> {
    const org = await this.portfolio.visible(ctx.uow, this.viewerOf(ctx), organizationId);
    if (!org) throw notFound('Organization', organizationId);
    return { lang: org.viewerLocale ?? org.locale };
  }
}
