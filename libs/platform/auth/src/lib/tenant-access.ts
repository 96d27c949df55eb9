import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { AgencyRole, OrganizationRole } from './permissions';
import type { Principal } from './request-context';

export interface OrganizationAccess {
  agencyId: string;
  agencyRole: AgencyRole | null;
  roles: OrganizationRole[];
  /**
   * The request's unit of work, now inside the organisation: present only when
   * access was proven and the organisation is active (one being deleted is not
   * entered: nothing may act inside it any more).
   */
  uow: OrganizationUnitOfWork | null;
}

export interface AgencyAccess {
  agencyId: string;
  agencyRole: AgencyRole | null;
}

/**
 * How the access resolution learns a caller's standing in a tenant. Implemented
 * by the accounts module, which owns memberships; each method opens the (not yet
 * opened) unit of work with a probe that proves the membership first and sets
 * the tenant only then, in the same round trip. A failed proof leaves no tenant.
 */
export interface TenantAccessResolver {
  organizationAccess(uow: UnitOfWork, principal: Principal, organizationId: string): Promise<OrganizationAccess | null>;
  agencyAccess(uow: UnitOfWork, principal: Principal, agencyId: string | undefined): Promise<AgencyAccess | null>;
  /** Records a refused authorisation in the tenant's audit log, in its own transaction. */
  recordRefusal(event: {
    principal: Principal;
    organizationId?: string;
    agencyId?: string;
    permission: string;
    requestId: string;
  }): Promise<void>;
}

export const TENANT_ACCESS_RESOLVER = Symbol('TENANT_ACCESS_RESOLVER');
