import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['crisis_cells', 'crisis_cell_notifications'];

/**
 * The crisis cell of each organisation (who is in it, the escalation chain, the
 * playbook and its holding statement), edited as one document, and the
 * notifications sent to its members when a crisis alert is raised or publishing
 * is paused for a crisis. Tenant tables: keys lead with organization_id,
 * row-level security FORCEd. Notifications are append-only for the application.
 */
export class CrisisCell1765000001230 implements MigrationInterface {
  name = 'CrisisCell1765000001230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE crisis_cells (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        -- [{id, name, userId, cellRole, email, phone}], at most 30.
        members jsonb NOT NULL CHECK (jsonb_typeof(members) = 'array' AND jsonb_array_length(members) <= 30),
        -- [{delayMinutes, memberIds}], in order, at most 10.
        escalation jsonb NOT NULL CHECK (jsonb_typeof(escalation) = 'array' AND jsonb_array_length(escalation) <= 10),
        -- [{title, text}], in order, at most 30.
        playbook jsonb NOT NULL CHECK (jsonb_typeof(playbook) = 'array' AND jsonb_array_length(playbook) <= 30),
        holding_statement text CHECK (length(holding_statement) BETWEEN 1 AND 4000),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );

      CREATE TABLE crisis_cell_notifications (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        trigger text NOT NULL CHECK (trigger IN ('ALERT_RAISED', 'CRISIS_PAUSE')),
        alert_id uuid,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        member_id uuid NOT NULL,
        member_name text NOT NULL CHECK (length(member_name) BETWEEN 1 AND 120),
        cell_role text NOT NULL,
        -- Position in the escalation chain (0 first); null for a member outside the chain, told at once.
        escalation_step int CHECK (escalation_step >= 0),
        due_at timestamptz(3) NOT NULL,
        recipient text CHECK (length(recipient) BETWEEN 3 AND 254),
        -- QUEUED: handed to the mail outbox; RECORDED: no address (the cell sees it here); SCHEDULED: a later escalation step.
        status text NOT NULL CHECK (status IN ('QUEUED', 'RECORDED', 'SCHEDULED')),
        mail_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, alert_id) REFERENCES alerts (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX crisis_cell_notifications_page_idx ON crisis_cell_notifications (organization_id, created_at DESC, id DESC);
      CREATE INDEX crisis_cell_notifications_alert_idx ON crisis_cell_notifications (organization_id, alert_id, created_at);
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    await q.query(`REVOKE UPDATE ON crisis_cell_notifications FROM socle_app;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE crisis_cell_notifications, crisis_cells;`);
  }
}
