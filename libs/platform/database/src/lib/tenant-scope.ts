/**
 * Who is acting and in which tenant. The database reads these three values
 * through `socle_current_*()` functions in every row-level security policy;
 * a value that is not set makes those functions return NULL, so a query
 * without tenant context sees nothing.
 */
export interface TenantScope {
  userId?: string;
  agencyId?: string;
  organizationId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * A UUID as an SQL literal. Only strictly validated UUIDs are ever inlined,
 * which is what lets the tenant be set in the same round trip as BEGIN.
 */
export function uuidLiteral(value: string): string {
  if (!isUuid(value)) throw new Error('not a UUID');
  return `'${value.toLowerCase()}'`;
}

export const TENANT_SETTINGS = {
  userId: 'socle.user_id',
  agencyId: 'socle.agency_id',
  organizationId: 'socle.organization_id',
} as const;

/** `SELECT set_config(...)` for each value of the scope, transaction-local. */
export function setScopeSql(scope: TenantScope): string {
  const parts = (Object.keys(TENANT_SETTINGS) as (keyof TenantScope)[])
    .filter((key) => scope[key] !== undefined)
    .map((key) => `set_config('${TENANT_SETTINGS[key]}', ${uuidLiteral(scope[key] as string)}, true)`);
  return parts.length > 0 ? `SELECT ${parts.join(', ')}` : 'SELECT 1';
}
