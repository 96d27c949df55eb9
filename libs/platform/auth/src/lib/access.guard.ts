import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, notFound, unauthenticated, AppError } from '@socle/platform-graphql';
import { ACCESS_METADATA, AccessRule } from './access.decorator';
import { agencyPermissions, apiKeyPermissions, organizationPermissions, Permission, permissionSpec } from './permissions';
import { actorOf, RequestState, ResolvedAccess } from './request-context';
import { TENANT_ACCESS_RESOLVER, TenantAccessResolver } from './tenant-access';

export function requestStateOf(context: ExecutionContext): RequestState {
  const gql = GqlExecutionContext.create(context).getContext<{ state?: RequestState }>();
  if (!gql.state) throw new Error('request state missing: the GraphQL context factory did not run');
  return gql.state;
}

/**
 * The one guard on every resolver (registered globally). Fails closed: a
 * resolver without an access rule is refused. For tenant permissions it opens
 * the request's unit of work with the tenant set and the membership checked in
 * the same round trip, then checks the role -> permission matrix.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TENANT_ACCESS_RESOLVER) private readonly tenants: TenantAccessResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // REST routes (health, metrics) carry no tenant data
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`resolver ${context.getClass().name}.${context.getHandler().name} has no access rule`);
      throw forbidden('This operation has no access rule.');
    }
    if (rule.kind === 'public') return true;
    const state = requestStateOf(context);
    if (state.principal.kind === 'anonymous') throw unauthenticated();
    if (rule.kind === 'user') {
      if (state.principal.kind !== 'user') throw forbidden('This operation is for signed-in people, not API keys.');
      return true;
    }
    const access = await this.resolve(state, rule.permission);
    if (!access.permissions.has(rule.permission)) {
      await this.tenants
        .recordRefusal({
          principal: state.principal,
          permission: rule.permission,
          requestId: state.requestId,
          ...(access.level === 'ORGANIZATION'
            ? { organizationId: access.context.organizationId }
            : { agencyId: access.context.agencyId }),
        })
        .catch((error: unknown) => this.logger.error(`could not record a refusal: ${String(error)}`));
      throw forbidden(`Your access does not include ${rule.permission}.`);
    }
    return true;
  }

  private async resolve(state: RequestState, permission: Permission): Promise<ResolvedAccess> {
    const level = permissionSpec(permission).level;
    const principal = state.principal;
    const actor = actorOf(principal);
    if (level === 'ORGANIZATION') {
      const organizationId = principal.kind === 'apiKey' && principal.organizationId ? principal.organizationId : state.requestedOrganizationId;
      if (principal.kind === 'apiKey' && principal.organizationId && state.requestedOrganizationId && state.requestedOrganizationId !== principal.organizationId) {
        throw forbidden('This API key is scoped to another organization.');
      }
      if (!organizationId) {
        throw new AppError('BAD_USER_INPUT', 'This operation acts inside an organization: send its id in the X-Socle-Organization header.', { field: 'X-Socle-Organization' });
      }
      if (state.access) {
        if (state.access.level === 'ORGANIZATION' && state.access.context.organizationId === organizationId) return state.access;
        throw forbidden('One request acts at one level: split agency-level and organization-level operations.');
      }
      const found = await this.tenants.organizationAccess(state.uow, principal, organizationId);
      if (!found) throw notFound('Organization', organizationId);
      if (found.deletionPending) throw forbidden(`Organization ${organizationId} is being deleted.`);
      const permissions =
        principal.kind === 'apiKey' ? apiKeyPermissions('ORGANIZATION', principal.scopes) : organizationPermissions(found.agencyRole, found.roles);
      state.access = {
        level: 'ORGANIZATION',
        permissions,
        context: {
          uow: state.uow, actor, requestId: state.requestId, organizationId, agencyId: found.agencyId,
          agencyRole: found.agencyRole, organizationRoles: found.roles,
        },
      };
      return state.access;
    }
    if (principal.kind === 'apiKey' && principal.organizationId) throw forbidden('This API key is scoped to one organization; agency-level operations need an agency key.');
    if (state.access) {
      if (state.access.level === 'AGENCY') return state.access;
      throw forbidden('One request acts at one level: split agency-level and organization-level operations.');
    }
    const agencyId = principal.kind === 'apiKey' ? principal.agencyId : state.requestedAgencyId;
    const found = await this.tenants.agencyAccess(state.uow, principal, agencyId);
    if (!found) throw agencyId ? notFound('Agency', agencyId) : forbidden('You are not a member of any agency.');
    const permissions = principal.kind === 'apiKey' ? apiKeyPermissions('AGENCY', principal.scopes) : agencyPermissions(found.agencyRole);
    state.access = {
      level: 'AGENCY',
      permissions,
      context: { uow: state.uow, actor, requestId: state.requestId, agencyId: found.agencyId, agencyRole: found.agencyRole },
    };
    return state.access;
  }
}
