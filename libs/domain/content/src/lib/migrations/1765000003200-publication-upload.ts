import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far a publication's media upload has got, as its connector reported it while sending
 * (`{ media, mediaCount, sentBytes, totalBytes, at }`, bytes over all its attachments); null before any
 * report. A column of the tenant's own table: row-level security unchanged.
 */
export class PublicationUpload1765000003200 implements MigrationInterface {
  name = 'PublicationUpload1765000003200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications ADD COLUMN upload jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE publications DROP COLUMN upload');
  }
}
