import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Videos in the media library: kind VIDEO (MP4 or QuickTime, read from the
 * file's bytes) with the duration of the movie; an image has none. Width and
 * height are the first video track's. A column and checks only: the row-level
 * security of media_assets is unchanged.
 */
export class MediaVideo1765000003300 implements MigrationInterface {
  name = 'MediaVideo1765000003300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE media_assets
        ADD COLUMN duration_ms int CHECK (duration_ms >= 0),
        DROP CONSTRAINT media_assets_kind_check,
        DROP CONSTRAINT media_assets_content_type_check,
        ADD CONSTRAINT media_assets_kind_check CHECK (kind IN ('IMAGE', 'VIDEO')),
        ADD CONSTRAINT media_assets_content_type_check
          CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime')),
        ADD CONSTRAINT media_assets_kind_content_type_check CHECK ((kind = 'VIDEO') = (content_type LIKE 'video/%')),
        ADD CONSTRAINT media_assets_duration_check CHECK ((kind = 'VIDEO') = (duration_ms IS NOT NULL));
    `);
  }

  /** Refused while the library holds videos: they would not fit the table as it was. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE media_assets
        DROP CONSTRAINT media_assets_duration_check,
        DROP CONSTRAINT media_assets_kind_content_type_check,
        DROP CONSTRAINT media_assets_content_type_check,
        DROP CONSTRAINT media_assets_kind_check,
        DROP COLUMN duration_ms,
        ADD CONSTRAINT media_assets_kind_check CHECK (kind IN ('IMAGE')),
        ADD CONSTRAINT media_assets_content_type_check
          CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp'));
    `);
  }
}
