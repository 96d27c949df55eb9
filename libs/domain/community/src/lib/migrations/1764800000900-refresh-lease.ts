import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The refresh lease of a network account: a health check takes it, in one
 * conditional UPDATE, before presenting the account's refresh token to the
 * network, and gives it back when it stores the new credentials (same UPDATE)
 * or fails. Single-use refresh tokens are then presented once, whatever the
 * number of checks (API, worker, replicas) running at the same time. A lease
 * left by a check that crashed ends at `refresh_lease_until`. Columns of an
 * organisation table already under FORCEd row-level security.
 */
export class RefreshLease1764800000900 implements MigrationInterface {
  name = 'RefreshLease1764800000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE network_accounts
        ADD COLUMN refresh_lease_owner uuid,
        ADD COLUMN refresh_lease_until timestamptz,
        ADD CONSTRAINT network_accounts_refresh_lease_check CHECK ((refresh_lease_owner IS NULL) = (refresh_lease_until IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE network_accounts
        DROP CONSTRAINT network_accounts_refresh_lease_check,
        DROP COLUMN refresh_lease_until,
        DROP COLUMN refresh_lease_owner;
    `);
  }
}
