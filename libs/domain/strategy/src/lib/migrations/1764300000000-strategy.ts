import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'objectives',
  'kpis',
  'audience_segments',
  'network_plans',
  'network_plan_segments',
  'competitors',
  'brand_voices',
  'task_force_members',
  'rituals',
  'roadmap_step_statuses',
];

/**
 * The written strategy of an organisation: objectives and their KPIs, audience
 * segments, network plans, competitors, brand voice, task force, rituals and
 * the manual steps of the integration roadmap. Every table is an organisation
 * table: keys lead with organization_id, foreign keys between them carry it,
 * row-level security is FORCEd with USING and WITH CHECK on the current organisation.
 */
export class Strategy1764300000000 implements MigrationInterface {
  name = 'Strategy1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE objectives (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('BUSINESS', 'BRAND')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        metric text NOT NULL CHECK (length(metric) BETWEEN 1 AND 200),
        baseline double precision NOT NULL,
        target double precision NOT NULL,
        unit text CHECK (length(unit) BETWEEN 1 AND 40),
        deadline date NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK (target <> baseline)
      );
      CREATE INDEX objectives_page_idx ON objectives (organization_id, created_at, id);

      CREATE TABLE kpis (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        objective_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        metric text NOT NULL CHECK (length(metric) BETWEEN 1 AND 500),
        unit text CHECK (length(unit) BETWEEN 1 AND 40),
        target double precision NOT NULL,
        frequency text NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, objective_id) REFERENCES objectives (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX kpis_objective_idx ON kpis (organization_id, objective_id, created_at, id);

      CREATE TABLE audience_segments (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        needs text NOT NULL DEFAULT '' CHECK (length(needs) <= 5000),
        usages text[] NOT NULL DEFAULT '{}' CHECK (usages <@ ARRAY['PR', 'ADVERTISING_MARKETING', 'CUSTOMER_SERVICE']::text[]),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id)
      );
      CREATE UNIQUE INDEX audience_segments_name_key ON audience_segments (organization_id, lower(name));
      CREATE INDEX audience_segments_page_idx ON audience_segments (organization_id, created_at, id);

      CREATE TABLE network_plans (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        network text NOT NULL CHECK (network ~ '^[a-z0-9-]{1,40}$'),
        rationale text NOT NULL DEFAULT '' CHECK (length(rationale) <= 5000),
        posts_per_week smallint NOT NULL CHECK (posts_per_week BETWEEN 0 AND 100),
        reserved_handle text CHECK (length(reserved_handle) BETWEEN 1 AND 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, network)
      );
      CREATE INDEX network_plans_page_idx ON network_plans (organization_id, created_at, id);

      -- Which segments a plan addresses; both ends in the same organisation, by construction.
      CREATE TABLE network_plan_segments (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        network_plan_id uuid NOT NULL,
        segment_id uuid NOT NULL,
        PRIMARY KEY (organization_id, network_plan_id, segment_id),
        FOREIGN KEY (organization_id, network_plan_id) REFERENCES network_plans (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, segment_id) REFERENCES audience_segments (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX network_plan_segments_segment_idx ON network_plan_segments (organization_id, segment_id);

      CREATE TABLE competitors (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        handles jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(handles) = 'array'),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id)
      );
      CREATE UNIQUE INDEX competitors_name_key ON competitors (organization_id, lower(name));
      CREATE INDEX competitors_page_idx ON competitors (organization_id, created_at, id);

      CREATE TABLE brand_voices (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        tone text NOT NULL DEFAULT '',
        words_to_use text[] NOT NULL DEFAULT '{}',
        words_to_avoid text[] NOT NULL DEFAULT '{}',
        address_form text NULL CHECK (address_form IN ('TU', 'VOUS')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );

      -- A task-force member is an organisation member (the foreign key proves it) or a named external person.
      CREATE TABLE task_force_members (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        role text NOT NULL CHECK (role IN ('STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR')),
        user_id uuid,
        external_name text CHECK (length(external_name) BETWEEN 1 AND 120),
        external_contact text CHECK (length(external_contact) BETWEEN 1 AND 254),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK ((user_id IS NULL) <> (external_name IS NULL)),
        CHECK (user_id IS NULL OR external_contact IS NULL),
        FOREIGN KEY (organization_id, user_id) REFERENCES organization_memberships (organization_id, user_id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX task_force_members_user_key ON task_force_members (organization_id, role, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX task_force_members_external_key ON task_force_members (organization_id, role, lower(external_name)) WHERE external_name IS NOT NULL;
      CREATE INDEX task_force_members_page_idx ON task_force_members (organization_id, created_at, id);

      CREATE TABLE rituals (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('WEEKLY_MEETING', 'MONTHLY_EXECUTIVE_REPORT', 'BEST_CONTENT_MAIL', 'DIGITAL_TEAMS_MEETING', 'OTHER')),
        title text CHECK (length(title) BETWEEN 1 AND 200),
        cadence text NOT NULL CHECK (cadence IN ('WEEKLY', 'MONTHLY')),
        weekday smallint CHECK (weekday BETWEEN 1 AND 7),
        day_of_month smallint CHECK (day_of_month BETWEEN 1 AND 28),
        time_of_day time NOT NULL,
        timezone text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK ((cadence = 'WEEKLY') = (weekday IS NOT NULL)),
        CHECK ((cadence = 'MONTHLY') = (day_of_month IS NOT NULL)),
        CHECK (kind <> 'OTHER' OR title IS NOT NULL)
      );
      CREATE UNIQUE INDEX rituals_kind_key ON rituals (organization_id, kind) WHERE kind <> 'OTHER';
      CREATE INDEX rituals_page_idx ON rituals (organization_id, created_at, id);

      -- Only the steps of the roadmap that no module data measures are set by hand.
      CREATE TABLE roadmap_step_statuses (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        step smallint NOT NULL CHECK (step BETWEEN 1 AND 10),
        status text NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, step)
      );
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
    await q.query(`DROP TABLE ${[...TABLES].reverse().join(', ')}`);
  }
}
