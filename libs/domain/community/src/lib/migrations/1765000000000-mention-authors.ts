import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mention authors: what people add to an author found by listening (tags
 * INFLUENCER, AMBASSADOR, DETRACTOR, a note, who set them and when). The
 * figures of an author (mentions, sentiment, reach) are not stored: they are
 * read from the mentions of a window, so they never go stale.
 *
 * - An author is a network and a handle, case ignored (`handle_key` is the
 *   handle as PostgreSQL's `lower` folds it, the way mentions_author_idx
 *   indexes `lower(author_handle)`).
 * - The tags are a set held sorted and without duplicates (checked here, so a
 *   statement that forgot to fold cannot store {AMBASSADOR,AMBASSADOR}).
 * - Keys lead with organization_id; row-level security is FORCEd.
 */
export class MentionAuthors1765000000000 implements MigrationInterface {
  name = 'MentionAuthors1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_is_sorted_text_set(p text[]) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN p = ARRAY(SELECT DISTINCT t FROM unnest(p) t ORDER BY t);

      CREATE TABLE mention_author_profiles (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        source text NOT NULL CHECK (source ~ '^[a-z0-9-]{1,40}$'),
        handle_key text NOT NULL CHECK (length(handle_key) BETWEEN 1 AND 500 AND handle_key = lower(handle_key)),
        tags text[] NOT NULL DEFAULT '{}'
          CHECK (tags <@ ARRAY['AMBASSADOR', 'DETRACTOR', 'INFLUENCER']::text[] AND socle_is_sorted_text_set(tags)),
        tagged_by uuid REFERENCES users (id) ON DELETE SET NULL,
        tagged_at timestamptz(3),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        note_by uuid REFERENCES users (id) ON DELETE SET NULL,
        note_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, source, handle_key)
      );
      ALTER TABLE mention_author_profiles ENABLE ROW LEVEL SECURITY;
      ALTER TABLE mention_author_profiles FORCE ROW LEVEL SECURITY;
      CREATE POLICY mention_author_profiles_tenant ON mention_author_profiles
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON mention_author_profiles TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE mention_author_profiles;
      DROP FUNCTION socle_is_sorted_text_set(text[]);
    `);
  }
}
