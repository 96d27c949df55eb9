import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { ReadOnlyParking, releaseParkedConnections, setReadOnlyParking, statementCounter } from './read-only-parking';
import { UnitOfWork } from './unit-of-work';

/**
 * The same DataSource seen through a driver that lacks `master` (as if a TypeORM
 * upgrade had renamed it): the query runners still come from the real one.
 */
function withoutPoolInternal(real: DataSource): DataSource {
  const driver = new Proxy(real.driver, {
    get: (target, key) => (key === 'master' ? undefined : Reflect.get(target, key)),
    has: (target, key) => key !== 'master' && Reflect.has(target, key),
  });
  return new Proxy(real, {
    get: (target, key) => {
      if (key === 'driver') return driver;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The adapter's guard and switch, on the real PostgreSQL as the application role. */
describe('ReadOnlyParking', () => {
  let dataSource: DataSource;
  let admin: Client;
  const backendPid = async (uow: UnitOfWork) => (await uow.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;
  const stateOf = async (pid: number) =>
    (await admin.query<{ state: string | null }>('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0]?.state ?? null;

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], poolSize: 2, applicationName: 'parking-spec' });
    await dataSource.initialize();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
    await admin.end();
  });

  it('is on for a real DataSource: a read-only unit of work ends without a COMMIT of its own', async () => {
    expect(ReadOnlyParking.for(dataSource).enabled).toBe(true);
    const reader = new UnitOfWork(dataSource, { organizationId: randomUUID() });
    reader.markReadOnly();
    const pid = await backendPid(reader);
    const before = statementCounter.count;
    await reader.commit();
    expect(statementCounter.count).toBe(before);
    expect(await stateOf(pid)).toBe('idle in transaction');
    await releaseParkedConnections(dataSource);
    expect(await stateOf(pid)).toBe('idle');
  });

  it('turns itself off, logged once, when the driver lacks the pool internal, and read-only work then commits normally', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const crippled = withoutPoolInternal(dataSource);
    expect(ReadOnlyParking.for(crippled).enabled).toBe(false);

    for (let i = 0; i < 3; i += 1) {
      const organizationId = randomUUID();
      const reader = new UnitOfWork(crippled, { organizationId });
      reader.markReadOnly();
      const pid = await backendPid(reader);
      const [seen] = await reader.query<{ v: string }>("SELECT current_setting('socle.organization_id', true) AS v");
      expect(seen.v).toBe(organizationId);
      const before = statementCounter.count;
      await reader.commit();
      expect(statementCounter.count).toBe(before + 1); // its own COMMIT
      expect(await stateOf(pid)).toBe('idle'); // nothing left open
    }

    const messages = warn.mock.calls
      .map(([message]) => String(message))
      .filter((m) => m.includes('parking of read-only transactions is off'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('PostgresDriver.master');

    // A writer on it still commits, and the real DataSource keeps parking.
    const marker = `parking_${randomUUID().replace(/-/g, '')}`;
    const writer = new UnitOfWork(crippled, {});
    await writer.query(`CREATE TEMP TABLE ${marker} (x int) ON COMMIT PRESERVE ROWS`);
    await writer.commit();
    expect(ReadOnlyParking.for(dataSource).enabled).toBe(true);
  });

  it('switched off, commits read-only work normally; switched back on, parks again', async () => {
    setReadOnlyParking(dataSource, false);
    try {
      expect(ReadOnlyParking.for(dataSource).enabled).toBe(false);
      const reader = new UnitOfWork(dataSource, {});
      reader.markReadOnly();
      const pid = await backendPid(reader);
      const before = statementCounter.count;
      await reader.commit();
      expect(statementCounter.count).toBe(before + 1);
      expect(await stateOf(pid)).toBe('idle');
    } finally {
      setReadOnlyParking(dataSource, true);
    }
    const reader = new UnitOfWork(dataSource, {});
    reader.markReadOnly();
    const pid = await backendPid(reader);
    await reader.commit();
    expect(await stateOf(pid)).toBe('idle in transaction');
    await releaseParkedConnections(dataSource);
  });

  it('parks nothing for a DataSource not yet initialised, and decides once it is', async () => {
    const later = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 1,
      applicationName: 'parking-spec-later',
    });
    expect(ReadOnlyParking.for(later).enabled).toBe(false);
    await later.initialize();
    try {
      expect(ReadOnlyParking.for(later).enabled).toBe(true);
    } finally {
      await releaseParkedConnections(later);
      await later.destroy();
    }
  });
});
