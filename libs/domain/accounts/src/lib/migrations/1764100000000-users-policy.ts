import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The users policy asked "is there a membership row visible to this tenant?",
 * which made PostgreSQL apply the memberships' own OR-policy once per user row.
 * Saying it directly (a membership in the current organisation or agency) is
 * the same set of rows and an index probe on the memberships' primary keys.
 */
export class UsersPolicy1764100000000 implements MigrationInterface {
  name = 'UsersPolicy1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY users_tenant ON users;
      CREATE POLICY users_tenant ON users
        USING (
          id = socle_current_user_id()
          OR EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = socle_current_organization_id() AND m.user_id = users.id)
          OR EXISTS (SELECT 1 FROM agency_memberships a WHERE a.agency_id = socle_current_agency_id() AND a.user_id = users.id)
        )
        WITH CHECK (id = socle_current_user_id());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY users_tenant ON users;
      CREATE POLICY users_tenant ON users
        USING (
          id = socle_current_user_id()
          OR EXISTS (SELECT 1 FROM organization_memberships m WHERE m.user_id = users.id)
          OR EXISTS (SELECT 1 FROM agency_memberships a WHERE a.user_id = users.id)
        )
        WITH CHECK (id = socle_current_user_id());
    `);
  }
}
