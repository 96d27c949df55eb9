import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { ContentCtx, ContentItemRepository } from './content-item.repository';

/**
 * The publishing worker's item move on the real PostgreSQL, as the application
 * role with the tenant set: locks in id order and moves in one statement, only
 * inside the unit of work's organisation, never deadlocking with another batch
 * that locks an overlapping set given in another order.
 */
describe('ContentItemRepository.lockAndTransition', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  const items = new ContentItemRepository();
  const move = { from: 'SCHEDULED', to: 'PUBLISHING', action: 'content.publishing' } as const;

  const sql = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await admin.query<T>(text, params)).rows;
  const organisation = async (name: string) => {
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`]);
    const [o] = await sql<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name]);
    return o.id;
  };
  const item = async (organizationId: string, status: string) =>
    (
      await sql<{ id: string }>(`INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Billet', $2) RETURNING id`, [
        organizationId,
        status,
      ])
    )[0].id;
  const inOrganization = <T>(organizationId: string, work: (ctx: ContentCtx) => Promise<T>) =>
    units.runInOrganization(organizationId, (uow) =>
      work({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }),
    );
  const audited = async (ids: string[]) =>
    sql<{ target_id: string; organization_id: string; metadata: { from: string; to: string } }>(
      `SELECT target_id, organization_id, metadata FROM audit_events WHERE target_id = ANY($1::text[]) ORDER BY target_id`,
      [ids],
    );

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 6,
      applicationName: 'lock-and-move-spec',
    });
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

  it('moves its own organisation’s items in the from status, reports the others as they are, and never touches another tenant’s', async () => {
    const [org, other] = [await organisation('Horizon'), await organisation('Voisin')];
    const scheduled = await item(org, 'SCHEDULED');
    const draft = await item(org, 'DRAFT');
    const theirs = await item(other, 'SCHEDULED');
    const unknown = randomUUID();
    const rows = await inOrganization(org, (ctx) =>
      items.lockAndTransition(ctx, [theirs, draft, unknown, scheduled], move, { by: 'publishing' }),
    );
    expect(new Map(rows.map((r) => [r.id, r]))).toEqual(
      new Map([
        [scheduled, { id: scheduled, status: 'PUBLISHING', moved: true }],
        [draft, { id: draft, status: 'DRAFT', moved: false }],
      ]),
    );
    const statuses = await sql<{ id: string; status: string }>('SELECT id, status FROM content_items WHERE id = ANY($1::uuid[])', [
      [scheduled, draft, theirs],
    ]);
    expect(new Map(statuses.map((r) => [r.id, r.status]))).toEqual(
      new Map([
        [scheduled, 'PUBLISHING'],
        [draft, 'DRAFT'],
        [theirs, 'SCHEDULED'],
      ]),
    );
    // One audit row, the move made, in the organisation's own log.
    expect(await audited([scheduled, draft, theirs])).toEqual([
      {
        target_id: scheduled,
        organization_id: org,
        metadata: expect.objectContaining({ from: 'SCHEDULED', to: 'PUBLISHING', by: 'publishing' }),
      },
    ]);
  });

  it('refuses a malformed id with the database’s code and moves nothing; a huge list of unknown ids moves nothing', async () => {
    const org = await organisation('Hostile');
    const scheduled = await item(org, 'SCHEDULED');
    for (const bad of ['not-a-uuid', 'a\u0000b', '\ud800']) {
      await expect(inOrganization(org, (ctx) => items.lockAndTransition(ctx, [scheduled, bad], move, {}))).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: expect.stringMatching(/^22/) }),
      });
    }
    const many = Array.from({ length: 20_000 }, () => randomUUID());
    expect(
      await inOrganization(org, (ctx) => items.lockAndTransition(ctx, many, move, { deep: JSON.parse('['.repeat(500) + ']'.repeat(500)) })),
    ).toEqual([]);
    expect((await sql<{ status: string }>('SELECT status FROM content_items WHERE id = $1', [scheduled]))[0].status).toBe('SCHEDULED');
    expect(await audited([scheduled])).toEqual([]);
  });

  it('lets batches that lock overlapping items given in other orders all finish, each item moved once', async () => {
    const org = await organisation('Carrefour');
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await item(org, 'SCHEDULED'));
    // Eight batches at once, each a shuffled window of 12 of the 24, each holding its locks a little before committing.
    const batches = Array.from({ length: 8 }, (_, b) => {
      const window = Array.from({ length: 12 }, (_, i) => ids[(b * 5 + i) % ids.length]);
      return window.sort(() => Math.random() - 0.5);
    });
    const results = await Promise.allSettled(
      batches.map((batch) =>
        inOrganization(org, async (ctx) => {
          const rows = await items.lockAndTransition(ctx, batch, move, {});
          await new Promise((resolve) => setTimeout(resolve, 20));
          return rows;
        }),
      ),
    );
    // No deadlock (PostgreSQL would abort one batch with 40P01): every batch finished.
    expect(results.map((r) => r.status)).toEqual(batches.map(() => 'fulfilled'));
    const moved = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.filter((row) => row.moved).map((row) => row.id) : []));
    const touched = [...new Set(batches.flat())];
    expect(moved.sort()).toEqual(touched.sort());
    expect((await audited(touched)).length).toBe(touched.length);
  });
});
