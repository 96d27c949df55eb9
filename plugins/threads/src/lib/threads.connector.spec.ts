import { ConnectorError, Credentials, OAuthClient, OAuthClients } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import createThreadsConnector from '../index';
import { approve, lapsedCredentials, REDIRECT_URI, testConnector, testContext, tokenCredentials } from '../test/fixtures';
import { startThreadsTestServer, TEST_CLIENT_ID, TEST_CLIENT_SECRET, TEST_USER_ID, ThreadsTestServer } from '../test/threads.server';
import { startMediaHost, MediaHost } from '../test/media-host';
import { threadsManifest } from './manifest';
import { THREADS_SCOPES, ThreadsConnector } from './threads.connector';

let server: ThreadsTestServer;
let media: MediaHost;
let credentials: Credentials;
const ctx = testContext();
let keys = 0;
const key = () => `key-${++keys}`;

beforeAll(async () => {
  server = await startThreadsTestServer();
  media = await startMediaHost();
  credentials = tokenCredentials(server);
});
afterAll(async () => {
  await server.close();
  await media.close();
});
afterEach(() => {
  server.clearInjections();
  server.planContainers(undefined);
});

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

/** A Graph API error body as Meta sends it. */
const metaError = (code: number, message: string, subcode?: number) => ({
  error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'Ab12' },
});

describe('publishing', () => {
  it('publishes a text post in two steps and returns its id and permalink', async () => {
    const post = await testConnector().publish(ctx, credentials, { variant: { text: 'Bonjour Threads 👋' }, idempotencyKey: key() });
    expect(server.posts.get(post.externalId)?.text).toBe('Bonjour Threads 👋');
    expect(post.url).toBe(server.posts.get(post.externalId)?.permalink);
    const paths = server.requests.slice(-4).map((request) => `${request.method} ${request.url.pathname}`);
    expect(paths).toEqual([
      `POST /v1.0/${TEST_USER_ID}/threads`,
      expect.stringMatching(/^GET \/v1\.0\/\d+$/),
      `POST /v1.0/${TEST_USER_ID}/threads_publish`,
      `GET /v1.0/${post.externalId}`,
    ]);
  });

  it('waits while the container is IN_PROGRESS, then publishes', async () => {
    server.planContainers({ readsInProgress: 3, endsIn: 'FINISHED' });
    const before = server.posts.size;
    await testConnector().publish(ctx, credentials, { variant: { text: 'After a wait' }, idempotencyKey: key() });
    expect(server.posts.size).toBe(before + 1);
  });

  it('publishes a thread as a chain of replies, each answering the previous part', async () => {
    const post = await testConnector().publish(ctx, credentials, {
      variant: { text: 'Part 1', thread: [{ text: 'Part 2' }, { text: 'Part 3' }] },
      idempotencyKey: key(),
    });
    expect(post.threadIds).toHaveLength(2);
    const [second, third] = post.threadIds ?? [];
    expect(server.posts.get(second)).toMatchObject({ text: 'Part 2', replyToId: post.externalId });
    expect(server.posts.get(third)).toMatchObject({ text: 'Part 3', replyToId: second });
  });

  it('resumes a thread that stopped part-way when retried with the same key, without a second first post', async () => {
    const connector = testConnector();
    const request = { variant: { text: 'Resumed 1', thread: [{ text: 'Resumed 2' }] }, idempotencyKey: key() };
    const before = server.posts.size;
    // The second part's container creation fails once.
    server.answerNext(
      (incoming) => incoming.method === 'POST' && incoming.url.pathname.endsWith('/threads') && incoming.text().includes('Resumed+2'),
      { status: 503, body: metaError(2, 'Service temporarily unavailable') },
    );
    const error = await expectConnectorError(connector.publish(ctx, credentials, request), 'TRANSIENT');
    expect(error.message).toContain('thread part 2');
    expect(server.posts.size).toBe(before + 1);
    const post = await connector.publish(ctx, credentials, request);
    expect(server.posts.size).toBe(before + 2);
    expect(server.posts.get(post.threadIds?.[0] ?? '')?.replyToId).toBe(post.externalId);
  });

  it('two concurrent publishes with the same key make one post', async () => {
    const connector = testConnector();
    const before = server.posts.size;
    const request = { variant: { text: 'Twice at once' }, idempotencyKey: key() };
    const [first, second] = await Promise.all([connector.publish(ctx, credentials, request), connector.publish(ctx, credentials, request)]);
    expect(second).toEqual(first);
    expect(server.posts.size).toBe(before + 1);
  });

  it('replies to a post with reply_to_id', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'Question?' }, idempotencyKey: key() });
    const answer = await connector.reply(ctx, credentials, post.externalId, { text: 'Answer.' }, key());
    expect(server.posts.get(answer.externalId)).toMatchObject({ text: 'Answer.', replyToId: post.externalId });
  });

  it('deletes a post (DELETE /{media-id})', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'To delete' }, idempotencyKey: key() });
    await connector.delete(ctx, credentials, post.externalId);
    expect(server.posts.has(post.externalId)).toBe(false);
    const again = await expectConnectorError(connector.delete(ctx, credentials, post.externalId), 'REJECTED');
    expect(again.networkReason).toContain('does not exist');
  });

  it('refuses an id that is not a Threads id before any request', async () => {
    const before = server.requests.length;
    await expectConnectorError(testConnector().delete(ctx, credentials, '../me/threads'), 'REJECTED');
    expect(server.requests.length).toBe(before);
  });
});

describe('media by URL', () => {
  const png = makePng(64, 48);
  const video = new Uint8Array(256 * 1024).fill(7);
  const containersMade = (since: number) =>
    server.requests.slice(since).filter((request) => request.method === 'POST' && request.url.pathname === `/v1.0/${TEST_USER_ID}/threads`);
  const formOf = (request: { text(): string }) => new URLSearchParams(request.text());

  it('declares media given by URL: JPEG, PNG, MP4, MOV, up to 20', () => {
    expect(threadsManifest.capabilities.media).toBe(true);
    expect(threadsManifest.media).toEqual(
      expect.objectContaining({ delivery: 'url', maxCount: 20, types: ['image/jpeg', 'image/png', 'video/mp4', 'video/quicktime'] }),
    );
  });

  it('publishes an image: Threads fetches image_url itself, with the alt text', async () => {
    const url = media.host(png, 'image/png');
    const before = server.requests.length;
    const variant = { text: 'A picture', media: [{ mimeType: 'image/png', data: png, url, altText: 'A pink square' }] };
    const post = await testConnector().publish(ctx, credentials, { variant, idempotencyKey: key() });
    const stored = server.posts.get(post.externalId);
    expect(stored?.mediaType).toBe('IMAGE');
    expect(stored?.media).toEqual([{ url, contentType: 'image/png', bytes: png.byteLength, altText: 'A pink square' }]);
    expect(media.fetched()).toContain(new URL(url).pathname);
    const [created] = containersMade(before);
    expect(Object.fromEntries(formOf(created))).toEqual(
      expect.objectContaining({ media_type: 'IMAGE', image_url: url, text: 'A picture', alt_text: 'A pink square' }),
    );
  });

  it('publishes 2+ attachments as a carousel: item containers, then a CAROUSEL naming them in order', async () => {
    const first = media.host(png, 'image/png');
    const second = media.host(video, 'video/mp4');
    const third = media.host(makePng(10, 10), 'image/jpeg');
    const before = server.requests.length;
    const variant = {
      text: 'Three things',
      media: [
        { mimeType: 'image/png', data: png, url: first },
        { mimeType: 'video/mp4', data: video, url: second },
        { mimeType: 'image/jpeg', data: makePng(10, 10), url: third },
      ],
    };
    const post = await testConnector().publish(ctx, credentials, { variant, idempotencyKey: key() });
    const stored = server.posts.get(post.externalId);
    expect(stored?.mediaType).toBe('CAROUSEL_ALBUM');
    expect(stored?.media.map((item) => item.url)).toEqual([first, second, third]);
    const made = containersMade(before).map(formOf);
    expect(made.map((params) => [params.get('media_type'), params.get('is_carousel_item')])).toEqual([
      ['IMAGE', 'true'],
      ['VIDEO', 'true'],
      ['IMAGE', 'true'],
      ['CAROUSEL', null],
    ]);
    expect(made[1].get('video_url')).toBe(second);
    expect(made[3].get('text')).toBe('Three things');
    expect(made[3].get('children')?.split(',')).toHaveLength(3);
  });

  it('publishes a video once its container has gone from IN_PROGRESS to FINISHED', async () => {
    server.planContainers({ readsInProgress: 2, endsIn: 'FINISHED' });
    const url = media.host(video, 'video/quicktime');
    const before = server.requests.length;
    const variant = { text: 'Moving', media: [{ mimeType: 'video/quicktime', data: video, url }] };
    const post = await testConnector().publish(ctx, credentials, { variant, idempotencyKey: key() });
    expect(server.posts.get(post.externalId)?.mediaType).toBe('VIDEO');
    expect(server.posts.get(post.externalId)?.media[0]).toEqual(
      expect.objectContaining({ contentType: 'video/quicktime', bytes: video.byteLength }),
    );
    const statusReads = server.requests
      .slice(before)
      .filter((request) => request.method === 'GET' && request.url.searchParams.get('fields') === 'status,error_message');
    expect(statusReads).toHaveLength(3);
    const publishAt = server.requests.findIndex((request, index) => index >= before && request.url.pathname.endsWith('/threads_publish'));
    expect(publishAt).toBeGreaterThan(server.requests.indexOf(statusReads[2]));
  });

  it('a video container that ends in ERROR is REJECTED with the reason Threads gives, and nothing is published', async () => {
    server.planContainers({ readsInProgress: 1, endsIn: 'FINISHED' });
    // The address answers 404: Threads cannot download the video.
    const url = `${media.baseUrl}/media/never-hosted`;
    const before = server.posts.size;
    const error = await expectConnectorError(
      testConnector().publish(ctx, credentials, {
        variant: { text: 'Lost', media: [{ mimeType: 'video/mp4', data: video, url }] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(error.networkReason).toBe('FAILED_DOWNLOADING_VIDEO');
    expect(error.message).toContain('ERROR');
    expect(server.posts.size).toBe(before);
  });

  it("an image URL Threads cannot reach is REJECTED with Meta's message", async () => {
    const closed = await startMediaHost();
    const url = closed.host(png, 'image/png');
    await closed.close();
    const before = server.posts.size;
    const error = await expectConnectorError(
      testConnector().publish(ctx, credentials, {
        variant: { text: 'Nowhere', media: [{ mimeType: 'image/png', data: png, url }] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(error.networkReason).toContain('could not be fetched');
    expect(error.message).toContain('Meta error 9004/2207052');
    expect(server.posts.size).toBe(before);
  });

  it('what Threads refuses to fetch (a GIF, an image over 8 MB) is REJECTED by Threads', async () => {
    const gif = media.host(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), 'image/gif');
    const gifError = await expectConnectorError(
      testConnector().publish(ctx, credentials, {
        variant: { text: 'Gif', media: [{ mimeType: 'image/png', data: png, url: gif }] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(gifError.networkReason).toContain('Unsupported image format image/gif');
    const big = new Uint8Array(8 * 1024 * 1024 + 1);
    const bigError = await expectConnectorError(
      testConnector().publish(ctx, credentials, {
        variant: { text: 'Big', media: [{ mimeType: 'image/jpeg', data: big, url: media.host(big, 'image/jpeg') }] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(bigError.networkReason).toContain('too large');
  });

  it('an attachment without a URL is REJECTED before any request: the platform must give media by URL', async () => {
    const before = server.requests.length;
    const variant = { text: 'No address', media: [{ mimeType: 'image/png', data: png }] };
    const error = await expectConnectorError(testConnector().publish(ctx, credentials, { variant, idempotencyKey: key() }), 'REJECTED');
    expect(error.message).toContain('must give each file by URL');
    const part = {
      text: 'root',
      thread: [{ text: 'second', media: [{ mimeType: 'image/png', data: png, url: 'ftp://example.com/a.png' }] }],
    };
    const partError = await expectConnectorError(
      testConnector().publish(ctx, credentials, { variant: part, idempotencyKey: key() }),
      'REJECTED',
    );
    expect(partError.message).toContain('thread part 2, attachment 1');
    expect(server.requests.length).toBe(before);
  });

  it('findPublished finds a media post by its text and kind, not a text post with the same words', async () => {
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    const url = media.host(png, 'image/png');
    const variant = { text: 'Findable picture', media: [{ mimeType: 'image/png', data: png, url }] };
    const post = await testConnector().publish(ctx, credentials, { variant, idempotencyKey: key() });
    const found = await testConnector().findPublished(ctx, credentials, { idempotencyKey: 'other', variant, publishedAfter });
    expect(found).toEqual(post);
    await testConnector().publish(ctx, credentials, { variant: { text: 'Same words' }, idempotencyKey: key() });
    const withPicture = { text: 'Same words', media: [{ mimeType: 'image/png', data: png, url }] };
    expect(
      await testConnector().findPublished(ctx, credentials, { idempotencyKey: 'other', variant: withPicture, publishedAfter }),
    ).toBeNull();
  });
});

describe('containers that do not finish', () => {
  it('a container that ends in ERROR is REJECTED with its error_message, and nothing is published', async () => {
    server.planContainers({ readsInProgress: 1, endsIn: 'ERROR', errorMessage: 'The text contains a link that was blocked' });
    const before = server.posts.size;
    const error = await expectConnectorError(
      testConnector().publish(ctx, credentials, { variant: { text: 'Blocked' }, idempotencyKey: key() }),
      'REJECTED',
    );
    expect(error.networkReason).toBe('The text contains a link that was blocked');
    expect(server.posts.size).toBe(before);
  });

  it('a container still IN_PROGRESS after the configured wait is TRANSIENT, saying so', async () => {
    server.planContainers({ readsInProgress: Infinity, endsIn: 'FINISHED' });
    const before = server.posts.size;
    const connector = testConnector({ containerPollIntervalMs: 2, containerMaxWaitMs: 20 });
    const error = await expectConnectorError(
      connector.publish(ctx, credentials, { variant: { text: 'Never ready' }, idempotencyKey: key() }),
      'TRANSIENT',
    );
    expect(error.message).toContain('still IN_PROGRESS after 20 ms');
    expect(server.posts.size).toBe(before);
  });
});

describe('reading', () => {
  it('pages through the replies of a post with the after cursor', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'Many replies' }, idempotencyKey: key() });
    for (let i = 1; i <= 30; i++) server.addReply(post.externalId, `Reply ${i}`, `fan${i}`);
    const first = await connector.fetchComments(ctx, credentials, post.externalId);
    expect(first.items).toHaveLength(25);
    expect(first.cursor).toBeDefined();
    const second = await connector.fetchComments(ctx, credentials, post.externalId, first.cursor);
    expect(second.items.map((item) => item.text)).toEqual(['Reply 26', 'Reply 27', 'Reply 28', 'Reply 29', 'Reply 30']);
    expect(second.cursor).toBeUndefined();
    expect(second.items[0]).toMatchObject({ authorHandle: 'fan26', inReplyTo: post.externalId });
    expect(Number.isNaN(Date.parse(second.items[0].publishedAt))).toBe(false);
  });

  it('reads views, likes, replies, reposts and quotes of each post', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'Counted' }, idempotencyKey: key() });
    server.addReply(post.externalId, 'One reply');
    const [metrics] = await connector.fetchMetrics(ctx, credentials, [post.externalId]);
    expect(metrics).toMatchObject({ externalId: post.externalId, impressions: 10, likes: 3, replies: 1, reposts: 1, quotes: 0 });
    const asked = server.requests[server.requests.length - 1].url.searchParams.get('metric');
    expect(asked).toBe('views,likes,replies,reposts,quotes');
  });

  it("reads the account's followers from threads_insights", async () => {
    server.setFollowers(1234);
    const counts = await testConnector().fetchAccountMetrics(ctx, credentials);
    expect(counts.followers).toBe(1234);
    expect(server.requests[server.requests.length - 1].url.pathname).toBe(`/v1.0/${TEST_USER_ID}/threads_insights`);
  });

  it('pages through mentions of the account with the after cursor, never twice', async () => {
    const connector = testConnector();
    server.addMentions(5);
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await connector.fetchMentions(ctx, credentials, { limit: 2, cursor });
      for (const item of result.items) {
        expect(seen.has(item.externalId)).toBe(false);
        seen.add(item.externalId);
      }
      if (!result.cursor) break;
      cursor = result.cursor;
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it('searches recent public posts by keyword, paging by time without repeating posts of the same second', async () => {
    const connector = testConnector();
    for (let i = 1; i <= 7; i++) server.addPublicPost(`Le fromage numéro ${i}`, `cheese${i}`);
    server.addPublicPost('Nothing about it');
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await connector.fetchMentions(ctx, credentials, { keywords: ['fromage'], limit: 3, cursor });
      expect(result.items.length).toBeLessThanOrEqual(3);
      for (const item of result.items) {
        expect(item.text).toContain('fromage');
        expect(seen).not.toContain(item.externalId);
        seen.push(item.externalId);
      }
      if (!result.cursor) break;
      cursor = result.cursor;
    }
    expect(seen).toHaveLength(7);
    const search = server.requests.filter((request) => request.url.pathname === '/v1.0/keyword_search');
    expect(search[0].url.searchParams.get('search_type')).toBe('RECENT');
    expect(search[0].url.searchParams.get('q')).toBe('fromage');
  });

  it('refuses a cursor of the other kind', async () => {
    await expectConnectorError(testConnector().fetchMentions(ctx, credentials, { keywords: ['x'], cursor: 'm:abc' }), 'REJECTED');
    await expectConnectorError(testConnector().fetchMentions(ctx, credentials, { cursor: 's:abc' }), 'REJECTED');
  });
});

describe('findPublished', () => {
  it('finds a post and its thread parts by text among the posts since publishedAfter', async () => {
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    const variant = { text: 'Findable root', thread: [{ text: 'Findable 2' }, { text: 'Findable 3' }] };
    const post = await testConnector().publish(ctx, credentials, { variant, idempotencyKey: key() });
    // Another process (no memory of the key) looks.
    const found = await testConnector().findPublished(ctx, credentials, { idempotencyKey: 'other', variant, publishedAfter });
    expect(found).toEqual(post);
  });

  it('returns only the parts found, in order, when a thread stopped part-way', async () => {
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    const post = await testConnector().publish(ctx, credentials, { variant: { text: 'Stopped root' }, idempotencyKey: key() });
    const found = await testConnector().findPublished(ctx, credentials, {
      idempotencyKey: 'other',
      variant: { text: 'Stopped root', thread: [{ text: 'Never made' }] },
      publishedAfter,
    });
    expect(found).toEqual({ externalId: post.externalId, url: post.url });
  });

  it('returns null for a text not posted, and for a post older than publishedAfter', async () => {
    const connector = testConnector();
    await connector.publish(ctx, credentials, { variant: { text: 'Old post' }, idempotencyKey: key() });
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    expect(
      await connector.findPublished(ctx, credentials, { idempotencyKey: key(), variant: { text: 'Not posted' }, publishedAfter }),
    ).toBeNull();
    server.advance(60);
    const later = new Date(Date.now() + 30_000).toISOString();
    expect(
      await connector.findPublished(ctx, credentials, { idempotencyKey: key(), variant: { text: 'Old post' }, publishedAfter: later }),
    ).toBeNull();
    const since = server.requests[server.requests.length - 1].url.searchParams.get('since');
    expect(Number(since)).toBe(Math.floor(Date.parse(later) / 1000));
  });
});

describe('OAuth', () => {
  it('builds the authorisation URL with the app id, redirect URI, scopes and state, never through the platform’s store of registrations (the app is configured)', async () => {
    const clients = new Clients();
    const connector = testConnector();
    const input = { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-1', codeChallenge: 'unused' };
    const started = await connector.oauth.start(ctx, input, clients);
    const url = new URL(started.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.baseUrl}/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('st-1');
    expect(url.searchParams.get('scope')?.split(',')).toEqual([...THREADS_SCOPES]);
    // The secret stays in the options: the pending authorisation keeps only the app id.
    expect(started.fields).toEqual({ clientId: TEST_CLIENT_ID });
    expect(clients.registered).toBe(0);
  });

  it('sends the user to threads.net in production', async () => {
    const input = { serviceUrl: 'https://graph.threads.net', redirectUri: REDIRECT_URI, state: 'st-2', codeChallenge: 'unused' };
    const started = await testConnector().oauth.start(ctx, input, new Clients());
    expect(started.authorizationUrl.startsWith('https://threads.net/oauth/authorize?')).toBe(true);
  });

  it('says which settings are missing when the platform has no Threads app', async () => {
    const input = { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-3', codeChallenge: 'unused' };
    const error = await expectConnectorError(
      createThreadsConnector({}).oauth?.start(ctx, input, new Clients()) ?? Promise.resolve(),
      'REJECTED',
    );
    expect(error.message).toContain('clientId and clientSecret');
    const configured = createThreadsConnector({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET });
    await expect(configured.oauth?.start(ctx, input, new Clients())).resolves.toHaveProperty('authorizationUrl');
  });

  it('exchanges the code for a short-lived token, then a 60-day one, and reads the user id from /me', async () => {
    const connector = testConnector();
    const clients = new Clients();
    const started = await connector.oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-4', codeChallenge: 'unused' },
      clients,
    );
    const { code, state } = await approve(started.authorizationUrl);
    expect(state).toBe('st-4');
    const from = server.requests.length;
    const issued = await connector.authorize(ctx, {
      serviceUrl: server.baseUrl,
      redirectUri: REDIRECT_URI,
      fields: { ...started.fields, code, codeVerifier: 'unused' },
    });
    const steps = server.requests.slice(from).map((request) => `${request.method} ${request.url.pathname}`);
    expect(steps).toEqual(['POST /oauth/access_token', 'GET /access_token', 'GET /v1.0/me']);
    expect(server.requests[from + 1].url.searchParams.get('grant_type')).toBe('th_exchange_token');
    expect(issued.secrets.userId).toBe(TEST_USER_ID);
    const days = (Date.parse(issued.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59.9);
    expect(days).toBeLessThanOrEqual(60);
    const post = await connector.publish(ctx, issued, { variant: { text: 'Connected by OAuth' }, idempotencyKey: key() });
    expect(server.posts.has(post.externalId)).toBe(true);
  });

  it('refuses a code used twice with Meta’s message', async () => {
    const connector = testConnector();
    const started = await connector.oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-5', codeChallenge: 'unused' },
      new Clients(),
    );
    const { code } = await approve(started.authorizationUrl);
    const input = { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, fields: { ...started.fields, code } };
    await connector.authorize(ctx, input);
    const error = await expectConnectorError(connector.authorize(ctx, input), 'REJECTED');
    expect(error.networkReason).toContain('Error validating verification code');
  });

  it('refreshes a long-lived token at least a day old for 60 more days', async () => {
    const connector = testConnector();
    const old: Credentials = {
      serviceUrl: server.baseUrl,
      secrets: { accessToken: server.issueLongLivedToken(2 * 86_400), userId: TEST_USER_ID },
    };
    const refreshed = await connector.refresh(ctx, old);
    expect(refreshed.secrets.accessToken).not.toBe(old.secrets.accessToken);
    expect(server.requests[server.requests.length - 1].url.searchParams.get('grant_type')).toBe('th_refresh_token');
    expect((Date.parse(refreshed.expiresAt ?? '') - Date.now()) / 86_400_000).toBeGreaterThan(59.9);
    await connector.publish(ctx, refreshed, { variant: { text: 'After refresh' }, idempotencyKey: key() });
  });

  it('a token past its recorded expiry is not sent, and is refreshed while Threads still accepts it', async () => {
    const connector = testConnector();
    const lapsed = lapsedCredentials(server);
    const before = server.requests.length;
    await expectConnectorError(connector.fetchAccountMetrics(ctx, lapsed), 'AUTH_EXPIRED');
    expect(server.requests.length).toBe(before);
    const refreshed = await connector.refresh(ctx, lapsed);
    await expect(connector.fetchAccountMetrics(ctx, refreshed)).resolves.toHaveProperty('followers');
  });

  it('an expired token cannot be refreshed: AUTH_EXPIRED (error 190)', async () => {
    const expired: Credentials = { serviceUrl: server.baseUrl, secrets: { accessToken: server.issueExpiredToken(), userId: TEST_USER_ID } };
    const error = await expectConnectorError(testConnector().refresh(ctx, expired), 'AUTH_EXPIRED');
    expect(error.message).toContain('Meta error 190/463');
  });
});

describe("Meta's errors", () => {
  const connector = testConnector();

  it('an expired token (code 190) is AUTH_EXPIRED', async () => {
    const expired: Credentials = { serviceUrl: server.baseUrl, secrets: { accessToken: server.issueExpiredToken(), userId: TEST_USER_ID } };
    const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, expired), 'AUTH_EXPIRED');
    expect(error.networkReason).toContain('Session has expired');
    expect(error.message).not.toContain(expired.secrets.accessToken);
  });

  it.each([4, 17, 32, 613])('code %i is RATE_LIMITED, waiting as X-Business-Use-Case-Usage says', async (code) => {
    server.inject({
      type: 'status',
      status: 400,
      body: metaError(code, 'Application request limit reached'),
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          [TEST_USER_ID]: [{ type: 'threads', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 5 }],
        }),
      },
    });
    const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(300);
  });

  it('HTTP 429 without any hint is RATE_LIMITED with the default wait', async () => {
    server.inject({ type: 'status', status: 429, body: metaError(4, 'Too many calls') });
    const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(60);
  });

  it('5xx, and codes 1 and 2, are TRANSIENT', async () => {
    server.inject({ type: 'status', status: 503, body: metaError(2, 'Service temporarily unavailable') });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'TRANSIENT');
    server.inject({ type: 'status', status: 400, body: metaError(1, 'An unknown error occurred') });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'TRANSIENT');
  });

  it("an invalid parameter (code 100) is REJECTED with Meta's message", async () => {
    const error = await expectConnectorError(connector.reply(ctx, credentials, '123456789', { text: 'To nothing' }, key()), 'REJECTED');
    expect(error.networkReason).toBe('Invalid parameter: reply_to_id 123456789 does not exist');
    expect(error.message).toContain('Meta error 100');
  });

  it('a 200 carrying an error object is read as that error', async () => {
    server.inject({ type: 'status', status: 200, body: metaError(190, 'Invalid OAuth access token') });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'AUTH_EXPIRED');
  });
});

describe('answers of the wrong shape are clear ConnectorErrors', () => {
  const connector = testConnector();
  const serve = (body: unknown) => server.inject({ type: 'status', status: 200, body: body as object });

  it.each([
    ['a list instead of an object', []],
    ['an id that is an object', { id: { nested: true } }],
    ['no id', { ok: true }],
  ])('publish: %s', async (_label, body) => {
    serve(body);
    const error = await expectConnectorError(
      connector.publish(ctx, credentials, { variant: { text: 'Shape' }, idempotencyKey: key() }),
      'REJECTED',
    );
    expect(error.message).toContain('unexpected answer from Threads');
  });

  it('a container status that is not a known one', async () => {
    server.answerNext((incoming) => incoming.method === 'GET' && incoming.url.searchParams.get('fields') === 'status,error_message', {
      status: 200,
      body: { id: '1', status: 'SOMETHING_ELSE' },
    });
    const publishing = connector.publish(ctx, credentials, { variant: { text: 'Odd status' }, idempotencyKey: key() });
    const error = await expectConnectorError(publishing, 'REJECTED');
    expect(error.message).toContain('unknown status SOMETHING_ELSE');
  });

  it.each([
    ['data that is not a list', { data: 'x' }],
    ['an item without permalink', { data: [{ id: '1', text: 'x', timestamp: '2026-01-01T00:00:00+0000' }] }],
    [
      'an item with a javascript: permalink',
      { data: [{ id: '1', permalink: 'javascript:alert(1)', timestamp: '2026-01-01T00:00:00+0000' }] },
    ],
    [
      'an item with a date that is not one',
      { data: [{ id: '1', permalink: 'https://www.threads.net/@a/post/1', timestamp: 'yesterday' }] },
    ],
  ])('mentions: %s', async (_label, body) => {
    serve(body);
    await expectConnectorError(connector.fetchMentions(ctx, credentials, {}), 'REJECTED');
  });

  it.each([
    ['a negative count', { data: [{ name: 'likes', values: [{ value: -1 }] }] }],
    ['a count as text', { data: [{ name: 'likes', values: [{ value: '3' }] }] }],
    ['a missing metric', { data: [{ name: 'views', values: [{ value: 3 }] }] }],
  ])('metrics: %s', async (_label, body) => {
    serve(body);
    await expectConnectorError(connector.fetchMetrics(ctx, credentials, ['123']), 'REJECTED');
  });

  it('account metrics without followers_count, delete without success', async () => {
    serve({ data: [] });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, credentials), 'REJECTED');
    serve({ success: 'yes' });
    await expectConnectorError(connector.delete(ctx, credentials, '123'), 'REJECTED');
  });

  it('a token answer without access_token, or with an expiry that is not a number', async () => {
    serve({ token_type: 'bearer' });
    const old: Credentials = {
      serviceUrl: server.baseUrl,
      secrets: { accessToken: server.issueLongLivedToken(2 * 86_400), userId: TEST_USER_ID },
    };
    await expectConnectorError(connector.refresh(ctx, old), 'REJECTED');
    serve({ access_token: 'abcdefgh', expires_in: 'soon' });
    await expectConnectorError(connector.refresh(ctx, old), 'REJECTED');
  });

  it('credentials without a token or user id are AUTH_EXPIRED before any request', async () => {
    const error = await expectConnectorError(
      connector.fetchAccountMetrics(ctx, { serviceUrl: server.baseUrl, secrets: { accessToken: 'x' } }),
      'AUTH_EXPIRED',
    );
    expect(error).toBeInstanceOf(ConnectorError);
  });
});

describe('validate', () => {
  const connector = new ThreadsConnector();

  it('counts an emoji as its UTF-8 bytes, as Threads does', () => {
    const text = `${'a'.repeat(497)}👋`;
    const violations = connector.validate({ text });
    expect(violations).toEqual([expect.objectContaining({ rule: 'text.too-long', path: 'text' })]);
    expect(violations[0].message).toContain('501');
    expect(connector.validate({ text: `${'a'.repeat(496)}👋` })).toEqual([]);
  });

  it('checks each thread part', () => {
    const violations = connector.validate({ text: 'ok', thread: [{ text: '🎉'.repeat(126) }] });
    expect(violations.map((violation) => violation.path)).toEqual(['thread[0].text']);
  });

  it('holds images to 8 MB and videos to the manifest’s 1 GB, in every part', () => {
    const big = new Uint8Array(8 * 1024 * 1024 + 1);
    const violations = connector.validate({
      text: 'media',
      media: [
        { mimeType: 'image/jpeg', data: big },
        { mimeType: 'video/mp4', data: big },
      ],
      thread: [{ text: 'more', media: [{ mimeType: 'image/png', data: big }] }],
    });
    expect(violations.map((violation) => `${violation.rule} ${violation.path}`)).toEqual([
      'media.too-large media[0]',
      'media.too-large thread[0].media[0]',
    ]);
    expect(connector.validate({ text: 'x', media: [{ mimeType: 'image/gif', data: new Uint8Array(3) }] })[0].rule).toBe('media.type');
  });
});
