import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The blog digest: a weekly mail listing the articles an organisation published on its blogs (connectors whose
 * variants are articles: WordPress, Ghost) during the week, to the newsletter's subscribers who chose it.
 *
 * - `press_rooms.blog_digest`: whether the room offers it (its sign-up form then shows the choice);
 * - `newsletter_subscribers.lists`: what each subscriber receives, `RELEASES` and/or `BLOG` (at least one);
 * - `blog_digests`: one row per organisation and week (Monday to Sunday in the organisation's time zone), written once
 *   with the week's articles as they were listed; the unique key makes the week's digest one, whoever runs the job;
 * - `blog_digest_deliveries`: one row per digest and subscriber, written with the mail (a subscriber gets a week once).
 *
 * `socle_blog_digests_due` lists the organisations whose last week's digest is due (from Monday 09:00, their time) and
 * not yet written: ids only, across tenants, for the reconciler.
 */
export class BlogDigest1765000004200 implements MigrationInterface {
  name = 'BlogDigest1765000004200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE press_rooms ADD COLUMN blog_digest boolean NOT NULL DEFAULT false;
      ALTER TABLE newsletter_subscribers ADD COLUMN lists text[] NOT NULL DEFAULT '{RELEASES}'
        CHECK (cardinality(lists) BETWEEN 1 AND 2 AND lists <@ ARRAY['RELEASES', 'BLOG']);

      CREATE TABLE blog_digests (
        organization_id uuid NOT NULL REFERENCES press_rooms (organization_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The Monday the week starts, in the organisation's time zone.
        week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
        -- The week's articles: [{ "title", "excerpt", "url", "publishedAt", "network" }], at most 50.
        articles jsonb NOT NULL CHECK (jsonb_typeof(articles) = 'array' AND jsonb_array_length(articles) <= 50),
        done_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, week_start)
      );

      CREATE TABLE blog_digest_deliveries (
        organization_id uuid NOT NULL,
        digest_id uuid NOT NULL,
        subscriber_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, digest_id, subscriber_id),
        FOREIGN KEY (organization_id, digest_id) REFERENCES blog_digests (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, subscriber_id) REFERENCES newsletter_subscribers (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX blog_digest_deliveries_subscriber_idx ON blog_digest_deliveries (organization_id, subscriber_id);
    `);
    for (const table of ['blog_digests', 'blog_digest_deliveries']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    await q.query(`
      REVOKE UPDATE ON blog_digest_deliveries FROM socle_app;

      -- The week whose digest is due at p_now in time zone p_zone: the one before the week p_now - 9 hours falls in.
      CREATE FUNCTION socle_blog_digest_week(p_now timestamptz, p_zone text)
        RETURNS date LANGUAGE sql STABLE AS
        $$ SELECT (date_trunc('week', (p_now AT TIME ZONE p_zone) - interval '9 hours') - interval '7 days')::date $$;

      CREATE FUNCTION socle_blog_digests_due(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT r.organization_id FROM press_rooms r
             JOIN organizations o ON o.id = r.organization_id AND o.status = 'ACTIVE'
            WHERE r.enabled AND r.blog_digest
              AND NOT EXISTS (SELECT 1 FROM blog_digests d WHERE d.organization_id = r.organization_id
                                 AND d.week_start = socle_blog_digest_week(p_now, o.timezone) AND d.done_at IS NOT NULL)
            ORDER BY 1 LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_blog_digests_due(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_blog_digests_due(timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_blog_digests_due(timestamptz, int);
      DROP FUNCTION socle_blog_digest_week(timestamptz, text);
      DROP TABLE blog_digest_deliveries, blog_digests;
      ALTER TABLE newsletter_subscribers DROP COLUMN lists;
      ALTER TABLE press_rooms DROP COLUMN blog_digest;
    `);
  }
}
