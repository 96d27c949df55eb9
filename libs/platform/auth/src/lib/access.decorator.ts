import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const ACCESS_METADATA = 'socle:access';

export type AccessRule =
  | { kind: 'public'; reason?: string }
  | { kind: 'user' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'proof'; proof: string; reason: string };

/**
 * Open to anyone, signed in or not (sign-up, log-in, refresh, accepting an
 * invitation). An HTTP route must say why (`reason`): the route enumeration test
 * refuses a public route without one.
 */
export const Public = (reason?: string) =>
  SetMetadata(ACCESS_METADATA, { kind: 'public', ...(reason ? { reason } : {}) } satisfies AccessRule);

/**
 * An HTTP route whose request itself carries the proof of access (a signed
 * link, an OAuth state issued to an authorised caller): the route verifies it
 * before touching any tenant data. Not valid on GraphQL operations.
 */
export const AccessProvenBy = (proof: string, reason: string) =>
  SetMetadata(ACCESS_METADATA, { kind: 'proof', proof, reason } satisfies AccessRule);

/** Any signed-in person, acting on their own account. */
export const SignedIn = () => SetMetadata(ACCESS_METADATA, { kind: 'user' } satisfies AccessRule);

/** Needs this permission at its level (agency or organisation). */
export const Requires = (permission: Permission) => SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessRule);
