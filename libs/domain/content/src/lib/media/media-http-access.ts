import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Authenticator } from '@socle/accounts';
import {
  actorOf,
  apiKeyPermissions,
  OrganizationContext,
  organizationContext,
  organizationPermissions,
  Permission,
  RATE_LIMITER,
  RateLimiter,
  TENANT_ACCESS_RESOLVER,
  TenantAccessResolver,
} from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { isUuid, UnitOfWorkFactory } from '@socle/platform-database';
import { badInput, forbidden, notFound, rateLimited, unauthenticated } from '@socle/platform-errors';

export const ORGANIZATION_HEADER = 'x-socle-organization';

/**
 * The media routes' access: the same proof as a GraphQL operation inside an
 * organisation (bearer access token or API key, the rate limit of the caller,
 * the organisation from `X-Socle-Organization` or the key's scope, membership
 * proven as the transaction opens, then the permission). Every refusal is a
 * `DomainError`; the caller closes the returned context's unit of work.
 */
@Injectable()
export class MediaHttpAccess {
  private readonly logger = new Logger('MediaAccess');

  constructor(
    private readonly config: SocleConfig,
    private readonly authenticator: Authenticator,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(TENANT_ACCESS_RESOLVER) private readonly tenants: TenantAccessResolver,
    private readonly units: UnitOfWorkFactory,
  ) {}

  async enter(
    request: FastifyRequest,
    permission: Permission,
    options: { requestId: string; readOnly?: boolean },
  ): Promise<OrganizationContext> {
    const principal = await this.authenticator.authenticate(request);
    if (principal.kind === 'anonymous') throw unauthenticated();
    const [bucket, limit] =
      principal.kind === 'user'
        ? [`user:${principal.userId}`, this.config.RATE_LIMIT_USER_PER_MINUTE]
        : [`key:${principal.keyId}`, this.config.RATE_LIMIT_API_KEY_PER_MINUTE];
    const limited = await this.limiter.hit(bucket, limit);
    if (!limited.allowed) throw rateLimited(limited.retryAfterSeconds);

    const raw = request.headers[ORGANIZATION_HEADER];
    const header = Array.isArray(raw) ? raw[0] : raw;
    if (header !== undefined && header !== '' && !isUuid(header))
      throw badInput('X-Socle-Organization', 'must be an organization id (UUID)');
    const requested = header ? header.toLowerCase() : undefined;
    if (principal.kind === 'apiKey' && principal.organizationId && requested && requested !== principal.organizationId) {
      throw forbidden('This API key is scoped to another organization.');
    }
    const organizationId = principal.kind === 'apiKey' && principal.organizationId ? principal.organizationId : requested;
    if (!organizationId) throw badInput('X-Socle-Organization', 'send the id of the organization the media library belongs to');

    const uow = this.units.create(principal.kind === 'user' ? { userId: principal.userId } : {});
    if (options.readOnly) uow.markReadOnly();
    try {
      const found = await this.tenants.organizationAccess(uow, principal, organizationId);
      if (!found) throw notFound('Organization', organizationId);
      if (!found.uow) throw forbidden(`Organization ${organizationId} is being deleted.`);
      const permissions =
        principal.kind === 'apiKey'
          ? apiKeyPermissions('ORGANIZATION', principal.scopes)
          : organizationPermissions(found.agencyRole, found.roles);
      if (!permissions.has(permission)) {
        await this.tenants
          .recordRefusal({ principal, permission, requestId: options.requestId, organizationId })
          .catch((error: unknown) => this.logger.error(`could not record a refusal: ${String(error)}`));
        throw forbidden(`Your access does not include ${permission}.`);
      }
      return organizationContext(found.uow, {
        actor: actorOf(principal),
        requestId: options.requestId,
        agencyId: found.agencyId,
        agencyRole: found.agencyRole,
        organizationRoles: found.roles,
      });
    } catch (error) {
      if (uow.isOpen) await uow.rollback().catch(() => undefined);
      throw error;
    }
  }
}
