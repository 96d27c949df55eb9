import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuditRepository, issueToken, parseToken } from '@socle/accounts';
import { accountHandleProblem, expiryDate, keptDisplayName, keptHttpUrl } from '@socle/connector-sdk';
import type { AccountTarget, Connector, ConnectorContext, ConnectorManifest, Credentials, ConnectorRegistry } from '@socle/connector-sdk';
import { ReconnectRelease } from '@socle/content';
import { DomainError, badInput, conflict, notFound } from '@socle/platform-errors';
import { SocleConfig } from '@socle/platform-config';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import { connectError } from './connector-errors';
import { OAuthClientStore } from './oauth-clients';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, handleOf, keepRefreshSecrets, observe } from './connectors';
import { CredentialVault } from './credential-vault';
import { NetworkAccountEntity } from './entities';
import { NetworkAccountChoiceRow, NetworkAccountRepository, PageQuery, TenantCtx } from './repositories';

/** State values name their organisation (`sos_<organization id>_<secret>`), so the callback can set the tenant first. */
export const OAUTH_STATE_KIND = 'sos';
const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;
/** How long a sign-in that reaches several identities waits for a member to pick one. */
const CHOICE_TTL_MS = 30 * 60 * 1000;
/** Identities kept for a choice: more than any agency picks from a list; the network's further ones are not offered. */
const MAX_TARGETS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an OAuth sign-in ends in: an account connected, or identities to choose from. */
export type OAuthOutcome = { account: NetworkAccountEntity; choice?: undefined } | { choice: NetworkAccountChoiceRow; account?: undefined };

export interface ConnectCommand {
  network: string;
  serviceUrl: string;
  fields: Record<string, string>;
  redirectUri?: string;
}

/**
 * Connected network accounts: connect (token, app password, OAuth), list,
 * disconnect. Credentials are sealed before they touch the database and never
 * leave this service. Errors say what failed (host, HTTP status) but never repeat
 * what the network answered, and carry no secret. No transaction is open while a
 * network is called: the caller's is committed first, and the result is written
 * in a new, short one.
 */
@Injectable()
export class NetworkAccountService {
  constructor(
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly config: SocleConfig,
    private readonly vault: CredentialVault,
    private readonly accounts: NetworkAccountRepository,
    private readonly audit: AuditRepository,
    private readonly clients: OAuthClientStore,
    private readonly releases: ReconnectRelease,
  ) {}

  networks(): ConnectorManifest[] {
    return this.registry.manifests();
  }

  page(ctx: TenantCtx, page: PageQuery): Promise<NetworkAccountEntity[]> {
    return this.accounts.page(ctx, page);
  }

  /** How many accounts the organisation has connected. */
  count(ctx: TenantCtx): Promise<number> {
    return this.accounts.count(ctx);
  }

  async connect(ctx: TenantCtx, command: ConnectCommand): Promise<NetworkAccountEntity> {
    const connector = this.connector(command.network, 'input.network');
    const { ctx: connectorCtx, observation } = observe(this.connectorContext);
    // The network may take its whole timeout: no transaction waits for it (the row is written after, in a short one).
    await ctx.uow.commitAndContinue();
    let credentials: Credentials;
    try {
      credentials = await connector.authorize(connectorCtx, {
        serviceUrl: command.serviceUrl,
        fields: command.fields,
        redirectUri: command.redirectUri,
      });
    } catch (error) {
      const feed = command.fields.url !== undefined;
      throw connectError(
        error,
        {
          field: 'input.fields',
          urlField: feed ? 'input.feedUrl' : 'input.serviceUrl',
          url: feed ? command.fields.url : command.serviceUrl,
          observation,
        },
        command.fields,
      );
    }
    const targets = await this.targetsOf(connector, credentials, 'input.fields');
    if (targets === null) return this.store(ctx, connector, credentials);
    if (targets.length > 1) {
      throw badInput(
        'input.fields',
        `these credentials reach ${targets.length} identities to publish as (${targets
          .slice(0, 5)
          .map((t) => t.name)
          .join(', ')}${targets.length > 5 ? ', …' : ''}): connect with OAuth (startNetworkOAuth) to choose one`,
      );
    }
    return this.store(ctx, connector, boundTo(targets[0]));
  }

  async disconnect(ctx: TenantCtx, id: string): Promise<string> {
    const account = await this.accounts.find(ctx, id);
    if (!account) throw notFound('Network account', id);
    // The row goes, and its sealed credentials with it: nothing to decrypt remains.
    await this.accounts.delete(ctx, id);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'network_account.disconnected',
        targetType: 'NetworkAccount',
        targetId: id,
        metadata: { network: account.network, handle: account.handle },
      },
      ctx.requestId,
    );
    return id;
  }

  async startOAuth(
    ctx: TenantCtx,
    input: { network: string; serviceUrl: string; redirectUri?: string },
  ): Promise<{ authorizationUrl: string; state: string; expiresAt: Date }> {
    const connector = this.connector(input.network, 'input.network');
    // The plugin's own first OAuth step (authorisation URL, client registration at the server).
    const oauth = connector.oauth;
    if (connector.manifest.authKind !== 'oauth2' || !oauth) {
      throw badInput(
        'input.network',
        `${connector.manifest.displayName} does not connect with OAuth here: use connectNetworkAccount with its ${connector.manifest.authKind} form`,
      );
    }
    const redirectUri = input.redirectUri ?? `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/oauth/callback`;
    const { token: state, hash, id } = issueToken(OAUTH_STATE_KIND, ctx.organizationId);
    const codeVerifier = randomBytes(32).toString('base64url');
    const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
    let started: { authorizationUrl: string; fields: Record<string, string> };
    const { ctx: connectorCtx, observation } = observe(this.connectorContext);
    try {
      const key = { network: connector.manifest.id, serviceUrl: input.serviceUrl, redirectUri };
      // The starter may register an application at the server: no transaction is open while it does.
      await ctx.uow.commitAndContinue();
      started = await oauth.start(
        connectorCtx,
        { serviceUrl: input.serviceUrl, redirectUri, state, codeChallenge },
        {
          getOrRegister: (register) => this.clients.getOrRegister(ctx.uow, key, register),
        },
      );
    } catch (error) {
      throw connectError(error, { field: 'input.serviceUrl', urlField: 'input.serviceUrl', url: input.serviceUrl, observation });
    }
    const expiresAt = new Date(Date.now() + OAUTH_STATE_TTL_MS);
    await this.accounts.insertState(ctx, {
      id,
      network: connector.manifest.id,
      serviceUrl: input.serviceUrl,
      stateHash: hash,
      redirectUri,
      expiresAt,
      createdBy: ctx.actor.type === 'USER' ? ctx.actor.id : null,
      sealed: this.vault.sealJson(ctx.organizationId, id, { codeVerifier, fields: started.fields }),
    });
    return { authorizationUrl: started.authorizationUrl, state, expiresAt };
  }

  /** The organisation a state value names, or null when it is not one of ours. */
  organizationOfState(state: string): { organizationId: string; hash: Buffer } | null {
    const parsed = parseToken(OAUTH_STATE_KIND, state);
    return parsed ? { organizationId: parsed.tenantId, hash: parsed.secretHash } : null;
  }

  /**
   * Completes an OAuth authorisation inside the state's organisation (the unit of
   * work must be scoped to it): the state is single use and expires after 10 minutes.
   */
  async completeOAuth(uow: OrganizationUnitOfWork, state: string, code: string): Promise<OAuthOutcome> {
    const parsed = this.organizationOfState(state);
    if (!parsed || parsed.organizationId !== uow.organizationId) throw badInput('state', 'is not a state issued by this platform');
    const pending = await this.accounts.takeState(uow, parsed.hash);
    if (!pending || pending.expiresAt.getTime() <= Date.now()) throw badInput('state', 'is unknown, already used or expired: start again');
    const ctx: TenantCtx = {
      uow,
      organizationId: uow.organizationId,
      actor: pending.createdBy ? { type: 'USER', id: pending.createdBy } : { type: 'SYSTEM', id: null },
    };
    const connector = this.connector(pending.network, 'state');
    const secret = this.vault.openJson<{ codeVerifier: string; fields: Record<string, string> }>(
      parsed.organizationId,
      pending.id,
      pending.sealed,
    );
    const fields = { ...secret.fields, code, codeVerifier: secret.codeVerifier };
    const { ctx: connectorCtx, observation } = observe(this.connectorContext);
    // The state is taken (single use) and committed before the code is exchanged, with no transaction open meanwhile.
    await uow.commitAndContinue();
    let credentials: Credentials;
    try {
      credentials = await connector.authorize(connectorCtx, { serviceUrl: pending.serviceUrl, redirectUri: pending.redirectUri, fields });
    } catch (error) {
      throw connectError(error, { field: 'code', urlField: 'state', url: pending.serviceUrl, observation }, fields);
    }
    const targets = await this.targetsOf(connector, credentials, 'code');
    if (targets === null) return { account: await this.store(ctx, connector, credentials) };
    if (targets.length === 1) return { account: await this.store(ctx, connector, boundTo(targets[0])) };
    // Several: the sign-in waits, sealed, for a member to pick one (chooseNetworkAccountTarget).
    const id = randomUUID();
    const choice: NetworkAccountChoiceRow = {
      id,
      network: connector.manifest.id,
      serviceUrl: pending.serviceUrl,
      targets: targets.slice(0, MAX_TARGETS).map((t) => ({
        id: t.id,
        kind: t.kind,
        name: keptDisplayName(t.name) ?? t.id,
        handle: accountHandleProblem(t.handle) === null ? (t.handle as string) : null,
        url: keptHttpUrl(t.url),
      })),
      expiresAt: new Date(Date.now() + CHOICE_TTL_MS),
      createdBy: pending.createdBy,
    };
    await this.accounts.insertChoice(ctx, { ...choice, credentialsCiphertext: this.vault.sealJson(ctx.organizationId, id, credentials) });
    return { choice };
  }

  /** A sign-in's identities to choose from, while the choice is open. NOT_FOUND otherwise (unknown, taken or expired). */
  async choice(ctx: TenantCtx, id: string): Promise<NetworkAccountChoiceRow> {
    const found = UUID.test(id) ? await this.accounts.findChoice(ctx, id) : null;
    if (!found) throw notFound('Network account choice', id);
    const { credentialsCiphertext: _sealed, ...choice } = found;
    return choice;
  }

  /**
   * Connects the identity picked among a sign-in's: its credentials are read again from the network (a page's
   * token may have changed since), then the choice is taken once and the account stored in one transaction.
   */
  async choose(ctx: TenantCtx, choiceId: string, targetId: string): Promise<NetworkAccountEntity> {
    const found = await this.accounts.findChoice(ctx, choiceId);
    if (!found) throw notFound('Network account choice', choiceId);
    if (!found.targets.some((t) => t.id === targetId))
      throw badInput('input.targetId', 'is not one of the identities this sign-in offered');
    const connector = this.connector(found.network, 'input.choiceId');
    const credentials = this.vault.openJson<Credentials>(ctx.organizationId, found.id, found.credentialsCiphertext);
    await ctx.uow.commitAndContinue();
    const targets = (await this.targetsOf(connector, credentials, 'input.targetId')) ?? [];
    const target = targets.find((t) => t.id === targetId);
    if (!target) throw badInput('input.targetId', 'is no longer one this sign-in may publish as: sign in again');
    if (!(await this.accounts.takeChoice(ctx, choiceId))) {
      throw conflict(
        'This choice was already made (or has expired): the account list shows what was connected',
        'input.choiceId',
        'CHOICE_ALREADY_MADE',
      );
    }
    return this.store(ctx, connector, boundTo(target));
  }

  /**
   * The identities the credentials may publish as, when the connector declares `targets`; null when it does not.
   * None is refused: a sign-in that administers nothing is not connected as a person's profile instead.
   */
  private async targetsOf(connector: Connector, credentials: Credentials, field: string): Promise<AccountTarget[] | null> {
    if (!connector.manifest.capabilities.targets || typeof connector.listTargets !== 'function') return null;
    const { ctx: connectorCtx, observation } = observe(this.connectorContext);
    let targets: AccountTarget[];
    try {
      targets = await connector.listTargets(connectorCtx, credentials);
    } catch (error) {
      throw connectError(error, { field, urlField: field, url: credentials.serviceUrl, observation });
    }
    const valid = (Array.isArray(targets) ? targets : []).filter(
      (t) =>
        t &&
        accountHandleProblem(t.id) === null &&
        typeof t.name === 'string' &&
        t.credentials &&
        typeof t.credentials.serviceUrl === 'string',
    );
    if (!valid.length) {
      throw badInput(field, `${connector.manifest.displayName}: this sign-in administers no page, organisation or channel to publish as`);
    }
    return valid;
  }

  /**
   * Stores new credentials: a new row, or for the same network and handle an
   * update of the existing one that keeps its refresh secret when none came.
   * A reconnect releases the account's publications held for NEEDS_REAUTH (in
   * the same transaction; their wake-ups once it has committed).
   */
  private async store(ctx: TenantCtx, connector: Connector, credentials: Credentials): Promise<NetworkAccountEntity> {
    const network = connector.manifest.id;
    const handle = handleOf(credentials, connector.manifest.authKind);
    // What the network answered names the account: remote input, kept only as text any store takes.
    const problem = accountHandleProblem(handle);
    if (problem || handle === null) {
      throw new DomainError(
        'UPSTREAM_UNAVAILABLE',
        `${connector.manifest.displayName} answered an account name that ${problem}: it cannot be kept; nothing was stored.`,
        { details: { networkErrorKind: 'UNKNOWN' } },
      );
    }
    const connectedBy = ctx.actor.type === 'USER' ? ctx.actor.id : null;
    const displayName = keptDisplayName(credentials.secrets.displayName);
    // The credentials are sealed for the row they belong to.
    const sealFor = (id: string, kept: Credentials) => ({
      ...this.vault.seal(ctx.organizationId, id, kept),
      expiresAt: expiryDate(kept.expiresAt),
    });
    let existing = await this.accounts.findByHandleForUpdate(ctx, network, handle);
    let id = existing?.id ?? randomUUID();
    if (!existing) {
      const account = { id, network, handle, displayName, serviceUrl: credentials.serviceUrl, connectedBy };
      if (!(await this.accounts.insert(ctx, account, sealFor(id, credentials)))) {
        // Another connect of the same account committed it meanwhile (the insert waited for it): this one reconnects it.
        existing = await this.accounts.findByHandleForUpdate(ctx, network, handle);
        if (!existing) throw new Error('a network account that conflicted on insert is not there to reconnect');
        id = existing.id;
      }
    }
    if (existing) {
      let previous: Credentials | null = null;
      if (existing.credentialsCiphertext) {
        try {
          previous = this.vault.open(ctx.organizationId, id, existing.credentialsCiphertext);
        } catch {
          previous = null; // unreadable (key gone): the new credentials replace them
        }
      }
      const merged = keepRefreshSecrets(previous, credentials);
      await this.accounts.reconnect(ctx, id, { displayName, serviceUrl: merged.serviceUrl, connectedBy }, sealFor(id, merged));
      await this.releases.release(ctx, id);
    }
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: existing ? 'network_account.reconnected' : 'network_account.connected',
        targetType: 'NetworkAccount',
        targetId: id,
        metadata: { network, handle },
      },
      ctx.requestId,
    );
    return (await this.accounts.find(ctx, id)) as NetworkAccountEntity;
  }

  private connector(network: string, field: string): Connector {
    const connector = this.registry.get(network);
    if (!connector)
      throw badInput(
        field,
        `is not an enabled network (enabled: ${
          this.registry
            .manifests()
            .map((m) => m.id)
            .join(', ') || 'none'
        })`,
      );
    return connector;
  }
}

/** A target's credentials, named after it (the handle and name the account is listed under). */
function boundTo(target: AccountTarget): Credentials {
  const secrets = target.credentials.secrets ?? {};
  return {
    ...target.credentials,
    secrets: {
      ...secrets,
      handle: secrets.handle ?? target.handle ?? target.id,
      displayName: secrets.displayName ?? target.name,
    },
  };
}
