import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the inbox's fetch job, run here by hand
import { FetchInboxJob } from '../../libs/domain/community/src/lib/inbox';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Threads of the plugin's tests is the network these tests talk to
import { startThreadsTestServer, ThreadsTestServer } from '../../plugins/threads/src/test/threads.server';
import { adminDatabase } from './e2e-support';

/**
 * The paging cursor a network answers with a page of comments is remote input, kept between fetches: one no store
 * takes (a NUL, a lone surrogate, megabytes) is not kept, the comments of its page are, and the fetches of the
 * organisation's other posts go on, then and later.
 */
describe('inbox: the cursors networks answer', () => {
  let threads: ThreadsTestServer;
  let api: TestApi;
  let worker: RunningWorker;
  let fetchJob: FetchInboxJob;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let accountId: string;

  /** A PUBLISHED publication of ours on Threads, as the publishing part leaves it (written as owner). */
  const published = async (externalId: string) => {
    const itemId = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Vitrine', 'DRAFT') RETURNING id",
        [org],
      )
    ).rows[0].id;
    return (
      await admin.query<{ id: string }>(
        `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, external_url, published_at)
         VALUES ($1, $2, $3, 'threads', now(), now(), 'PUBLISHED', $4, $5, $6, now()) RETURNING id`,
        [org, itemId, accountId, `test-${randomUUID()}`, externalId, `https://www.threads.net/@vitrine/post/${externalId}`],
      )
    ).rows[0].id;
  };
  /** The next GET of `externalId`'s replies answers one reply and `after` as the next page's cursor. */
  const repliesAnswer = (externalId: string, replyId: string, after: string) =>
    threads.answerNext((incoming) => incoming.method === 'GET' && incoming.url.pathname.endsWith(`/${externalId}/replies`), {
      status: 200,
      body: {
        data: [
          {
            id: replyId,
            text: `Réponse ${replyId}`,
            username: 'cliente',
            timestamp: new Date().toISOString(),
            permalink: `https://www.threads.net/@cliente/post/${replyId}`,
          },
        ],
        paging: { cursors: { after }, next: `${threads.baseUrl}/v1.0/${externalId}/replies?after=x` },
      },
    });
  const stored = async (publicationId: string) => ({
    comments: (
      await admin.query<{ external_id: string }>('SELECT external_id FROM inbox_items WHERE publication_id = $1 ORDER BY external_id', [
        publicationId,
      ])
    ).rows.map((r) => r.external_id),
    cursor: (await admin.query<{ cursor: string | null }>('SELECT cursor FROM inbox_cursors WHERE publication_id = $1', [publicationId]))
      .rows[0]?.cursor,
  });

  beforeAll(async () => {
    threads = await startThreadsTestServer();
    const overrides = { CONNECTORS: '@socle/plugin-mastodon,@socle/plugin-threads', CONNECTOR_TIMEOUT_MS: '2000' };
    api = await TestApi.start(overrides);
    worker = await createWorker(loadConfig({ ...process.env, ...overrides, QUEUE_PREFIX: api.config.QUEUE_PREFIX }), {
      reconcileEveryMs: 600_000,
    });
    fetchJob = worker.context.get(FetchInboxJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Curseurs');
    org = await createOrganization(api, owner, 'Vitrine Curseurs');
    accountId = (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'threads', serviceUrl: threads.baseUrl, accessToken: threads.issueLongLivedToken() } },
        { token: owner.token, organizationId: org },
      )
    ).connectNetworkAccount.id;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await threads?.close();
  });

  it('keeps the comments of a page whose cursor no store takes, not the cursor, and fetches the other posts then and later', async () => {
    const hostile = ['curseur\u0000nul', 'moitié\ud800', 'c'.repeat(5_000)];
    const posts = hostile.map(() => `${Date.now()}${randomBytes(3).readUIntBE(0, 3)}`);
    const sane = `${Date.now()}${randomBytes(3).readUIntBE(0, 3)}`;
    const publications = [];
    for (const id of posts) publications.push(await published(id));
    const sanePublication = await published(sane);
    posts.forEach((id, i) => repliesAnswer(id, `${id}1`, hostile[i]));
    repliesAnswer(sane, `${sane}1`, 'QVFIUmFmZA');

    const first = await fetchJob.handle({ organizationId: org });
    expect(first).toMatchObject({ failed: 0 });
    for (const [i, publicationId] of publications.entries()) {
      expect(await stored(publicationId)).toEqual({ comments: [`${posts[i]}1`], cursor: null });
    }
    expect(await stored(sanePublication)).toEqual({ comments: [`${sane}1`], cursor: 'QVFIUmFmZA' });

    // Later fetches: each post's replies asked again from the cursor kept (none for the hostile ones), nothing fails.
    posts.forEach((id) => repliesAnswer(id, `${id}2`, 'QVFIUmFmZB'));
    repliesAnswer(sane, `${sane}2`, 'QVFIUmFmZC');
    const second = await fetchJob.handle({ organizationId: org });
    expect(second).toMatchObject({ failed: 0 });
    for (const [i, publicationId] of publications.entries()) {
      expect(await stored(publicationId)).toEqual({ comments: [`${posts[i]}1`, `${posts[i]}2`], cursor: 'QVFIUmFmZB' });
    }
    expect(await stored(sanePublication)).toEqual({ comments: [`${sane}1`, `${sane}2`], cursor: 'QVFIUmFmZC' });
    const asked = threads.requests.filter((r) => r.url.pathname.endsWith(`/${sane}/replies`)).map((r) => r.url.searchParams.get('after'));
    expect(asked).toEqual([null, 'QVFIUmFmZA']);
  });
});
