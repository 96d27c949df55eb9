import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the metrics job, run here by hand (the worker's queue list is the lead's)
import { CollectMetricsJob } from '../../libs/domain/community/src/lib/metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Point {
  at: string;
  value: number;
  series: number;
}
interface Progress {
  kpiId: string;
  measure: string | null;
  status: string;
  reason: string | null;
  baseline: number | null;
  target: number;
  periods: { start: string; end: string; value: number | null; target: number; progress: number | null; onTrack: boolean | null }[];
}

const SERIES = `query ($accountId: ID, $metric: MetricKey!, $from: DateTime!, $to: DateTime!, $interval: MetricInterval!) {
  metricSeries(accountId: $accountId, metric: $metric, from: $from, to: $to, interval: $interval) { metric accountId interval from to points { at value series } } }`;
const COLLECTIONS = '{ metricCollections { accountId lastRunAt lastSuccessAt lastError failures retryAt samplesAdded } }';
const COLLECT = 'mutation ($input: CollectMetricsInput!) { collectMetrics(input: $input) }';
const PROGRESS = `query ($kpiId: ID!, $from: DateTime!, $to: DateTime!) {
  kpiProgress(kpiId: $kpiId, from: $from, to: $to) { kpiId measure status reason baseline target periods { start end value target progress onTrack } } }`;
const CREATE_OBJECTIVE = 'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }';
const CREATE_KPI = 'mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id measure } }';
const UPDATE_KPI = 'mutation ($input: UpdateKpiInput!) { updateKpi(input: $input) { id measure } }';

const DAY = 86_400_000;
const startOfDay = (time: number) => new Date(Math.floor(time / DAY) * DAY);

/**
 * Metrics end to end: an account at the loopback Mastodon, the collection job
 * (samples stored once per series and hour), the series read through GraphQL,
 * a KPI measured on followers, failures recorded without disconnecting anyone,
 * and the input and tenants these queries refuse.
 */
describe('metrics and KPI progress', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: CollectMetricsJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;
  let accountId: string;
  let otherAccountId: string;
  let publicationId: string;

  const as = (organizationId = org) => ({ token: owner.token, organizationId });
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.gql<T>(query, variables, as(organizationId));
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org): Promise<T> =>
    api.ok<T>(query, variables, as(organizationId));
  const connect = async (username: string, organizationId = org) =>
    (
      await ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        organizationId,
      )
    ).connectNetworkAccount.id;
  const samples = async (organizationId = org) =>
    (
      await admin.query<{ account_id: string; publication_id: string | null; metric: string; value: string }>(
        'SELECT account_id, publication_id, metric, value FROM metric_samples WHERE organization_id = $1 ORDER BY metric, publication_id NULLS FIRST',
        [organizationId],
      )
    ).rows.map((r) => ({ ...r, value: Number(r.value) }));
  const kpiWith = async (measure: string | null, frequency = 'DAILY') => {
    const objective = (
      await ok<{ createObjective: { id: string } }>(CREATE_OBJECTIVE, {
        input: {
          kind: 'BRAND',
          title: `Audience ${randomBytes(3).toString('hex')}`,
          metric: 'abonnés Mastodon',
          baseline: 1000,
          target: 2000,
          deadline: `${new Date().getUTCFullYear() + 1}-12-31`,
        },
      })
    ).createObjective;
    return (
      await ok<{ createKpi: { id: string; measure: string | null } }>(CREATE_KPI, {
        input: {
          objectiveId: objective.id,
          name: 'Abonnés',
          metric: 'followers',
          target: 2000,
          frequency,
          ...(measure ? { measure } : {}),
        },
      })
    ).createKpi;
  };

  beforeAll(async () => {
    // Samples are kept once per UTC hour and read per UTC day: start well inside an hour so the runs compared share it.
    const leftInHour = 3_600_000 - (Date.now() % 3_600_000);
    if (leftInHour < 30_000) await new Promise((resolve) => setTimeout(resolve, leftInHour + 100));
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '1000' });
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '1000' }), {
      reconcileEveryMs: 600_000,
    });
    job = worker.context.get(CollectMetricsJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Mesures');
    org = await createOrganization(api, owner, 'Boulangerie Mesures');
    otherOrg = await createOrganization(api, owner, 'Autre client Mesures');
    accountId = await connect('boulangerie');
    otherAccountId = await connect('autre', otherOrg);

    // One post of ours, published, with some engagement.
    const post = mastodon.postAs('boulangerie', `Fournée ${randomBytes(3).toString('hex')}`);
    mastodon.addInteractions(post.id, { favourites: 5, reblogs: 2 });
    mastodon.postAs('client', 'Miam !', { inReplyToId: post.id });
    const itemId = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Le pain', 'DRAFT') RETURNING id",
        [org],
      )
    ).rows[0].id;
    publicationId = (
      await admin.query<{ id: string }>(
        `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, external_url, published_at)
         VALUES ($1, $2, $3, 'mastodon', now(), now(), 'PUBLISHED', $4, $5, $6, now()) RETURNING id`,
        [org, itemId, accountId, `test-${randomUUID()}`, post.id, post.url],
      )
    ).rows[0].id;
    mastodon.setFollowCounts('boulangerie', { followers: 1200, following: 80 });
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
  });

  it('collects the account and post counts once per hour: a second run adds nothing', async () => {
    const first = await job.handle({ organizationId: org });
    expect(first.accounts).toEqual([expect.objectContaining({ accountId, network: 'mastodon', publications: 1 })]);
    expect(first.accounts[0].error).toBeUndefined();
    const stored = await samples();
    expect(stored).toEqual(
      expect.arrayContaining([
        { account_id: accountId, publication_id: null, metric: 'FOLLOWERS', value: 1200 },
        { account_id: accountId, publication_id: null, metric: 'FOLLOWING', value: 80 },
        { account_id: accountId, publication_id: null, metric: 'POSTS', value: 1 },
        { account_id: accountId, publication_id: publicationId, metric: 'LIKES', value: 5 },
        { account_id: accountId, publication_id: publicationId, metric: 'REPOSTS', value: 2 },
        { account_id: accountId, publication_id: publicationId, metric: 'REPLIES', value: 1 },
      ]),
    );
    expect(first.added).toBe(stored.length);
    const IDS = '{ metricCollections { id accountId } }';
    const [collected] = (await ok<{ metricCollections: { id: string; accountId: string }[] }>(IDS)).metricCollections;
    expect(collected).toEqual({ id: expect.any(String), accountId });

    // The counts move, but within the same hour the series keep their sample.
    mastodon.setFollowCounts('boulangerie', { followers: 1300 });
    const runs = await Promise.all([job.handle({ organizationId: org }), job.handle({ organizationId: org })]);
    expect(runs.map((run) => run.added)).toEqual([0, 0]);
    expect(await samples()).toEqual(stored);
    // The other organisation's account was not touched by these runs.
    expect(await samples(otherOrg)).toEqual([]);
    const [state] = (
      await ok<{ metricCollections: { accountId: string; failures: number; lastError: string | null; samplesAdded: number }[] }>(
        COLLECTIONS,
      )
    ).metricCollections;
    expect(state).toMatchObject({ accountId, failures: 0, lastError: null, samplesAdded: stored.length });
    // The account's collection keeps its id from run to run; another account's (of another organisation) is another.
    expect((await ok<{ metricCollections: { id: string }[] }>(IDS)).metricCollections).toEqual([{ id: collected.id, accountId }]);
    await job.handle({ organizationId: otherOrg });
    const theirs = (
      await api.ok<{ metricCollections: { id: string; accountId: string }[] }>(IDS, {}, { token: owner.token, organizationId: otherOrg })
    ).metricCollections;
    expect(theirs.map((c) => c.accountId)).toEqual([otherAccountId]);
    expect(theirs[0].id).not.toBe(collected.id);
  });

  it('answers metricSeries per bucket, the latest sample carried forward, for one account or all', async () => {
    const today = startOfDay(Date.now());
    // An older sample two days ago, written as the collector would have.
    await admin.query(
      "INSERT INTO metric_samples (organization_id, account_id, metric, value, sampled_at) VALUES ($1, $2, 'FOLLOWERS', 1000, $3)",
      [org, accountId, new Date(today.getTime() - 2 * DAY + 3_600_000)],
    );
    const from = new Date(today.getTime() - 3 * DAY).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const { metricSeries } = await ok<{ metricSeries: { points: Point[]; accountId: string } }>(SERIES, {
      accountId,
      metric: 'FOLLOWERS',
      from,
      to,
      interval: 'DAY',
    });
    const byDay = metricSeries.points.map((p) => [p.at.slice(0, 10), p.value, p.series]);
    const day = (offset: number) => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
    // Three days ago: no sample yet (left out); two days ago and yesterday: 1000; today: 1200.
    expect(byDay.slice(0, 3)).toEqual([
      [day(-2), 1000, 1],
      [day(-1), 1000, 1],
      [day(0), 1200, 1],
    ]);
    const likes = await ok<{ metricSeries: { points: Point[] } }>(SERIES, { metric: 'LIKES', from, to, interval: 'HOUR' });
    expect(likes.metricSeries.points.at(-1)).toMatchObject({ value: 5, series: 1 });
  });

  it('shows the progress of a KPI measured on followers, per period of its frequency, against the objective baseline', async () => {
    const kpi = await kpiWith('FOLLOWERS');
    expect(kpi.measure).toBe('FOLLOWERS');
    const today = startOfDay(Date.now());
    const { kpiProgress } = await ok<{ kpiProgress: Progress }>(PROGRESS, {
      kpiId: kpi.id,
      from: new Date(today.getTime() - DAY).toISOString(),
      to: new Date(today.getTime() + DAY).toISOString(),
    });
    expect(kpiProgress).toMatchObject({ kpiId: kpi.id, measure: 'FOLLOWERS', status: 'MEASURED', baseline: 1000, target: 2000 });
    expect(kpiProgress.periods.map((p) => [p.value, p.progress])).toEqual([
      [1000, 0],
      [1200, 0.2],
    ]);
    // The objective started today: nothing was expected yet, so both periods are on track.
    expect(kpiProgress.periods.map((p) => p.onTrack)).toEqual([true, true]);
  });

  it('says "not measured" for a KPI without a measure, and for share of voice without brand and competitor queries', async () => {
    const plain = await kpiWith(null);
    const window = { from: '2026-01-01T00:00:00Z', to: '2026-01-08T00:00:00Z' };
    const notMeasured = (await ok<{ kpiProgress: Progress }>(PROGRESS, { kpiId: plain.id, ...window })).kpiProgress;
    expect(notMeasured).toMatchObject({ status: 'NOT_MEASURED', measure: null, periods: [] });
    expect(notMeasured.reason).toMatch(/no measure/);
    const voice = await kpiWith('SHARE_OF_VOICE', 'WEEKLY');
    const voiceProgress = (await ok<{ kpiProgress: Progress }>(PROGRESS, { kpiId: voice.id, ...window })).kpiProgress;
    expect(voiceProgress).toMatchObject({ status: 'NOT_MEASURED', periods: [] });
    expect(voiceProgress.reason).toMatch(/brand listening queries against the competitor queries/);
    // A measure can be removed again (null), and set on an existing KPI.
    expect(
      (await ok<{ updateKpi: { measure: string | null } }>(UPDATE_KPI, { input: { id: voice.id, measure: null } })).updateKpi.measure,
    ).toBeNull();
    expect(
      (await ok<{ updateKpi: { measure: string | null } }>(UPDATE_KPI, { input: { id: plain.id, measure: 'POSTS_PUBLISHED' } })).updateKpi
        .measure,
    ).toBe('POSTS_PUBLISHED');
    const posts = (await ok<{ kpiProgress: Progress }>(PROGRESS, { kpiId: plain.id, ...window })).kpiProgress;
    expect(posts.status).toBe('MEASURED');
    expect(posts.periods).toHaveLength(7);
  });

  it('refuses bad input naming the field (never a 500), and another tenant’s account or KPI as unknown', async () => {
    const base = { accountId, metric: 'FOLLOWERS', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', interval: 'DAY' };
    const refused = async (query: string, variables: Record<string, unknown>, organizationId = org) => {
      const res = await gql(query, variables, organizationId);
      // Variables GraphQL refuses are a 400; errors of the resolvers come with the operation's answer (never a 500).
      expect(res.status).toBeLessThan(500);
      expect(leaksIn(res.body)).toEqual([]);
      return firstError(res).extensions;
    };
    expect(await refused(SERIES, { ...base, interval: 'FORTNIGHT' })).toMatchObject({
      code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/),
    });
    expect(await refused(SERIES, { ...base, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
    expect(await refused(SERIES, { ...base, from: '2026-02-30T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await refused(SERIES, { ...base, from: '2020-01-01T00:00:00Z', interval: 'HOUR' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'interval',
    });
    expect(await refused(SERIES, { ...base, accountId: 'not-an-id' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused(SERIES, { ...base, accountId: randomUUID() })).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
    expect(await refused(SERIES, { ...base, accountId: otherAccountId })).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
    expect(await refused(COLLECT, { input: { accountId: otherAccountId } })).toMatchObject({ code: 'NOT_FOUND', field: 'input.accountId' });

    const kpi = await kpiWith('FOLLOWERS');
    const window = { kpiId: kpi.id, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    expect(await refused(PROGRESS, { ...window, from: '2026-03-01T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await refused(PROGRESS, { ...window, from: 'yesterday' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
      problems: [
        {
          field: 'from',
          message: expect.stringMatching(/^Expected an RFC 3339 date-time with its time zone offset .*, got "yesterday"\.$/),
        },
      ],
    });
    expect(await refused(PROGRESS, { ...window, from: '2020-01-01T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await refused(PROGRESS, { ...window, kpiId: 'kpi-1' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused(PROGRESS, window, otherOrg)).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });
    // The ends of the calendar: answered, never a 500 (year 1 is read as year 1, not 1901).
    const yearOne = await ok<{ kpiProgress: Progress }>(PROGRESS, { ...window, from: '0001-01-01T00:00:00Z', to: '0001-01-03T00:00:00Z' });
    expect(yearOne.kpiProgress.periods.map((p) => p.start)).toEqual(['0001-01-01T00:00:00.000Z', '0001-01-02T00:00:00.000Z']);
    const farFuture = await ok<{ metricSeries: { points: Point[] } }>(SERIES, {
      ...base,
      from: '9999-01-01T00:00:00Z',
      to: '9999-12-31T00:00:00Z',
      interval: 'MONTH',
    });
    expect(farFuture.metricSeries.points).toHaveLength(12);
    expect(
      await refused(CREATE_KPI, {
        input: { objectiveId: randomUUID(), name: 'x', metric: 'x', target: 1, frequency: 'DAILY', measure: 'LIKES' },
      }),
    ).toMatchObject({ code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/) });
  });

  it('records a failure (and a rate limit’s wait) on the account, keeps it connected, and skips it until then', async () => {
    mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 600 }, 1, /verify_credentials/);
    const failed = await job.handle({ organizationId: org, accountId });
    expect(failed.accounts[0].error).toMatch(/^RATE_LIMITED/);
    const [state] = (await ok<{ metricCollections: { failures: number; lastError: string; retryAt: string }[] }>(COLLECTIONS))
      .metricCollections;
    expect(state.failures).toBe(1);
    expect(state.lastError).toMatch(/^RATE_LIMITED/);
    expect(Date.parse(state.retryAt) - Date.now()).toBeGreaterThan(500_000);
    const status = (
      await admin.query<{ status: string }>('SELECT status FROM network_accounts WHERE organization_id = $1 AND id = $2', [org, accountId])
    ).rows[0].status;
    expect(status).toBe('OK');
    const skipped = await job.handle({ organizationId: org, accountId });
    expect(skipped.accounts[0].skipped).toMatch(/waiting until/);
    // The reconciler does not pick it up before its wait is over. Both organisations last ran a day ago (a worker of
    // another suite may have just collected the other one, which would leave it not due for a reason of its own).
    await admin.query("UPDATE metric_collections SET last_run_at = now() - interval '1 day' WHERE organization_id IN ($1, $2)", [
      org,
      otherOrg,
    ]);
    const due = await admin.query<{ organization_id: string }>(
      "SELECT organization_id FROM socle_metrics_organizations_due(now() - interval '1 hour', now(), 100000)",
    );
    expect(due.rows.map((r) => r.organization_id)).not.toContain(org);
    expect(due.rows.map((r) => r.organization_id)).toContain(otherOrg);
  });
});
