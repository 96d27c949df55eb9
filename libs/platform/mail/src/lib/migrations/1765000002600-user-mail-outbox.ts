import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outboxes of mails that belong to no client organisation: a person's own
 * (about their account: a password reset) and an agency's (its staff
 * invitations). Same columns and rules as the organisations' outbox; the
 * tenant is the user or the agency (row-level security by
 * socle_current_user_id() or socle_current_agency_id(), FORCEd). A SECURITY
 * DEFINER function per table lists the tenants with a mail due (ids only), for
 * the job's reconciler. A deleted user's or agency's mails go with them.
 */
export class UserMailOutbox1765000002600 implements MigrationInterface {
  name = 'UserMailOutbox1765000002600';

  async up(q: QueryRunner): Promise<void> {
    for (const outbox of OUTBOXES) await q.query(outboxSql(outbox));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of OUTBOXES) await q.query(`DROP FUNCTION socle_${table}_due(int); DROP TABLE ${table};`);
  }
}

const OUTBOXES = [
  { table: 'user_mail_outbox', tenant: 'user_id', references: 'users', current: 'socle_current_user_id()' },
  { table: 'agency_mail_outbox', tenant: 'agency_id', references: 'agencies', current: 'socle_current_agency_id()' },
] as const;

function outboxSql({ table, tenant, references, current }: (typeof OUTBOXES)[number]): string {
  return `
      CREATE TABLE ${table} (
        ${tenant} uuid NOT NULL REFERENCES ${references} (id) ON DELETE CASCADE,
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
        PRIMARY KEY (${tenant}, id)
      );
      CREATE INDEX ${table}_due_idx ON ${table} (${tenant}, next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX ${table}_reference_idx ON ${table} (${tenant}, reference) WHERE reference IS NOT NULL;
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
      CREATE POLICY ${table}_tenant ON ${table} USING (${tenant} = ${current}) WITH CHECK (${tenant} = ${current});
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;

      CREATE FUNCTION socle_${table}_due(p_limit int)
        RETURNS TABLE (${tenant} uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT m.${tenant} FROM ${table} m
            WHERE m.status = 'PENDING' AND m.next_attempt_at <= now() AND (m.lease_until IS NULL OR m.lease_until < now())
            ORDER BY m.${tenant} LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_${table}_due(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_${table}_due(int) TO socle_app;
  `;
}
