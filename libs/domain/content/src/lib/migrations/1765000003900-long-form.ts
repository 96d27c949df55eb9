import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social media press release: one variant of an item may be its long form (the blog article or press release,
 * `content_variants.long_form`, at most one per item: a partial unique index); the item's other variants are short
 * forms that link to it. When such an item is scheduled, each short form's publication waits for the long form's
 * (`waits_for`): it is claimed only once the long form is PUBLISHED, and sends the long form's address as its link.
 * The key carries `organization_id` (one tenant, colocated) and has no action (Citus refuses SET NULL across the
 * distribution column; publications go only with their item or their organisation, long and short forms together);
 * it is checked at commit (an archive imports a table's rows in any order). The
 * sweeper's look-up leaves waiting publications out, so an organisation whose long form failed is not woken every
 * sweep for nothing.
 */
export class LongForm1765000003900 implements MigrationInterface {
  name = 'LongForm1765000003900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE content_variants ADD COLUMN long_form boolean NOT NULL DEFAULT false;
      CREATE UNIQUE INDEX content_variants_one_long_form ON content_variants (organization_id, item_id) WHERE long_form;
      ALTER TABLE publications ADD COLUMN waits_for uuid NULL,
        ADD CONSTRAINT publications_waits_for_fk FOREIGN KEY (organization_id, waits_for)
          REFERENCES publications (organization_id, id) DEFERRABLE INITIALLY DEFERRED,
        ADD CONSTRAINT publications_waits_for_other CHECK (waits_for IS NULL OR waits_for <> id);
      CREATE INDEX publications_waits_for_idx ON publications (organization_id, waits_for) WHERE waits_for IS NOT NULL;

      CREATE OR REPLACE FUNCTION socle_publishing_due_organizations(p_now timestamptz, p_limit int)
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
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION socle_publishing_due_organizations(p_now timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT d.organization_id FROM (
               SELECT p.organization_id FROM publications p WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= p_now
               UNION
               SELECT p.organization_id FROM publications p WHERE p.status = 'PUBLISHING' AND p.lease_until < p_now) d
             JOIN organizations o ON o.id = d.organization_id AND o.status = 'ACTIVE'
            LIMIT p_limit $$;
      ALTER TABLE publications DROP COLUMN waits_for;
      ALTER TABLE content_variants DROP COLUMN long_form;
    `);
  }
}
