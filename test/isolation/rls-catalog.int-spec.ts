import { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from '@socle/platform-database';
import { createOrganization, signUpAgency, TestApi, addOrganizationMember } from '@socle/testing';

/**
 * The database's own promise of isolation, read from the catalog: every table
 * that holds tenant data has row-level security enabled and forced, a policy
 * with both USING and WITH CHECK, and an index leading with its tenant key; the
 * application role owns nothing and cannot bypass row-level security.
 */
describe('row-level security, read from the catalog', () => {
  let admin: Client;
  let tables: { table: string; tenantColumn: string }[];

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.column_name IN ('organization_id', 'agency_id', 'user_id')
        ORDER BY c.table_name, array_position(ARRAY['organization_id','agency_id','user_id']::text[], c.column_name::text)`,
    );
    const byTable = new Map<string, string>();
    for (const r of rows) if (!byTable.has(r.table_name)) byTable.set(r.table_name, r.column_name);
    // Tables whose own id is the tenant key.
    byTable.set('organizations', 'id');
    byTable.set('agencies', 'id');
    byTable.set('users', 'id');
    tables = [...byTable.entries()].map(([table, tenantColumn]) => ({ table, tenantColumn }));
  });

  afterAll(async () => {
    await admin.end();
  });

  it('finds the tenant tables (the check is not vacuous)', () => {
    const names = tables.map((t) => t.table);
    expect(names).toEqual(expect.arrayContaining(['organization_memberships', 'audit_events', 'api_keys', 'organizations', 'users']));
  });

  it('enables and forces row-level security on every tenant table', async () => {
    const { rows } = await admin.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1)`,
      [tables.map((t) => t.table)],
    );
    const offenders = rows.filter((r) => !r.relrowsecurity || !r.relforcerowsecurity).map((r) => r.relname);
    expect(offenders).toEqual([]);
    expect(rows).toHaveLength(tables.length);
  });

  it('gives every tenant table a policy with both USING and WITH CHECK, reading the tenant fail-closed', async () => {
    const { rows } = await admin.query<{ tablename: string; qual: string | null; with_check: string | null }>(
      `SELECT tablename, qual, with_check FROM pg_policies WHERE schemaname = 'public'`,
    );
    for (const { table } of tables) {
      const policies = rows.filter((r) => r.tablename === table);
      expect({ table, policies: policies.length }).toEqual({ table, policies: expect.any(Number) });
      expect(policies.length).toBeGreaterThan(0);
      for (const p of policies) {
        expect({ table, using: !!p.qual, check: !!p.with_check }).toEqual({ table, using: true, check: true });
        expect(`${p.qual} ${p.with_check}`).toMatch(/socle_current_(organization|agency|user)_id\(\)/);
      }
    }
    // The functions read the settings with missing_ok, so an unset tenant is NULL, never an error or a default.
    const { rows: fns } = await admin.query<{ src: string }>(
      `SELECT prosrc AS src FROM pg_proc WHERE proname IN ('socle_current_organization_id', 'socle_current_agency_id', 'socle_current_user_id')`,
    );
    expect(fns).toHaveLength(3);
    for (const f of fns) expect(f.src).toMatch(/current_setting\('socle\.[a-z_]+', true\)/);
  });

  it('indexes every tenant table with its tenant key first, and includes it in primary and unique keys', async () => {
    const { rows } = await admin.query<{ table: string; first_column: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, a.attname AS first_column, i.indisprimary AS is_primary, i.indisunique AS is_unique,
              ARRAY(SELECT att.attname::text FROM unnest(i.indkey) k JOIN pg_attribute att ON att.attrelid = t.oid AND att.attnum = k) AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
        WHERE t.relnamespace = 'public'::regnamespace`,
    );
    for (const { table, tenantColumn } of tables) {
      const indexes = rows.filter((r) => r.table === table);
      expect({ table, leading: indexes.some((r) => r.first_column === tenantColumn) }).toEqual({ table, leading: true });
      if (tenantColumn === 'organization_id') {
        const uniques = indexes.filter((r) => r.is_primary || r.is_unique);
        for (const u of uniques)
          expect({ table, columns: u.columns, hasTenant: u.columns.includes('organization_id') }).toMatchObject({ hasTenant: true });
      }
    }
  });

  it('makes foreign keys between organisation tables carry organization_id', async () => {
    const { rows } = await admin.query<{ child: string; parent: string; columns: string[] }>(
      `SELECT cl.relname AS child, pcl.relname AS parent,
              ARRAY(SELECT att.attname::text FROM unnest(con.conkey) k JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k) AS columns
         FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class pcl ON pcl.oid = con.confrelid
        WHERE con.contype = 'f' AND cl.relnamespace = 'public'::regnamespace`,
    );
    const orgTables = new Set(
      tables
        .filter((t) => t.tenantColumn === 'organization_id')
        .map((t) => t.table)
        .concat('organizations'),
    );
    const crossing = rows.filter((r) => orgTables.has(r.child) && orgTables.has(r.parent) && !r.columns.includes('organization_id'));
    expect(crossing).toEqual([]);
  });

  it('connects the application as a role that owns nothing, is not superuser and cannot bypass RLS', async () => {
    const { rows: roles } = await admin.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    expect(roles).toEqual([{ rolname: APP_ROLE, rolsuper: false, rolbypassrls: false }]);
    const { rows: owned } = await admin.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [APP_ROLE],
    );
    expect(owned).toEqual([]);
    const { rows: tableOwners } = await admin.query<{ owner: string }>(
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    expect(tableOwners).toEqual([{ owner: OWNER_ROLE }]);
    expect(new URL(process.env.DATABASE_URL as string).username).toBe(APP_ROLE);
  });
});

describe('the application role without a tenant', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    // Some data in every table first, so "zero rows" means something.
    const owner = await signUpAgency(api, 'Agence Vide');
    const org = await createOrganization(api, owner);
    await addOrganizationMember(api, owner, org, ['VIEWER']);
    await api.ok(`mutation { createApiKey(input: { name: "k", scopes: [READ] }) { secret } }`, {}, { token: owner.token });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('sees zero rows in every tenant table, though they hold data', async () => {
    const app = new Client({ connectionString: process.env.DATABASE_URL });
    const admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await Promise.all([app.connect(), admin.connect()]);
    try {
      const { rows } = await admin.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(10);
      for (const { relname } of rows) {
        const held = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${relname}"`);
        const seen = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${relname}"`);
        expect({ table: relname, seen: seen.rows[0].n }).toEqual({ table: relname, seen: 0 });
        if (['users', 'agencies', 'organizations', 'organization_memberships', 'api_keys'].includes(relname)) {
          expect(held.rows[0].n).toBeGreaterThan(0);
        }
      }
      // Nor can it write a row for a tenant it has not set.
      await expect(app.query(`INSERT INTO agencies (name) VALUES ('intruder')`)).rejects.toThrow(/row-level security/);
    } finally {
      await Promise.all([app.end(), admin.end()]);
    }
  });
});

describe('row-level security on its own, with another tenant set', () => {
  let api: TestApi;
  let orgA: string;
  let orgB: string;
  let userB: string;
  beforeAll(async () => {
    api = await TestApi.start();
    const a = await signUpAgency(api, 'Agence RLS A');
    const b = await signUpAgency(api, 'Agence RLS B');
    orgA = await createOrganization(api, a);
    orgB = await createOrganization(api, b);
    userB = (await addOrganizationMember(api, b, orgB, ['ANALYST'])).userId;
  });
  afterAll(async () => {
    await api.stop();
  });

  it("neither reads nor changes B's rows when the transaction is A's, whatever the SQL asks", async () => {
    const app = new Client({ connectionString: process.env.DATABASE_URL });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query("SELECT set_config('socle.organization_id', $1, true)", [orgA]);
      expect((await app.query('SELECT * FROM organization_memberships WHERE organization_id = $1', [orgB])).rowCount).toBe(0);
      expect((await app.query('SELECT * FROM organizations WHERE id = $1', [orgB])).rowCount).toBe(0);
      expect((await app.query("UPDATE organizations SET name = 'pwned' WHERE id = $1", [orgB])).rowCount).toBe(0);
      expect((await app.query('DELETE FROM organization_memberships WHERE organization_id = $1', [orgB])).rowCount).toBe(0);
      await expect(
        app.query("INSERT INTO organization_memberships (organization_id, user_id, roles) VALUES ($1, $2, ARRAY['VIEWER'])", [orgB, userB]),
      ).rejects.toThrow(/row-level security/);
      await app.query('ROLLBACK');
      // Moving one's own row into B is refused by WITH CHECK.
      await app.query('BEGIN');
      await app.query("SELECT set_config('socle.organization_id', $1, true)", [orgA]);
      await expect(app.query('UPDATE audit_events SET organization_id = $1 WHERE organization_id = $2', [orgB, orgA])).rejects.toThrow(
        /permission denied|row-level security/,
      );
      await app.query('ROLLBACK');
      // And the setting is transaction-local: gone after the transaction.
      expect((await app.query("SELECT current_setting('socle.organization_id', true) AS v")).rows[0].v).toBe('');
    } finally {
      await app.end();
    }
    const admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query('SELECT name FROM organizations WHERE id = $1', [orgB]);
    await admin.end();
    expect(rows[0].name).not.toBe('pwned');
  });
});
