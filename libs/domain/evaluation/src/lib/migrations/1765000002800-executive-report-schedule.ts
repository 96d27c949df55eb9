import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly executive report mailed by itself to the client's management:
 * whether the organisation wants it (off until someone turns it on) and the
 * last month the worker handled (mailed, found already mailed, or found with
 * nobody to mail it to), so a month is looked at once. A SECURITY DEFINER
 * function lists, across tenants, the active organisations that turned it on
 * with their time zone and last month (no content) for the worker's reconciler.
 *
 * Organisation table: keyed by organization_id, row-level security FORCEd.
 */
export class ExecutiveReportSchedule1765000002800 implements MigrationInterface {
  name = 'ExecutiveReportSchedule1765000002800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE executive_report_settings (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        enabled boolean NOT NULL DEFAULT false,
        last_month text CHECK (last_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );
      ALTER TABLE executive_report_settings ENABLE ROW LEVEL SECURITY;
      ALTER TABLE executive_report_settings FORCE ROW LEVEL SECURITY;
      CREATE POLICY executive_report_settings_tenant ON executive_report_settings
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON executive_report_settings TO socle_app;

      CREATE FUNCTION socle_executive_reports_enabled(p_limit int)
        RETURNS TABLE (organization_id uuid, timezone text, last_month text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT s.organization_id, o.timezone, s.last_month FROM executive_report_settings s JOIN organizations o ON o.id = s.organization_id
            WHERE s.enabled AND o.status = 'ACTIVE' ORDER BY s.organization_id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_executive_reports_enabled(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_executive_reports_enabled(int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_executive_reports_enabled(int);
      DROP TABLE executive_report_settings;
    `);
  }
}
