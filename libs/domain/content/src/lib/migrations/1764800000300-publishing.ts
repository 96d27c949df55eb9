import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['publications', 'publication_attempts', 'publishing_pauses'];

/**
 * Publishing: one publication per variant and network account, each attempt
 * recorded, and the organisation's crisis pause. PostgreSQL is the source of
 * truth; the queue only carries wake-ups. A worker claims a publication with a
 * lease (status PUBLISHING, lease_until) in one statement, calls the network
 * with no transaction open and records the result in a short one.
 */
export class Publishing1764800000300 implements MigrationInterface {
  name = 'Publishing1764800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publications (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL,
        -- Kept (null) when the variant or the account goes: a published post's record outlives them.
        variant_id uuid,
        network_account_id uuid,
        network text NOT NULL CHECK (network ~ '^[a-z0-9-]{1,40}$'),
        -- When it was planned for; next_attempt_at is when it may run (later after a retryable failure).
        due_at timestamptz(3) NOT NULL,
        next_attempt_at timestamptz(3) NOT NULL,
        status text NOT NULL DEFAULT 'SCHEDULED'
          CHECK (status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'PUBLISHED', 'FAILED', 'CANCELLED', 'NEEDS_REAUTH')),
        -- The same key for every attempt of this publication: a retried publish never makes a second post.
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        lease_until timestamptz(3),
        leased_by text CHECK (length(leased_by) <= 200),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        external_id text CHECK (length(external_id) <= 2000),
        external_url text CHECK (length(external_url) <= 2000),
        published_at timestamptz(3),
        deleted_at timestamptz(3),
        last_error_kind text CHECK (last_error_kind IN ('AUTH_EXPIRED', 'RATE_LIMITED', 'REJECTED', 'TRANSIENT', 'UNKNOWN', 'ACCOUNT')),
        last_error text CHECK (length(last_error) <= 1000),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, idempotency_key),
        FOREIGN KEY (organization_id, item_id) REFERENCES content_items (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, variant_id) REFERENCES content_variants (organization_id, id) ON DELETE SET NULL (variant_id),
        FOREIGN KEY (organization_id, network_account_id) REFERENCES network_accounts (organization_id, id) ON DELETE SET NULL (network_account_id),
        CHECK ((status = 'PUBLISHING') = (lease_until IS NOT NULL)),
        CHECK (status <> 'PUBLISHED' OR (external_id IS NOT NULL AND published_at IS NOT NULL))
      );
      -- One live publication per variant and account (a cancelled one may be scheduled again).
      CREATE UNIQUE INDEX publications_variant_account_key ON publications (organization_id, variant_id, network_account_id)
        WHERE status <> 'CANCELLED' AND variant_id IS NOT NULL AND network_account_id IS NOT NULL;
      CREATE INDEX publications_item_idx ON publications (organization_id, item_id, created_at, id);
      CREATE INDEX publications_due_idx ON publications (organization_id, due_at, id);
      CREATE INDEX publications_status_idx ON publications (organization_id, status, due_at, id);
      -- The sweeper's look-ups across tenants: what is due, and leases that expired.
      CREATE INDEX publications_wakeup_idx ON publications (next_attempt_at) WHERE status = 'SCHEDULED';
      CREATE INDEX publications_lease_idx ON publications (lease_until) WHERE status = 'PUBLISHING';

      CREATE TABLE publication_attempts (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        publication_id uuid NOT NULL,
        number int NOT NULL CHECK (number > 0),
        worker text CHECK (length(worker) <= 200),
        started_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz(3),
        -- PUBLISHED; FOUND (an earlier attempt had reached the network); RETRY, RATE_LIMITED (tried again later);
        -- NEEDS_REAUTH (held); FAILED (definitive); ABANDONED (its worker's lease expired); SKIPPED (held or cancelled meanwhile).
        outcome text CHECK (outcome IN ('PUBLISHED', 'FOUND', 'RETRY', 'RATE_LIMITED', 'NEEDS_REAUTH', 'FAILED', 'ABANDONED', 'SKIPPED')),
        error_kind text CHECK (error_kind IN ('AUTH_EXPIRED', 'RATE_LIMITED', 'REJECTED', 'TRANSIENT', 'UNKNOWN', 'ACCOUNT')),
        -- What failed, never the network's body nor a secret.
        message text CHECK (length(message) <= 1000),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, publication_id, number),
        FOREIGN KEY (organization_id, publication_id) REFERENCES publications (organization_id, id) ON DELETE CASCADE,
        CHECK ((finished_at IS NULL) = (outcome IS NULL))
      );

      -- The crisis pause: while on, nothing of the organisation is published (the claim checks it).
      CREATE TABLE publishing_pauses (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        active boolean NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        paused_by uuid REFERENCES users (id) ON DELETE SET NULL,
        paused_at timestamptz(3) NOT NULL,
        resumed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resumed_at timestamptz(3),
        PRIMARY KEY (organization_id)
      );
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    await q.query(`
      -- Publications the sweeper wakes up, across tenants (ids only): due ones whose wake-up may be lost,
      -- and leases that expired (their worker died). Organisations being deleted are left out.
      CREATE FUNCTION socle_publications_due(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ (SELECT p.organization_id, p.id FROM publications p JOIN organizations o ON o.id = p.organization_id
             WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= p_now AND o.status = 'ACTIVE'
             ORDER BY p.next_attempt_at LIMIT p_limit)
           UNION ALL
           (SELECT p.organization_id, p.id FROM publications p JOIN organizations o ON o.id = p.organization_id
             WHERE p.status = 'PUBLISHING' AND p.lease_until < p_now AND o.status = 'ACTIVE'
             ORDER BY p.lease_until LIMIT p_limit) $$;
      REVOKE ALL ON FUNCTION socle_publications_due(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_publications_due(timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION socle_publications_due(timestamptz, int); DROP TABLE ${[...TABLES].reverse().join(', ')};`);
  }
}
