import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { KPI_MEASURED_DAYS, strategyEvidenceProvider } from './strategy-evidence';

/**
 * strategy.kpisMeasured on the real PostgreSQL, as the application role with
 * the tenant set: a KPI counts when its measure has data in the last 90 days.
 */
describe('KPIs measured', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  let org: string;
  let other: string;
  const at = new Date('2026-11-30T12:00:00.000Z');
  const ago = (days: number) => new Date(at.getTime() - days * 86_400_000);
  const sql = async <T extends Record<string, unknown>>(text: string, params: unknown[]) => (await admin.query<T>(text, params)).rows;
  const compute = (organizationId: string) =>
    units.runInOrganization(organizationId, (uow) => strategyEvidenceProvider().compute({ uow, organizationId, at, earlier: new Map() }));

  const organisation = async (name: string) => {
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`]);
    const [o] = await sql<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name]);
    return o.id;
  };
  const objective = async (organizationId: string) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline) VALUES ($1, 'BRAND', 'Notoriété', 'mentions', 10, 50, '2027-06-30') RETURNING id`,
        [organizationId],
      )
    )[0].id;
  const kpi = (organizationId: string, objectiveId: string, name: string, measure: string | null) =>
    sql(
      `INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency, measure) VALUES ($1, $2, $3, $3, 100, 'MONTHLY', $4)`,
      [organizationId, objectiveId, name, measure],
    );
  const account = async (organizationId: string) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url) VALUES ($1, 'mastodon', 'marque', 'https://social.example') RETURNING id`,
        [organizationId],
      )
    )[0].id;

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'kpis-measured-spec',
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

  it('counts the KPIs whose measure has data in the window, naming the others', async () => {
    const o = await objective(org);
    await kpi(org, o, 'Abonnés', 'FOLLOWERS');
    await kpi(org, o, 'Mentions', 'MENTIONS');
    await kpi(org, o, 'Publications', 'POSTS_PUBLISHED');
    await kpi(org, o, 'Part de voix', 'SHARE_OF_VOICE');
    await kpi(org, o, 'Délai de réponse', 'FIRST_RESPONSE_MINUTES');
    await kpi(org, o, 'Satisfaction', null);
    const acc = await account(org);
    await sql(`INSERT INTO metric_samples (organization_id, account_id, metric, value, sampled_at) VALUES ($1, $2, 'FOLLOWERS', 120, $3)`, [
      org,
      acc,
      ago(10),
    ]);
    const [brand] = await sql<{ id: string }>(
      `INSERT INTO listening_queries (organization_id, kind, name, query) VALUES ($1, 'BRAND', 'Marque', 'horizon') RETURNING id`,
      [org],
    );
    const [mention] = await sql<{ id: string }>(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', 'm1', 'fan', 'Horizon', $2) RETURNING id`,
      [org, ago(5)],
    );
    await sql(`INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, $4)`, [
      org,
      brand.id,
      mention.id,
      ago(5),
    ]);
    // An answer older than the window does not measure the response time now.
    await sql(
      `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role, status, first_response_at)
       VALUES ($1, 'mastodon', 'c1', 'COMMENT', 'fan', 'question', $2, $2, 'COMMUNITY_MANAGER', 'ANSWERED', $2)`,
      [org, ago(KPI_MEASURED_DAYS + 5)],
    );
    // Another tenant's publications do not measure this one's posts.
    const [item] = await sql<{ id: string }>(`INSERT INTO content_items (organization_id, title) VALUES ($1, 'Billet') RETURNING id`, [
      other,
    ]);
    await sql(
      `INSERT INTO publications (organization_id, item_id, network, due_at, next_attempt_at, idempotency_key, status, external_id, published_at)
       VALUES ($1, $2, 'mastodon', $3, $3, 'k1', 'PUBLISHED', 'x1', $3)`,
      [other, item.id, ago(3)],
    );

    const out = (await compute(org))['strategy.kpisMeasured'];
    expect(out.value).toBe(2);
    expect(out.score).toBeCloseTo(2 / 6, 3);
    expect(out.explanation.en).toBe(
      '2 of 6 KPIs have a measured value over the last 90 days; without a recent measure: "Délai de réponse", "Part de voix", "Publications" and 1 more.',
    );
    expect((await compute(other))['strategy.kpisMeasured']).toMatchObject({ value: 0, score: 0 });
  });
});
