export { AccountsModule } from './lib/accounts.module';
export { ACCOUNTS_ENTITIES } from './lib/entities';
export { Authenticator } from './lib/authenticator';
export { AuthService } from './lib/auth.service';
export { PurgeOrganizationJob, PurgeOrganizationPayload } from './lib/purge-organization.job';
export { ACCOUNTS_QUEUE, PURGE_ORGANIZATION_JOB } from './lib/purge-organization.scheduler';
import { Accounts1763860000000 } from './lib/migrations/1763860000000-accounts';
import { UsersPolicy1764100000000 } from './lib/migrations/1764100000000-users-policy';
import { AccessProbe1764200000000 } from './lib/migrations/1764200000000-access-probe';
import { EnterTenant1764710000000 } from './lib/migrations/1764710000000-enter-tenant';
import { PendingInvitations1765000002100 } from './lib/migrations/1765000002100-pending-invitations';
import { PasswordResets1765000002610 } from './lib/migrations/1765000002610-password-resets';
import { ApiKeyModuleScopes1765000002900 } from './lib/migrations/1765000002900-api-key-module-scopes';

export const ACCOUNTS_MIGRATIONS = [
  Accounts1763860000000,
  UsersPolicy1764100000000,
  AccessProbe1764200000000,
  EnterTenant1764710000000,
  PendingInvitations1765000002100,
  PasswordResets1765000002610,
  ApiKeyModuleScopes1765000002900,
];
export { AccountInvariants1764720000000 } from './lib/migrations/1764720000000-account-invariants';
export { AuditRepository, AuditEntry, OrganizationRepository } from './lib/repositories';
export { issueToken, parseToken } from './lib/tokens';
export { PASSWORD_RESET_LINK_INVALID } from './lib/password-reset.service';
export { LocaleEnum, OrganizationRoleEnum } from './lib/dto/objects';
export { ActorTypeEnum } from './lib/dto/objects';
