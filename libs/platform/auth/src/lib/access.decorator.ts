import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const ACCESS_METADATA = 'socle:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'permission'; permission: Permission };

/** Open to anyone, signed in or not (sign-up, log-in, refresh, accepting an invitation). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in person, acting on their own account. */
export const SignedIn = () => SetMetadata(ACCESS_METADATA, { kind: 'user' } satisfies AccessRule);

/** Needs this permission at its level (agency or organisation). */
export const Requires = (permission: Permission) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessRule);
