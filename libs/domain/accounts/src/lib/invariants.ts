import { uniqueConstraintOf, type UnitOfWork } from '@socle/platform-database';
import { conflict } from '@socle/platform-errors';

/**
 * Rules PostgreSQL holds for accounts (constraint triggers, see the
 * AccountInvariants migration): checked at COMMIT by default, and by the
 * services right after their change, so that a violation is the operation's
 * CONFLICT and not a failed commit.
 */
const INVARIANTS = {
  agency_keeps_an_owner: { reason: 'LAST_OWNER', message: 'An agency keeps at least one owner: make someone else owner first.' },
  organization_keeps_a_strategy_lead: {
    reason: 'LAST_STRATEGY_LEAD',
    message: 'This is the last strategy lead of the organization: name another one first.',
  },
} as const;

export type AccountInvariant = keyof typeof INVARIANTS;

/** Whether `error` is PostgreSQL refusing `invariant` (SQLSTATE 23514 naming it). */
export function violates(error: unknown, invariant: AccountInvariant): boolean {
  const e = error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string };
  const d = e.driverError ?? e;
  return d.code === '23514' && d.constraint === invariant;
}

/** Whether `error` is PostgreSQL refusing a duplicate on the unique constraint (or primary key) `constraint`. */
export function violatesUnique(error: unknown, constraint: string): boolean {
  return uniqueConstraintOf(error) === constraint;
}

/**
 * Checks `invariant` now, in this transaction, for the changes made so far. The
 * check locks the tenant's row, so a concurrent change of the same tenant waits
 * for this transaction and then sees its outcome: of two racing requests, one
 * is refused here with CONFLICT (naming `field`), and nothing it did is kept.
 */
export async function enforceNow(uow: UnitOfWork, invariant: AccountInvariant, field: string): Promise<void> {
  try {
    await uow.query(`SET CONSTRAINTS ${invariant} IMMEDIATE`);
  } catch (error) {
    if (violates(error, invariant)) throw conflict(INVARIANTS[invariant].message, field, INVARIANTS[invariant].reason);
    throw error;
  }
}
