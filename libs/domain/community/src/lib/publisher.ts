import { WebhookEvents } from '@socle/platform-webhooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { checkPublishedPost, ConnectorError, keptText } from '@socle/connector-sdk';
import type { Connector, ConnectorContext, ConnectorRegistry, Credentials, KeptPost } from '@socle/connector-sdk';
import type { ContentPublisher, PreparedAccount, PublisherCtx, PublishFailure } from '@socle/content';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, observe, scrub } from './connectors';
import { describeFailure } from './connector-errors';
import { CredentialVault } from './credential-vault';
import { NetworkHealthService } from './network-health.service';
import { NetworkAccountRepository } from './repositories';

/**
 * The content module's publisher (`CONTENT_PUBLISHER`): reads a network account
 * and opens its credentials in the caller's tenant, then calls its connector.
 * The calls are made with no transaction open (the caller commits before); each
 * failure is classified by the connector's error kind and described the way
 * health checks describe theirs (the network's body is never repeated, secrets
 * are scrubbed).
 *
 * A publish the network refuses for its credentials (AUTH_EXPIRED) is not held
 * at once: the credentials are refreshed once, through the health check (which
 * takes the account's refresh lease, so a refresh token is presented once
 * however many workers hit the same expiry), re-opened, and the publish is made
 * again once with the same idempotency key. A prepared account may be shared by
 * concurrent calls (the publishing worker's lanes): their refusals of the same
 * credentials wait for that one refresh, then each is made again once with the
 * new credentials. Only a second refusal, or a refresh
 * the network refuses (the check flags the account NEEDS_REAUTH), comes back as
 * AUTH_EXPIRED (the publication is held and the account flagged); a refresh
 * that fails for a passing reason comes back TRANSIENT (retried later, the
 * account is not flagged). No transaction is open during any of these calls.
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
    private readonly health: NetworkHealthService,
    private readonly webhooks: WebhookEvents,
  ) {}

  async prepare(
    ctx: PublisherCtx,
    accountId: string,
    { renewIn }: { renewIn?: <T>(work: (ctx: PublisherCtx) => Promise<T>) => Promise<T> } = {},
  ): Promise<{ account: PreparedAccount } | { failure: PublishFailure }> {
    const account = await this.accounts.findWithCredentials(ctx, accountId);
    if (!account) return { failure: { kind: 'ACCOUNT', message: 'the network account was disconnected' } };
    const connector = this.registry.get(account.network);
    if (!connector?.publish || !connector.manifest.capabilities.publish) {
      return { failure: { kind: 'ACCOUNT', message: `connector "${account.network}" is not enabled or does not publish` } };
    }
    if (account.status === 'NEEDS_REAUTH')
      return { failure: { kind: 'AUTH_EXPIRED', message: 'the account must be connected again (NEEDS_REAUTH)' } };
    const now = this.connectorContext.now?.() ?? new Date();
    if (account.status === 'RATE_LIMITED' && account.rateLimitedUntil && account.rateLimitedUntil > now) {
      const retryAfterSeconds = Math.ceil((account.rateLimitedUntil.getTime() - now.getTime()) / 1000);
      return { failure: { kind: 'RATE_LIMITED', message: 'the network is limiting this account', retryAfterSeconds } };
    }
    if (!account.credentialsCiphertext) return { failure: { kind: 'ACCOUNT', message: 'the account has no credentials' } };
    /** The sealed credentials in use (new ones after a refresh): flagging the account is conditional on them. */
    let sealed: string = account.credentialsCiphertext;
    let credentials: Credentials;
    /** Every secret these calls have held (after a refresh, the old ones too): none appears in a message. */
    const secrets: Record<string, string>[] = [];
    try {
      credentials = this.vault.open(ctx.organizationId, accountId, sealed);
      secrets.push(credentials.secrets);
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
          this.logger.warn(`connector ${account.network} failed unexpectedly (${scrub(name, ...secrets)})`);
          return { failure: { kind: 'UNKNOWN', message: `unexpected failure (${scrub(name, ...secrets)})` } };
        }
        // A refusal's reason is the network's own words about the post: shown, secrets scrubbed.
        const message =
          error.kind === 'REJECTED' && error.networkReason
            ? scrub(error.networkReason, ...secrets)
            : scrub(describeFailure(error, credentials.serviceUrl, observation, credentials.secrets), ...secrets);
        return {
          failure: {
            kind: error.kind,
            // Cut at the column's length, never through a surrogate pair.
            message: keptText(message.slice(0, 1000)),
            ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
          },
        };
      }
    };
    // The network's answer is remote input: a post id the platform cannot keep (control characters, an unpaired surrogate,
    // over 2,000 characters) fails the call as UNKNOWN (retried, then failed, never recorded half); a URL it cannot keep or
    // that is not http(s) is dropped.
    const kept = (post: unknown): { post: KeptPost } | { failure: PublishFailure } => {
      const checked = checkPublishedPost(post);
      if ('post' in checked) return checked;
      this.logger.warn(`connector ${account.network} answered a post the platform cannot keep: ${checked.problem}`);
      return { failure: { kind: 'UNKNOWN', message: `${checked.problem}: the post cannot be recorded` } };
    };
    // Optional: without it, a connector whose publish is idempotent per key is simply called again.
    const findPublished =
      connector.findPublished && connector.manifest.capabilities.findPublished ? connector.findPublished.bind(connector) : undefined;
    const publish = (connector.publish as NonNullable<Connector['publish']>).bind(connector);
    /** The one refresh of this preparation: concurrent refusals of the same credentials wait for it. */
    let renewal: Promise<{ failure: PublishFailure } | { renewed: true }> | undefined;
    const prepared: PreparedAccount = {
      network: account.network,
      manifest: connector.manifest,
      canFindPublished: !!findPublished,
      publish: async (request, options) => {
        const used = credentials;
        // The upload's reports reach the publishing worker; a connector that throws from it is not stopped by it.
        const progress = options?.progress;
        const withProgress = (c: ConnectorContext): ConnectorContext =>
          progress
            ? {
                ...c,
                progress: (report) => {
                  try {
                    progress(report);
                  } catch {
                    // Progress is a display: never a reason for a publish to fail.
                  }
                },
              }
            : c;
        const first = await call((c) => publish(withProgress(c), used, request));
        if ('value' in first) return kept(first.value);
        if (first.failure.kind !== 'AUTH_EXPIRED') return first;
        const refusedSealed = sealed;
        const renew = (renewCtx: PublisherCtx) => this.renew(renewCtx, accountId, refusedSealed, first.failure);
        renewal ??= (renewIn ? renewIn(renew) : renew(ctx)).then((renewed) => {
          if ('failure' in renewed) return renewed;
          sealed = renewed.sealed;
          credentials = renewed.credentials;
          secrets.push(credentials.secrets);
          return { renewed: true as const };
        });
        const renewed = await renewal;
        if ('failure' in renewed) return renewed;
        // Refused with the credentials the refresh gave: refreshed once already, the refusal stands.
        if (credentials === used) return first;
        // The same idempotency key: a network that took the first call after all answers with the same post.
        const second = await call((c) => publish(withProgress(c), credentials, request));
        return 'value' in second ? kept(second.value) : second;
      },
      findPublished: async (request) => {
        if (!findPublished) return { post: null };
        const result = await call((c) => findPublished(c, credentials, request));
        if (!('value' in result)) return result;
        return result.value === null || result.value === undefined ? { post: null } : kept(result.value);
      },
      delete: async (externalId) => {
        if (!connector.delete || !connector.manifest.capabilities.delete) {
          return {
            failure: { kind: 'REJECTED', message: `${connector.manifest.displayName} posts cannot be deleted through the platform` },
          };
        }
        const remove = connector.delete.bind(connector);
        const result = await call((c) => remove(c, credentials, externalId));
        return 'value' in result ? { deleted: true } : result;
      },
      flagNeedsReauth: async (flagCtx, message) => {
        const lastError = `AUTH_EXPIRED: ${scrub(message, ...secrets)}`;
        const before = await this.accounts.find(flagCtx, accountId);
        // Only while the row holds the credentials that were refused: a reconnect meanwhile wins.
        const changed = await this.accounts.setStatusIf(flagCtx, accountId, sealed, {
          status: 'NEEDS_REAUTH',
          lastError,
          rateLimitedUntil: null,
        });
        if (changed && before && before.status !== 'NEEDS_REAUTH') {
          await this.audit.recordInOrganization(
            flagCtx.uow,
            flagCtx.actor,
            {
              action: 'network_account.status_changed',
              targetType: 'NetworkAccount',
              targetId: accountId,
              metadata: { network: account.network, handle: account.handle, from: before.status, to: 'NEEDS_REAUTH', by: 'publishing' },
            },
            flagCtx.requestId,
          );
          await this.webhooks.emit(flagCtx.uow, 'network_account.reauthorisation_needed', {
            networkAccountId: accountId,
            network: account.network,
            handle: account.handle,
          });
        }
      },
    };
    return { account: prepared };
  }

  /**
   * After a refused publish: one health check of the account (it refreshes the
   * credentials under the refresh lease, or takes those another worker just
   * stored), then its credentials read again. Leaves no transaction open.
   */
  private async renew(
    ctx: PublisherCtx,
    accountId: string,
    refusedSealed: string,
    refused: PublishFailure,
  ): Promise<{ sealed: string; credentials: Credentials } | { failure: PublishFailure }> {
    await ctx.uow.commitAndContinue();
    await this.health.check(ctx, accountId, { refused: refusedSealed });
    const row = await this.accounts.findWithCredentials(ctx, accountId);
    await ctx.uow.commitAndContinue();
    if (!row?.credentialsCiphertext) return { failure: { kind: 'ACCOUNT', message: 'the network account was disconnected' } };
    if (row.status === 'NEEDS_REAUTH') {
      return {
        failure: {
          kind: 'AUTH_EXPIRED',
          message: `${refused.message}; refreshing the credentials did not help (${row.lastError ?? 'refused'})`.slice(0, 1000),
        },
      };
    }
    if (row.status !== 'OK') {
      return {
        failure: {
          kind: 'TRANSIENT',
          message: `the network refused the credentials and they could not be refreshed now (${row.lastError ?? row.status})`.slice(
            0,
            1000,
          ),
        },
      };
    }
    try {
      return { sealed: row.credentialsCiphertext, credentials: this.vault.open(ctx.organizationId, accountId, row.credentialsCiphertext) };
    } catch {
      return { failure: { kind: 'ACCOUNT', message: 'credentials cannot be decrypted (is their key still in ENCRYPTION_KEYS?)' } };
    }
  }
}
