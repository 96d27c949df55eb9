import { conflict } from '@socle/platform-errors';

/** Uniqueness is decided by the database; a violation of `constraint` becomes CONFLICT naming the field. */
export async function uniqueOr<T>(work: () => Promise<T>, constraint: string, field: string, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string };
    const d = e.driverError ?? e;
    if (d.code === '23505' && d.constraint === constraint) throw conflict(message, field);
    throw error;
  }
}
