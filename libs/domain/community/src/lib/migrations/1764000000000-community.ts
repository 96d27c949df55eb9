import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Connected network accounts and pending OAuth authorisations. Both are
 * organisation tables: keys lead with organization_id, row-level security is
 * FORCEd with USING and WITH CHECK on the current organisation.
 */
export class Community1764000000000 implements MigrationInterface {
  name = 'Community1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE network_accounts (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        network text NOT NULL CHECK (network ~ '^[a-z0-9-]{1,40}$'),
        handle text NOT NULL CHECK (length(handle) BETWEEN 1 AND 500),
        display_name text,
        service_url text NOT NULL,
        status text NOT NULL DEFAULT 'OK' CHECK (status IN ('OK', 'NEEDS_REAUTH', 'RATE_LIMITED', 'ERROR')),
        last_error text,
        last_checked_at timestamptz,
        rate_limited_until timestamptz,
        credentials_ciphertext text,
        credentials_key_id text,
        expires_at timestamptz,
        connected_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, network, handle),
        CHECK ((credentials_ciphertext IS NULL) = (credentials_key_id IS NULL))
      );
      CREATE INDEX network_accounts_page_idx ON network_accounts (organization_id, created_at, id);
      CREATE INDEX network_accounts_due_idx ON network_accounts (organization_id, last_checked_at);

      CREATE TABLE oauth_states (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        network text NOT NULL,
        service_url text NOT NULL,
        state_hash bytea NOT NULL,
        code_verifier_ciphertext text NOT NULL,
        redirect_uri text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, state_hash)
      );
    `);
    for (const table of ['network_accounts', 'oauth_states']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    await q.query(`
      -- Accounts due for a health check, across tenants, for the worker's reconciler (ids only):
      -- never checked, checked before p_before, credentials expiring before p_expiring, or sealed
      -- under another key than p_active_key (rotation).
      CREATE FUNCTION socle_network_accounts_due(p_before timestamptz, p_expiring timestamptz, p_active_key text, p_limit int)
        RETURNS TABLE (organization_id uuid, id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT a.organization_id, a.id FROM network_accounts a JOIN organizations o ON o.id = a.organization_id
            WHERE o.status = 'ACTIVE' AND a.credentials_ciphertext IS NOT NULL
              AND (a.last_checked_at IS NULL OR a.last_checked_at < p_before OR a.expires_at < p_expiring
                   OR a.credentials_key_id <> p_active_key)
            ORDER BY a.last_checked_at NULLS FIRST LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_network_accounts_due(timestamptz, timestamptz, text, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_network_accounts_due(timestamptz, timestamptz, text, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_network_accounts_due(timestamptz, timestamptz, text, int);
      DROP TABLE oauth_states, network_accounts;
    `);
  }
}
