export { CommunityModule, CommunityModuleOptions, COMMUNITY_PARTS } from './lib/community.module';
export { NetworkAccountEntity, OAuthStateEntity, NetworkAccountStatus } from './lib/entities';
import { COMMUNITY_ENTITIES as ACCOUNT_ENTITIES } from './lib/entities';
export {
  CheckNetworkAccountJob,
  CheckNetworkAccountPayload,
  CheckNetworkAccountScheduler,
  COMMUNITY_QUEUE,
  CHECK_NETWORK_ACCOUNT_JOB,
} from './lib/check-network-account.job';
export { NetworkHealthService } from './lib/network-health.service';
export { CredentialVault } from './lib/credential-vault';
export { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, handleOf, keepRefreshSecrets, scrub } from './lib/connectors';
export { OAUTH_STATE_KIND } from './lib/network-account.service';
import { Community1764000000000 } from './lib/migrations/1764000000000-community';
import { OAuthClients1764600000000 } from './lib/migrations/1764600000000-oauth-clients';
import { RefreshLease1764800000900 } from './lib/migrations/1764800000900-refresh-lease';
import { NetworkAccountChoices1765000003100 } from './lib/migrations/1765000003100-network-account-choices';

import { COMMUNITY_PARTS } from './lib/community.module';

export const COMMUNITY_ENTITIES = [...ACCOUNT_ENTITIES, ...COMMUNITY_PARTS.flatMap((part) => part.entities)];
export const COMMUNITY_MIGRATIONS = [
  Community1764000000000,
  OAuthClients1764600000000,
  RefreshLease1764800000900,
  NetworkAccountChoices1765000003100,
  ...COMMUNITY_PARTS.flatMap((part) => part.migrations),
];
export { OAuthClients, OAuthClient } from './lib/oauth-clients';
export * from './lib/listening';
export * from './lib/inbox';
export * from './lib/metrics';
export * from './lib/authors';
export * from './lib/alerts';
export * from './lib/crisis-cell';
