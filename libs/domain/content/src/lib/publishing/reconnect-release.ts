import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { ContentCtx } from '../items/content-item.repository';
import type { PublicationEntity } from './publication.entity';
import { PublicationRepository } from './publication.repository';
import { PublicationWakeups } from './publication-wakeups';

/**
 * What a reconnected network account gives back: its publications held for
 * NEEDS_REAUTH are released (SCHEDULED, or HELD while a crisis pause is on),
 * due now or at their own time if later, in the reconnect's unit of work; their
 * wake-ups are sent once it has committed. The community module calls it when
 * an existing account gets new credentials (connect again, OAuth callback).
 */
@Injectable()
export class ReconnectRelease {
  constructor(
    private readonly publications: PublicationRepository,
    private readonly wakeups: PublicationWakeups,
    private readonly audit: AuditRepository,
  ) {}

  async release(ctx: ContentCtx, networkAccountId: string): Promise<PublicationEntity[]> {
    const paused = (await this.publications.pause(ctx))?.active ?? false;
    const released = await this.publications.releaseReauth(ctx, networkAccountId, paused ? 'HELD' : 'SCHEDULED');
    if (released.length === 0) return released;
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.publications_released',
        targetType: 'NetworkAccount',
        targetId: networkAccountId,
        metadata: { publications: released.map((p) => p.id), held: paused },
      },
      ctx.requestId,
    );
    this.wakeups.wakeAfterCommit(ctx.uow, ctx.organizationId, released);
    return released;
  }
}
