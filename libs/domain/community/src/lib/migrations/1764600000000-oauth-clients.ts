import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Socle's own client registrations at OAuth servers that register clients on
 * demand (a Mastodon instance): one per (network, server, redirect URI), shared
 * by every tenant — it names the platform, not a client organisation, so it has
 * no tenant key and no row-level security. The client secret is sealed.
 */
export class OAuthClients1764600000000 implements MigrationInterface {
  name = 'OAuthClients1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oauth_clients (
        network text NOT NULL CHECK (network ~ '^[a-z0-9-]{1,40}$'),
        service_url text NOT NULL,
        redirect_uri text NOT NULL,
        client_id text NOT NULL,
        client_secret_ciphertext text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (network, service_url, redirect_uri)
      );
      GRANT SELECT, INSERT, UPDATE ON oauth_clients TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE oauth_clients');
  }
}
