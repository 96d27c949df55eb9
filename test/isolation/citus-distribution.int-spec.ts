import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { dropTestDatabase, ownTestDatabase } from '@socle/testing';

/**
 * infra/citus/distribute.sql, checked against the catalog of the migrated schema: every table is either a reference
 * table or distributed by its tenant key, once, and the keys and foreign keys are ones Citus accepts. Citus itself is
 * not installed: the script is read with simple patterns, then run on a database of this suite's own with stand-ins
 * for the three Citus functions, which record their calls.
 */
const SCRIPT = readFileSync(resolve(__dirname, '../../infra/citus/distribute.sql'), 'utf8');
/** The migrations' bookkeeping: a plain table on the coordinator, where the migrations run. */
const MIGRATIONS_TABLE = 'schema_migrations';
const COLOCATION_SOURCE = 'organizations';

interface Call {
  table: string;
  kind: 'reference' | 'distributed';
  column?: string;
  colocateWith?: string;
  at: number;
}

function scriptCalls(sql: string): Call[] {
  const calls: Call[] = [];
  for (const m of sql.matchAll(/create_reference_table\('([a-z_]+)'\)/g)) calls.push({ table: m[1], kind: 'reference', at: m.index });
  for (const m of sql.matchAll(/create_distributed_table\('([a-z_]+)',\s*'([a-z_]+)'(?:,\s*colocate_with\s*=>\s*'([a-z_]+)')?\)/g))
    calls.push({ table: m[1], kind: 'distributed', column: m[2], colocateWith: m[3], at: m.index });
  return calls.sort((a, b) => a.at - b.at);
}

/** The constraint names listed in one of the script's temp tables (`CREATE TEMP TABLE <name> (conname) AS VALUES …;`). */
function listedConstraints(sql: string, tempTable: string): string[] {
  const block = new RegExp(`CREATE TEMP TABLE ${tempTable} \\(conname\\) AS\\s+VALUES([^;]*);`).exec(sql);
  if (!block) throw new Error(`no list ${tempTable} in the script`);
  return [...block[1].matchAll(/\('([a-z0-9_]+)'\)/g)].map((m) => m[1]).sort();
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  referenced: string[];
  onDelete: string;
  definition: string;
}

const FOREIGN_KEYS_SQL = `
  SELECT con.conname AS name, cl.relname AS child, pcl.relname AS parent, con.confdeltype AS "onDelete",
         pg_get_constraintdef(con.oid) AS definition,
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS referenced
    FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class pcl ON pcl.oid = con.confrelid
   WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
   ORDER BY con.conname`;

describe('the Citus distribution script, read against the catalog', () => {
  let admin: Client;
  let tables: string[];
  let orgTables: Set<string>;
  let foreignKeys: ForeignKey[];
  const calls = scriptCalls(SCRIPT);
  const reference = new Set(calls.filter((c) => c.kind === 'reference').map((c) => c.table));
  const distributed = new Map(calls.filter((c) => c.kind === 'distributed').map((c) => [c.table, c]));
  const dropped = listedConstraints(SCRIPT, 'socle_foreign_keys_dropped');
  const withoutSetNull = listedConstraints(SCRIPT, 'socle_foreign_keys_without_set_null');

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query<{ relname: string; has_org: boolean }>(
      `SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped) AS has_org
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
        ORDER BY 1`,
      [MIGRATIONS_TABLE],
    );
    tables = rows.map((r) => r.relname);
    orgTables = new Set(rows.filter((r) => r.has_org).map((r) => r.relname));
    foreignKeys = (await admin.query<ForeignKey>(FOREIGN_KEYS_SQL)).rows;
  });

  afterAll(async () => {
    await admin.end();
  });

  it('reads both kinds of call from the script (the checks are not vacuous)', () => {
    expect(reference.size).toBeGreaterThanOrEqual(10);
    expect(distributed.size).toBeGreaterThanOrEqual(50);
    expect(tables).toContain('content_items');
  });

  it('names every table of the schema exactly once, the migrations table aside', () => {
    const named = calls.map((c) => c.table);
    const twice = named.filter((t, i) => named.indexOf(t) !== i);
    expect({ namedTwice: twice }).toEqual({ namedTwice: [] });
    expect({ notNamed: tables.filter((t) => !named.includes(t)) }).toEqual({ notNamed: [] });
    expect({ namedButMissing: named.filter((t) => !tables.includes(t)) }).toEqual({ namedButMissing: [] });
    expect(named).not.toContain(MIGRATIONS_TABLE);
  });

  it('distributes organizations by id and every table with organization_id by it, colocated with organizations', () => {
    expect(distributed.get(COLOCATION_SOURCE)).toMatchObject({ column: 'id', colocateWith: undefined });
    for (const [table, call] of distributed) {
      if (table === COLOCATION_SOURCE) continue;
      expect({ table, hasColumn: orgTables.has(table), column: call.column, colocateWith: call.colocateWith }).toEqual({
        table,
        hasColumn: true,
        column: 'organization_id',
        colocateWith: COLOCATION_SOURCE,
      });
    }
    // A table with organization_id is a tenant table: never a reference table.
    expect([...reference].filter((t) => orgTables.has(t))).toEqual([]);
  });

  it('creates the reference tables first, then organizations, then the tables colocated with it', () => {
    const source = calls.findIndex((c) => c.table === COLOCATION_SOURCE);
    const lastReference = calls.map((c) => c.kind).lastIndexOf('reference');
    const firstOther = calls.findIndex((c) => c.kind === 'distributed' && c.table !== COLOCATION_SOURCE);
    expect(lastReference).toBeLessThan(source);
    expect(source).toBeLessThan(firstOther);
  });

  it('includes the distribution column in every primary and unique key of a distributed table', async () => {
    const { rows } = await admin.query<{ table: string; index: string; columns: (string | null)[] }>(
      `SELECT t.relname AS table, i.relname AS index,
              ARRAY(SELECT a.attname::text FROM unnest(x.indkey) k LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k) AS columns
         FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
        WHERE t.relnamespace = 'public'::regnamespace AND (x.indisprimary OR x.indisunique)`,
    );
    const keys = rows.filter((r) => distributed.has(r.table));
    expect(keys.length).toBeGreaterThanOrEqual(distributed.size);
    const offenders = keys.filter((r) => !r.columns.includes(distributed.get(r.table)?.column ?? '')).map((r) => r.index);
    expect(offenders).toEqual([]);
  });

  it('joins distributed tables by foreign keys that carry the distribution column on both sides, at the same place', () => {
    const between = foreignKeys.filter((fk) => distributed.has(fk.child) && distributed.has(fk.parent));
    expect(between.length).toBeGreaterThan(50);
    const offenders = between
      .filter((fk) => {
        const i = fk.columns.indexOf(distributed.get(fk.child)?.column ?? '');
        return i < 0 || fk.referenced[i] !== distributed.get(fk.parent)?.column;
      })
      .map((fk) => fk.name);
    expect(offenders).toEqual([]);
  });

  it('drops exactly the foreign keys from a reference table to a distributed one, so none is left', () => {
    const fromReference = foreignKeys.filter((fk) => reference.has(fk.child) && distributed.has(fk.parent)).map((fk) => fk.name);
    expect(dropped).toEqual(fromReference.sort());
    const kept = foreignKeys.filter((fk) => !dropped.includes(fk.name));
    expect(kept.filter((fk) => reference.has(fk.child) && distributed.has(fk.parent))).toEqual([]);
  });

  it('re-creates without their action exactly the foreign keys Citus refuses: SET NULL or SET DEFAULT across the distribution column', () => {
    const refused = foreignKeys
      .filter((fk) => distributed.has(fk.child) && ['n', 'd'].includes(fk.onDelete))
      .filter((fk) => fk.columns.includes(distributed.get(fk.child)?.column ?? ''))
      .map((fk) => fk.name);
    expect(withoutSetNull).toEqual(refused.sort());
  });

  it('makes the functions of every row-level security policy exist on every node', async () => {
    const { rows } = await admin.query<{ fn: string }>(
      `SELECT DISTINCT m[1] AS fn FROM pg_policies, regexp_matches(coalesce(qual, '') || ' ' || coalesce(with_check, ''), '(socle_[a-z_]+)\\(', 'g') m
        WHERE schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const propagated = [...SCRIPT.matchAll(/create_distributed_function\('([a-z_]+)\(\)'\)/g)].map((m) => m[1]);
    expect(rows.map((r) => r.fn).filter((fn) => !propagated.includes(fn))).toEqual([]);
  });
});

describe('the Citus distribution script, run with stand-ins for Citus', () => {
  let db: ReturnType<typeof ownTestDatabase>;
  let client: Client;

  beforeAll(async () => {
    db = ownTestDatabase();
    client = new Client({ connectionString: db.adminUrl });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    if (db) await dropTestDatabase(db.name);
  });

  it('runs on the migrated schema, calls Citus as written and leaves the foreign keys Citus accepts', async () => {
    const before = (await client.query<ForeignKey>(FOREIGN_KEYS_SQL)).rows;
    await client.query(`
      CREATE SCHEMA citus_stand_in;
      CREATE TABLE citus_stand_in.calls (n serial, fn text, args text);
      CREATE FUNCTION citus_stand_in.create_reference_table(t regclass) RETURNS void LANGUAGE sql
        AS $$ INSERT INTO citus_stand_in.calls (fn, args) VALUES ('reference', t::text) $$;
      CREATE FUNCTION citus_stand_in.create_distributed_table(t regclass, c text, colocate_with text DEFAULT 'default') RETURNS void LANGUAGE sql
        AS $$ INSERT INTO citus_stand_in.calls (fn, args) VALUES ('distributed', concat_ws(' ', t::text, c, colocate_with)) $$;
      CREATE FUNCTION citus_stand_in.create_distributed_function(f regprocedure) RETURNS void LANGUAGE sql
        AS $$ INSERT INTO citus_stand_in.calls (fn, args) VALUES ('function', f::text) $$;
      SET search_path = public, citus_stand_in;`);
    // The extension is the one statement the stand-ins cannot replace.
    await client.query(SCRIPT.replace(/^CREATE EXTENSION IF NOT EXISTS citus;$/m, ''));

    const { rows } = await client.query<{ fn: string; args: string }>('SELECT fn, args FROM citus_stand_in.calls ORDER BY n');
    const expected = scriptCalls(SCRIPT).map((c) =>
      c.kind === 'reference' ? `reference ${c.table}` : `distributed ${[c.table, c.column, c.colocateWith ?? 'default'].join(' ')}`,
    );
    expect(rows.filter((r) => r.fn !== 'function').map((r) => `${r.fn} ${r.args}`)).toEqual(expected);

    const dropped = listedConstraints(SCRIPT, 'socle_foreign_keys_dropped');
    const withoutSetNull = listedConstraints(SCRIPT, 'socle_foreign_keys_without_set_null');
    const after = (await client.query<ForeignKey>(FOREIGN_KEYS_SQL)).rows;
    const expectedAfter = before
      .filter((fk) => !dropped.includes(fk.name))
      .map((fk) => ({
        ...fk,
        onDelete: withoutSetNull.includes(fk.name) ? 'a' : fk.onDelete,
        definition: withoutSetNull.includes(fk.name) ? fk.definition.replace(/ ON DELETE SET NULL \([a-z_]+\)$/, '') : fk.definition,
      }));
    expect(after).toEqual(expectedAfter);
    expect(after.length).toBe(before.length - dropped.length);
  });
});
