import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequestState, RequestStateParam, SignedIn, UserContext, UserCtx } from '@socle/platform-auth';
import { notFound } from '@socle/platform-errors';
import { AuthService } from './auth.service';
import { MembershipService } from './membership.service';
import { AgencyRepository, OrganizationRepository, UserRepository } from './repositories';
import { AcceptInvitationPayloadObject, AuthPayloadObject, MeObject, UserObject } from './dto/objects';
import { AcceptInvitationInput, LogInInput, RefreshSessionInput, SignUpInput, UpdateMeInput } from './dto/inputs';
import { ProfileService } from './profile.service';
import { agencyMembershipId, organizationMembershipId, toOrganization } from './dto/mappers';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly memberships: MembershipService,
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly organizations: OrganizationRepository,
    private readonly profile: ProfileService,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description:
      'Creates an agency and its owner, and signs the owner in. BAD_USER_INPUT on input.password for a weak password; CONFLICT on input.email when an account already uses it; RATE_LIMITED after too many sign-ups from one IP address.',
  })
  signUp(
    @Args('input', { description: 'The agency and its owner.' }) input: SignUpInput,
    @RequestStateParam() state: RequestState,
  ): Promise<AuthPayloadObject> {
    return this.auth.signUp(input, state);
  }

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description:
      'Signs a person in with email and password. UNAUTHENTICATED when they do not match (the same answer for an unknown email); RATE_LIMITED after too many attempts for one email or from one IP address.',
  })
  logIn(
    @Args('input', { description: 'The credentials.' }) input: LogInInput,
    @RequestStateParam() state: RequestState,
  ): Promise<AuthPayloadObject> {
    return this.auth.logIn(input.email, input.password, state);
  }

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description: 'Exchanges a refresh token for new tokens. A refresh token works once; reusing one revokes its whole family.',
  })
  refreshSession(@Args('input', { description: 'The refresh token.' }) input: RefreshSessionInput): Promise<AuthPayloadObject> {
    return this.auth.refresh(input.refreshToken);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Revokes this session (its refresh tokens). The access token expires on its own.' })
  async logOut(@UserCtx() ctx: UserContext, @RequestStateParam() state: RequestState): Promise<boolean> {
    return state.principal.kind === 'user' ? this.auth.logOut(ctx, state.principal.sessionId) : false;
  }

  @Public()
  @Mutation(() => AcceptInvitationPayloadObject, {
    description:
      "Joins an organization or agency with an invitation token, creating the account if needed (the session is then in the answer). CONFLICT on input.token with reason INVITATION_ACCEPTED, INVITATION_REVOKED, INVITATION_EXPIRED or INVITATION_NOT_PENDING; FORBIDDEN when a signed-in caller's email is not the invited one; UNAUTHENTICATED when the password does not match an existing account.",
  })
  async acceptInvitation(
    @Args('input', { description: 'The token, and for a new account a display name and password.' }) input: AcceptInvitationInput,
    @RequestStateParam() state: RequestState,
  ): Promise<AcceptInvitationPayloadObject> {
    const { userId, newAccount } = await this.memberships.accept(state.principal, input, state.requestId);
    const session = state.principal.kind === 'user' ? null : await this.auth.openSession(userId);
    return { userId, newAccount, session };
  }

  @SignedIn()
  @Query(() => MeObject, { description: 'The signed-in person, their agencies and their client organizations.' })
  async me(@UserCtx() ctx: UserContext): Promise<MeObject> {
    const user = await this.users.findSelf(ctx);
    if (!user) throw notFound('User', ctx.userId);
    const [agencies, organizations] = [await this.agencies.membershipsOf(ctx), await this.organizations.membershipsOf(ctx)];
    return {
      user: user as unknown as MeObject['user'],
      agencies: agencies.map((a) => ({
        id: agencyMembershipId(a.agency.id, ctx.userId),
        agency: a.agency as unknown as MeObject['agencies'][number]['agency'],
        role: a.role as MeObject['agencies'][number]['role'],
      })),
      organizations: organizations.map((o) => ({
        id: organizationMembershipId(o.organization.id, ctx.userId),
        organization: toOrganization(o.organization),
        roles: o.roles as MeObject['organizations'][number]['roles'],
      })),
    };
  }

  @SignedIn()
  @Mutation(() => UserObject, { description: "Changes the signed-in person's own name or language (nobody else's)." })
  async updateMe(
    @UserCtx() ctx: UserContext,
    @Args('input', { description: 'The settings to change.' }) input: UpdateMeInput,
  ): Promise<UserObject> {
    return (await this.profile.update(ctx, input)) as unknown as UserObject;
  }
}
