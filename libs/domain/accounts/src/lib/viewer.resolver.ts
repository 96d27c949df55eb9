import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  actorOf,
  apiKeyPermissions,
  organizationPermissions,
  Principal,
  Public,
  RequestState,
  RequestStateParam,
} from '@socle/platform-auth';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { forbidden, notFound } from '@socle/platform-errors';
import { ApiKeyService } from './api-key.service';
import { UserRepository } from './repositories';
import { TenantAccessService } from './tenant-access.service';
import { AgencyRoleEnum, ApiKeyScopeEnum, OrganizationRoleEnum } from './dto/objects';
import { RateLimitBucketEnum, ViewerKindEnum, ViewerObject, ViewerOrganizationObject } from './dto/viewer';

const KIND: Record<Principal['kind'], ViewerKindEnum> = {
  user: ViewerKindEnum.USER,
  apiKey: ViewerKindEnum.API_KEY,
  anonymous: ViewerKindEnum.ANONYMOUS,
};

/**
 * `viewer`: who the credentials of a request are, for integrators checking a token or key. Open to every
 * caller (it tells each only about itself); the organization part reads the caller's standing in its own
 * short transaction, as any organization-level operation would prove it.
 */
@Public()
@Resolver(() => ViewerObject)
export class ViewerResolver {
  constructor(
    private readonly users: UserRepository,
    private readonly keys: ApiKeyService,
    private readonly tenants: TenantAccessService,
    private readonly units: UnitOfWorkFactory,
  ) {}

  @Public()
  @Query(() => ViewerObject, {
    description:
      'Who is calling: the signed-in person or the API key behind the Authorization header (nobody without one), the permissions held in the organization chosen by the X-Socle-Organization header (or the key’s own), and the request budget left. Open to every caller; costs one request of the budget like any other.',
  })
  async viewer(@RequestStateParam() state: RequestState): Promise<ViewerObject> {
    const principal = state.principal;
    const viewer: ViewerObject = {
      kind: KIND[principal.kind],
      user: null,
      apiKey: null,
      rateLimit: state.rateLimit
        ? {
            bucket: RateLimitBucketEnum[state.rateLimit.bucket],
            limit: state.rateLimit.limit,
            remaining: state.rateLimit.remaining,
            resetInSeconds: state.rateLimit.resetSeconds,
            windowSeconds: state.rateLimit.windowSeconds,
          }
        : null,
      principal,
      requestedOrganizationId: state.requestedOrganizationId ?? null,
    };
    if (principal.kind === 'user') {
      const user = await this.users.findSelf({
        uow: state.uow,
        actor: actorOf(principal),
        requestId: state.requestId,
        userId: principal.userId,
      });
      if (!user) throw notFound('User', principal.userId);
      viewer.user = { id: user.id, email: user.email, displayName: user.displayName };
    } else if (principal.kind === 'apiKey') {
      const key = await this.keys.describe(principal);
      if (!key) throw notFound('API key', principal.keyId);
      viewer.apiKey = {
        id: key.id,
        name: key.name,
        displayPrefix: key.displayPrefix,
        agencyId: key.agencyId,
        organizationId: key.scopeOrganizationId,
        scopes: key.scopes as ApiKeyScopeEnum[],
        expiresAt: key.expiresAt,
      };
    }
    return viewer;
  }

  @ResolveField(() => ViewerOrganizationObject, {
    nullable: true,
    description:
      'Null when no organization is chosen (or for anonymous callers). NOT_FOUND when the caller has no access to the chosen one, as every organization-level operation would answer; FORBIDDEN for a key scoped to another.',
  })
  async organization(@Parent() viewer: ViewerObject): Promise<ViewerOrganizationObject | null> {
    const principal = viewer.principal;
    if (principal.kind === 'anonymous') return null;
    const requested = viewer.requestedOrganizationId;
    if (principal.kind === 'apiKey' && principal.organizationId && requested && requested !== principal.organizationId) {
      throw forbidden('This API key is scoped to another organization.');
    }
    const organizationId = principal.kind === 'apiKey' && principal.organizationId ? principal.organizationId : requested;
    if (!organizationId) return null;
    const found = await this.units.read(principal.kind === 'user' ? { userId: principal.userId } : {}, (uow) =>
      this.tenants.organizationAccess(uow, principal, organizationId),
    );
    if (!found) throw notFound('Organization', organizationId);
    if (!found.uow) throw forbidden(`Organization ${organizationId} is being deleted.`);
    const permissions =
      principal.kind === 'apiKey'
        ? apiKeyPermissions('ORGANIZATION', principal.scopes)
        : organizationPermissions(found.agencyRole, found.roles);
    return {
      organizationId,
      agencyId: found.agencyId,
      agencyRole: found.agencyRole as AgencyRoleEnum | null,
      roles: found.roles as OrganizationRoleEnum[],
      permissions: [...permissions].sort(),
    };
  }
}
