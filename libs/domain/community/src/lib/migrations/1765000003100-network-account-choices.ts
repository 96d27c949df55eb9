import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-in that reaches several identities to publish as (a LinkedIn member's company pages, a Meta user's
 * pages, a Google account's channels) waits here until a member of the organisation picks one: the signed-in
 * user's credentials sealed (never readable without the vault), the identities offered (names and ids only),
 * and an expiry. Taken once, by the choice; swept when expired.
 */
export class NetworkAccountChoices1765000003100 implements MigrationInterface {
  name = 'NetworkAccountChoices1765000003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE network_account_choices (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL,
        network text NOT NULL,
        service_url text NOT NULL,
        credentials_ciphertext text NOT NULL,
        targets jsonb NOT NULL CHECK (jsonb_typeof(targets) = 'array' AND jsonb_array_length(targets) BETWEEN 2 AND 500),
        expires_at timestamptz NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id)
      );
      ALTER TABLE network_account_choices ENABLE ROW LEVEL SECURITY;
      ALTER TABLE network_account_choices FORCE ROW LEVEL SECURITY;
      CREATE POLICY network_account_choices_tenant ON network_account_choices
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON network_account_choices TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE network_account_choices');
  }
}
