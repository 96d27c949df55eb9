import { Injectable, Logger } from '@nestjs/common';
import {
  actorOf,
  AgencyAccess,
  AgencyRole,
  OrganizationAccess,
  OrganizationRole,
  Principal,
  TenantAccessResolver,
} from '@socle/platform-auth';
import { UnitOfWork, UnitOfWorkFactory, uuidLiteral } from '@socle/platform-database';
import { AuditRepository } from './repositories';

/**
 * Resolves a caller's standing in a tenant while opening the request's
 * transaction: BEGIN, the caller's own settings and the membership probe travel
 * in one round trip, and the probe sets the tenant only once the membership is
 * proven. Only validated UUIDs are inlined into that statement.
 */
@Injectable()
export class TenantAccessService implements TenantAccessResolver {
  private readonly logger = new Logger('TenantAccess');

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly audit: AuditRepository,
  ) {}

  async organizationAccess(uow: UnitOfWork, principal: Principal, organizationId: string): Promise<OrganizationAccess | null> {
    // The function proves the membership first and only then sets the tenant (see its migration).
    const keyAgency = principal.kind === 'apiKey' ? uuidLiteral(principal.agencyId) : 'NULL';
    if (principal.kind !== 'user' && principal.kind !== 'apiKey') return null;
    const { uow: entered, row } = await uow.enterOrganization(
      organizationId,
      `SELECT * FROM socle_enter_organization(${uuidLiteral(organizationId)}, ${keyAgency})`,
    );
    if (!row) return null;
    return {
      agencyId: row.agency_id as string,
      agencyRole: (row.agency_role as AgencyRole | null) ?? null,
      roles: (row.roles as OrganizationRole[] | null) ?? [],
      uow: entered,
    };
  }

  async agencyAccess(uow: UnitOfWork, principal: Principal, agencyId: string | undefined): Promise<AgencyAccess | null> {
    if (principal.kind === 'apiKey') {
      // The key's agency was proven when the key was authenticated.
      await uow.rescope({ agencyId: principal.agencyId });
      await uow.open();
      return { agencyId: principal.agencyId, agencyRole: null };
    }
    if (principal.kind !== 'user') return null;
    const user = uuidLiteral(principal.userId);
    // The agency is set by the statement that finds the membership, and only when it does; its own
    // membership rows are visible to the user without any tenant. The first agency when none is named.
    const which = agencyId ? `agency_id = ${uuidLiteral(agencyId)}` : 'true';
    const membership = `FROM agency_memberships WHERE user_id = ${user} AND ${which} ORDER BY created_at, agency_id LIMIT 1`;
    const [row] = await uow.open(
      `SELECT set_config('socle.agency_id', coalesce((SELECT agency_id::text ${membership}), ''), true);
       SELECT agency_id, role ${membership}`,
    );
    return row ? { agencyId: row.agency_id as string, agencyRole: row.role as AgencyRole } : null;
  }

  async recordRefusal(event: {
    principal: Principal;
    organizationId?: string;
    agencyId?: string;
    permission: string;
    requestId: string;
  }): Promise<void> {
    const actor = actorOf(event.principal);
    const entry = { action: 'authorization.refused', metadata: { permission: event.permission } };
    // Its own transaction: the request's is rolled back with the refusal.
    if (event.organizationId) {
      const organizationId = event.organizationId;
      // Access to it was resolved (a refusal is of a permission inside it); its own transaction.
      await this.units.runInOrganization(organizationId, (uow) => this.audit.recordInOrganization(uow, actor, entry, event.requestId));
    } else if (event.agencyId) {
      const agencyId = event.agencyId;
      await this.units.run({ agencyId }, (uow) => this.audit.recordInAgency(uow, agencyId, actor, entry, event.requestId));
    } else {
      this.logger.warn(`refused ${event.permission} for ${actor.type} ${actor.id ?? ''}`);
    }
  }
}
