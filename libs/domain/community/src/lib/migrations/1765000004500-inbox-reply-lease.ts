import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lease on a PENDING reply: whoever sends it (the API right after the claim,
 * or the job the reconciler queues) takes it in one statement before calling
 * the network, so two senders of the same reply never both call it (a network
 * that ignores idempotency keys would post twice). NULL while nobody is sending;
 * a sender that stopped leaves it to expire. `leased_by` names the sender
 * holding it: a sender whose lease expired while it was still calling (a stalled
 * process) cannot end or fail the lease of the one that took the reply over.
 * The reconciler skips a reply whose lease is still running. The column lives on inbox_replies, whose row-level
 * security already holds it.
 */
export class InboxReplyLease1765000004500 implements MigrationInterface {
  name = 'InboxReplyLease1765000004500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE inbox_replies
        ADD COLUMN lease_until timestamptz(3),
        ADD COLUMN leased_by text CHECK (length(leased_by) <= 200),
        ADD CONSTRAINT inbox_replies_lease_pending CHECK (lease_until IS NULL OR status = 'PENDING'),
        ADD CONSTRAINT inbox_replies_lease_holder CHECK ((lease_until IS NULL) = (leased_by IS NULL));

      -- Organisations with open inbox items past due, and with replies left PENDING before p_before that nobody is
      -- sending now (ids only).
      CREATE OR REPLACE FUNCTION socle_inbox_attention(p_now timestamptz, p_before timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, overdue boolean, pending boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id,
                  EXISTS (SELECT 1 FROM inbox_items i WHERE i.organization_id = o.id AND i.status IN ('NEW', 'ASSIGNED') AND i.due_at < p_now),
                  EXISTS (SELECT 1 FROM inbox_replies r WHERE r.organization_id = o.id AND r.status = 'PENDING' AND r.created_at < p_before
                            AND (r.lease_until IS NULL OR r.lease_until < p_now))
             FROM organizations o
            WHERE o.status = 'ACTIVE' AND o.id IN (
              (SELECT i.organization_id FROM inbox_items i WHERE i.status IN ('NEW', 'ASSIGNED') AND i.due_at < p_now)
              UNION (SELECT r.organization_id FROM inbox_replies r WHERE r.status = 'PENDING' AND r.created_at < p_before
                       AND (r.lease_until IS NULL OR r.lease_until < p_now)))
            ORDER BY o.id LIMIT p_limit $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION socle_inbox_attention(p_now timestamptz, p_before timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, overdue boolean, pending boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id,
                  EXISTS (SELECT 1 FROM inbox_items i WHERE i.organization_id = o.id AND i.status IN ('NEW', 'ASSIGNED') AND i.due_at < p_now),
                  EXISTS (SELECT 1 FROM inbox_replies r WHERE r.organization_id = o.id AND r.status = 'PENDING' AND r.created_at < p_before)
             FROM organizations o
            WHERE o.status = 'ACTIVE' AND o.id IN (
              (SELECT i.organization_id FROM inbox_items i WHERE i.status IN ('NEW', 'ASSIGNED') AND i.due_at < p_now)
              UNION (SELECT r.organization_id FROM inbox_replies r WHERE r.status = 'PENDING' AND r.created_at < p_before))
            ORDER BY o.id LIMIT p_limit $$;
      ALTER TABLE inbox_replies DROP CONSTRAINT inbox_replies_lease_holder, DROP CONSTRAINT inbox_replies_lease_pending,
        DROP COLUMN leased_by, DROP COLUMN lease_until;
    `);
  }
}
