import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { PublicationRepository, PublishPublicationJob } from '@socle/content';
import type { PublicationUpload } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback X of the plugin's tests is the network these tests talk to
import { startXTestServer, XTestServer } from '../../plugins/x/src/test/x.server';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Threads of the plugin's tests, which fetches media itself
import { startThreadsTestServer, ThreadsTestServer } from '../../plugins/threads/src/test/threads.server';
import type { LoopbackHandler } from '@socle/connector-sdk/testing';
import { adminDatabase } from './e2e-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CHUNK = 8 * 1024;

/** A free loopback port: the API listens on it, and PUBLIC_URL names it so the Threads test server can fetch from it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Upload {
  attachment: number;
  attachments: number;
  sentBytes: number;
  totalBytes: number;
  percent: number;
  updatedAt: string;
}

/**
 * How a publication's media reach the network, through the worker: in chunks with the upload's progress kept on the
 * publication (X), or fetched by the network itself from the platform's public address (Threads).
 */
describe('publishing media: upload progress and media by public address', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: PublishPublicationJob;
  let admin: Client;
  let dir: string;
  let x: XTestServer;
  let threads: ThreadsTestServer;
  let owner: AgencySession;
  let org: string;
  let publicUrl: string;

  const as = () => ({ token: owner.token, organizationId: org });
  const uploadMedia = async (file: Buffer, filename: string, contentType: string) => {
    const res = await request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${owner.token}`)
      .set('x-socle-organization', org)
      .attach('file', file, { filename, contentType });
    expect(res.status).toBe(201);
    return res.body as { id: string; byteSize: number };
  };
  const connect = async (network: string, serviceUrl: string, accessToken: string) =>
    (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network, serviceUrl, accessToken } },
        as(),
      )
    ).connectNetworkAccount.id;
  /** An APPROVED item with one variant on `accountId` showing `mediaIds`, scheduled now. */
  const publishWithMedia = async (network: string, accountId: string, mediaIds: string[]) => {
    const text = `Nouvelle vitrine ${randomBytes(4).toString('hex')}`;
    const {
      rows: [item],
    } = await admin.query<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Vitrine', 'APPROVED') RETURNING id`,
      [org],
    );
    await admin.query(
      'INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text, media_ids) VALUES ($1, $2, $3, $4, $5, $6::uuid[])',
      [org, item.id, accountId, network, text, mediaIds],
    );
    await api.ok(
      'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id } }',
      { input: { itemId: item.id, dueAt: new Date(Date.now() + 1000).toISOString() } },
      as(),
    );
    return { itemId: item.id, text };
  };
  const publicationOf = async (itemId: string) => {
    const end = Date.now() + 30_000;
    for (;;) {
      const data = await api.ok<{
        publications: { edges: { node: { id: string; status: string; lastError: string | null; upload: Upload | null } }[] };
      }>(
        'query ($itemId: ID) { publications(first: 5, itemId: $itemId) { edges { node { id status lastError upload { attachment attachments sentBytes totalBytes percent updatedAt } } } } }',
        { itemId },
        as(),
      );
      const [node] = data.publications.edges.map((e) => e.node);
      if (node && ['PUBLISHED', 'FAILED'].includes(node.status)) return node;
      if (Date.now() > end) throw new Error(`publication of ${itemId} still ${node?.status}: ${node?.lastError}`);
      await sleep(150);
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-media-delivery-'));
    [x, threads] = await Promise.all([startXTestServer(), startThreadsTestServer()]);
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    const overrides = {
      CONNECTORS: '@socle/plugin-mastodon,@socle/plugin-x,@socle/plugin-threads',
      CONNECTOR_OPTIONS: JSON.stringify({
        '@socle/plugin-x': { chunkBytes: CHUNK, statusPollMs: 5 },
        '@socle/plugin-threads': { containerPollIntervalMs: 20 },
      }),
      MEDIA_STORAGE_DIR: dir,
      PUBLIC_URL: publicUrl,
      CONNECTOR_TIMEOUT_MS: '5000',
    };
    api = await TestApi.start(overrides);
    await api.app.listen({ port, host: '127.0.0.1' });
    worker = await createWorker(
      loadConfig({ ...process.env, ...overrides, QUEUE_PREFIX: api.config.QUEUE_PREFIX, PUBLISHING_SWEEP_SECONDS: '1' }),
      {
        reconcileEveryMs: 600_000,
      },
    );
    job = worker.context.get(PublishPublicationJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Médias Réseaux');
    org = await createOrganization(api, owner, 'Galerie Vitrine');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await Promise.all([x?.close(), threads?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the progress of a chunked upload on the publication as X confirms each segment, ending at every byte', async () => {
    const picture = await sharp(randomBytes(90 * 90 * 3), { raw: { width: 90, height: 90, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const asset = await uploadMedia(picture, 'vitrine.png', 'image/png');
    expect(asset.byteSize).toBeGreaterThan(CHUNK * 2);
    const account = await connect('x', x.baseUrl, x.issueAccessToken());
    // Every report written (no throttling), each seen as the repository receives it (the spy calls through).
    job.uploadEveryMs = 0;
    const spy = jest.spyOn(PublicationRepository.prototype, 'recordUpload');
    // X answers each APPEND after 400 ms, as over a slow link: every confirmed segment is then far enough from the
    // next for its report to be written before it. (Only APPENDs: the platform's other calls to X are left alone.)
    const server = x as unknown as { handler: LoopbackHandler };
    const answer = server.handler;
    x.setHandler(async (request) => {
      if (request.method === 'POST' && /^\/2\/media\/upload\/\d+\/append$/.test(request.url.pathname)) await sleep(400);
      return answer(request);
    });
    const { itemId } = await publishWithMedia('x', account, [asset.id]);
    const publication = await publicationOf(itemId).finally(() => x.setHandler(answer));
    const seen: PublicationUpload[] = spy.mock.calls.map((call) => call[3]);
    spy.mockRestore();
    job.uploadEveryMs = 1000;

    expect(publication.status).toBe('PUBLISHED');
    const segments = Math.ceil(asset.byteSize / CHUNK);
    const [upload] = [...x.uploads.values()].filter((u) => u.totalBytes === asset.byteSize);
    expect(upload.segments.size).toBe(segments);
    // 0 first, then every confirmed segment, never backwards, ending at the file's size.
    const sent = seen.map((s) => s.sentBytes);
    expect(sent[0]).toBe(0);
    expect(sent.at(-1)).toBe(asset.byteSize);
    expect(new Set(sent).size).toBeGreaterThanOrEqual(segments);
    for (let i = 1; i < sent.length; i++) expect(sent[i]).toBeGreaterThanOrEqual(sent[i - 1]);
    expect(seen.every((s) => s.totalBytes === asset.byteSize && s.media === 0 && s.mediaCount === 1)).toBe(true);
    expect(publication.upload).toMatchObject({
      attachment: 1,
      attachments: 1,
      sentBytes: asset.byteSize,
      totalBytes: asset.byteSize,
      percent: 100,
    });
  });

  it('writes the progress at most about once a second (the latest report wins), and the last one always', async () => {
    const picture = await sharp(randomBytes(120 * 120 * 3), { raw: { width: 120, height: 120, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const asset = await uploadMedia(picture, 'vitrine-2.png', 'image/png');
    const account = await connect('x', x.baseUrl, x.issueAccessToken());
    const spy = jest.spyOn(PublicationRepository.prototype, 'recordUpload');
    const { itemId } = await publishWithMedia('x', account, [asset.id]);
    const publication = await publicationOf(itemId);
    const calls = spy.mock.calls.map((call) => call[3].sentBytes);
    spy.mockRestore();
    expect(publication.status).toBe('PUBLISHED');
    // Several segments confirmed within well under a second: the first report and the last are written, not each one.
    expect(Math.ceil(asset.byteSize / CHUNK)).toBeGreaterThan(3);
    expect(calls[0]).toBe(0);
    expect(calls.at(-1)).toBe(asset.byteSize);
    expect(calls.length).toBeLessThan(Math.ceil(asset.byteSize / CHUNK));
    expect(publication.upload).toMatchObject({ sentBytes: asset.byteSize, percent: 100 });
  });

  it('gives Threads each file at a public address it fetches itself, without credentials, and publishes once', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } })
      .jpeg()
      .toBuffer();
    const asset = await uploadMedia(jpeg, 'affiche.jpg', 'image/jpeg');
    const account = await connect('threads', threads.baseUrl, threads.issueLongLivedToken());
    const { itemId, text } = await publishWithMedia('threads', account, [asset.id]);
    const publication = await publicationOf(itemId);
    expect(publication).toMatchObject({ status: 'PUBLISHED', lastError: null });
    const posts = [...threads.posts.values()].filter((p) => p.text.includes(text));
    expect(posts).toHaveLength(1);
    expect(posts[0].mediaType).toBe('IMAGE');
    expect(posts[0].media).toHaveLength(1);
    const [fetched] = posts[0].media;
    expect(fetched.url.startsWith(`${publicUrl}/media/public/`)).toBe(true);
    expect(fetched).toMatchObject({ contentType: 'image/jpeg', bytes: jpeg.length });
    // The address is this file's alone: another organisation's token would not open it, and it serves these bytes.
    const again = await fetch(fetched.url);
    expect(Buffer.compare(Buffer.from(await again.arrayBuffer()), jpeg)).toBe(0);
  });
});
