import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalation chain goes on by itself: a notification SCHEDULED for a later
 * step is sent when due (QUEUED, or RECORDED without an address), or SKIPPED when
 * someone handles the alert first. Only that change is allowed to the application
 * (the status and the mail id, from SCHEDULED once), held by a trigger. A SECURITY
 * DEFINER function lists, across tenants, the organisations with steps due (ids
 * only) for the worker's reconciler.
 */
export class CrisisEscalation1765000001240 implements MigrationInterface {
  name = 'CrisisEscalation1765000001240';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE crisis_cell_notifications DROP CONSTRAINT crisis_cell_notifications_status_check,
        ADD CONSTRAINT crisis_cell_notifications_status_check CHECK (status IN ('QUEUED', 'RECORDED', 'SCHEDULED', 'SKIPPED'));
      CREATE INDEX crisis_cell_notifications_due_idx ON crisis_cell_notifications (organization_id, due_at) WHERE status = 'SCHEDULED';
      GRANT UPDATE (status, mail_id) ON crisis_cell_notifications TO socle_app;

      CREATE FUNCTION socle_crisis_notifications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The status and mail id change once, from SCHEDULED (other columns are not the application's to change).
        IF (NEW.status, NEW.mail_id) IS DISTINCT FROM (OLD.status, OLD.mail_id)
           AND (OLD.status <> 'SCHEDULED' OR NEW.status NOT IN ('QUEUED', 'RECORDED', 'SKIPPED')) THEN
          RAISE EXCEPTION 'crisis notification % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER crisis_cell_notifications_guard BEFORE UPDATE ON crisis_cell_notifications
        FOR EACH ROW EXECUTE FUNCTION socle_crisis_notifications_guard();

      CREATE FUNCTION socle_crisis_escalations_due(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT n.organization_id FROM crisis_cell_notifications n JOIN organizations o ON o.id = n.organization_id
            WHERE n.status = 'SCHEDULED' AND n.due_at <= p_now AND o.status = 'ACTIVE'
            ORDER BY n.organization_id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_crisis_escalations_due(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_crisis_escalations_due(timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_crisis_escalations_due(timestamptz, int);
      DROP TRIGGER crisis_cell_notifications_guard ON crisis_cell_notifications;
      DROP FUNCTION socle_crisis_notifications_guard();
      REVOKE UPDATE (status, mail_id) ON crisis_cell_notifications FROM socle_app;
      DROP INDEX crisis_cell_notifications_due_idx;
      DELETE FROM crisis_cell_notifications WHERE status = 'SKIPPED';
      ALTER TABLE crisis_cell_notifications DROP CONSTRAINT crisis_cell_notifications_status_check,
        ADD CONSTRAINT crisis_cell_notifications_status_check CHECK (status IN ('QUEUED', 'RECORDED', 'SCHEDULED'));
    `);
  }
}
