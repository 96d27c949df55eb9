import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import type Redis from 'ioredis';
import request from 'supertest';
import { PublicationSweeper, PublishPublicationJob, PublishResult, wakeUpJobId } from '@socle/content';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the library's storage, to put a file where uploads go
import { MEDIA_STORAGE, MediaStorage } from '../../libs/domain/content/src/lib/media';
import { loadConfig } from '@socle/platform-config';
import { SecretBox } from '@socle/platform-crypto';
import { bullPrefix, JobQueues, REDIS } from '@socle/platform-queue';
import { AgencySession, createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, leaksIn, until } from './e2e-support';
import { listenToWebhooks, WebhookReceiver } from './webhook-receiver';

interface Publication {
  id: string;
  itemId: string;
  variantId: string | null;
  networkAccountId: string | null;
  network: string;
  dueAt: string;
  nextAttemptAt: string;
  status: string;
  attempts: number;
  externalId: string | null;
  externalUrl: string | null;
  publishedAt: string | null;
  deletedAt: string | null;
  lastErrorKind: string | null;
  lastError: string | null;
  attemptLog: { number: number; outcome: string | null; errorKind: string | null; message: string | null }[];
}
interface CrisisPause {
  id: string;
  active: boolean;
  reason: string | null;
  pausedBy: string | null;
  pausedAt: string | null;
  held: { id: string; status: string }[];
  publishing: { id: string }[];
}

const PUB =
  'id itemId variantId networkAccountId network dueAt nextAttemptAt status attempts externalId externalUrl publishedAt deletedAt lastErrorKind lastError attemptLog { number outcome errorKind message }';
const PAUSE = 'id active reason pausedBy pausedAt held { id status } publishing { id }';
const SCHEDULE = `mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { ${PUB} } }`;
const UNSCHEDULE = `mutation ($input: UnscheduleContentItemInput!) { unscheduleContentItem(input: $input) { ${PUB} } }`;
const RESCHEDULE = `mutation ($input: RescheduleContentItemInput!) { rescheduleContentItem(input: $input) { ${PUB} } }`;
const RETRY = `mutation ($input: PublicationIdInput!) { retryPublication(input: $input) { ${PUB} } }`;
const DELETE = `mutation ($input: PublicationIdInput!) { deletePublishedPost(input: $input) { ${PUB} } }`;
const SET_PAUSE = `mutation ($input: SetCrisisPauseInput!) { setCrisisPause(input: $input) { ${PAUSE} } }`;
const RESUME = `mutation ($input: ResumeAfterCrisisPauseInput!) { resumeAfterCrisisPause(input: $input) { released { id status dueAt } crisisPause { ${PAUSE} } } }`;
const UPDATE_ITEM = `mutation ($input: UpdateContentItemInput!) { updateContentItem(input: $input) { id status } }`;
const CANCEL_ITEM = `mutation ($input: CancelContentItemInput!) { cancelContentItem(input: $input) { id status } }`;
const LIST = `query ($itemId: ID, $status: PublicationStatus) { publications(first: 50, itemId: $itemId, status: $status) { edges { node { ${PUB} } } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/**
 * Publishing end to end: the API schedules, a worker publishes to the loopback
 * Mastodon, and the server is asked how many posts it holds. Nothing is lost
 * (a wake-up Redis dropped is found by the sweeper; a dead worker's lease is
 * taken over and `findPublished` asked first) and nothing is doubled (of
 * racing workers one claims; a retried call after a timeout is recognised).
 */
describe('publishing', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let worker: RunningWorker;
  let job: PublishPublicationJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let database: ReturnType<typeof ownTestDatabase>;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;

  const as = (organizationId = org) => ({ token: owner.token, organizationId });
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.gql<T>(query, variables, as(organizationId));
  const ok = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => api.ok<T>(query, variables, as());
  const publicationsOf = async (itemId: string) =>
    (await ok<{ publications: { edges: { node: Publication }[] } }>(LIST, { itemId })).publications.edges.map((e) => e.node);
  const itemStatus = async (itemId: string) =>
    (await admin.query<{ status: string }>('SELECT status FROM content_items WHERE id = $1', [itemId])).rows[0].status;
  const accountRow = async (id: string) =>
    (
      await admin.query<{ status: string; last_error: string | null }>('SELECT status, last_error FROM network_accounts WHERE id = $1', [
        id,
      ])
    ).rows[0];
  const makeDue = (publicationId: string) => admin.query('UPDATE publications SET next_attempt_at = now() WHERE id = $1', [publicationId]);

  const connect = async (username: string, organizationId = org) => {
    const res = await api.ok<{ connectNetworkAccount: { id: string } }>(
      'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
      { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
      as(organizationId),
    );
    return res.connectNetworkAccount.id;
  };

  /** Connects (or reconnects) `username` through the whole OAuth dance: its credentials hold a refresh token. */
  const connectOAuth = async (username: string): Promise<string> => {
    mastodon.signIn(username);
    const start = await ok<{ startNetworkOAuth: { authorizationUrl: string } }>(
      'mutation ($input: StartNetworkOAuthInput!) { startNetworkOAuth(input: $input) { authorizationUrl } }',
      { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl } },
    );
    const consent = await fetch(start.startNetworkOAuth.authorizationUrl, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') as string);
    const res = await request(api.server).get(`/oauth/callback${back.search}`).set('accept', 'application/json');
    expect(res.status).toBe(200);
    return res.body.account.id as string;
  };
  const box = SecretBox.fromConfig(process.env.ENCRYPTION_KEYS, process.env.ENCRYPTION_ACTIVE_KEY);
  const secretsOf = async (id: string): Promise<Record<string, string>> => {
    const [row] = (await admin.query<{ c: string }>('SELECT credentials_ciphertext AS c FROM network_accounts WHERE id = $1', [id])).rows;
    return (JSON.parse(box.decrypt(row.c, `${org}:${id}`)) as { secrets: Record<string, string> }).secrets;
  };
  const refreshCalls = () =>
    mastodon.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/oauth/token') && r.params.grant_type === 'refresh_token')
      .length;

  /** An APPROVED item with one variant per account (written as owner: approvals are another part's journey). */
  const approvedItem = async (
    accountIds: (string | null)[],
    text = `Fournée-${randomBytes(4).toString('hex')} du jour`,
    organizationId = org,
  ) => {
    const item = (
      await admin.query<{ id: string }>(
        `INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Le pain du jour', 'APPROVED') RETURNING id`,
        [organizationId],
      )
    ).rows[0].id;
    for (const accountId of accountIds) {
      await admin.query(
        'INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) VALUES ($1, $2, $3, $4, $5)',
        [organizationId, item, accountId, 'mastodon', text],
      );
    }
    return { itemId: item, text };
  };

  const schedule = async (itemId: string, dueAt = inSeconds(60), accountIds?: string[]) =>
    (await ok<{ scheduleContentItem: Publication[] }>(SCHEDULE, { input: { itemId, dueAt, accountIds } })).scheduleContentItem;

  const pauseWorker = () => Promise.all(worker.workers.map((w) => w.pause()));
  const resumeWorker = () => worker.workers.forEach((w) => w.resume());

  beforeAll(async () => {
    // Tokens issued through OAuth come with a refresh token (personal access tokens have none).
    mastodon = await MastodonTestServer.start({ tokenLifetimeSeconds: 3600 });
    // A database of its own: the sweepers of the workers other suites run on the shared one would publish what these
    // tests hold due on purpose (a paused worker, a wake-up Redis lost), and these tests' sweeper theirs.
    database = ownTestDatabase();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '1000', ...database.env });
    worker = await createWorker(
      loadConfig({
        ...process.env,
        ...database.env,
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        CONNECTOR_TIMEOUT_MS: '1000',
        PUBLISHING_SWEEP_SECONDS: '1',
      }),
      { reconcileEveryMs: 600_000 },
    );
    job = worker.context.get(PublishPublicationJob, { strict: false });
    admin = await adminDatabase(database);
    owner = await signUpAgency(api, 'Agence Publication');
    org = await createOrganization(api, owner, 'Boulangerie Publication');
    otherOrg = await createOrganization(api, owner, 'Autre client');
    // What a publication told the webhooks is read from the outbox, written only while an endpoint listens.
    receiver = await new WebhookReceiver().start();
    await listenToWebhooks(api, owner, org, receiver, ['publication.published', 'publication.failed']);
  });
  afterAll(async () => {
    await receiver?.stop();
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
    if (database) await dropTestDatabase(database.name);
  });

  it('publishes each variant once at its time, records the post, and the item becomes PUBLISHED', async () => {
    const [a, b] = [await connect('fournil'), await connect('fournil-bis')];
    const { itemId, text } = await approvedItem([a, b]);
    const scheduled = await schedule(itemId, inSeconds(1));
    expect(scheduled).toHaveLength(2);
    expect(scheduled.map((p) => p.status)).toEqual(['SCHEDULED', 'SCHEDULED']);
    expect(await itemStatus(itemId)).toBe('SCHEDULED');

    const done = await until(
      'both published',
      () => publicationsOf(itemId),
      (ps) => ps.every((p) => p.status === 'PUBLISHED'),
    );
    for (const [publication, username] of [
      [done.find((p) => p.networkAccountId === a), 'fournil'],
      [done.find((p) => p.networkAccountId === b), 'fournil-bis'],
    ] as const) {
      const posts = mastodon.statusesOf(username);
      expect(posts).toHaveLength(1);
      expect(String(posts[0].content)).toContain(text);
      expect(publication).toMatchObject({ externalId: posts[0].id, externalUrl: posts[0].url, attempts: 1, lastError: null });
      expect(publication?.attemptLog).toEqual([{ number: 1, outcome: 'PUBLISHED', errorKind: null, message: null }]);
    }
    await until(
      'item published',
      () => itemStatus(itemId),
      (s) => s === 'PUBLISHED',
    );
    const actions = (
      await admin.query<{ action: string }>('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id', [itemId])
    ).rows.map((r) => r.action);
    expect(actions).toEqual(['content.scheduled', 'content.publishing', 'content.published']);
    // Every publication's key is its own, and never changes between attempts.
    const keys = (await admin.query<{ idempotency_key: string }>('SELECT idempotency_key FROM publications WHERE item_id = $1', [itemId]))
      .rows;
    expect(new Set(keys.map((k) => k.idempotency_key)).size).toBe(2);
    // Each publication told the webhooks once, in the transaction that recorded it.
    const told = await admin.query<{ data: { publicationId: string; externalId: string } }>(
      `SELECT data FROM webhook_events WHERE type = 'publication.published' AND data->>'contentItemId' = $1`,
      [itemId],
    );
    expect(told.rows.map((r) => r.data.publicationId).sort()).toEqual(done.map((p) => p.id).sort());
    expect(told.rows.map((r) => r.data.externalId).sort()).toEqual(done.map((p) => p.externalId).sort());
  });

  it('publishes a variant’s media from the library', async () => {
    const a = await connect('photo');
    // A 1×1 PNG stored as the library stores uploads.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const stored = await worker.context.get<MediaStorage>(MEDIA_STORAGE, { strict: false }).put(Readable.from([png]));
    const asset = (
      await admin.query<{ id: string }>(
        `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height) VALUES ($1, $2, 'image/png', $3, $4, 1, 1) RETURNING id`,
        [org, stored.key, stored.size, stored.sha256],
      )
    ).rows[0].id;
    const { itemId } = await approvedItem([a]);
    await admin.query('UPDATE content_variants SET media_ids = ARRAY[$2::uuid] WHERE item_id = $1', [itemId, asset]);
    await schedule(itemId, inSeconds(1));
    await until(
      'published',
      () => publicationsOf(itemId),
      ([p]) => p.status === 'PUBLISHED',
    );
    const [post] = mastodon.statusesOf('photo');
    expect(post.media_attachments).toEqual([expect.objectContaining({ type: 'image' })]);
  });

  it('refuses a past time, unknown, foreign or disconnected accounts and variants without an account, naming the field, storing nothing', async () => {
    const a = await connect('refus');
    const reauth = await connect('refus-reauth');
    await admin.query("UPDATE network_accounts SET status = 'NEEDS_REAUTH' WHERE id = $1", [reauth]);
    const foreign = await connect('autre', otherOrg);
    const { itemId } = await approvedItem([a, reauth]);
    const count = async () => Number((await admin.query('SELECT count(*) FROM publications WHERE item_id = $1', [itemId])).rows[0].count);
    const refused = async (input: Record<string, unknown>) =>
      firstError(await gql(SCHEDULE, { input: { itemId, dueAt: inSeconds(60), ...input } })).extensions;

    expect(await refused({ dueAt: new Date(Date.now() - 60_000).toISOString(), accountIds: [a] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueAt',
    });
    expect(await refused({ accountIds: [randomUUID()] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountIds[0]' });
    expect(await refused({ accountIds: [a, foreign] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountIds[1]' });
    const disconnected = await refused({ accountIds: [reauth] });
    expect(disconnected).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountIds[0]' });
    expect(JSON.stringify(disconnected.problems)).toContain('connected again');
    // Without accountIds, every variant goes: the NEEDS_REAUTH one is refused, on the item.
    expect(await refused({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.itemId' });
    // A variant whose account was disconnected (null) cannot be scheduled.
    const orphan = await approvedItem([null]);
    expect(firstError(await gql(SCHEDULE, { input: { itemId: orphan.itemId, dueAt: inSeconds(60) } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.itemId',
    });
    // Hostile values: NUL, an impossible date, another tenant's item.
    const nul = await gql(SCHEDULE, { input: { itemId: `${itemId}\u0000`, dueAt: inSeconds(60) } });
    expect(firstError(nul).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.itemId' });
    const impossible = firstError(await gql(SCHEDULE, { input: { itemId, dueAt: '2026-02-30T25:00:00Z' } }));
    expect(impossible.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueAt' });
    expect(impossible.message).toMatch(/got "2026-02-30T25:00:00Z": that date or time does not exist\.$/);
    const other = await approvedItem([foreign], undefined, otherOrg);
    expect(firstError(await gql(SCHEDULE, { input: { itemId: other.itemId, dueAt: inSeconds(60) } })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.itemId',
    });
    expect(await count()).toBe(0);
    expect(await itemStatus(itemId)).toBe('APPROVED');
    expect(await itemStatus(other.itemId)).toBe('APPROVED');

    // Valid: only the healthy account.
    expect((await schedule(itemId, inSeconds(3600), [a])).map((p) => p.networkAccountId)).toEqual([a]);
    expect(firstError(await gql(SCHEDULE, { input: { itemId, dueAt: inSeconds(60), accountIds: [a] } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
    });
  });

  it('reschedules, unschedules (cancelling what was pending) and schedules again', async () => {
    const a = await connect('agenda');
    const { itemId } = await approvedItem([a]);
    const [first] = await schedule(itemId, inSeconds(3600));
    const later = inSeconds(7200);
    const [moved] = (await ok<{ rescheduleContentItem: Publication[] }>(RESCHEDULE, { input: { itemId, dueAt: later } }))
      .rescheduleContentItem;
    expect(moved).toMatchObject({ id: first.id, dueAt: later, nextAttemptAt: later, status: 'SCHEDULED' });
    expect(firstError(await gql(RESCHEDULE, { input: { itemId, dueAt: '2000-01-01T00:00:00Z' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueAt',
    });
    const [cancelled] = (await ok<{ unscheduleContentItem: Publication[] }>(UNSCHEDULE, { input: { itemId } })).unscheduleContentItem;
    expect(cancelled).toMatchObject({ id: first.id, status: 'CANCELLED' });
    expect(await itemStatus(itemId)).toBe('APPROVED');
    expect(firstError(await gql(UNSCHEDULE, { input: { itemId } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
    });
    const [again] = await schedule(itemId, inSeconds(3600));
    expect(again.id).not.toBe(first.id);
    // A wake-up for the cancelled one finds nothing to do.
    await makeDue(first.id);
    expect(await job.handle({ organizationId: org, publicationId: first.id })).toMatchObject({ status: 'CANCELLED', outcome: 'skipped' });
    // An item sent back to draft (edited) takes its pending publications off the schedule when their time comes.
    await admin.query("UPDATE content_items SET status = 'DRAFT' WHERE id = $1", [itemId]);
    await makeDue(again.id);
    expect(await job.handle({ organizationId: org, publicationId: again.id })).toEqual({ status: 'CANCELLED', outcome: 'skipped' });
    expect(mastodon.statusesOf('agenda')).toHaveLength(0);
  });

  it('an item leaving the schedule (edited back to DRAFT, cancelled) cancels its pending publications at once, never one being sent or sent', async () => {
    const accounts = [
      await connect('quitte-1'),
      await connect('quitte-2'),
      await connect('quitte-3'),
      await connect('quitte-4'),
      await connect('quitte-5'),
    ];
    const { itemId } = await approvedItem(accounts);
    const scheduled = await schedule(itemId, inSeconds(3600));
    const of = (i: number) => scheduled.find((p) => p.networkAccountId === accounts[i]) as Publication;
    await admin.query("UPDATE publications SET status = 'HELD' WHERE id = $1", [of(1).id]);
    await admin.query("UPDATE publications SET status = 'NEEDS_REAUTH' WHERE id = $1", [of(2).id]);
    await admin.query(
      "UPDATE publications SET status = 'PUBLISHING', leased_by = 'elsewhere', lease_until = now() + interval '1 hour' WHERE id = $1",
      [of(3).id],
    );
    await admin.query("UPDATE publications SET status = 'PUBLISHED', external_id = '1', published_at = now() WHERE id = $1", [of(4).id]);
    const edited = (await ok<{ updateContentItem: { status: string } }>(UPDATE_ITEM, { input: { id: itemId, title: 'Le pain de demain' } }))
      .updateContentItem;
    expect(edited.status).toBe('DRAFT');
    const after = new Map((await publicationsOf(itemId)).map((p) => [p.id, p]));
    for (const i of [0, 1, 2]) {
      expect(after.get(of(i).id)).toMatchObject({ status: 'CANCELLED', lastError: 'its content item went from SCHEDULED to DRAFT' });
    }
    expect(after.get(of(3).id)?.status).toBe('PUBLISHING');
    expect(after.get(of(4).id)?.status).toBe('PUBLISHED');
    // The calendar's list shows nothing waiting any more.
    expect((await ok<{ publications: { edges: unknown[] } }>(LIST, { itemId, status: 'SCHEDULED' })).publications.edges).toEqual([]);

    // Cancelled outright: the same.
    const b = await approvedItem([accounts[0]]);
    const [pending] = await schedule(b.itemId, inSeconds(3600));
    expect(
      (await ok<{ cancelContentItem: { status: string } }>(CANCEL_ITEM, { input: { id: b.itemId, reason: 'Plus de levain' } }))
        .cancelContentItem.status,
    ).toBe('CANCELLED');
    expect((await publicationsOf(b.itemId))[0]).toMatchObject({
      id: pending.id,
      status: 'CANCELLED',
      lastError: 'its content item went from SCHEDULED to CANCELLED',
    });
    // A refused edit (hostile input) changes nothing, publications included.
    const c = await approvedItem([accounts[0]]);
    await schedule(c.itemId, inSeconds(3600));
    expect(firstError(await gql(UPDATE_ITEM, { input: { id: c.itemId, title: 'nul\u0000' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await publicationsOf(c.itemId))[0].status).toBe('SCHEDULED');
    expect(await itemStatus(c.itemId)).toBe('SCHEDULED');
  });

  it('of several workers claiming the same publication at once, exactly one publishes', async () => {
    const a = await connect('course');
    const { itemId } = await approvedItem([a]);
    const [publication] = await schedule(itemId, inSeconds(3600));
    // Two more worker processes (their own sweepers kept quiet), plus the running one: nine claims on separate connections.
    const others = await Promise.all(
      [1, 2].map(() =>
        createWorker(
          loadConfig({
            ...process.env,
            ...database.env,
            QUEUE_PREFIX: `${api.config.QUEUE_PREFIX}-x${randomBytes(2).toString('hex')}`,
            PUBLISHING_SWEEP_SECONDS: '3600',
          }),
          { reconcileEveryMs: 600_000 },
        ),
      ),
    );
    await pauseWorker();
    try {
      const jobs = [job, ...others.map((w) => w.context.get(PublishPublicationJob, { strict: false }))];
      // The network answers slowly: the winner holds its lease while the others try.
      mastodon.inject({ type: 'slow', delayMs: 300 }, 1, /^POST \/api\/v1\/statuses$/);
      await makeDue(publication.id);
      const results: PublishResult[] = await Promise.all(
        jobs.flatMap((j) => [1, 2, 3].map(() => j.handle({ organizationId: org, publicationId: publication.id }))),
      );
      expect(results.filter((r) => r.outcome === 'published')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'skipped')).toHaveLength(8);
      expect(mastodon.statusesOf('course')).toHaveLength(1);
      const [after] = await publicationsOf(itemId);
      expect(after).toMatchObject({ status: 'PUBLISHED', attempts: 1 });
      expect(after.attemptLog).toHaveLength(1);
    } finally {
      resumeWorker();
      await Promise.all(others.map((w) => w.close()));
    }
  });

  it('a wake-up Redis lost is found again by the sweeper', async () => {
    const a = await connect('perdu');
    const { itemId } = await approvedItem([a]);
    await pauseWorker();
    try {
      const [publication] = await schedule(itemId, inSeconds(1));
      const queue = api.app.get(JobQueues).queue('publishing');
      await until(
        'the wake-up queued',
        () => queue.getJob(wakeUpJobId(org, new Date(publication.nextAttemptAt))),
        (j) => !!j,
      );
      // Redis loses the queue: every key of it.
      const redis = worker.context.get<Redis>(REDIS);
      const keys = await redis.keys(`${bullPrefix(api.config.QUEUE_PREFIX, 'publishing')}:publishing:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      expect(await queue.getJob(wakeUpJobId(org, new Date(publication.nextAttemptAt)))).toBeUndefined();
    } finally {
      resumeWorker();
    }
    await until(
      'published after the sweep',
      () => publicationsOf(itemId),
      ([p]) => p.status === 'PUBLISHED',
      20_000,
    );
    expect(mastodon.statusesOf('perdu')).toHaveLength(1);
  });

  it('the sweeper leaves an organisation whose wake-up still waits in Redis, and wakes it once that one started, is gone or is old', async () => {
    const organizationId = await createOrganization(api, owner, 'Client Réveillé');
    const a = await connect('reveil', organizationId);
    const { itemId } = await approvedItem([a], 'Réveil du jour', organizationId);
    const queue = api.app.get(JobQueues).queue('publishing');
    const redis = worker.context.get<Redis>(REDIS);
    // The worker's own sweeper (every second) is stopped meanwhile: only the sweeps this test runs wake anything.
    const sweeper = worker.context.get(PublicationSweeper, { strict: false });
    sweeper.onApplicationShutdown();
    // A sweep already under way finishes first (before the publication below is even due).
    await sleep(1000);
    /** The sweep's wake-up of the organisation in the lease period of now (or of the moment `around` ran in). */
    const swept = async (around: () => Promise<unknown>) => {
      const periods = [Math.floor(Date.now() / job.leaseMs)];
      await around();
      periods.push(Math.floor(Date.now() / job.leaseMs));
      const jobs = await Promise.all(periods.map((period) => queue.getJob(wakeUpJobId(organizationId, `sweep-${period}`))));
      for (const found of jobs) await found?.remove();
      return jobs.some((found) => !!found);
    };
    await pauseWorker();
    try {
      const [publication] = (
        await api.ok<{ scheduleContentItem: Publication[] }>(SCHEDULE, { input: { itemId, dueAt: inSeconds(1) } }, as(organizationId))
      ).scheduleContentItem;
      const wakeUpId = wakeUpJobId(organizationId, new Date(publication.nextAttemptAt));
      await until(
        'the wake-up queued',
        () => queue.getJob(wakeUpId),
        (j) => !!j,
      );
      await sleep(Math.max(0, new Date(publication.nextAttemptAt).getTime() - Date.now()) + 200);
      // Due, and its wake-up waits (the worker is paused): the sweeper adds none.
      expect(await swept(() => job.reconcile())).toBe(false);
      // A worker took it (and may have died with it): the sweeper wakes the organisation.
      await redis.hset(queue.toKey(wakeUpId), 'processedOn', String(Date.now()));
      expect(await swept(() => job.reconcile())).toBe(true);
      await redis.hdel(queue.toKey(wakeUpId), 'processedOn');
      expect(await swept(() => job.reconcile())).toBe(false);
      // A wake-up still waiting one lease after its time is not trusted any more.
      const leaseMs = job.leaseMs;
      job.leaseMs = 100;
      try {
        expect(await swept(() => job.reconcile())).toBe(true);
      } finally {
        job.leaseMs = leaseMs;
      }
      // Something else than a job under its key (a stray write): woken, the sweep not stopped by it.
      await (await queue.getJob(wakeUpId))?.remove();
      await redis.set(queue.toKey(wakeUpId), 'not a job');
      expect(await swept(() => job.reconcile())).toBe(true);
      await redis.del(queue.toKey(wakeUpId));
      // Gone from Redis: woken, once however many sweeps run at once (one job id per lease period).
      const periodBefore = Math.floor(Date.now() / job.leaseMs);
      await Promise.all([1, 2, 3, 4, 5].map(() => job.reconcile()));
      const periods = new Set([periodBefore, Math.floor(Date.now() / job.leaseMs)]);
      const wakeUps = (await queue.getJobs(['wait', 'delayed', 'prioritized'])).filter(
        (j) => (j.data as { organizationId?: string }).organizationId === organizationId,
      );
      // Every wake-up of the organisation is the sweep's of a period the sweeps ran in: one per period (two only across a boundary).
      expect(wakeUps.length).toBeGreaterThanOrEqual(1);
      const sweepIds = [...periods].map((p) => wakeUpJobId(organizationId, `sweep-${p}`));
      for (const wakeUp of wakeUps) expect(sweepIds).toContain(wakeUp.id);
      for (const wakeUp of wakeUps) await wakeUp.remove();
      // An expired lease wakes its organisation whatever waits: a wake-up queued again for the due time does not hold it back.
      await queue.add('PublishPublicationJob', { organizationId }, { jobId: wakeUpId, delay: 60_000, removeOnComplete: true });
      expect(await swept(() => job.reconcile())).toBe(false);
      await admin.query(
        `UPDATE publications SET status = 'PUBLISHING', lease_until = now() - interval '1 second', leased_by = 'dead-worker', attempts = 1 WHERE id = $1`,
        [publication.id],
      );
      expect(await swept(() => job.reconcile())).toBe(true);
      await admin.query(`UPDATE publications SET status = 'SCHEDULED', lease_until = NULL, leased_by = NULL, attempts = 0 WHERE id = $1`, [
        publication.id,
      ]);
      await (await queue.getJob(wakeUpId))?.remove();
    } finally {
      sweeper.onApplicationBootstrap();
      resumeWorker();
    }
    // The worker's own sweeper wakes it now that no wake-up waits: published once.
    await until(
      'published after the sweep',
      () => admin.query<{ status: string }>('SELECT status FROM publications WHERE item_id = $1', [itemId]).then((r) => r.rows),
      ([p]) => p.status === 'PUBLISHED',
      20_000,
    );
    expect(mastodon.statusesOf('reveil')).toHaveLength(1);
  });

  it('the crisis pause holds what is scheduled, even a wake-up already queued, lists it, and resume releases it', async () => {
    const a = await connect('crise');
    const { itemId } = await approvedItem([a]);
    const [publication] = await schedule(itemId, inSeconds(1));
    const paused = (await ok<{ setCrisisPause: CrisisPause }>(SET_PAUSE, { input: { on: true, reason: 'Incident en cours' } }))
      .setCrisisPause;
    expect(paused).toMatchObject({ active: true, reason: 'Incident en cours', pausedBy: owner.userId });
    expect(paused.held).toEqual(expect.arrayContaining([{ id: publication.id, status: 'HELD' }]));
    expect(firstError(await gql(SET_PAUSE, { input: { on: true, reason: 'encore' } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CRISIS_PAUSE_ALREADY_ON',
    });
    expect(firstError(await gql(SET_PAUSE, { input: { on: true } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    // The queued wake-up fires, the sweeper runs: nothing goes out.
    await sleep(2500);
    expect((await publicationsOf(itemId))[0].status).toBe('HELD');
    expect(mastodon.statusesOf('crise')).toHaveLength(0);
    // Even a publication SCHEDULED at the instant of the pause is not claimed: the claim itself checks the pause.
    await admin.query("UPDATE publications SET status = 'SCHEDULED', next_attempt_at = now() WHERE id = $1", [publication.id]);
    expect(await job.handle({ organizationId: org, publicationId: publication.id })).toEqual({ status: 'SCHEDULED', outcome: 'skipped' });
    await admin.query("UPDATE publications SET status = 'HELD' WHERE id = $1", [publication.id]);
    // A new schedule during the pause is held at once.
    const b = await approvedItem([a]);
    expect((await schedule(b.itemId, inSeconds(1))).map((p) => p.status)).toEqual(['HELD']);
    const listed = (await ok<{ crisisPause: CrisisPause }>(`{ crisisPause { ${PAUSE} } }`)).crisisPause;
    expect(listed.held.map((p) => p.id)).toEqual(expect.arrayContaining([publication.id]));

    expect(firstError(await gql(RESUME, { input: { rescheduleOverdueTo: '2001-01-01T00:00:00Z' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.rescheduleOverdueTo',
    });
    const to = inSeconds(1);
    const resumed = (
      await ok<{ resumeAfterCrisisPause: { released: { id: string; status: string; dueAt: string }[]; crisisPause: CrisisPause } }>(
        RESUME,
        { input: { rescheduleOverdueTo: to } },
      )
    ).resumeAfterCrisisPause;
    expect(resumed.crisisPause).toMatchObject({ active: false, held: [] });
    // One pause per organisation, under one id whether on or off, whichever operation answers it; another organisation's differs.
    expect([listed.id, resumed.crisisPause.id]).toEqual([paused.id, paused.id]);
    const elsewhere = await gql<{ crisisPause: { id: string } }>('{ crisisPause { id } }', {}, otherOrg);
    expect(elsewhere.body.data?.crisisPause.id).toEqual(expect.any(String));
    expect(elsewhere.body.data?.crisisPause.id).not.toBe(paused.id);
    expect(resumed.released).toEqual(expect.arrayContaining([{ id: publication.id, status: 'SCHEDULED', dueAt: to }]));
    expect(firstError(await gql(RESUME, { input: {} })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'CRISIS_PAUSE_NOT_ON' });
    await until(
      'released and published',
      () => publicationsOf(itemId),
      ([p]) => p.status === 'PUBLISHED',
    );
    await until(
      'the second one too',
      () => publicationsOf(b.itemId),
      ([p]) => p.status === 'PUBLISHED',
    );
    expect(mastodon.statusesOf('crise')).toHaveLength(2);
    const audit = (
      await admin.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'content.crisis%' ORDER BY occurred_at",
        [org],
      )
    ).rows;
    expect(audit.map((r) => r.action)).toEqual(['content.crisis_paused', 'content.crisis_resumed']);
  });

  describe('when the network fails', () => {
    beforeAll(pauseWorker);
    afterAll(() => {
      mastodon.clearInjections();
      resumeWorker();
    });

    const scheduledDue = async (username: string) => {
      const account = await connect(username);
      const { itemId, text } = await approvedItem([account]);
      const [publication] = await schedule(itemId, inSeconds(3600));
      await makeDue(publication.id);
      return { account, itemId, text, publication };
    };
    const run = (publicationId: string) => job.handle({ organizationId: org, publicationId });
    const read = async (itemId: string) => (await publicationsOf(itemId))[0];

    it('a 500 is retried later with back-off and the account stays connected; the retry publishes once', async () => {
      const { account, itemId, publication } = await scheduledDue('panne');
      mastodon.inject({ type: 'html-error', status: 500 }, 1, /^POST \/api\/v1\/statuses$/);
      expect(await run(publication.id)).toEqual({ status: 'SCHEDULED', outcome: 'retry' });
      const failed = await read(itemId);
      expect(failed).toMatchObject({ status: 'SCHEDULED', lastErrorKind: 'TRANSIENT', attempts: 1 });
      expect(failed.lastError).toMatch(/HTTP 500/);
      expect(failed.lastError).not.toMatch(/html|nginx/i);
      const wait = new Date(failed.nextAttemptAt).getTime() - Date.now();
      expect(wait).toBeGreaterThan(10_000);
      expect(wait).toBeLessThanOrEqual(30_000);
      expect((await accountRow(account)).status).toBe('OK');
      // Not due yet: a wake-up now does nothing.
      expect(await run(publication.id)).toMatchObject({ outcome: 'skipped' });
      await makeDue(publication.id);
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf('panne')).toHaveLength(1);
      expect((await read(itemId)).attemptLog.map((x) => x.outcome)).toEqual(['RETRY', 'PUBLISHED']);

      // Each attempt has an id of its own, the same in the list and in the publication read alone.
      type Attempts = { attemptLog: { id: string; number: number }[] };
      const alone = await ok<{ publication: Attempts }>('query ($id: ID!) { publication(id: $id) { attemptLog { id number } } }', {
        id: publication.id,
      });
      const listed = await ok<{ publications: { edges: { node: Attempts }[] } }>(
        'query ($itemId: ID) { publications(first: 5, itemId: $itemId) { edges { node { attemptLog { id number } } } } }',
        { itemId },
      );
      const ids = alone.publication.attemptLog.map((x) => x.id);
      expect(listed.publications.edges[0].node.attemptLog).toEqual(alone.publication.attemptLog);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    });

    it('a 429 waits for Retry-After, blocks the account for every worker, and never disconnects it', async () => {
      const { account, itemId, publication } = await scheduledDue('limite');
      mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 40 }, 1, /^POST \/api\/v1\/statuses$/);
      expect(await run(publication.id)).toEqual({ status: 'SCHEDULED', outcome: 'retry' });
      const limited = await read(itemId);
      expect(limited).toMatchObject({ status: 'SCHEDULED', lastErrorKind: 'RATE_LIMITED' });
      expect(new Date(limited.nextAttemptAt).getTime() - Date.now()).toBeGreaterThan(35_000);
      expect((await accountRow(account)).status).toBe('OK');
      // A wait of the network's: the item shows as scheduled meanwhile, not publishing.
      expect(await itemStatus(itemId)).toBe('SCHEDULED');
      // Woken early, the account's block (shared through Redis) still holds it back.
      await makeDue(publication.id);
      expect(await run(publication.id)).toEqual({ status: 'SCHEDULED', outcome: 'retry' });
      expect(mastodon.statusesOf('limite')).toHaveLength(0);
      expect((await read(itemId)).attemptLog.map((x) => x.outcome)).toEqual(['RATE_LIMITED', 'SKIPPED']);
      // The wait is over.
      const redis = worker.context.get<Redis>(REDIS);
      await redis.del(`${api.config.QUEUE_PREFIX}:account-rate:{${account}}:blocked`);
      await makeDue(publication.id);
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf('limite')).toHaveLength(1);
      expect(await itemStatus(itemId)).toBe('PUBLISHED');
    });

    it('a call that timed out after reaching the network is not published twice', async () => {
      const { itemId, publication } = await scheduledDue('lent');
      // Slower than the 1 s connector timeout; the instance still creates the post.
      mastodon.inject({ type: 'slow', delayMs: 1500 }, 1, /^POST \/api\/v1\/statuses$/);
      expect(await run(publication.id)).toEqual({ status: 'SCHEDULED', outcome: 'retry' });
      expect((await read(itemId)).lastErrorKind).toBe('TRANSIENT');
      await until(
        'the slow post made',
        async () => mastodon.statusesOf('lent').length,
        (n) => n === 1,
      );
      await makeDue(publication.id);
      const result = await run(publication.id);
      expect(result.status).toBe('PUBLISHED');
      expect(mastodon.statusesOf('lent')).toHaveLength(1);
      expect((await read(itemId)).externalId).toBe(mastodon.statusesOf('lent')[0].id);
    });

    it('a lease left by a dead worker is taken over, and findPublished finds the post it had made', async () => {
      const { itemId, text, publication } = await scheduledDue('fantome');
      // The dead worker claimed, posted, and died before recording.
      await admin.query(
        `UPDATE publications SET status = 'PUBLISHING', lease_until = now() - interval '1 second', leased_by = 'dead-worker', attempts = 1 WHERE id = $1`,
        [publication.id],
      );
      await admin.query(
        `INSERT INTO publication_attempts (organization_id, publication_id, number, worker) VALUES ($1, $2, 1, 'dead-worker')`,
        [org, publication.id],
      );
      await admin.query("UPDATE content_items SET status = 'PUBLISHING' WHERE id = $1", [itemId]);
      const posted = mastodon.postAs('fantome', text);
      // The sweeper finds the expired lease.
      const due = await job.reconcile();
      expect(due).toBeGreaterThan(0);
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'found' });
      expect(mastodon.statusesOf('fantome')).toHaveLength(1);
      const after = await read(itemId);
      expect(after).toMatchObject({ status: 'PUBLISHED', externalId: posted.id, attempts: 2 });
      expect(after.attemptLog.map((x) => x.outcome)).toEqual(['ABANDONED', 'FOUND']);
      expect(await itemStatus(itemId)).toBe('PUBLISHED');
    });

    it('a post the network refuses FAILS with the network’s reason, and the item with it; a retry is possible', async () => {
      const account = await connect('rejet-compte');
      const { itemId } = await approvedItem([account]);
      const [publication] = await schedule(itemId, inSeconds(3600));
      await makeDue(publication.id);
      mastodon.inject(
        { type: 'status', status: 422, body: { error: 'Validation failed: Text contains a word the instance refuses' } },
        1,
        /^POST \/api\/v1\/statuses$/,
      );
      expect(await run(publication.id)).toEqual({ status: 'FAILED', outcome: 'failed' });
      const failed = await read(itemId);
      expect(failed).toMatchObject({ status: 'FAILED', lastErrorKind: 'REJECTED' });
      expect(failed.lastError).toMatch(/the network refused the post: .*Text contains a word the instance refuses/);
      expect(await itemStatus(itemId)).toBe('FAILED');
      expect((await accountRow(account)).status).toBe('OK');
      // Fixed (as an editor would), then retried.
      const retried = (await ok<{ retryPublication: Publication }>(RETRY, { input: { id: publication.id } })).retryPublication;
      expect(retried.status).toBe('SCHEDULED');
      expect(await itemStatus(itemId)).toBe('SCHEDULED');
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(await itemStatus(itemId)).toBe('PUBLISHED');
      expect(firstError(await gql(RETRY, { input: { id: publication.id } })).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PUBLICATION_NOT_RETRYABLE',
      });
    });

    it('credentials refused twice (the check between finds nothing to refresh) hold the publication and flag the account; reconnecting releases it at its due time', async () => {
      const account = await connect('expire');
      const { itemId } = await approvedItem([account]);
      const [publication] = await schedule(itemId, inSeconds(3600));
      await makeDue(publication.id);
      const [{ credentials }] = (
        await admin.query<{ credentials: string }>('SELECT credentials_ciphertext AS credentials FROM network_accounts WHERE id = $1', [
          account,
        ])
      ).rows;
      expect(credentials).toBeTruthy();
      // The publish is refused, the check accepts the token (nothing to refresh), the publish again with the same key is refused too.
      mastodon.inject({ type: 'status', status: 401, body: { error: 'The access token is invalid' } }, 2, /^POST \/api\/v1\/statuses$/);
      expect(await run(publication.id)).toEqual({ status: 'NEEDS_REAUTH', outcome: 'held' });
      const held = await read(itemId);
      expect(held).toMatchObject({ status: 'NEEDS_REAUTH', lastErrorKind: 'AUTH_EXPIRED', attempts: 1 });
      expect(held.attemptLog.map((x) => x.outcome)).toEqual(['NEEDS_REAUTH']);
      const flagged = await accountRow(account);
      expect(flagged.status).toBe('NEEDS_REAUTH');
      // Flagged, not disconnected: the row and its credentials are still there.
      expect(
        (await admin.query('SELECT credentials_ciphertext FROM network_accounts WHERE id = $1', [account])).rows[0].credentials_ciphertext,
      ).toBe(credentials);
      expect(await itemStatus(itemId)).toBe('PUBLISHING');
      expect(mastodon.statusesOf('expire')).toHaveLength(0);

      // Connecting the account again releases it: SCHEDULED, next attempt at its due time (later than now), its wake-up queued.
      await connect('expire');
      expect((await accountRow(account)).status).toBe('OK');
      const released = await read(itemId);
      expect(released).toMatchObject({ status: 'SCHEDULED', lastErrorKind: null, lastError: null, nextAttemptAt: publication.dueAt });
      const queue = api.app.get(JobQueues).queue('publishing');
      await until(
        'its wake-up queued',
        () => queue.getJob(wakeUpJobId(org, new Date(publication.dueAt))),
        (j) => !!j,
      );
      const audit = (
        await admin.query<{ metadata: { publications: string[] } }>(
          "SELECT metadata FROM audit_events WHERE action = 'content.publications_released' AND target_id = $1",
          [account],
        )
      ).rows;
      expect(audit).toEqual([{ metadata: expect.objectContaining({ publications: [publication.id], held: false }) }]);
      await makeDue(publication.id);
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf('expire')).toHaveLength(1);
    });

    it('one refusal the check does not confirm is published on the second call, with the same key, the account left OK', async () => {
      const { account, itemId, publication } = await scheduledDue('trou-noir');
      mastodon.inject({ type: 'status', status: 401, body: { error: 'The access token is invalid' } }, 1, /^POST \/api\/v1\/statuses$/);
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf('trou-noir')).toHaveLength(1);
      expect((await accountRow(account)).status).toBe('OK');
      expect((await read(itemId)).attemptLog.map((x) => x.outcome)).toEqual(['PUBLISHED']);
    });

    it('an expired access token is refreshed once, the post made once with the same key, and the account stays OK', async () => {
      const account = await connectOAuth('jeton');
      const before = await secretsOf(account);
      expect(before.refreshToken).toBeTruthy();
      const { itemId } = await approvedItem([account]);
      const [publication] = await schedule(itemId, inSeconds(3600));
      await makeDue(publication.id);
      mastodon.expireToken(before.accessToken);
      const refreshes = refreshCalls();
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(refreshCalls() - refreshes).toBe(1);
      expect(mastodon.statusesOf('jeton')).toHaveLength(1);
      // Refused with the old token, then made with the new one: one key.
      const calls = mastodon.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').slice(-2);
      expect(calls.map((r) => r.headers.authorization)).toEqual([
        `Bearer ${before.accessToken}`,
        expect.not.stringContaining(before.accessToken),
      ]);
      expect(calls[1].headers['idempotency-key']).toBe(calls[0].headers['idempotency-key']);
      const after = await secretsOf(account);
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect((await accountRow(account)).status).toBe('OK');
      expect(await read(itemId)).toMatchObject({ status: 'PUBLISHED', attempts: 1, externalId: mastodon.statusesOf('jeton')[0].id });
    });

    it('a refusal the cheap check would not see still refreshes the credentials once, then publishes', async () => {
      const account = await connectOAuth('jeton-muet');
      const before = await secretsOf(account);
      const { itemId } = await approvedItem([account]);
      const [publication] = await schedule(itemId, inSeconds(3600));
      await makeDue(publication.id);
      // Only the publish is refused (the token still reads): the refused credentials are refreshed anyway.
      mastodon.inject({ type: 'status', status: 401, body: { error: 'The access token is invalid' } }, 1, /^POST \/api\/v1\/statuses$/);
      const refreshes = refreshCalls();
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(refreshCalls() - refreshes).toBe(1);
      expect((await secretsOf(account)).accessToken).not.toBe(before.accessToken);
      expect(mastodon.statusesOf('jeton-muet')).toHaveLength(1);
      expect((await accountRow(account)).status).toBe('OK');
    });

    it('two publications of one account hitting the expiry at once refresh once between them and are each posted once', async () => {
      const account = await connectOAuth('jeton-double');
      const first = await approvedItem([account]);
      const second = await approvedItem([account]);
      const [a] = await schedule(first.itemId, inSeconds(3600));
      const [b] = await schedule(second.itemId, inSeconds(3600));
      await makeDue(a.id);
      await makeDue(b.id);
      mastodon.expireToken((await secretsOf(account)).accessToken);
      const refreshes = refreshCalls();
      const results = await Promise.all([run(a.id), run(b.id)]);
      expect(results).toEqual([
        { status: 'PUBLISHED', outcome: 'published' },
        { status: 'PUBLISHED', outcome: 'published' },
      ]);
      expect(refreshCalls() - refreshes).toBe(1);
      const posts = mastodon.statusesOf('jeton-double');
      expect(posts).toHaveLength(2);
      const contents = posts.map((p) => String(p.content));
      expect(contents.filter((c) => c.includes(first.text))).toHaveLength(1);
      expect(contents.filter((c) => c.includes(second.text))).toHaveLength(1);
      expect((await accountRow(account)).status).toBe('OK');
    });

    it('in one batch, the lanes sharing an account whose token expired refresh once between them and post each publication once', async () => {
      const account = await connectOAuth('jeton-lanes');
      // One after the other: they are written through one connection.
      const items = [];
      for (let i = 0; i < 4; i++) items.push(await approvedItem([account]));
      const publications = [];
      for (const item of items) publications.push(...(await schedule(item.itemId, inSeconds(3600))));
      for (const p of publications) await makeDue(p.id);
      mastodon.expireToken((await secretsOf(account)).accessToken);
      const refreshes = refreshCalls();
      // The organisation's wake-up: one claim, one preparation of the account, its publications over 4 lanes at once.
      await job.handle({ organizationId: org });
      for (const item of items) expect(await read(item.itemId)).toMatchObject({ status: 'PUBLISHED', attempts: 1 });
      expect(refreshCalls() - refreshes).toBe(1);
      const contents = mastodon.statusesOf('jeton-lanes').map((p) => String(p.content));
      for (const item of items) expect(contents.filter((c) => c.includes(item.text))).toHaveLength(1);
      expect(contents).toHaveLength(4);
      expect((await accountRow(account)).status).toBe('OK');
    });

    it('a revoked refresh token holds the publication and flags the account; reconnecting through OAuth releases it, due now, and it is posted once', async () => {
      const account = await connectOAuth('revoque');
      const { itemId } = await approvedItem([account]);
      const [publication] = await schedule(itemId, inSeconds(3600));
      // Its time has passed while it waited.
      await admin.query("UPDATE publications SET due_at = now() - interval '1 minute', next_attempt_at = now() WHERE id = $1", [
        publication.id,
      ]);
      const { refreshToken } = await secretsOf(account);
      // The user revoked the application: the refresh token and what it gave are dead.
      mastodon.revokeToken(refreshToken);
      const refreshes = refreshCalls();
      expect(await run(publication.id)).toEqual({ status: 'NEEDS_REAUTH', outcome: 'held' });
      expect(refreshCalls() - refreshes).toBe(1);
      expect(await read(itemId)).toMatchObject({ status: 'NEEDS_REAUTH', lastErrorKind: 'AUTH_EXPIRED' });
      expect((await accountRow(account)).status).toBe('NEEDS_REAUTH');
      expect(mastodon.statusesOf('revoque')).toHaveLength(0);
      // One status change in the audit log, however many parts saw the refusal.
      const changes = (
        await admin.query("SELECT 1 FROM audit_events WHERE action = 'network_account.status_changed' AND target_id = $1", [account])
      ).rows;
      expect(changes).toHaveLength(1);

      expect(await connectOAuth('revoque')).toBe(account);
      expect((await accountRow(account)).status).toBe('OK');
      const released = await read(itemId);
      expect(released.status).toBe('SCHEDULED');
      expect(Math.abs(new Date(released.nextAttemptAt).getTime() - Date.now())).toBeLessThan(10_000);
      expect(await run(publication.id)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf('revoque')).toHaveLength(1);
      expect(await itemStatus(itemId)).toBe('PUBLISHED');
    });

    it('a reconnect during a crisis pause releases the held publications as HELD, and only those of live items', async () => {
      const account = await connect('pause-reco');
      const live = await approvedItem([account]);
      const gone = await approvedItem([account]);
      const [a] = await schedule(live.itemId, inSeconds(3600));
      const [b] = await schedule(gone.itemId, inSeconds(3600));
      await admin.query("UPDATE publications SET status = 'NEEDS_REAUTH' WHERE id = ANY($1::uuid[])", [[a.id, b.id]]);
      await admin.query("UPDATE network_accounts SET status = 'NEEDS_REAUTH' WHERE id = $1", [account]);
      // The second item left the schedule behind the publishing part's back: its publication stays where it is.
      await admin.query("UPDATE content_items SET status = 'APPROVED' WHERE id = $1", [gone.itemId]);
      await ok(SET_PAUSE, { input: { on: true, reason: 'Reconnexion pendant la crise' } });
      try {
        await connect('pause-reco');
        expect((await read(live.itemId)).status).toBe('HELD');
        expect((await read(gone.itemId)).status).toBe('NEEDS_REAUTH');
      } finally {
        await ok(RESUME, { input: {} });
      }
      expect((await read(live.itemId)).status).toBe('SCHEDULED');
    });

    it('an edit that takes the item from a worker that already claimed its publication: the worker cancels it and calls no network', async () => {
      const { itemId, publication } = await scheduledDue('course-edition');
      const lockWaits = async () =>
        Number(
          (
            await admin.query(
              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE '%content_items%'",
            )
          ).rows[0].count,
        );
      const locker = await adminDatabase(database);
      try {
        // Someone holds the item for a moment: the edit queues for it first, then the worker (its claim committed).
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM content_items WHERE id = $1 FOR UPDATE', [itemId]);
        const edit = gql(UPDATE_ITEM, { input: { id: itemId, title: 'Le pain de demain' } });
        await until('the edit waits for the item', lockWaits, (n) => n >= 1);
        const running = run(publication.id);
        await until(
          'the claim committed and the worker waits',
          async () => (await read(itemId)).status === 'PUBLISHING' && (await lockWaits()) >= 2,
          (x) => x,
        );
        await locker.query('COMMIT');
        const [edited, result] = await Promise.all([edit, running]);
        expect(edited.body.errors).toBeUndefined();
        expect((edited.body.data as { updateContentItem: { status: string } }).updateContentItem.status).toBe('DRAFT');
        expect(result).toEqual({ status: 'CANCELLED', outcome: 'skipped' });
      } finally {
        await locker.end();
      }
      const after = await read(itemId);
      expect(after).toMatchObject({ status: 'CANCELLED', lastError: 'its content item is DRAFT' });
      expect(after.attemptLog.map((x) => x.outcome)).toEqual(['SKIPPED']);
      expect(await itemStatus(itemId)).toBe('DRAFT');
      expect(mastodon.statusesOf('course-edition')).toHaveLength(0);
    });

    it('an edit after the worker moved the item to PUBLISHING is refused, and the post is made once', async () => {
      const { itemId, publication } = await scheduledDue('course-envoi');
      mastodon.inject({ type: 'slow', delayMs: 600 }, 1, /^POST \/api\/v1\/statuses$/);
      const running = run(publication.id);
      await until(
        'being sent',
        () => itemStatus(itemId),
        (status) => status === 'PUBLISHING',
      );
      expect(firstError(await gql(UPDATE_ITEM, { input: { id: itemId, title: 'Trop tard' } })).extensions).toMatchObject({
        code: 'CONFLICT',
      });
      expect(await running).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf('course-envoi')).toHaveLength(1);
      expect(await itemStatus(itemId)).toBe('PUBLISHED');
    });

    it('workers and edits started together always agree: either the item is DRAFT and nothing was posted, or the edit was refused and the post made once', async () => {
      const seen = new Set<string>();
      for (let round = 0; round < 10; round++) {
        const username = `duel-${round}`;
        const { itemId, publication } = await scheduledDue(username);
        const [edited, result] = await Promise.all([
          (async () => {
            await sleep(round % 4);
            return gql(UPDATE_ITEM, { input: { id: itemId, title: `Édition ${round}` } });
          })(),
          run(publication.id),
        ]);
        const after = await read(itemId);
        const posts = mastodon.statusesOf(username).length;
        if (!edited.body.errors) {
          seen.add('edit');
          expect({ item: await itemStatus(itemId), publication: after.status, posts, result: result.status }).toEqual({
            item: 'DRAFT',
            publication: 'CANCELLED',
            posts: 0,
            result: 'CANCELLED',
          });
        } else {
          seen.add('worker');
          expect(firstError(edited).extensions.code).toBe('CONFLICT');
          expect({ item: await itemStatus(itemId), publication: after.status, posts, result: result.status }).toEqual({
            item: 'PUBLISHED',
            publication: 'PUBLISHED',
            posts: 1,
            result: 'PUBLISHED',
          });
        }
      }
      // Both orders happen in practice (the edit first, or the worker first); each round is checked whichever came.
      expect(seen.size).toBeGreaterThan(0);
    });

    it('an edit of a FAILED item while another of its publications is being sent: a failed call is CANCELLED (saying the post may exist), a made post stays PUBLISHED', async () => {
      const setUp = async (username: string) => {
        const [x, y] = [await connect(`${username}-a`), await connect(`${username}-b`)];
        const { itemId } = await approvedItem([x, y]);
        const scheduled = await schedule(itemId, inSeconds(3600));
        const failed = scheduled.find((p) => p.networkAccountId === x) as Publication;
        const sending = scheduled.find((p) => p.networkAccountId === y) as Publication;
        await admin.query("UPDATE publications SET status = 'FAILED', last_error_kind = 'REJECTED', last_error = 'refused' WHERE id = $1", [
          failed.id,
        ]);
        await admin.query("UPDATE content_items SET status = 'PUBLISHING' WHERE id = $1", [itemId]);
        await admin.query("UPDATE content_items SET status = 'FAILED' WHERE id = $1", [itemId]);
        await makeDue(sending.id);
        return { itemId, failed, sending, username: `${username}-b` };
      };
      const editWhileSending = async (publicationId: string, itemId: string) => {
        const running = run(publicationId);
        await until(
          'being sent',
          async () => (await admin.query('SELECT status FROM publications WHERE id = $1', [publicationId])).rows[0].status,
          (s) => s === 'PUBLISHING',
        );
        await sleep(150);
        const edited = (await ok<{ updateContentItem: { status: string } }>(UPDATE_ITEM, { input: { id: itemId, title: 'Corrigé' } }))
          .updateContentItem;
        expect(edited.status).toBe('DRAFT');
        return running;
      };

      // The call times out (the instance makes the post later).
      const timedOut = await setUp('echec-envol');
      mastodon.inject({ type: 'slow', delayMs: 1500 }, 1, /^POST \/api\/v1\/statuses$/);
      expect(await editWhileSending(timedOut.sending.id, timedOut.itemId)).toEqual({ status: 'CANCELLED', outcome: 'skipped' });
      const cancelled = (await publicationsOf(timedOut.itemId)).find((p) => p.id === timedOut.sending.id) as Publication;
      expect(cancelled).toMatchObject({ status: 'CANCELLED', lastErrorKind: 'TRANSIENT' });
      expect(cancelled.lastError).toMatch(/its content item is DRAFT.*may have received it/);
      expect((await publicationsOf(timedOut.itemId)).find((p) => p.id === timedOut.failed.id)?.status).toBe('FAILED');
      expect(await itemStatus(timedOut.itemId)).toBe('DRAFT');
      await makeDue(timedOut.sending.id);
      expect(await run(timedOut.sending.id)).toMatchObject({ status: 'CANCELLED', outcome: 'skipped' });

      // The call succeeds: the post exists, and the publication says so.
      const made = await setUp('echec-fait');
      mastodon.inject({ type: 'slow', delayMs: 600 }, 1, /^POST \/api\/v1\/statuses$/);
      expect(await editWhileSending(made.sending.id, made.itemId)).toEqual({ status: 'PUBLISHED', outcome: 'published' });
      expect(mastodon.statusesOf(made.username)).toHaveLength(1);
      expect((await publicationsOf(made.itemId)).find((p) => p.id === made.sending.id)).toMatchObject({
        status: 'PUBLISHED',
        externalId: mastodon.statusesOf(made.username)[0].id,
      });
      expect(await itemStatus(made.itemId)).toBe('DRAFT');
    });

    it('deletes a published post at the network', async () => {
      const { itemId, publication } = await scheduledDue('efface');
      expect(firstError(await gql(DELETE, { input: { id: publication.id } })).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PUBLICATION_NOT_PUBLISHED',
      });
      await run(publication.id);
      expect(mastodon.statusesOf('efface')).toHaveLength(1);
      const deleted = (await ok<{ deletePublishedPost: Publication }>(DELETE, { input: { id: publication.id } })).deletePublishedPost;
      expect(deleted.deletedAt).not.toBeNull();
      expect(mastodon.statusesOf('efface')).toHaveLength(0);
      expect((await read(itemId)).deletedAt).not.toBeNull();
    });
  });

  it('another organisation’s publications are neither listed nor reachable, and errors leak nothing', async () => {
    const foreign = await connect('etranger', otherOrg);
    const { itemId } = await approvedItem([foreign], undefined, otherOrg);
    const [theirs] = (
      await api.ok<{ scheduleContentItem: Publication[] }>(SCHEDULE, { input: { itemId, dueAt: inSeconds(3600) } }, as(otherOrg))
    ).scheduleContentItem;
    expect((await ok<{ publications: { edges: unknown[] } }>(LIST, { itemId })).publications.edges).toEqual([]);
    for (const query of [RETRY, DELETE]) {
      const res = await gql(query, { input: { id: theirs.id } });
      expect(firstError(res).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(leaksIn(res.body)).toEqual([]);
    }
    expect(firstError(await gql(`query ($id: ID!) { publication(id: $id) { id } }`, { id: theirs.id })).extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(firstError(await gql(UNSCHEDULE, { input: { itemId } })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
    expect(firstError(await gql(RESCHEDULE, { input: { itemId, dueAt: inSeconds(60) } })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.itemId',
    });
  });
});
