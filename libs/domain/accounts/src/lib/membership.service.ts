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
  ) {}

  // ---- organisation members ----

  page(ctx: OrganizationContext, page: PageQuery): Promise<MemberWithUser[]> {
    return this.memberships.page(ctx, page);
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
      invitedBy: ctx.actor.type === 'USER' ? ctx.actor.id : null,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000),
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

  // ---- agency members ----

  agencyPage(ctx: AgencyContext, page: PageQuery): Promise<AgencyMembershipEntity[]> {
    return this.agencies.members(ctx, page);
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
      invitedBy: ctx.actor.type === 'USER' ? ctx.actor.id : null,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000),
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
      if (!invitation) throw notFound('Invitation');
      if (invitation.acceptedAt) throw conflict('This invitation was already accepted.', 'input.token');
      if (invitation.revokedAt) throw conflict('This invitation was withdrawn.', 'input.token');
      if (invitation.expiresAt.getTime() <= Date.now()) throw conflict('This invitation has expired: ask for a new one.', 'input.token');

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
        if (!(await this.invitations.markOrganizationInvitationAccepted(inOrganization, inv.id, userId)))
          throw conflict('This invitation was already accepted.', 'input.token');
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
      } else {
        const inv = invitation as AgencyInvitationEntity;
        if (!(await this.invitations.markAgencyInvitationAccepted(uow, inv.agencyId, inv.id, userId)))
          throw conflict('This invitation was already accepted.', 'input.token');
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
