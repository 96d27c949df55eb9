import { WebhookEvents } from '@socle/platform-webhooks';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OrganizationUnitOfWork, UnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { AgencyContext, AgencyRole, OrganizationContext, OrganizationRole, Principal } from '@socle/platform-auth';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '@socle/platform-errors';
import { AgencyInvitationEntity, AgencyMembershipEntity, OrganizationInvitationEntity } from './entities';
import {
  AgencyRepository,
  AuditRepository,
  InvitationRepository,
  MembershipRepository,
  MemberWithUser,
  PageQuery,
  PendingInvitationRow,
  UserRepository,
} from './repositories';
import type { UserEntity } from './entities';
import { AGENCY_INVITATION_KIND, issueToken, ORGANIZATION_INVITATION_KIND, parseToken } from './tokens';
import { AuthService } from './auth.service';
import { enforceNow, violatesUnique } from './invariants';

const INVITATION_TTL_DAYS = 7;

export interface AcceptInvitationCommand {
  token: string;
  /** For a new account. */
  displayName?: string;
  password?: string;
  locale?: 'fr' | 'en';
}

function normalizeRoles(roles: OrganizationRole[]): OrganizationRole[] {
  return [...new Set(roles)].sort();
}

const invitationExpiry = () => new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000);

/** Revoking or sending again needs an invitation still waiting for its answer (an expired one may be sent again). */
function assertPending(invitation: { acceptedAt: Date | null; revokedAt: Date | null }): void {
  if (invitation.acceptedAt) throw conflict('This invitation was already accepted.', 'input.invitationId', 'INVITATION_ACCEPTED');
  if (invitation.revokedAt) throw conflict('This invitation was withdrawn.', 'input.invitationId', 'INVITATION_REVOKED');
}

/** Accepted or withdrawn between our read and our change (another request won the race). */
const noLongerPending = () =>
  conflict('This invitation was accepted or withdrawn meanwhile.', 'input.invitationId', 'INVITATION_NOT_PENDING');

/** Members of client organisations and of the agency, and the invitations that bring them in. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly memberships: MembershipRepository,
    private readonly agencies: AgencyRepository,
    private readonly invitations: InvitationRepository,
    private readonly audit: AuditRepository,
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  // ---- organisation members ----

  page(ctx: OrganizationContext, page: PageQuery): Promise<MemberWithUser[]> {
    return this.memberships.page(ctx, page);
  }

  count(ctx: OrganizationContext): Promise<number> {
    return this.memberships.count(ctx);
  }

  async changeRoles(ctx: OrganizationContext, userId: string, roles: OrganizationRole[]): Promise<MemberWithUser> {
    const member = await this.memberships.find(ctx, userId);
    if (!member) throw notFound('Member', userId);
    const next = normalizeRoles(roles);
    await this.memberships.setRoles(ctx, userId, next);
    await enforceNow(ctx.uow, 'organization_keeps_a_strategy_lead', 'input.roles');
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'member.roles_changed',
        targetType: 'User',
        targetId: userId,
        metadata: { from: member.roles, to: next },
      },
      ctx.requestId,
    );
    return (await this.memberships.findWithUser(ctx, userId)) as MemberWithUser;
  }

  async remove(ctx: OrganizationContext, userId: string): Promise<MemberWithUser> {
    const member = await this.memberships.findWithUser(ctx, userId);
    if (!member) throw notFound('Member', userId);
    await this.memberships.remove(ctx, userId);
    await this.webhooks.emit(ctx.uow, 'member.removed', { userId });
    await enforceNow(ctx.uow, 'organization_keeps_a_strategy_lead', 'input.userId');
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'member.removed',
        targetType: 'User',
        targetId: userId,
        metadata: { roles: member.roles },
      },
      ctx.requestId,
    );
    return member;
  }

  async invite(
    ctx: OrganizationContext,
    email: string,
    roles: OrganizationRole[],
  ): Promise<{ invitation: OrganizationInvitationEntity; token: string }> {
    const { token, hash, id } = issueToken(ORGANIZATION_INVITATION_KIND, ctx.organizationId);
    const invitation = await this.invitations.insertForOrganization(ctx, {
      id,
      email: email.trim().toLowerCase(),
      roles: normalizeRoles(roles),
      tokenHash: hash,
      ...(await this.inviter(ctx)),
      expiresAt: invitationExpiry(),
    });
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'member.invited',
        targetType: 'Invitation',
        targetId: id,
        metadata: { email: invitation.email, roles: invitation.roles },
      },
      ctx.requestId,
    );
    return { invitation, token };
  }

  /** Who sends an invitation, with their name as it is now (their own row is always visible to them). */
  private async inviter(ctx: OrganizationContext | AgencyContext): Promise<{ invitedBy: string | null; invitedByName: string | null }> {
    if (ctx.actor.type !== 'USER' || !ctx.actor.id) return { invitedBy: null, invitedByName: null };
    const [user] = await this.users.findByIds(ctx, [ctx.actor.id]);
    return { invitedBy: ctx.actor.id, invitedByName: user?.displayName ?? null };
  }

  pendingInvitations(ctx: OrganizationContext, page: PageQuery): Promise<PendingInvitationRow[]> {
    return this.invitations.pendingInOrganization(ctx, page);
  }

  countPendingInvitations(ctx: OrganizationContext): Promise<number> {
    return this.invitations.countPendingInOrganization(ctx);
  }

  /** Withdraws a pending (or expired) invitation: its link is refused from now on. Returns it as it was. */
  async revokeInvitation(ctx: OrganizationContext, invitationId: string): Promise<OrganizationInvitationEntity> {
    const invitation = await this.invitations.findInOrganization(ctx, invitationId);
    if (!invitation) throw notFound('Invitation', invitationId);
    assertPending(invitation);
    if (!(await this.invitations.revokeInOrganization(ctx, invitationId))) throw noLongerPending();
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'member.invitation_revoked',
        targetType: 'Invitation',
        targetId: invitationId,
        metadata: { email: invitation.email, roles: invitation.roles },
      },
      ctx.requestId,
    );
    return invitation;
  }

  /** A new link and a new expiry for a pending or expired invitation; the previous link is refused from now on. */
  async resendInvitation(
    ctx: OrganizationContext,
    invitationId: string,
  ): Promise<{ invitation: OrganizationInvitationEntity; token: string }> {
    const invitation = await this.invitations.findInOrganization(ctx, invitationId);
    if (!invitation) throw notFound('Invitation', invitationId);
    assertPending(invitation);
    const { token, hash } = issueToken(ORGANIZATION_INVITATION_KIND, ctx.organizationId);
    const expiresAt = invitationExpiry();
    if (!(await this.invitations.renewInOrganization(ctx, invitationId, hash, expiresAt))) throw noLongerPending();
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'member.invitation_resent',
        targetType: 'Invitation',
        targetId: invitationId,
        metadata: { email: invitation.email, roles: invitation.roles },
      },
      ctx.requestId,
    );
    return { invitation: Object.assign(invitation, { expiresAt }), token };
  }

  // ---- agency members ----

  agencyPage(ctx: AgencyContext, page: PageQuery): Promise<AgencyMembershipEntity[]> {
    return this.agencies.members(ctx, page);
  }

  countAgencyMembers(ctx: AgencyContext): Promise<number> {
    return this.agencies.countMembers(ctx);
  }

  async changeAgencyRole(ctx: AgencyContext, userId: string, role: AgencyRole): Promise<AgencyMembershipEntity> {
    const member = await this.agencies.member(ctx, userId);
    if (!member) throw notFound('Agency member', userId);
    if ((role === 'OWNER' || member.role === 'OWNER') && ctx.agencyRole !== 'OWNER')
      throw forbidden('Only an owner can grant or take away the owner role.');
    await this.agencies.setRole(ctx, userId, role);
    await enforceNow(ctx.uow, 'agency_keeps_an_owner', 'input.role');
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'agency_member.role_changed',
        targetType: 'User',
        targetId: userId,
        metadata: { from: member.role, to: role },
      },
      ctx.requestId,
    );
    return (await this.agencies.member(ctx, userId)) as AgencyMembershipEntity;
  }

  /**
   * Removes someone from the agency; returns the membership as it was, with the
   * person as they were (once removed, they are no longer visible to the agency).
   */
  async removeAgencyMember(ctx: AgencyContext, userId: string): Promise<AgencyMembershipEntity & { user: UserEntity }> {
    const member = await this.agencies.member(ctx, userId);
    if (!member) throw notFound('Agency member', userId);
    const [user] = await this.users.findByIds(ctx, [userId]);
    if (member.role === 'OWNER' && ctx.agencyRole !== 'OWNER') throw forbidden('Only an owner can remove an owner.');
    await this.agencies.removeMember(ctx, userId);
    await enforceNow(ctx.uow, 'agency_keeps_an_owner', 'input.userId');
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'agency_member.removed',
        targetType: 'User',
        targetId: userId,
        metadata: { role: member.role },
      },
      ctx.requestId,
    );
    return Object.assign(member, { user });
  }

  async inviteToAgency(
    ctx: AgencyContext,
    email: string,
    role: 'ADMIN' | 'MEMBER',
  ): Promise<{ invitation: AgencyInvitationEntity; token: string }> {
    if (role === 'ADMIN' && ctx.agencyRole !== 'OWNER' && ctx.agencyRole !== 'ADMIN')
      throw forbidden('Only owners and admins invite admins.');
    const { token, hash, id } = issueToken(AGENCY_INVITATION_KIND, ctx.agencyId);
    const invitation = await this.invitations.insertForAgency(ctx, {
      id,
      email: email.trim().toLowerCase(),
      role,
      tokenHash: hash,
      ...(await this.inviter(ctx)),
      expiresAt: invitationExpiry(),
    });
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'agency_member.invited',
        targetType: 'Invitation',
        targetId: id,
        metadata: { email: invitation.email, role },
      },
      ctx.requestId,
    );
    return { invitation, token };
  }

  agencyPendingInvitations(ctx: AgencyContext, page: PageQuery): Promise<PendingInvitationRow[]> {
    return this.invitations.pendingInAgency(ctx, page);
  }

  countAgencyPendingInvitations(ctx: AgencyContext): Promise<number> {
    return this.invitations.countPendingInAgency(ctx);
  }

  async revokeAgencyInvitation(ctx: AgencyContext, invitationId: string): Promise<AgencyInvitationEntity> {
    const invitation = await this.invitations.findInAgency(ctx, invitationId);
    if (!invitation) throw notFound('Invitation', invitationId);
    assertPending(invitation);
    if (!(await this.invitations.revokeInAgency(ctx, invitationId))) throw noLongerPending();
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'agency_member.invitation_revoked',
        targetType: 'Invitation',
        targetId: invitationId,
        metadata: { email: invitation.email, role: invitation.role },
      },
      ctx.requestId,
    );
    return invitation;
  }

  async resendAgencyInvitation(ctx: AgencyContext, invitationId: string): Promise<{ invitation: AgencyInvitationEntity; token: string }> {
    const invitation = await this.invitations.findInAgency(ctx, invitationId);
    if (!invitation) throw notFound('Invitation', invitationId);
    assertPending(invitation);
    const { token, hash } = issueToken(AGENCY_INVITATION_KIND, ctx.agencyId);
    const expiresAt = invitationExpiry();
    if (!(await this.invitations.renewInAgency(ctx, invitationId, hash, expiresAt))) throw noLongerPending();
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'agency_member.invitation_resent',
        targetType: 'Invitation',
        targetId: invitationId,
        metadata: { email: invitation.email, role: invitation.role },
      },
      ctx.requestId,
    );
    return { invitation: Object.assign(invitation, { expiresAt }), token };
  }

  // ---- accepting ----

  /**
   * Accepts an invitation (single use, expiring). The invitee is the signed-in
   * person with the invited email, or an existing account proven by its
   * password, or a new account created here.
   */
  async accept(
    principal: Principal,
    command: AcceptInvitationCommand,
    requestId: string,
  ): Promise<{ userId: string; newAccount: boolean }> {
    const organization = parseToken(ORGANIZATION_INVITATION_KIND, command.token);
    const agency = organization ? null : parseToken(AGENCY_INVITATION_KIND, command.token);
    if (!organization && !agency) throw badInput('input.token', 'is not an invitation token');
    const scope = organization ? { organizationId: organization.tenantId } : { agencyId: (agency as { tenantId: string }).tenantId };
    // The token names its tenant; the invitation is then looked up there by the hash of its secret.
    const inTenant = <T>(work: (uow: UnitOfWork, inOrganization: OrganizationUnitOfWork | null) => Promise<T>): Promise<T> =>
      organization
        ? this.units.runInOrganization(organization.tenantId, (uow) => work(uow, uow))
        : this.units.run(scope, (uow) => work(uow, null));
    return inTenant(async (uow, inOrganization) => {
      const invitation =
        organization && inOrganization
          ? await this.invitations.findOrganizationInvitation(inOrganization, organization.secretHash)
          : await this.invitations.findAgencyInvitation(
              uow,
              (agency as { tenantId: string }).tenantId,
              (agency as { secretHash: Buffer }).secretHash,
            );
      // A link replaced by a newer one (resendInvitation) is not found: only the newest secret's hash is kept.
      if (!invitation) throw notFound('Invitation');
      if (invitation.acceptedAt) throw conflict('This invitation was already accepted.', 'input.token', 'INVITATION_ACCEPTED');
      if (invitation.revokedAt) throw conflict('This invitation was withdrawn.', 'input.token', 'INVITATION_REVOKED');
      if (invitation.expiresAt.getTime() <= Date.now())
        throw conflict('This invitation has expired: ask for a new one.', 'input.token', 'INVITATION_EXPIRED');
      const secretHash = (organization ?? (agency as { secretHash: Buffer })).secretHash;

      let userId: string;
      let isNew = false;
      if (principal.kind === 'user') {
        userId = principal.userId;
        await uow.rescope({ ...scope, userId });
        const [me] = await uow.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId]);
        if (!me || me.email.toLowerCase() !== invitation.email) throw forbidden('This invitation was sent to another email address.');
      } else if (command.password && !command.displayName) {
        const existing = await this.auth.verifyCredentials(uow, invitation.email, command.password);
        if (!existing) throw unauthenticated('The password does not match the invited account.');
        userId = existing;
        await uow.rescope({ ...scope, userId });
      } else {
        if (!command.displayName || !command.password)
          throw badInput('input.password', 'a display name and a password are needed to create your account');
        userId = randomUUID();
        isNew = true;
        await uow.rescope({ ...scope, userId });
        await this.auth.createUser(uow, {
          id: userId,
          email: invitation.email,
          displayName: command.displayName.trim(),
          password: command.password,
          locale: command.locale ?? 'fr',
        });
      }
      const actor = { type: 'USER' as const, id: userId };
      if (inOrganization) {
        const inv = invitation as OrganizationInvitationEntity;
        if (!(await this.invitations.markOrganizationInvitationAccepted(inOrganization, inv.id, secretHash, userId)))
          throw conflict(
            'This invitation was already accepted, withdrawn or sent again meanwhile.',
            'input.token',
            'INVITATION_NOT_PENDING',
          );
        await uow.query(
          `INSERT INTO organization_memberships (organization_id, user_id, roles) VALUES ($1, $2, $3)
           ON CONFLICT (organization_id, user_id) DO UPDATE SET roles = (SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(organization_memberships.roles || EXCLUDED.roles) r), updated_at = now()`,
          [inv.organizationId, userId, inv.roles],
        );
        await this.audit.recordInOrganization(
          inOrganization,
          actor,
          { action: 'member.joined', targetType: 'User', targetId: userId, metadata: { roles: inv.roles, newAccount: isNew } },
          requestId,
        );
        await this.webhooks.emit(inOrganization, 'member.joined', { userId, roles: inv.roles });
      } else {
        const inv = invitation as AgencyInvitationEntity;
        if (!(await this.invitations.markAgencyInvitationAccepted(uow, inv.agencyId, inv.id, secretHash, userId)))
          throw conflict(
            'This invitation was already accepted, withdrawn or sent again meanwhile.',
            'input.token',
            'INVITATION_NOT_PENDING',
          );
        const [existing] = await uow.query('SELECT 1 FROM agency_memberships WHERE agency_id = $1 AND user_id = $2', [
          inv.agencyId,
          userId,
        ]);
        if (existing) throw conflict('You are already a member of this agency.', 'input.token');
        // Two invitations accepted at once both pass the check above: the primary key decides, the second is told plainly.
        await this.agencies.addMember(uow, inv.agencyId, userId, inv.role).catch((error: unknown) => {
          throw violatesUnique(error, 'agency_memberships_pkey')
            ? conflict('You are already a member of this agency.', 'input.token')
            : error;
        });
        await this.audit.recordInAgency(
          uow,
          inv.agencyId,
          actor,
          { action: 'agency_member.joined', targetType: 'User', targetId: userId, metadata: { role: inv.role, newAccount: isNew } },
          requestId,
        );
      }
      return { userId, newAccount: isNew };
    });
  }
}
