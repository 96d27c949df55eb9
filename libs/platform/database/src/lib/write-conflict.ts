/**
 * PostgreSQL's codes for a write that lost to another made at the same moment: a unique key taken meanwhile
 * (23505), a serialization failure (40001), a deadlock (40P01). Each module names its own keys where it checks
 * them first (a name already used, one open version); a race that passes the check still ends here.
 */
const CONFLICT_CODES = new Set(['23505', '40001', '40P01']);

/** Whether `error` (a TypeORM `QueryFailedError` or a pg error) says the write lost to a concurrent one. */
export function isConcurrentWriteConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const sqlState = typeof driverError?.code === 'string' ? driverError.code : code;
  return typeof sqlState === 'string' && CONFLICT_CODES.has(sqlState);
}

/** The unique key a write broke (its constraint's name, empty when PostgreSQL named none), or null when it failed otherwise. */
export function uniqueConstraintOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint, driverError } = error as {
    code?: unknown;
    constraint?: unknown;
    driverError?: { code?: unknown; constraint?: unknown };
  };
  if ((driverError?.code ?? code) !== '23505') return null;
  const name = driverError?.constraint ?? constraint;
  return typeof name === 'string' ? name : '';
}
