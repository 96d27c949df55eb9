import { Injectable } from '@nestjs/common';
import { AgencyContext, OrganizationContext } from '@socle/platform-auth';
import { MailOutbox } from '@socle/platform-mail';
import type { AgencyInvitationEntity, OrganizationInvitationEntity } from './entities';
import { invitationMail } from './invitation-mail';

/**
 * Mails invitations, in the request's transaction (the outbox row commits with the invitation, or neither does): a
 * client's in the client's language and time zone through its outbox, an agency's in the inviter's language through
 * the agency's. A new link (resend) or a withdrawal cancels the mails of the invitation that have not left yet.
 */
@Injectable()
export class InvitationMailer {
  constructor(private readonly outbox: MailOutbox) {}

  async toOrganization(ctx: OrganizationContext, invitation: OrganizationInvitationEntity, url: string): Promise<void> {
    const [organization] = await ctx.uow.query<{ name: string; locale: 'fr' | 'en'; timezone: string }>(
      'SELECT name, locale, timezone FROM organizations WHERE id = $1',
      [ctx.organizationId],
    );
    await this.outbox.cancelFor(ctx.uow, [invitation.id]);
    await this.outbox.enqueue(ctx.uow, [
      invitationMail({
        email: invitation.email,
        place: organization?.name ?? '',
        kind: 'organization',
        inviterName: invitation.invitedByName,
        roles: invitation.roles,
        locale: organization?.locale ?? 'fr',
        timeZone: organization?.timezone ?? 'UTC',
        url,
        expiresAt: invitation.expiresAt,
        invitationId: invitation.id,
      }),
    ]);
  }

  async toAgency(ctx: AgencyContext, invitation: AgencyInvitationEntity, url: string): Promise<void> {
    const [agency] = await ctx.uow.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [ctx.agencyId]);
    const [inviter] = invitation.invitedBy
      ? await ctx.uow.query<{ locale: 'fr' | 'en' }>('SELECT locale FROM users WHERE id = $1', [invitation.invitedBy])
      : [];
    await this.outbox.cancelForAgency(ctx.uow, ctx.agencyId, [invitation.id]);
    await this.outbox.enqueueForAgency(ctx.uow, ctx.agencyId, [
      invitationMail({
        email: invitation.email,
        place: agency?.name ?? '',
        kind: 'agency',
        inviterName: invitation.invitedByName,
        roles: [invitation.role],
        locale: inviter?.locale ?? 'fr',
        timeZone: 'UTC',
        url,
        expiresAt: invitation.expiresAt,
        invitationId: invitation.id,
      }),
    ]);
  }

  cancelForOrganization(ctx: OrganizationContext, invitationId: string): Promise<number> {
    return this.outbox.cancelFor(ctx.uow, [invitationId]);
  }

  cancelForAgency(ctx: AgencyContext, invitationId: string): Promise<number> {
    return this.outbox.cancelForAgency(ctx.uow, ctx.agencyId, [invitationId]);
  }
}
