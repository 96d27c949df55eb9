import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, inOrganizationUnitOfWork } from '@socle/platform-database';
import { sleep } from './support/fault-harness';

/**
 * A unit of work whose connection PostgreSQL terminated before its COMMIT has
 * lost its transaction: the commit must say so. If it passed for done, a
 * worker would go on as if its claim were committed and call the network for
 * a publication another worker may claim again.
 */
describe('a unit of work whose connection is terminated before it commits', () => {
  let dataSource: DataSource;
  let admin: Client;
  let organizationId: string;
  const applicationName = `uow-fault-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], poolSize: 2, applicationName });
    await dataSource.initialize();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const agency = (await admin.query<{ id: string }>("INSERT INTO agencies (name) VALUES ('Agence Coupure') RETURNING id")).rows[0].id;
    organizationId = (
      await admin.query<{ id: string }>("INSERT INTO organizations (agency_id, name) VALUES ($1, 'Client Coupure') RETURNING id", [agency])
    ).rows[0].id;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await admin?.end();
  });

  const terminateMine = async () => {
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND state <> $2',
      [applicationName, 'idle'],
    );
    // The client learns of it when the socket closes.
    await sleep(300);
    return rowCount;
  };
  const titled = async (title: string) =>
    Number(
      (await admin.query('SELECT count(*) FROM content_items WHERE organization_id = $1 AND title = $2', [organizationId, title])).rows[0]
        .count,
    );

  it('fails the commit, and nothing it wrote is there', async () => {
    const title = `Coupure ${randomBytes(3).toString('hex')}`;
    let terminated = 0;
    const run = inOrganizationUnitOfWork(dataSource, organizationId, async (uow) => {
      await uow.execute("INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, 'DRAFT')", [uow.organizationId, title]);
      terminated = (await terminateMine()) ?? 0;
    });
    await expect(run).rejects.toThrow(/connection was lost before COMMIT/);
    expect(terminated).toBe(1);
    expect(await titled(title)).toBe(0);
  });

  it('fails commitAndContinue, so no network call follows a claim that was not committed', async () => {
    const title = `Coupure ${randomBytes(3).toString('hex')}`;
    let calledTheNetwork = false;
    const run = inOrganizationUnitOfWork(dataSource, organizationId, async (uow) => {
      await uow.execute("INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, 'DRAFT')", [uow.organizationId, title]);
      await terminateMine();
      await uow.commitAndContinue();
      calledTheNetwork = true;
    });
    await expect(run).rejects.toThrow(/connection was lost before COMMIT/);
    expect(calledTheNetwork).toBe(false);
    expect(await titled(title)).toBe(0);
  });

  it('still commits when the connection is alive, and the pool serves new units of work after a loss', async () => {
    const title = `Intact ${randomBytes(3).toString('hex')}`;
    await inOrganizationUnitOfWork(dataSource, organizationId, (uow) =>
      uow.execute("INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, 'DRAFT')", [uow.organizationId, title]),
    );
    expect(await titled(title)).toBe(1);
  });
});
