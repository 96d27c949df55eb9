import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ListeningRunResult, RunListeningQueryJob } from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { JobQueues } from '@socle/platform-queue';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, leaksIn, until } from './e2e-support';

interface SourceState {
  id: string;
  accountId: string;
  network: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  retryAt: string | null;
  cursorTime: string | null;
  mentionsAdded: number;
}
interface ListeningQuery {
  id: string;
  kind: string;
  name: string;
  query: string;
  sources: string[];
  active: boolean;
  lastRunAt: string | null;
  sourceStates: SourceState[];
}
interface Mention {
  id: string;
  source: string;
  externalId: string;
  authorHandle: string;
  text: string;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  queryIds: string[];
  publishedAt: string;
}

const SOURCE = 'id accountId network lastRunAt lastSuccessAt lastError lastErrorAt failures retryAt cursorTime mentionsAdded';
const QUERY = `id kind name query sources active lastRunAt sourceStates { ${SOURCE} }`;
const MENTION = 'id source externalId authorHandle text language sentiment sentimentScore queryIds publishedAt';
const CREATE = `mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { ${QUERY} } }`;
const UPDATE = `mutation ($input: UpdateListeningQueryInput!) { updateListeningQuery(input: $input) { ${QUERY} } }`;
const DELETE = `mutation ($input: ListeningQueryIdInput!) { deleteListeningQuery(input: $input) { ${QUERY} } }`;
const RUN = `mutation ($input: ListeningQueryIdInput!) { runListeningQuery(input: $input) { ${QUERY} } }`;
const LIST = `{ listeningQueries(first: 100) { edges { node { ${QUERY} } } } }`;
const MENTIONS = `query ($first: Int, $after: String, $queryId: ID, $source: String, $from: DateTime, $to: DateTime, $language: String, $authorHandle: String, $sentiment: SentimentLabel) {
  mentions(first: $first, after: $after, queryId: $queryId, source: $source, from: $from, to: $to, language: $language, authorHandle: $authorHandle, sentiment: $sentiment) {
    edges { cursor node { ${MENTION} } } pageInfo { hasNextPage endCursor } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A feed served on loopback; `fail` makes it answer 500, `items` is what it holds. */
class FeedServer {
  fail = false;
  requests = 0;
  items: { guid: string; title: string; date: Date }[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FeedServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const feed = new FeedServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`);
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => feed.answer(res));
    return feed;
  }

  private answer(res: ServerResponse): void {
    this.requests++;
    if (this.fail) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error: secret stack here');
      return;
    }
    const items = this.items
      .map(
        (item) => `<item><guid>${item.guid}</guid><title>${item.title}</title><link>https://blog.example/${item.guid}</link>
      <description>${item.title}</description><pubDate>${item.date.toUTCString()}</pubDate></item>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Blog vélo</title>
      <link>https://blog.example/</link><description>Un blog</description>${items}</channel></rss>`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Listening end to end: queries written through the API, the job run by the
 * worker (or called directly when a test counts what one run adds) against the
 * loopback Mastodon and a loopback feed, mentions read back through the API.
 */
describe('listening', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: RunListeningQueryJob;
  let mastodon: MastodonTestServer;
  let feed: FeedServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;

  const as = (organizationId = org) => ({ token: owner.token, organizationId });
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.gql<T>(query, variables, as(organizationId));
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org): Promise<T> =>
    api.ok<T>(query, variables, as(organizationId));
  const create = async (input: Record<string, unknown>, organizationId = org) =>
    (await ok<{ createListeningQuery: ListeningQuery }>(CREATE, { input }, organizationId)).createListeningQuery;
  const queries = async (organizationId = org) =>
    (await ok<{ listeningQueries: { edges: { node: ListeningQuery }[] } }>(LIST, {}, organizationId)).listeningQueries.edges.map(
      (e) => e.node,
    );
  const queryById = async (id: string) => (await queries()).find((q) => q.id === id) as ListeningQuery;
  const mentions = async (variables: Record<string, unknown> = {}, organizationId = org) =>
    (
      await ok<{ mentions: { edges: { cursor: string; node: Mention }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        MENTIONS,
        { first: 100, ...variables },
        organizationId,
      )
    ).mentions;
  const count = async (table: string, organizationId = org) =>
    Number((await admin.query(`SELECT count(*) FROM ${table} WHERE organization_id = $1`, [organizationId])).rows[0].count);
  const run = (queryId: string, organizationId = org): Promise<ListeningRunResult> => job.handle({ organizationId, queryId });
  const added = (result: ListeningRunResult) => result.sources.reduce((sum, s) => sum + s.added, 0);
  const pauseWorker = () => Promise.all(worker.workers.map((w) => w.pause()));
  const resumeWorker = () => worker.workers.forEach((w) => w.resume());

  const connectMastodon = async (username: string, organizationId = org) =>
    (
      await ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        organizationId,
      )
    ).connectNetworkAccount.id;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    feed = await FeedServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '1000' });
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '1000' }), {
      reconcileEveryMs: 600_000,
    });
    job = worker.context.get(RunListeningQueryJob, { strict: false });
    job.retryBaseMs = 300;
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Écoute');
    org = await createOrganization(api, owner, 'Boulangerie Écoute');
    otherOrg = await createOrganization(api, owner, 'Autre client écoute');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
    await feed?.close();
  });

  it('stores each mention once even when two queries match it, advances the cursor, and a re-run adds nothing', async () => {
    await pauseWorker();
    try {
      const account = await connectMastodon('boulangerie');
      const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
      mastodon.backdate(mastodon.postAs('alice', 'Le croissant du matin est parfait, merci !', { language: 'fr' }).id, minutesAgo(3));
      mastodon.backdate(mastodon.postAs('bob', 'Une baguette et un croissant, svp', { language: 'fr' }).id, minutesAgo(2));
      mastodon.postAs('carol', 'Rien à voir avec le pain');
      const croissant = await create({ kind: 'BRAND', name: 'Croissant', query: 'croissant', sources: ['mastodon'] });
      const baguette = await create({ kind: 'TOPIC', name: 'Baguette', query: 'baguette' });
      expect(croissant).toMatchObject({ kind: 'BRAND', active: true, sources: ['mastodon'], sourceStates: [] });

      const first = await run(croissant.id);
      expect(first.sources).toEqual([expect.objectContaining({ accountId: account, network: 'mastodon', fetched: 2, added: 2 })]);
      // The baguette query reads the same post: no second row, one more match.
      expect(added(await run(baguette.id))).toBe(0);
      expect(await count('mentions')).toBe(2);
      const all = (await mentions()).edges.map((e) => e.node);
      expect(all.map((m) => m.text)).toEqual(['Une baguette et un croissant, svp', 'Le croissant du matin est parfait, merci !']);
      expect(all[0].queryIds.sort()).toEqual([croissant.id, baguette.id].sort());
      expect(all[1]).toMatchObject({
        source: 'mastodon',
        queryIds: [croissant.id],
        language: 'fr',
        authorHandle: expect.stringMatching(/^alice@/),
      });
      expect(all[1].sentiment).toBe('POSITIVE');
      expect((await mentions({ queryId: baguette.id })).edges.map((e) => e.node.text)).toEqual(['Une baguette et un croissant, svp']);

      const before = (await queryById(croissant.id)).sourceStates[0];
      expect(before).toMatchObject({ accountId: account, failures: 0, lastError: null, mentionsAdded: 2, cursorTime: expect.any(String) });
      // Nothing new: nothing added, the cursor stays.
      expect(added(await run(croissant.id))).toBe(0);
      expect((await queryById(croissant.id)).sourceStates[0].cursorTime).toBe(before.cursorTime);
      // A new post: only it is added, and the cursor moves to it.
      await sleep(20);
      mastodon.postAs('dan', 'Croissant aux amandes !');
      expect(added(await run(croissant.id))).toBe(1);
      const after = (await queryById(croissant.id)).sourceStates[0];
      expect(Date.parse(after.cursorTime as string)).toBeGreaterThan(Date.parse(before.cursorTime as string));
      expect(after.mentionsAdded).toBe(3);
      // The query's state on the account keeps its id from run to run and in the answer of an update; another query's
      // state on the same account is another one.
      expect(after.id).toBe(before.id);
      const updated = (await ok<{ updateListeningQuery: ListeningQuery }>(UPDATE, { input: { id: croissant.id, name: 'Croissant' } }))
        .updateListeningQuery;
      expect(updated.sourceStates.map((x) => x.id)).toEqual([before.id]);
      const other = (await queryById(baguette.id)).sourceStates;
      expect(other.map((x) => x.accountId)).toEqual([account]);
      expect(other[0].id).not.toBe(before.id);
      expect(added(await run(croissant.id))).toBe(0);
      expect(await count('mentions')).toBe(3);
      expect(await count('mention_matches')).toBe(4);
      // Keyset pages, newest first, each mention once.
      const page1 = await mentions({ first: 2 });
      const page2 = await mentions({ first: 2, after: page1.pageInfo.endCursor });
      expect(page1.pageInfo.hasNextPage).toBe(true);
      expect([...page1.edges, ...page2.edges].map((e) => e.node.id)).toEqual((await mentions()).edges.map((e) => e.node.id));
      expect(page2.pageInfo.hasNextPage).toBe(false);
      // Filters.
      expect((await mentions({ authorHandle: `@${all[1].authorHandle.toUpperCase()}` })).edges.map((e) => e.node.id)).toEqual([all[1].id]);
      expect((await mentions({ source: 'rss' })).edges).toEqual([]);
      expect((await mentions({ from: new Date(Date.now() + 60_000).toISOString() })).edges).toEqual([]);
      expect((await mentions({ language: 'fr', to: new Date(Date.now() + 60_000).toISOString() })).edges.length).toBeGreaterThanOrEqual(2);
      // Deleting a query drops its matches, keeps the mentions another query matched.
      expect((await ok<{ deleteListeningQuery: ListeningQuery }>(DELETE, { input: { id: baguette.id } })).deleteListeningQuery.id).toBe(
        baguette.id,
      );
      expect(await count('mention_matches')).toBe(3);
      expect(await count('mentions')).toBe(3);
    } finally {
      resumeWorker();
    }
  });

  it('jobs racing on the same mentions store each once, with every match', async () => {
    await pauseWorker();
    try {
      await connectMastodon('course');
      const tag = `course${Date.now()}`;
      for (let i = 0; i < 30; i++) mastodon.postAs(`fan${i % 5}`, `${tag} numéro ${i}${i % 2 ? ' pair' : ''}`);
      const wide = await create({ kind: 'TOPIC', name: `Course ${tag}`, query: tag, sources: ['mastodon'] });
      const narrow = await create({ kind: 'TOPIC', name: `Course paire ${tag}`, query: `${tag} pair`, sources: ['mastodon'] });
      const results = await Promise.all([run(wide.id), run(wide.id), run(narrow.id), run(wide.id), run(narrow.id)]);
      const rows = await admin.query<{ n: string; distinct_ids: string }>(
        `SELECT count(*) AS n, count(DISTINCT external_id) AS distinct_ids FROM mentions WHERE organization_id = $1 AND text LIKE $2`,
        [org, `${tag}%`],
      );
      expect(rows.rows[0]).toEqual({ n: '30', distinct_ids: '30' });
      expect(results.reduce((sum, r) => sum + added(r), 0)).toBe(30);
      expect((await mentions({ queryId: wide.id })).edges).toHaveLength(30);
      expect((await mentions({ queryId: narrow.id })).edges).toHaveLength(15);
    } finally {
      resumeWorker();
    }
  });

  it('runs a query once however many due wake-ups race for it, and again only when asked after that run started', async () => {
    await pauseWorker();
    try {
      await connectMastodon('reveil');
      const tag = `reveil${Date.now()}`;
      mastodon.postAs('voisine', `${tag} une fois`);
      const query = await create({ kind: 'TOPIC', name: `Réveil ${tag}`, query: tag, sources: ['mastodon'] });
      const weekRuns = async () =>
        (await admin.query<{ runs: number }>('SELECT runs FROM listening_run_weeks WHERE query_id = $1', [query.id])).rows[0]?.runs ?? 0;
      // Five wake-ups for the same due period (workers' sweeps, the creation's run), at once: one runs, four find it recent.
      const due = new Date(Date.now() - 60_000).toISOString();
      const raced = await Promise.all(
        Array.from({ length: 5 }, () => job.handle({ organizationId: org, queryId: query.id, notRunSince: due })),
      );
      expect(raced.map((r) => r.status).sort()).toEqual(['RAN', 'RECENT', 'RECENT', 'RECENT', 'RECENT']);
      expect(await weekRuns()).toBe(1);
      // A request made before that run started is satisfied by it; one made after it runs again.
      expect((await job.handle({ organizationId: org, queryId: query.id, notRunSince: due })).status).toBe('RECENT');
      await sleep(20);
      expect((await job.handle({ organizationId: org, queryId: query.id, notRunSince: new Date().toISOString() })).status).toBe('RAN');
      // Without a condition (a test's or an operator's direct run) it always runs.
      expect((await run(query.id)).status).toBe('RAN');
      expect(await weekRuns()).toBe(3);
    } finally {
      resumeWorker();
    }
  });

  it('the reconciler enqueues the active queries not run for LISTENING_EVERY_MINUTES, and no paused one', async () => {
    await pauseWorker();
    try {
      const stale = await create({ kind: 'TOPIC', name: `Ancienne ${randomUUID()}`, query: 'ancienne' });
      const paused = await create({ kind: 'TOPIC', name: `En pause ${randomUUID()}`, query: 'pause', active: false });
      await admin.query(`UPDATE listening_queries SET last_run_at = now() - interval '1 day' WHERE id = ANY($1::uuid[])`, [
        [stale.id, paused.id],
      ]);
      await admin.query(`UPDATE listening_queries SET last_run_at = now() WHERE organization_id = $1 AND id <> ALL($2::uuid[])`, [
        org,
        [stale.id, paused.id],
      ]);
      const queue = worker.context.get(JobQueues, { strict: false }).queue('listening');
      // The runs enqueued at creation are dropped: what waits afterwards is the reconciler's.
      await queue.drain(true);
      expect(await queue.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
      await job.reconcile();
      const waiting = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => (j.data as { queryId: string }).queryId);
      expect(waiting).toContain(stale.id);
      expect(waiting).not.toContain(paused.id);
    } finally {
      resumeWorker();
    }
    await until(
      'the stale query ran',
      async () =>
        (
          await admin.query("SELECT last_run_at > now() - interval '1 minute' AS fresh FROM listening_queries WHERE name LIKE $1", [
            'Ancienne %',
          ])
        ).rows[0].fresh,
      (fresh) => fresh === true,
    );
  });

  it('a 429 backs off for the wait the network gives, and the source is skipped until then', async () => {
    await pauseWorker();
    try {
      const q = await create({ kind: 'TOPIC', name: 'Pain complet', query: 'complet', sources: ['mastodon'] });
      mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 120 }, 10);
      const result = await run(q.id);
      expect(result.sources[0].error).toMatch(/RATE_LIMITED/);
      const state = (await queryById(q.id)).sourceStates[0];
      expect(state).toMatchObject({ failures: 1, lastError: expect.stringMatching(/RATE_LIMITED/) });
      expect(Date.parse(state.retryAt as string) - Date.now()).toBeGreaterThan(100_000);
      mastodon.clearInjections();
      const calls = mastodon.requests.length;
      const again = await run(q.id);
      expect(again.sources[0].skipped).toMatch(/waiting until/);
      expect(mastodon.requests.length).toBe(calls);
    } finally {
      mastodon.clearInjections();
      resumeWorker();
    }
  });

  it('reads an RSS feed; a failing feed is reported, retried with back-off by the worker, and recovers', async () => {
    feed.items = [
      { guid: 'a1', title: 'Le vélo en ville, enfin', date: new Date(Date.now() - 3_600_000) },
      { guid: 'a2', title: 'Pistes cyclables et voitures', date: new Date(Date.now() - 1_800_000) },
    ];
    const account = (
      await ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'rss', serviceUrl: feed.url } },
      )
    ).connectNetworkAccount.id;
    // Created active: the worker runs it at once.
    const q = await create({ kind: 'TOPIC', name: 'Vélo', query: 'velo OR cyclables', sources: ['rss'] });
    await until(
      'first run',
      () => queryById(q.id),
      (x) => x.sourceStates.some((s) => s.accountId === account && !!s.lastSuccessAt),
    );
    expect((await mentions({ queryId: q.id })).edges.map((e) => e.node.externalId).length).toBe(2);

    feed.fail = true;
    feed.items.push({ guid: 'a3', title: 'Vélo électrique : le guide', date: new Date() });
    await ok(RUN, { input: { id: q.id } });
    const failed = await until(
      'failure recorded',
      () => queryById(q.id),
      (x) => x.sourceStates[0].failures >= 1,
    );
    expect(failed.sourceStates[0].lastError).toMatch(/HTTP 500/);
    expect(failed.sourceStates[0].lastError).not.toMatch(/secret stack/);
    expect(failed.sourceStates[0].retryAt).not.toBeNull();
    // Failures keep being retried (back-off doubling from 300 ms) while the feed fails, and each is recorded.
    await until(
      'retried',
      () => queryById(q.id),
      (x) => x.sourceStates[0].failures >= 2,
    );
    feed.fail = false;
    const recovered = await until(
      'recovered',
      () => queryById(q.id),
      (x) => x.sourceStates[0].failures === 0 && x.sourceStates[0].lastError === null,
      20_000,
    );
    expect(Date.parse(recovered.sourceStates[0].lastSuccessAt as string)).toBeGreaterThan(
      Date.parse(failed.sourceStates[0].lastErrorAt as string),
    );
    // The item published while the feed failed is not lost: the cursor stayed where the stored rows were.
    const texts = (await mentions({ queryId: q.id })).edges.map((e) => e.node.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Vélo électrique : le guide/);
    expect(recovered.sourceStates[0].mentionsAdded).toBe(3);
  });

  it('refuses hostile query texts and inputs with the field and the position, storing nothing', async () => {
    const before = await count('listening_queries');
    const refused = async (input: Record<string, unknown>) => {
      const res = await gql(CREATE, { input: { kind: 'TOPIC', name: `Q ${randomUUID()}`, query: 'velo', ...input } });
      expect(leaksIn(res.body)).toEqual([]);
      return firstError(res);
    };
    const unclosed = await refused({ query: 'velo AND (paris' });
    expect(unclosed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.query', position: expect.any(Number) });
    expect(unclosed.message).toContain(String(unclosed.extensions.position));
    for (const query of [
      '',
      '   ',
      '"velo',
      'velo AND',
      'NOT velo',
      'foo:bar',
      'v*',
      'x'.repeat(2001),
      'velo\u0000',
      '((((((((((((((((((((((((((((((((((((((velo))))))))))))))))))))))))))))))))))))))'.repeat(2),
    ]) {
      const error = await refused({ query });
      expect({ query: query.slice(0, 40), ...error.extensions }).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.query' });
    }
    expect((await refused({ kind: 'COMPETITOR' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.competitorId' });
    expect((await refused({ kind: 'COMPETITOR', competitorId: randomUUID() })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.competitorId',
    });
    const [foreignCompetitor] = (
      await admin.query<{ id: string }>(`INSERT INTO competitors (organization_id, name) VALUES ($1, 'Concurrent B') RETURNING id`, [
        otherOrg,
      ])
    ).rows;
    expect((await refused({ kind: 'COMPETITOR', competitorId: foreignCompetitor.id })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.competitorId',
    });
    expect((await refused({ competitorId: foreignCompetitor.id })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.competitorId',
    });
    expect((await refused({ sources: ['Mastodon; DROP'] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources' });
    expect((await refused({ name: 'x'.repeat(101) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await count('listening_queries')).toBe(before);

    // A competitor query of one's own works; the same name twice is a CONFLICT; an update with a bad text changes nothing.
    const [own] = (
      await admin.query<{ id: string }>(`INSERT INTO competitors (organization_id, name) VALUES ($1, 'Concurrent A') RETURNING id`, [org])
    ).rows;
    const competitor = await create({
      kind: 'COMPETITOR',
      competitorId: own.id,
      name: 'Concurrent A',
      query: '"fournil du coin"',
      active: false,
    });
    expect(firstError(await gql(CREATE, { input: { kind: 'TOPIC', name: 'concurrent a', query: 'x' } })).extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
    });
    const bad = firstError(await gql(UPDATE, { input: { id: competitor.id, query: 'a OR (b' } }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.query', position: expect.any(Number) });
    expect((await queryById(competitor.id)).query).toBe('"fournil du coin"');
    expect(firstError(await gql(RUN, { input: { id: competitor.id } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LISTENING_QUERY_PAUSED',
    });

    // Hostile reads.
    expect(firstError(await gql(MENTIONS, { from: '2026-02-30T10:00:00Z' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect(firstError(await gql(MENTIONS, { after: 'bm90IGEgY3Vyc29y' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(firstError(await gql(MENTIONS, { queryId: 'nope' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'queryId' });
    expect(firstError(await gql(MENTIONS, { authorHandle: 'a\u0000b' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'authorHandle',
    });
  });

  it('another tenant can neither read nor change the queries and mentions', async () => {
    const q = await create({ kind: 'TOPIC', name: `Isolée ${randomUUID()}`, query: 'isolation', active: false });
    const [mention] = (
      await admin.query<{ id: string }>(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', $2, 'x', 'isolation secrète', now()) RETURNING id`,
        [org, randomUUID()],
      )
    ).rows;
    await admin.query('INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, now())', [
      org,
      q.id,
      mention.id,
    ]);
    expect((await queries(otherOrg)).map((x) => x.id)).not.toContain(q.id);
    expect((await mentions({}, otherOrg)).edges.map((e) => e.node.id)).not.toContain(mention.id);
    expect(firstError(await gql(MENTIONS, { queryId: q.id }, otherOrg)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'queryId' });
    expect(firstError(await gql(`{ mention(id: "${mention.id}") { text } }`, {}, otherOrg)).extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const [doc, input] of [
      [UPDATE, { id: q.id, name: 'pwned', active: true }],
      [DELETE, { id: q.id }],
      [RUN, { id: q.id }],
    ] as const) {
      expect(firstError(await gql(doc, { input }, otherOrg)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    }
    expect(await queryById(q.id)).toMatchObject({ name: q.name, active: false });
    expect(
      (await ok<{ mention: { text: string; queryIds: string[] } }>(`{ mention(id: "${mention.id}") { text queryIds } }`)).mention,
    ).toEqual({ text: 'isolation secrète', queryIds: [q.id] });
    // A job naming another tenant's query finds nothing there.
    expect(await run(q.id, otherOrg)).toEqual({ status: 'GONE', sources: [] });
  });

  it('counts the whole list in totalCount, queries and mentions: every page, the same filters, never another agency’s', async () => {
    type Counted = { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const counted = await createOrganization(api, owner, 'Client compté écoute');
    const plant = async (organizationId: string, source: string, text: string, queryId?: string) => {
      const [row] = (
        await admin.query<{ id: string }>(
          `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at)
           VALUES ($1, $2, $3, 'compteur', $4, now() - interval '1 hour') RETURNING id`,
          [organizationId, source, randomUUID(), text],
        )
      ).rows;
      if (queryId)
        await admin.query(
          'INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) SELECT organization_id, $2, id, published_at FROM mentions WHERE id = $1',
          [row.id, queryId],
        );
    };
    const queryPage = async (variables: Record<string, unknown>, organizationId = counted) =>
      (
        await ok<{ listeningQueries: Counted }>(
          'query ($first: Int, $after: String, $active: Boolean) { listeningQueries(first: $first, after: $after, active: $active) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }',
          variables,
          organizationId,
        )
      ).listeningQueries;
    const mentionPage = async (variables: Record<string, unknown>, organizationId = counted) =>
      (
        await ok<{ mentions: Counted }>(
          'query ($first: Int, $after: String, $queryId: ID, $source: String, $text: String) { mentions(first: $first, after: $after, queryId: $queryId, source: $source, text: $text) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }',
          variables,
          organizationId,
        )
      ).mentions;

    const topic = await create({ kind: 'TOPIC', name: 'Compté pain', query: 'pain', active: false }, counted);
    await create({ kind: 'TOPIC', name: 'Compté vélo', query: 'vélo', active: false }, counted);
    await create({ kind: 'TOPIC', name: 'Compté levain', query: 'levain', active: true }, counted);
    await plant(counted, 'mastodon', 'du pain frais', topic.id);
    await plant(counted, 'mastodon', 'encore du pain', topic.id);
    await plant(counted, 'rss', 'un vélo rouge');

    const firstQueries = await queryPage({ first: 1 });
    expect(firstQueries).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect((await queryPage({ first: 1, after: firstQueries.pageInfo.endCursor })).totalCount).toBe(3);
    expect((await queryPage({ first: 1, active: false })).totalCount).toBe(2);
    expect((await queryPage({ first: 1, active: true })).totalCount).toBe(1);

    const firstMentions = await mentionPage({ first: 2 });
    expect(firstMentions).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect((await mentionPage({ first: 2, after: firstMentions.pageInfo.endCursor })).totalCount).toBe(3);
    expect((await mentionPage({ first: 1, queryId: topic.id })).totalCount).toBe(2);
    expect((await mentionPage({ first: 1, source: 'rss' })).totalCount).toBe(1);
    expect((await mentionPage({ first: 1, text: 'pain' })).totalCount).toBe(2);

    // Another agency's queries and mentions, with the same words and networks, are not counted.
    const stranger = await signUpAgency(api, 'Agence Écoute étrangère');
    const strangerOrg = await createOrganization(api, stranger, 'Client étranger écoute');
    await api.ok(
      CREATE,
      { input: { kind: 'TOPIC', name: 'Étranger pain', query: 'pain', active: false } },
      { token: stranger.token, organizationId: strangerOrg },
    );
    await plant(strangerOrg, 'mastodon', 'le pain des autres');
    await plant(strangerOrg, 'rss', 'le vélo des autres');
    expect((await queryPage({ first: 1 })).totalCount).toBe(3);
    expect((await queryPage({ first: 1, active: false })).totalCount).toBe(2);
    expect((await mentionPage({ first: 1 })).totalCount).toBe(3);
    expect((await mentionPage({ first: 1, text: 'pain' })).totalCount).toBe(2);
    expect((await mentionPage({ first: 1, source: 'rss' })).totalCount).toBe(1);
  });
});
