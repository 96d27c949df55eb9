import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweeper wakes organisations (socle_publishing_due_organizations) since
 * dispatch works by organisation: the look-up of due publication ids across
 * tenants has no caller left, and a SECURITY DEFINER function nobody calls is
 * surface for nothing.
 */
export class DropPublicationsDue1765000001400 implements MigrationInterface {
  name = 'DropPublicationsDue1765000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION socle_publications_due(timestamptz, int)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_publications_due(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ (SELECT p.organization_id, p.id FROM publications p JOIN organizations o ON o.id = p.organization_id
             WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= p_now AND o.status = 'ACTIVE'
             ORDER BY p.next_attempt_at LIMIT p_limit)
           UNION ALL
           (SELECT p.organization_id, p.id FROM publications p JOIN organizations o ON o.id = p.organization_id
             WHERE p.status = 'PUBLISHING' AND p.lease_until < p_now AND o.status = 'ACTIVE'
             ORDER BY p.lease_until LIMIT p_limit) $$;
      REVOKE ALL ON FUNCTION socle_publications_due(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_publications_due(timestamptz, int) TO socle_app;
    `);
  }
}
