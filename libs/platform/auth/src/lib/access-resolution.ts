import { Inject, Injectable } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import { AppError, forbidden, notFound, unauthenticated } from '@socle/platform-graphql';
import { ACCESS_METADATA, AccessRule } from './access.decorator';
import { agencyPermissions, apiKeyPermissions, organizationPermissions, permissionSpec } from './permissions';
import { AccessLevel, actorOf, organizationContext, RequestState } from './request-context';
import { TENANT_ACCESS_RESOLVER, TenantAccessResolver } from './tenant-access';

// @nestjs/graphql's metadata keys for @Query/@Mutation (its constants module is not among the package's exports).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';

export const ONE_LEVEL_MESSAGE = 'One request acts at one level: split agency-level and organization-level operations.';

/** The level a GraphQL operation's rule needs; null for rules that only HTTP routes may carry. */
export function levelOf(rule: AccessRule): AccessLevel | null {
  switch (rule.kind) {
    case 'public':
      return 'PUBLIC';
    case 'user':
      return 'USER';
    case 'permission':
      return permissionSpec(rule.permission).level;
    default:
      return null;
  }
}

/**
 * The access rule of every query, mutation and subscription, keyed
 * `Query.<field>` / `Mutation.<field>` / `Subscription.<field>`, read from the resolvers' metadata (`@Requires`,
 * `@SignedIn`, `@Public`; method rule first, then class rule). A field with no
 * rule maps to undefined.
 */
export function collectOperationRules(modules: ModulesContainer): Map<string, AccessRule | undefined> {
  const rules = new Map<string, AccessRule | undefined>();
  for (const module of modules.values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined | null;
      if (typeof type !== 'function' || !type.prototype) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        if (name === 'constructor') continue;
        const handler: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (kind !== 'Query' && kind !== 'Mutation' && kind !== 'Subscription') continue;
        const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? name;
        const rule = (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, type)) as
          AccessRule | undefined;
        rules.set(`${kind}.${field}`, rule);
      }
    }
  }
  return rules;
}

/**
 * Resolves a GraphQL operation's access once, before any of its resolvers runs:
 * every root field must need the same level (else FORBIDDEN, nothing runs);
 * for a tenant level the caller's membership is proven and the tenant entered
 * in the transaction's opening round trip. The per-resolver `AccessGuard` then
 * only checks each field's permission against what was resolved here.
 */
@Injectable()
export class AccessResolution {
  constructor(@Inject(TENANT_ACCESS_RESOLVER) private readonly tenants: TenantAccessResolver) {}

  async resolve(state: RequestState, rules: readonly (AccessRule | undefined)[]): Promise<void> {
    const levels = new Set<AccessLevel>();
    for (const rule of rules) {
      if (!rule) throw forbidden('This operation has no access rule.');
      const level = levelOf(rule);
      if (!level) throw forbidden('This operation has no access rule valid in GraphQL.');
      levels.add(level);
    }
    if (levels.size > 1) throw forbidden(ONE_LEVEL_MESSAGE);
    const [level] = [...levels];
    if (!level || level === 'PUBLIC') {
      state.level = 'PUBLIC';
      return;
    }
    const principal = state.principal;
    if (principal.kind === 'anonymous') throw unauthenticated();
    if (level === 'USER') {
      if (principal.kind !== 'user') throw forbidden('This operation is for signed-in people, not API keys.');
      state.level = 'USER';
      return;
    }
    if (level === 'ORGANIZATION') await this.enterOrganization(state);
    else await this.enterAgency(state);
    state.level = level;
  }

  private async enterOrganization(state: RequestState): Promise<void> {
    const principal = state.principal;
    const requested = state.requestedOrganizationId;
    if (principal.kind === 'apiKey' && principal.organizationId && requested && requested !== principal.organizationId) {
      throw forbidden('This API key is scoped to another organization.');
    }
    const organizationId = principal.kind === 'apiKey' && principal.organizationId ? principal.organizationId : requested;
    if (!organizationId) {
      throw new AppError('BAD_USER_INPUT', 'This operation acts inside an organization: send its id in the X-Socle-Organization header.', {
        field: 'X-Socle-Organization',
      });
    }
    const found = await this.tenants.organizationAccess(state.uow, principal, organizationId);
    if (!found) throw notFound('Organization', organizationId);
    if (!found.uow) throw forbidden(`Organization ${organizationId} is being deleted.`);
    const permissions =
      principal.kind === 'apiKey'
        ? apiKeyPermissions('ORGANIZATION', principal.scopes)
        : organizationPermissions(found.agencyRole, found.roles);
    state.access = {
      level: 'ORGANIZATION',
      permissions,
      context: organizationContext(found.uow, {
        actor: actorOf(principal),
        requestId: state.requestId,
        agencyId: found.agencyId,
        agencyRole: found.agencyRole,
        organizationRoles: found.roles,
      }),
    };
  }

  private async enterAgency(state: RequestState): Promise<void> {
    const principal = state.principal;
    if (principal.kind === 'apiKey' && principal.organizationId) {
      throw forbidden('This API key is scoped to one organization; agency-level operations need an agency key.');
    }
    const agencyId = principal.kind === 'apiKey' ? principal.agencyId : state.requestedAgencyId;
    const found = await this.tenants.agencyAccess(state.uow, principal, agencyId);
    if (!found) throw agencyId ? notFound('Agency', agencyId) : forbidden('You are not a member of any agency.');
    const permissions = principal.kind === 'apiKey' ? apiKeyPermissions('AGENCY', principal.scopes) : agencyPermissions(found.agencyRole);
    state.access = {
      level: 'AGENCY',
      permissions,
      context: {
        uow: state.uow,
        actor: actorOf(principal),
        requestId: state.requestId,
        agencyId: found.agencyId,
        agencyRole: found.agencyRole,
      },
    };
  }
}
