import { InvitationMailer } from './invitation-mailer';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AgencyContext,
  AgencyCtx,
  AgencyRole,
  OrganizationContext,
  OrganizationRole,
  OrgCtx,
  RequestState,
  Requires,
} from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { SocleConfig } from '@socle/platform-config';
import { MembershipService } from './membership.service';
import type { AgencyInvitationEntity, OrganizationInvitationEntity } from './entities';
import type { MemberWithUser, PendingInvitationRow } from './repositories';
import { UserLoader } from './user.loader';
import { agencyMembershipId, organizationMembershipId } from './dto/mappers';
import {
  AgencyMemberConnection,
  AgencyMemberObject,
  AgencyRoleEnum,
  InvitationConnection,
  InvitationObject,
  InvitationPayloadObject,
  InvitationStatusEnum,
  OrganizationMemberConnection,
  OrganizationMemberObject,
  OrganizationRoleEnum,
  UserObject,
} from './dto/objects';
import {
  ChangeAgencyMemberRoleInput,
  ChangeMemberRolesInput,
  InviteAgencyMemberInput,
  InviteMemberInput,
  RemoveMemberInput,
  ResendInvitationInput,
  RevokeInvitationInput,
} from './dto/inputs';

const toMember = (organizationId: string, m: MemberWithUser): OrganizationMemberObject => ({
  id: organizationMembershipId(organizationId, m.userId),
  userId: m.userId,
  roles: m.roles as OrganizationRoleEnum[],
  joinedAt: m.createdAt,
  user: m.user as UserObject,
});
const toAgencyMember = (agencyId: string, m: { userId: string; role: string; createdAt: Date; user?: unknown }): AgencyMemberObject => ({
  id: agencyMembershipId(agencyId, m.userId),
  userId: m.userId,
  role: m.role as AgencyRoleEnum,
  joinedAt: m.createdAt,
  ...(m.user ? { snapshotUser: m.user as UserObject } : {}),
});

const inviterOf = (i: { invitedBy: string | null; invitedByName: string | null }): InvitationObject['invitedBy'] =>
  i.invitedByName !== null ? { userId: i.invitedBy, displayName: i.invitedByName } : null;

const statusOf = (expiresAt: Date): InvitationStatusEnum =>
  expiresAt.getTime() <= Date.now() ? InvitationStatusEnum.EXPIRED : InvitationStatusEnum.PENDING;

const toPendingInvitation = (i: PendingInvitationRow): InvitationObject => ({
  id: i.id,
  email: i.email,
  roles: i.roles as OrganizationRoleEnum[] | null,
  agencyRole: i.role as AgencyRoleEnum | null,
  status: i.expired ? InvitationStatusEnum.EXPIRED : InvitationStatusEnum.PENDING,
  invitedBy: inviterOf(i),
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

const toOrganizationInvitation = (i: OrganizationInvitationEntity, status = statusOf(i.expiresAt)): InvitationObject => ({
  id: i.id,
  email: i.email,
  roles: i.roles as OrganizationRoleEnum[],
  agencyRole: null,
  status,
  invitedBy: inviterOf(i),
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

const toAgencyInvitation = (i: AgencyInvitationEntity, status = statusOf(i.expiresAt)): InvitationObject => ({
  id: i.id,
  email: i.email,
  roles: null,
  agencyRole: i.role as AgencyRoleEnum,
  status,
  invitedBy: inviterOf(i),
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

/** What inviteMember, inviteAgencyMember and the resends answer: the invitation, its token and the link carrying it (shown once). */
const acceptUrlOf = (config: SocleConfig, token: string) => `${config.PUBLIC_URL}/invitations/accept?token=${encodeURIComponent(token)}`;

const invitationPayload = (
  config: SocleConfig,
  invitation: InvitationObject,
  token: string,
  emailed: boolean,
): InvitationPayloadObject => ({
  invitation,
  token,
  acceptUrl: acceptUrlOf(config, token),
  emailed,
});

const INVITATIONS_DESCRIPTION =
  'Invitations neither accepted nor withdrawn, newest first; expired ones stay listed (status EXPIRED) until resent or revoked.';

@Resolver(() => OrganizationMemberObject)
export class OrganizationMemberResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly config: SocleConfig,
    private readonly mailer: InvitationMailer,
  ) {}

  @Requires('organization.members.read')
  @Query(() => OrganizationMemberConnection, { description: 'Members of the organization, in the order they joined.' })
  async members(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<OrganizationMemberObject>> {
    return paginate(
      page,
      (keyset) => this.memberships.page(ctx, keyset),
      (m) => [m.createdAt, m.userId],
      (m) => toMember(ctx.organizationId, m),
      () => this.memberships.count(ctx),
    );
  }

  @Requires('organization.members.manage')
  @Mutation(() => InvitationPayloadObject, { description: 'Invites someone into the organization with these roles (expires in 7 days).' })
  async inviteMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'Who to invite and with which roles.' }) input: InviteMemberInput,
  ): Promise<InvitationPayloadObject> {
    const { invitation, token } = await this.memberships.invite(ctx, input.email, input.roles as OrganizationRole[]);
    if (input.sendEmail) await this.mailer.toOrganization(ctx, invitation, acceptUrlOf(this.config, token));
    return invitationPayload(this.config, toOrganizationInvitation(invitation), token, input.sendEmail);
  }

  @Requires('organization.members.manage')
  @Query(() => InvitationConnection, { description: `${INVITATIONS_DESCRIPTION} For those who manage the members.` })
  async invitations(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<InvitationObject>> {
    return paginate(
      page,
      (keyset) => this.memberships.pendingInvitations(ctx, keyset),
      (i) => [i.createdAt, i.id],
      toPendingInvitation,
      () => this.memberships.countPendingInvitations(ctx),
    );
  }

  @Requires('organization.members.manage')
  @Mutation(() => InvitationObject, {
    description: 'Withdraws a pending or expired invitation: acceptInvitation refuses its link (CONFLICT, reason INVITATION_REVOKED).',
  })
  async revokeInvitation(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The invitation to withdraw.' }) input: RevokeInvitationInput,
  ): Promise<InvitationObject> {
    const revoked = await this.memberships.revokeInvitation(ctx, input.invitationId);
    await this.mailer.cancelForOrganization(ctx, revoked.id);
    return toOrganizationInvitation(revoked, InvitationStatusEnum.REVOKED);
  }

  @Requires('organization.members.manage')
  @Mutation(() => InvitationPayloadObject, {
    description:
      'A new link and 7 more days for a pending or expired invitation, answered like inviteMember; the previous link is refused.',
  })
  async resendInvitation(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The invitation to send again.' }) input: ResendInvitationInput,
  ): Promise<InvitationPayloadObject> {
    const { invitation, token } = await this.memberships.resendInvitation(ctx, input.invitationId);
    if (input.sendEmail) await this.mailer.toOrganization(ctx, invitation, acceptUrlOf(this.config, token));
    else await this.mailer.cancelForOrganization(ctx, invitation.id);
    return invitationPayload(this.config, toOrganizationInvitation(invitation), token, input.sendEmail);
  }

  @Requires('organization.members.manage')
  @Mutation(() => OrganizationMemberObject, {
    description:
      "Replaces a member's roles. CONFLICT with reason LAST_STRATEGY_LEAD when it would leave the organization without a strategy lead; NOT_FOUND for someone who is not a member.",
  })
  async changeMemberRoles(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The member and their new roles.' }) input: ChangeMemberRolesInput,
  ): Promise<OrganizationMemberObject> {
    return toMember(ctx.organizationId, await this.memberships.changeRoles(ctx, input.userId, input.roles as OrganizationRole[]));
  }

  @Requires('organization.members.manage')
  @Mutation(() => OrganizationMemberObject, { description: 'Removes a member; returns the membership as it was.' })
  async removeMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The member to remove.' }) input: RemoveMemberInput,
  ): Promise<OrganizationMemberObject> {
    return toMember(ctx.organizationId, await this.memberships.remove(ctx, input.userId));
  }
}

@Resolver(() => AgencyMemberObject)
export class AgencyMemberResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly config: SocleConfig,
    private readonly users: UserLoader,
    private readonly mailer: InvitationMailer,
  ) {}

  @Requires('agency.members.read')
  @Query(() => AgencyMemberConnection, { description: 'Staff of the agency.' })
  async agencyMembers(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<AgencyMemberObject>> {
    return paginate(
      page,
      (keyset) => this.memberships.agencyPage(ctx, keyset),
      (m) => [m.createdAt, m.userId],
      (m) => toAgencyMember(ctx.agencyId, m),
      () => this.memberships.countAgencyMembers(ctx),
    );
  }

  @ResolveField(() => UserObject, { description: 'The person.' })
  user(@Parent() member: AgencyMemberObject, @Context('state') state: RequestState): Promise<UserObject> {
    // A removed member is no longer visible to the agency: their answer carries the person as they were.
    if (member.snapshotUser) return Promise.resolve(member.snapshotUser);
    return this.users.load(state, member.userId);
  }

  @Requires('agency.members.manage')
  @Mutation(() => InvitationPayloadObject, {
    description:
      "Invites someone into the agency's staff as ADMIN or MEMBER (expires in 7 days). FORBIDDEN for a caller who may not invite admins.",
  })
  async inviteAgencyMember(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'Who to invite and with which role.' }) input: InviteAgencyMemberInput,
  ): Promise<InvitationPayloadObject> {
    const { invitation, token } = await this.memberships.inviteToAgency(ctx, input.email, input.role);
    if (input.sendEmail) await this.mailer.toAgency(ctx, invitation, acceptUrlOf(this.config, token));
    return invitationPayload(this.config, toAgencyInvitation(invitation), token, input.sendEmail);
  }

  @Requires('agency.members.manage')
  @Query(() => InvitationConnection, { description: `${INVITATIONS_DESCRIPTION} For the agency's owners and admins.` })
  async agencyInvitations(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<InvitationObject>> {
    return paginate(
      page,
      (keyset) => this.memberships.agencyPendingInvitations(ctx, keyset),
      (i) => [i.createdAt, i.id],
      toPendingInvitation,
      () => this.memberships.countAgencyPendingInvitations(ctx),
    );
  }

  @Requires('agency.members.manage')
  @Mutation(() => InvitationObject, { description: 'Withdraws a pending or expired invitation into the agency (see revokeInvitation).' })
  async revokeAgencyInvitation(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The invitation to withdraw.' }) input: RevokeInvitationInput,
  ): Promise<InvitationObject> {
    const revoked = await this.memberships.revokeAgencyInvitation(ctx, input.invitationId);
    await this.mailer.cancelForAgency(ctx, revoked.id);
    return toAgencyInvitation(revoked, InvitationStatusEnum.REVOKED);
  }

  @Requires('agency.members.manage')
  @Mutation(() => InvitationPayloadObject, { description: 'A new link for an invitation into the agency (see resendInvitation).' })
  async resendAgencyInvitation(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The invitation to send again.' }) input: ResendInvitationInput,
  ): Promise<InvitationPayloadObject> {
    const { invitation, token } = await this.memberships.resendAgencyInvitation(ctx, input.invitationId);
    if (input.sendEmail) await this.mailer.toAgency(ctx, invitation, acceptUrlOf(this.config, token));
    else await this.mailer.cancelForAgency(ctx, invitation.id);
    return invitationPayload(this.config, toAgencyInvitation(invitation), token, input.sendEmail);
  }

  @Requires('agency.members.manage')
  @Mutation(() => AgencyMemberObject, {
    description:
      "Changes a staff member's role. FORBIDDEN when a non-owner grants or takes away OWNER; CONFLICT with reason LAST_OWNER when the agency would have no owner left.",
  })
  async changeAgencyMemberRole(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The staff member and their new role.' }) input: ChangeAgencyMemberRoleInput,
  ): Promise<AgencyMemberObject> {
    return toAgencyMember(ctx.agencyId, await this.memberships.changeAgencyRole(ctx, input.userId, input.role as AgencyRole));
  }

  @Requires('agency.members.manage')
  @Mutation(() => AgencyMemberObject, {
    description:
      'Removes a staff member; returns them as they were. FORBIDDEN when a non-owner removes an owner; CONFLICT with reason LAST_OWNER for the last owner.',
  })
  async removeAgencyMember(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The staff member to remove.' }) input: RemoveMemberInput,
  ): Promise<AgencyMemberObject> {
    return toAgencyMember(ctx.agencyId, await this.memberships.removeAgencyMember(ctx, input.userId));
  }
}
