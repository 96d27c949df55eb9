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

      -- The text search statements for the current tenant: only the conditions given, parameters in a fixed order
      -- ($1 organisation, $2 tsquery, $3 from, $4 to, $5 source, $6 sentiment, $7 language, $8 author, $9 query,
      -- $10 and $11 the keyset, $12 the limit). The window statement reads the newest 5,000 mentions the other conditions
      -- keep (time index order) and filters them on the text; the full one leaves the plan to PostgreSQL. A function of
      -- its own so a benchmark can EXPLAIN exactly what the search runs.
      CREATE FUNCTION socle_mention_search_statement(p_window boolean, p_from boolean, p_to boolean, p_source boolean,
          p_sentiment boolean, p_language boolean, p_author boolean, p_query boolean, p_after boolean) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN (WITH c AS (SELECT
            CASE WHEN p_from THEN ' AND m.published_at >= $3' ELSE '' END
            || CASE WHEN p_to THEN ' AND m.published_at < $4' ELSE '' END
            || CASE WHEN p_source THEN ' AND m.source = $5' ELSE '' END
            || CASE WHEN p_sentiment THEN ' AND m.sentiment_label = $6' ELSE '' END
            || CASE WHEN p_language THEN ' AND lower(m.language) = lower($7)' ELSE '' END
            || CASE WHEN p_author THEN ' AND lower(m.author_handle) = lower($8)' ELSE '' END
            || CASE WHEN p_query THEN ' AND EXISTS (SELECT 1 FROM mention_matches mq WHERE mq.organization_id = $1 AND mq.query_id = $9 AND mq.mention_id = m.id)' ELSE '' END
            || CASE WHEN p_after THEN ' AND (m.published_at, m.id) < ($10, $11)' ELSE '' END AS conditions)
          SELECT CASE WHEN p_window
            THEN 'SELECT w.id, w.published_at FROM (SELECT m.id, m.published_at, m.search_vector FROM mentions m WHERE m.organization_id = $1'
              || c.conditions || ' ORDER BY m.published_at DESC, m.id DESC LIMIT 5000) w WHERE w.search_vector @@ $2'
              || ' ORDER BY w.published_at DESC, w.id DESC LIMIT $12'
            ELSE 'SELECT m.id, m.published_at FROM mentions m WHERE m.organization_id = $1 AND m.search_vector @@ $2' || c.conditions
              || ' ORDER BY m.published_at DESC, m.id DESC LIMIT $12'
            END FROM c);

      -- Under row-level security PostgreSQL may not use the word index: the @@ operator is not LEAKPROOF, so it is
      -- evaluated after the policy, as a filter, and a rare word becomes a scan of the whole organisation. This
      -- function runs the search as the owner (no policy) for the tenant of the transaction only, read from the same
      -- setting the policies read (no tenant set: no row). It tries the window first (a word in more than about one
      -- mention in 250 fills a page from it); otherwise the full statement, where PostgreSQL uses the word index. The
      -- window bounds the cost when the planner misjudges a phrase (it multiplies its words' frequencies: words that
      -- always come together look rare, and the word index then fetches and sorts every match). Ids only; the caller
      -- reads the rows under the policy.
      CREATE FUNCTION socle_mention_search(p_query tsquery, p_from timestamptz, p_to timestamptz, p_source text, p_sentiment text,
          p_language text, p_author text, p_query_id uuid, p_after_time timestamptz, p_after_id uuid, p_limit int)
        RETURNS TABLE (id uuid, published_at timestamptz)
        -- ROWS: at most a page (101); the default estimate of 1,000 made the caller's join scan the mentions.
        LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 101 SET search_path = public, pg_temp AS
        $$
        DECLARE
          v_org uuid := socle_current_organization_id();
          v_limit int := least(greatest(p_limit, 0), 101);
          v_ids uuid[];
          v_times timestamptz[];
        BEGIN
          IF v_org IS NULL OR p_query IS NULL THEN RETURN; END IF;
          EXECUTE 'SELECT coalesce(array_agg(r.id), ''{}''), coalesce(array_agg(r.published_at), ''{}'') FROM ('
              || socle_mention_search_statement(true, p_from IS NOT NULL, p_to IS NOT NULL, p_source IS NOT NULL, p_sentiment IS NOT NULL,
                   p_language IS NOT NULL, p_author IS NOT NULL, p_query_id IS NOT NULL, p_after_time IS NOT NULL) || ') r'
            INTO v_ids, v_times
            USING v_org, p_query, p_from, p_to, p_source, p_sentiment, p_language, p_author, p_query_id, p_after_time, p_after_id, v_limit;
          IF cardinality(v_ids) >= v_limit THEN
            RETURN QUERY SELECT u.id, u.published_at FROM unnest(v_ids, v_times) AS u(id, published_at);
            RETURN;
          END IF;
          RETURN QUERY EXECUTE socle_mention_search_statement(false, p_from IS NOT NULL, p_to IS NOT NULL, p_source IS NOT NULL,
              p_sentiment IS NOT NULL, p_language IS NOT NULL, p_author IS NOT NULL, p_query_id IS NOT NULL, p_after_time IS NOT NULL)
            USING v_org, p_query, p_from, p_to, p_source, p_sentiment, p_language, p_author, p_query_id, p_after_time, p_after_id, v_limit;
        END
        $$;
      REVOKE ALL ON FUNCTION socle_mention_search(tsquery, timestamptz, timestamptz, text, text, text, text, uuid, timestamptz, uuid, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_mention_search(tsquery, timestamptz, timestamptz, text, text, text, text, uuid, timestamptz, uuid, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The btree_gin extension stays: other indexes may have come to use it.
    await q.query(`
      DROP FUNCTION socle_mention_search(tsquery, timestamptz, timestamptz, text, text, text, text, uuid, timestamptz, uuid, int);
      DROP FUNCTION socle_mention_search_statement(boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean);
      DROP INDEX mentions_search_idx;
      ALTER TABLE mentions DROP COLUMN search_vector;
      DROP FUNCTION socle_mention_search_vector(text);
      DROP FUNCTION socle_fold_text(text);
    `);
  }
}
