import { ConnectorError, loadConnectorsFromConfig } from '@socle/connector-sdk';
import type { OAuthClient, OAuthClients, UploadProgress, Variant } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import * as pluginModule from '../index';
import createLinkedinConnector from '../index';
import { linkedinEndpoints } from './client';
import { fromLittleText, toLittleText } from './little-text';
import { LINKEDIN_SCOPES, linkOf } from './linkedin.connector';
import {
  AGENCY_MEMBER,
  CLIENT_ID,
  CLIENT_SECRET,
  LinkedinTestServer,
  ORG_BAKERY,
  ORG_CYCLES,
  ORG_MUTUAL,
  SOLO_MEMBER,
} from '../test/linkedin.server';
import { approve, linkedinConnector, pageCredentials, REDIRECT_URI, refreshableCredentials, testContext } from '../test/fixtures';

class Clients implements OAuthClients {
  registered = 0;
  client?: OAuthClient;
  async getOrRegister(register: () => Promise<OAuthClient>): Promise<OAuthClient> {
    if (!this.client) {
      this.client = await register();
      this.registered++;
    }
    return this.client;
  }
}

let server: LinkedinTestServer;
const ctx = testContext();
const connector = linkedinConnector();
let counter = 0;
const unique = (text: string) => `${text} #${++counter} (${Date.now()})`;

beforeAll(async () => {
  server = await LinkedinTestServer.start();
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.setDailyMemberLimit(undefined);
});

/** The body of the last request to `path` (and method). */
function lastRequest(method: string, pathPrefix: string) {
  const found = [...server.requests].reverse().find((request) => request.method === method && request.url.pathname.startsWith(pathPrefix));
  if (!found) throw new Error(`no ${method} ${pathPrefix} was sent`);
  return found;
}

describe('publish', () => {
  it('posts text as the page with the versioned headers and returns the URN from x-restli-id', async () => {
    const before = server.postCount();
    const text = unique('Nouvelle fournée (pain au levain) à 7h — #Annecy');
    const post = await connector.publish(ctx, pageCredentials(server), { variant: { text }, idempotencyKey: 'k1' });
    expect(post.externalId).toMatch(/^urn:li:share:\d+$/);
    expect(post.url).toBe(`https://www.linkedin.com/feed/update/${post.externalId}/`);
    expect(server.postCount()).toBe(before + 1);
    const request = lastRequest('POST', '/rest/posts');
    expect(request.headers['linkedin-version']).toMatch(/^\d{6}$/);
    expect(request.headers['x-restli-protocol-version']).toBe('2.0.0');
    const body = request.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      author: ORG_BAKERY,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      distribution: { feedDistribution: 'MAIN_FEED' },
    });
    expect(body.content).toBeUndefined();
    // Reserved characters escaped, the hashtag written with LinkedIn's template.
    expect(body.commentary).toContain('\\(pain au levain\\)');
    expect(body.commentary).toContain('{hashtag|#|Annecy}');
    expect(fromLittleText(String(body.commentary))).toBe(text);
  });

  it('publishes a link as an article: options.link first, else the first URL of the text', async () => {
    await connector.publish(ctx, pageCredentials(server), {
      variant: { text: unique('Notre tarif'), options: { link: 'https://boulangerie.example/tarifs', linkTitle: 'Tarifs 2026' } },
      idempotencyKey: 'k-link-1',
    });
    expect(lastRequest('POST', '/rest/posts').json<Record<string, unknown>>().content).toEqual({
      article: { source: 'https://boulangerie.example/tarifs', title: 'Tarifs 2026' },
    });
    await connector.publish(ctx, pageCredentials(server), {
      variant: { text: unique('À lire : https://boulangerie.example/histoire.') },
      idempotencyKey: 'k-link-2',
    });
    expect(lastRequest('POST', '/rest/posts').json<Record<string, unknown>>().content).toEqual({
      article: { source: 'https://boulangerie.example/histoire', title: 'boulangerie.example' },
    });
  });

  it('uploads one image (initializeUpload, then PUT) and posts it as content.media', async () => {
    const png = makePng(4, 3);
    const post = await connector.publish(ctx, pageCredentials(server), {
      variant: { text: unique('Croissants'), media: [{ mimeType: 'image/png', data: png, altText: 'Des croissants' }] },
      idempotencyKey: 'k-img-1',
    });
    const init = lastRequest('POST', '/rest/images');
    expect(init.url.searchParams.get('action')).toBe('initializeUpload');
    expect(init.json()).toEqual({ initializeUploadRequest: { owner: ORG_BAKERY } });
    const content = server.posts.get(post.externalId)?.content as { media: { id: string; altText: string } };
    expect(content.media.altText).toBe('Des croissants');
    expect(Buffer.compare(server.images.get(content.media.id)?.bytes as Buffer, Buffer.from(png))).toBe(0);
    expect(lastRequest('PUT', '/dms-uploads/').headers['content-type']).toBe('image/png');
  });

  it('posts several images as content.multiImage', async () => {
    const media = [1, 2, 3].map((n) => ({ mimeType: 'image/png', data: makePng(n + 1, n + 1) }));
    const post = await connector.publish(ctx, pageCredentials(server), {
      variant: { text: unique('La vitrine'), media },
      idempotencyKey: 'k-img-3',
    });
    const content = server.posts.get(post.externalId)?.content as { multiImage: { images: { id: string }[] } };
    expect(content.multiImage.images).toHaveLength(3);
    for (const image of content.multiImage.images) expect(server.images.get(image.id)?.bytes?.length).toBeGreaterThan(0);
  });

  it('answers a retried publish with the post LinkedIn calls it a duplicate of: one post', async () => {
    const variant: Variant = { text: unique('Fermé lundi') };
    const before = server.postCount();
    const first = await connector.publish(ctx, pageCredentials(server), { variant, idempotencyKey: 'k-dup' });
    const second = await connector.publish(ctx, pageCredentials(server), { variant, idempotencyKey: 'k-dup' });
    expect(second).toEqual(first);
    expect(server.postCount()).toBe(before + 1);
  });

  it('fails with TRANSIENT and creates no post when an image upload (PUT) fails', async () => {
    const before = server.postCount();
    server.failUploads(500);
    const media = [1, 2].map((n) => ({ mimeType: 'image/png', data: makePng(n + 2, 2) }));
    await expectConnectorError(
      connector.publish(ctx, pageCredentials(server), { variant: { text: unique('Pas publié'), media }, idempotencyKey: 'k-up' }),
      'TRANSIENT',
    );
    expect(server.postCount()).toBe(before);
  });

  it('refuses an upload URL outside LinkedIn without sending the token there', async () => {
    server.inject({
      type: 'status',
      status: 200,
      body: { value: { uploadUrl: 'https://uploads.example.net/x', image: 'urn:li:image:C1' } },
    });
    const error = await expectConnectorError(
      connector.publish(ctx, pageCredentials(server), {
        variant: { text: unique('Image'), media: [{ mimeType: 'image/png', data: makePng(2, 2) }] },
        idempotencyKey: 'k-evil',
      }),
      'UNKNOWN',
    );
    expect(error.message).toContain('uploads.example.net');
  });

  it('refuses credentials not bound to a page, for every operation acting as it', async () => {
    const member = { serviceUrl: server.baseUrl, secrets: { accessToken: server.createAccessToken(AGENCY_MEMBER) } };
    const calls = [
      connector.publish(ctx, member, { variant: { text: 'x' }, idempotencyKey: 'k' }),
      connector.delete(ctx, member, 'urn:li:share:1'),
      connector.reply(ctx, member, 'urn:li:share:1', { text: 'x' }, 'k'),
      connector.fetchMetrics(ctx, member, ['urn:li:share:1']),
      connector.fetchAccountMetrics(ctx, member),
      connector.fetchComments(ctx, member, 'urn:li:share:1'),
    ];
    for (const call of calls) expect((await expectConnectorError(call, 'REJECTED')).message).toContain('secrets.author');
  });

  it('validates the text length in code points and the image pixel count', () => {
    expect(connector.validate({ text: '👋'.repeat(3000) })).toEqual([]);
    expect(connector.validate({ text: 'x'.repeat(3001) }).map((violation) => violation.path)).toContain('text');
    const huge = Buffer.from(makePng(1, 1));
    huge.writeUInt32BE(7000, 16); // IHDR width
    huge.writeUInt32BE(6000, 20); // IHDR height
    const violations = connector.validate({ text: 'ok', media: [{ mimeType: 'image/png', data: huge }] });
    expect(violations.map((violation) => violation.rule)).toContain('media.too-many-pixels');
    // Described by the media library (no bytes): its measured dimensions and size are what is judged.
    const described = (width: number, height: number) =>
      connector.validate({ text: 'ok', media: [{ mimeType: 'image/png', data: new Uint8Array(0), byteSize: 4096, width, height }] });
    expect(described(7000, 6000).map((violation) => violation.rule)).toEqual(['media.too-many-pixels']);
    expect(described(1200, 627)).toEqual([]);
    expect(connector.validate({ text: 'ok', options: { link: 'javascript:alert(1)' } }).map((violation) => violation.path)).toContain(
      'options.link',
    );
    expect(linkOf({ text: 'no link here' })).toBeUndefined();
  });
});

describe('video', () => {
  const MB = 1024 * 1024;
  const videoConnector = linkedinConnector({ videoPollIntervalMs: 2, videoMaxWaitMs: 2000 });
  /** Bytes that differ from part to part, so a part sent twice or out of order shows. */
  const videoOf = (size: number) => {
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 12)) & 0xff;
    return data;
  };
  const withProgress = () => {
    const reports: UploadProgress[] = [];
    return { context: { ...ctx, progress: (report: UploadProgress) => reports.push(report) }, reports };
  };
  const partPuts = (since: number) =>
    server.requests.slice(since).filter((request) => request.method === 'PUT' && request.url.pathname.startsWith('/dms-uploads/video/'));

  it('uploads a video of a few MB in 4 MB parts, reports progress in order, waits for AVAILABLE and posts it', async () => {
    server.planVideos(2);
    const data = videoOf(9 * MB + 123);
    const { context, reports } = withProgress();
    const before = server.requests.length;
    const post = await videoConnector.publish(context, pageCredentials(server), {
      variant: { text: unique('Le fournil en vidéo'), media: [{ mimeType: 'video/mp4', data }], options: { videoTitle: 'Le fournil' } },
      idempotencyKey: 'k-video',
    });
    const init = lastRequest('POST', '/rest/videos');
    expect(
      server.requests
        .slice(before)
        .find((request) => request.url.searchParams.get('action') === 'initializeUpload')
        ?.json(),
    ).toEqual({
      initializeUploadRequest: { owner: ORG_BAKERY, fileSizeBytes: data.byteLength, uploadCaptions: false, uploadThumbnail: false },
    });
    expect(init.url.searchParams.get('action')).toBe('finalizeUpload');
    const content = server.posts.get(post.externalId)?.content as { media: { id: string; title: string } };
    expect(content.media.title).toBe('Le fournil');
    const video = server.videos.get(content.media.id);
    expect(video?.status).toBe('AVAILABLE');
    expect(video?.parts.map((part) => part.bytes?.length)).toEqual([4 * MB, 4 * MB, MB + 123]);
    expect(Buffer.compare(Buffer.concat(video?.parts.map((part) => part.bytes as Buffer) ?? []), Buffer.from(data))).toBe(0);
    expect((init.json() as { finalizeUploadRequest: { uploadedPartIds: string[]; uploadToken: string } }).finalizeUploadRequest).toEqual({
      video: content.media.id,
      uploadToken: video?.uploadToken,
      uploadedPartIds: video?.parts.map((part) => part.etag),
    });
    expect(reports).toEqual([
      { media: 0, sentBytes: 0, totalBytes: data.byteLength },
      { media: 0, sentBytes: 4 * MB, totalBytes: data.byteLength },
      { media: 0, sentBytes: 8 * MB, totalBytes: data.byteLength },
      { media: 0, sentBytes: data.byteLength, totalBytes: data.byteLength },
    ]);
    const statusReads = server.requests
      .slice(before)
      .filter((request) => request.method === 'GET' && request.url.pathname.startsWith('/rest/videos/'));
    expect(statusReads).toHaveLength(3);
  });

  it('a part that fails (500) fails the publish as TRANSIENT: no finalize, no post, progress stops at the last confirmed part', async () => {
    server.failVideoPart(1, 500);
    const data = videoOf(6 * MB);
    const { context, reports } = withProgress();
    const before = server.requests.length;
    const posts = server.postCount();
    await expectConnectorError(
      videoConnector.publish(context, pageCredentials(server), {
        variant: { text: unique('Coupé'), media: [{ mimeType: 'video/mp4', data }] },
        idempotencyKey: 'k-video-part',
      }),
      'TRANSIENT',
    );
    expect(partPuts(before)).toHaveLength(2);
    expect(server.requests.slice(before).some((request) => request.url.searchParams.get('action') === 'finalizeUpload')).toBe(false);
    expect(reports.map((report) => report.sentBytes)).toEqual([0, 4 * MB]);
    expect(server.postCount()).toBe(posts);
  });

  it('a finalize naming the wrong ETags is refused by LinkedIn: REJECTED, no post', async () => {
    server.misreportEtag(1);
    const posts = server.postCount();
    const error = await expectConnectorError(
      videoConnector.publish(ctx, pageCredentials(server), {
        variant: { text: unique('Mauvais ETag'), media: [{ mimeType: 'video/mp4', data: videoOf(5 * MB) }] },
        idempotencyKey: 'k-video-etag',
      }),
      'REJECTED',
    );
    expect(error.networkReason).toContain('uploadedPartIds do not match');
    expect(server.postCount()).toBe(posts);
  });

  it('a video LinkedIn cannot process is REJECTED with its reason; one still processing after the wait is TRANSIENT', async () => {
    server.planVideos(0, 'PROCESSING_FAILED');
    const failed = await expectConnectorError(
      videoConnector.publish(ctx, pageCredentials(server), {
        variant: { text: unique('Trop long'), media: [{ mimeType: 'video/mp4', data: videoOf(100 * 1024) }] },
        idempotencyKey: 'k-video-failed',
      }),
      'REJECTED',
    );
    expect(failed.networkReason).toBe('Video duration is out of bounds');
    server.planVideos(1_000_000);
    const slow = await expectConnectorError(
      linkedinConnector({ videoPollIntervalMs: 2, videoMaxWaitMs: 20 }).publish(ctx, pageCredentials(server), {
        variant: { text: unique('Lent'), media: [{ mimeType: 'video/mp4', data: videoOf(100 * 1024) }] },
        idempotencyKey: 'k-video-slow',
      }),
      'TRANSIENT',
    );
    expect(slow.message).toContain('still PROCESSING');
  });

  it('does not follow upload instructions that leave a gap in the byte ranges', async () => {
    server.inject({
      type: 'status',
      status: 200,
      body: {
        value: {
          video: 'urn:li:video:C5F10AQgap',
          uploadToken: '',
          uploadInstructions: [
            { uploadUrl: `${server.baseUrl}/dms-uploads/video/a`, firstByte: 0, lastByte: 1023 },
            { uploadUrl: `${server.baseUrl}/dms-uploads/video/b`, firstByte: 2048, lastByte: 100 * 1024 - 1 },
          ],
        },
      },
    });
    const before = server.requests.length;
    const error = await expectConnectorError(
      videoConnector.publish(ctx, pageCredentials(server), {
        variant: { text: unique('Trou'), media: [{ mimeType: 'video/mp4', data: videoOf(100 * 1024) }] },
        idempotencyKey: 'k-video-gap',
      }),
      'UNKNOWN',
    );
    expect(error.message).toContain('upload instruction 2');
    expect(partPuts(before)).toHaveLength(0);
  });

  it('validate allows one video alone: never with images, never two, 75 KB at least; images keep 20 MB', async () => {
    const video = { mimeType: 'video/mp4', data: videoOf(100 * 1024) };
    const image = { mimeType: 'image/png', data: makePng(2, 2) };
    const rules = (media: { mimeType: string; data: Uint8Array }[]) =>
      connector.validate({ text: 'ok', media }).map((violation) => violation.rule);
    expect(rules([video])).toEqual([]);
    expect(rules([image, video])).toEqual(['media.mixed']);
    expect(rules([video, video])).toEqual(['media.too-many-videos']);
    expect(rules([{ mimeType: 'video/mp4', data: videoOf(1000) }])).toEqual(['media.too-small']);
    expect(rules([{ mimeType: 'image/jpeg', data: new Uint8Array(20 * MB + 1) }])).toEqual(['media.too-large']);
    expect(rules([{ mimeType: 'video/quicktime', data: videoOf(100 * 1024) }])).toEqual(['media.type']);
    const before = server.requests.length;
    await expectConnectorError(
      connector.publish(ctx, pageCredentials(server), { variant: { text: 'mixed', media: [image, video] }, idempotencyKey: 'k-mixed' }),
      'REJECTED',
    );
    expect(server.requests.length).toBe(before);
  });
});

describe('delete, comments, reply', () => {
  it('deletes a post; deleting it again succeeds', async () => {
    const post = await connector.publish(ctx, pageCredentials(server), {
      variant: { text: unique('À supprimer') },
      idempotencyKey: 'k-del',
    });
    await connector.delete(ctx, pageCredentials(server), post.externalId);
    expect(server.posts.has(post.externalId)).toBe(false);
    expect(lastRequest('DELETE', '/rest/posts/').url.pathname).toBe(`/rest/posts/${encodeURIComponent(post.externalId)}`);
    await expect(connector.delete(ctx, pageCredentials(server), post.externalId)).resolves.toBeUndefined();
    await expectConnectorError(connector.delete(ctx, pageCredentials(server), 'not-an-urn'), 'REJECTED');
  });

  it('pages through the comments of a post, then replies as the page (to the post and to a comment)', async () => {
    const post = await connector.publish(ctx, pageCredentials(server), { variant: { text: unique('Vos avis ?') }, idempotencyKey: 'k-c' });
    for (let i = 1; i <= 23; i++) server.addComment(post.externalId, `Avis \\(n°${i}\\)`);
    const first = await connector.fetchComments(ctx, pageCredentials(server), post.externalId);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ text: 'Avis (n°1)', authorHandle: 'urn:li:person:follower9', inReplyTo: post.externalId });
    expect(first.items[0].url).toContain(`https://www.linkedin.com/feed/update/${post.externalId}/?commentUrn=`);
    const second = await connector.fetchComments(ctx, pageCredentials(server), post.externalId, first.cursor);
    expect(second.items).toHaveLength(3);
    expect(second.cursor).toBeUndefined();
    await expectConnectorError(connector.fetchComments(ctx, pageCredentials(server), post.externalId, 'garbage'), 'REJECTED');

    const reply = await connector.reply(ctx, pageCredentials(server), post.externalId, { text: 'Merci (vraiment) !' }, 'k-r');
    expect(reply.externalId).toMatch(new RegExp(`^urn:li:comment:\\(${post.externalId},\\d+\\)$`));
    const body = lastRequest('POST', '/rest/socialActions/').json<Record<string, unknown>>();
    expect(body).toEqual({ actor: ORG_BAKERY, object: post.externalId, message: { text: 'Merci \\(vraiment\\) !' } });

    const nested = await connector.reply(ctx, pageCredentials(server), first.items[0].externalId, { text: 'Merci Julie' }, 'k-r2');
    const stored = server.comments.find((comment) => comment.urn === nested.externalId);
    expect(stored?.parentComment).toBe(first.items[0].externalId);
  });
});

describe('metrics', () => {
  it('reads likes, comments, reshares and impressions from organizationalEntityShareStatistics', async () => {
    const post = await connector.publish(ctx, pageCredentials(server), { variant: { text: unique('Stats') }, idempotencyKey: 'k-m' });
    server.setStats(post.externalId, { likes: 12, comments: 3, shares: 2, impressions: 480 });
    const [metrics] = await connector.fetchMetrics(ctx, pageCredentials(server), [post.externalId]);
    expect(metrics).toMatchObject({ externalId: post.externalId, likes: 12, replies: 3, reposts: 2, impressions: 480 });
    const request = lastRequest('GET', '/rest/organizationalEntityShareStatistics');
    expect(request.url.search).toContain(`shares=List(${encodeURIComponent(post.externalId)})`);
  });

  it("reads the page's followers from networkSizes", async () => {
    const counts = await connector.fetchAccountMetrics(ctx, pageCredentials(server, ORG_CYCLES));
    expect(counts.followers).toBe(5310);
    expect(lastRequest('GET', '/rest/networkSizes/').url.searchParams.get('edgeType')).toBe('COMPANY_FOLLOWED_BY_MEMBER');
  });
});

describe('targets', () => {
  it('lists only the pages the member administers, each bound to its URN', async () => {
    const member = {
      serviceUrl: server.baseUrl,
      secrets: { accessToken: server.createAccessToken(AGENCY_MEMBER), refreshToken: 'r-kept' },
    };
    const targets = await connector.listTargets(ctx, member);
    expect(targets.map((target) => target.id)).toEqual([ORG_BAKERY, ORG_CYCLES]);
    expect(targets.map((target) => target.id)).not.toContain(ORG_MUTUAL);
    expect(targets[1]).toMatchObject({
      kind: 'organization',
      name: 'Cycles Léman SA',
      handle: 'cycles-leman',
      url: 'https://www.linkedin.com/company/cycles-leman/',
      credentials: { serviceUrl: server.baseUrl, secrets: { ...member.secrets, author: ORG_CYCLES } },
    });
    const acl = lastRequest('GET', '/rest/organizationAcls').url.searchParams;
    expect([acl.get('q'), acl.get('role'), acl.get('state')]).toEqual(['roleAssignee', 'ADMINISTRATOR', 'APPROVED']);
  });
});

describe('findPublished', () => {
  it('finds a post by its text among the page recent posts, and null for a text never published', async () => {
    const publishedAfter = new Date(Date.now() - 1000).toISOString();
    const variant = { text: unique('Galette des rois [édition 2027] #épiphanie') };
    const post = await connector.publish(ctx, pageCredentials(server), { variant, idempotencyKey: 'k-f' });
    await expect(
      connector.findPublished(ctx, pageCredentials(server), { idempotencyKey: 'k-f', variant, publishedAfter }),
    ).resolves.toEqual(post);
    await expect(
      connector.findPublished(ctx, pageCredentials(server), { idempotencyKey: 'k-g', variant: { text: unique('Jamais') }, publishedAfter }),
    ).resolves.toBeNull();
  });
});

describe('OAuth', () => {
  it('start builds the authorisation URL with the scopes and no PKCE challenge, never through the platform’s store of registrations (the application is configured)', async () => {
    const clients = new Clients();
    const input = { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-1', codeChallenge: 'challenge' };
    const started = await connector.oauth.start(ctx, input, clients);
    expect(clients.registered).toBe(0);
    const url = new URL(started.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.baseUrl}/oauth/v2/authorization`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      state: 'st-1',
      scope: 'w_organization_social r_organization_social rw_organization_admin',
    });
    expect(LINKEDIN_SCOPES).toHaveLength(3);
    expect(started.fields).toEqual({ clientId: CLIENT_ID });
  });

  it('sends production members to www.linkedin.com and calls api.linkedin.com', async () => {
    const started = await connector.oauth.start(
      ctx,
      { serviceUrl: 'https://api.linkedin.com/', redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'c' },
      new Clients(),
    );
    expect(started.authorizationUrl.startsWith('https://www.linkedin.com/oauth/v2/authorization?')).toBe(true);
    expect(linkedinEndpoints('https://api.linkedin.com')).toEqual({
      apiBase: 'https://api.linkedin.com',
      authBase: 'https://www.linkedin.com',
    });
    expect(linkedinEndpoints(`${server.baseUrl}/`)).toEqual({ apiBase: server.baseUrl, authBase: server.baseUrl });
    await expectConnectorError(
      Promise.resolve().then(() => linkedinEndpoints('ftp://x')),
      'REJECTED',
    );
  });

  it('the default export takes the client from its options and says what is missing', async () => {
    const input = { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'c' };
    const unconfigured = createLinkedinConnector();
    const error = await expectConnectorError(
      (unconfigured.oauth as NonNullable<typeof unconfigured.oauth>).start(ctx, input, new Clients()),
      'REJECTED',
    );
    expect(error.message).toContain('clientId and clientSecret');
    const configured = createLinkedinConnector({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(configured.manifest.id).toBe('linkedin');
    const started = await (configured.oauth as NonNullable<typeof configured.oauth>).start(ctx, input, new Clients());
    expect(new URL(started.authorizationUrl).searchParams.get('client_id')).toBe(CLIENT_ID);
  });

  it('the registry loads the package through its default export', () => {
    const registry = loadConnectorsFromConfig(['@socle/plugin-linkedin'], { requireModule: () => pluginModule });
    expect(registry.get('linkedin')?.manifest.displayName).toBe('LinkedIn');
    expect(registry.get('linkedin')?.manifest.capabilities).toMatchObject({
      publish: true,
      targets: true,
      mentions: false,
      threads: false,
    });
  });

  it('exchanges the code for tokens; binds a member of one page to it, leaves a member of several unbound', async () => {
    server.signIn(SOLO_MEMBER);
    const start = await connector.oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-2', codeChallenge: 'c' },
      new Clients(),
    );
    const { code, state } = await approve(start.authorizationUrl);
    expect(state).toBe('st-2');
    const solo = await connector.authorize(ctx, {
      serviceUrl: server.baseUrl,
      redirectUri: REDIRECT_URI,
      fields: { ...start.fields, code },
    });
    expect(solo.secrets.author).toBe(ORG_BAKERY);
    expect(solo.secrets.refreshToken).toBeTruthy();
    expect(Date.parse(solo.secrets.refreshTokenExpiresAt)).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
    expect(Date.parse(solo.expiresAt as string)).toBeGreaterThan(Date.now() + 59 * 24 * 3600 * 1000);
    const form = new URLSearchParams(lastRequest('POST', '/oauth/v2/accessToken').text());
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });

    const agency = await connector.authorize(ctx, {
      serviceUrl: server.baseUrl,
      redirectUri: REDIRECT_URI,
      fields: { code: server.issueCode(AGENCY_MEMBER, REDIRECT_URI) },
    });
    expect(agency.secrets.author).toBeUndefined();
    // The code is single-use: LinkedIn's 400 carries its description.
    const error = await expectConnectorError(
      connector.authorize(ctx, { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, fields: { code } }),
      'REJECTED',
    );
    expect(error.networkReason).toContain('Unable to retrieve access token');
  });

  it('refreshes with the refresh token, keeping the page and the old refresh token when none comes back', async () => {
    const credentials = refreshableCredentials(server);
    server.expireAccessToken(credentials.secrets.accessToken);
    const refreshed = await connector.refresh(ctx, credentials);
    expect(refreshed.secrets.accessToken).not.toBe(credentials.secrets.accessToken);
    expect(refreshed.secrets.refreshToken).toBe(credentials.secrets.refreshToken);
    expect(refreshed.secrets.author).toBe(ORG_BAKERY);
    expect(refreshed.secrets.refreshTokenExpiresAt).toBeTruthy();
    await expect(connector.fetchAccountMetrics(ctx, refreshed)).resolves.toMatchObject({ followers: 1287 });

    const quiet = await LinkedinTestServer.start({ refreshReturnsRefreshToken: false });
    try {
      const old = refreshableCredentials(quiet);
      const again = await connector.refresh(ctx, old);
      expect(again.secrets.refreshToken).toBe(old.secrets.refreshToken);
      expect(again.secrets.refreshTokenExpiresAt).toBeUndefined();
      expect(again.secrets.accessToken).not.toBe(old.secrets.accessToken);
    } finally {
      await quiet.close();
    }
  });

  it('a revoked authorisation gives AUTH_EXPIRED, for calls and for the refresh', async () => {
    const revoked = await LinkedinTestServer.start();
    try {
      const credentials = refreshableCredentials(revoked);
      revoked.revokeMember(AGENCY_MEMBER);
      const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'AUTH_EXPIRED');
      expect(error.networkReason).toContain('revoked');
      await expectConnectorError(connector.refresh(ctx, credentials), 'AUTH_EXPIRED');
      await expectConnectorError(connector.refresh(ctx, { ...credentials, secrets: { accessToken: 'a' } }), 'AUTH_EXPIRED');
    } finally {
      await revoked.close();
    }
  });
});

describe('errors', () => {
  it('429 once the daily member limit is reached -> RATE_LIMITED', async () => {
    server.setDailyMemberLimit(0);
    const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, pageCredentials(server)), 'RATE_LIMITED');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('5xx -> TRANSIENT', async () => {
    server.inject({ type: 'status', status: 504, body: { status: 504, message: 'Gateway timeout' } });
    await expectConnectorError(
      connector.publish(ctx, pageCredentials(server), { variant: { text: unique('x') }, idempotencyKey: 'k' }),
      'TRANSIENT',
    );
  });

  it.each([400, 422])("%i -> REJECTED with LinkedIn's message", async (status) => {
    server.inject({
      type: 'status',
      status,
      body: { status, serviceErrorCode: 100, code: 'INVALID_VALUE', message: `commentary is invalid (${status})` },
    });
    const error = await expectConnectorError(
      connector.publish(ctx, pageCredentials(server), { variant: { text: unique('x') }, idempotencyKey: 'k' }),
      'REJECTED',
    );
    expect(error.networkReason).toContain(`commentary is invalid (${status})`);
  });

  it('a duplicate naming a post deleted since is posted once more: one post', async () => {
    const before = server.postCount();
    server.inject({ type: 'status', status: 422, body: { status: 422, message: 'Content is a duplicate of urn:li:share:1' } });
    const post = await connector.publish(ctx, pageCredentials(server), { variant: { text: unique('again') }, idempotencyKey: 'k' });
    expect(post.externalId).toMatch(/^urn:li:share:\d+$/);
    expect(post.externalId).not.toBe('urn:li:share:1');
    expect(server.postCount()).toBe(before + 1);
  });

  it('a duplicate naming a post that is gone, twice, is REJECTED', async () => {
    // POST refused as a duplicate, the named post read back as gone, and the same once more.
    const duplicate = { type: 'status', status: 422, body: { status: 422, message: 'Content is a duplicate of urn:li:share:1' } } as const;
    const gone = { type: 'status', status: 404, body: { status: 404, message: 'Post urn:li:share:1 not found' } } as const;
    for (const failure of [duplicate, gone, duplicate, gone]) server.inject(failure);
    const before = server.postCount();
    const error = await expectConnectorError(
      connector.publish(ctx, pageCredentials(server), { variant: { text: unique('x') }, idempotencyKey: 'k' }),
      'REJECTED',
    );
    expect(error.networkReason).toContain('duplicate');
    expect(server.postCount()).toBe(before);
  });

  it.each([
    ['organizationAcls without a list', () => connector.listTargets(ctx, pageCredentials(server)), { elements: 'none' }],
    ['networkSizes with a string', () => connector.fetchAccountMetrics(ctx, pageCredentials(server)), { firstDegreeSize: '12' }],
    ['comments as a list', () => connector.fetchComments(ctx, pageCredentials(server), 'urn:li:share:9'), [1, 2]],
    [
      'statistics without totals',
      () => connector.fetchMetrics(ctx, pageCredentials(server), ['urn:li:share:9']),
      { elements: [{ share: 'urn:li:share:9' }] },
    ],
    [
      'initializeUpload without value',
      () =>
        connector.publish(ctx, pageCredentials(server), {
          variant: { text: 'x', media: [{ mimeType: 'image/png', data: makePng(2, 2) }] },
          idempotencyKey: 'k',
        }),
      { value: null },
    ],
    ['a token answer without access_token', () => connector.refresh(ctx, refreshableCredentials(server)), { token: 'x' }],
  ])('wrong JSON shape (%s) -> a clear ConnectorError', async (_label, call, body) => {
    server.inject({ type: 'status', status: 200, body: body as object });
    const error = await expectConnectorError(call(), 'UNKNOWN');
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toMatch(/LinkedIn/);
  });
});

describe('little text', () => {
  it('escapes reserved characters, keeps hashtags, and reads back what it wrote', () => {
    const text = 'Prix: 3€ (2 pour 5€) | *promo* _ici_ ~ <b> @moi [a] {b} \\ #Pain #';
    const little = toLittleText(text);
    expect(little).toContain('{hashtag|#|Pain}');
    expect(little).toContain('\\(2 pour 5€\\)');
    expect(fromLittleText(little)).toBe(text);
    expect(fromLittleText('Bravo @[Cycles Léman](urn:li:organization:5515715) !')).toBe('Bravo @Cycles Léman !');
  });
});
