/** The latest time a JavaScript date holds (year 275760); PostgreSQL's `timestamptz` holds it too. */
const LATEST_DATE_MS = 8.64e15;

/**
 * When credentials a network issued with a lifetime of `seconds` expire, as an ISO time: the network's
 * `expires_in` is remote input, so a lifetime that is not a positive finite number, or one that ends past
 * the latest date a date can hold, gives no expiry (undefined: the credentials are used until the network
 * refuses them) instead of throwing a RangeError from `toISOString`.
 */
export function expiryAfter(now: Date, seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const at = now.getTime() + seconds * 1000;
  return Number.isFinite(at) && at <= LATEST_DATE_MS ? new Date(at).toISOString() : undefined;
}

/** A credentials' `expiresAt` as a date, or null when it names none or no valid time (a connector's output is not trusted). */
export function expiryDate(expiresAt: unknown): Date | null {
  if (typeof expiresAt !== 'string' || !expiresAt) return null;
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) ? new Date(at) : null;
}
