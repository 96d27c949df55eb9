import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The media library: one row per uploaded file (the bytes are in the media
 * storage under `storage_key`). Organisation table: keys lead with
 * organization_id, row-level security FORCEd on the current organisation.
 *
 * `content_variants.media_ids` cannot carry a foreign key (an array), so a
 * trigger holds it: every id a variant lists must be an asset of the same
 * organisation, locked FOR KEY SHARE until the variant's transaction ends. A
 * deletion locks the asset FOR UPDATE, then counts the variants using it: either
 * the deletion waits for the variant and sees it, or the variant waits for the
 * deletion and finds no asset.
 */
export class Media1764800000200 implements MigrationInterface {
  name = 'Media1764800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media_assets (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        storage_key text NOT NULL CHECK (storage_key ~ '^[0-9a-f]{32}$'),
        kind text NOT NULL DEFAULT 'IMAGE' CHECK (kind IN ('IMAGE')),
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
        byte_size bigint NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        -- The name the client gave, for display only (the file is stored under its random key).
        file_name text CHECK (length(file_name) BETWEEN 1 AND 255),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, storage_key)
      );
      CREATE INDEX media_assets_page_idx ON media_assets (organization_id, created_at, id);
      CREATE INDEX media_assets_tags_idx ON media_assets USING gin (tags);
      CREATE INDEX media_assets_storage_key_idx ON media_assets (storage_key);
      CREATE INDEX content_variants_media_idx ON content_variants USING gin (media_ids);

      ALTER TABLE media_assets ENABLE ROW LEVEL SECURITY;
      ALTER TABLE media_assets FORCE ROW LEVEL SECURITY;
      CREATE POLICY media_assets_tenant ON media_assets
        USING (organization_id = socle_current_organization_id()) WITH CHECK (organization_id = socle_current_organization_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON media_assets TO socle_app;

      -- For the worker's storage sweep: which of these storage keys a row still names, in any organisation
      -- (keys are 128 random bits: the answer says nothing about any tenant). Files no row names are removed.
      CREATE FUNCTION socle_media_keys_known(p_keys text[])
        RETURNS TABLE (storage_key text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT m.storage_key FROM media_assets m WHERE m.storage_key = ANY (p_keys) $$;
      REVOKE ALL ON FUNCTION socle_media_keys_known(text[]) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION socle_media_keys_known(text[]) TO socle_app;

      CREATE FUNCTION socle_content_variants_media_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        found int;
      BEGIN
        IF cardinality(NEW.media_ids) = 0 OR (TG_OP = 'UPDATE' AND NEW.media_ids = OLD.media_ids) THEN
          RETURN NEW;
        END IF;
        SELECT count(*) INTO found FROM (
          SELECT 1 FROM media_assets
           WHERE organization_id = NEW.organization_id AND id = ANY (NEW.media_ids)
           FOR KEY SHARE
        ) AS locked;
        IF found <> (SELECT count(DISTINCT m) FROM unnest(NEW.media_ids) AS m) THEN
          RAISE EXCEPTION 'a variant lists a media asset that does not exist'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'content_variants_media_ids_fkey';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER content_variants_media_guard BEFORE INSERT OR UPDATE OF media_ids ON content_variants
        FOR EACH ROW EXECUTE FUNCTION socle_content_variants_media_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER content_variants_media_guard ON content_variants;
      DROP FUNCTION socle_content_variants_media_guard();
      DROP FUNCTION socle_media_keys_known(text[]);
      DROP INDEX content_variants_media_idx;
      DROP TABLE media_assets;
    `);
  }
}
