import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A finalised assessment carries the date it was made (`assessed_at`) beside
 * the time it was finalised (`finalized_at`, kept for the audit log): an audit
 * of last quarter recorded today is dated last quarter. The history, the
 * portfolio, the reports and the live score read `assessed_at`.
 *
 * The database holds the rules the API checks:
 * - set exactly when finalised; never after the finalisation, at most five
 *   years (and two days of time-zone slack) before it;
 * - in order: finalising a draft never dates it before an assessment already
 *   finalised in its organisation (ties go by finalisation time), so the
 *   trend a finalised assessment shows against its previous one never
 *   changes. Finalising takes a transaction-level advisory lock on the
 *   organisation, so two finalisations at once cannot both pass the check.
 *   A row inserted already finalised (an operator importing a history from
 *   elsewhere) is held by the range checks only;
 * - an INSERT or UPDATE that finalises without a date gets the finalisation
 *   time (what the rows before this migration get too).
 * Existing finalised rows are back-filled with their finalisation time; the
 * immutability trigger is set aside for that one statement.
 */
export class AssessmentDates1765000001800 implements MigrationInterface {
  name = 'AssessmentDates1765000001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE maturity_assessments ADD COLUMN assessed_at timestamptz(3);
      ALTER TABLE maturity_assessments DISABLE TRIGGER maturity_assessments_immutable;
      UPDATE maturity_assessments SET assessed_at = finalized_at WHERE status = 'FINALIZED';
      ALTER TABLE maturity_assessments ENABLE TRIGGER maturity_assessments_immutable;
      ALTER TABLE maturity_assessments
        ADD CONSTRAINT maturity_assessments_assessed_check CHECK ((status = 'FINALIZED') = (assessed_at IS NOT NULL)),
        ADD CONSTRAINT maturity_assessments_assessed_range_check CHECK (
          assessed_at IS NULL OR (assessed_at <= finalized_at AND assessed_at >= finalized_at - interval '5 years 2 days'));
      CREATE INDEX maturity_assessments_assessed_idx
        ON maturity_assessments (organization_id, assessed_at DESC, finalized_at DESC, id DESC) WHERE status = 'FINALIZED';

      CREATE FUNCTION socle_maturity_assessment_dated() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF NEW.status <> 'FINALIZED' OR (TG_OP = 'UPDATE' AND OLD.status = 'FINALIZED') THEN
          RETURN NEW;
        END IF;
        IF NEW.assessed_at IS NULL THEN
          NEW.assessed_at := NEW.finalized_at;
        END IF;
        IF TG_OP = 'INSERT' THEN
          RETURN NEW;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('maturity_assessments:' || NEW.organization_id::text, 0));
        IF EXISTS (SELECT 1 FROM maturity_assessments p
                    WHERE p.organization_id = NEW.organization_id AND p.status = 'FINALIZED' AND p.id <> NEW.id
                      AND p.assessed_at > NEW.assessed_at) THEN
          RAISE EXCEPTION 'maturity assessment % is dated % , before an assessment already finalised', NEW.id, NEW.assessed_at
            USING ERRCODE = 'check_violation', CONSTRAINT = 'maturity_assessments_assessed_order';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER maturity_assessments_dated BEFORE INSERT OR UPDATE ON maturity_assessments
        FOR EACH ROW EXECUTE FUNCTION socle_maturity_assessment_dated();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER maturity_assessments_dated ON maturity_assessments;
      DROP FUNCTION socle_maturity_assessment_dated();
      DROP INDEX maturity_assessments_assessed_idx;
      ALTER TABLE maturity_assessments
        DROP CONSTRAINT maturity_assessments_assessed_range_check,
        DROP CONSTRAINT maturity_assessments_assessed_check,
        DROP COLUMN assessed_at;
    `);
  }
}
