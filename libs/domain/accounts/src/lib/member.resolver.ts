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
import type { MemberWithUser } from './repositories';
import { UserLoader } from './user.loader';
import {
  AgencyMemberConnection,
  AgencyMemberObject,
  AgencyRoleEnum,
  InvitationPayloadObject,
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
} from './dto/inputs';

const toMember = (m: MemberWithUser): OrganizationMemberObject => ({
  userId: m.userId,
  roles: m.roles as OrganizationRoleEnum[],
  joinedAt: m.createdAt,
  user: m.user as UserObject,
});
const toAgencyMember = (m: { userId: string; role: string; createdAt: Date; user?: unknown }): AgencyMemberObject => ({
  userId: m.userId,
  role: m.role as AgencyRoleEnum,
  joinedAt: m.createdAt,
  ...(m.user ? { snapshotUser: m.user as UserObject } : {}),
});

@Resolver(() => OrganizationMemberObject)
export class OrganizationMemberResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly config: SocleConfig,
  ) {}

  @Requires('organization.members.read')
  @Query(() => OrganizationMemberConnection, { description: 'Members of the organization, in the order they joined.' })
  async members(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<OrganizationMemberObject>> {
    return paginate(
      page,
      (keyset) => this.memberships.page(ctx, keyset),
      (m) => [m.createdAt, m.userId],
      toMember,
    );
  }

  @Requires('organization.members.manage')
  @Mutation(() => InvitationPayloadObject, { description: 'Invites someone into the organization with these roles (expires in 7 days).' })
  async inviteMember(@OrgCtx() ctx: OrganizationContext, @Args('input') input: InviteMemberInput): Promise<InvitationPayloadObject> {
    const { invitation, token } = await this.memberships.invite(ctx, input.email, input.roles as OrganizationRole[]);
    return {
      invitation: {
        id: invitation.id,
        email: invitation.email,
        roles: invitation.roles as OrganizationRoleEnum[],
        agencyRole: null,
        expiresAt: invitation.expiresAt,
      },
      token,
      acceptUrl: `${this.config.PUBLIC_URL}/invitations/accept?token=${encodeURIComponent(token)}`,
    };
  }

  @Requires('organization.members.manage')
  @Mutation(() => OrganizationMemberObject)
  async changeMemberRoles(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: ChangeMemberRolesInput,
  ): Promise<OrganizationMemberObject> {
    return toMember(await this.memberships.changeRoles(ctx, input.userId, input.roles as OrganizationRole[]));
  }

  @Requires('organization.members.manage')
  @Mutation(() => OrganizationMemberObject, { description: 'Removes a member; returns the membership as it was.' })
  async removeMember(@OrgCtx() ctx: OrganizationContext, @Args('input') input: RemoveMemberInput): Promise<OrganizationMemberObject> {
    return toMember(await this.memberships.remove(ctx, input.userId));
  }
}

@Resolver(() => AgencyMemberObject)
export class AgencyMemberResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly config: SocleConfig,
    private readonly users: UserLoader,
  ) {}

  @Requires('agency.members.read')
  @Query(() => AgencyMemberConnection, { description: 'Staff of the agency.' })
  async agencyMembers(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<AgencyMemberObject>> {
    return paginate(
      page,
      (keyset) => this.memberships.agencyPage(ctx, keyset),
      (m) => [m.createdAt, m.userId],
      toAgencyMember,
    );
  }

  @ResolveField(() => UserObject)
  user(@Parent() member: AgencyMemberObject, @Context('state') state: RequestState): Promise<UserObject> {
    // A removed member is no longer visible to the agency: their answer carries the person as they were.
    if (member.snapshotUser) return Promise.resolve(member.snapshotUser);
    return this.users.load(state, member.userId);
  }

  @Requires('agency.members.manage')
  @Mutation(() => InvitationPayloadObject)
  async inviteAgencyMember(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input') input: InviteAgencyMemberInput,
  ): Promise<InvitationPayloadObject> {
    const { invitation, token } = await this.memberships.inviteToAgency(ctx, input.email, input.role);
    return {
      invitation: {
        id: invitation.id,
        email: invitation.email,
        roles: null,
        agencyRole: invitation.role as AgencyRoleEnum,
        expiresAt: invitation.expiresAt,
      },
      token,
      acceptUrl: `${this.config.PUBLIC_URL}/invitations/accept?token=${encodeURIComponent(token)}`,
    };
  }

  @Requires('agency.members.manage')
  @Mutation(() => AgencyMemberObject)
  async changeAgencyMemberRole(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input') input: ChangeAgencyMemberRoleInput,
  ): Promise<AgencyMemberObject> {
    return toAgencyMember(await this.memberships.changeAgencyRole(ctx, input.userId, input.role as AgencyRole));
  }

  @Requires('agency.members.manage')
  @Mutation(() => AgencyMemberObject)
  async removeAgencyMember(@AgencyCtx() ctx: AgencyContext, @Args('input') input: RemoveMemberInput): Promise<AgencyMemberObject> {
    return toAgencyMember(await this.memberships.removeAgencyMember(ctx, input.userId));
  }
}
