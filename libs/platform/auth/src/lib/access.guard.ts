import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '@socle/platform-graphql';
import { ACCESS_METADATA, AccessRule } from './access.decorator';
import { permissionSpec } from './permissions';
import { RequestState } from './request-context';
import { TENANT_ACCESS_RESOLVER, TenantAccessResolver } from './tenant-access';

export function requestStateOf(context: ExecutionContext): RequestState {
  const gql = GqlExecutionContext.create(context).getContext<{ state?: RequestState }>();
  if (!gql.state) throw new Error('request state missing: the GraphQL context factory did not run');
  return gql.state;
}

/** Whether an HTTP route's declared rule lets a request through (the route then checks its own proof). */
export function routeRuleAdmits(rule: AccessRule | undefined): boolean {
  return rule?.kind === 'public' || rule?.kind === 'proof';
}

/**
 * The one guard on every resolver and every HTTP route (registered globally).
 * Fails closed: a resolver or route without an access rule is refused. HTTP
 * routes must be `@Public(reason)` or `@AccessProvenBy(proof, reason)`. For
 * GraphQL, the operation's level and tenant were resolved once before any
 * resolver ran (`AccessResolution`); here each field's permission is checked
 * against what was resolved.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TENANT_ACCESS_RESOLVER) private readonly tenants: TenantAccessResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (context.getType<string>() !== 'graphql') {
      if (routeRuleAdmits(rule)) return true;
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} has no access rule`);
      throw new ForbiddenException('This route has no access rule.');
    }
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
    if (rule.kind !== 'permission') throw forbidden('This operation has no access rule valid in GraphQL.');
    const access = state.access;
    // Resolved once per operation before any resolver; anything else is refused rather than resolved here.
    if (!access || access.level !== permissionSpec(rule.permission).level || state.level !== access.level) {
      throw forbidden('The access of this operation was not resolved.');
    }
    if (!access.permissions.has(rule.permission)) {
      await this.tenants
        .recordRefusal({
          principal: state.principal,
          permission: rule.permission,
          requestId: state.requestId,
          ...(access.level === 'ORGANIZATION' ? { organizationId: access.context.organizationId } : { agencyId: access.context.agencyId }),
        })
        .catch((error: unknown) => this.logger.error(`could not record a refusal: ${String(error)}`));
      throw forbidden(`Your access does not include ${rule.permission}.`);
    }
    return true;
  }
}
