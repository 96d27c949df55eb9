import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets: one row per link mailed to a person who forgot their
 * password. Only the SHA-256 of the link's secret is kept; a link works once,
 * for an hour, and a newer request withdraws the older live one (at most one
 * live link per person, held by a partial unique index). Tenant table of the
 * user: row-level security by socle_current_user_id(), FORCEd.
 */
export class PasswordResets1765000002610 implements MigrationInterface {
  name = 'PasswordResets1765000002610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_resets (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        withdrawn_at timestamptz(3),
        PRIMARY KEY (user_id, id),
        CHECK (expires_at > created_at),
        CHECK (used_at IS NULL OR withdrawn_at IS NULL)
      );
      CREATE UNIQUE INDEX password_resets_token_key ON password_resets (user_id, token_hash);
      CREATE UNIQUE INDEX password_resets_one_live ON password_resets (user_id) WHERE used_at IS NULL AND withdrawn_at IS NULL;
      CREATE INDEX password_resets_recent_idx ON password_resets (user_id, created_at);
      ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
      ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
      CREATE POLICY password_resets_tenant ON password_resets
        USING (user_id = socle_current_user_id()) WITH CHECK (user_id = socle_current_user_id());
      GRANT SELECT, INSERT, UPDATE ON password_resets TO socle_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE password_resets');
  }
}
