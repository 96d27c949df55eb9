import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Authenticator } from '@socle/accounts';
import {
  actorOf,
  Actor,
  agencyPermissions,
  AgencyRole,
  apiKeyPermissions,
  Permission,
  Principal,
  RATE_LIMITER,
  RateLimiter,
  TENANT_ACCESS_RESOLVER,
  TenantAccessResolver,
} from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { isUuid, UnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { badInput, forbidden, notFound, rateLimited, unauthenticated } from '@socle/platform-errors';

export const AGENCY_HEADER = 'x-socle-agency';

/** Who may act, in which agency; the unit of work that proved it is already closed. */
export interface ArchiveCaller {
  principal: Principal;
  actor: Actor;
  agencyId: string;
  agencyRole: AgencyRole | null;
}

/**
 * The archive routes' access: the same proof as a GraphQL operation (bearer access token or API key, the caller's
 * rate limit, membership proven as the transaction opens), then an agency-level permission held in the agency that
 * owns the organisation (export) or in the agency the caller names (import). Every refusal is a `DomainError`.
 */
@Injectable()
export class ArchiveHttpAccess {
  private readonly logger = new Logger('ArchiveAccess');

  constructor(
    private readonly config: SocleConfig,
    private readonly authenticator: Authenticator,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(TENANT_ACCESS_RESOLVER) private readonly tenants: TenantAccessResolver,
    private readonly units: UnitOfWorkFactory,
  ) {}

  /**
   * The organisation's agency, when the caller holds `permission` there. Someone who cannot see the organisation (another
   * agency's client, an unknown id) gets 404, as in GraphQL; a member of it without the permission gets 403.
   */
  async forOrganization(
    request: FastifyRequest,
    organizationId: string,
    permission: Permission,
    requestId: string,
  ): Promise<ArchiveCaller> {
    const principal = await this.principal(request);
    if (!isUuid(organizationId)) throw notFound('Organization');
    const uow = this.units.create(principal.kind === 'user' ? { userId: principal.userId } : {});
    uow.markReadOnly();
    try {
      const found = await this.tenants.organizationAccess(uow, principal, organizationId);
      if (!found) throw notFound('Organization', organizationId);
      if (!found.uow) throw forbidden(`Organization ${organizationId} is being deleted.`);
      await found.uow.commit();
      await this.check(principal, found.agencyRole, permission, requestId, { organizationId });
      return { principal, actor: actorOf(principal), agencyId: found.agencyId, agencyRole: found.agencyRole };
    } finally {
      if (uow.isOpen) await uow.rollback().catch(() => undefined);
    }
  }

  /** The agency named by `X-Socle-Agency` (a person's first agency without it; an agency key's own), when the caller holds `permission` there. */
  async forAgency(request: FastifyRequest, permission: Permission, requestId: string): Promise<ArchiveCaller> {
    const principal = await this.principal(request);
    const raw = request.headers[AGENCY_HEADER];
    const header = Array.isArray(raw) ? raw[0] : raw;
    if (header !== undefined && header !== '' && !isUuid(header)) throw badInput('X-Socle-Agency', 'must be an agency id (UUID)');
    if (principal.kind === 'apiKey' && principal.organizationId)
      throw forbidden('This API key is scoped to one organization; agency-level operations need an agency key.');
    const uow: UnitOfWork = this.units.create(principal.kind === 'user' ? { userId: principal.userId } : {});
    uow.markReadOnly();
    try {
      const requested = header ? header.toLowerCase() : undefined;
      const found = await this.tenants.agencyAccess(uow, principal, requested);
      if (!found) throw requested ? notFound('Agency', requested) : forbidden('You are not a member of any agency.');
      await uow.commit();
      await this.check(principal, found.agencyRole, permission, requestId, { agencyId: found.agencyId });
      return { principal, actor: actorOf(principal), agencyId: found.agencyId, agencyRole: found.agencyRole };
    } finally {
      if (uow.isOpen) await uow.rollback().catch(() => undefined);
    }
  }

  private async principal(request: FastifyRequest): Promise<Principal> {
    const principal = await this.authenticator.authenticate(request);
    if (principal.kind === 'anonymous') throw unauthenticated();
    const [bucket, limit] =
      principal.kind === 'user'
        ? [`user:${principal.userId}`, this.config.RATE_LIMIT_USER_PER_MINUTE]
        : [`key:${principal.keyId}`, this.config.RATE_LIMIT_API_KEY_PER_MINUTE];
    const limited = await this.limiter.hit(bucket, limit);
    if (!limited.allowed) throw rateLimited(limited.retryAfterSeconds);
    return principal;
  }

  private async check(
    principal: Principal,
    agencyRole: AgencyRole | null,
    permission: Permission,
    requestId: string,
    tenant: { organizationId?: string; agencyId?: string },
  ): Promise<void> {
    const permissions = principal.kind === 'apiKey' ? apiKeyPermissions('AGENCY', principal.scopes) : agencyPermissions(agencyRole);
    if (permissions.has(permission)) return;
    await this.tenants
      .recordRefusal({ principal, permission, requestId, ...tenant })
      .catch((error: unknown) => this.logger.error(`could not record a refusal: ${String(error)}`));
    throw forbidden(`Your access does not include ${permission}.`);
  }
}
