import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox: one row per mail, written in the transaction of the change
 * that sends it, then sent by the worker (claimed under a lease, retried with
 * back-off). Tenant table: the key leads with organization_id, row-level
 * security is FORCEd. A SECURITY DEFINER function lists, across tenants, the
 * organisations with a mail due (ids only), for the job's reconciler.
 */
export class MailOutbox1765000001000 implements MigrationInterface {
  name = 'MailOutbox1765000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        text_body text NOT NULL CHECK (length(text_body) <= 100000),
        purpose text NOT NULL CHECK (purpose ~ '^[a-z0-9._-]{1,60}$'),
        reference uuid,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        lease_until timestamptz(3),
        last_error text CHECK (length(last_error) <= 200),
        message_id text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3),
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (organization_id, next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX mail_outbox_reference_idx ON mail_outbox (organization_id, reference) WHERE reference IS NOT NULL;
      ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
      ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
      CREATE POLICY mail_outbox_tenant ON mail_outbox
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON mail_outbox TO socle_app;

      CREATE FUNCTION socle_mail_outbox_due(p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT m.organization_id FROM mail_outbox m
            WHERE m.status = 'PENDING' AND m.next_attempt_at <= now() AND (m.lease_until IS NULL OR m.lease_until < now())
            ORDER BY m.organization_id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_mail_outbox_due(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_mail_outbox_due(int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION socle_mail_outbox_due(int); DROP TABLE mail_outbox;`);
  }
}
