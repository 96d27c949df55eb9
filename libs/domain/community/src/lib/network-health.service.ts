import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { ConnectorError } from '@socle/connector-sdk';
import type { Connector, ConnectorContext, ConnectorRegistry, Credentials } from '@socle/connector-sdk';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, keepRefreshSecrets, observe } from './connectors';
import { statusOfFailure } from './connector-errors';
import { CredentialVault } from './credential-vault';
import { NetworkAccountEntity } from './entities';
import { NetworkAccountRepository, StatusPatch, TenantCtx } from './repositories';

/** Credentials expiring within this margin are refreshed before the check. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * One health check of one account. No transaction is open while the network is
 * called (a check makes up to four calls, each up to the connector timeout):
 * the row is read in one short unit of work, the calls are made with none open,
 * and every result is written in a short one of its own, on the condition that
 * the row still holds the sealed credentials the check started from (see
 * `NetworkAccountRepository.replaceCredentialsIf`). A reconnect, a disconnect or
 * another check that stored credentials meanwhile wins: this check's result is
 * dropped. Two checks racing on a single-use refresh token therefore cannot
 * both store: the second refresh fails at the network and its failure is not
 * recorded over the first one's new credentials.
 *
 * Steps: open the credentials; refresh them when they expire soon (or when the
 * network says the access token expired and a refresh is possible); one cheap
 * authenticated call; store the status. New credentials are stored as soon as
 * they exist (a consumed refresh token is never lost), the refresh secret is
 * kept when none comes back, and values sealed under an older key are sealed
 * again under the active one (rotation).
 */
@Injectable()
export class NetworkHealthService {
  private readonly logger = new Logger('NetworkHealth');

  constructor(
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly vault: CredentialVault,
    private readonly accounts: NetworkAccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async check(ctx: TenantCtx, id: string): Promise<NetworkAccountEntity | null> {
    const account = await this.accounts.findWithCredentials(ctx, id);
    if (!account?.credentialsCiphertext) return account;
    const now = this.connectorContext.now?.() ?? new Date();
    const connector = this.registry.get(account.network);
    /** The sealed credentials stored now, as far as this check knows: every write is conditional on them. */
    let stored = account.credentialsCiphertext;
    let credentials: Credentials;
    try {
      credentials = this.vault.open(ctx.organizationId, id, stored);
    } catch {
      await this.record(ctx, account, stored, { status: 'ERROR', lastError: 'credentials cannot be decrypted (is their key still in ENCRYPTION_KEYS?)', rateLimitedUntil: null });
      return this.accounts.find(ctx, id);
    }
    const original = credentials;
    let patch: StatusPatch;
    if (!connector) {
      patch = { status: 'ERROR', lastError: `connector "${account.network}" is not enabled`, rateLimitedUntil: null };
    } else {
      const { ctx: connectorCtx, observation } = observe(this.connectorContext);
      // Nothing is held while the network answers.
      await ctx.uow.commitAndContinue();
      let refreshed = false;
      let superseded = false;
      const refresh = async () => {
        refreshed = true;
        const next = keepRefreshSecrets(credentials, await (connector.refresh as NonNullable<Connector['refresh']>)(connectorCtx, credentials));
        // Stored at once, in its own short transaction: the network may have consumed the old refresh token.
        const sealed = this.seal(ctx, id, next);
        if (!(await this.accounts.replaceCredentialsIf(ctx, id, stored, sealed))) {
          superseded = true;
          throw new Error('superseded');
        }
        await ctx.uow.commitAndContinue();
        stored = sealed.ciphertext;
        credentials = next;
      };
      try {
        if (connector.refresh && credentials.expiresAt && new Date(credentials.expiresAt).getTime() - now.getTime() < REFRESH_MARGIN_MS) await refresh();
        try {
          await this.probe(connectorCtx, connector, credentials);
        } catch (error) {
          if (!(error instanceof ConnectorError && error.kind === 'AUTH_EXPIRED') || !connector.refresh || refreshed || !this.canRefresh(credentials)) throw error;
          await refresh();
          await this.probe(connectorCtx, connector, credentials);
        }
        patch = { status: 'OK', lastError: null, rateLimitedUntil: null };
      } catch (error) {
        if (superseded) return this.superseded(ctx, id);
        patch = statusOfFailure(error, now, account.serviceUrl, observation, original.secrets, credentials.secrets);
      }
    }
    if (credentials === original && this.vault.needsRotation(stored)) {
      const sealed = this.seal(ctx, id, credentials);
      if (!(await this.accounts.replaceCredentialsIf(ctx, id, stored, sealed))) return this.superseded(ctx, id);
      stored = sealed.ciphertext;
    }
    if (!(await this.record(ctx, account, stored, patch))) return this.superseded(ctx, id);
    return this.accounts.find(ctx, id);
  }

  /** The row changed while the network was called: its newer state stands, this check's result is dropped. */
  private async superseded(ctx: TenantCtx, id: string): Promise<NetworkAccountEntity | null> {
    this.logger.log(`network account ${id} changed during its check; the check's result was dropped`);
    return this.accounts.find(ctx, id);
  }

  /** The cheapest authenticated call the contract offers: one mention, else a refresh-free check is impossible and reading succeeds. */
  private async probe(connectorCtx: ConnectorContext, connector: Connector, credentials: Credentials): Promise<void> {
    if (connector.fetchMentions && connector.manifest.capabilities.mentions) {
      await connector.fetchMentions(connectorCtx, credentials, { limit: 1 });
    }
  }

  private canRefresh(credentials: Credentials): boolean {
    return Object.keys(credentials.secrets).some((name) => /refresh/i.test(name));
  }

  private seal(ctx: TenantCtx, id: string, credentials: Credentials) {
    return { ...this.vault.seal(ctx.organizationId, id, credentials), expiresAt: credentials.expiresAt ? new Date(credentials.expiresAt) : null };
  }

  /** Stores the status (when the row still holds `stored`) and audits a change; false when the row changed. */
  private async record(ctx: TenantCtx, account: NetworkAccountEntity, stored: string, patch: StatusPatch): Promise<boolean> {
    if (!(await this.accounts.setStatusIf(ctx, account.id, stored, patch))) return false;
    if (patch.status !== account.status) {
      await this.audit.recordInOrganization(ctx.uow, ctx.actor, {
        action: 'network_account.status_changed', targetType: 'NetworkAccount', targetId: account.id,
        metadata: { network: account.network, handle: account.handle, from: account.status, to: patch.status },
      }, ctx.requestId);
    }
    return true;
  }
}
