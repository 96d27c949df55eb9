import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two rules of accounts held by PostgreSQL rather than by a read-then-write in
 * the application, so two requests racing each other cannot both pass:
 *
 * - agency_keeps_an_owner: an agency keeps at least one OWNER;
 * - organization_keeps_a_strategy_lead: a client organisation that has a
 *   strategy lead keeps one, unless the person acting (socle.user_id) is an
 *   owner or admin of its agency, or the organisation is being deleted.
 *
 * Each is a constraint trigger, DEFERRABLE INITIALLY DEFERRED: it runs at
 * COMMIT (so ownership may change hands inside one transaction), and the
 * services run it earlier with SET CONSTRAINTS … IMMEDIATE to answer CONFLICT.
 * It first locks the agency (organisation) row, so checks of the same tenant
 * run one after the other; the count that follows is a new statement, whose
 * snapshot (READ COMMITTED, as every unit of work) sees what the transaction
 * that held the lock committed. FOR NO KEY UPDATE, not FOR UPDATE: foreign-key
 * checks of rows inserted meanwhile (KEY SHARE) are not blocked.
 * SECURITY DEFINER: the count must see every membership of the tenant, whatever
 * the scope the change was made in. A violation is SQLSTATE 23514
 * (check_violation) naming the constraint.
 */
export class AccountInvariants1764720000000 implements MigrationInterface {
  name = 'AccountInvariants1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION socle_agency_keeps_an_owner() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM 1 FROM agencies WHERE id = OLD.agency_id FOR NO KEY UPDATE;
        IF NOT FOUND THEN
          RETURN NULL; -- the agency itself is being deleted
        END IF;
        IF NOT EXISTS (SELECT 1 FROM agency_memberships WHERE agency_id = OLD.agency_id AND role = 'OWNER') THEN
          RAISE EXCEPTION 'agency % would have no owner left', OLD.agency_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'agency_keeps_an_owner', TABLE = 'agency_memberships';
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER agency_keeps_an_owner
        AFTER UPDATE OR DELETE ON agency_memberships
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (OLD.role = 'OWNER')
        EXECUTE FUNCTION socle_agency_keeps_an_owner();

      CREATE FUNCTION socle_organization_keeps_a_strategy_lead() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        org_agency uuid;
        org_status text;
      BEGIN
        SELECT agency_id, status INTO org_agency, org_status FROM organizations WHERE id = OLD.organization_id FOR NO KEY UPDATE;
        IF NOT FOUND OR org_status <> 'ACTIVE' THEN
          RETURN NULL; -- deleted, or being purged
        END IF;
        IF EXISTS (SELECT 1 FROM organization_memberships WHERE organization_id = OLD.organization_id AND 'STRATEGY_LEAD' = ANY (roles)) THEN
          RETURN NULL;
        END IF;
        -- The agency's owners and admins manage every client: they may leave one without a strategy lead.
        IF EXISTS (SELECT 1 FROM agency_memberships WHERE agency_id = org_agency AND user_id = socle_current_user_id() AND role IN ('OWNER', 'ADMIN')) THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'organization % would have no strategy lead left', OLD.organization_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'organization_keeps_a_strategy_lead', TABLE = 'organization_memberships';
      END $$;
      CREATE CONSTRAINT TRIGGER organization_keeps_a_strategy_lead
        AFTER UPDATE OR DELETE ON organization_memberships
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN ('STRATEGY_LEAD' = ANY (OLD.roles))
        EXECUTE FUNCTION socle_organization_keeps_a_strategy_lead();

      REVOKE ALL ON FUNCTION socle_agency_keeps_an_owner(), socle_organization_keeps_a_strategy_lead() FROM PUBLIC;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER organization_keeps_a_strategy_lead ON organization_memberships;
      DROP TRIGGER agency_keeps_an_owner ON agency_memberships;
      DROP FUNCTION socle_organization_keeps_a_strategy_lead(), socle_agency_keeps_an_owner();
    `);
  }
}
