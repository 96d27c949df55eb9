import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import { NetworkAccountEntity, NetworkAccountStatus } from './entities';

/**
 * Who acts in which organisation. A request's OrganizationContext is one; the
 * worker and the OAuth callback build one from the unit of work they opened in
 * the organisation their payload or verified state names. The tenant is the
 * unit of work's own.
 */
export interface TenantCtx {
  readonly uow: OrganizationUnitOfWork;
  /** Read from the unit of work (its type cannot be given any other way). */
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
  readonly actor: Actor;
  readonly requestId?: string;
}

/** Keyset page request: rows after `after`, `size + 1` of them. */
export type PageQuery = KeysetPage;

const COLUMNS = `organization_id, id, network, handle, display_name, service_url, status, last_error, last_checked_at,
  rate_limited_until, credentials_key_id, expires_at, connected_by, created_at, updated_at`;

interface Row {
  organization_id: string;
  id: string;
  network: string;
  handle: string;
  display_name: string | null;
  service_url: string;
  status: NetworkAccountStatus;
  last_error: string | null;
  last_checked_at: Date | null;
  rate_limited_until: Date | null;
  credentials_key_id: string | null;
  expires_at: Date | null;
  connected_by: string | null;
  created_at: Date;
  updated_at: Date;
  credentials_ciphertext?: string | null;
}

function toEntity(r: Row): NetworkAccountEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    network: r.network,
    handle: r.handle,
    displayName: r.display_name,
    serviceUrl: r.service_url,
    status: r.status,
    lastError: r.last_error,
    lastCheckedAt: r.last_checked_at,
    rateLimitedUntil: r.rate_limited_until,
    credentialsCiphertext: r.credentials_ciphertext ?? null,
    credentialsKeyId: r.credentials_key_id,
    expiresAt: r.expires_at,
    connectedBy: r.connected_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface StatusPatch {
  status: NetworkAccountStatus;
  lastError: string | null;
  rateLimitedUntil: Date | null;
}

export interface SealedCredentials {
  ciphertext: string;
  keyId: string;
  expiresAt: Date | null;
}

/** A row's refresh lease as a check waiting on another's refresh sees it. */
export interface RefreshLeaseState {
  /** The sealed credentials stored now (null: none). */
  ciphertext: string | null;
  owner: string | null;
  until: Date | null;
  /** No lease, or one whose time is over (its check crashed): it may be taken. */
  ended: boolean;
}

/** The only place that queries network_accounts and oauth_states; always inside the caller's tenant. */
@Injectable()
export class NetworkAccountRepository {
  async page(ctx: TenantCtx, page: PageQuery): Promise<NetworkAccountEntity[]> {
    const params: unknown[] = [ctx.uow.organizationId, page.size + 1];
    let where = 'organization_id = $1';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where += ' AND (created_at, id) > ($3::timestamptz, $4::uuid)';
    }
    const rows = await ctx.uow.query<Row>(
      `SELECT ${COLUMNS} FROM network_accounts WHERE ${where} ORDER BY created_at, id LIMIT $2`,
      params,
    );
    return rows.map(toEntity);
  }

  /** How many accounts the organisation has connected, all pages together. */
  async count(ctx: TenantCtx): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [
      ctx.uow.organizationId,
    ]);
    return row.n;
  }

  async find(ctx: TenantCtx, id: string): Promise<NetworkAccountEntity | null> {
    const [row] = await ctx.uow.query<Row>(`SELECT ${COLUMNS} FROM network_accounts WHERE organization_id = $1 AND id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ? toEntity(row) : null;
  }

  /**
   * The row with its sealed credentials, not locked: a health check reads it,
   * calls the network with no transaction open, then writes with the `…If`
   * methods below, which compare the sealed credentials it started from.
   */
  async findWithCredentials(ctx: TenantCtx, id: string): Promise<NetworkAccountEntity | null> {
    const [row] = await ctx.uow.query<Row>(
      `SELECT ${COLUMNS}, credentials_ciphertext FROM network_accounts WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ? toEntity(row) : null;
  }

  async findByHandleForUpdate(ctx: TenantCtx, network: string, handle: string): Promise<NetworkAccountEntity | null> {
    const [row] = await ctx.uow.query<Row>(
      `SELECT ${COLUMNS}, credentials_ciphertext FROM network_accounts WHERE organization_id = $1 AND network = $2 AND handle = $3 FOR UPDATE`,
      [ctx.uow.organizationId, network, handle],
    );
    return row ? toEntity(row) : null;
  }

  /**
   * A new account; false when the organisation already has one of this network and handle (another connect of the
   * same account committed it meanwhile: the caller reconnects that one).
   */
  async insert(
    ctx: TenantCtx,
    account: { id: string; network: string; handle: string; displayName: string | null; serviceUrl: string; connectedBy: string | null },
    sealed: SealedCredentials,
  ): Promise<boolean> {
    const inserted = await ctx.uow.execute(
      `INSERT INTO network_accounts (organization_id, id, network, handle, display_name, service_url, status, last_checked_at,
         credentials_ciphertext, credentials_key_id, expires_at, connected_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'OK', now(), $7, $8, $9, $10)
       ON CONFLICT (organization_id, network, handle) DO NOTHING`,
      [
        ctx.uow.organizationId,
        account.id,
        account.network,
        account.handle,
        account.displayName,
        account.serviceUrl,
        sealed.ciphertext,
        sealed.keyId,
        sealed.expiresAt,
        account.connectedBy,
      ],
    );
    return inserted === 1;
  }

  /** A reconnect: new credentials, healthy again. */
  async reconnect(
    ctx: TenantCtx,
    id: string,
    patch: { displayName: string | null; serviceUrl: string; connectedBy: string | null },
    sealed: SealedCredentials,
  ): Promise<void> {
    await ctx.uow.execute(
      `UPDATE network_accounts SET display_name = coalesce($3, display_name), service_url = $4, connected_by = coalesce($5, connected_by),
         credentials_ciphertext = $6, credentials_key_id = $7, expires_at = $8, status = 'OK', last_error = NULL, rate_limited_until = NULL,
         last_checked_at = now(), updated_at = now()
       WHERE organization_id = $1 AND id = $2`,
      [
        ctx.uow.organizationId,
        id,
        patch.displayName,
        patch.serviceUrl,
        patch.connectedBy,
        sealed.ciphertext,
        sealed.keyId,
        sealed.expiresAt,
      ],
    );
  }

  /**
   * Optimistic writes of a health check's results: applied only while the row
   * still holds the sealed credentials the check started from (each sealing has
   * a fresh IV, so equal ciphertexts mean nobody stored other credentials
   * meanwhile: no reconnect, no other check's refresh, no disconnect). False
   * when the row changed: the newer state wins and the check's result is dropped.
   */
  async replaceCredentialsIf(ctx: TenantCtx, id: string, expectedCiphertext: string, sealed: SealedCredentials): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE network_accounts SET credentials_ciphertext = $4, credentials_key_id = $5, expires_at = $6, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND credentials_ciphertext = $3`,
      [ctx.uow.organizationId, id, expectedCiphertext, sealed.ciphertext, sealed.keyId, sealed.expiresAt],
    );
    return changed === 1;
  }

  /** See `replaceCredentialsIf`; the status of a check, kept only when it is about the credentials stored now. */
  async setStatusIf(ctx: TenantCtx, id: string, expectedCiphertext: string, patch: StatusPatch): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE network_accounts SET status = $4, last_error = $5, rate_limited_until = $6, last_checked_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND credentials_ciphertext = $3`,
      [ctx.uow.organizationId, id, expectedCiphertext, patch.status, patch.lastError, patch.rateLimitedUntil],
    );
    return changed === 1;
  }

  // ------------------------------------------------------------------ Refresh lease

  /**
   * Takes the account's refresh lease for `ms` milliseconds, in one conditional
   * UPDATE: only while the row holds the sealed credentials the check read and
   * no other check holds a lease that has not ended. Two checks racing here are
   * ordered by the row lock; the second sees the first's lease and gets false.
   * The clock is the server's at the statement (not the transaction's start).
   */
  async takeRefreshLease(ctx: TenantCtx, id: string, expectedCiphertext: string, owner: string, ms: number): Promise<boolean> {
    const taken = await ctx.uow.execute(
      `UPDATE network_accounts SET refresh_lease_owner = $4, refresh_lease_until = clock_timestamp() + make_interval(secs => $5::double precision / 1000)
        WHERE organization_id = $1 AND id = $2 AND credentials_ciphertext = $3
          AND (refresh_lease_until IS NULL OR refresh_lease_until <= clock_timestamp())`,
      [ctx.uow.organizationId, id, expectedCiphertext, owner, ms],
    );
    return taken === 1;
  }

  /**
   * Stores refreshed credentials and ends the refresh lease in the same UPDATE,
   * while the row still holds the credentials the refresh started from (see
   * `replaceCredentialsIf`). Any lease on the row was about those credentials,
   * so it ends whoever holds it.
   */
  async storeRefreshedIf(ctx: TenantCtx, id: string, expectedCiphertext: string, sealed: SealedCredentials): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE network_accounts SET credentials_ciphertext = $4, credentials_key_id = $5, expires_at = $6, updated_at = now(),
              refresh_lease_owner = NULL, refresh_lease_until = NULL
        WHERE organization_id = $1 AND id = $2 AND credentials_ciphertext = $3`,
      [ctx.uow.organizationId, id, expectedCiphertext, sealed.ciphertext, sealed.keyId, sealed.expiresAt],
    );
    return changed === 1;
  }

  /** Ends the lease `owner` holds (a refresh that failed or was superseded); another's lease is left alone. */
  async releaseRefreshLease(ctx: TenantCtx, id: string, owner: string): Promise<void> {
    await ctx.uow.execute(
      'UPDATE network_accounts SET refresh_lease_owner = NULL, refresh_lease_until = NULL WHERE organization_id = $1 AND id = $2 AND refresh_lease_owner = $3',
      [ctx.uow.organizationId, id, owner],
    );
  }

  /** What a check waiting on another's refresh looks at: the sealed credentials and the lease; null when the row is gone. */
  async refreshLeaseOf(ctx: TenantCtx, id: string): Promise<RefreshLeaseState | null> {
    const [row] = await ctx.uow.query<{
      credentials_ciphertext: string | null;
      refresh_lease_owner: string | null;
      refresh_lease_until: Date | null;
      ended: boolean;
    }>(
      `SELECT credentials_ciphertext, refresh_lease_owner, refresh_lease_until, coalesce(refresh_lease_until <= clock_timestamp(), true) AS ended
         FROM network_accounts WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row
      ? { ciphertext: row.credentials_ciphertext, owner: row.refresh_lease_owner, until: row.refresh_lease_until, ended: row.ended }
      : null;
  }

  /**
   * Seals the same credentials again (key rotation), like `replaceCredentialsIf`,
   * but never while another check holds the refresh lease: changing the sealed
   * value under it would make its refreshed credentials (the network may have
   * consumed the refresh token) unstorable. False when not done.
   */
  async resealIf(ctx: TenantCtx, id: string, expectedCiphertext: string, sealed: SealedCredentials): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE network_accounts SET credentials_ciphertext = $4, credentials_key_id = $5, expires_at = $6, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND credentials_ciphertext = $3
          AND (refresh_lease_until IS NULL OR refresh_lease_until <= clock_timestamp())`,
      [ctx.uow.organizationId, id, expectedCiphertext, sealed.ciphertext, sealed.keyId, sealed.expiresAt],
    );
    return changed === 1;
  }

  async delete(ctx: TenantCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM network_accounts WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }

  /** Accounts due for a check, across tenants (SECURITY DEFINER function: ids only). */
  async due(
    uow: UnitOfWork,
    before: Date,
    expiring: Date,
    activeKeyId: string,
    limit: number,
  ): Promise<{ organization_id: string; id: string }[]> {
    return uow.query('SELECT organization_id, id FROM socle_network_accounts_due($1, $2, $3, $4)', [before, expiring, activeKeyId, limit]);
  }

  // ------------------------------------------------------------------ OAuth states

  /** Stores a pending authorisation and, in the same statement, drops this tenant's states expired over a day ago. */
  async insertState(
    ctx: TenantCtx,
    state: {
      id: string;
      network: string;
      serviceUrl: string;
      stateHash: Buffer;
      sealed: string;
      redirectUri: string;
      expiresAt: Date;
      createdBy: string | null;
    },
  ): Promise<void> {
    await ctx.uow.execute(
      `WITH swept AS (DELETE FROM oauth_states WHERE organization_id = $1 AND expires_at < now() - interval '1 day')
       INSERT INTO oauth_states (organization_id, id, network, service_url, state_hash, code_verifier_ciphertext, redirect_uri, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ctx.uow.organizationId,
        state.id,
        state.network,
        state.serviceUrl,
        state.stateHash,
        state.sealed,
        state.redirectUri,
        state.expiresAt,
        state.createdBy,
      ],
    );
  }

  /** Takes (deletes and returns) the state with this hash: single use. Also drops this tenant's expired states. */
  async takeState(
    uow: OrganizationUnitOfWork,
    stateHash: Buffer,
  ): Promise<{
    id: string;
    network: string;
    serviceUrl: string;
    sealed: string;
    redirectUri: string;
    expiresAt: Date;
    createdBy: string | null;
  } | null> {
    const rows = await uow.query<{
      id: string;
      network: string;
      service_url: string;
      code_verifier_ciphertext: string;
      redirect_uri: string;
      expires_at: Date;
      created_by: string | null;
      state_hash: Buffer;
    }>(
      `WITH taken AS (
         DELETE FROM oauth_states WHERE organization_id = $1 AND (state_hash = $2 OR expires_at < now() - interval '1 day')
         RETURNING id, network, service_url, code_verifier_ciphertext, redirect_uri, expires_at, created_by, state_hash)
       SELECT * FROM taken`,
      [uow.organizationId, stateHash],
    );
    const row = rows.find((r) => Buffer.compare(r.state_hash, stateHash) === 0);
    return row
      ? {
          id: row.id,
          network: row.network,
          serviceUrl: row.service_url,
          sealed: row.code_verifier_ciphertext,
          redirectUri: row.redirect_uri,
          expiresAt: row.expires_at,
          createdBy: row.created_by,
        }
      : null;
  }

  /** Keeps a sign-in's identities to choose from; expired choices of the organisation are swept on the way. */
  async insertChoice(ctx: TenantCtx, choice: NetworkAccountChoiceRow & { credentialsCiphertext: string }): Promise<void> {
    await ctx.uow.execute(
      `WITH swept AS (DELETE FROM network_account_choices WHERE organization_id = $1 AND expires_at < now() - interval '1 day')
       INSERT INTO network_account_choices (organization_id, id, network, service_url, credentials_ciphertext, targets, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [
        ctx.uow.organizationId,
        choice.id,
        choice.network,
        choice.serviceUrl,
        choice.credentialsCiphertext,
        JSON.stringify(choice.targets),
        choice.expiresAt,
        choice.createdBy,
      ],
    );
  }

  /** A choice still open (not expired), without its sealed credentials unless asked. */
  async findChoice(ctx: TenantCtx, id: string): Promise<(NetworkAccountChoiceRow & { credentialsCiphertext: string }) | null> {
    const [row] = await ctx.uow.query<ChoiceRecord>(
      `SELECT id, network, service_url, credentials_ciphertext, targets, expires_at, created_by FROM network_account_choices
        WHERE organization_id = $1 AND id = $2 AND expires_at > now()`,
      [ctx.uow.organizationId, id],
    );
    return row ? choiceOf(row) : null;
  }

  /** Takes a choice once: the first caller gets it, any other (or after expiry) null. */
  async takeChoice(ctx: TenantCtx, id: string): Promise<boolean> {
    // Through a CTE: a bare DELETE … RETURNING comes back from TypeORM as [rows, count], not as the rows.
    const rows = await ctx.uow.query<{ id: string }>(
      `WITH taken AS (DELETE FROM network_account_choices WHERE organization_id = $1 AND id = $2 AND expires_at > now() RETURNING id)
       SELECT id FROM taken`,
      [ctx.uow.organizationId, id],
    );
    return rows.length === 1;
  }
}

/** An identity offered by a sign-in: what the agency sees when choosing (no credentials). */
export interface NetworkAccountChoiceTarget {
  id: string;
  kind: string;
  name: string;
  handle: string | null;
  url: string | null;
}

export interface NetworkAccountChoiceRow {
  id: string;
  network: string;
  serviceUrl: string;
  targets: NetworkAccountChoiceTarget[];
  expiresAt: Date;
  createdBy: string | null;
}

interface ChoiceRecord {
  id: string;
  network: string;
  service_url: string;
  credentials_ciphertext: string;
  targets: NetworkAccountChoiceTarget[];
  expires_at: Date;
  created_by: string | null;
}

function choiceOf(row: ChoiceRecord): NetworkAccountChoiceRow & { credentialsCiphertext: string } {
  return {
    id: row.id,
    network: row.network,
    serviceUrl: row.service_url,
    credentialsCiphertext: row.credentials_ciphertext,
    targets: row.targets,
    expiresAt: row.expires_at,
    createdBy: row.created_by,
  };
}
