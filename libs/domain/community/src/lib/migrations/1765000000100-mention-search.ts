import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mention search: a word index over each mention's text, folded the way the
 * listening matcher folds it (case, accents, NFKD, format characters), so a
 * search for "velo" finds "Vélo".
 *
 * - The folding is PostgreSQL's own `normalize(…, NFKD)` plus `regexp_replace`,
 *   not the `unaccent` extension: both are IMMUTABLE (a generated column and an
 *   index may use them), need no dictionary file, and fold exactly as
 *   `foldText` does in the application (NFKD then combining marks removed,
 *   œ → oe …), where `unaccent`'s rules file differs on several letters.
 * - Punctuation becomes a space before `to_tsvector('simple', …)`, so the
 *   parser sees words only: "socle.fr", "3.5" or "a@b.com" are indexed as
 *   their words, which is what a search text is split into.
 * - The vector is a STORED generated column: an ordered scan of the time index
 *   that filters on it (the plan for frequent words) reads it instead of
 *   re-parsing each text, and the ingest path's INSERT needs no change.
 * - The GIN index leads with organization_id (btree_gin, a trusted extension
 *   the database owner may create): a rare word is found in the organisation's
 *   own postings, never in every tenant's.
 *
 * Adding the column rewrites the mentions table (an exclusive lock for the
 * length of the rewrite): on a large table run it in a maintenance window.
 */
export class MentionSearch1765000000100 implements MigrationInterface {
  name = 'MentionSearch1765000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gin;

      CREATE FUNCTION socle_fold_text(p_text text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN replace(replace(replace(replace(translate(
          regexp_replace(normalize(lower(p_text), NFKD),
            '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff]+', '', 'g'),
          'øłđðı', 'olddi'), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss'), 'þ', 'th');
      COMMENT ON FUNCTION socle_fold_text(text) IS 'Case and accents folded as the listening matcher folds them (foldText).';

      -- Every character that is not a letter or a digit separates words (ASCII and common Unicode punctuation listed
      -- explicitly: a character class such as [:punct:] would depend on the database's locale).
      CREATE FUNCTION socle_mention_search_vector(p_text text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN to_tsvector('simple'::regconfig,
          regexp_replace(socle_fold_text(p_text), '[\\u0001-\\u002f\\u003a-\\u0040\\u005b-\\u0060\\u007b-\\u00bf\\u00d7\\u00f7\\u2010-\\u206f\\u3000-\\u303f]+', ' ', 'g'));

      ALTER TABLE mentions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (socle_mention_search_vector(text)) STORED;
      CREATE INDEX mentions_search_idx ON mentions USING gin (organization_id, search_vector);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The btree_gin extension stays: other indexes may have come to use it.
    await q.query(`
      DROP INDEX mentions_search_idx;
      ALTER TABLE mentions DROP COLUMN search_vector;
      DROP FUNCTION socle_mention_search_vector(text);
      DROP FUNCTION socle_fold_text(text);
    `);
  }
}
