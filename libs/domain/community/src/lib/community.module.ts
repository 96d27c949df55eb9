import { WebhookEvents } from '@socle/platform-webhooks';
import { OAuthClientStore } from './oauth-clients';
import { DynamicModule, Module, OnModuleInit, Provider } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import {
  ConnectorContext,
  createHttpClient,
  loadConnectorsFromConfig,
  parseConnectorModuleOptions,
  OutboundGuard,
  parseAddressRanges,
  parseConnectorModuleList,
} from '@socle/connector-sdk';
import { CONTENT_PUBLISHER, NETWORK_TARGETS, PublicationRepository, PublicationWakeups, ReconnectRelease } from '@socle/content';
import { SocleConfig } from '@socle/platform-config';
import { SecretBox } from '@socle/platform-crypto';
import { EvidenceRegistry } from '@socle/platform-evidence';
import type { ModulePart } from '@socle/platform-database';
import { CheckNetworkAccountJob, CheckNetworkAccountScheduler } from './check-network-account.job';
import { ACCOUNTS_CONNECTED_KEY, communityEvidenceProvider } from './community-evidence';
import { connectorLogger } from './connector-logger';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY } from './connectors';
import { CredentialVault, SECRET_BOX } from './credential-vault';
import { NetworkAccountResolver } from './network-account.resolver';
import { NetworkAccountService } from './network-account.service';
import { INBOX_PART } from './inbox/inbox.part';
import { inboxEvidenceProvider, RESPONSE_TIME_KEY } from './inbox/inbox-evidence';
import { LISTENING_PART } from './listening/listening.part';
import { METRICS_PART } from './metrics/metrics.part';
import { AUTHORS_PART } from './authors/authors.part';
import { ALERTS_PART } from './alerts/alerts.part';
import { CRISIS_CELL_PART } from './crisis-cell/crisis-cell.part';
import { NetworkHealthService } from './network-health.service';
import { CommunityNetworkTargets } from './network-targets';
import { CommunityPublisher } from './publisher';
import { OAuthCallbackController } from './oauth-callback.controller';
import { NetworkAccountRepository } from './repositories';

/** The outbound guard the configuration asks for; a malformed range stops the process, named. */
function outboundGuardOf(config: SocleConfig): OutboundGuard {
  try {
    return new OutboundGuard({ allowedRanges: parseAddressRanges(config.OUTBOUND_ALLOWED_RANGES) });
  } catch (error) {
    throw new Error(`OUTBOUND_ALLOWED_RANGES: ${(error as Error).message}`);
  }
}

export interface CommunityModuleOptions {
  /** Serve the GraphQL resolvers and the OAuth callback (the API); the worker runs the jobs only. */
  http?: boolean;
  /** Run the jobs of the parts (the worker). */
  worker?: boolean;
}

/**
 * The parts beyond connected accounts, in dependency order: listening (queries, mentions, search), the inbox,
 * metric samples, mention authors, crisis alerts.
 */
export const COMMUNITY_PARTS: readonly ModulePart[] = [
  LISTENING_PART,
  INBOX_PART,
  METRICS_PART,
  AUTHORS_PART,
  ALERTS_PART,
  CRISIS_CELL_PART,
];

/** Connected network accounts: connectors from configuration, sealed credentials, health checks. */
@Module({})
export class CommunityModule implements OnModuleInit {
  constructor(private readonly evidence: EvidenceRegistry) {}

  /** Registers the community evidence (seed 002, step 3) in the API and in the worker. */
  onModuleInit(): void {
    if (!this.evidence.has(ACCOUNTS_CONNECTED_KEY)) this.evidence.register(communityEvidenceProvider);
    if (!this.evidence.has(RESPONSE_TIME_KEY)) this.evidence.register(inboxEvidenceProvider);
  }

  static forRoot(options: CommunityModuleOptions = {}): DynamicModule {
    const parts = (pick: (part: ModulePart) => Provider[]) => COMMUNITY_PARTS.flatMap(pick);
    return {
      module: CommunityModule,
      controllers: options.http ? [OAuthCallbackController, ...COMMUNITY_PARTS.flatMap((part) => part.controllers ?? [])] : [],
      providers: [
        {
          provide: SECRET_BOX,
          inject: [SocleConfig],
          useFactory: (config: SocleConfig) => SecretBox.fromConfig(config.ENCRYPTION_KEYS, config.ENCRYPTION_ACTIVE_KEY),
        },
        {
          provide: CONNECTOR_REGISTRY,
          inject: [SocleConfig],
          useFactory: (config: SocleConfig) =>
            loadConnectorsFromConfig(parseConnectorModuleList(config.CONNECTORS), {
              searchPaths: config.CONNECTOR_DIR ? [config.CONNECTOR_DIR] : [],
              moduleOptions: parseConnectorModuleOptions(config.CONNECTOR_OPTIONS),
            }),
        },
        {
          provide: CONNECTOR_CONTEXT,
          inject: [SocleConfig],
          // One guarded client for every call made for a tenant, in the API and in the worker alike.
          useFactory: (config: SocleConfig): ConnectorContext => ({
            http: createHttpClient({ timeoutMs: config.CONNECTOR_TIMEOUT_MS, userAgent: 'Socle', outbound: outboundGuardOf(config) }),
            logger: connectorLogger(),
          }),
        },
        AuditRepository,
        NetworkAccountRepository,
        CredentialVault,
        OAuthClientStore,
        NetworkAccountService,
        NetworkHealthService,
        WebhookEvents,
        CheckNetworkAccountScheduler,
        CheckNetworkAccountJob,
        CommunityNetworkTargets,
        { provide: NETWORK_TARGETS, useExisting: CommunityNetworkTargets },
        CommunityPublisher,
        { provide: CONTENT_PUBLISHER, useExisting: CommunityPublisher },
        // A reconnect releases the account's held publications (their table belongs to the content module).
        PublicationRepository,
        PublicationWakeups,
        ReconnectRelease,
        ...(options.http ? [NetworkAccountResolver] : []),
        ...parts((part) => part.providers),
        ...(options.http ? parts((part) => part.resolvers) : []),
        ...(options.worker ? parts((part) => part.workers) : []),
      ],
      exports: [
        ...parts((part) => part.exports),
        CheckNetworkAccountJob,
        CheckNetworkAccountScheduler,
        NetworkHealthService,
        CredentialVault,
        CONNECTOR_REGISTRY,
        NETWORK_TARGETS,
        CONTENT_PUBLISHER,
      ],
    };
  }
}
