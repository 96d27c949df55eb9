import type { Client } from 'pg';
import {
  ALERTS_QUEUE,
  AlertsScheduler,
  influenceScore,
  ListeningRunResult,
  ListeningScheduler,
  RunListeningQueryJob,
} from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { JobQueues } from '@socle/platform-queue';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, until } from './e2e-support';

interface Author {
  handle: string;
  reach: number | null;
  score: number;
  mentions: number;
  averageSentiment: number | null;
}

const CREATE = 'mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }';
const CONNECT = 'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }';
const RANK = `query ($from: DateTime, $to: DateTime) { mentionAuthors(first: 50, from: $from, to: $to) { edges { node { handle reach score mentions averageSentiment } } } }`;
const ONE = `query ($source: String!, $handle: String!, $from: DateTime, $to: DateTime) {
  mentionAuthor(source: $source, handle: $handle, from: $from, to: $to) { author { handle reach score mentions averageSentiment } } }`;
const ALERTS = '{ alerts(first: 10) { edges { node { id kind status observedCount } } } }';
const SET_SETTINGS = 'mutation ($input: SetAlertSettingsInput!) { setAlertSettings(input: $input) { enabled } }';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reach and alerts on ingest, end to end: the loopback Mastodon's accounts have
 * followers, the listening job stores them with the mentions, the ranking of
 * mention authors uses the value read last, and a run that stores new mentions
 * has the organisation's alerts evaluated at once (one evaluation job per
 * organisation and minute, in the worker's real Redis queue).
 */
describe('listening: authors’ reach and alerts on ingest', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: RunListeningQueryJob;
  let scheduler: AlertsScheduler;
  let queues: JobQueues;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;

  const ok = <T>(organizationId: string, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    api.ok<T>(query, variables, { token: owner.token, organizationId });
  const run = (organizationId: string, queryId: string): Promise<ListeningRunResult> => job.handle({ organizationId, queryId });
  const added = (result: ListeningRunResult) => result.sources.reduce((sum, s) => sum + s.added, 0);
  const pauseWorker = () => Promise.all(worker.workers.map((w) => w.pause()));
  const resumeWorker = () => worker.workers.forEach((w) => w.resume());
  const window = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + MINUTE).toISOString() });

  /** A new client organisation with a Mastodon account connected and one listening query on `word`. */
  const organization = async (name: string, word: string): Promise<{ org: string; queryId: string }> => {
    const org = await createOrganization(api, owner, name);
    await ok(org, CONNECT, {
      input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(`${word}-brand`) },
    });
    const created = await ok<{ createListeningQuery: { id: string } }>(org, CREATE, {
      input: { kind: 'BRAND', name: word, query: word, sources: ['mastodon'] },
    });
    return { org, queryId: created.createListeningQuery.id };
  };
  /** The evaluation jobs of the organisation in the queue, whatever their state, with theirs. */
  const evaluationJobs = async (org: string) => {
    const jobs = await queues.queue(ALERTS_QUEUE).getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
    const mine = jobs.filter((j) => j?.name === 'EvaluateAlertsJob' && (j.data as { organizationId?: string }).organizationId === org);
    return Promise.all(mine.map(async (j) => ({ id: j.id as string, state: await j.getState() })));
  };
  /** Waits until at least `ms` remain in the current minute, so what a test does stays in one minute. */
  const roomInMinute = async (ms: number) => {
    const left = MINUTE - (Date.now() % MINUTE);
    if (left < ms) await sleep(left + 50);
  };
  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '2000' });
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '2000' }), {
      reconcileEveryMs: 600_000,
    });
    job = worker.context.get(RunListeningQueryJob, { strict: false });
    scheduler = worker.context.get(AlertsScheduler, { strict: false });
    queues = worker.context.get(JobQueues, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Portée');
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
  });

  it('stores the followers each author has when read, and ranks authors with the reach read last', async () => {
    await pauseWorker();
    try {
      const { org, queryId } = await organization('Boulangerie Portée', 'fougasse');
      mastodon.postAs('star', 'La fougasse aux olives, un délice');
      mastodon.postAs('small', 'Une fougasse le dimanche');
      mastodon.postAs('odd', 'Fougasse ou focaccia ?');
      mastodon.setFollowCounts('star', { followers: 250_000 });
      mastodon.setFollowCounts('small', { followers: 12 });
      // An instance that sends something else than a count: the reach stays unknown, the mention is stored.
      mastodon.setFollowCounts('odd', { followers: '12' });
      expect(added(await run(org, queryId))).toBe(3);

      const stored = await admin.query<{ author_handle: string; author_reach: number | null; reach: number | null }>(
        'SELECT author_handle, author_reach, reach FROM mentions WHERE organization_id = $1 ORDER BY author_handle',
        [org],
      );
      expect(stored.rows.map((r) => [r.author_handle.split('@')[0], r.author_reach, r.reach])).toEqual([
        ['odd', null, null],
        ['small', 12, null],
        ['star', 250_000, null],
      ]);
      const rank = async () =>
        (await ok<{ mentionAuthors: { edges: { node: Author }[] } }>(org, RANK, window())).mentionAuthors.edges.map((e) => e.node);
      const first = await rank();
      expect(first.map((a) => [a.handle.split('@')[0], a.reach])).toEqual([
        ['star', 250_000],
        ['small', 12],
        ['odd', null],
      ]);

      // The star's audience shrinks: its next mention carries the new count, and the ranking shows it, not the peak.
      await sleep(20);
      mastodon.setFollowCounts('star', { followers: 90_000 });
      mastodon.postAs('star', 'Encore une fougasse');
      expect(added(await run(org, queryId))).toBe(1);
      const star = (await rank()).find((a) => a.handle.startsWith('star@')) as Author;
      expect(star).toMatchObject({ reach: 90_000, mentions: 2 });
      // (The average sentiment is read rounded to three decimals: the score may differ in its last digit.)
      expect(star.score).toBeCloseTo(influenceScore({ mentions: 2, averageSentiment: star.averageSentiment, reach: 90_000 }), 1);
      expect(star.score).toBeLessThan(influenceScore({ mentions: 2, averageSentiment: star.averageSentiment, reach: 250_000 }));
      // Outside any window of its mentions, the author still shows the reach read last.
      const quiet = await ok<{ mentionAuthor: { author: Author } }>(org, ONE, {
        source: 'mastodon',
        handle: star.handle,
        from: '2020-01-01T00:00:00Z',
        to: '2020-02-01T00:00:00Z',
      });
      expect(quiet.mentionAuthor.author).toMatchObject({ reach: 90_000, mentions: 0 });
      // Another client of the agency sees none of these authors, nor their reach.
      const other = await createOrganization(api, owner, 'Autre client portée');
      expect((await ok<{ mentionAuthors: { edges: unknown[] } }>(other, RANK, window())).mentionAuthors.edges).toEqual([]);
      const foreign = await api.gql(ONE, { source: 'mastodon', handle: star.handle }, { token: owner.token, organizationId: other });
      expect(firstError(foreign).extensions.code).toBe('NOT_FOUND');
      expect(JSON.stringify(foreign.body)).not.toContain('90000');
    } finally {
      resumeWorker();
    }
  });

  it('a run that stores new mentions enqueues the organisation’s evaluation at once; a burst of runs enqueues one', async () => {
    await pauseWorker();
    try {
      const { org, queryId } = await organization('Boulangerie Rafale', 'brioche');
      const { org: silent, queryId: silentQuery } = await organization('Boulangerie Sans Alertes', 'kouign');
      await ok(silent, SET_SETTINGS, { input: { enabled: false } });

      // Nothing new, nothing enqueued.
      expect(added(await run(org, queryId))).toBe(0);
      expect(await evaluationJobs(org)).toEqual([]);

      await roomInMinute(20_000);
      const minute = Math.floor(Date.now() / MINUTE);
      mastodon.postAs('angry0', 'This brioche is awful, terrible, I hate it');
      expect(added(await run(org, queryId))).toBe(1);
      expect(await evaluationJobs(org)).toEqual([{ id: `alerts-${org}-${minute}`, state: 'waiting' }]);

      // A burst: five runs at once, each with new mentions, in the same minute: still one evaluation.
      for (let i = 1; i <= 10; i++) mastodon.postAs(`angry${i}`, `Brioche ${i}: awful, disgusting, never again`);
      const burst = await Promise.all(Array.from({ length: 5 }, () => run(org, queryId)));
      expect(burst.reduce((sum, r) => sum + added(r), 0)).toBe(10);
      expect(Math.floor(Date.now() / MINUTE)).toBe(minute);
      expect(await evaluationJobs(org)).toEqual([{ id: `alerts-${org}-${minute}`, state: 'waiting' }]);

      // An organisation that turned alerts off has no evaluation enqueued.
      mastodon.postAs('angry11', 'Un kouign awful');
      expect(added(await run(silent, silentQuery))).toBe(1);
      expect(await evaluationJobs(silent)).toEqual([]);
    } finally {
      resumeWorker();
    }
  }, 60_000);

  it('raises the crisis alert as soon as the worker stored the spike, without waiting for the reconciler', async () => {
    const { org, queryId } = await organization('Boulangerie Crise', 'chouquette');
    for (let i = 0; i < 14; i++) mastodon.postAs(`upset${i}`, `Chouquette ${i}: awful, terrible, disgusting, I hate it`);
    // The worker runs the listening job (the reconciler is an hour away): it stores the mentions and enqueues the evaluation.
    await worker.context.get(ListeningScheduler, { strict: false }).schedule(org, queryId);
    const negative = await until(
      'the negative mentions',
      async () =>
        Number(
          (await admin.query("SELECT count(*) FROM mentions WHERE organization_id = $1 AND sentiment_label = 'NEGATIVE'", [org])).rows[0]
            .count,
        ),
      (n) => n === 14,
    );
    expect(negative).toBe(14);
    const alerts = await until(
      'the alert',
      async () =>
        (await ok<{ alerts: { edges: { node: { kind: string; status: string; observedCount: number } }[] } }>(org, ALERTS)).alerts.edges,
      (edges) => edges.length > 0,
    );
    expect(alerts.map((e) => e.node)).toEqual([expect.objectContaining({ kind: 'NEGATIVE_SPIKE', status: 'OPEN', observedCount: 14 })]);
  }, 60_000);

  it('one evaluation per organisation and minute: later mentions of a minute whose evaluation ran wait for the next minute', async () => {
    await pauseWorker();
    const org = await createOrganization(api, owner, 'Boulangerie Minute');
    // Ten minutes ago, five seconds into that minute: ids of their own, away from the real minutes' ones.
    const start = (Math.floor(Date.now() / MINUTE) - 10) * MINUTE + 5_000;
    const minute = Math.floor(start / MINUTE);
    try {
      expect(await scheduler.evaluateAfterIngest(org, start)).toEqual({ jobId: `alerts-${org}-${minute}`, delayMs: 0 });
      // Enqueued, not started: it will read what was committed since.
      expect(await scheduler.evaluateAfterIngest(org, start + 10_000)).toBeNull();
      expect(await evaluationJobs(org)).toEqual([{ id: `alerts-${org}-${minute}`, state: 'waiting' }]);
    } finally {
      resumeWorker();
    }
    await until(
      'the evaluation to run',
      () => evaluationJobs(org),
      (jobs) => jobs[0]?.state === 'completed',
    );
    await pauseWorker();
    try {
      // Ran: mentions stored after it wait for the next minute's evaluation, enqueued once for the start of that minute.
      expect(await scheduler.evaluateAfterIngest(org, start + 20_000)).toEqual({ jobId: `alerts-${org}-${minute + 1}`, delayMs: 35_000 });
      expect(await scheduler.evaluateAfterIngest(org, start + 30_000)).toEqual({ jobId: `alerts-${org}-${minute + 1}`, delayMs: 25_000 });
      const jobs = await evaluationJobs(org);
      expect(jobs.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [
          { id: `alerts-${org}-${minute}`, state: 'completed' },
          { id: `alerts-${org}-${minute + 1}`, state: 'delayed' },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
    } finally {
      resumeWorker();
    }
  }, 60_000);
});
