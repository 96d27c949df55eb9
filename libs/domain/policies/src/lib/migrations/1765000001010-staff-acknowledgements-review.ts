import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policies known by everyone, and an optional review before approval.
 *
 * - policy_staff: the organisation's staff list (people without an account),
 *   imported from CSV; one active person per e-mail (case-insensitive). A
 *   removed person keeps their row (removed_at) so their acknowledgements stay
 *   on record.
 * - policy_acknowledgement_links: one signed link per person and policy
 *   version, expiring and single-use (used_at), revoked when a newer link is
 *   sent or the person is removed.
 * - policy_acknowledgements now also records staff: a row names a member
 *   (user_id) or a staff member (staff_id), never both, and carries the version
 *   number (filled from the version by a trigger, so older writers need not
 *   know it). Its key becomes (organization_id, id); a person acknowledges a
 *   version once (two partial unique indexes).
 * - policy_review_settings: NONE, LEGAL or WORKS_COUNCIL, and the members who
 *   review. policy_versions gains the review recorded on the version in
 *   review; policy_events gains the REVIEWED action.
 *
 * Tenant tables: keys lead with organization_id, foreign keys carry it,
 * row-level security is FORCEd with USING and WITH CHECK.
 */
export class StaffAcknowledgementsReview1765000001010 implements MigrationInterface {
  name = 'StaffAcknowledgementsReview1765000001010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_staff (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        department text NOT NULL CHECK (length(department) BETWEEN 1 AND 200),
        role text CHECK (length(role) BETWEEN 1 AND 200),
        imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        removed_at timestamptz(3),
        removed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (organization_id, id)
      );
      CREATE UNIQUE INDEX policy_staff_email_key ON policy_staff (organization_id, lower(email)) WHERE removed_at IS NULL;
      CREATE INDEX policy_staff_page_idx ON policy_staff (organization_id, created_at, id) WHERE removed_at IS NULL;

      CREATE TABLE policy_acknowledgement_links (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version int NOT NULL CHECK (version > 0),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        revoked_at timestamptz(3),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, staff_id) REFERENCES policy_staff (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, version_id) REFERENCES policy_versions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, policy_id) REFERENCES policy_documents (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX policy_acknowledgement_links_open_idx ON policy_acknowledgement_links (organization_id, staff_id, version_id)
        WHERE used_at IS NULL AND revoked_at IS NULL;

      ALTER TABLE policy_acknowledgements DROP CONSTRAINT policy_acknowledgements_pkey;
      ALTER TABLE policy_acknowledgements
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN version int,
        ADD COLUMN staff_id uuid,
        ADD COLUMN link_id uuid,
        ALTER COLUMN user_id DROP NOT NULL,
        ADD PRIMARY KEY (organization_id, id),
        ADD CONSTRAINT policy_acknowledgements_staff_fkey FOREIGN KEY (organization_id, staff_id) REFERENCES policy_staff (organization_id, id),
        ADD CONSTRAINT policy_acknowledgements_link_fkey FOREIGN KEY (organization_id, link_id)
          REFERENCES policy_acknowledgement_links (organization_id, id) ON DELETE SET NULL (link_id),
        ADD CONSTRAINT policy_acknowledgements_one_person CHECK ((user_id IS NULL) <> (staff_id IS NULL));
      UPDATE policy_acknowledgements a SET version = v.number FROM policy_versions v WHERE v.organization_id = a.organization_id AND v.id = a.version_id;
      ALTER TABLE policy_acknowledgements ALTER COLUMN version SET NOT NULL;
      CREATE UNIQUE INDEX policy_acknowledgements_member_key ON policy_acknowledgements (organization_id, version_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX policy_acknowledgements_staff_key ON policy_acknowledgements (organization_id, version_id, staff_id) WHERE staff_id IS NOT NULL;
      CREATE INDEX policy_acknowledgements_policy_idx ON policy_acknowledgements (organization_id, policy_id, version);

      -- The version number always matches the version acknowledged, whoever writes the row.
      CREATE FUNCTION socle_policy_acknowledgements_version() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        SELECT v.number INTO NEW.version FROM policy_versions v
         WHERE v.organization_id = NEW.organization_id AND v.id = NEW.version_id AND v.policy_id = NEW.policy_id;
        IF NEW.version IS NULL THEN
          RAISE EXCEPTION 'policy version % is not a version of policy %', NEW.version_id, NEW.policy_id USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER policy_acknowledgements_version BEFORE INSERT OR UPDATE ON policy_acknowledgements
        FOR EACH ROW EXECUTE FUNCTION socle_policy_acknowledgements_version();

      CREATE TABLE policy_review_settings (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        mode text NOT NULL CHECK (mode IN ('NONE', 'LEGAL', 'WORKS_COUNCIL')),
        reviewer_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(reviewer_ids) <= 20),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id),
        CHECK (mode = 'NONE' OR cardinality(reviewer_ids) > 0)
      );

      ALTER TABLE policy_versions
        ADD COLUMN review_kind text CHECK (review_kind IN ('LEGAL', 'WORKS_COUNCIL')),
        ADD COLUMN review_verdict text CHECK (review_verdict IN ('CLEARED', 'CHANGES_REQUESTED')),
        ADD COLUMN reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN reviewed_at timestamptz(3),
        ADD COLUMN review_comment text CHECK (length(review_comment) <= 2000);

      ALTER TABLE policy_events DROP CONSTRAINT policy_events_action_check;
      ALTER TABLE policy_events ADD CONSTRAINT policy_events_action_check
        CHECK (action IN ('CREATED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'REVIEWED'));

      -- As before, and a version awaiting a review is approved only once the review cleared it (even in a race).
      CREATE OR REPLACE FUNCTION socle_policy_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organization_id <> OLD.organization_id OR NEW.policy_id <> OLD.policy_id OR NEW.number <> OLD.number THEN
          RAISE EXCEPTION 'a policy version keeps its organisation, policy and number' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status <> 'DRAFT' AND (NEW.title IS DISTINCT FROM OLD.title OR NEW.sections IS DISTINCT FROM OLD.sections) THEN
          RAISE EXCEPTION 'policy version % is % and can no longer be edited', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
          ('DRAFT', 'IN_REVIEW'), ('IN_REVIEW', 'DRAFT'), ('IN_REVIEW', 'APPROVED'), ('APPROVED', 'PUBLISHED'), ('PUBLISHED', 'SUPERSEDED')) THEN
          RAISE EXCEPTION 'policy version % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'IN_REVIEW' AND NEW.status = 'APPROVED' AND OLD.review_kind IS NOT NULL AND OLD.review_verdict IS DISTINCT FROM 'CLEARED' THEN
          RAISE EXCEPTION 'policy version % awaits its % review', OLD.id, OLD.review_kind USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
    `);
    for (const table of ['policy_staff', 'policy_acknowledgement_links', 'policy_review_settings']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION socle_policy_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organization_id <> OLD.organization_id OR NEW.policy_id <> OLD.policy_id OR NEW.number <> OLD.number THEN
          RAISE EXCEPTION 'a policy version keeps its organisation, policy and number' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status <> 'DRAFT' AND (NEW.title IS DISTINCT FROM OLD.title OR NEW.sections IS DISTINCT FROM OLD.sections) THEN
          RAISE EXCEPTION 'policy version % is % and can no longer be edited', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
          ('DRAFT', 'IN_REVIEW'), ('IN_REVIEW', 'DRAFT'), ('IN_REVIEW', 'APPROVED'), ('APPROVED', 'PUBLISHED'), ('PUBLISHED', 'SUPERSEDED')) THEN
          RAISE EXCEPTION 'policy version % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      ALTER TABLE policy_events DROP CONSTRAINT policy_events_action_check;
      DELETE FROM policy_events WHERE action = 'REVIEWED';
      ALTER TABLE policy_events ADD CONSTRAINT policy_events_action_check
        CHECK (action IN ('CREATED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED'));
      ALTER TABLE policy_versions DROP COLUMN review_kind, DROP COLUMN review_verdict, DROP COLUMN reviewed_by, DROP COLUMN reviewed_at,
        DROP COLUMN review_comment;
      DROP TABLE policy_review_settings;
      DROP TRIGGER policy_acknowledgements_version ON policy_acknowledgements;
      DROP FUNCTION socle_policy_acknowledgements_version();
      DELETE FROM policy_acknowledgements WHERE staff_id IS NOT NULL;
      DROP INDEX policy_acknowledgements_policy_idx, policy_acknowledgements_staff_key, policy_acknowledgements_member_key;
      ALTER TABLE policy_acknowledgements
        DROP CONSTRAINT policy_acknowledgements_one_person,
        DROP CONSTRAINT policy_acknowledgements_link_fkey,
        DROP CONSTRAINT policy_acknowledgements_staff_fkey,
        DROP CONSTRAINT policy_acknowledgements_pkey,
        DROP COLUMN link_id, DROP COLUMN staff_id, DROP COLUMN version, DROP COLUMN id,
        ALTER COLUMN user_id SET NOT NULL,
        ADD PRIMARY KEY (organization_id, version_id, user_id);
      DROP TABLE policy_acknowledgement_links, policy_staff;
    `);
  }
}
