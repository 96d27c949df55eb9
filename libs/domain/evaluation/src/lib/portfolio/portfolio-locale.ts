import { Injectable } from '@nestjs/common';
import type { OrganizationContext } from '@socle/platform-auth';
import type { Lang } from './radar';

/** The language to answer in inside an organisation: the person's, else the organisation's (API keys). */
@Injectable()
export class PortfolioLocale {
  async of(ctx: OrganizationContext): Promise<Lang> {
    const [row] = await ctx.uow.query<{ locale: Lang; viewer: Lang | null }>(
      'SELECT o.locale, (SELECT u.locale FROM users u WHERE u.id = $2::uuid) AS viewer FROM organizations o WHERE o.id = $1',
      [ctx.organizationId, ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
    return row?.viewer ?? row?.locale ?? 'fr';
  }
}
