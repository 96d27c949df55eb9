import { Client } from 'pg';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { currentSchemaVersion } from './schema-version';
import {
  columnsOf,
  EXCLUDED_TABLES,
  exportedTablesInInsertOrder,
  NOT_SECRET_COLUMNS,
  organizationTables,
  SEALED_COLUMNS,
  SECRET_LIKE_COLUMN,
  TRIGGER_REFERENCES,
} from './tenant-tables';

type DataSource = ReturnType<typeof createDataSource>;

/**
 * What the archive takes, read from the real schema: a table added with an `organization_id` is exported unless it
 * is listed as excluded with a reason; a column that looks like a secret is sealed or said not to be one; every
 * foreign key of an exported table points to a row the archive carries or the import maps.
 */
describe('tables of an organisation archive', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 1,
      applicationName: 'archive-tables-spec',
    });
    await dataSource.initialize();
    units = new UnitOfWorkFactory(dataSource);
  });

  afterAll(async () => {
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  });

  it('exports every organisation table but the excluded ones, each exclusion naming a real table and a reason', async () => {
    const { all, exported } = await units.read({}, async (uow) => ({
      all: await organizationTables(uow),
      exported: await exportedTablesInInsertOrder(uow),
    }));
    expect(all.length).toBeGreaterThan(50);
    const unaccounted = all.filter((table) => !exported.includes(table) && !(table in EXCLUDED_TABLES));
    expect(unaccounted).toEqual([]);
    expect(Object.keys(EXCLUDED_TABLES).filter((table) => !all.includes(table))).toEqual([]);
    for (const reason of Object.values(EXCLUDED_TABLES)) expect(reason.length).toBeGreaterThan(20);
    expect(exported[0]).toBe('organizations');
    expect(exported.filter((table) => table in EXCLUDED_TABLES)).toEqual([]);
  });

  it('orders parents before children, and every foreign key of an exported table reaches a table the archive carries or maps', async () => {
    const { exported, keys } = await units.read({}, async (uow) => ({
      exported: await exportedTablesInInsertOrder(uow),
      keys: await uow.query<{ child: string; parent: string }>(
        `SELECT DISTINCT cl.relname AS child, p.relname AS parent
           FROM pg_constraint con
           JOIN pg_class cl ON cl.oid = con.conrelid
           JOIN pg_class p ON p.oid = con.confrelid
           JOIN pg_namespace n ON n.oid = cl.relnamespace
          WHERE con.contype = 'f' AND n.nspname = 'public'`,
      ),
    }));
    // Mapped by the import: the target agency, people matched by email or created.
    const mapped = new Set(['agencies', 'users']);
    const broken = keys
      .filter(({ child }) => exported.includes(child))
      .filter(({ parent }) => !mapped.has(parent) && !exported.includes(parent))
      .map(({ child, parent }) => `${child} -> ${parent}`);
    expect(broken).toEqual([]);
    const misordered = keys
      .filter(({ child, parent }) => child !== parent && exported.includes(child) && exported.includes(parent))
      .filter(({ child, parent }) => exported.indexOf(parent) > exported.indexOf(child))
      .map(({ child, parent }) => `${parent} after ${child}`);
    expect(misordered).toEqual([]);
    for (const [parent, child] of TRIGGER_REFERENCES) {
      expect(exported).toEqual(expect.arrayContaining([parent, child]));
      expect(exported.indexOf(parent)).toBeLessThan(exported.indexOf(child));
    }
  });

  it('seals every column that looks like a secret, or says why it is not one', async () => {
    const { columns } = await units.read({}, async (uow) => {
      const exported = await exportedTablesInInsertOrder(uow);
      return { columns: await columnsOf(uow, exported) };
    });
    const sealed = new Set(SEALED_COLUMNS.flatMap((s) => [`${s.table}.${s.column}`, `${s.table}.${s.keyIdColumn}`]));
    const secretLike = [...columns.entries()].flatMap(([table, list]) =>
      list.filter((c) => SECRET_LIKE_COLUMN.test(c.name)).map((c) => `${table}.${c.name}`),
    );
    expect(secretLike.filter((name) => !sealed.has(name) && !(name in NOT_SECRET_COLUMNS))).toEqual([]);
    for (const { table, column, keyIdColumn } of SEALED_COLUMNS) {
      expect(columns.get(table)?.map((c) => c.name)).toEqual(expect.arrayContaining([column, keyIdColumn, 'id']));
    }
  });

  it('reads one snapshot: a unit of work marked so runs REPEATABLE READ and read-only', async () => {
    const uow = units.create({});
    uow.markSnapshot();
    try {
      const [row] = await uow.query<{ isolation: string; read_only: string }>(
        "SELECT current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS read_only",
      );
      expect(row).toEqual({ isolation: 'repeatable read', read_only: 'on' });
      expect(() => uow.markSnapshot()).toThrow(/before the transaction opens/);
    } finally {
      await uow.rollback();
    }
  });

  it('names the schema version after the last migration the database applied', async () => {
    const admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY "timestamp" DESC, id DESC LIMIT 1');
      expect(currentSchemaVersion()).toBe(rows[0].name);
    } finally {
      await admin.end();
    }
  });
});
