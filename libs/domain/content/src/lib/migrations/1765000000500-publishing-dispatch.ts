import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing dispatch by organisation: a wake-up says "organisation O may have
 * due publications" and the worker claims a batch of them in one statement,
 * soonest first. The index serves that claim (the organisation's due ones in
 * order, without reading its publications planned for later); the function is
 * the sweeper's look-up across tenants, organisation ids only.
 */
export class PublishingDispatch1765000000500 implements MigrationInterface {
  name = 'PublishingDispatch1765000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX publications_org_wakeup_idx ON publications (organization_id, next_attempt_at) WHERE status = 'SCHEDULED';

      -- Organisations with publications due (their wake-up may be lost) or with expired leases (their worker died).
      -- Organisations being deleted are left out.
      CREATE FUNCTION socle_publishing_due_organizations(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT d.organization_id FROM (
               SELECT p.organization_id FROM publications p WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= p_now
               UNION
               SELECT p.organization_id FROM publications p WHERE p.status = 'PUBLISHING' AND p.lease_until < p_now) d
             JOIN organizations o ON o.id = d.organization_id AND o.status = 'ACTIVE'
            LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_publishing_due_organizations(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_publishing_due_organizations(timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION socle_publishing_due_organizations(timestamptz, int); DROP INDEX publications_org_wakeup_idx;`);
  }
}
