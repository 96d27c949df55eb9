import { WebhookEvents } from '@socle/platform-webhooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditRepository } from '@socle/accounts';
import { ConnectorError, expiryDate } from '@socle/connector-sdk';
import { SocleConfig } from '@socle/platform-config';
import type { Connector, ConnectorContext, ConnectorRegistry, Credentials } from '@socle/connector-sdk';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, keepRefreshSecrets, observe } from './connectors';
import { statusOfFailure } from './connector-errors';
import { CredentialVault } from './credential-vault';
import { NetworkAccountEntity } from './entities';
import { NetworkAccountRepository, RefreshLeaseState, StatusPatch, TenantCtx } from './repositories';

/** Credentials expiring within this margin are refreshed before the check. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * A refresh lease lasts this many connector timeouts: a connector's refresh
 * makes at most two calls (the token, then who it belongs to), each bounded by
 * the timeout; the third is margin, so a live check is done before its lease ends.
 */
export const REFRESH_LEASE_TIMEOUTS = 3;

/** A check that finds another refreshing waits for its result at most this many connector timeouts. */
export const REFRESH_WAIT_TIMEOUTS = 2;

/** How a refresh attempt ended for the check that asked for it. */
type RefreshOutcome =
  | { kind: 'stored'; stored: string; credentials: Credentials }
  /** Another check held the lease and did not store new credentials in time: nothing is written. */
  | { kind: 'as-it-is' }
  | { kind: 'superseded' };

/**
 * One health check of one account. No transaction is open while the network is
 * called (a check makes up to four calls, each up to the connector timeout):
 * the row is read in one short unit of work, the calls are made with none open,
 * and every result is written in a short one of its own, on the condition that
 * the row still holds the sealed credentials the check started from (see
 * `NetworkAccountRepository.replaceCredentialsIf`). A reconnect, a disconnect or
 * another check that stored credentials meanwhile wins: this check's result is
 * dropped.
 *
 * A refresh token is presented to the network once, however many checks run
 * at the same time (the API's `checkNetworkAccount`, the worker's job, several
 * replicas): networks that rotate refresh tokens may treat a second use as a
 * theft and revoke the whole token family. Before calling `connector.refresh`
 * a check takes the row's refresh lease in one conditional UPDATE (same sealed
 * credentials, no lease that has not ended) and commits it; the lease lasts
 * `REFRESH_LEASE_TIMEOUTS` connector timeouts and ends in the UPDATE that
 * stores the new credentials, or when the refresh fails (with the failure's
 * status, in one transaction). A check that cannot take it does not refresh:
 * it re-reads the row, with growing pauses, for at most `REFRESH_WAIT_TIMEOUTS`
 * connector timeouts, and goes on with the credentials the other stored, or
 * returns the account as it is (the other failed and recorded why, or is still
 * at it). A lease whose time is over (its check crashed) is taken over.
 *
 * Steps: open the credentials; refresh them when they expire soon (or when the
 * network says the access token expired and a refresh is possible); one cheap
 * authenticated call; store the status. New credentials are stored as soon as
 * they exist (a consumed refresh token is never lost), the refresh secret is
 * kept when none comes back, and values sealed under an older key are sealed
 * again under the active one (rotation) — never while another check holds the
 * refresh lease, whose new credentials must stay storable.
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
    private readonly config: SocleConfig,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * `refused`: the sealed credentials a network call (a publish) was just
   * refused with; while the row still holds them and they can be refreshed,
   * they are refreshed first (under the lease), whatever the cheap call would say.
   */
  async check(ctx: TenantCtx, id: string, options: { refused?: string } = {}): Promise<NetworkAccountEntity | null> {
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
      await this.record(ctx, account, stored, {
        status: 'ERROR',
        lastError: 'credentials cannot be decrypted (is their key still in ENCRYPTION_KEYS?)',
        rateLimitedUntil: null,
      });
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
      let ended: RefreshOutcome['kind'] | undefined;
      const refresh = async () => {
        refreshed = true;
        const outcome = await this.refreshOnce(ctx, id, connector, connectorCtx, stored, credentials);
        if (outcome.kind !== 'stored') {
          ended = outcome.kind;
          throw new Error(outcome.kind);
        }
        stored = outcome.stored;
        credentials = outcome.credentials;
      };
      try {
        const expiry = expiryDate(credentials.expiresAt);
        const expiring = !!expiry && expiry.getTime() - now.getTime() < REFRESH_MARGIN_MS;
        const refused = options.refused !== undefined && options.refused === stored && this.canRefresh(credentials);
        if (connector.refresh && (expiring || refused)) await refresh();
        try {
          await this.probe(connectorCtx, connector, credentials);
        } catch (error) {
          if (
            !(error instanceof ConnectorError && error.kind === 'AUTH_EXPIRED') ||
            !connector.refresh ||
            refreshed ||
            !this.canRefresh(credentials)
          )
            throw error;
          await refresh();
          await this.probe(connectorCtx, connector, credentials);
        }
        patch = { status: 'OK', lastError: null, rateLimitedUntil: null };
      } catch (error) {
        if (ended === 'superseded') return this.superseded(ctx, id);
        if (ended === 'as-it-is') return this.accounts.find(ctx, id);
        patch = statusOfFailure(error, now, account.serviceUrl, observation, original.secrets, credentials.secrets);
      }
    }
    if (credentials === original && this.vault.needsRotation(stored)) {
      const sealed = this.seal(ctx, id, credentials);
      // Refused while another check refreshes; a row changed otherwise is seen by `record`.
      if (await this.accounts.resealIf(ctx, id, stored, sealed)) stored = sealed.ciphertext;
    }
    if (!(await this.record(ctx, account, stored, patch))) return this.superseded(ctx, id);
    return this.accounts.find(ctx, id);
  }

  /**
   * Presents the refresh token to the network only under the row's refresh
   * lease (see the class comment); otherwise waits for the lease holder's
   * result. A failure of the network is thrown, the lease given back in the
   * caller's transaction, which records the failure with it.
   */
  private async refreshOnce(
    ctx: TenantCtx,
    id: string,
    connector: Connector,
    connectorCtx: ConnectorContext,
    stored: string,
    credentials: Credentials,
  ): Promise<RefreshOutcome> {
    const owner = randomUUID();
    const timeout = this.config.CONNECTOR_TIMEOUT_MS;
    for (
      let takeovers = 0;
      !(await this.accounts.takeRefreshLease(ctx, id, stored, owner, timeout * REFRESH_LEASE_TIMEOUTS));
      takeovers++
    ) {
      await ctx.uow.commitAndContinue();
      const seen = await this.awaitOtherRefresh(ctx, id, stored, timeout * REFRESH_WAIT_TIMEOUTS);
      if (seen?.ciphertext && seen.ciphertext !== stored) {
        // The other check stored new credentials (or the account was reconnected): go on with them.
        try {
          return { kind: 'stored', stored: seen.ciphertext, credentials: this.vault.open(ctx.organizationId, id, seen.ciphertext) };
        } catch {
          return { kind: 'as-it-is' };
        }
      }
      // Released without new credentials (the other failed and recorded why), still held, or gone: its state stands.
      if (!seen || seen.owner === null || !seen.ended || takeovers >= 1) return { kind: 'as-it-is' };
      this.logger.warn(`network account ${id}: a refresh lease ended without being released (its check stopped); taking it over`);
    }
    // The lease is committed before the network sees the refresh token.
    await ctx.uow.commitAndContinue();
    let next: Credentials;
    try {
      next = keepRefreshSecrets(credentials, await (connector.refresh as NonNullable<Connector['refresh']>)(connectorCtx, credentials));
    } catch (error) {
      await this.accounts.releaseRefreshLease(ctx, id, owner);
      throw error;
    }
    // Stored at once, in its own short transaction: the network may have consumed the old refresh token.
    const sealed = this.seal(ctx, id, next);
    if (!(await this.accounts.storeRefreshedIf(ctx, id, stored, sealed))) {
      await this.accounts.releaseRefreshLease(ctx, id, owner);
      await ctx.uow.commitAndContinue();
      return { kind: 'superseded' };
    }
    await ctx.uow.commitAndContinue();
    return { kind: 'stored', stored: sealed.ciphertext, credentials: next };
  }

  /**
   * Re-reads the row, each read in a short transaction of its own and growing
   * pauses between them with none open, until the lease holder stored new
   * credentials, gave the lease back, or its lease ended; at most `maxMs`.
   * The last state seen (null: the row is gone).
   */
  private async awaitOtherRefresh(ctx: TenantCtx, id: string, stored: string, maxMs: number): Promise<RefreshLeaseState | null> {
    const deadline = Date.now() + maxMs;
    for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
      const seen = await this.accounts.refreshLeaseOf(ctx, id);
      await ctx.uow.commitAndContinue();
      if (!seen || seen.ciphertext !== stored || seen.owner === null || seen.ended || Date.now() >= deadline) return seen;
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
    }
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
    return {
      ...this.vault.seal(ctx.organizationId, id, credentials),
      expiresAt: expiryDate(credentials.expiresAt),
    };
  }

  /** Stores the status (when the row still holds `stored`) and audits a change; false when the row changed. */
  private async record(ctx: TenantCtx, account: NetworkAccountEntity, stored: string, patch: StatusPatch): Promise<boolean> {
    if (!(await this.accounts.setStatusIf(ctx, account.id, stored, patch))) return false;
    if (patch.status !== account.status) {
      await this.audit.recordInOrganization(
        ctx.uow,
        ctx.actor,
        {
          action: 'network_account.status_changed',
          targetType: 'NetworkAccount',
          targetId: account.id,
          metadata: { network: account.network, handle: account.handle, from: account.status, to: patch.status },
        },
        ctx.requestId,
      );
      if (patch.status === 'NEEDS_REAUTH')
        await this.webhooks.emit(ctx.uow, 'network_account.reauthorisation_needed', {
          networkAccountId: account.id,
          network: account.network,
          handle: account.handle,
        });
    }
    return true;
  }
}
