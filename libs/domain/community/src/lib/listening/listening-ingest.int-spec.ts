import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, OrganizationUnitOfWork, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import type { TenantCtx } from '../repositories';
import type { MentionRow } from './listening.entities';
import { ListeningRepository } from './listening.repository';

/**
 * The ingest path and the promises mention_matches keeps without per-row
 * foreign keys (a statement trigger checks and locks the parents, deleting a
 * parent deletes its matches, keys do not change), on the real PostgreSQL as
 * the application role with the tenant set, racing transactions included.
 */
describe('mention ingest', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  const repository = new ListeningRepository();
  let org: string;
  let queries: string[];

  const ctxOf = (uow: OrganizationUnitOfWork): TenantCtx => ({
    uow,
    organizationId: uow.organizationId,
    actor: { type: 'SYSTEM', id: null },
  });
  const ingest = (rows: MentionRow[]) => units.runInOrganization(org, (uow) => repository.ingest(ctxOf(uow), rows));
  const row = (externalId: string, queryIds: string[], publishedAt = new Date('2026-11-01T10:00:00.123Z')): MentionRow => ({
    source: 'mastodon',
    externalId,
    accountId: null,
    authorHandle: 'fan@example.social',
    authorName: null,
    authorReach: null,
    text: `mention ${externalId}`,
    url: null,
    publishedAt,
    publishedAtEstimated: false,
    language: 'fr',
    sentimentScore: 0.5,
    sentimentLabel: 'POSITIVE',
    reach: null,
    queryIds,
  });
  const count = async (sql: string, params: unknown[] = [org]) => (await admin.query<{ n: number }>(sql, params)).rows[0].n;
  const mentions = () => count('SELECT count(*)::int AS n FROM mentions WHERE organization_id = $1');
  const matches = () => count('SELECT count(*)::int AS n FROM mention_matches WHERE organization_id = $1');
  const mentionId = async (externalId: string) =>
    (await admin.query<{ id: string }>('SELECT id FROM mentions WHERE organization_id = $1 AND external_id = $2', [org, externalId]))
      .rows[0].id;
  /** Resolves once the session named `applicationName` waits on a lock (the racing transaction is really blocked, not merely slow). */
  const waitingOnLock = async (applicationName: string) => {
    for (let i = 0; i < 500; i++) {
      const { rows } = await admin.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [
        applicationName,
      ]);
      if (rows.length) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the racing transaction never waited on a lock');
  };

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], poolSize: 4, applicationName: 'ingest-spec' });
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

  beforeEach(async () => {
    const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence ingest') RETURNING id`)).rows;
    org = (await admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, 'Client') RETURNING id`, [agency.id]))
      .rows[0].id;
    queries = (
      await admin.query<{ id: string }>(
        `INSERT INTO listening_queries (organization_id, kind, name, query) SELECT $1, 'TOPIC', 'Q' || g, 'q' || g FROM generate_series(1, 3) g RETURNING id`,
        [org],
      )
    ).rows.map((r) => r.id);
  });

  it('stores each mention once with every match, merges duplicates of a batch, and a re-ingest adds nothing', async () => {
    const [q1, q2, q3] = queries;
    const batch = [row('a', [q1, q2]), row('b', [q3]), row('a', [q3, q1]), row('c', [q1, q1])];
    expect(await ingest(batch)).toEqual({ added: 3, matched: 5 });
    expect(await mentions()).toBe(3);
    const stored = await admin.query<{ external_id: string; query_id: string; published_at: Date }>(
      `SELECT m.external_id, mm.query_id, mm.published_at FROM mention_matches mm JOIN mentions m ON m.organization_id = mm.organization_id AND m.id = mm.mention_id
        WHERE mm.organization_id = $1 ORDER BY 1, 2`,
      [org],
    );
    const expected = [
      ['a', q1],
      ['a', q2],
      ['a', q3],
      ['b', q3],
      ['c', q1],
    ].sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1));
    expect(stored.rows.map((r) => [r.external_id, r.query_id])).toEqual(expected);
    expect(await matches()).toBe(5);
    expect(await ingest(batch)).toEqual({ added: 0, matched: 0 });
    expect(await mentions()).toBe(3);
    expect(await matches()).toBe(5);
  });

  it('gives a mention already stored the new matches, at the stored publication time', async () => {
    const [q1, q2] = queries;
    const first = new Date('2026-11-01T10:00:00.123Z');
    await ingest([row('a', [q1], first)]);
    // The same post seen again with another time (an edited post, another clock): the stored row wins.
    expect(await ingest([row('a', [q1, q2], new Date('2026-11-02T00:00:00Z')), row('b', [q2])])).toEqual({ added: 1, matched: 2 });
    const { rows } = await admin.query<{ query_id: string; published_at: Date }>(
      'SELECT query_id, published_at FROM mention_matches WHERE organization_id = $1 AND mention_id = $2 ORDER BY created_at, query_id',
      [org, await mentionId('a')],
    );
    expect(rows.map((r) => r.query_id).sort()).toEqual([q1, q2].sort());
    for (const r of rows) expect(r.published_at.toISOString()).toBe(first.toISOString());
  });

  it('skips the matches of a query deleted before the ingest, storing the mention for the others', async () => {
    const [q1, q2] = queries;
    await admin.query('DELETE FROM listening_queries WHERE organization_id = $1 AND id = $2', [org, q2]);
    expect(await ingest([row('a', [q1, q2])])).toEqual({ added: 1, matched: 1 });
  });

  it('refuses a match whose mention or query does not exist (23503), storing nothing of the statement', async () => {
    const [q1] = queries;
    await ingest([row('a', [q1])]);
    const a = await mentionId('a');
    const insert = (mention: string, query: string) =>
      units.runInOrganization(org, (uow) =>
        uow.query(
          `INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, now()), ($1, $4, $3, now())`,
          [uow.organizationId, query, mention, queries[1]],
        ),
      );
    await expect(insert('00000000-0000-4000-8000-000000000000', q1)).rejects.toMatchObject({ code: '23503' });
    await expect(insert(a, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: '23503' });
    // A mention of another organisation is no parent either (and row-level security hides it).
    const [other] = (
      await admin.query<{ id: string }>(
        `INSERT INTO organizations (agency_id, name) SELECT agency_id, 'Autre' FROM organizations WHERE id = $1 RETURNING id`,
        [org],
      )
    ).rows;
    const [foreign] = (
      await admin.query<{ id: string }>(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', 'x', 'h', 't', now()) RETURNING id`,
        [other.id],
      )
    ).rows;
    await expect(insert(foreign.id, q1)).rejects.toMatchObject({ code: '23503' });
    expect(await matches()).toBe(1);
  });

  it('deletes the matches of a deleted mention, of a deleted query, and of a query its competitor took away', async () => {
    const [q1, q2, q3] = queries;
    await ingest([row('a', [q1, q2, q3]), row('b', [q1, q2])]);
    expect(await matches()).toBe(5);
    await units.runInOrganization(org, (uow) =>
      uow.execute('DELETE FROM mentions WHERE organization_id = $1 AND external_id = $2', [uow.organizationId, 'b']),
    );
    expect(await matches()).toBe(3);
    await units.runInOrganization(org, (uow) =>
      uow.execute('DELETE FROM listening_queries WHERE organization_id = $1 AND id = $2', [uow.organizationId, q1]),
    );
    expect(await matches()).toBe(2);
    const [competitor] = (
      await admin.query<{ id: string }>(`INSERT INTO competitors (organization_id, name) VALUES ($1, 'Concurrent') RETURNING id`, [org])
    ).rows;
    await admin.query(`UPDATE listening_queries SET kind = 'COMPETITOR', competitor_id = $2 WHERE organization_id = $1 AND id = $3`, [
      org,
      competitor.id,
      q2,
    ]);
    await admin.query('DELETE FROM competitors WHERE organization_id = $1 AND id = $2', [org, competitor.id]);
    expect(await matches()).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM mention_matches WHERE organization_id = $1 AND query_id = $2', [org, q3])).toBe(1);
  });

  it('refuses to change the keys matches refer to', async () => {
    const [q1, q2] = queries;
    await ingest([row('a', [q1])]);
    const update = (sql: string) => units.runInOrganization(org, (uow) => uow.execute(sql, [uow.organizationId]));
    await expect(update('UPDATE mentions SET id = gen_random_uuid() WHERE organization_id = $1')).rejects.toMatchObject({ code: '23503' });
    await expect(update('UPDATE listening_queries SET id = gen_random_uuid() WHERE organization_id = $1')).rejects.toMatchObject({
      code: '23503',
    });
    await expect(update(`UPDATE mention_matches SET query_id = '${q2}' WHERE organization_id = $1`)).rejects.toMatchObject({
      code: '23503',
    });
    // Other columns still change.
    expect(await update(`UPDATE mentions SET reach = 3 WHERE organization_id = $1`)).toBe(1);
  });

  it('a query deleted while an ingest holds its matches waits for it, then deletes them: no match outlives its query', async () => {
    const [q1, q2] = queries;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let stored!: () => void;
    const ingested = new Promise<void>((resolve) => (stored = resolve));
    const ingesting = units.runInOrganization(org, async (uow) => {
      const result = await repository.ingest(ctxOf(uow), [row('a', [q1, q2]), row('b', [q1])]);
      stored();
      await held;
      return result;
    });
    await ingested;
    const deleter = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'ingest-spec-deleter' });
    await deleter.connect();
    try {
      await deleter.query('BEGIN');
      await deleter.query("SELECT set_config('socle.organization_id', $1, true)", [org]);
      const deleting = deleter.query('DELETE FROM listening_queries WHERE organization_id = $1 AND id = $2', [org, q1]);
      await waitingOnLock('ingest-spec-deleter');
      release();
      expect(await ingesting).toEqual({ added: 2, matched: 3 });
      expect((await deleting).rowCount).toBe(1);
      await deleter.query('COMMIT');
    } finally {
      await deleter.end();
    }
    expect(await count('SELECT count(*)::int AS n FROM mention_matches WHERE organization_id = $1 AND query_id = $2', [org, q1])).toBe(0);
    expect(await matches()).toBe(1);
  });

  it('an ingest naming a query deleted by a transaction that commits while it checks fails whole (23503), storing nothing', async () => {
    const [q1] = queries;
    const deleter = new Client({ connectionString: process.env.DATABASE_URL });
    await deleter.connect();
    try {
      await deleter.query('BEGIN');
      await deleter.query("SELECT set_config('socle.organization_id', $1, true)", [org]);
      await deleter.query('DELETE FROM listening_queries WHERE organization_id = $1 AND id = $2', [org, q1]);
      // The ingest still sees the query (the delete is not committed) and waits on it when the trigger locks it.
      const racing = units.runInOrganization(org, async (uow) => {
        await uow.query("SELECT set_config('application_name', 'ingest-spec-racer', true)");
        return repository.ingest(ctxOf(uow), [row('a', [q1])]);
      });
      await waitingOnLock('ingest-spec-racer');
      await deleter.query('COMMIT');
      await expect(racing).rejects.toMatchObject({ code: '23503' });
    } finally {
      await deleter.end();
    }
    expect(await mentions()).toBe(0);
    expect(await matches()).toBe(0);
  });

  it('two jobs racing on the same mentions store each once, with the matches of both', async () => {
    const [q1, q2] = queries;
    const batch = (queryId: string) => Array.from({ length: 50 }, (_, i) => row(`race-${i}`, [queryId]));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let stored!: () => void;
    const ingested = new Promise<void>((resolve) => (stored = resolve));
    const first = units.runInOrganization(org, async (uow) => {
      const result = await repository.ingest(ctxOf(uow), batch(q1));
      stored();
      await held;
      return result;
    });
    await ingested;
    // The second waits on the first one's keys, then finds them committed after its statement began: the late path.
    const second = units.runInOrganization(org, async (uow) => {
      await uow.query("SELECT set_config('application_name', 'ingest-spec-second', true)");
      return repository.ingest(ctxOf(uow), [...batch(q2), row('only-second', [q2])]);
    });
    await waitingOnLock('ingest-spec-second');
    release();
    expect(await first).toEqual({ added: 50, matched: 50 });
    expect(await second).toEqual({ added: 1, matched: 51 });
    expect(await mentions()).toBe(51);
    expect(await matches()).toBe(101);
  });
});
