import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { PARK_MS, ReadOnlyParking } from './read-only-parking';
import { releaseParkedConnections, statementCounter, UnitOfWork } from './unit-of-work';

/** Units of work on the real PostgreSQL, as the application role (row-level security applies). */
describe('UnitOfWork on the real PostgreSQL', () => {
  let dataSource: DataSource;
  let admin: Client;
  const backendPid = async (uow: UnitOfWork) => (await uow.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;
  const stateOf = async (pid: number) =>
    (await admin.query<{ state: string | null }>('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0]?.state ?? null;

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], poolSize: 2, applicationName: 'uow-spec' });
    await dataSource.initialize();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });

  afterAll(async () => {
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
    await admin.end();
  });

  it('sets the tenant transaction-locally: the next unit of work on the same connection does not inherit it', async () => {
    const organizationId = randomUUID();
    const first = new UnitOfWork(dataSource, { organizationId });
    const pid = await backendPid(first);
    expect((await first.query<{ v: string }>("SELECT current_setting('socle.organization_id', true) AS v"))[0].v).toBe(organizationId);
    await first.commit();
    const second = new UnitOfWork(dataSource, {});
    expect(await backendPid(second)).toBe(pid);
    expect(
      (await second.query<{ v: string | null }>("SELECT nullif(current_setting('socle.organization_id', true), '') AS v"))[0].v,
    ).toBeNull();
    await second.commit();
  });

  it('refuses writes in a read-only unit of work', async () => {
    const uow = new UnitOfWork(dataSource, {});
    uow.markReadOnly();
    await expect(uow.query('CREATE TEMP TABLE t (x int)')).rejects.toThrow(/read-only transaction/);
    await uow.rollback();
  });

  it('ends a read-only transaction in the next opening round trip, clearing the previous tenant', async () => {
    // Parked long enough for the checks between the two units of work on a busy machine (the timer is the next test's).
    ReadOnlyParking.for(dataSource).parkMs = 10_000;
    const organizationId = randomUUID();
    const reader = new UnitOfWork(dataSource, { organizationId });
    reader.markReadOnly();
    const pid = await backendPid(reader);
    const before = statementCounter.count;
    await reader.commit();
    expect(statementCounter.count).toBe(before); // no COMMIT sent of its own
    expect(await stateOf(pid)).toBe('idle in transaction');

    const next = new UnitOfWork(dataSource, { agencyId: randomUUID() });
    expect(await backendPid(next)).toBe(pid);
    const [settings] = await next.query<{ org: string | null; ro: string }>(
      "SELECT nullif(current_setting('socle.organization_id', true), '') AS org, current_setting('transaction_read_only') AS ro",
    );
    expect(settings).toEqual({ org: null, ro: 'off' });
    await next.commit();
    expect(await stateOf(pid)).toBe('idle');
    ReadOnlyParking.for(dataSource).parkMs = PARK_MS;
  });

  it('commits a parked transaction that nobody reuses within a few milliseconds', async () => {
    const reader = new UnitOfWork(dataSource, { organizationId: randomUUID() });
    reader.markReadOnly();
    const pid = await backendPid(reader);
    // Read before parking: the timer may fire while the state below is being read, on a busy machine.
    const deferred = statementCounter.deferredCommits;
    await reader.commit();
    expect(['idle in transaction', 'idle']).toContain(await stateOf(pid));
    // The timer ends it after PARK_MS plus the event loop's lag: waited for, up to seconds on a busy machine.
    for (let waited = 0; waited < 5_000 && (await stateOf(pid)) !== 'idle'; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(await stateOf(pid)).toBe('idle');
    expect(statementCounter.deferredCommits).toBe(deferred + 1);
  });

  it('starts afresh when the parked connection has died', async () => {
    const reader = new UnitOfWork(dataSource, {});
    reader.markReadOnly();
    const pid = await backendPid(reader);
    await reader.commit();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = new UnitOfWork(dataSource, {});
    const other = await backendPid(next);
    expect(other).not.toBe(pid);
    await next.commit();
  });

  it('serves many concurrent readers and writers through a small pool, and gives every connection back', async () => {
    const small = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'uow-spec-small',
    });
    await small.initialize();
    try {
      const work = Array.from({ length: 40 }, async (_, i) => {
        const uow = new UnitOfWork(small, { organizationId: randomUUID() });
        if (i % 5 !== 0) uow.markReadOnly();
        const [row] = await uow.query<{ v: string }>("SELECT current_setting('socle.organization_id', true) AS v, pg_sleep(0.002)");
        await uow.commit();
        return row.v === uow.scope.organizationId;
      });
      expect(await Promise.all(work)).toEqual(Array(40).fill(true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const pool = (small.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }).master;
      expect(pool.waitingCount).toBe(0);
      expect(pool.idleCount).toBe(pool.totalCount);
      const { rows } = await admin.query<{ state: string }>("SELECT state FROM pg_stat_activity WHERE application_name = 'uow-spec-small'");
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.state === 'idle')).toBe(true);
    } finally {
      await releaseParkedConnections(small);
      await small.destroy();
    }
  });

  it('commits and opens the next transaction in one round trip on the same connection, keeping the tenant; a failed COMMIT commits nothing and gives the connection up', async () => {
    const table = `uow_commit_begin_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await admin.query(
      `CREATE TABLE ${table} (v int, CONSTRAINT ${table}_v UNIQUE (v) DEFERRABLE INITIALLY DEFERRED); GRANT SELECT, INSERT ON ${table} TO PUBLIC`,
    );
    const committed = async () => (await admin.query<{ v: number }>(`SELECT v FROM ${table} ORDER BY v`)).rows.map((r) => r.v);
    try {
      const organizationId = randomUUID();
      const uow = new UnitOfWork(dataSource, { organizationId });
      const pid = await backendPid(uow);
      await uow.query(`INSERT INTO ${table} VALUES (1)`);
      let hooks = 0;
      uow.afterCommit(() => {
        hooks += 1;
      });
      const before = statementCounter.count;
      await uow.commitAndBegin();
      expect(statementCounter.count - before).toBe(1);
      // Already in its next transaction, on the connection it kept, before any other statement.
      expect(await stateOf(pid)).toBe('idle in transaction');
      expect(hooks).toBe(1);
      // Committed: another connection sees it while the unit of work goes on.
      expect(await committed()).toEqual([1]);
      expect(await backendPid(uow)).toBe(pid);
      expect((await uow.query<{ v: string }>("SELECT current_setting('socle.organization_id', true) AS v"))[0].v).toBe(organizationId);
      await uow.query(`INSERT INTO ${table} VALUES (2)`);
      await uow.rollback();
      // The second transaction was its own: rolled back alone.
      expect(await committed()).toEqual([1]);
      expect(hooks).toBe(1);

      // A COMMIT that fails (a deferred key checked at commit): nothing of it stays, no hook runs, the connection goes.
      const failing = new UnitOfWork(dataSource, { organizationId });
      const failingPid = await backendPid(failing);
      await failing.query(`INSERT INTO ${table} VALUES (3), (3)`);
      failing.afterCommit(() => {
        hooks += 1;
      });
      await expect(failing.commitAndBegin()).rejects.toMatchObject({ code: '23505' });
      await expect(failing.query('SELECT 1')).rejects.toThrow(/closed/);
      await failing.rollback();
      expect(hooks).toBe(1);
      expect(await committed()).toEqual([1]);
      // The pool still serves two units of work at once, neither on the connection given up.
      const [a, b] = [new UnitOfWork(dataSource, {}), new UnitOfWork(dataSource, {})];
      const pids = await Promise.all([backendPid(a), backendPid(b)]);
      await Promise.all([a.commit(), b.commit()]);
      expect(pids).not.toContain(failingPid);
    } finally {
      await admin.query(`DROP TABLE ${table}`);
    }
  });

  it('relaxes the commits of the transactions opened after relaxCommits, and of no other', async () => {
    const serverDefault = (await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit;
    const setting = async (uow: UnitOfWork) => (await uow.query<{ v: string }>("SELECT current_setting('synchronous_commit') AS v"))[0].v;
    const uow = new UnitOfWork(dataSource, { organizationId: randomUUID() });
    expect(await setting(uow)).toBe(serverDefault);
    uow.relaxCommits();
    // The open transaction keeps its own; the next ones, opened in one round trip or later on any connection, are relaxed.
    expect(await setting(uow)).toBe(serverDefault);
    await uow.commitAndBegin();
    expect(await setting(uow)).toBe('off');
    await uow.commitAndContinue();
    expect(await setting(uow)).toBe('off');
    await uow.commit();
    // Transaction-local: nothing is left on the pooled connections for the next units of work.
    const others = [new UnitOfWork(dataSource, {}), new UnitOfWork(dataSource, {})];
    expect(await Promise.all(others.map(setting))).toEqual([serverDefault, serverDefault]);
    await Promise.all(others.map((other) => other.commit()));
  });

  it('prepares a statement once per connection, and gives up a connection whose prepared statement a schema change made stale', async () => {
    const table = `uow_prepared_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await admin.query(`CREATE TABLE ${table} (v int); INSERT INTO ${table} VALUES (1); GRANT SELECT ON ${table} TO PUBLIC`);
    const name = `uow_spec_${table}`;
    const sql = `SELECT v, pg_backend_pid() AS pid FROM ${table} WHERE v = ANY($1::int[])`;
    const read = async (): Promise<{ v: unknown; pid: number } | { code: string; failedOn: number }> => {
      const uow = new UnitOfWork(dataSource, {});
      const pid = await backendPid(uow);
      try {
        const [row] = await uow.prepared<{ v: unknown; pid: number }>(name, sql, [[1]]);
        await uow.commit();
        return row;
      } catch (error) {
        await uow.rollback();
        return { code: String((error as { code?: unknown }).code), failedOn: pid };
      }
    };
    try {
      // Both connections of the pool prepare it (two units of work at once hold both).
      const first = await Promise.all([read(), read()]);
      expect(first.map((r) => ('v' in r ? r.v : r))).toEqual([1, 1]);
      const check = new UnitOfWork(dataSource, {});
      await check.prepared(name, sql, [[1]]);
      const held = await check.query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE name = $1', [name]);
      await check.commit();
      expect(held).toEqual([{ name }]);
      await admin.query(`ALTER TABLE ${table} ALTER COLUMN v TYPE bigint`);
      const after: ({ v: unknown; pid: number } | { code: string; failedOn: number })[] = [];
      for (let i = 0; i < 6; i++) after.push(await read());
      const failures = after.filter((r): r is { code: string; failedOn: number } => 'code' in r);
      // Each connection that held the stale statement fails once (PostgreSQL's 0A000), and is not used again.
      expect(failures.length).toBeLessThanOrEqual(2);
      for (const f of failures) expect(f.code).toBe('0A000');
      const served = after.filter((r): r is { v: unknown; pid: number } => 'v' in r);
      for (const f of failures) expect(served.some((r) => r.pid === f.failedOn)).toBe(false);
      // The last reads are answered, with the new type (bigint comes back as text).
      expect(after.slice(-2)).toEqual([expect.objectContaining({ v: '1' }), expect.objectContaining({ v: '1' })]);
    } finally {
      await admin.query(`DROP TABLE ${table}`);
    }
  });

  it('keeps prepared statements inside the tenant, refuses hostile values with a QueryFailedError, and shares them across racing units of work', async () => {
    const table = `uow_prepared_rls_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const [orgA, orgB] = [randomUUID(), randomUUID()];
    await admin.query(
      `CREATE TABLE ${table} (organization_id uuid NOT NULL, id uuid PRIMARY KEY, note text, data jsonb, n int NOT NULL DEFAULT 0);
       ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
       CREATE POLICY tenant ON ${table} USING (organization_id = socle_current_organization_id());
       GRANT SELECT, UPDATE ON ${table} TO PUBLIC`,
    );
    const [rowA, rowB] = [randomUUID(), randomUUID()];
    await admin.query(`INSERT INTO ${table} (organization_id, id, note) VALUES ($1, $2, 'a'), ($3, $4, 'b')`, [orgA, rowA, orgB, rowB]);
    const update = `UPDATE ${table} SET note = $2, data = $3::jsonb, n = n + 1 WHERE id = $1 RETURNING id, note`;
    const inA = async <T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> => {
      const uow = new UnitOfWork(dataSource, { organizationId: orgA });
      try {
        const result = await work(uow);
        await uow.commit();
        return result;
      } catch (error) {
        await uow.rollback();
        throw error;
      }
    };
    try {
      // Another tenant's id: nothing read, nothing changed.
      expect(await inA((uow) => uow.prepared(`${table}_update`, update, [rowB, 'pwned', null]))).toEqual([]);
      // Hostile values: stored as given, or refused by PostgreSQL as a QueryFailedError with its code; never a crash.
      let deep = '1';
      for (let i = 0; i < 100_000; i++) deep = `[${deep}]`;
      const hostile: [string, string | null][] = [
        ['nul\u0000byte', null],
        ['lone \ud800 surrogate', null],
        ['x'.repeat(1_000_000), null],
        ['deep', deep],
        ['bad json', '{"a":'],
      ];
      for (const [note, data] of hostile) {
        const outcome = await inA((uow) => uow.prepared<{ note: string }>(`${table}_update`, update, [rowA, note, data])).then(
          (rows) => ({ stored: rows.length }),
          (error: unknown) => ({ refused: error instanceof QueryFailedError, code: (error as { code?: string }).code }),
        );
        if ('stored' in outcome) expect(outcome.stored).toBe(1);
        else expect(outcome).toEqual({ refused: true, code: expect.stringMatching(/^(22|54)/) });
      }
      // Twenty units of work at once on a pool of two, all with the same prepared statement: each counted once.
      await admin.query(`UPDATE ${table} SET n = 0 WHERE id = $1`, [rowA]);
      const raced = await Promise.allSettled(
        Array.from({ length: 20 }, () => inA((uow) => uow.prepared(`${table}_update`, update, [rowA, 'raced', null]))),
      );
      expect(raced.filter((r) => r.status === 'rejected')).toEqual([]);
      const { rows } = await admin.query<{ id: string; note: string; n: number }>(`SELECT id, note, n FROM ${table} ORDER BY note`);
      expect(rows).toEqual([
        { id: rowB, note: 'b', n: 0 },
        { id: rowA, note: 'raced', n: 20 },
      ]);
    } finally {
      await admin.query(`DROP TABLE ${table}`);
    }
  });
});
