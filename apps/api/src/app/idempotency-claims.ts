import type { RequestState } from '@socle/platform-auth';
import { IdempotencyScope, recordIdempotentAnswer } from '@socle/platform-graphql';

/** The key a request claimed (idempotency-plugin.ts), until its answer is kept just before its transaction commits. */
export const claims = new WeakMap<RequestState, { scope: IdempotencyScope; id: string }>();

/** Keeps the answer of the request's claimed key, if it claimed one: called in the request's transaction, before COMMIT. */
export async function keepIdempotentAnswer(state: RequestState, data: unknown): Promise<void> {
  const claim = claims.get(state);
  if (!claim) return;
  claims.delete(state);
  await recordIdempotentAnswer(state.uow, claim.scope, claim.id, data ?? null);
}
