import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import type { EvidenceProvider } from '@socle/platform-evidence';
import { communityEvidenceProvider, LISTENING_PRACTICE_KEY } from './community-evidence';
import { inboxEvidenceProvider, RESPONSE_PRACTICE_KEY, RESPONSE_TIME_KEY } from './inbox/inbox-evidence';
import { BACKFILL_LISTENING_RUN_WEEKS_SQL } from './migrations/1765000001500-listening-run-weeks';

/**
 * The community practice keys on the real PostgreSQL, as the application role
 * with the tenant set: listening runs per week from the log of runs the
 * listening module keeps (and from what it kept before the log, once
 * back-filled), answers in time from the inbox, and nothing of another tenant.
 */
describe('community practice evidence', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  let org: string;
  let other: string;
  const at = new Date('2026-11-30T12:00:00.000Z');
  const ago = (days: number, hours = 0) => new Date(at.getTime() - days * 86_400_000 - hours * 3_600_000);
  const sql = async <T extends Record<string, unknown>>(text: string, params: unknown[]) => (await admin.query<T>(text, params)).rows;
  const compute = (provider: EvidenceProvider, organizationId: string) =>
    units.runInOrganization(organizationId, (uow) => provider.compute({ uow, organizationId, at, earlier: new Map() }));

  const organisation = async (name: string) => {
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`]);
    const [o] = await sql<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name]);
    return o.id;
  };
  const account = async (organizationId: string) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url) VALUES ($1, 'mastodon', 'marque', 'https://social.example') RETURNING id`,
        [organizationId],
      )
    )[0].id;
  const query = async (organizationId: string, kind: 'BRAND' | 'COMPETITOR', name: string, competitorId: string | null = null) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO listening_queries (organization_id, kind, name, query, competitor_id) VALUES ($1, $2, $3, $3, $4) RETURNING id`,
        [organizationId, kind, name, competitorId],
      )
    )[0].id;
  const competitor = async (organizationId: string, name: string) =>
    (await sql<{ id: string }>(`INSERT INTO competitors (organization_id, name) VALUES ($1, $2) RETURNING id`, [organizationId, name]))[0]
      .id;
  let mentionCount = 0;
  /** A match recorded by a run at `recordedAt` for a mention published at `publishedAt`. */
  const match = async (organizationId: string, queryId: string, publishedAt: Date, recordedAt: Date) => {
    mentionCount += 1;
    const [m] = await sql<{ id: string }>(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', $2, 'fan', 'texte', $3) RETURNING id`,
      [organizationId, `m${mentionCount}`, publishedAt],
    );
    await sql(`INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      organizationId,
      queryId,
      m.id,
      publishedAt,
      recordedAt,
    ]);
  };
  const lastSuccess = (organizationId: string, queryId: string, accountId: string, when: Date) =>
    sql(
      `INSERT INTO listening_query_sources (organization_id, query_id, account_id, network, last_run_at, last_success_at) VALUES ($1, $2, $3, 'mastodon', $4, $4)`,
      [organizationId, queryId, accountId, when],
    );
  /** A successful run of the query at `when`, in the log as the listening job writes it (the week's first and last run kept). */
  const ran = (organizationId: string, queryId: string, when: Date) =>
    sql(
      `INSERT INTO listening_run_weeks AS w (organization_id, query_id, week_start, first_success_at, last_success_at, runs)
       VALUES ($1, $2, date_trunc('week', $3::timestamptz AT TIME ZONE 'UTC')::date, $3, $3, 1)
       ON CONFLICT (organization_id, query_id, week_start) DO UPDATE SET first_success_at = least(w.first_success_at, excluded.first_success_at),
         last_success_at = greatest(w.last_success_at, excluded.last_success_at), runs = w.runs + 1`,
      [organizationId, queryId, when],
    );
  const listening = async (organizationId: string) => (await compute(communityEvidenceProvider, organizationId))[LISTENING_PRACTICE_KEY];
  const comment = (organizationId: string, received: Date, dueMinutes: number, answeredAfterMinutes: number | null, status = 'NEW') =>
    sql(
      `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role, status, first_response_at)
       VALUES ($1, 'mastodon', gen_random_uuid()::text, 'COMMENT', 'fan', 'une question', $2, $2::timestamptz + make_interval(mins => $3), 'COMMUNITY_MANAGER', $4,
               CASE WHEN $5::int IS NULL THEN NULL ELSE $2::timestamptz + make_interval(mins => $5::int) END)`,
      [
        organizationId,
        received,
        dueMinutes,
        answeredAfterMinutes === null ? status : status === 'NEW' ? 'ANSWERED' : status,
        answeredAfterMinutes,
      ],
    );

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], poolSize: 2, applicationName: 'practice-spec' });
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

  it('counts the weeks listening ran on the brand and on each listed competitor, from what was kept before the log once back-filled', async () => {
    const rival = await competitor(org, 'Rival');
    await competitor(org, 'Autre'); // listed, never listened to
    const brand = await query(org, 'BRAND', 'Marque');
    const rivalQuery = await query(org, 'COMPETITOR', 'Rival', rival);
    const acc = await account(org);
    await lastSuccess(org, brand, acc, ago(1)); // week 0
    await match(org, brand, ago(11), ago(10)); // week 1
    await match(org, brand, ago(40), ago(2)); // a first run's back-fill: week 0 only, not week 5
    await match(org, rivalQuery, ago(3), ago(3)); // week 0
    await match(org, rivalQuery, ago(0, -1), ago(0, -2)); // after the evaluation time: not counted
    // Another tenant listening every week changes nothing here.
    const theirs = await query(other, 'BRAND', 'Voisin');
    for (let w = 0; w < 8; w++) await match(other, theirs, ago(7 * w + 1), ago(7 * w + 1));
    // Before the back-fill, nothing is logged: the evidence reads the log only.
    expect(await listening(org)).toMatchObject({ value: 0, score: 0 });
    for (const o of [org, other]) await sql(BACKFILL_LISTENING_RUN_WEEKS_SQL, [o]);

    const result = (await compute(communityEvidenceProvider, org))[LISTENING_PRACTICE_KEY];
    // Brand 2 of 8 weeks, Rival 1 of 8, Autre 0: (0.25 + 0.125 + 0) / 3.
    expect(result.score).toBeCloseTo(0.125, 3);
    expect(result.value).toBe(0);
    expect(result.explanation.en).toBe(
      'Brand listened to in 2 of 8 weeks, brand and every competitor covered in 0 of 8 weeks; competitors seldom listened to: "Autre" 0/8, "Rival" 1/8.',
    );
    const theirResult = (await compute(communityEvidenceProvider, other))[LISTENING_PRACTICE_KEY];
    expect(theirResult).toMatchObject({ value: 8, score: 1 });
  });

  it('scores 8 of 8 weeks for a quiet brand and competitor listened to every week, with not one mention found', async () => {
    const rival = await competitor(org, 'Rival');
    const brand = await query(org, 'BRAND', 'Marque');
    const rivalQuery = await query(org, 'COMPETITOR', 'Rival', rival);
    // Once a week each, on varying days and hours; the brand twice in some weeks.
    for (let w = 0; w < 8; w++) {
      await ran(org, brand, ago(7 * w + (w % 7), 3));
      if (w % 3 === 0) await ran(org, brand, ago(7 * w + 6, 20));
      await ran(org, rivalQuery, ago(7 * w + ((w * 3) % 7), 1));
    }
    const result = await listening(org);
    expect(result).toMatchObject({ value: 8, score: 1 });
    expect(result.explanation.en).toBe('Brand listened to in 8 of 8 weeks, brand and every competitor covered in 8 of 8 weeks.');
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM mention_matches WHERE organization_id = $1', [org]);
    expect(rows[0].n).toBe(0);
  });

  it('leaves out a week in which a competitor was not listened to, and what ran outside the window', async () => {
    const rival = await competitor(org, 'Rival');
    const brand = await query(org, 'BRAND', 'Marque');
    const rivalQuery = await query(org, 'COMPETITOR', 'Rival', rival);
    for (let w = 0; w < 8; w++) {
      await ran(org, brand, ago(7 * w + 2));
      if (w !== 3) await ran(org, rivalQuery, ago(7 * w + 2));
    }
    await ran(org, rivalQuery, ago(7 * 8 + 1)); // before the window
    await ran(org, rivalQuery, ago(0, -1)); // after the evaluation time
    const result = await listening(org);
    // Brand 8/8, Rival 7/8: (1 + 0.875) / 2; 7 weeks with both.
    expect(result).toMatchObject({ value: 7, score: 0.938 });
    expect(result.explanation.en).toBe(
      'Brand listened to in 8 of 8 weeks, brand and every competitor covered in 7 of 8 weeks; competitors seldom listened to: "Rival" 7/8.',
    );
  });

  it('finds a run in the middle of an ISO week however the 7-day windows fall across it', async () => {
    // The evaluation time is a Monday at noon: each window runs from a Monday noon to the next, across two ISO weeks.
    expect(at.getUTCDay()).toBe(1);
    const brand = await query(org, 'BRAND', 'Marque');
    // One ISO week (Monday 16 to Sunday 22 November): runs on Monday morning (window 2), Wednesday and Sunday (window 1).
    await ran(org, brand, new Date('2026-11-18T09:00:00Z'));
    expect((await listening(org)).explanation.en).toMatch(/^Brand listened to in 1 of 8 weeks/);
    await ran(org, brand, new Date('2026-11-16T08:00:00Z'));
    await ran(org, brand, new Date('2026-11-22T23:59:00Z'));
    // Monday 30 November before noon is in window 0.
    await ran(org, brand, new Date('2026-11-30T11:59:00Z'));
    const result = await listening(org);
    expect(result).toMatchObject({ value: 3, score: 0.375 });
    const { rows } = await admin.query<{ week_start: string; runs: number }>(
      "SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, runs FROM listening_run_weeks WHERE organization_id = $1 ORDER BY week_start",
      [org],
    );
    expect(rows).toEqual([
      { week_start: '2026-11-16', runs: 3 },
      { week_start: '2026-11-30', runs: 1 },
    ]);
  });

  it('places a run at the edges of the window: a week starts at its first instant and ends before the next week’s', async () => {
    const brand = await query(org, 'BRAND', 'Marque');
    const weeks = async () => (await listening(org)).explanation.en.match(/^Brand listened to in (\d) of 8 weeks/)?.[1];
    await ran(org, brand, at); // at the evaluation time: not yet in the window
    expect(await listening(org)).toMatchObject({ value: 0, score: 0 });
    await ran(org, brand, new Date(at.getTime() - 56 * 86_400_000 - 1)); // just before the window
    expect(await weeks()).toBeUndefined();
    await ran(org, brand, ago(7)); // the first instant of week 0
    await ran(org, brand, ago(56)); // the first instant of week 7
    await ran(org, brand, new Date(at.getTime() - 7 * 86_400_000 - 1)); // the last millisecond of week 1 (the ISO week of week 0's first instant)
    expect(await weeks()).toBe('3');
    expect(await listening(org)).toMatchObject({ value: 3, score: 0.375 });
  });

  it('scores 0 with listening set up but never run', async () => {
    const rival = await competitor(org, 'Rival');
    await query(org, 'BRAND', 'Marque');
    await query(org, 'COMPETITOR', 'Rival', rival);
    expect((await compute(communityEvidenceProvider, org))[LISTENING_PRACTICE_KEY]).toMatchObject({ value: 0, score: 0 });
  });

  it('gives the share of due comments first-answered within the rules’ delay, over 8 weeks, tenant by tenant', async () => {
    await comment(org, ago(5), 60, 30); // answered in time
    await comment(org, ago(6), 60, 120); // answered late
    await comment(org, ago(40), 60, null); // never answered, overdue (outside the 30 days of the median, inside the 8 weeks)
    await comment(org, ago(0, 1), 120, null); // not due yet: not counted
    await comment(org, ago(70), 60, 10); // outside the window
    await comment(org, ago(3), 60, null, 'DISMISSED'); // dismissed: not counted
    for (let i = 0; i < 5; i++) await comment(other, ago(2), 60, 5);

    const out = await compute(inboxEvidenceProvider, org);
    expect(out[RESPONSE_PRACTICE_KEY]).toMatchObject({ value: 0.333, score: 0.333 });
    expect(out[RESPONSE_PRACTICE_KEY].explanation.en).toBe(
      "1 of 3 comments got a first answer within the rules' delay over the last 56 days (33%).",
    );
    // The median of the 30 days reads the two recent answered comments only.
    expect(out[RESPONSE_TIME_KEY].value).toBe(75);
    expect((await compute(inboxEvidenceProvider, other))[RESPONSE_PRACTICE_KEY]).toMatchObject({ score: 1 });
  });
});
