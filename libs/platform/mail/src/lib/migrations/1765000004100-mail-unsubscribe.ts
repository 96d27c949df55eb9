import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['mail_outbox', 'user_mail_outbox', 'agency_mail_outbox'];

/**
 * A mail's one-click unsubscription address (RFC 8058), sent as its `List-Unsubscribe` and `List-Unsubscribe-Post`
 * headers. Printable ASCII without spaces or angle brackets (it goes between `<` and `>` in a header: no line break
 * or bracket can end it early). A personal link, so it is emptied with the body once the mail is sent or given up.
 */
export class MailUnsubscribe1765000004100 implements MigrationInterface {
  name = 'MailUnsubscribe1765000004100';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(`ALTER TABLE ${table} ADD COLUMN unsubscribe_url text
        CHECK (length(unsubscribe_url) <= 2000 AND unsubscribe_url ~ '^https?://[!-;=?-~]+$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN unsubscribe_url`);
  }
}
