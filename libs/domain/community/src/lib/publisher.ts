import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { ConnectorError } from '@socle/connector-sdk';
import type { Connector, ConnectorContext, ConnectorRegistry, Credentials } from '@socle/connector-sdk';
import type { ContentPublisher, PreparedAccount, PublisherCtx, PublishFailure } from '@socle/content';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, observe, scrub } from './connectors';
import { describeFailure } from './connector-errors';
import { CredentialVault } from './credential-vault';
import { NetworkAccountRepository } from './repositories';

/**
 * The content module's publisher (`CONTENT_PUBLISHER`): reads a network account
 * and opens its credentials in the caller's tenant, then calls its connector.
 * The calls are made with no transaction open (the caller commits before); each
 * failure is classified by the connector's error kind and described the way
 * health checks describe theirs (the network's body is never repeated, secrets
 * are scrubbed).
 */
@Injectable()
export class CommunityPublisher implements ContentPublisher {
  private readonly logger = new Logger('Publisher');

  constructor(
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly vault: CredentialVault,
    private readonly accounts: NetworkAccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async prepare(ctx: PublisherCtx, accountId: string): Promise<{ account: PreparedAccount } | { failure: PublishFailure }> {
    const account = await this.accounts.findWithCredentials(ctx, accountId);
    if (!account) return { failure: { kind: 'ACCOUNT', message: 'the network account was disconnected' } };
    const connector = this.registry.get(account.network);
    if (!connector?.publish || !connector.manifest.capabilities.publish) {
      return { failure: { kind: 'ACCOUNT', message: `connector "${account.network}" is not enabled or does not publish` } };
    }
    if (account.status === 'NEEDS_REAUTH') return { failure: { kind: 'AUTH_EXPIRED', message: 'the account must be connected again (NEEDS_REAUTH)' } };
    const now = this.connectorContext.now?.() ?? new Date();
    if (account.status === 'RATE_LIMITED' && account.rateLimitedUntil && account.rateLimitedUntil > now) {
      const retryAfterSeconds = Math.ceil((account.rateLimitedUntil.getTime() - now.getTime()) / 1000);
      return { failure: { kind: 'RATE_LIMITED', message: 'the network is limiting this account', retryAfterSeconds } };
    }
    const sealed = account.credentialsCiphertext;
    if (!sealed) return { failure: { kind: 'ACCOUNT', message: 'the account has no credentials' } };
    let credentials: Credentials;
    try {
      credentials = this.vault.open(ctx.organizationId, accountId, sealed);
    } catch {
      return { failure: { kind: 'ACCOUNT', message: 'credentials cannot be decrypted (is their key still in ENCRYPTION_KEYS?)' } };
    }
    const call = async <T>(run: (connectorCtx: ConnectorContext) => Promise<T>): Promise<{ value: T } | { failure: PublishFailure }> => {
      const { ctx: connectorCtx, observation } = observe(this.connectorContext);
      try {
        return { value: await run(connectorCtx) };
      } catch (error) {
        if (!(error instanceof ConnectorError)) {
          const name = error instanceof Error ? error.name : typeof error;
          this.logger.warn(`connector ${account.network} failed unexpectedly (${scrub(name, credentials.secrets)})`);
          return { failure: { kind: 'UNKNOWN', message: `unexpected failure (${scrub(name, credentials.secrets)})` } };
        }
        // A refusal's reason is the network's own words about the post: shown, secrets scrubbed.
        const message = error.kind === 'REJECTED' && error.networkReason
          ? scrub(error.networkReason, credentials.secrets)
          : describeFailure(error, credentials.serviceUrl, observation, credentials.secrets);
        return { failure: { kind: error.kind, message: message.slice(0, 1000), ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) } };
      }
    };
    // Optional: without it, a connector whose publish is idempotent per key is simply called again.
    const findPublished = connector.findPublished && connector.manifest.capabilities.findPublished ? connector.findPublished.bind(connector) : undefined;
    const publish = (connector.publish as NonNullable<Connector['publish']>).bind(connector);
    const prepared: PreparedAccount = {
      network: account.network,
      manifest: connector.manifest,
      canFindPublished: !!findPublished,
      publish: async (request) => {
        const result = await call((c) => publish(c, credentials, request));
        return 'value' in result ? { post: result.value } : result;
      },
      findPublished: async (request) => {
        if (!findPublished) return { post: null };
        const result = await call((c) => findPublished(c, credentials, request));
        return 'value' in result ? { post: result.value } : result;
      },
      delete: async (externalId) => {
        if (!connector.delete || !connector.manifest.capabilities.delete) {
          return { failure: { kind: 'REJECTED', message: `${connector.manifest.displayName} posts cannot be deleted through the platform` } };
        }
        const remove = connector.delete.bind(connector);
        const result = await call((c) => remove(c, credentials, externalId));
        return 'value' in result ? { deleted: true } : result;
      },
      flagNeedsReauth: async (flagCtx, message) => {
        const lastError = `AUTH_EXPIRED: ${scrub(message, credentials.secrets)}`;
        // Only while the row holds the credentials that were refused: a reconnect meanwhile wins.
        const changed = await this.accounts.setStatusIf(flagCtx, accountId, sealed, { status: 'NEEDS_REAUTH', lastError, rateLimitedUntil: null });
        if (changed && account.status !== 'NEEDS_REAUTH') {
          await this.audit.recordInOrganization(flagCtx.uow, flagCtx.actor, {
            action: 'network_account.status_changed', targetType: 'NetworkAccount', targetId: accountId,
            metadata: { network: account.network, handle: account.handle, from: account.status, to: 'NEEDS_REAUTH', by: 'publishing' },
          }, flagCtx.requestId);
        }
      },
    };
    return { account: prepared };
  }
}
