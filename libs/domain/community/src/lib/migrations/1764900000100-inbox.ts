import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['inbox_items', 'inbox_notes', 'inbox_replies', 'inbox_cursors'];

/**
 * The social inbox: comments on the organisation's published posts (and
 * mentions) to answer, their internal notes and the replies sent. Organisation
 * tables: keys lead with organization_id, row-level security FORCEd. A trigger
 * allows only the inbox workflow's transitions; a partial unique index lets one
 * live reply (being sent or sent) exist per item, so of two people answering at
 * once one wins.
 */
export class Inbox1764900000100 implements MigrationInterface {
  name = 'Inbox1764900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox_items (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source ~ '^[a-z0-9-]{1,40}$'),
        network_account_id uuid,
        external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 2000),
        kind text NOT NULL CHECK (kind IN ('COMMENT', 'MENTION')),
        parent_external_id text CHECK (length(parent_external_id) BETWEEN 1 AND 2000),
        publication_id uuid,
        author_handle text NOT NULL CHECK (length(author_handle) BETWEEN 1 AND 500),
        author_name text CHECK (length(author_name) <= 500),
        text text NOT NULL CHECK (length(text) <= 100000),
        url text CHECK (length(url) <= 2000),
        received_at timestamptz(3) NOT NULL,
        severity text NOT NULL DEFAULT 'NORMAL' CHECK (severity IN ('LOW', 'NORMAL', 'HIGH', 'CRISIS')),
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ASSIGNED', 'ANSWERED', 'DISMISSED', 'ESCALATED')),
        assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        -- From the organisation's comment-handling rules when the item arrived.
        due_at timestamptz(3) NOT NULL,
        responsible_role text NOT NULL CHECK (responsible_role ~ '^[A-Z_]{1,40}$'),
        first_response_at timestamptz(3),
        answered_by uuid REFERENCES users (id) ON DELETE SET NULL,
        escalated_to text CHECK (escalated_to ~ '^[A-Z_]{1,40}$'),
        escalated_at timestamptz(3),
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, source, external_id),
        FOREIGN KEY (organization_id, publication_id) REFERENCES publications (organization_id, id) ON DELETE SET NULL (publication_id),
        FOREIGN KEY (organization_id, network_account_id) REFERENCES network_accounts (organization_id, id) ON DELETE SET NULL (network_account_id),
        CHECK (status <> 'ANSWERED' OR first_response_at IS NOT NULL),
        CHECK (status <> 'ESCALATED' OR (escalated_to IS NOT NULL AND escalated_at IS NOT NULL))
      );
      CREATE INDEX inbox_items_page_idx ON inbox_items (organization_id, received_at, id);
      CREATE INDEX inbox_items_status_idx ON inbox_items (organization_id, status, received_at, id);
      -- The SLA sweep across tenants: open items past their due time.
      CREATE INDEX inbox_items_overdue_idx ON inbox_items (due_at) WHERE status IN ('NEW', 'ASSIGNED');

      CREATE FUNCTION socle_inbox_items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.organization_id <> OLD.organization_id OR NEW.id <> OLD.id OR NEW.external_id <> OLD.external_id OR NEW.source <> OLD.source THEN
          RAISE EXCEPTION 'an inbox item keeps its organisation, id and origin' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
          ('NEW', 'ASSIGNED'), ('NEW', 'ANSWERED'), ('NEW', 'DISMISSED'), ('NEW', 'ESCALATED'),
          ('ASSIGNED', 'ANSWERED'), ('ASSIGNED', 'DISMISSED'), ('ASSIGNED', 'ESCALATED'),
          ('ESCALATED', 'ASSIGNED'), ('ESCALATED', 'ANSWERED'), ('ESCALATED', 'DISMISSED'),
          ('DISMISSED', 'NEW')) THEN
          RAISE EXCEPTION 'inbox item % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER inbox_items_guard BEFORE UPDATE ON inbox_items FOR EACH ROW EXECUTE FUNCTION socle_inbox_items_guard();

      CREATE TABLE inbox_notes (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, item_id) REFERENCES inbox_items (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX inbox_notes_item_idx ON inbox_notes (organization_id, item_id, created_at, id);

      CREATE TABLE inbox_replies (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL,
        network_account_id uuid,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        -- Derived from the row: every attempt to send this reply carries it, so the network makes one post.
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        external_id text CHECK (length(external_id) <= 2000),
        external_url text CHECK (length(external_url) <= 2000),
        error text CHECK (length(error) <= 1000),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, idempotency_key),
        FOREIGN KEY (organization_id, item_id) REFERENCES inbox_items (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, network_account_id) REFERENCES network_accounts (organization_id, id) ON DELETE SET NULL (network_account_id),
        CHECK (status <> 'SENT' OR (external_id IS NOT NULL AND sent_at IS NOT NULL))
      );
      -- One reply being sent or sent per item: two people answering at once, one wins.
      CREATE UNIQUE INDEX inbox_replies_live_key ON inbox_replies (organization_id, item_id) WHERE status IN ('PENDING', 'SENT');
      CREATE INDEX inbox_replies_pending_idx ON inbox_replies (created_at) WHERE status = 'PENDING';

      -- Where the last fetch of a publication's comments stopped (the connector's opaque cursor).
      CREATE TABLE inbox_cursors (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        publication_id uuid NOT NULL,
        cursor text CHECK (length(cursor) <= 4000),
        fetched_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, publication_id),
        FOREIGN KEY (organization_id, publication_id) REFERENCES publications (organization_id, id) ON DELETE CASCADE
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
    await q.query(`
      -- Organisations whose inbox is due for a fetch: an OK account and a post published in the last 30 days whose
      -- comments were never fetched or not since p_before (ids only).
      CREATE FUNCTION socle_inbox_organizations(p_before timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id FROM organizations o
            WHERE o.status = 'ACTIVE'
              AND EXISTS (SELECT 1 FROM network_accounts a WHERE a.organization_id = o.id AND a.status = 'OK')
              AND EXISTS (SELECT 1 FROM publications p
                           LEFT JOIN inbox_cursors c ON c.organization_id = p.organization_id AND c.publication_id = p.id
                          WHERE p.organization_id = o.id AND p.status = 'PUBLISHED' AND p.deleted_at IS NULL
                            AND p.published_at > now() - interval '30 days' AND (c.fetched_at IS NULL OR c.fetched_at < p_before))
            ORDER BY o.id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_inbox_organizations(timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_inbox_organizations(timestamptz, int) TO socle_app;

      -- Organisations with open inbox items past due, and with replies left PENDING before p_before (ids only).
      CREATE FUNCTION socle_inbox_attention(p_now timestamptz, p_before timestamptz, p_limit int)
        RETURNS TABLE (organization_id uuid, overdue boolean, pending boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT o.id,
                  EXISTS (SELECT 1 FROM inbox_items i WHERE i.organization_id = o.id AND i.status IN ('NEW', 'ASSIGNED') AND i.due_at < p_now),
                  EXISTS (SELECT 1 FROM inbox_replies r WHERE r.organization_id = o.id AND r.status = 'PENDING' AND r.created_at < p_before)
             FROM organizations o
            WHERE o.status = 'ACTIVE' AND o.id IN (
              (SELECT i.organization_id FROM inbox_items i WHERE i.status IN ('NEW', 'ASSIGNED') AND i.due_at < p_now)
              UNION (SELECT r.organization_id FROM inbox_replies r WHERE r.status = 'PENDING' AND r.created_at < p_before))
            ORDER BY o.id LIMIT p_limit $$;
      REVOKE ALL ON FUNCTION socle_inbox_attention(timestamptz, timestamptz, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_inbox_attention(timestamptz, timestamptz, int) TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_inbox_attention(timestamptz, timestamptz, int); DROP FUNCTION socle_inbox_organizations(timestamptz, int);
      DROP TABLE ${[...TABLES].reverse().join(', ')}; DROP FUNCTION socle_inbox_items_guard();
    `);
  }
}
