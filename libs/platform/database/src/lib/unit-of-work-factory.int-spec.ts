import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { releaseParkedConnections } from './unit-of-work';
import { UnitOfWorkFactory } from './unit-of-work-factory';

/** The only door to the pool that domain code and the apps get, on the real PostgreSQL as the application role. */
describe('UnitOfWorkFactory', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  const setting = "SELECT nullif(current_setting('socle.organization_id', true), '') AS v";

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'uow-factory-spec',
    });
    await dataSource.initialize();
    units = new UnitOfWorkFactory(dataSource);
  });

  afterAll(async () => {
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  });

  it('runs work in one transaction with the tenant set, committed on success', async () => {
    const organizationId = randomUUID();
    const seen = await units.run({ organizationId }, async (uow) => {
      await uow.query('CREATE TEMP TABLE factory_probe (x int) ON COMMIT PRESERVE ROWS');
      await uow.query('INSERT INTO factory_probe VALUES (1)');
      return (await uow.query<{ v: string }>(setting))[0].v;
    });
    expect(seen).toBe(organizationId);
    // Outside the unit of work the tenant is gone: it was transaction-local.
    expect(await units.run({}, async (uow) => (await uow.query<{ v: string | null }>(setting))[0].v)).toBeNull();
  });

  it('rolls back on any error and rethrows it', async () => {
    const marker = `factory_${randomUUID().replace(/-/g, '')}`;
    await expect(
      units.run({}, async (uow) => {
        await uow.query(`CREATE TABLE pg_temp.${marker} (x int)`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const [row] = await units.run({}, (uow) =>
      uow.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_class WHERE relname = $1', [marker]),
    );
    expect(row.n).toBe(0);
  });

  it('read-only work cannot write', async () => {
    await expect(units.read({}, (uow) => uow.query('CREATE TEMP TABLE nope (x int)'))).rejects.toThrow(/read-only transaction/);
    expect(await units.read({}, async (uow) => (await uow.query<{ one: number }>('SELECT 1 AS one'))[0].one)).toBe(1);
  });

  it('creates units of work the caller ends, and pings the database', async () => {
    const uow = units.create({});
    expect((await uow.query<{ one: number }>('SELECT 1 AS one'))[0].one).toBe(1);
    await uow.rollback();
    await expect(units.ping()).resolves.toBeUndefined();
  });
});
