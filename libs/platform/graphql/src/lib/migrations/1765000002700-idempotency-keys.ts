import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client idempotency keys: one row per (tenant, caller, key) for a day, written in the same transaction as the mutation
 * it guards, with the mutation's answer. The unique key makes a second request with the same key wait for the first
 * one's transaction: it then finds the answer (the first committed) or runs itself (the first rolled back).
 *
 * `agency_id` is the tenant key; `scope_organization_id` is the client organisation the mutation acted in (NULL for an
 * agency-level mutation); `scope_id` is that organisation's id or the agency's, so that the unique key holds no NULL.
 */
export class IdempotencyKeys1765000002700 implements MigrationInterface {
  name = 'IdempotencyKeys1765000002700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        scope_organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
        scope_id uuid NOT NULL,
        caller_id uuid NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        fingerprint bytea NOT NULL CHECK (length(fingerprint) = 32),
        answer jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, id),
        UNIQUE (agency_id, scope_id, caller_id, key),
        CHECK (scope_id = coalesce(scope_organization_id, agency_id))
      );
      CREATE INDEX idempotency_keys_age_idx ON idempotency_keys (agency_id, created_at);
      ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
      ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
      CREATE POLICY idempotency_keys_tenant ON idempotency_keys
        USING ((scope_organization_id IS NULL AND agency_id = socle_current_agency_id())
               OR scope_organization_id = socle_current_organization_id())
        WITH CHECK ((scope_organization_id IS NULL AND agency_id = socle_current_agency_id())
               OR (scope_organization_id = socle_current_organization_id()
                   AND agency_id = (SELECT o.agency_id FROM organizations o WHERE o.id = socle_current_organization_id())));
      GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO socle_app;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
