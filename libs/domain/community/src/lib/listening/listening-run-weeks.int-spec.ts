import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  organizationTablesInDeleteOrder,
  OrganizationUnitOfWork,
  releaseParkedConnections,
  UnitOfWorkFactory,
} from '@socle/platform-database';
import type { TenantCtx } from '../repositories';
import { ListeningRepository } from './listening.repository';

/**
 * The log of listening runs per week (listening_run_weeks), as the listening
 * job writes it through the repository, on the real PostgreSQL as the
 * application role with the tenant set: one row per query and week whatever
 * the number of runs and accounts, written with the source's cursor or not at
 * all, racing runs of one query meeting on one row, and nothing readable or
 * writable from another tenant.
 */
describe('listening run log', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  const repository = new ListeningRepository();

  const ctxOf = (uow: OrganizationUnitOfWork): TenantCtx => ({
    uow,
    organizationId: uow.organizationId,
    actor: { type: 'SYSTEM', id: null },
  });
  const sql = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await admin.query<T>(text, params)).rows;
  const organisation = async (name: string) => {
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`]);
    return (await sql<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name]))[0].id;
  };
  const account = async (organizationId: string, handle = 'marque') =>
    (
      await sql<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url) VALUES ($1, 'mastodon', $2, 'https://social.example') RETURNING id`,
        [organizationId, handle],
      )
    )[0].id;
  const query = async (organizationId: string, name = 'Marque') =>
    (
      await sql<{ id: string }>(
        // Inactive: a reconciler of another suite sharing the database leaves it alone.
        `INSERT INTO listening_queries (organization_id, kind, name, query, active) VALUES ($1, 'BRAND', $2, $2, false) RETURNING id`,
        [organizationId, name],
      )
    )[0].id;
  const success = (organizationId: string, queryId: string, accountId: string, newRun = true) =>
    units.runInOrganization(organizationId, (uow) =>
      repository.recordSource(ctxOf(uow), queryId, accountId, 'mastodon', { ok: true, cursor: '{"t":null,"ids":[]}', added: 0, newRun }),
    );
  const log = (organizationId: string) =>
    sql<{ query_id: string; week_start: string; runs: number; first_success_at: Date; last_success_at: Date }>(
      `SELECT query_id, to_char(week_start, 'YYYY-MM-DD') AS week_start, runs, first_success_at, last_success_at
         FROM listening_run_weeks WHERE organization_id = $1 ORDER BY query_id, week_start`,
      [organizationId],
    );
  const thisWeek = async () =>
    (await sql<{ w: string }>(`SELECT to_char(date_trunc('week', now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS w`))[0].w;
  /** Resolves once the session named `applicationName` waits on a lock (the racing transaction is really blocked, not merely slow). */
  const waitingOnLock = async (applicationName: string) => {
    for (let i = 0; i < 500; i++) {
      const rows = await sql("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [applicationName]);
      if (rows.length) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the racing transaction never waited on a lock');
  };

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], poolSize: 12, applicationName: 'run-log-spec' });
    await dataSource.initialize();
    units = new UnitOfWorkFactory(dataSource);
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  });

  it('logs a successful run once per week, however many accounts it read, and each further run in the same row', async () => {
    const org = await organisation('Horizon');
    const q = await query(org);
    const [a1, a2] = [await account(org, 'un'), await account(org, 'deux')];
    // One run reading two accounts: the second source's success does not count a second run.
    await success(org, q, a1, true);
    await success(org, q, a2, false);
    // A second run.
    await success(org, q, a1, true);
    const rows = await log(org);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ query_id: q, week_start: await thisWeek(), runs: 2 });
    expect(rows[0].first_success_at.getTime()).toBeLessThanOrEqual(rows[0].last_success_at.getTime());
    // The log and the source agree on the last success.
    const [source] = await sql<{ last_success_at: Date }>(
      'SELECT max(last_success_at) AS last_success_at FROM listening_query_sources WHERE organization_id = $1 AND query_id = $2',
      [org, q],
    );
    expect(rows[0].last_success_at).toEqual(source.last_success_at);
  });

  it('writes the log in the transaction of the cursor: a run rolled back leaves neither', async () => {
    const org = await organisation('Horizon');
    const q = await query(org);
    const a = await account(org);
    await expect(
      units.runInOrganization(org, async (uow) => {
        await repository.recordSource(ctxOf(uow), q, a, 'mastodon', { ok: true, cursor: 'c', added: 0, newRun: true });
        throw new Error('the run fails before it commits');
      }),
    ).rejects.toThrow('the run fails before it commits');
    expect(await log(org)).toEqual([]);
    expect(await sql('SELECT 1 FROM listening_query_sources WHERE organization_id = $1', [org])).toEqual([]);
    // A failed source logs no run.
    await units.runInOrganization(org, (uow) =>
      repository.recordSource(ctxOf(uow), q, a, 'mastodon', { ok: false, error: 'UNAVAILABLE', retryAt: new Date() }),
    );
    expect(await log(org)).toEqual([]);
    // A query deleted takes its log with it.
    await success(org, q, a);
    expect(await log(org)).toHaveLength(1);
    await units.runInOrganization(org, (uow) => repository.delete(ctxOf(uow), q));
    expect(await log(org)).toEqual([]);
  });

  it('keeps one row when runs of the same query in the same week race, counting each', async () => {
    const org = await organisation('Horizon');
    const q = await query(org);
    const accounts: string[] = [];
    for (let i = 0; i < 8; i++) accounts.push(await account(org, `compte${i}`));
    // A transaction holds the week's new row uncommitted; another run's upsert really waits on it, then updates it.
    const racer = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 1,
      applicationName: 'run-log-racer',
    });
    await racer.initialize();
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const first = units.runInOrganization(org, async (uow) => {
        await repository.recordSource(ctxOf(uow), q, accounts[0], 'mastodon', { ok: true, cursor: null, added: 0, newRun: true });
        written();
        await released;
      });
      await wrote;
      const second = new UnitOfWorkFactory(racer).runInOrganization(org, (uow) =>
        repository.recordSource(ctxOf(uow), q, accounts[1], 'mastodon', { ok: true, cursor: null, added: 0, newRun: true }),
      );
      await waitingOnLock('run-log-racer');
      release();
      await Promise.all([first, second]);
    } finally {
      await releaseParkedConnections(racer);
      await racer.destroy();
    }
    expect(await log(org)).toEqual([expect.objectContaining({ query_id: q, runs: 2 })]);
    // Many at once, on several connections.
    await Promise.all(accounts.map((a) => success(org, q, a, true)));
    const rows = await log(org);
    expect(rows).toHaveLength(1);
    expect(rows[0].runs).toBe(2 + accounts.length);
  });

  it('keeps the log inside its tenant: another organisation can neither read nor change it, nor log a run of its query', async () => {
    const org = await organisation('Horizon');
    const other = await organisation('Voisin');
    const q = await query(org);
    await success(org, q, await account(org));
    const before = await log(org);
    expect(before).toHaveLength(1);
    const theirAccount = await account(other);
    await units.runInOrganization(other, async (uow) => {
      expect(await uow.query('SELECT * FROM listening_run_weeks WHERE query_id = $1', [q])).toEqual([]);
      expect(await uow.query('SELECT * FROM listening_run_weeks WHERE organization_id = $1', [org])).toEqual([]);
      expect(await uow.execute('UPDATE listening_run_weeks SET runs = 1000 WHERE query_id = $1', [q])).toBe(0);
      expect(await uow.execute('DELETE FROM listening_run_weeks WHERE organization_id = $1', [org])).toBe(0);
      // The repository, given the other tenant's query id, logs nothing anywhere.
      await repository.recordSource(ctxOf(uow), q, theirAccount, 'mastodon', { ok: true, cursor: null, added: 0, newRun: true });
    });
    // Writing a row in the other tenant's name is refused by row-level security.
    await expect(
      units.runInOrganization(other, (uow) =>
        uow.query(
          `INSERT INTO listening_run_weeks (organization_id, query_id, week_start, first_success_at, last_success_at)
           VALUES ($1, $2, date_trunc('week', now() AT TIME ZONE 'UTC')::date, now(), now())`,
          [org, q],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // Nor in its own name for the other tenant's query (the foreign key carries the organisation).
    await expect(
      units.runInOrganization(other, (uow) =>
        uow.query(
          `INSERT INTO listening_run_weeks (organization_id, query_id, week_start, first_success_at, last_success_at)
           VALUES ($1, $2, date_trunc('week', now() AT TIME ZONE 'UTC')::date, now(), now())`,
          [other, q],
        ),
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await log(org)).toEqual(before);
    expect(await log(other)).toEqual([]);
  });

  it('is purged with its organisation: the purge finds the table and deletes its rows before the queries', async () => {
    const org = await organisation('Horizon');
    const other = await organisation('Voisin');
    const q = await query(org);
    await success(org, q, await account(org));
    const theirs = await query(other);
    await success(other, theirs, await account(other));
    const tables = await units.run({ organizationId: org }, (uow) => organizationTablesInDeleteOrder(uow));
    expect(tables).toContain('listening_run_weeks');
    expect(tables.indexOf('listening_run_weeks')).toBeLessThan(tables.indexOf('listening_queries'));
    // As the purge job deletes, as the application role with the organisation set.
    for (const table of tables)
      await units.run({ organizationId: org }, (uow) =>
        uow.execute(`DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "${table}" WHERE organization_id = $1))`, [org]),
      );
    expect(await log(org)).toEqual([]);
    expect(await log(other)).toHaveLength(1);
  });

  it('refuses a row whose times fall outside its week or whose run count is not positive', async () => {
    const org = await organisation('Horizon');
    const q = await query(org);
    const insert = (week: string, first: string, last: string, runs = 1) =>
      units.runInOrganization(org, (uow) =>
        uow.query(
          `INSERT INTO listening_run_weeks (organization_id, query_id, week_start, first_success_at, last_success_at, runs) VALUES ($1, $2, $3, $4, $5, $6)`,
          [org, q, week, first, last, runs],
        ),
      );
    await expect(insert('2026-11-16', '2026-11-15T23:00:00Z', '2026-11-17T00:00:00Z')).rejects.toThrow(/check constraint/);
    await expect(insert('2026-11-16', '2026-11-17T00:00:00Z', '2026-11-23T00:00:00Z')).rejects.toThrow(/check constraint/);
    await expect(insert('2026-11-16', '2026-11-18T00:00:00Z', '2026-11-17T00:00:00Z')).rejects.toThrow(/check constraint/);
    await expect(insert('2026-11-16', '2026-11-17T00:00:00Z', '2026-11-18T00:00:00Z', 0)).rejects.toThrow(/check constraint/);
    await insert('2026-11-16', '2026-11-16T00:00:00Z', '2026-11-22T23:59:59.999Z', 3);
    expect(await log(org)).toEqual([expect.objectContaining({ week_start: '2026-11-16', runs: 3 })]);
  });
});
