import { randomBytes, randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { loadConfig } from '@socle/platform-config';
import { LiveEvents } from '@socle/platform-queue';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  dropTestDatabase,
  ownTestDatabase,
  signUpAgency,
  TestApi,
} from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
import { PublishPublicationJob } from '@socle/content';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the inbox's fetch and the alerts' evaluator, run here by hand as the queue would
import { FetchInboxJob } from '../../libs/domain/community/src/lib/inbox';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the alerts' evaluator, run here by hand as the queue would
import { EvaluateAlertsJob } from '../../libs/domain/community/src/lib/alerts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase } from './e2e-support';

const INBOX =
  'subscription { inboxItemChanged { change itemId organizationId kind source status severity assigneeId dueAt version occurredAt } }';
const PUBLICATIONS =
  'subscription ($itemId: ID) { publicationChanged(itemId: $itemId) { change publicationId organizationId itemId network status externalUrl } }';
const ALERTS = 'subscription { alertChanged { change alertId organizationId kind status observedCount } }';
const ASSIGN = 'mutation ($input: AssignInboxItemInput!) { assignInboxItem(input: $input) { id status } }';
const DISMISS = 'mutation ($input: DismissInboxItemInput!) { dismissInboxItem(input: $input) { id status } }';
const REMOVE_MEMBER = 'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userId } }';

interface Received {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One subscription's results, errors and end, as a graphql-ws client sees them. */
interface Watch {
  results: Received[];
  errors: unknown[];
  completed: boolean;
  stop: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/**
 * Live updates over GraphQL subscriptions (graphql-ws) against a running API:
 * changes made by the worker and by another API instance reach subscribers of
 * their organisation only, connections and subscriptions are refused without
 * valid credentials and access, delivery stops when access ends, and hostile
 * messages close at most their own connection.
 */
describe('GraphQL subscriptions over WebSocket', () => {
  let api: TestApi;
  let other: TestApi;
  let worker: RunningWorker;
  let mastodon: MastodonTestServer;
  let admin: PgClient;
  let database: ReturnType<typeof ownTestDatabase> | undefined;
  let url: string;
  let otherUrl: string;
  let owner: AgencySession;
  let stranger: AgencySession;
  let org: string;
  let otherOrg: string;
  const clients: Client[] = [];

  const liveOf = (instance: TestApi) => instance.app.get(LiveEvents, { strict: false });
  /** Waits until `count` subscriptions of the organisation listen on the instance (the server confirmed them with Redis). */
  const listening = (organizationId: string, count = 1, instance = api) =>
    waitFor(`${count} subscriber(s) of ${organizationId}`, () => liveOf(instance).listening(organizationId) >= count);

  const connectTo = (address: string, connectionParams: Record<string, unknown>) => {
    let closed: (event: { code: number; reason: string }) => void = () => undefined;
    const closing = new Promise<{ code: number; reason: string }>((resolve) => (closed = resolve));
    const client = createClient({
      url: address,
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      on: { closed: (event) => closed(event as { code: number; reason: string }) },
    });
    clients.push(client);
    return { client, closing };
  };
  const connect = (token: string, organizationId?: string, address = url) =>
    connectTo(address, { authorization: `Bearer ${token}`, ...(organizationId ? { 'x-socle-organization': organizationId } : {}) }).client;

  const watch = (client: Client, query: string, variables: Record<string, unknown> = {}): Watch => {
    const watched: Watch = { results: [], errors: [], completed: false, stop: () => undefined };
    watched.stop = client.subscribe(
      { query, variables },
      {
        next: (value) => watched.results.push(value as Received),
        error: (error) => watched.errors.push(error),
        complete: () => (watched.completed = true),
      },
    );
    return watched;
  };
  const eventsOf = (watched: Watch, field: string) =>
    watched.results.filter((r) => r.data?.[field]).map((r) => r.data?.[field] as Record<string, unknown>);

  const connectMastodon = async (organizationId: string, username: string, token = owner.token) =>
    (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        { token, organizationId },
      )
    ).connectNetworkAccount.id;

  /** A post of ours at the instance and its PUBLISHED publication, then a comment on it (written as owner). */
  const commentedPost = async (organizationId: string, accountId: string, username: string) => {
    const post = mastodon.postAs(username, `Fournée ${randomBytes(3).toString('hex')}`);
    const itemId = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Le pain', 'DRAFT') RETURNING id",
        [organizationId],
      )
    ).rows[0].id;
    await admin.query(
      `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, external_url, published_at)
       VALUES ($1, $2, $3, 'mastodon', now(), now(), 'PUBLISHED', $4, $5, $6, now())`,
      [organizationId, itemId, accountId, `test-${randomUUID()}`, post.id, post.url],
    );
    return mastodon.postAs('cliente', `Vous ouvrez dimanche ? ${randomBytes(2).toString('hex')}`, { inReplyToId: post.id });
  };
  const fetchInbox = (organizationId: string) => worker.context.get(FetchInboxJob, { strict: false }).handle({ organizationId });
  const itemIdOf = async (organizationId: string, externalId: string) =>
    (
      await admin.query<{ id: string }>('SELECT id FROM inbox_items WHERE organization_id = $1 AND external_id = $2', [
        organizationId,
        externalId,
      ])
    ).rows[0].id;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    // A database of its own: the sweepers of the workers other suites run on the shared one would publish the
    // publications these tests leave due for their paused worker, and the moves would be told on those workers' channels.
    database = ownTestDatabase();
    api = await TestApi.start({
      ...database.env,
      CONNECTOR_TIMEOUT_MS: '2000',
      SUBSCRIPTIONS_MAX_PER_CONNECTION: '3',
      SUBSCRIPTIONS_MAX_PAYLOAD_BYTES: '8192',
    });
    // A second API instance on the same Redis prefix: another replica of the same deployment.
    other = await TestApi.start({ ...database.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX });
    worker = await createWorker(
      loadConfig({
        ...process.env,
        ...database.env,
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        CONNECTOR_TIMEOUT_MS: '2000',
        PUBLISHING_SWEEP_SECONDS: '3600',
      }),
      { reconcileEveryMs: 600_000 },
    );
    // The tests run the jobs by hand, as the queue would.
    await Promise.all(worker.workers.map((w) => w.pause()));
    admin = await adminDatabase(database);
    url = await api.subscriptionsUrl();
    otherUrl = await other.subscriptionsUrl();
    owner = await signUpAgency(api, 'Agence Direct');
    org = await createOrganization(api, owner, 'Boulangerie Direct');
    stranger = await signUpAgency(api, 'Agence Voisine');
    otherOrg = await createOrganization(api, stranger, 'Voisin Direct');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await worker?.close();
    await other?.stop();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
    if (database) await dropTestDatabase(database.name);
  });

  it('delivers an inbox item the worker fetched, and its assignment made through another API instance, to its organisation only', async () => {
    const account = await connectMastodon(org, 'boulangerie-direct');
    const otherAccount = await connectMastodon(otherOrg, 'voisin-direct', stranger.token);
    const manager = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const mine = watch(connect(owner.token, org, otherUrl), INBOX);
    const theirs = watch(connect(stranger.token, otherOrg), INBOX);
    await listening(org, 1, other);
    await listening(otherOrg, 1, api);

    const comment = await commentedPost(org, account, 'boulangerie-direct');
    expect((await fetchInbox(org)).inserted).toBe(1);
    const itemId = await itemIdOf(org, comment.id);
    await waitFor('the new item', () => eventsOf(mine, 'inboxItemChanged').length >= 1);
    expect(eventsOf(mine, 'inboxItemChanged')[0]).toMatchObject({
      change: 'CREATED',
      itemId,
      organizationId: org,
      kind: 'COMMENT',
      source: 'mastodon',
      status: 'NEW',
      assigneeId: null,
      version: 1,
    });

    // Assigned through the first instance: the subscriber of the second one hears it.
    await api.ok(ASSIGN, { input: { id: itemId, assigneeId: manager.userId } }, { token: owner.token, organizationId: org });
    await waitFor('the assignment', () => eventsOf(mine, 'inboxItemChanged').length >= 2);
    expect(eventsOf(mine, 'inboxItemChanged')[1]).toMatchObject({
      change: 'ASSIGNED',
      itemId,
      status: 'ASSIGNED',
      assigneeId: manager.userId,
    });

    // A change of the other organisation reaches its own subscriber, never ours.
    const theirComment = await commentedPost(otherOrg, otherAccount, 'voisin-direct');
    await fetchInbox(otherOrg);
    const theirItem = await itemIdOf(otherOrg, theirComment.id);
    await waitFor('the other tenant’s item', () => eventsOf(theirs, 'inboxItemChanged').length >= 1);
    expect(eventsOf(theirs, 'inboxItemChanged').map((e) => e.itemId)).toEqual([theirItem]);
    await sleep(300);
    expect(eventsOf(theirs, 'inboxItemChanged').map((e) => e.organizationId)).not.toContain(org);
    expect(eventsOf(mine, 'inboxItemChanged').map((e) => e.organizationId)).toEqual([org, org]);
    expect(mine.errors).toEqual([]);
  });

  it('delivers the status moves of publications the worker sends, filtered by content item', async () => {
    const account = await connectMastodon(org, 'publie-direct');
    const [first, second] = (
      await admin.query<{ id: string; item_id: string }>(
        `WITH input AS MATERIALIZED (SELECT gen_random_uuid() AS item, gen_random_uuid() AS variant, gen_random_uuid() AS publication FROM generate_series(1, 2)),
              items AS (INSERT INTO content_items (organization_id, id, title, status) SELECT $1, item, 'Fournée', 'SCHEDULED' FROM input),
              variants AS (INSERT INTO content_variants (organization_id, id, item_id, network_account_id, network, text)
                           SELECT $1, variant, item, $2, 'mastodon', 'Fournée du jour ' || publication FROM input),
              publications AS (INSERT INTO publications (organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
                               SELECT $1, publication, item, variant, $2, 'mastodon', now(), now(), 'SCHEDULED', 'socle-test-' || publication FROM input)
         SELECT publication AS id, item AS item_id FROM input`,
        [org, account],
      )
    ).rows;
    const client = connect(owner.token, org);
    const all = watch(client, PUBLICATIONS);
    const one = watch(client, PUBLICATIONS, { itemId: first.item_id.toUpperCase() });
    await listening(org, 2);

    await worker.context.get(PublishPublicationJob, { strict: false }).handle({ organizationId: org });
    const published = (w: Watch, id: string) =>
      eventsOf(w, 'publicationChanged').some((e) => e.publicationId === id && e.status === 'PUBLISHED');
    await waitFor('both publications published', () => published(all, first.id) && published(all, second.id));
    expect(
      eventsOf(all, 'publicationChanged')
        .filter((e) => e.publicationId === first.id)
        .map((e) => e.status),
    ).toEqual(['PUBLISHING', 'PUBLISHED']);
    expect(eventsOf(all, 'publicationChanged').find((e) => e.publicationId === first.id && e.status === 'PUBLISHED')).toMatchObject({
      change: 'STATUS_CHANGED',
      itemId: first.item_id,
      organizationId: org,
      network: 'mastodon',
      externalUrl: expect.stringContaining('http'),
    });
    await waitFor('the one item’s publication', () => published(one, first.id));
    expect(new Set(eventsOf(one, 'publicationChanged').map((e) => e.publicationId))).toEqual(new Set([first.id]));
  });

  it('delivers an alert the worker raised', async () => {
    const alertOrg = await createOrganization(api, owner, 'Boulangerie Alerte Directe');
    const insertMentions = async (count: number, at: number, label: 'NEGATIVE' | 'NEUTRAL') => {
      for (let i = 0; i < count; i++) {
        await admin.query(
          `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score)
           VALUES ($1, 'bluesky', $2, $3, $4, $5, $6, $7)`,
          [
            alertOrg,
            `m-${randomUUID()}`,
            `user${i}.bsky.social`,
            `${label} ${i}`,
            new Date(at - (i + 1) * 20_000),
            label,
            label === 'NEGATIVE' ? -0.8 : 0,
          ],
        );
      }
    };
    for (let d = 1; d <= 14; d++) await insertMentions(2, Date.now() - d * 86_400_000, 'NEGATIVE');
    const watched = watch(connect(owner.token, alertOrg), ALERTS);
    await listening(alertOrg);
    await insertMentions(30, Date.now(), 'NEGATIVE');
    const evaluation = await worker.context.get(EvaluateAlertsJob, { strict: false }).handle({ organizationId: alertOrg });
    expect(evaluation).toMatchObject({ spike: true, raised: true });
    await waitFor('the alert', () => eventsOf(watched, 'alertChanged').length >= 1);
    expect(eventsOf(watched, 'alertChanged')[0]).toMatchObject({
      change: 'RAISED',
      alertId: (evaluation as { alertId: string }).alertId,
      organizationId: alertOrg,
      kind: 'NEGATIVE_SPIKE',
      status: 'OPEN',
      observedCount: 30,
    });
  });

  it('refuses a connection without valid credentials with 4403 and the reason', async () => {
    const anonymous = connectTo(url, {});
    expect(await anonymous.closing).toMatchObject({ code: 4403, reason: expect.stringContaining('Sign in') });
    const forged = connectTo(url, { authorization: 'Bearer not.a.token' });
    expect(await forged.closing).toMatchObject({ code: 4403, reason: expect.stringContaining('not valid') });
    const badOrganization = connectTo(url, { authorization: `Bearer ${owner.token}`, 'x-socle-organization': "1' OR 1=1" });
    expect(await badOrganization.closing).toMatchObject({ code: 4403, reason: expect.stringContaining('x-socle-organization') });
    const wrongType = connectTo(url, { authorization: { nested: true } });
    expect(await wrongType.closing).toMatchObject({ code: 4403, reason: expect.stringContaining('must be a string') });
  });

  it('refuses a subscription to another organisation, or without the module’s read permission', async () => {
    const foreign = watch(connect(owner.token, otherOrg), INBOX);
    await waitFor('the refusal', () => foreign.errors.length > 0);
    expect(foreign.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect(liveOf(api).listening(otherOrg)).toBeLessThanOrEqual(1); // the other tenant's own subscriber at most

    const contributor = await addOrganizationMember(api, owner, org, ['CONTRIBUTOR']);
    const noInbox = watch(connect(contributor.token, org), INBOX);
    await waitFor('the permission refusal', () => noInbox.errors.length > 0);
    expect(noInbox.errors[0]).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('inbox.read'),
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });

  it('stops delivering to a member removed mid-subscription', async () => {
    const account = await connectMastodon(org, 'retrait-direct');
    const member = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const before = liveOf(api).listening(org);
    const watched = watch(connect(member.token, org), INBOX);
    await listening(org, before + 1);
    const first = await commentedPost(org, account, 'retrait-direct');
    await fetchInbox(org);
    const firstId = await itemIdOf(org, first.id);
    await waitFor('the first item', () => eventsOf(watched, 'inboxItemChanged').some((e) => e.itemId === firstId));

    await api.ok(REMOVE_MEMBER, { input: { userId: member.userId } }, { token: owner.token, organizationId: org });
    await api.ok(DISMISS, { input: { id: firstId, reason: 'doublon' } }, { token: owner.token, organizationId: org });
    await waitFor('the end of the subscription', () => watched.completed || watched.errors.length > 0);
    expect(eventsOf(watched, 'inboxItemChanged').map((e) => e.itemId)).toEqual([firstId]);
    const refusal = watched.results.find((r) => r.errors);
    expect(refusal?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refusal?.data ?? null).toBeNull();
    await waitFor('the listener gone', () => liveOf(api).listening(org) === before);
  });

  it('serves an integration’s API key scoped to the organisation, and stops when the key is revoked', async () => {
    const created = await api.ok<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
      { input: { name: 'Tableau de bord', scopes: ['READ'], organizationId: org } },
      { token: owner.token },
    );
    const before = liveOf(api).listening(org);
    // The key names its organisation: no x-socle-organization needed.
    const watched = watch(connect(created.createApiKey.secret), ALERTS);
    await listening(org, before + 1);
    const event = (change: string) => ({
      topic: 'alert',
      organizationId: org,
      id: randomUUID(),
      change,
      fields: { kind: 'NEGATIVE_SPIKE', status: 'OPEN', observedCount: 3 },
      occurredAt: new Date().toISOString(),
    });
    await liveOf(other).publish([event('RAISED')]);
    await waitFor('the event for the key', () => eventsOf(watched, 'alertChanged').length === 1);

    await api.ok(
      'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id } }',
      { input: { id: created.createApiKey.apiKey.id } },
      { token: owner.token },
    );
    await liveOf(other).publish([event('UPDATED')]);
    await waitFor('the end of the key’s subscription', () => watched.completed || watched.errors.length > 0);
    expect(eventsOf(watched, 'alertChanged').map((e) => e.change)).toEqual(['RAISED']);
    expect(watched.results.find((r) => r.errors)?.errors?.[0]).toMatchObject({
      message: expect.stringContaining('revoked'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('stops delivering once the organisation is being deleted', async () => {
    const doomed = await createOrganization(api, owner, 'Boulangerie Fermée');
    const watched = watch(connect(owner.token, doomed), ALERTS);
    await listening(doomed);
    await api.ok(
      'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { id } }',
      { input: { id: doomed, confirmName: 'Boulangerie Fermée' } },
      { token: owner.token },
    );
    // A change committed late for it (a job finishing): not delivered.
    await liveOf(api).publish([
      {
        topic: 'alert',
        organizationId: doomed,
        id: randomUUID(),
        change: 'RAISED',
        fields: { kind: 'NEGATIVE_SPIKE', status: 'OPEN', observedCount: 1 },
        occurredAt: new Date().toISOString(),
      },
    ]);
    await waitFor('the end of the subscription', () => watched.completed || watched.errors.length > 0);
    expect(eventsOf(watched, 'alertChanged')).toEqual([]);
    expect(watched.results.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
  });

  it('answers bad subscription input with a code and a path, and only serves subscriptions', async () => {
    const client = connect(owner.token, org);
    const badId = watch(client, PUBLICATIONS, { itemId: 'not-an-id' });
    await waitFor('the bad input answer', () => badId.results.length > 0 || badId.errors.length > 0);
    expect(JSON.stringify([badId.results, badId.errors])).toMatch(/"code":"BAD_USER_INPUT"/);
    expect(JSON.stringify([badId.results, badId.errors])).toMatch(/"field":"itemId"/);

    const query = watch(client, '{ __typename }');
    await waitFor('the refusal of a query', () => query.errors.length > 0);
    expect(query.errors[0]).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Only subscriptions'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);

    const unknown = watch(client, 'subscription { nothingHere }');
    await waitFor('the validation error', () => unknown.errors.length > 0);
    expect(unknown.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
    ]);

    const deep = watch(client, PUBLICATIONS, { itemId: null, extra: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) });
    await waitFor('the deep variables refusal', () => deep.errors.length > 0);
    expect(deep.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('refuses subscriptions over HTTP with a clear error', async () => {
    for (const query of [INBOX, ALERTS, PUBLICATIONS]) {
      const res = await api.gql(query, {}, { token: owner.token, organizationId: org });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('WebSocket'),
        extensions: { code: 'BAD_USER_INPUT', field: 'query' },
      });
    }
  });

  it('fuzzes every subscription field’s arguments over WebSocket: a clear error or nothing, never INTERNAL, the connection kept', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const fields = Object.values(schema.getSubscriptionType()?.getFields() ?? {});
    expect(fields.map((f) => f.name).sort()).toEqual(['alertChanged', 'inboxItemChanged', 'publicationChanged']);
    const hostile: [string, unknown][] = [
      ['NUL', 'a\u0000b'],
      ['lone surrogate', '\ud800'],
      ['another tenant’s id', otherOrg],
      ['a 6 kB string', 'z'.repeat(6000)],
      ['a number', 12],
      ['an object', { a: { b: [1, 2] } }],
      ['deep JSON', JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`)],
    ];
    const client = connect(owner.token, org);
    for (const field of fields) {
      const args = field.args;
      const definitions = args.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
      const call = args.map((a, i) => `${a.name}: $a${i}`).join(', ');
      const document = `subscription${definitions ? ` (${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''} { __typename } }`;
      const cases = args.length
        ? args.flatMap((_, i) => hostile.map(([label, value]) => [label, { [`a${i}`]: value }] as const))
        : [['none', {}] as const];
      for (const [label, variables] of cases) {
        const before = liveOf(api).listening(org);
        const watched = watch(client, document, variables);
        // Answered (an error), or accepted and listening (nothing to answer until an event).
        await waitFor(
          `${field.name} with ${label}`,
          () => watched.errors.length > 0 || watched.results.length > 0 || watched.completed || liveOf(api).listening(org) > before,
        );
        const answer = JSON.stringify([watched.errors, watched.results]);
        expect({ field: field.name, label, internal: /"INTERNAL"|"code":undefined/.test(answer) }).toEqual({
          field: field.name,
          label,
          internal: false,
        });
        for (const e of [
          ...(watched.errors.flat() as { extensions?: { code?: string } }[]),
          ...watched.results.flatMap((r) => r.errors ?? []),
        ])
          expect({ field: field.name, label, code: e.extensions?.code }).toEqual({
            field: field.name,
            label,
            code: expect.stringMatching(/^[A-Z_]+$/),
          });
        watched.stop();
        await waitFor('the probe stopped', () => liveOf(api).listening(org) <= before);
      }
    }
    // The connection survived every probe.
    const after = watch(client, INBOX);
    await listening(org);
    expect(after.errors).toEqual([]);
    after.stop();
  });

  it('holds at most the configured subscriptions per connection', async () => {
    const client = connect(owner.token, org);
    const held = [watch(client, INBOX), watch(client, ALERTS), watch(client, PUBLICATIONS)];
    const before = liveOf(api).listening(org);
    await waitFor('three subscriptions', () => liveOf(api).listening(org) >= 3 || before >= 3);
    const fourth = watch(client, INBOX);
    await waitFor('the fourth refused', () => fourth.errors.length > 0);
    expect(fourth.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
    expect(held.map((w) => w.errors)).toEqual([[], [], []]);
    for (const w of held) w.stop();
  });

  it('closes only the connection that sends a hostile message; the server keeps serving', async () => {
    const raw = async (send: (socket: WebSocket) => void) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.on('error', () => undefined);
      send(socket);
      return closed;
    };
    expect(await raw((s) => s.send('x'.repeat(20_000)))).toBe(1009);
    expect(await raw((s) => s.send(`${'{"a":'.repeat(1200)}1${'}'.repeat(1200)}`))).toBe(4400);
    expect(await raw((s) => s.send('\u0000\ud800 not json'))).toBe(4400);
    expect(await raw((s) => s.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: INBOX } })))).toBe(4401);
    // The older subscriptions-transport-ws protocol, and another path, are refused at the upgrade.
    const refused = (address: string, protocol: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(address, protocol);
        socket.on('error', () => undefined);
        socket.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
      });
    expect(await refused(url, 'graphql-ws')).toBe(400);
    expect(await refused(url.replace('/graphql', '/metrics'), 'graphql-transport-ws')).toBe(404);

    // Still serving: a new subscriber hears the next change.
    const account = await connectMastodon(org, 'apres-direct');
    const before = liveOf(api).listening(org);
    const watched = watch(connect(owner.token, org), INBOX);
    await listening(org, before + 1);
    const comment = await commentedPost(org, account, 'apres-direct');
    await fetchInbox(org);
    const itemId = await itemIdOf(org, comment.id);
    await waitFor('the item after the hostile messages', () => eventsOf(watched, 'inboxItemChanged').some((e) => e.itemId === itemId));
  });
});
