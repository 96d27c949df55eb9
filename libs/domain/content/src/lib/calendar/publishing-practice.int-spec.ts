import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { CONTENT_PUBLISHING_PRACTICE_KEY, CONTENT_REGULARITY_KEY, contentEvidenceProvider } from './content-evidence';

/**
 * Publishing practice on the real PostgreSQL, as the application role with the
 * tenant set: publications out in each whole week (Monday to Sunday in the
 * organisation's time zone) against each network plan, from the same weekly
 * counts as regularity.
 */
describe('publishing practice evidence', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  let org: string;
  let other: string;
  // A Monday, 13:00 in Paris: the current week has just begun and is not counted.
  const at = new Date('2026-11-30T12:00:00.000Z');
  const lastMonday = new Date('2026-11-22T23:00:00.000Z'); // Monday 23 November, 00:00 in Paris
  const inWeek = (weeksBack: number, hours: number) =>
    new Date(lastMonday.getTime() - (weeksBack - 1) * 7 * 86_400_000 + hours * 3_600_000);
  const sql = async <T extends Record<string, unknown>>(text: string, params: unknown[]) => (await admin.query<T>(text, params)).rows;
  const compute = (organizationId: string) =>
    units.runInOrganization(organizationId, (uow) => contentEvidenceProvider.compute({ uow, organizationId, at, earlier: new Map() }));

  const organisation = async (name: string) => {
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`]);
    const [o] = await sql<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name]);
    return o.id;
  };
  const plan = (organizationId: string, network: string, postsPerWeek: number) =>
    sql(`INSERT INTO network_plans (organization_id, network, posts_per_week, rationale) VALUES ($1, $2, $3, 'pourquoi')`, [
      organizationId,
      network,
      postsPerWeek,
    ]);
  /** `count` publications of one item published on `network` at `when`. */
  const published = async (organizationId: string, network: string, when: Date, count = 1) => {
    const [item] = await sql<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Billet', 'PUBLISHED') RETURNING id`,
      [organizationId],
    );
    await sql(
      `INSERT INTO publications (organization_id, item_id, network, due_at, next_attempt_at, idempotency_key, status, external_id, published_at)
       SELECT $1, $2, $3, $4, $4, gen_random_uuid()::text, 'PUBLISHED', gen_random_uuid()::text, $4 FROM generate_series(1, $5)`,
      [organizationId, item.id, network, when, count],
    );
  };

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'publishing-practice-spec',
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

  beforeEach(async () => {
    org = await organisation('Horizon');
    other = await organisation('Voisin');
  });

  it('holds each whole week to the plan, a busy week making up for no silent one', async () => {
    await plan(org, 'mastodon', 2);
    await plan(org, 'bluesky', 1);
    await published(org, 'mastodon', inWeek(1, 10), 2); // last week: on plan
    await published(org, 'mastodon', inWeek(2, 30), 5); // the week before: 5, counted 2
    await published(org, 'mastodon', inWeek(1, -2)); // Sunday 22:00 in Paris: the week before last Monday
    await published(org, 'mastodon', new Date(at.getTime() - 3_600_000), 4); // this week, not whole yet: not counted
    for (let w = 1; w <= 8; w++) await published(org, 'bluesky', inWeek(w, 50));
    await published(org, 'bluesky', inWeek(9, 50), 3); // before the window
    await plan(other, 'mastodon', 1);
    for (let w = 1; w <= 8; w++) await published(other, 'mastodon', inWeek(w, 1), 3);

    const out = await compute(org);
    // mastodon: 2 + 2 (of 6 in week 2) over 16 planned; bluesky: 8 of 8. Weeks every network met its plan: 1 and 2.
    expect(out[CONTENT_PUBLISHING_PRACTICE_KEY]).toMatchObject({ value: 2, score: 0.5 });
    expect(out[CONTENT_PUBLISHING_PRACTICE_KEY].explanation.en).toBe(
      '16 posts out over the last 8 weeks: 50% of the planned weekly posts, every network on plan in 2 of 8 weeks (mastodon: plan of 2 a week met in 2 weeks).',
    );
    // Regularity sums the last 4 weeks from the same counts: mastodon 8 (capped at 8), bluesky 4.
    expect(out[CONTENT_REGULARITY_KEY].score).toBe(1);
    expect((await compute(other))[CONTENT_PUBLISHING_PRACTICE_KEY]).toMatchObject({ value: 8, score: 1 });
  });

  it('scores 0 with plans and nothing out', async () => {
    await plan(org, 'mastodon', 3);
    expect((await compute(org))[CONTENT_PUBLISHING_PRACTICE_KEY]).toMatchObject({ value: 0, score: 0 });
  });
});
