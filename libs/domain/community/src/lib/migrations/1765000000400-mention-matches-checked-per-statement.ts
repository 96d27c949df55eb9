import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mention matches checked per statement instead of per row.
 *
 * The ingest path writes a mention and about five matches per mention. Each
 * match row paid three foreign-key checks, each a per-row trigger running its
 * own lookup and row lock: measured on 90,000 matches, 815 ms of the 1,356 ms
 * the INSERT took, more than the rows and their indexes themselves. The same
 * promises are now kept by the database per statement:
 *
 * - After each INSERT into mention_matches, one trigger reads the statement's
 *   new rows (a transition table) and checks, as a foreign key does, that each
 *   mention and each listening query named exists in the same organisation,
 *   locking them FOR KEY SHARE (a parent deleted concurrently either waits for
 *   this transaction or is seen gone, and the INSERT fails with 23503).
 * - Deleting mentions or listening queries deletes their matches (what ON
 *   DELETE CASCADE did), once per statement.
 * - The keys the matches refer to cannot change (mentions and queries never
 *   change their ids), nor can a match's own keys: an UPDATE could otherwise
 *   point a match where no check looked.
 * - The foreign key to organizations was redundant: a match names a listening
 *   query of its organisation, and listening queries keep theirs.
 *
 * The primary key becomes (organization_id, mention_id, query_id): it also
 * answers "which queries matched this mention" and the cascade from a mention,
 * so the separate index on (organization_id, mention_id) goes (two indexes
 * written per match instead of three). The triggers run as the caller, under
 * row-level security: a match passes its own policy only in the caller's
 * organisation, where its mention and query are visible.
 */
export class MentionMatchesCheckedPerStatement1765000000400 implements MigrationInterface {
  name = 'MentionMatchesCheckedPerStatement1765000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mention_matches
        DROP CONSTRAINT mention_matches_organization_id_fkey,
        DROP CONSTRAINT mention_matches_organization_id_query_id_fkey,
        DROP CONSTRAINT mention_matches_organization_id_mention_id_fkey,
        DROP CONSTRAINT mention_matches_pkey,
        ADD CONSTRAINT mention_matches_pkey PRIMARY KEY (organization_id, mention_id, query_id);
      DROP INDEX mention_matches_mention_idx;

      CREATE FUNCTION socle_mention_matches_check_parents() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE
        missing record;
      BEGIN
        SELECT n.organization_id, n.mention_id INTO missing
          FROM (SELECT DISTINCT organization_id, mention_id FROM new_matches) n
         WHERE NOT EXISTS (SELECT FROM mentions m WHERE m.organization_id = n.organization_id AND m.id = n.mention_id FOR KEY SHARE)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'insert or update on table "mention_matches" violates its reference to "mentions"'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'mention_matches',
                  DETAIL = format('Key (organization_id, mention_id)=(%s, %s) is not present in table "mentions".', missing.organization_id, missing.mention_id);
        END IF;
        SELECT n.organization_id, n.query_id INTO missing
          FROM (SELECT DISTINCT organization_id, query_id FROM new_matches) n
         WHERE NOT EXISTS (SELECT FROM listening_queries l WHERE l.organization_id = n.organization_id AND l.id = n.query_id FOR KEY SHARE)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'insert or update on table "mention_matches" violates its reference to "listening_queries"'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'mention_matches',
                  DETAIL = format('Key (organization_id, query_id)=(%s, %s) is not present in table "listening_queries".', missing.organization_id, missing.query_id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER mention_matches_check_parents AFTER INSERT ON mention_matches
        REFERENCING NEW TABLE AS new_matches FOR EACH STATEMENT EXECUTE FUNCTION socle_mention_matches_check_parents();

      CREATE FUNCTION socle_mentions_delete_matches() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        DELETE FROM mention_matches mm USING (SELECT DISTINCT organization_id, id FROM old_rows) o
         WHERE mm.organization_id = o.organization_id AND mm.mention_id = o.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER mentions_delete_matches AFTER DELETE ON mentions
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_mentions_delete_matches();

      CREATE FUNCTION socle_listening_queries_delete_matches() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        DELETE FROM mention_matches mm USING (SELECT DISTINCT organization_id, id FROM old_rows) o
         WHERE mm.organization_id = o.organization_id AND mm.query_id = o.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER listening_queries_delete_matches AFTER DELETE ON listening_queries
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_listening_queries_delete_matches();

      CREATE FUNCTION socle_refuse_match_key_change() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        RAISE EXCEPTION 'the key of a row of "%" cannot change (mention matches refer to it)', TG_TABLE_NAME
          USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER mentions_key_fixed BEFORE UPDATE OF organization_id, id ON mentions FOR EACH ROW
        WHEN ((OLD.organization_id, OLD.id) IS DISTINCT FROM (NEW.organization_id, NEW.id))
        EXECUTE FUNCTION socle_refuse_match_key_change();
      CREATE TRIGGER listening_queries_key_fixed BEFORE UPDATE OF organization_id, id ON listening_queries FOR EACH ROW
        WHEN ((OLD.organization_id, OLD.id) IS DISTINCT FROM (NEW.organization_id, NEW.id))
        EXECUTE FUNCTION socle_refuse_match_key_change();
      CREATE TRIGGER mention_matches_key_fixed BEFORE UPDATE OF organization_id, query_id, mention_id ON mention_matches FOR EACH ROW
        WHEN ((OLD.organization_id, OLD.query_id, OLD.mention_id) IS DISTINCT FROM (NEW.organization_id, NEW.query_id, NEW.mention_id))
        EXECUTE FUNCTION socle_refuse_match_key_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER mention_matches_key_fixed ON mention_matches;
      DROP TRIGGER listening_queries_key_fixed ON listening_queries;
      DROP TRIGGER mentions_key_fixed ON mentions;
      DROP FUNCTION socle_refuse_match_key_change();
      DROP TRIGGER listening_queries_delete_matches ON listening_queries;
      DROP FUNCTION socle_listening_queries_delete_matches();
      DROP TRIGGER mentions_delete_matches ON mentions;
      DROP FUNCTION socle_mentions_delete_matches();
      DROP TRIGGER mention_matches_check_parents ON mention_matches;
      DROP FUNCTION socle_mention_matches_check_parents();
      CREATE INDEX mention_matches_mention_idx ON mention_matches (organization_id, mention_id);
      ALTER TABLE mention_matches
        DROP CONSTRAINT mention_matches_pkey,
        ADD CONSTRAINT mention_matches_pkey PRIMARY KEY (organization_id, query_id, mention_id),
        ADD CONSTRAINT mention_matches_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id),
        ADD CONSTRAINT mention_matches_organization_id_query_id_fkey FOREIGN KEY (organization_id, query_id)
          REFERENCES listening_queries (organization_id, id) ON DELETE CASCADE,
        ADD CONSTRAINT mention_matches_organization_id_mention_id_fkey FOREIGN KEY (organization_id, mention_id)
          REFERENCES mentions (organization_id, id) ON DELETE CASCADE;
    `);
  }
}
