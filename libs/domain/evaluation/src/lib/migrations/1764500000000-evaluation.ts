import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maturity models (agency tables: an agency's own models and their versions)
 * and maturity assessments (organisation tables: an assessment and its answers).
 *
 * - Published model versions are immutable: a trigger refuses UPDATE, and
 *   DELETE while their agency exists.
 * - Finalised assessments are immutable: a trigger refuses UPDATE and DELETE of
 *   a FINALIZED assessment and any change to its answers, except the purge of
 *   an organisation being deleted (status DELETION_PENDING).
 * - Assessments are readable at agency level (the portfolio) but written only
 *   inside their organisation.
 * - Inside an organisation the agency is not part of the tenant settings, so
 *   reading the agency's published model goes through a SECURITY DEFINER
 *   function that answers only for the transaction's own organisation.
 */
export class Evaluation1764500000000 implements MigrationInterface {
  name = 'Evaluation1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE maturity_models (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, id)
      );
      CREATE INDEX maturity_models_page_idx ON maturity_models (agency_id, created_at, id);

      CREATE TABLE maturity_model_versions (
        agency_id uuid NOT NULL,
        model_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3),
        published_by uuid,
        PRIMARY KEY (agency_id, model_id, version),
        FOREIGN KEY (agency_id, model_id) REFERENCES maturity_models (agency_id, id) ON DELETE CASCADE,
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      );
      -- At most one draft per model: the next version being edited.
      CREATE UNIQUE INDEX maturity_model_versions_draft_key ON maturity_model_versions (agency_id, model_id) WHERE status = 'DRAFT';

      CREATE TABLE maturity_assessments (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        model_agency_id uuid,
        model_id text NOT NULL CHECK (length(model_id) BETWEEN 1 AND 64),
        model_version int NOT NULL CHECK (model_version >= 1),
        model_content jsonb NOT NULL CHECK (jsonb_typeof(model_content) = 'object'),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'FINALIZED')),
        started_by uuid,
        started_at timestamptz(3) NOT NULL DEFAULT now(),
        finalized_at timestamptz(3),
        finalized_by uuid,
        overall_score numeric(5,1) CHECK (overall_score BETWEEN 0 AND 100),
        level int CHECK (level BETWEEN 1 AND 10),
        dimension_scores jsonb,
        evidence jsonb,
        recommendations jsonb,
        PRIMARY KEY (organization_id, id),
        CHECK ((status = 'FINALIZED') = (finalized_at IS NOT NULL))
      );
      CREATE INDEX maturity_assessments_finalized_idx ON maturity_assessments (organization_id, finalized_at DESC);
      CREATE INDEX maturity_assessments_page_idx ON maturity_assessments (organization_id, started_at DESC, id DESC);

      CREATE TABLE maturity_answers (
        organization_id uuid NOT NULL,
        assessment_id uuid NOT NULL,
        criterion_key text NOT NULL CHECK (length(criterion_key) BETWEEN 1 AND 80),
        value int NOT NULL,
        comment text CHECK (length(comment) <= 4000),
        attachments text[] NOT NULL DEFAULT '{}' CHECK (cardinality(attachments) <= 10),
        answered_by uuid,
        answered_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, assessment_id, criterion_key),
        FOREIGN KEY (organization_id, assessment_id) REFERENCES maturity_assessments (organization_id, id)
      );
    `);

    for (const table of ['maturity_models', 'maturity_model_versions']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (agency_id = socle_current_agency_id()) WITH CHECK (agency_id = socle_current_agency_id());
        GRANT SELECT, INSERT, UPDATE ON ${table} TO socle_app;
      `);
    }
    for (const table of ['maturity_assessments', 'maturity_answers']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()
                 OR organization_id IN (SELECT o.id FROM organizations o WHERE o.agency_id = socle_current_agency_id()))
          WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }

    await q.query(`
      -- Published versions never change; they go only with their agency.
      CREATE FUNCTION socle_maturity_version_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM agencies a WHERE a.id = OLD.agency_id) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'maturity model version %/% is published and cannot change', OLD.model_id, OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER maturity_model_versions_immutable BEFORE UPDATE OR DELETE ON maturity_model_versions
        FOR EACH ROW EXECUTE FUNCTION socle_maturity_version_guard();

      -- True while the organisation is being purged: the only time finalised assessments may go.
      CREATE FUNCTION socle_organization_being_purged(p_organization uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT EXISTS (SELECT 1 FROM organizations o WHERE o.id = p_organization AND o.status = 'DELETION_PENDING') $$;
      REVOKE ALL ON FUNCTION socle_organization_being_purged(uuid) FROM PUBLIC;

      CREATE FUNCTION socle_maturity_assessment_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF OLD.status = 'FINALIZED' THEN
          IF TG_OP = 'DELETE' AND socle_organization_being_purged(OLD.organization_id) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'maturity assessment % is finalised and cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER maturity_assessments_immutable BEFORE UPDATE OR DELETE ON maturity_assessments
        FOR EACH ROW EXECUTE FUNCTION socle_maturity_assessment_guard();

      CREATE FUNCTION socle_maturity_answer_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM maturity_assessments a
              WHERE a.organization_id = OLD.organization_id AND a.id = OLD.assessment_id AND a.status = 'FINALIZED') THEN
          IF TG_OP = 'DELETE' AND socle_organization_being_purged(OLD.organization_id) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'the answers of finalised maturity assessment % cannot change', OLD.assessment_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM maturity_assessments a
              WHERE a.organization_id = NEW.organization_id AND a.id = NEW.assessment_id AND a.status = 'FINALIZED') THEN
          RAISE EXCEPTION 'the answers of finalised maturity assessment % cannot change', NEW.assessment_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER maturity_answers_immutable BEFORE INSERT OR UPDATE OR DELETE ON maturity_answers
        FOR EACH ROW EXECUTE FUNCTION socle_maturity_answer_guard();

      -- A published version of a model of the current organisation's own agency (latest when p_version is NULL).
      CREATE FUNCTION socle_organization_maturity_model(p_model uuid, p_version int)
        RETURNS TABLE (agency_id uuid, model_id uuid, name text, version int, content jsonb)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT v.agency_id, v.model_id, m.name, v.version, v.content
             FROM organizations o
             JOIN maturity_models m ON m.agency_id = o.agency_id AND m.id = p_model
             JOIN maturity_model_versions v ON v.agency_id = m.agency_id AND v.model_id = m.id
            WHERE o.id = socle_current_organization_id() AND v.status = 'PUBLISHED'
              AND (p_version IS NULL OR v.version = p_version)
            ORDER BY v.version DESC LIMIT 1 $$;
      -- The current organisation's agency and its name (client staff are not agency members).
      CREATE FUNCTION socle_organization_agency()
        RETURNS TABLE (agency_id uuid, name text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT a.id, a.name FROM organizations o JOIN agencies a ON a.id = o.agency_id
            WHERE o.id = socle_current_organization_id() $$;
      REVOKE ALL ON FUNCTION socle_organization_maturity_model(uuid, int), socle_organization_agency() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_organization_maturity_model(uuid, int), socle_organization_agency() TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE maturity_answers, maturity_assessments, maturity_model_versions, maturity_models;
      DROP FUNCTION socle_organization_maturity_model(uuid, int), socle_organization_agency(), socle_maturity_answer_guard(),
        socle_maturity_assessment_guard(), socle_organization_being_purged(uuid), socle_maturity_version_guard();
    `);
  }
}
