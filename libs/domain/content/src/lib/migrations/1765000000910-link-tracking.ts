import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link tracking: whether the links an organisation publishes carry UTM
 * parameters. On by default (no row means on); a row records who turned it
 * off or on again. Organisation table: keyed by organization_id, row-level
 * security FORCEd.
 */
export class LinkTracking1765000000910 implements MigrationInterface {
  name = 'LinkTracking1765000000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE link_tracking_settings (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        utm_enabled boolean NOT NULL DEFAULT true,
        updated_by uuid,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );
      ALTER TABLE link_tracking_settings ENABLE ROW LEVEL SECURITY;
      ALTER TABLE link_tracking_settings FORCE ROW LEVEL SECURITY;
      CREATE POLICY link_tracking_settings_tenant ON link_tracking_settings
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON link_tracking_settings TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE link_tracking_settings');
  }
}
