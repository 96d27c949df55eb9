import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status moves that rewrite no index. An update of a row whose indexed columns
 * do not change can stay on its page (a heap-only tuple, HOT) and skip every
 * index, if the page has room for the new version. Publishing moves each item
 * twice (SCHEDULED → PUBLISHING → PUBLISHED) and finishes each attempt once:
 *
 *   - `content_items_status_idx (organization_id, status)` goes: it made every
 *     status move of an item write a new entry in each of the table's indexes.
 *     The item lists read an organisation's items in `content_items_page_idx`
 *     order and filter by status on the way; the calendar reads by planned
 *     day; nothing needs items by status across a large organisation quickly.
 *   - `content_items` and `publication_attempts` keep free room on their pages
 *     (fillfactor 85 and 80) for the new versions: an attempt is written when
 *     it starts and updated once when it ends (outcome, time, message, none
 *     indexed). The setting applies to pages written from now on.
 *
 * Publications change indexed columns (status, the lease) with every move, so
 * they stay as they are.
 */
export class HotStatusMoves1765000004400 implements MigrationInterface {
  name = 'HotStatusMoves1765000004400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS content_items_status_idx;
      ALTER TABLE content_items SET (fillfactor = 85);
      ALTER TABLE publication_attempts SET (fillfactor = 80);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE publication_attempts RESET (fillfactor);
      ALTER TABLE content_items RESET (fillfactor);
      CREATE INDEX IF NOT EXISTS content_items_status_idx ON content_items (organization_id, status);
    `);
  }
}
