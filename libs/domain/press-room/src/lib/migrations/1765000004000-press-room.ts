import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table of the press room, children last (the down migration drops them in reverse). */
const TABLES = [
  'press_rooms',
  'press_room_contacts',
  'press_room_media',
  'press_releases',
  'newsletter_subscribers',
  'newsletter_deliveries',
];

/**
 * The hosted press room of each organisation (seed 000, owned media): its settings, contacts and media kit, its
 * releases (snapshots of content items) and its newsletter (subscribers and one delivery row per release and
 * subscriber, which makes the digest idempotent).
 *
 * Every table is a tenant table (`organization_id` first in every key, row-level security forced). What precedes a
 * tenant goes through narrow SECURITY DEFINER functions:
 * - `socle_press_room_by_slug` / `socle_press_room_by_host`: the organisation of an *enabled* room at a public slug or
 *   a *verified* custom domain, nothing else;
 * - `socle_press_room_hosts`: the verified custom domains (the API routes them by `Host`);
 * - `socle_press_room_claim`: whether another organisation holds a slug or a custom domain. Both are unique across
 *   the platform, which no unique index can say on a table distributed by organisation: the function takes a
 *   transaction-level advisory lock per slug and per domain, so two claims of one address are serialised and the
 *   second sees the first once it committed;
 * - `socle_press_release_digests_due`: organisations with a release public and not yet sent to the newsletter.
 */
export class PressRoom1765000004000 implements MigrationInterface {
  name = 'PressRoom1765000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE press_rooms (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        enabled boolean NOT NULL DEFAULT false,
        language text NOT NULL CHECK (language IN ('fr', 'en')),
        custom_domain text CHECK (custom_domain ~ '^[a-z0-9][a-z0-9.-]{2,252}$'),
        -- The value the TXT record _socle-press.<domain> must hold (random, shown to the members; not a secret).
        domain_challenge text CHECK (domain_challenge ~ '^socle-press-verification=[A-Za-z0-9_-]{20,64}$'),
        domain_claimed_at timestamptz(3),
        domain_verified_at timestamptz(3),
        domain_checked_at timestamptz(3),
        domain_check_error text CHECK (length(domain_check_error) <= 300),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (organization_id),
        CHECK ((custom_domain IS NULL) = (domain_challenge IS NULL)),
        CHECK (domain_verified_at IS NULL OR custom_domain IS NOT NULL)
      );
      CREATE INDEX press_rooms_slug_idx ON press_rooms (slug);
      CREATE INDEX press_rooms_domain_idx ON press_rooms (custom_domain) WHERE custom_domain IS NOT NULL;

      CREATE TABLE press_room_contacts (
        organization_id uuid NOT NULL REFERENCES press_rooms (organization_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 19),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL DEFAULT '' CHECK (length(role) <= 200),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        phone text CHECK (length(phone) BETWEEN 3 AND 40),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, position)
      );

      CREATE TABLE press_room_media (
        organization_id uuid NOT NULL REFERENCES press_rooms (organization_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 49),
        media_asset_id uuid NOT NULL,
        caption text NOT NULL DEFAULT '' CHECK (length(caption) <= 1000),
        credit text NOT NULL DEFAULT '' CHECK (length(credit) <= 300),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, position),
        UNIQUE (organization_id, media_asset_id),
        -- Deleting an asset from the media library takes it out of the kit.
        FOREIGN KEY (organization_id, media_asset_id) REFERENCES media_assets (organization_id, id) ON DELETE CASCADE
      );

      CREATE TABLE press_releases (
        organization_id uuid NOT NULL REFERENCES press_rooms (organization_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The content item it was made from (a snapshot: the item may change or go, the release stays as published).
        item_id uuid NOT NULL,
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,98}[a-z0-9]$|^[a-z0-9]$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
        -- Sanitised HTML (an allow-list of tags, every attribute checked) and its plain text for feeds and mails.
        body_html text NOT NULL CHECK (length(body_html) <= 1000000),
        body_text text NOT NULL CHECK (length(body_text) <= 500000),
        media_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(media_ids) <= 20),
        publish_at timestamptz(3) NOT NULL,
        withdrawn_at timestamptz(3),
        -- When the newsletter's deliveries of this release were written (null: not yet).
        digest_done_at timestamptz(3),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        -- A slug is never given to another release of the room: a withdrawn release's address stays a 404.
        UNIQUE (organization_id, slug)
      );
      CREATE UNIQUE INDEX press_releases_item_key ON press_releases (organization_id, item_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX press_releases_public_idx ON press_releases (organization_id, publish_at DESC, id DESC) WHERE withdrawn_at IS NULL;
      CREATE INDEX press_releases_digest_due_idx ON press_releases (publish_at) WHERE withdrawn_at IS NULL AND digest_done_at IS NULL;

      CREATE TABLE newsletter_subscribers (
        organization_id uuid NOT NULL REFERENCES press_rooms (organization_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- Trimmed, domain in lower case (the local part is kept as given), at most 254 characters (RFC 5321).
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        name text CHECK (length(name) BETWEEN 1 AND 200),
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
        -- Random parts of the signed links (with the server's HMAC they make the link): the confirmation's is
        -- cleared once used, so a link works once; a new unsubscription part is drawn at each confirmation.
        confirm_nonce text CHECK (confirm_nonce ~ '^[A-Za-z0-9_-]{16,64}$'),
        confirm_expires_at timestamptz(3),
        unsubscribe_nonce text NOT NULL CHECK (unsubscribe_nonce ~ '^[A-Za-z0-9_-]{16,64}$'),
        confirmations_sent int NOT NULL DEFAULT 0 CHECK (confirmations_sent >= 0),
        last_confirmation_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        confirmed_at timestamptz(3),
        unsubscribed_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, email)
      );
      CREATE INDEX newsletter_subscribers_state_idx ON newsletter_subscribers (organization_id, state, created_at, id);

      CREATE TABLE newsletter_deliveries (
        organization_id uuid NOT NULL,
        release_id uuid NOT NULL,
        subscriber_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, release_id, subscriber_id),
        FOREIGN KEY (organization_id, release_id) REFERENCES press_releases (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, subscriber_id) REFERENCES newsletter_subscribers (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX newsletter_deliveries_subscriber_idx ON newsletter_deliveries (organization_id, subscriber_id);
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
      -- The deliveries are a log: written once, never changed.
      REVOKE UPDATE ON newsletter_deliveries FROM socle_app;

      -- The organisation of the enabled room at this public slug (nothing else; no row for a disabled room).
      CREATE FUNCTION socle_press_room_by_slug(p_slug text)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT r.organization_id FROM press_rooms r WHERE r.slug = p_slug AND r.enabled LIMIT 1 $$;

      -- The organisation of the enabled room whose custom domain is this host and verified.
      CREATE FUNCTION socle_press_room_by_host(p_host text)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT r.organization_id FROM press_rooms r
            WHERE r.custom_domain = p_host AND r.domain_verified_at IS NOT NULL AND r.enabled
            ORDER BY r.domain_verified_at LIMIT 1 $$;

      -- The hosts the API answers as press rooms, enabled or not (a disabled room's domain answers its 404 page,
      -- never the platform's own pages). Public by nature: each serves a public site.
      CREATE FUNCTION socle_press_room_hosts(p_limit int)
        RETURNS TABLE (host text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT r.custom_domain FROM press_rooms r
            WHERE r.custom_domain IS NOT NULL AND r.domain_verified_at IS NOT NULL
            ORDER BY 1 LIMIT p_limit $$;

      -- Whether another organisation holds this slug or this domain, in the caller's organisation's transaction:
      -- 'SLUG', 'DOMAIN' or NULL. A domain is held while verified, or for 7 days after it was claimed while it waits
      -- for verification (so a claim nobody can verify does not keep the domain from its owner).
      CREATE FUNCTION socle_press_room_claim(p_slug text, p_domain text)
        RETURNS text
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$
        DECLARE
          org uuid := socle_current_organization_id();
        BEGIN
          IF org IS NULL THEN
            RAISE EXCEPTION 'socle_press_room_claim needs an organisation' USING ERRCODE = '42501';
          END IF;
          IF p_slug IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(hashtextextended('socle.press_room.slug:' || p_slug, 0));
            IF EXISTS (SELECT 1 FROM press_rooms r WHERE r.slug = p_slug AND r.organization_id <> org) THEN
              RETURN 'SLUG';
            END IF;
          END IF;
          IF p_domain IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(hashtextextended('socle.press_room.domain:' || p_domain, 0));
            IF EXISTS (SELECT 1 FROM press_rooms r
                        WHERE r.custom_domain = p_domain AND r.organization_id <> org
                          AND (r.domain_verified_at IS NOT NULL OR r.domain_claimed_at > now() - interval '7 days')) THEN
              RETURN 'DOMAIN';
            END IF;
          END IF;
          RETURN NULL;
        END
        $$;

      -- Organisations with a release public (room enabled, time come, not withdrawn) not yet sent to the newsletter.
      CREATE FUNCTION socle_press_release_digests_due(p_limit int)
        RETURNS TABLE (organization_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT DISTINCT p.organization_id FROM press_releases p
             JOIN press_rooms r ON r.organization_id = p.organization_id
            WHERE p.withdrawn_at IS NULL AND p.digest_done_at IS NULL AND p.publish_at <= now() AND r.enabled
            ORDER BY 1 LIMIT p_limit $$;
    `);
    for (const signature of [
      'socle_press_room_by_slug(text)',
      'socle_press_room_by_host(text)',
      'socle_press_room_hosts(int)',
      'socle_press_room_claim(text, text)',
      'socle_press_release_digests_due(int)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC; GRANT EXECUTE ON FUNCTION ${signature} TO socle_app;`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION socle_press_release_digests_due(int);
      DROP FUNCTION socle_press_room_claim(text, text);
      DROP FUNCTION socle_press_room_hosts(int);
      DROP FUNCTION socle_press_room_by_host(text);
      DROP FUNCTION socle_press_room_by_slug(text);
      DROP TABLE ${[...TABLES].reverse().join(', ')};
    `);
  }
}
