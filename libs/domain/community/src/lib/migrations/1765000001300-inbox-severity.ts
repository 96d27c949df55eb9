import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox severity: why an item got its severity (classified on arrival:
 * CRISIS_ALERT, CRISIS_PAUSE, NEGATIVE, ESCALATION_WORD:<word>, AUTHOR_TAG:<tag>, POSITIVE;
 * MANUAL once a member set it), and who set it by hand and when. The columns
 * live on inbox_items, whose row-level security already holds them; the index
 * serves the inbox filtered by severity, newest first.
 */
export class InboxSeverity1765000001300 implements MigrationInterface {
  name = 'InboxSeverity1765000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE inbox_items
        ADD COLUMN severity_reason text CHECK (length(severity_reason) BETWEEN 1 AND 200 AND severity_reason !~ '[[:cntrl:]]'),
        ADD COLUMN severity_set_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN severity_set_at timestamptz(3);
      CREATE INDEX inbox_items_severity_idx ON inbox_items (organization_id, severity, received_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX inbox_items_severity_idx;
      ALTER TABLE inbox_items DROP COLUMN severity_set_at, DROP COLUMN severity_set_by, DROP COLUMN severity_reason;
    `);
  }
}
