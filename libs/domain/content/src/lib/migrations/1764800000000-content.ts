import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['content_items', 'content_variants'];

/**
 * Content items and their variants (one per network account). Organisation
 * tables: keys lead with organization_id, foreign keys carry it, row-level
 * security is FORCEd on the current organisation. A trigger allows only the
 * transitions of the content workflow (the same table as `CONTENT_TRANSITIONS`).
 */
export class Content1764800000000 implements MigrationInterface {
  name = 'Content1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content_items (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        brief text NOT NULL DEFAULT '' CHECK (length(brief) <= 10000),
        theme text CHECK (length(theme) BETWEEN 1 AND 100),
        campaign text CHECK (length(campaign) BETWEEN 1 AND 100),
        objective_id uuid,
        segment_id uuid,
        network_plan_id uuid,
        source text NOT NULL DEFAULT 'TASK_FORCE' CHECK (source IN ('TASK_FORCE', 'EMPLOYEE_SUGGESTION')),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('IDEA', 'DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'FAILED', 'CANCELLED')),
        -- The suggestion box: who suggested it, and the content lead's triage (the suggester sees the reason).
        suggested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        triage text CHECK (triage IN ('ACCEPTED', 'DECLINED')),
        triage_reason text CHECK (length(triage_reason) BETWEEN 1 AND 2000),
        triaged_by uuid REFERENCES users (id) ON DELETE SET NULL,
        triaged_at timestamptz(3),
        -- The day the item is planned for in the calendar, before (or without) publications.
        planned_for timestamptz(3),
        -- Bumped on every edit of the text or variants: an approval is for one revision.
        revision int NOT NULL DEFAULT 1 CHECK (revision > 0),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, objective_id) REFERENCES objectives (organization_id, id) ON DELETE SET NULL (objective_id),
        FOREIGN KEY (organization_id, segment_id) REFERENCES audience_segments (organization_id, id) ON DELETE SET NULL (segment_id),
        FOREIGN KEY (organization_id, network_plan_id) REFERENCES network_plans (organization_id, id) ON DELETE SET NULL (network_plan_id),
        CHECK ((triage IS NULL) = (triaged_at IS NULL)),
        CHECK (triage IS DISTINCT FROM 'DECLINED' OR triage_reason IS NOT NULL)
      );
      CREATE INDEX content_items_page_idx ON content_items (organization_id, created_at, id);
      CREATE INDEX content_items_status_idx ON content_items (organization_id, status);
      CREATE INDEX content_items_planned_idx ON content_items (organization_id, planned_for) WHERE planned_for IS NOT NULL;

      CREATE FUNCTION socle_content_items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organization_id <> OLD.organization_id OR NEW.id <> OLD.id THEN
          RAISE EXCEPTION 'a content item keeps its organisation and id' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
          ('IDEA', 'DRAFT'), ('IDEA', 'CANCELLED'),
          ('DRAFT', 'IN_REVIEW'), ('DRAFT', 'CANCELLED'),
          ('IN_REVIEW', 'APPROVED'), ('IN_REVIEW', 'DRAFT'), ('IN_REVIEW', 'CANCELLED'),
          ('APPROVED', 'SCHEDULED'), ('APPROVED', 'DRAFT'), ('APPROVED', 'CANCELLED'),
          ('SCHEDULED', 'PUBLISHING'), ('SCHEDULED', 'APPROVED'), ('SCHEDULED', 'DRAFT'), ('SCHEDULED', 'CANCELLED'),
          ('PUBLISHING', 'PUBLISHED'), ('PUBLISHING', 'FAILED'), ('PUBLISHING', 'SCHEDULED'),
          ('PUBLISHED', 'CANCELLED'),
          ('FAILED', 'DRAFT'), ('FAILED', 'SCHEDULED'), ('FAILED', 'CANCELLED')) THEN
          RAISE EXCEPTION 'content item % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER content_items_guard BEFORE UPDATE ON content_items FOR EACH ROW EXECUTE FUNCTION socle_content_items_guard();

      CREATE TABLE content_variants (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL,
        -- Kept when the account is disconnected (the text is the agency's work); it then cannot be scheduled.
        network_account_id uuid,
        network text NOT NULL CHECK (network ~ '^[a-z0-9-]{1,40}$'),
        text text NOT NULL DEFAULT '' CHECK (length(text) <= 100000),
        link_url text CHECK (length(link_url) BETWEEN 1 AND 2000),
        -- Media library assets attached, in order.
        media_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(media_ids) <= 20),
        -- The last check (connector limits and content rules): spans and severities, shown per variant.
        findings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(findings) = 'array'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, item_id) REFERENCES content_items (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, network_account_id) REFERENCES network_accounts (organization_id, id) ON DELETE SET NULL (network_account_id)
      );
      CREATE UNIQUE INDEX content_variants_account_key ON content_variants (organization_id, item_id, network_account_id) WHERE network_account_id IS NOT NULL;
      CREATE INDEX content_variants_item_idx ON content_variants (organization_id, item_id, created_at, id);
    `);
    for (const table of TABLES) {
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
    await q.query(`DROP TABLE ${[...TABLES].reverse().join(', ')}; DROP FUNCTION socle_content_items_guard();`);
  }
}
