import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business calendars: per organisation, the working periods of each weekday (in
 * the organisation's time zone), whose public holidays apply (FR, CH or none) and
 * its own closed days. Comment-handling rules gain `business_hours`: their delay
 * counts in that calendar's business time instead of round the clock. Tenant
 * table: the key is organization_id, row-level security FORCEd.
 */
export class BusinessCalendar1765000001200 implements MigrationInterface {
  name = 'BusinessCalendar1765000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_calendars (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        holiday_country text CHECK (holiday_country IN ('FR', 'CH')),
        -- Seven arrays, Monday first, of {start, end} in minutes after local midnight.
        week jsonb NOT NULL CHECK (jsonb_typeof(week) = 'array' AND jsonb_array_length(week) = 7),
        closed_days date[] NOT NULL DEFAULT '{}' CHECK (cardinality(closed_days) <= 400),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );
      ALTER TABLE business_calendars ENABLE ROW LEVEL SECURITY;
      ALTER TABLE business_calendars FORCE ROW LEVEL SECURITY;
      CREATE POLICY business_calendars_tenant ON business_calendars
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON business_calendars TO socle_app;

      ALTER TABLE comment_handling_rules ADD COLUMN business_hours boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE comment_handling_rules DROP COLUMN business_hours;
      DROP TABLE business_calendars;
    `);
  }
}
