import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['content_approval_chains', 'content_approval_links', 'content_approval_decisions'];

/**
 * Approvals of content items: the organisation's chain (1 to 3 ordered steps),
 * the signed links handed to approvers without an account, and every decision
 * taken on a revision of an item. Organisation tables: keys lead with
 * organization_id, foreign keys carry it, row-level security is FORCEd.
 * "One decision per person per step per revision" is a unique index, so two
 * racing requests cannot both record one.
 */
export class Approvals1764800000100 implements MigrationInterface {
  name = 'Approvals1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content_approval_chains (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        -- [{ "role": "CONTENT_LEAD" | null, "memberIds": [uuid…], "mode": "ANY" | "ALL" }], in order; the last is the final approver.
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) BETWEEN 1 AND 3),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id)
      );

      CREATE TABLE content_approval_links (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL,
        -- The revision and step the link was made for: an edit or a completed step makes it useless.
        revision int NOT NULL CHECK (revision > 0),
        step int NOT NULL CHECK (step BETWEEN 1 AND 3),
        recipient_name text NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
        recipient_email text NOT NULL CHECK (length(recipient_email) BETWEEN 3 AND 320),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        -- Single use: set when the recipient decides.
        used_at timestamptz(3),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, item_id) REFERENCES content_items (organization_id, id) ON DELETE CASCADE,
        CHECK (expires_at > created_at)
      );
      CREATE INDEX content_approval_links_item_idx ON content_approval_links (organization_id, item_id, created_at);

      CREATE TABLE content_approval_decisions (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL,
        revision int NOT NULL CHECK (revision > 0),
        step int NOT NULL CHECK (step BETWEEN 1 AND 3),
        -- A member of the organisation, or the recipient of an approval link.
        decider_kind text NOT NULL CHECK (decider_kind IN ('MEMBER', 'LINK')),
        decider_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        link_id uuid,
        recipient_name text CHECK (length(recipient_name) BETWEEN 1 AND 200),
        recipient_email text CHECK (length(recipient_email) BETWEEN 3 AND 320),
        verdict text NOT NULL CHECK (verdict IN ('APPROVED', 'REJECTED')),
        comment text CHECK (length(comment) BETWEEN 1 AND 2000),
        -- The WARN findings of the item's variants at the moment of the decision (what the decider accepted).
        acknowledged_findings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(acknowledged_findings) = 'array'),
        decided_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, item_id) REFERENCES content_items (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, link_id) REFERENCES content_approval_links (organization_id, id) ON DELETE CASCADE,
        CHECK ((decider_kind = 'LINK') = (link_id IS NOT NULL AND recipient_name IS NOT NULL AND recipient_email IS NOT NULL)),
        CHECK (decider_kind = 'LINK' OR (link_id IS NULL AND recipient_name IS NULL AND recipient_email IS NULL)),
        CHECK (verdict = 'APPROVED' OR comment IS NOT NULL)
      );
      -- One decision per person per step per revision.
      CREATE UNIQUE INDEX content_approval_decisions_member_key ON content_approval_decisions (organization_id, item_id, revision, step, decider_user_id)
        WHERE decider_kind = 'MEMBER';
      CREATE UNIQUE INDEX content_approval_decisions_recipient_key ON content_approval_decisions (organization_id, item_id, revision, step, lower(recipient_email))
        WHERE decider_kind = 'LINK';
      -- A link decides once.
      CREATE UNIQUE INDEX content_approval_decisions_link_key ON content_approval_decisions (organization_id, link_id) WHERE link_id IS NOT NULL;
      CREATE INDEX content_approval_decisions_item_idx ON content_approval_decisions (organization_id, item_id, revision, decided_at);
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
    await q.query(`DROP TABLE ${[...TABLES].reverse().join(', ')};`);
  }
}
