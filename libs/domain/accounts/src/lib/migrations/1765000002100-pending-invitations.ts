import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pending invitations are listed to the people who manage members, newest first, with who sent them. The
 * inviter is often an agency owner or admin acting in a client: someone the client's row-level security does
 * not show among its users. Their name is therefore kept on the invitation when it is sent (and read live from
 * `users` when the reader can see them). The partial indexes hold only what the lists show: neither accepted
 * nor withdrawn invitations.
 */
export class PendingInvitations1765000002100 implements MigrationInterface {
  name = 'PendingInvitations1765000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organization_invitations ADD COLUMN invited_by_name text CHECK (char_length(invited_by_name) <= 200);
      ALTER TABLE agency_invitations ADD COLUMN invited_by_name text CHECK (char_length(invited_by_name) <= 200);
      UPDATE organization_invitations i SET invited_by_name = u.display_name FROM users u WHERE u.id = i.invited_by;
      UPDATE agency_invitations i SET invited_by_name = u.display_name FROM users u WHERE u.id = i.invited_by;
      CREATE INDEX organization_invitations_pending_idx ON organization_invitations (organization_id, created_at DESC, id DESC)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
      CREATE INDEX agency_invitations_pending_idx ON agency_invitations (agency_id, created_at DESC, id DESC)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX agency_invitations_pending_idx;
      DROP INDEX organization_invitations_pending_idx;
      ALTER TABLE agency_invitations DROP COLUMN invited_by_name;
      ALTER TABLE organization_invitations DROP COLUMN invited_by_name;
    `);
  }
}
