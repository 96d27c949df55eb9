import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'governance_members',
  'governance_meetings',
  'governance_meeting_attendees',
  'governance_decisions',
  'strategy_document_versions',
  'feedback_actions',
  'feedback_action_mentions',
  'feedback_action_inbox_items',
];

/**
 * Governance and acting on feedback.
 *
 * - The mixed committee with a top-management representative (seed 000): its
 *   members (an organisation member or a named outside person, with a
 *   function), its meetings (committee sessions, the task force's rituals
 *   held, with attendees and minutes) and the decisions taken.
 * - The written strategy approved by the management (seed 001, seed 003
 *   « définir par écrit »): numbered snapshots of the strategy document, taken
 *   DRAFT, submitted, approved by an executive; a snapshot's text never changes
 *   (a change needs a new version), and a trigger allows only the workflow's
 *   transitions. One version is worked on at a time (partial unique index).
 * - The action log (seed 003 « suivies de toutes sortes d'actions concrètes »):
 *   a decision taken on feedback, linked to mentions and inbox items of the same
 *   organisation (the composite foreign keys carry organization_id), with its
 *   follow-up.
 *
 * Organisation tables: keys lead with organization_id, row-level security FORCEd.
 */
export class Governance1765000001100 implements MigrationInterface {
  name = 'Governance1765000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE governance_members (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        external_name text CHECK (length(external_name) BETWEEN 1 AND 120),
        function text NOT NULL CHECK (length(function) BETWEEN 1 AND 120),
        top_management boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK ((user_id IS NULL) <> (external_name IS NULL))
      );
      CREATE UNIQUE INDEX governance_members_user_key ON governance_members (organization_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX governance_members_external_key ON governance_members (organization_id, lower(external_name)) WHERE external_name IS NOT NULL;
      CREATE INDEX governance_members_page_idx ON governance_members (organization_id, created_at, id);

      CREATE TABLE governance_meetings (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('COMMITTEE', 'TASK_FORCE_RITUAL', 'EXECUTIVE_REVIEW', 'OTHER')),
        held_at timestamptz(3) NOT NULL,
        minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
        ritual_id uuid,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, ritual_id) REFERENCES rituals (organization_id, id) ON DELETE SET NULL (ritual_id)
      );
      CREATE INDEX governance_meetings_page_idx ON governance_meetings (organization_id, held_at DESC, id DESC);
      CREATE INDEX governance_meetings_ritual_idx ON governance_meetings (organization_id, ritual_id, held_at) WHERE ritual_id IS NOT NULL;

      CREATE TABLE governance_meeting_attendees (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        meeting_id uuid NOT NULL,
        member_id uuid NOT NULL,
        PRIMARY KEY (organization_id, meeting_id, member_id),
        FOREIGN KEY (organization_id, meeting_id) REFERENCES governance_meetings (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, member_id) REFERENCES governance_members (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX governance_meeting_attendees_member_idx ON governance_meeting_attendees (organization_id, member_id);

      CREATE TABLE governance_decisions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        owner_member_id uuid,
        due_date date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
        closed_at timestamptz(3),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, meeting_id) REFERENCES governance_meetings (organization_id, id) ON DELETE SET NULL (meeting_id),
        FOREIGN KEY (organization_id, owner_member_id) REFERENCES governance_members (organization_id, id) ON DELETE SET NULL (owner_member_id),
        CHECK ((status = 'OPEN') = (closed_at IS NULL))
      );
      CREATE INDEX governance_decisions_page_idx ON governance_decisions (organization_id, created_at, id);
      CREATE INDEX governance_decisions_meeting_idx ON governance_decisions (organization_id, meeting_id) WHERE meeting_id IS NOT NULL;

      CREATE TABLE strategy_document_versions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        number int NOT NULL CHECK (number >= 1),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SUPERSEDED')),
        markdown text NOT NULL CHECK (length(markdown) BETWEEN 1 AND 2000000),
        -- Of the strategy's content (not of the moment it was rendered): tells whether the strategy changed since.
        fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        submitted_at timestamptz(3),
        returned_by uuid REFERENCES users (id) ON DELETE SET NULL,
        returned_at timestamptz(3),
        return_comment text CHECK (length(return_comment) BETWEEN 1 AND 2000),
        approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        approved_at timestamptz(3),
        approval_comment text CHECK (length(approval_comment) BETWEEN 1 AND 2000),
        superseded_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, number),
        CHECK (status NOT IN ('APPROVED', 'SUPERSEDED') OR approved_at IS NOT NULL)
      );
      -- One version worked on (DRAFT or IN_REVIEW) at a time; one approved version in force.
      CREATE UNIQUE INDEX strategy_document_versions_open_key ON strategy_document_versions (organization_id) WHERE status IN ('DRAFT', 'IN_REVIEW');
      CREATE UNIQUE INDEX strategy_document_versions_approved_key ON strategy_document_versions (organization_id) WHERE status = 'APPROVED';
      CREATE INDEX strategy_document_versions_page_idx ON strategy_document_versions (organization_id, created_at, id);

      CREATE FUNCTION socle_strategy_document_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organization_id <> OLD.organization_id OR NEW.id <> OLD.id OR NEW.number <> OLD.number
           OR NEW.markdown <> OLD.markdown OR NEW.fingerprint <> OLD.fingerprint OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'a strategy document version keeps its number and its text: take a new version' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN
           (('DRAFT', 'IN_REVIEW'), ('IN_REVIEW', 'DRAFT'), ('IN_REVIEW', 'APPROVED'), ('APPROVED', 'SUPERSEDED')) THEN
          RAISE EXCEPTION 'strategy document version % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER strategy_document_versions_guard BEFORE UPDATE ON strategy_document_versions
        FOR EACH ROW EXECUTE FUNCTION socle_strategy_document_versions_guard();

      CREATE TABLE feedback_actions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        decision text NOT NULL CHECK (length(decision) BETWEEN 1 AND 5000),
        follow_up text CHECK (length(follow_up) BETWEEN 1 AND 5000),
        followed_up_at timestamptz(3),
        owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
        due_at timestamptz(3),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
        closed_at timestamptz(3),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK ((status IN ('DONE', 'DROPPED')) = (closed_at IS NOT NULL)),
        CHECK ((follow_up IS NULL) = (followed_up_at IS NULL))
      );
      CREATE INDEX feedback_actions_page_idx ON feedback_actions (organization_id, created_at, id);
      CREATE INDEX feedback_actions_status_idx ON feedback_actions (organization_id, status, created_at, id);

      CREATE TABLE feedback_action_mentions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        action_id uuid NOT NULL,
        mention_id uuid NOT NULL,
        PRIMARY KEY (organization_id, action_id, mention_id),
        FOREIGN KEY (organization_id, action_id) REFERENCES feedback_actions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, mention_id) REFERENCES mentions (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX feedback_action_mentions_mention_idx ON feedback_action_mentions (organization_id, mention_id);

      CREATE TABLE feedback_action_inbox_items (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        action_id uuid NOT NULL,
        inbox_item_id uuid NOT NULL,
        PRIMARY KEY (organization_id, action_id, inbox_item_id),
        FOREIGN KEY (organization_id, action_id) REFERENCES feedback_actions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, inbox_item_id) REFERENCES inbox_items (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX feedback_action_inbox_items_item_idx ON feedback_action_inbox_items (organization_id, inbox_item_id);
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
    await q.query('DROP FUNCTION socle_strategy_document_versions_guard()');
  }
}
