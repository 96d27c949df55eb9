import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['listening_queries', 'listening_query_sources', 'mentions', 'mention_matches'];

/**
 * Listening: the organisation's queries (brand, competitor, topic), the state of
 * each query on each connected account it reads (cursor, last run, last error,
 * back-off), the mentions found (one row per organisation, network and external
 * id, however many queries match it) and which queries matched which mention.
 * Organisation tables: keys lead with organization_id, foreign keys carry it,
 * row-level security is FORCEd. A SECURITY DEFINER function lists the queries
 * due across tenants (ids only) for the worker's reconciler.
 */
export class Listening1764900000000 implements MigrationInterface {
  name = 'Listening1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listening_queries (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('BRAND', 'COMPETITOR', 'TOPIC')),
        competitor_id uuid,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        query text NOT NULL CHECK (length(query) BETWEEN 1 AND 2000),
        -- Networks the query reads (connector names); empty: every connected account that reads mentions.
        sources text[] NOT NULL DEFAULT '{}' CHECK (cardinality(sources) <= 20),
        active boolean NOT NULL DEFAULT true,
        last_run_at timestamptz(3),
        run_requested_at timestamptz(3),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, competitor_id) REFERENCES competitors (organization_id, id) ON DELETE CASCADE,
        CHECK ((kind = 'COMPETITOR') = (competitor_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX listening_queries_name_key ON listening_queries (organization_id, lower(name));
      CREATE INDEX listening_queries_page_idx ON listening_queries (organization_id, created_at, id);
      CREATE INDEX listening_queries_due_idx ON listening_queries (last_run_at NULLS FIRST) WHERE active;

      CREATE TABLE listening_query_sources (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        query_id uuid NOT NULL,
        account_id uuid NOT NULL,
        network text NOT NULL CHECK (network ~ '^[a-z0-9-]{1,40}$'),
        -- Where the last run stopped: the newest publication time seen and the external ids at that time.
        cursor text CHECK (length(cursor) <= 20000),
        last_run_at timestamptz(3),
        last_success_at timestamptz(3),
        last_error text CHECK (length(last_error) <= 1000),
        last_error_at timestamptz(3),
        failures int NOT NULL DEFAULT 0 CHECK (failures >= 0),
        retry_at timestamptz(3),
        mentions_added bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, query_id, account_id),
        FOREIGN KEY (organization_id, query_id) REFERENCES listening_queries (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, account_id) REFERENCES network_accounts (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX listening_query_sources_retry_idx ON listening_query_sources (retry_at) WHERE retry_at IS NOT NULL;

      CREATE TABLE mentions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source ~ '^[a-z0-9-]{1,40}$'),
        external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 2000),
        account_id uuid,
        author_handle text NOT NULL CHECK (length(author_handle) <= 500),
        author_name text CHECK (length(author_name) <= 500),
        author_reach int CHECK (author_reach >= 0),
        text text NOT NULL CHECK (length(text) <= 100000),
        url text CHECK (length(url) <= 2000),
        published_at timestamptz(3) NOT NULL,
        published_at_estimated boolean NOT NULL DEFAULT false,
        language text CHECK (length(language) BETWEEN 1 AND 35),
        sentiment_score real CHECK (sentiment_score BETWEEN -1 AND 1),
        sentiment_label text CHECK (sentiment_label IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
        reach int CHECK (reach >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, source, external_id),
        FOREIGN KEY (organization_id, account_id) REFERENCES network_accounts (organization_id, id) ON DELETE SET NULL (account_id)
      );
      CREATE INDEX mentions_time_idx ON mentions (organization_id, published_at DESC, id DESC);
      CREATE INDEX mentions_author_idx ON mentions (organization_id, lower(author_handle), published_at DESC);

      CREATE TABLE mention_matches (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        query_id uuid NOT NULL,
        mention_id uuid NOT NULL,
        -- The mention's time, copied so a query's mentions are read newest first from this index alone.
        published_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, query_id, mention_id),
        FOREIGN KEY (organization_id, query_id) REFERENCES listening_queries (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, mention_id) REFERENCES mentions (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX mention_matches_time_idx ON mention_matches (organization_id, query_id, published_at DESC, mention_id DESC);
      CREATE INDEX mention_matches_mention_idx ON mention_matches (organization_id, mention_id);

      CREATE FUNCTION socle_listening_queries_due(p_before timestamptz, p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT l.organization_id, l.id FROM listening_queries l JOIN organizations o ON o.id = l.organization_id
            WHERE o.status = 'ACTIVE' AND l.active
              AND (l.last_run_at IS NULL OR l.last_run_at < p_before
                   OR EXISTS (SELECT 1 FROM listening_query_sources s
                               WHERE s.organization_id = l.organization_id AND s.query_id = l.id AND s.retry_at <= p_now))
            ORDER BY l.last_run_at NULLS FIRST LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_listening_queries_due(timestamptz, timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_listening_queries_due(timestamptz, timestamptz, int) TO socle_app;
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_listening_queries_due(timestamptz, timestamptz, int);
      DROP TABLE ${[...TABLES].reverse().join(', ')};
    `);
  }
}
