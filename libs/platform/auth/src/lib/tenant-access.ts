import type { UnitOfWork } from '@socle/platform-database';
import type { AgencyRole, OrganizationRole } from './permissions';
import type { Principal } from './request-context';

export interface OrganizationAccess {
  agencyId: string;
  agencyRole: AgencyRole | null;
  roles: OrganizationRole[];
  /** The organisation is being deleted: nothing may act inside it any more. */
  deletionPending: boolean;
}

export interface AgencyAccess {
  agencyId: string;
  agencyRole: AgencyRole | null;
}

/**
 * How the guard learns a caller's standing in a tenant. Implemented by the
 * accounts module, which owns memberships; each method opens the unit of work
 * with the tenant set and checks membership in that same round trip.
 */
export interface TenantAccessResolver {
  organizationAccess(uow: UnitOfWork, principal: Principal, organizationId: string): Promise<OrganizationAccess | null>;
  agencyAccess(uow: UnitOfWork, principal: Principal, agencyId: string | undefined): Promise<AgencyAccess | null>;
  /** Records a refused authorisation in the tenant's audit log, in its own transaction. */
  recordRefusal(event: { principal: Principal; organizationId?: string; agencyId?: string; permission: string; requestId: string }): Promise<void>;
}

export const TENANT_ACCESS_RESOLVER = Symbol('TENANT_ACCESS_RESOLVER');
