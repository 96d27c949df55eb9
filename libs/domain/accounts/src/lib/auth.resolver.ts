import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequestState, RequestStateParam, SignedIn, UserContext, UserCtx } from '@socle/platform-auth';
import { notFound } from '@socle/platform-errors';
import { AuthService } from './auth.service';
import { MembershipService } from './membership.service';
import { AgencyRepository, OrganizationRepository, UserRepository } from './repositories';
import { AcceptInvitationPayloadObject, AuthPayloadObject, MeObject } from './dto/objects';
import { AcceptInvitationInput, LogInInput, RefreshSessionInput, SignUpInput } from './dto/inputs';
import { toOrganization } from './dto/mappers';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly memberships: MembershipService,
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadObject, { description: 'Creates an agency and its owner, and signs the owner in.' })
  signUp(@Args('input') input: SignUpInput, @RequestStateParam() state: RequestState): Promise<AuthPayloadObject> {
    return this.auth.signUp(input, state);
  }

  @Public()
  @Mutation(() => AuthPayloadObject)
  logIn(@Args('input') input: LogInInput, @RequestStateParam() state: RequestState): Promise<AuthPayloadObject> {
    return this.auth.logIn(input.email, input.password, state);
  }

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description: 'Exchanges a refresh token for new tokens. A refresh token works once; reusing one revokes its whole family.',
  })
  refreshSession(@Args('input') input: RefreshSessionInput): Promise<AuthPayloadObject> {
    return this.auth.refresh(input.refreshToken);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Revokes this session (its refresh tokens). The access token expires on its own.' })
  async logOut(@UserCtx() ctx: UserContext, @RequestStateParam() state: RequestState): Promise<boolean> {
    return state.principal.kind === 'user' ? this.auth.logOut(ctx, state.principal.sessionId) : false;
  }

  @Public()
  @Mutation(() => AcceptInvitationPayloadObject, { description: 'Joins an organization or agency with an invitation token.' })
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
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
      agencies: agencies as unknown as MeObject['agencies'],
      organizations: organizations.map((o) => ({
        organization: toOrganization(o.organization),
        roles: o.roles as MeObject['organizations'][number]['roles'],
      })),
    };
  }
}
