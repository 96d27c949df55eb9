import { createHash } from 'node:crypto';
import type { UnitOfWork } from '@socle/platform-database';
import { AppError } from './errors';

/** How long a key keeps its answer: a retry within a day gets the first answer, a key used again later runs anew. */
export const IDEMPOTENCY_KEY_HOURS = 24;
/** The HTTP header a client sends its key in (as in the IETF Idempotency-Key draft, Stripe and Shopify). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** The header an answer carries when it is the stored answer of an earlier request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** Where a key applies: the agency, the client organisation the mutation acts in (none for an agency-level one), the caller. */
export interface IdempotencyScope {
  agencyId: string;
  organizationId?: string;
  callerId: string;
}

/** What a key holds once claimed: its own new row (run the mutation), or the answer of the request that used it first. */
export type IdempotencyClaim = { kind: 'claimed'; id: string } | { kind: 'replay'; answer: unknown };

function refuse(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { field: 'Idempotency-Key', http: { status: 422 } });
}

/** The key as sent, checked: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
export function readIdempotencyKey(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  if (!KEY_SHAPE.test(value)) throw refuse('The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID, for example).');
  return value;
}

/** The request a key stands for: the operation's text, its name and its variables. */
export function requestFingerprint(query: string, operationName: string | null | undefined, variables: unknown): Buffer {
  return createHash('sha256')
    .update(JSON.stringify([query, operationName ?? null, variables ?? {}]))
    .digest();
}

/**
 * Claims a key in the request's transaction. A second request with the same key waits on the unique key until the first
 * one's transaction ends: if it committed, the second gets its answer; if it rolled back (the mutation failed, so nothing
 * of it stayed), the second runs. A key used for another request within the day is refused.
 */
export async function claimIdempotencyKey(
  uow: UnitOfWork,
  scope: IdempotencyScope,
  key: string,
  fingerprint: Buffer,
): Promise<IdempotencyClaim> {
  const scopeId = scope.organizationId ?? scope.agencyId;
  const params = [scope.agencyId, scope.organizationId ?? null, scopeId, scope.callerId, key];
  // A day-old answer is forgotten (this key, and a few more of the tenant's on the way).
  await uow.query(
    `DELETE FROM idempotency_keys WHERE agency_id = $1 AND (agency_id, id) IN (
       SELECT agency_id, id FROM idempotency_keys
        WHERE agency_id = $1 AND created_at < now() - make_interval(hours => $2) ORDER BY created_at LIMIT 20)`,
    [scope.agencyId, IDEMPOTENCY_KEY_HOURS],
  );
  const [inserted] = await uow.query<{ id: string }>(
    `WITH claimed AS (
       INSERT INTO idempotency_keys (agency_id, scope_organization_id, scope_id, caller_id, key, fingerprint)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agency_id, scope_id, caller_id, key) DO NOTHING
       RETURNING id)
     SELECT id FROM claimed`,
    [...params, fingerprint],
  );
  if (inserted) return { kind: 'claimed', id: inserted.id };
  const [earlier] = await uow.query<{ fingerprint: Buffer; answer: unknown; fresh: boolean }>(
    `SELECT fingerprint, answer, created_at >= now() - make_interval(hours => $6) AS fresh FROM idempotency_keys
      WHERE agency_id = $1 AND scope_id = $3 AND caller_id = $4 AND key = $5 AND scope_organization_id IS NOT DISTINCT FROM $2`,
    [...params, IDEMPOTENCY_KEY_HOURS],
  );
  if (!earlier) throw refuse('The earlier request with this Idempotency-Key has just been forgotten: send this one again.');
  if (!earlier.fingerprint.equals(fingerprint)) {
    throw refuse('This Idempotency-Key was used for another request (another operation or other variables): use a new key per request.');
  }
  return { kind: 'replay', answer: earlier.answer };
}

/** Keeps the answer of a claimed key, in the same transaction as the mutation (so both stay, or neither). */
export async function recordIdempotentAnswer(uow: UnitOfWork, scope: IdempotencyScope, id: string, answer: unknown): Promise<void> {
  await uow.query('UPDATE idempotency_keys SET answer = $3 WHERE agency_id = $1 AND id = $2', [scope.agencyId, id, JSON.stringify(answer)]);
}
