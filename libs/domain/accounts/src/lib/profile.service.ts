import { Injectable } from '@nestjs/common';
import { UserContext } from '@socle/platform-auth';
import { badInput, notFound } from '@socle/platform-errors';
import { UserEntity } from './entities';
import { AuditRepository, UserRepository } from './repositories';

export type ProfilePatch = Partial<Pick<UserEntity, 'displayName' | 'locale'>>;

/** The signed-in person's own settings: their name and their language. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Changes only the caller's own account. Recorded in the audit log of each agency the person works in (a person
   * has no tenant of their own), like the other events of an account.
   */
  async update(ctx: UserContext, input: { displayName?: string | null; locale?: UserEntity['locale'] | null }): Promise<UserEntity> {
    const patch: ProfilePatch = {};
    if (input.displayName !== undefined && input.displayName !== null) {
      const displayName = input.displayName.trim();
      if (!displayName) throw badInput('input.displayName', 'must not be blank');
      patch.displayName = displayName;
    }
    if (input.locale !== undefined && input.locale !== null) patch.locale = input.locale;
    if (Object.keys(patch).length === 0) throw badInput('input', 'must give locale or displayName');
    const user = await this.users.updateSelf(ctx, patch);
    if (!user) throw notFound('User', ctx.userId);
    const agencyIds = await this.users.agencyIdsForAuth(ctx.uow, ctx.userId);
    for (const agencyId of agencyIds) {
      await ctx.uow.rescope({ userId: ctx.userId, agencyId });
      await this.audit.recordInAgency(
        ctx.uow,
        agencyId,
        ctx.actor,
        { action: 'user.updated', targetType: 'User', targetId: ctx.userId, metadata: { fields: Object.keys(patch) } },
        ctx.requestId,
      );
    }
    if (agencyIds.length) await ctx.uow.rescope({ userId: ctx.userId });
    return user;
  }
}
