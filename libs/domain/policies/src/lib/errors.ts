import { DomainError } from '@socle/platform-errors';

/**
 * Reasons carried in `extensions.reason` next to BAD_USER_INPUT, for refusals
 * that depend on a policy's state rather than on the shape of the input.
 * Nothing is changed when they are raised.
 */
export type PolicyRefusal = 'INVALID_TRANSITION' | 'NOT_EDITABLE' | 'OPEN_VERSION_EXISTS' | 'NOT_PUBLISHED';

export function policyRefusal(reason: PolicyRefusal, field: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  const full = `${message} Nothing was changed.`;
  return new DomainError('BAD_USER_INPUT', full, { field, reason, problems: [{ field, message: full }], details: extra });
}
