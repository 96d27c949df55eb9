import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { PublishPublicationJob } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer, type PostedStatus } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, until } from './e2e-support';

interface Publication {
  id: string;
  networkAccountId: string;
  status: string;
  externalUrl: string | null;
  waitsFor: string | null;
  lastError: string | null;
}

const PUB = 'id networkAccountId status externalUrl waitsFor lastError';
const SET_VARIANT = `mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { id longForm linkUrl } }`;
const SCHEDULE = `mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { ${PUB} } }`;
const RETRY = `mutation ($input: PublicationIdInput!) { retryPublication(input: $input) { ${PUB} } }`;
const LIST = `query ($itemId: ID) { publications(first: 50, itemId: $itemId) { edges { node { ${PUB} } } } }`;
const VARIANTS = `query ($id: ID!) { contentItem(id: $id) { status variants { id networkAccountId longForm } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/**
 * The social media press release: one item, its long form (here the article on one account) and its short forms on
 * others. Scheduled together, the short forms wait until the long form is published, then go out linking to its
 * address, each once; a long form that fails keeps them unsent (and the sweeper quiet) until it is retried. The flag
 * is one per item, held by the database; another tenant's item is out of reach.
 */
describe('press release: short forms after their long form', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: PublishPublicationJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;
  const posted: PostedStatus[] = [];

  const as = (organizationId = org) => ({ token: owner.token, organizationId });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.ok<T>(query, variables, as(organizationId));
  const publicationsOf = async (itemId: string) =>
    (await ok<{ publications: { edges: { node: Publication }[] } }>(LIST, { itemId })).publications.edges.map((e) => e.node);
  const connect = async (username: string, organizationId = org) =>
    (
      await ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        organizationId,
      )
    ).connectNetworkAccount.id;

  /** A press release written through the API (long form first), then APPROVED (approvals are another part's journey). */
  const pressRelease = async (longAccount: string, shortAccounts: string[]) => {
    const tag = randomBytes(4).toString('hex');
    const itemId = (
      await ok<{ createContentItem: { id: string } }>(
        'mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
        {
          input: { title: `Communiqué ${tag}` },
        },
      )
    ).createContentItem.id;
    const long = await ok<{ setVariant: { id: string; longForm: boolean } }>(SET_VARIANT, {
      input: { itemId, networkAccountId: longAccount, text: `Article ${tag}: the whole release.`, longForm: true },
    });
    expect(long.setVariant.longForm).toBe(true);
    for (const account of shortAccounts) {
      const short = await ok<{ setVariant: { longForm: boolean } }>(SET_VARIANT, {
        input: { itemId, networkAccountId: account, text: `En bref ${tag}.`, linkUrl: 'https://example.org/placeholder' },
      });
      expect(short.setVariant.longForm).toBe(false);
    }
    for (const status of ['IN_REVIEW', 'APPROVED'])
      await admin.query('UPDATE content_items SET status = $2 WHERE id = $1', [itemId, status]);
    return { itemId, tag, longVariantId: long.setVariant.id };
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    mastodon.onPost((status) => posted.push(status));
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '2000' });
    worker = await createWorker(
      loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '2000', PUBLISHING_SWEEP_SECONDS: '1' }),
      { reconcileEveryMs: 600_000 },
    );
    job = worker.context.get(PublishPublicationJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Communiqué');
    org = await createOrganization(api, owner, 'Fromagerie Communiqué');
    otherOrg = await createOrganization(api, owner, 'Autre client');
  });
  afterEach(() => mastodon.clearInjections());
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
  });

  it('publishes the long form first, then each short form once, linking to the long form’s address', async () => {
    const [blog, short1, short2] = [await connect('article'), await connect('bref-un'), await connect('bref-deux')];
    const { itemId, tag } = await pressRelease(blog, [short1, short2]);
    const scheduled = (await ok<{ scheduleContentItem: Publication[] }>(SCHEDULE, { input: { itemId, dueAt: inSeconds(1) } }))
      .scheduleContentItem;
    const longForm = scheduled.find((p) => p.networkAccountId === blog) as Publication;
    expect(longForm.waitsFor).toBeNull();
    expect(scheduled.filter((p) => p.networkAccountId !== blog).map((p) => p.waitsFor)).toEqual([longForm.id, longForm.id]);

    const done = await until(
      'all three published',
      () => publicationsOf(itemId),
      (ps) => ps.every((p) => p.status === 'PUBLISHED'),
    );
    const url = done.find((p) => p.id === longForm.id)?.externalUrl as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/@article\/\d+$/);
    const mine = posted.filter((p) => p.text.includes(tag));
    // The article went out before either short form, and each account holds its post once.
    expect(mine[0].username).toBe('article');
    expect(mine.map((p) => p.username).sort()).toEqual(['article', 'bref-deux', 'bref-un']);
    for (const user of ['bref-un', 'bref-deux']) {
      const [post] = mastodon.statusesOf(user).filter((s) => String(s.content).includes(tag));
      expect(String(post.content)).toContain(new URL(url).pathname);
      expect(String(post.content)).not.toContain('example.org/placeholder');
    }
    expect((await admin.query<{ status: string }>('SELECT status FROM content_items WHERE id = $1', [itemId])).rows[0].status).toBe(
      'PUBLISHED',
    );
  });

  it('keeps the short forms unsent while the long form has failed, and sends them once it is retried', async () => {
    const [blog, short1] = [await connect('article-deux'), await connect('bref-trois')];
    const { itemId, tag } = await pressRelease(blog, [short1]);
    // The long form is the only publication that can be claimed: the network's refusal is its.
    mastodon.inject(
      { type: 'status', status: 422, body: { error: 'Validation failed: Text is not allowed here' } },
      1,
      /^POST \/api\/v1\/statuses$/,
    );
    const scheduled = (await ok<{ scheduleContentItem: Publication[] }>(SCHEDULE, { input: { itemId, dueAt: inSeconds(1) } }))
      .scheduleContentItem;
    const longForm = scheduled.find((p) => p.networkAccountId === blog) as Publication;
    await until(
      'the long form failed',
      () => publicationsOf(itemId),
      (ps) => ps.find((p) => p.id === longForm.id)?.status === 'FAILED',
    );
    // Several sweeps (one a second) and a direct wake-up later, the short form is still waiting, unsent.
    await sleep(2500);
    await job.handle({ organizationId: org });
    const waiting = (await publicationsOf(itemId)).find((p) => p.id !== longForm.id) as Publication;
    expect(waiting.status).toBe('SCHEDULED');
    expect(waiting.waitsFor).toBe(longForm.id);
    expect(posted.filter((p) => p.text.includes(tag))).toEqual([]);
    const due = await admin.query('SELECT 1 FROM socle_publishing_sweep(now(), 100000) WHERE organization_id = $1', [org]);
    expect(due.rowCount).toBe(0);

    await ok(RETRY, { input: { id: longForm.id } });
    const done = await until(
      'both published',
      () => publicationsOf(itemId),
      (ps) => ps.every((p) => p.status === 'PUBLISHED'),
    );
    const url = done.find((p) => p.id === longForm.id)?.externalUrl as string;
    const [post] = mastodon.statusesOf('bref-trois').filter((s) => String(s.content).includes(tag));
    expect(String(post.content)).toContain(new URL(url).pathname);
    expect(posted.filter((p) => p.text.includes(tag)).map((p) => p.username)).toEqual(['article-deux', 'bref-trois']);
  });

  it('sends each short form once while several workers wake at once', async () => {
    const blog = await connect('article-trois');
    const shorts = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((s) => connect(`bref-course-${s}`)));
    const { itemId, tag } = await pressRelease(blog, shorts);
    await ok(SCHEDULE, { input: { itemId, dueAt: inSeconds(1) } });
    // The worker's own consumers run, and five more dispatches of the organisation race them.
    const racing = (async () => {
      for (let round = 0; round < 20; round++) {
        await Promise.all(Array.from({ length: 5 }, () => job.handle({ organizationId: org })));
        await sleep(100);
      }
    })();
    await until(
      'all published',
      () => publicationsOf(itemId),
      (ps) => ps.length === 6 && ps.every((p) => p.status === 'PUBLISHED'),
    );
    await racing;
    const mine = posted.filter((p) => p.text.includes(tag));
    expect(mine[0].username).toBe('article-trois');
    expect(mine.map((p) => p.username).sort()).toEqual(['article-trois', ...shorts.map((_, i) => `bref-course-${'abcde'[i]}`)].sort());
  });

  it('refuses to schedule short forms without their long form, and the item holds one long form, database-enforced', async () => {
    const [blog, short1, short2] = [await connect('article-quatre'), await connect('bref-quatre'), await connect('bref-cinq')];
    const { itemId, longVariantId } = await pressRelease(blog, [short1, short2]);
    const refused = await api.gql(SCHEDULE, { input: { itemId, dueAt: inSeconds(60), accountIds: [short1] } }, as());
    expect(firstError(refused)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(refused.body.errors)).toContain('input.accountIds');
    expect((await publicationsOf(itemId)).length).toBe(0);

    // Ten writers race to make each of the three variants the long form: one remains, whichever came last.
    await admin.query(`UPDATE content_items SET status = 'DRAFT' WHERE id = $1`, [itemId]);
    const accounts = [blog, short1, short2];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.gql(SET_VARIANT, { input: { itemId, networkAccountId: accounts[i % 3], text: `Version ${i}.`, longForm: true } }, as()),
      ),
    );
    expect(answers.map((a) => a.body.errors ?? null)).toEqual(answers.map(() => null));
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM content_variants WHERE item_id = $1 AND long_form', [
      itemId,
    ]);
    expect(rows[0].n).toBe(1);
    // The database refuses a second long form written behind the application's back.
    await expect(
      admin.query('UPDATE content_variants SET long_form = true WHERE item_id = $1 AND NOT long_form', [itemId]),
    ).rejects.toThrow(/content_variants_one_long_form/);
    // false makes the long form a short one again: the item then has none.
    const current = (
      await ok<{ contentItem: { variants: { id: string; networkAccountId: string; longForm: boolean }[] } }>(VARIANTS, { id: itemId })
    ).contentItem.variants.find((v) => v.longForm) as { networkAccountId: string };
    await ok(SET_VARIANT, {
      input: { itemId, networkAccountId: current.networkAccountId, text: 'Plus de version longue.', longForm: false },
    });
    const after = (await ok<{ contentItem: { variants: { longForm: boolean }[] } }>(VARIANTS, { id: itemId })).contentItem.variants;
    expect(after.map((v) => v.longForm)).toEqual([false, false, false]);
    expect(longVariantId).toBeTruthy();
  });

  it('leaves another tenant’s item and its long form out of reach', async () => {
    const [blog, short1] = [await connect('article-cinq'), await connect('bref-six')];
    const { itemId } = await pressRelease(blog, [short1]);
    const foreignAccount = await connect('ailleurs', otherOrg);
    const asOther = await api.gql(
      SET_VARIANT,
      { input: { itemId, networkAccountId: foreignAccount, text: 'Intrusion.', longForm: true } },
      as(otherOrg),
    );
    expect(firstError(asOther)).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const foreignList = await api.gql<{ publications: { edges: unknown[] } }>(LIST, { itemId }, as(otherOrg));
    expect(foreignList.body.data?.publications.edges ?? []).toEqual([]);
    const { rows } = await admin.query<{ long_form: boolean; text: string }>(
      'SELECT long_form, text FROM content_variants WHERE item_id = $1 ORDER BY long_form DESC',
      [itemId],
    );
    expect(rows.map((r) => r.long_form)).toEqual([true, false]);
    expect(rows.some((r) => r.text === 'Intrusion.')).toBe(false);
  });
});
