import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweeper's look-up says, for each organisation to wake, the earliest due time of its due publications and whether
 * one of its leases expired: the sweeper then leaves alone an organisation whose wake-up for that time still waits in
 * Redis, not yet taken by a worker (it will claim them), instead of queueing a second wake-up for every organisation
 * with due publications each time it runs during a busy minute. An expired lease always wakes its organisation.
 * Same rules as before for what is due (a publication waiting for its long form is not) and which organisations count
 * (active ones).
 */
export class SweepWaitingWakeUps1765000004600 implements MigrationInterface {
  name = 'SweepWaitingWakeUps1765000004600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_publishing_sweep(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, earliest_due timestamptz, lease_expired boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT d.organization_id, min(d.due), bool_or(d.expired) FROM (
               SELECT p.organization_id, p.next_attempt_at AS due, false AS expired FROM publications p
                WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= p_now
                  AND (p.waits_for IS NULL OR EXISTS (SELECT 1 FROM publications w
                        WHERE w.organization_id = p.organization_id AND w.id = p.waits_for AND w.status = 'PUBLISHED'))
               UNION ALL
               SELECT p.organization_id, NULL, true FROM publications p WHERE p.status = 'PUBLISHING' AND p.lease_until < p_now) d
             JOIN organizations o ON o.id = d.organization_id AND o.status = 'ACTIVE'
            GROUP BY d.organization_id
            LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_publishing_sweep(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_publishing_sweep(timestamptz, int) TO socle_app;
      DROP FUNCTION socle_publishing_due_organizations(timestamptz, int);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_publishing_due_organizations(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT d.organization_id FROM (
               SELECT p.organization_id FROM publications p WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= p_now
                  AND (p.waits_for IS NULL OR EXISTS (SELECT 1 FROM publications w
                        WHERE w.organization_id = p.organization_id AND w.id = p.waits_for AND w.status = 'PUBLISHED'))
               UNION
               SELECT p.organization_id FROM publications p WHERE p.status = 'PUBLISHING' AND p.lease_until < p_now) d
             JOIN organizations o ON o.id = d.organization_id AND o.status = 'ACTIVE'
            LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_publishing_due_organizations(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_publishing_due_organizations(timestamptz, int) TO socle_app;
      DROP FUNCTION socle_publishing_sweep(timestamptz, int);
    `);
  }
}
