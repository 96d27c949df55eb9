import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A variant's network-specific settings (a video's title, a blog post's slug), as the connector's manifest documents
 * them: a JSON object of strings, numbers and booleans, checked by the application against the manifest; bounded here.
 * A column of the tenant's own table: row-level security unchanged.
 */
export class VariantOptions1765000003400 implements MigrationInterface {
  name = 'VariantOptions1765000003400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE content_variants ADD COLUMN options jsonb NOT NULL DEFAULT '{}'::jsonb
        CONSTRAINT content_variants_options_object CHECK (jsonb_typeof(options) = 'object' AND octet_length(options::text) <= 262144)
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE content_variants DROP COLUMN options');
  }
}
