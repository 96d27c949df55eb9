import { uniqueConstraintOf } from '@socle/platform-database';
import { conflict } from '@socle/platform-errors';

/** Uniqueness is decided by the database; a violation of `constraint` becomes CONFLICT naming the field. */
export async function uniqueOr<T>(work: () => Promise<T>, constraint: string, field: string, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueConstraintOf(error) === constraint) throw conflict(message, field);
    throw error;
  }
}
