import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rebuilds the log of listening runs from what was kept before it existed: per
 * query and UTC ISO week, the times of the last successful run on each account
 * (listening_query_sources.last_success_at) and of the matches recorded (only a
 * successful run records one; a match for a mention published more than two
 * weeks before being recorded is a back-fill of old posts and is left out, as
 * the evidence did before the log). Rows already logged are kept. `$1`: one
 * organisation, or null for all of them.
 */
export const BACKFILL_LISTENING_RUN_WEEKS_SQL = `
  INSERT INTO listening_run_weeks (organization_id, query_id, week_start, first_success_at, last_success_at, runs)
  SELECT organization_id, query_id, date_trunc('week', at AT TIME ZONE 'UTC')::date, min(at), max(at), count(DISTINCT at)
    FROM (SELECT s.organization_id, s.query_id, s.last_success_at AS at FROM listening_query_sources s
           WHERE s.last_success_at IS NOT NULL AND ($1::uuid IS NULL OR s.organization_id = $1)
          UNION
          SELECT mm.organization_id, mm.query_id, mm.created_at FROM mention_matches mm
           WHERE mm.published_at >= mm.created_at - interval '14 days' AND ($1::uuid IS NULL OR mm.organization_id = $1)) runs
   WHERE EXISTS (SELECT 1 FROM listening_queries q WHERE q.organization_id = runs.organization_id AND q.id = runs.query_id)
   GROUP BY 1, 2, 3
  ON CONFLICT (organization_id, query_id, week_start) DO NOTHING`;

/**
 * The log of listening runs: per organisation, query and UTC ISO week (its
 * Monday), the first and the last successful run of the week and how many runs
 * succeeded. Written by the listening job in the transaction that stores a
 * source's cursor; it keeps the weeks in which a query ran and found nothing.
 *
 * First and last time are both kept so that any 7-day window, however it falls
 * across the weeks, is answered exactly from at most two rows: the window holds
 * the end of one week (a run there iff that week's last run is inside) and the
 * start of the next (iff that week's first run is inside).
 *
 * Organisation table: keys lead with organization_id, the query's foreign key
 * carries it (a deleted query takes its log), row-level security is FORCEd.
 */
export class ListeningRunWeeks1765000001500 implements MigrationInterface {
  name = 'ListeningRunWeeks1765000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listening_run_weeks (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        query_id uuid NOT NULL,
        -- Monday of the runs' ISO week, in UTC.
        week_start date NOT NULL,
        first_success_at timestamptz(3) NOT NULL,
        last_success_at timestamptz(3) NOT NULL,
        runs int NOT NULL DEFAULT 1 CHECK (runs >= 1),
        PRIMARY KEY (organization_id, query_id, week_start),
        FOREIGN KEY (organization_id, query_id) REFERENCES listening_queries (organization_id, id) ON DELETE CASCADE,
        CHECK (first_success_at <= last_success_at),
        CHECK (date_trunc('week', first_success_at AT TIME ZONE 'UTC')::date = week_start),
        CHECK (date_trunc('week', last_success_at AT TIME ZONE 'UTC')::date = week_start)
      );
      ALTER TABLE listening_run_weeks ENABLE ROW LEVEL SECURITY;
      ALTER TABLE listening_run_weeks FORCE ROW LEVEL SECURITY;
      CREATE POLICY listening_run_weeks_tenant ON listening_run_weeks
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON listening_run_weeks TO socle_app;
    `);
    await q.query(BACKFILL_LISTENING_RUN_WEEKS_SQL, [null]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE listening_run_weeks');
  }
}
