import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured values of KPIs entered by people (one at a time or from a CSV file).
 *
 * History is kept: a row is never changed nor deleted by the application. A
 * correction is a new row for the same KPI and date; the value of a date is the
 * newest row recorded for it (created_at, then id), the older ones stay as the
 * history of who said what. Organisation table: keys lead with organization_id,
 * the KPI reference carries it, row-level security is FORCEd.
 *
 * A KPI's measure may now be MANUAL: its progress is read from these values only.
 */
export class KpiValues1765000000900 implements MigrationInterface {
  name = 'KpiValues1765000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_values (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kpi_id uuid NOT NULL,
        -- The day measured, or the first day of the period the value is for.
        measured_at date NOT NULL CHECK (measured_at BETWEEN '1900-01-01' AND '9999-12-31'),
        value numeric(30, 6) NOT NULL CHECK (abs(value) < 1e15),
        source text NOT NULL CHECK (source IN ('MANUAL', 'CSV_IMPORT', 'CONNECTOR')),
        note text CHECK (length(note) BETWEEN 1 AND 1000),
        entered_by uuid,
        -- The rows of one CSV import share it.
        import_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, kpi_id) REFERENCES kpis (organization_id, id) ON DELETE CASCADE
      );
      -- The history of a KPI, newest first, and the current value of each date.
      CREATE INDEX kpi_values_kpi_idx ON kpi_values (organization_id, kpi_id, measured_at DESC, created_at DESC, id DESC);
      ALTER TABLE kpi_values ENABLE ROW LEVEL SECURITY;
      ALTER TABLE kpi_values FORCE ROW LEVEL SECURITY;
      CREATE POLICY kpi_values_tenant ON kpi_values
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT ON kpi_values TO socle_app;

      ALTER TABLE kpis DROP CONSTRAINT IF EXISTS kpis_measure_check;
      ALTER TABLE kpis ADD CONSTRAINT kpis_measure_check CHECK (measure IN ('FOLLOWERS', 'POSTS_PUBLISHED', 'ENGAGEMENT', 'ENGAGEMENT_RATE',
        'MENTIONS', 'NEGATIVE_MENTION_SHARE', 'FIRST_RESPONSE_MINUTES', 'SHARE_OF_VOICE', 'MANUAL'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE kpis SET measure = NULL WHERE measure = 'MANUAL';
      ALTER TABLE kpis DROP CONSTRAINT kpis_measure_check;
      ALTER TABLE kpis ADD CONSTRAINT kpis_measure_check CHECK (measure IN ('FOLLOWERS', 'POSTS_PUBLISHED', 'ENGAGEMENT', 'ENGAGEMENT_RATE',
        'MENTIONS', 'NEGATIVE_MENTION_SHARE', 'FIRST_RESPONSE_MINUTES', 'SHARE_OF_VOICE'));
      DROP TABLE kpi_values;
    `);
  }
}
