import { Injectable, Logger } from '@nestjs/common';
import {
  actorOf, AgencyAccess, AgencyRole, OrganizationAccess, OrganizationRole, Principal, TenantAccessResolver,
} from '@socle/platform-auth';
import { UnitOfWork, UnitOfWorkFactory, uuidLiteral } from '@socle/platform-database';
import { AuditRepository } from './repositories';

/**
 * Resolves a caller's standing in a tenant while opening the request's
 * transaction: BEGIN, the tenant settings and the membership look-up travel in
 * one round trip. Only validated UUIDs are inlined into that statement.
 */
@Injectable()
export class TenantAccessService implements TenantAccessResolver {
  private readonly logger = new Logger('TenantAccess');

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly audit: AuditRepository,
  ) {}

  async organizationAccess(uow: UnitOfWork, principal: Principal, organizationId: string): Promise<OrganizationAccess | null> {
    const org = uuidLiteral(organizationId);
    if (principal.kind === 'user') {
      await uow.rescope({ userId: principal.userId, organizationId });
      const [row] = await uow.open('SELECT * FROM socle_organization_access()');
      if (!row) return null;
      const agencyRole = row.agency_role as AgencyRole | null;
      const roles = (row.roles as OrganizationRole[] | null) ?? [];
      // Agency members (not owners or admins) and client staff act only where they hold a membership.
      const viaAgency = agencyRole === 'OWNER' || agencyRole === 'ADMIN';
      if (!viaAgency && roles.length === 0) return null;
      return { agencyId: row.agency_id as string, agencyRole: viaAgency ? agencyRole : null, roles, deletionPending: row.status !== 'ACTIVE' };
    }
    if (principal.kind === 'apiKey') {
      await uow.rescope({ organizationId });
      const [row] = await uow.open(`SELECT o.agency_id, o.status FROM organizations o WHERE o.id = ${org}`);
      if (!row || row.agency_id !== principal.agencyId) return null;
      return { agencyId: principal.agencyId, agencyRole: null, roles: [], deletionPending: row.status !== 'ACTIVE' };
    }
    return null;
  }

  async agencyAccess(uow: UnitOfWork, principal: Principal, agencyId: string | undefined): Promise<AgencyAccess | null> {
    if (principal.kind === 'apiKey') {
      await uow.rescope({ agencyId: principal.agencyId });
      await uow.open();
      return { agencyId: principal.agencyId, agencyRole: null };
    }
    if (principal.kind !== 'user') return null;
    const user = uuidLiteral(principal.userId);
    if (!agencyId) {
      // No agency named: the person's first agency (X-Socle-Agency picks another), chosen in the same round trip.
      await uow.rescope({ userId: principal.userId });
      const [row] = await uow.open(
        `SELECT set_config('socle.agency_id', coalesce((SELECT agency_id::text FROM agency_memberships WHERE user_id = ${user}
           ORDER BY created_at, agency_id LIMIT 1), ''), true);
         SELECT agency_id, role FROM agency_memberships WHERE user_id = ${user} ORDER BY created_at, agency_id LIMIT 1`,
      );
      return row ? { agencyId: row.agency_id as string, agencyRole: row.role as AgencyRole } : null;
    }
    await uow.rescope({ userId: principal.userId, agencyId });
    const [row] = await uow.open(`SELECT role FROM agency_memberships WHERE agency_id = ${uuidLiteral(agencyId)} AND user_id = ${user}`);
    if (!row) return null;
    return { agencyId, agencyRole: row.role as AgencyRole };
  }

  async recordRefusal(event: { principal: Principal; organizationId?: string; agencyId?: string; permission: string; requestId: string }): Promise<void> {
    const actor = actorOf(event.principal);
    const entry = { action: 'authorization.refused', metadata: { permission: event.permission } };
    // Its own transaction: the request's is rolled back with the refusal.
    if (event.organizationId) {
      const organizationId = event.organizationId;
      await this.units.run({ organizationId }, (uow) => this.audit.recordInOrganization(uow, organizationId, actor, entry, event.requestId));
    } else if (event.agencyId) {
      const agencyId = event.agencyId;
      await this.units.run({ agencyId }, (uow) => this.audit.recordInAgency(uow, agencyId, actor, entry, event.requestId));
    } else {
      this.logger.warn(`refused ${event.permission} for ${actor.type} ${actor.id ?? ''}`);
    }
  }
}
