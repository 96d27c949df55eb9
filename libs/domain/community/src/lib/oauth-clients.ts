import { Injectable } from '@nestjs/common';
import type { OAuthClient, OAuthClients } from '@socle/connector-sdk';
import type { UnitOfWork } from '@socle/platform-database';
import { CredentialVault } from './credential-vault';

/** The contract's types: a plugin's `oauth.start` receives the store as `OAuthClients`. */
export type { OAuthClient, OAuthClients };

export interface OAuthClientKey {
  network: string;
  serviceUrl: string;
  redirectUri: string;
}

/** Sealed outside any tenant: the additional data names the registration, not an organisation. */
const PLATFORM = 'platform';
const rowIdOf = (key: OAuthClientKey) => `oauth-client:${key.network}:${key.serviceUrl}:${key.redirectUri}`;

/**
 * Socle's client registrations at servers that register clients on demand
 * (a Mastodon instance): the first authorisation on a server registers the
 * client, the next ones reuse it. Two concurrent first authorisations may both
 * register; the last stored wins, and each keeps working with its own.
 */
@Injectable()
export class OAuthClientStore {
  constructor(private readonly vault: CredentialVault) {}

  async getOrRegister(uow: UnitOfWork, key: OAuthClientKey, register: () => Promise<OAuthClient>): Promise<OAuthClient> {
    const [row] = await uow.query<{ client_id: string; client_secret_ciphertext: string }>(
      'SELECT client_id, client_secret_ciphertext FROM oauth_clients WHERE network = $1 AND service_url = $2 AND redirect_uri = $3',
      [key.network, key.serviceUrl, key.redirectUri],
    );
    if (row) {
      try {
        const { clientSecret } = this.vault.openJson<{ clientSecret: string }>(PLATFORM, rowIdOf(key), row.client_secret_ciphertext);
        return { clientId: row.client_id, clientSecret };
      } catch {
        // Sealed under a key no longer in the ring: register again below.
      }
    }
    // Registering is a call to the server: made with no transaction open.
    await uow.commitAndContinue();
    const client = await register();
    await uow.execute(
      `INSERT INTO oauth_clients (network, service_url, redirect_uri, client_id, client_secret_ciphertext) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (network, service_url, redirect_uri) DO UPDATE
         SET client_id = EXCLUDED.client_id, client_secret_ciphertext = EXCLUDED.client_secret_ciphertext, created_at = now()`,
      [
        key.network,
        key.serviceUrl,
        key.redirectUri,
        client.clientId,
        this.vault.sealJson(PLATFORM, rowIdOf(key), { clientSecret: client.clientSecret }),
      ],
    );
    return client;
  }
}
