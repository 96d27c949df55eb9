/**
 * Two roles, fixed names so migrations can grant to them:
 * - socle_owner owns the schema and runs migrations; it may bypass row-level
 *   security so the few SECURITY DEFINER look-ups that precede a tenant (login
 *   by email, API key by hash) can find their row.
 * - socle_app is what the API and the worker connect as: owns nothing, is not
 *   superuser and cannot bypass row-level security.
 */
export const OWNER_ROLE = 'socle_owner';
export const APP_ROLE = 'socle_app';
