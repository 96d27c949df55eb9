import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The membership check that opens every organisation request, as a PL/pgSQL
 * function: its plan is prepared once per connection instead of planning three
 * policy-laden queries on every request. It answers only for the transaction's
 * own user and organisation (read from the settings, not from arguments).
 */
export class AccessProbe1764200000000 implements MigrationInterface {
  name = 'AccessProbe1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_organization_access()
        RETURNS TABLE (agency_id uuid, status text, agency_role text, roles text[])
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN QUERY
          SELECT o.agency_id, o.status,
                 (SELECT a.role FROM agency_memberships a WHERE a.agency_id = o.agency_id AND a.user_id = socle_current_user_id()),
                 (SELECT m.roles FROM organization_memberships m WHERE m.organization_id = o.id AND m.user_id = socle_current_user_id())
            FROM organizations o WHERE o.id = socle_current_organization_id();
      END $$;
      REVOKE ALL ON FUNCTION socle_organization_access() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_organization_access() TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION socle_organization_access()');
  }
}
