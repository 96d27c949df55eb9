import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policies: documents (one per kind per organisation) and their versions with
 * the history of every transition, acknowledgements of published versions,
 * comment-handling rules and the content rules (one JSON list per
 * organisation). Organisation tables: keys lead with organization_id, foreign
 * keys between them carry it, row-level security is FORCEd with USING and WITH
 * CHECK on the current organisation. A trigger keeps every version that left
 * DRAFT frozen and allows only the transitions of the workflow, so a race (or a
 * bug) cannot edit an approved text.
 */
export class Policies1764400000000 implements MigrationInterface {
  name = 'Policies1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_documents (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('USAGE_GUIDE', 'EDITORIAL_POLICY', 'COMMENT_HANDLING', 'PERSONAL_USE', 'CODE_OF_CONDUCT')),
        language text NOT NULL CHECK (language IN ('fr', 'en')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, kind)
      );
      CREATE INDEX policy_documents_page_idx ON policy_documents (organization_id, created_at, id);

      CREATE TABLE policy_versions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL,
        number int NOT NULL CHECK (number > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        sections jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(sections) = 'array'),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        submitted_at timestamptz(3),
        returned_by uuid REFERENCES users (id) ON DELETE SET NULL,
        returned_at timestamptz(3),
        return_comment text,
        approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        approved_at timestamptz(3),
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        published_at timestamptz(3),
        superseded_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, policy_id, number),
        FOREIGN KEY (organization_id, policy_id) REFERENCES policy_documents (organization_id, id) ON DELETE CASCADE
      );
      -- At most one version being worked on, and one published, per policy.
      CREATE UNIQUE INDEX policy_versions_open_key ON policy_versions (organization_id, policy_id) WHERE status IN ('DRAFT', 'IN_REVIEW', 'APPROVED');
      CREATE UNIQUE INDEX policy_versions_published_key ON policy_versions (organization_id, policy_id) WHERE status = 'PUBLISHED';
      CREATE INDEX policy_versions_status_idx ON policy_versions (organization_id, status);

      CREATE FUNCTION socle_policy_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER policy_versions_guard BEFORE UPDATE ON policy_versions FOR EACH ROW EXECUTE FUNCTION socle_policy_versions_guard();

      CREATE TABLE policy_events (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version_number int NOT NULL,
        action text NOT NULL CHECK (action IN ('CREATED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED')),
        from_status text,
        to_status text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('USER', 'API_KEY', 'SYSTEM')),
        actor_id uuid,
        comment text,
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, version_id) REFERENCES policy_versions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, policy_id) REFERENCES policy_documents (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX policy_events_page_idx ON policy_events (organization_id, policy_id, occurred_at, id);

      CREATE TABLE policy_acknowledgements (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        version_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        policy_id uuid NOT NULL,
        acknowledged_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, version_id, user_id),
        FOREIGN KEY (organization_id, version_id) REFERENCES policy_versions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, policy_id) REFERENCES policy_documents (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX policy_acknowledgements_page_idx ON policy_acknowledgements (organization_id, version_id, acknowledged_at, user_id);

      CREATE TABLE comment_handling_rules (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        channel text NOT NULL CHECK (channel = '*' OR channel ~ '^[a-z0-9-]{1,40}$'),
        severity text NOT NULL CHECK (severity IN ('LOW', 'NORMAL', 'HIGH', 'CRISIS')),
        response_minutes int NOT NULL CHECK (response_minutes > 0 AND response_minutes <= 43200),
        responsible_role text NOT NULL CHECK (responsible_role IN ('STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST',
          'COORDINATOR', 'EXECUTIVE_APPROVER', 'CONTRIBUTOR', 'VIEWER')),
        escalate boolean NOT NULL DEFAULT false,
        reply_templates jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(reply_templates) = 'array'),
        position int NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, channel, severity)
      );

      CREATE TABLE content_rule_sets (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );
    `);
    for (const table of [
      'policy_documents',
      'policy_versions',
      'policy_events',
      'policy_acknowledgements',
      'comment_handling_rules',
      'content_rule_sets',
    ]) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO socle_app;
      `);
    }
    // The history is append-only (deleted only with its organisation).
    await q.query(`REVOKE UPDATE ON policy_events FROM socle_app;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE content_rule_sets, comment_handling_rules, policy_acknowledgements, policy_events, policy_versions, policy_documents;
      DROP FUNCTION socle_policy_versions_guard();
    `);
  }
}
