import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { ConnectorError } from '@socle/connector-sdk';
import type { Connector, ConnectorContext, ConnectorRegistry, Credentials } from '@socle/connector-sdk';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, keepRefreshSecrets } from './connectors';
import { statusOfFailure } from './connector-errors';
import { CredentialVault } from './credential-vault';
import { NetworkAccountEntity } from './entities';
import { NetworkAccountRepository, StatusPatch, TenantCtx } from './repositories';

/** Credentials expiring within this margin are refreshed before the check. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * One health check of one account, inside its organisation's unit of work with
 * the row locked (a refresh token is single use on many networks: two checks
 * must not race). Steps: open the credentials; refresh them when they expire
 * soon (or when the network says the access token expired and a refresh is
 * possible); one cheap authenticated call; store the status. New credentials are
 * stored as soon as they exist (a consumed refresh token is never lost), the
 * refresh secret is kept when none comes back, and values sealed under an older
 * key are sealed again under the active one (rotation).
 */
@Injectable()
export class NetworkHealthService {
  constructor(
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly vault: CredentialVault,
    private readonly accounts: NetworkAccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async check(ctx: TenantCtx, id: string): Promise<NetworkAccountEntity | null> {
    const account = await this.accounts.findForUpdate(ctx, id);
    if (!account?.credentialsCiphertext) return account;
    const now = this.connectorContext.now?.() ?? new Date();
    const connector = this.registry.get(account.network);
    let credentials: Credentials;
    try {
      credentials = this.vault.open(ctx.organizationId, id, account.credentialsCiphertext);
    } catch {
      await this.record(ctx, account, { status: 'ERROR', lastError: 'credentials cannot be decrypted (is their key still in ENCRYPTION_KEYS?)', rateLimitedUntil: null });
      return this.accounts.find(ctx, id);
    }
    const original = credentials;
    let patch: StatusPatch;
    if (!connector) {
      patch = { status: 'ERROR', lastError: `connector "${account.network}" is not enabled`, rateLimitedUntil: null };
    } else {
      let refreshed = false;
      const refresh = async () => {
        refreshed = true;
        const next = keepRefreshSecrets(credentials, await (connector.refresh as NonNullable<Connector['refresh']>)(this.connectorContext, credentials));
        credentials = next;
        // Stored at once: the network may have consumed the old refresh token.
        await this.accounts.storeCredentials(ctx, id, this.seal(ctx, id, next));
      };
      try {
        if (connector.refresh && credentials.expiresAt && new Date(credentials.expiresAt).getTime() - now.getTime() < REFRESH_MARGIN_MS) await refresh();
        try {
          await this.probe(connector, credentials);
        } catch (error) {
          if (!(error instanceof ConnectorError && error.kind === 'AUTH_EXPIRED') || !connector.refresh || refreshed || !this.canRefresh(credentials)) throw error;
          await refresh();
          await this.probe(connector, credentials);
        }
        patch = { status: 'OK', lastError: null, rateLimitedUntil: null };
      } catch (error) {
        patch = statusOfFailure(error, now, original.secrets, credentials.secrets);
      }
    }
    if (credentials === original && this.vault.needsRotation(account.credentialsCiphertext)) {
      await this.accounts.storeCredentials(ctx, id, this.seal(ctx, id, credentials));
    }
    await this.record(ctx, account, patch);
    return this.accounts.find(ctx, id);
  }

  /** The cheapest authenticated call the contract offers: one mention, else a refresh-free check is impossible and reading succeeds. */
  private async probe(connector: Connector, credentials: Credentials): Promise<void> {
    if (connector.fetchMentions && connector.manifest.capabilities.mentions) {
      await connector.fetchMentions(this.connectorContext, credentials, { limit: 1 });
    }
  }

  private canRefresh(credentials: Credentials): boolean {
    return Object.keys(credentials.secrets).some((name) => /refresh/i.test(name));
  }

  private seal(ctx: TenantCtx, id: string, credentials: Credentials) {
    return { ...this.vault.seal(ctx.organizationId, id, credentials), expiresAt: credentials.expiresAt ? new Date(credentials.expiresAt) : null };
  }

  private async record(ctx: TenantCtx, account: NetworkAccountEntity, patch: StatusPatch): Promise<void> {
    await this.accounts.setStatus(ctx, account.id, patch);
    if (patch.status !== account.status) {
      await this.audit.recordInOrganization(ctx.uow, ctx.organizationId, ctx.actor, {
        action: 'network_account.status_changed', targetType: 'NetworkAccount', targetId: account.id,
        metadata: { network: account.network, handle: account.handle, from: account.status, to: patch.status },
      }, ctx.requestId);
    }
  }
}
