import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { Budget, PublicationWakeups, PublishPublicationJob } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { AgencySession, createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { until } from './e2e-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STATUSES = /^POST \/api\/v1\/statuses$/;
const MEDIA = /^POST \/api\/v2\/media$/;

/**
 * A network that answers slowly (a real instance takes 100–500 ms a post, an upload longer) must not make the posts of
 * one organisation wait for another's: the worker publishes for many organisations at once (PUBLISHING_CONCURRENCY),
 * with no transaction open while the calls wait, and holds no more media in memory than its buffer allows. The
 * instance here holds the calls until the test lets them go, so what reaches it at once is counted, not timed.
 */
describe('publishing while the network is slow', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: PublishPublicationJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let dir: string;
  let database: ReturnType<typeof ownTestDatabase>;

  const connect = async (organizationId: string, username: string) =>
    (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        { token: owner.token, organizationId },
      )
    ).connectNetworkAccount.id;
  /** One SCHEDULED item of the organisation with one variant on `account` (media by id) and its publication, due now. */
  const due = async (organizationId: string, account: string, mediaIds: string[] = []) => {
    const text = `Annonce ${randomBytes(4).toString('hex')}`;
    const {
      rows: [row],
    } = await admin.query<{ id: string }>(
      `WITH input AS MATERIALIZED (SELECT gen_random_uuid() AS item, gen_random_uuid() AS variant, gen_random_uuid() AS publication),
            items AS (INSERT INTO content_items (organization_id, id, title, status) SELECT $1, item, 'Annonce', 'SCHEDULED' FROM input),
            variants AS (INSERT INTO content_variants (organization_id, id, item_id, network_account_id, network, text, media_ids)
                         SELECT $1, variant, item, $2, 'mastodon', $3, $4::uuid[] FROM input),
            publications AS (INSERT INTO publications (organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
                             SELECT $1, publication, item, variant, $2, 'mastodon', now(), now(), 'SCHEDULED', 'socle-test-' || publication FROM input)
       SELECT publication AS id FROM input`,
      [organizationId, account, text, mediaIds],
    );
    return row.id;
  };
  const statuses = async (ids: string[]) =>
    (await admin.query<{ status: string }>('SELECT status FROM publications WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).rows.map(
      (r) => r.status,
    );
  const wake = (organizationId: string) => worker.context.get(PublicationWakeups, { strict: false }).wake(organizationId, new Date());

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-slow-network-'));
    mastodon = await MastodonTestServer.start();
    // A database of its own: what reaches the instance at once is this worker's alone (the sweepers of the workers other
    // suites run on the shared database would take these organisations' due posts too, and this worker theirs).
    database = ownTestDatabase();
    const overrides = { ...database.env, MEDIA_STORAGE_DIR: dir, CONNECTOR_TIMEOUT_MS: '20000', PUBLISHING_SWEEP_SECONDS: '3600' };
    api = await TestApi.start(overrides);
    worker = await createWorker(loadConfig({ ...process.env, ...overrides, QUEUE_PREFIX: api.config.QUEUE_PREFIX }), {
      reconcileEveryMs: 600_000,
    });
    job = worker.context.get(PublishPublicationJob, { strict: false });
    admin = new Client({ connectionString: database.adminUrl });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence Réseau Lent');
  });
  afterEach(() => mastodon.clearInjections());
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (database) await dropTestDatabase(database.name);
  });

  it('calls the network for many organisations at once, each post once, with no transaction open while the calls wait', async () => {
    // More organisations than the four a worker used to take at once, fewer than it takes now.
    const count = 12;
    expect(job.concurrency).toBeGreaterThanOrEqual(count);
    const organizations: string[] = [];
    for (let i = 0; i < count; i++) organizations.push(await createOrganization(api, owner, `Client lent ${i}`));
    const publications: string[] = [];
    for (const [i, organizationId] of organizations.entries())
      publications.push(await due(organizationId, await connect(organizationId, `lent${i}`)));
    let release!: () => void;
    mastodon.inject({ type: 'held', until: new Promise<void>((resolve) => (release = resolve)) }, count, STATUSES);
    try {
      for (const organizationId of organizations) await wake(organizationId);
      // Every organisation's post is at the network together, none answered yet.
      await until(
        'every organisation’s call at the network at once',
        () => mastodon.pendingInjections,
        (left) => left === 0,
      );
      // Waiting on the network holds nothing in PostgreSQL: no transaction of the worker left open meanwhile.
      await sleep(1500);
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND now() - state_change > interval '1 second'`,
      );
      expect(rows[0].n).toBe(0);
      expect(await statuses(publications)).toEqual(publications.map(() => 'PUBLISHING'));
    } finally {
      release();
    }
    await until(
      'every publication published',
      () => statuses(publications),
      (list) => list.every((s) => s === 'PUBLISHED'),
    );
    for (let i = 0; i < count; i++) expect(mastodon.statusesOf(`lent${i}`)).toHaveLength(1);
  });

  it('holds no more media in memory than its buffer: a file that does not fit waits until the one being sent is out', async () => {
    const organizationId = await createOrganization(api, owner, 'Galerie Lente');
    const account = await connect(organizationId, 'galerie');
    const upload = async () => {
      const picture = await sharp(randomBytes(60 * 60 * 3), { raw: { width: 60, height: 60, channels: 3 } })
        .png({ compressionLevel: 0 })
        .toBuffer();
      const res = await request(api.server)
        .post('/media')
        .set('authorization', `Bearer ${owner.token}`)
        .set('x-socle-organization', organizationId)
        .attach('file', picture, { filename: 'vitrine.png', contentType: 'image/png' });
      expect(res.status).toBe(201);
      return res.body as { id: string; byteSize: number };
    };
    const [first, second] = [await upload(), await upload()];
    const defaults = job.mediaBuffer;
    // Room for one of the two files, not both.
    job.mediaBuffer = new Budget(Math.max(first.byteSize, second.byteSize) + 1);
    const publications = [await due(organizationId, account, [first.id]), await due(organizationId, account, [second.id])];
    let release!: () => void;
    mastodon.inject({ type: 'held', until: new Promise<void>((resolve) => (release = resolve)) }, 2, MEDIA);
    try {
      await wake(organizationId);
      await until(
        'the first upload at the network',
        () => mastodon.pendingInjections,
        (left) => left === 1,
      );
      // The batch sends its two publications on two lanes, but the second file waits for room in the buffer.
      await sleep(700);
      expect(mastodon.pendingInjections).toBe(1);
      expect(job.mediaBuffer.taken).toBeGreaterThan(0);
    } finally {
      release();
    }
    await until(
      'both publications published',
      () => statuses(publications),
      (list) => list.every((s) => s === 'PUBLISHED'),
    );
    expect(mastodon.statusesOf('galerie')).toHaveLength(2);
    expect(job.mediaBuffer.taken).toBe(0);
    job.mediaBuffer = defaults;
  });
});
