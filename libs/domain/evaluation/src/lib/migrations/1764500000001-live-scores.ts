import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live maturity scores: an evidence-only score per organisation, recomputed
 * every night (and on demand), with its history so the portfolio can show the
 * trend between nights. An organisation table read at agency level too (the
 * portfolio): USING admits the organisation's own rows and, for a caller acting
 * at agency level, the rows of that agency's organisations; WITH CHECK only the
 * organisation's own (only the organisation's job or request writes).
 */
export class LiveScores1764500000001 implements MigrationInterface {
  name = 'LiveScores1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE maturity_live_scores (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        computed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        model_agency_id uuid,
        model_id text NOT NULL CHECK (length(model_id) BETWEEN 1 AND 200),
        model_version int NOT NULL CHECK (model_version >= 1),
        overall_score numeric(5, 1) CHECK (overall_score BETWEEN 0 AND 100),
        level int CHECK (level BETWEEN 1 AND 10),
        dimension_scores jsonb NOT NULL DEFAULT '{}'::jsonb,
        evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (organization_id, computed_at)
      );
      ALTER TABLE maturity_live_scores ENABLE ROW LEVEL SECURITY;
      ALTER TABLE maturity_live_scores FORCE ROW LEVEL SECURITY;
      CREATE POLICY maturity_live_scores_tenant ON maturity_live_scores
        USING (organization_id = socle_current_organization_id()
               OR organization_id IN (SELECT o.id FROM organizations o WHERE o.agency_id = socle_current_agency_id()))
        WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_live_scores TO socle_app;

      -- Active organisations created before p_slot (the last nightly run) without a live score computed since,
      -- across tenants, for the worker's scheduler: ids only, in id order from p_after (batches).
      CREATE FUNCTION socle_live_scores_due(p_slot timestamptz, p_after uuid, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id FROM organizations o
            WHERE o.status = 'ACTIVE' AND o.created_at < p_slot AND (p_after IS NULL OR o.id > p_after)
              AND NOT EXISTS (SELECT 1 FROM maturity_live_scores l WHERE l.organization_id = o.id AND l.computed_at >= p_slot)
            ORDER BY o.id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_live_scores_due(timestamptz, uuid, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_live_scores_due(timestamptz, uuid, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_live_scores_due(timestamptz, uuid, int);
      DROP TABLE maturity_live_scores;
    `);
  }
}
