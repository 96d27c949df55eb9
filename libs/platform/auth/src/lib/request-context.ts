import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { AgencyRole, OrganizationRole, Permission } from './permissions';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; sessionId: string }
  | { kind: 'apiKey'; keyId: string; agencyId: string; organizationId: string | null; scopes: string[] };

/** Who did it, as the audit log records it. */
export interface Actor {
  type: 'USER' | 'API_KEY' | 'SYSTEM';
  id: string | null;
}

export function actorOf(principal: Principal): Actor {
  if (principal.kind === 'user') return { type: 'USER', id: principal.userId };
  if (principal.kind === 'apiKey') return { type: 'API_KEY', id: principal.keyId };
  return { type: 'SYSTEM', id: null };
}

/** What a service receives as its first argument: the transaction and who acts. */
export interface CallerContext {
  readonly uow: UnitOfWork;
  readonly actor: Actor;
  readonly requestId?: string;
}

/** A caller proven to act at agency level in this agency. The compiler demands the tenant. */
export interface AgencyContext extends CallerContext {
  readonly agencyId: string;
  readonly agencyRole: AgencyRole | null;
}

/**
 * A caller proven to act inside this organisation. The tenant lives in the unit
 * of work (set by the code that proved access); `organizationId` is read from
 * it (`organizationContext`), never given separately.
 */
export interface OrganizationContext extends CallerContext {
  readonly uow: OrganizationUnitOfWork;
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
  readonly agencyId: string;
  readonly agencyRole: AgencyRole | null;
  readonly organizationRoles: readonly OrganizationRole[];
}

/** Builds an organisation context whose tenant is the unit of work's own. */
export function organizationContext(
  uow: OrganizationUnitOfWork,
  rest: Omit<OrganizationContext, 'uow' | 'organizationId'>,
): OrganizationContext {
  return { ...rest, uow, organizationId: uow.organizationId };
}

/** A signed-in person acting on their own account (no tenant). */
export interface UserContext extends CallerContext {
  readonly userId: string;
}

export type ResolvedAccess =
  | { level: 'AGENCY'; context: AgencyContext; permissions: Set<Permission> }
  | { level: 'ORGANIZATION'; context: OrganizationContext; permissions: Set<Permission> };

/** What one GraphQL operation needs: all its root fields must need the same. */
export type AccessLevel = 'PUBLIC' | 'USER' | 'AGENCY' | 'ORGANIZATION';

/** A caller's rate-limit budget: requests per fixed window, shared by every API replica. */
export interface RateLimitState {
  /** Whose budget: one per person, per API key, or per address for anonymous callers. */
  bucket: 'USER' | 'API_KEY' | 'ANONYMOUS';
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
  windowSeconds: number;
}

/** Per-request state shared by the guard and the resolvers. */
export interface RequestState {
  requestId: string;
  ip: string;
  principal: Principal;
  /** From the X-Socle-Organization / X-Socle-Agency headers, already checked to be UUIDs. */
  requestedOrganizationId?: string;
  requestedAgencyId?: string;
  /** The request's one unit of work (opened lazily, closed when the response is sent). */
  uow: UnitOfWork;
  /**
   * The level the operation acts at, resolved once before any resolver runs
   * (`AccessResolution`); `access` holds the tenant and permissions it proved.
   */
  level?: AccessLevel;
  access?: ResolvedAccess;
  /**
   * The caller's rate-limit budget as this request left it (counted once, when the
   * request's state was built): the response headers, `extensions.cost` and `viewer` read it.
   */
  rateLimit?: RateLimitState;
  /** Per-request DataLoaders, by name. */
  loaders: Map<string, unknown>;
}
