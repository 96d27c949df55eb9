import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entering an organisation: the membership is proven BEFORE the tenant is set,
 * and the tenant is set only when it is. The function reads the rows it needs
 * as the owner role (no tenant is set yet, so row-level security would hide
 * them from the application role), checks the caller's standing, and only then
 * sets `socle.organization_id` for the rest of the transaction. A failed proof
 * answers no row and leaves no tenant set; an organisation being deleted
 * answers its status but is not entered.
 *
 * The caller is the transaction's own user (`socle.user_id`), or, for an API
 * key (no user), the agency the key was authenticated for.
 */
export class EnterTenant1764710000000 implements MigrationInterface {
  name = 'EnterTenant1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_enter_organization(p_organization uuid, p_key_agency uuid)
        RETURNS TABLE (entered boolean, agency_id uuid, status text, agency_role text, roles text[])
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_user uuid := socle_current_user_id();
        v_org record;
        v_agency_role text;
        v_roles text[];
      BEGIN
        -- One tenant per transaction: never switch to another one.
        IF socle_current_organization_id() IS NOT NULL OR socle_current_agency_id() IS NOT NULL THEN
          RAISE EXCEPTION 'a tenant is already set in this transaction';
        END IF;
        SELECT o.agency_id, o.status INTO v_org FROM organizations o WHERE o.id = p_organization;
        IF NOT FOUND THEN RETURN; END IF;
        IF v_user IS NOT NULL THEN
          SELECT a.role INTO v_agency_role FROM agency_memberships a WHERE a.agency_id = v_org.agency_id AND a.user_id = v_user;
          SELECT m.roles INTO v_roles FROM organization_memberships m WHERE m.organization_id = p_organization AND m.user_id = v_user;
          -- Agency owners and admins act in every client; anyone else only where they hold a membership.
          IF v_agency_role IS DISTINCT FROM 'OWNER' AND v_agency_role IS DISTINCT FROM 'ADMIN' THEN
            v_agency_role := NULL;
            IF coalesce(cardinality(v_roles), 0) = 0 THEN RETURN; END IF;
          END IF;
        ELSIF p_key_agency IS NULL OR v_org.agency_id <> p_key_agency THEN
          RETURN;
        END IF;
        IF v_org.status = 'ACTIVE' THEN
          PERFORM set_config('socle.organization_id', p_organization::text, true);
        END IF;
        RETURN QUERY SELECT v_org.status = 'ACTIVE', v_org.agency_id, v_org.status, v_agency_role, coalesce(v_roles, '{}'::text[]);
      END $$;
      REVOKE ALL ON FUNCTION socle_enter_organization(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_enter_organization(uuid, uuid) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION socle_enter_organization(uuid, uuid)');
  }
}
