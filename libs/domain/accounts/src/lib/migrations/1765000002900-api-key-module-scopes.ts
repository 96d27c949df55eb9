import { MigrationInterface, QueryRunner } from 'typeorm';

const ALL_MODULES = `ARRAY['read', 'write']::text[]`;
const WITH_MODULES = `ARRAY['read', 'write',
  'organizations:read', 'organizations:write', 'network_accounts:read', 'strategy:read', 'strategy:write',
  'policies:read', 'policies:write', 'content:read', 'content:write', 'community:read', 'community:write',
  'evaluation:read', 'evaluation:write', 'webhooks:read']::text[]`;

/**
 * API keys may hold the scopes of single modules (`content:read`) besides `read` and `write` for every module.
 * The allowed set mirrors the permission matrix's API_KEY_SCOPES. The old CHECK was declared on the column, so it
 * is found by what it constrains rather than by the name PostgreSQL gave it; the new one is named.
 */
export class ApiKeyModuleScopes1765000002900 implements MigrationInterface {
  name = 'ApiKeyModuleScopes1765000002900';

  async up(q: QueryRunner): Promise<void> {
    await dropScopesChecks(q);
    await q.query(`
      ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check CHECK (cardinality(scopes) > 0 AND scopes <@ ${WITH_MODULES});
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // A key limited to modules cannot be expressed any more: it goes rather than gaining every module.
    await q.query(`DELETE FROM api_keys WHERE NOT (scopes <@ ${ALL_MODULES})`);
    await dropScopesChecks(q);
    await q.query(`
      ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check CHECK (cardinality(scopes) > 0 AND scopes <@ ${ALL_MODULES});
    `);
  }
}

/** Drops every CHECK of api_keys on the scopes column, whatever its name. */
async function dropScopesChecks(q: QueryRunner): Promise<void> {
  await q.query(`
    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN
        SELECT con.conname FROM pg_constraint con
          JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
         WHERE con.conrelid = 'api_keys'::regclass AND con.contype = 'c' AND att.attname = 'scopes'
      LOOP
        EXECUTE format('ALTER TABLE api_keys DROP CONSTRAINT %I', c.conname);
      END LOOP;
    END $$;
  `);
}
