import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['metric_samples', 'metric_collections'];

/**
 * Metric samples: time series of the counts the connectors read, per connected
 * account (followers, accounts followed, posts) and per published publication
 * (likes, reposts, replies, quotes, impressions). A series is an account's
 * metric or a publication's metric; it holds at most one sample per UTC hour
 * (partial unique indexes on the hour the database derives), so a collection
 * run again within the hour adds nothing. metric_collections keeps, per
 * account, when the worker last collected, the last failure and the back-off:
 * a failure is recorded there and never changes the account's own status.
 * Organisation tables: keys lead with organization_id, foreign keys carry it,
 * row-level security is FORCEd. A SECURITY DEFINER function lists the
 * organisations due for a collection across tenants (ids only).
 */
export class MetricSamples1765000000300 implements MigrationInterface {
  name = 'MetricSamples1765000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE metric_samples (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        -- Set for a publication's metric, null for the account's own.
        publication_id uuid,
        metric text NOT NULL CHECK (metric IN ('FOLLOWERS', 'FOLLOWING', 'POSTS', 'LIKES', 'REPOSTS', 'REPLIES', 'QUOTES', 'IMPRESSIONS')),
        value bigint NOT NULL CHECK (value >= 0),
        sampled_at timestamptz(3) NOT NULL,
        sampled_hour timestamp NOT NULL GENERATED ALWAYS AS (date_trunc('hour', sampled_at AT TIME ZONE 'UTC')) STORED,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, account_id) REFERENCES network_accounts (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, publication_id) REFERENCES publications (organization_id, id) ON DELETE CASCADE,
        CHECK ((metric IN ('FOLLOWERS', 'FOLLOWING', 'POSTS')) = (publication_id IS NULL))
      );
      -- One sample per series and hour; also the index the series are read by (the latest sample before a time: one
      -- descent, hours being unique within a series).
      CREATE UNIQUE INDEX metric_samples_account_hour_key ON metric_samples (organization_id, account_id, metric, sampled_hour)
        WHERE publication_id IS NULL;
      CREATE UNIQUE INDEX metric_samples_publication_hour_key ON metric_samples (organization_id, publication_id, metric, sampled_hour)
        WHERE publication_id IS NOT NULL;
      -- Deleting an account cascades to its publications' samples too.
      CREATE INDEX metric_samples_account_idx ON metric_samples (organization_id, account_id);

      CREATE TABLE metric_collections (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        account_id uuid NOT NULL,
        last_run_at timestamptz(3),
        last_success_at timestamptz(3),
        last_error text CHECK (length(last_error) <= 1000),
        last_error_at timestamptz(3),
        failures int NOT NULL DEFAULT 0 CHECK (failures >= 0),
        retry_at timestamptz(3),
        samples_added bigint NOT NULL DEFAULT 0 CHECK (samples_added >= 0),
        PRIMARY KEY (organization_id, account_id),
        FOREIGN KEY (organization_id, account_id) REFERENCES network_accounts (organization_id, id) ON DELETE CASCADE
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
      -- Organisations with an account not waiting for re-authorisation whose metrics were never collected,
      -- not since p_before, or whose back-off is over at p_now (ids only).
      CREATE FUNCTION socle_metrics_organizations_due(p_before timestamptz, p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id FROM organizations o
            WHERE o.status = 'ACTIVE'
              AND EXISTS (SELECT 1 FROM network_accounts a
                           LEFT JOIN metric_collections c ON c.organization_id = a.organization_id AND c.account_id = a.id
                          WHERE a.organization_id = o.id AND a.status <> 'NEEDS_REAUTH'
                            AND (c.account_id IS NULL OR (c.retry_at IS NULL AND (c.last_run_at IS NULL OR c.last_run_at < p_before))
                                 OR c.retry_at <= p_now))
            ORDER BY o.id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_metrics_organizations_due(timestamptz, timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_metrics_organizations_due(timestamptz, timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_metrics_organizations_due(timestamptz, timestamptz, int);
      DROP TABLE ${[...TABLES].reverse().join(', ')};
    `);
  }
}
