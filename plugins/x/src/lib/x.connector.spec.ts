import { createHash, randomBytes } from 'node:crypto';
import { ConnectorError, Credentials, OAuthClient, OAuthClients, UploadProgress } from '@socle/connector-sdk';
import createXConnector from '../index';
import { approve, expiredCredentials, REDIRECT_URI, testConnector, testContext, tokenCredentials } from '../test/fixtures';
import { startXTestServer, TEST_CLIENT_ID, TEST_USER_ID, TEST_USERNAME, XTestServer } from '../test/x.server';
import { xManifest, xTextLength } from './manifest';
import { XConnector, X_SCOPES } from './x.connector';

let server: XTestServer;
let credentials: Credentials;
const ctx = testContext();
let keys = 0;
const key = () => `key-${++keys}`;

beforeAll(async () => {
  server = await startXTestServer();
  credentials = tokenCredentials(server);
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.rejectDuplicates = false;
  server.processingReads = 0;
});

class NoClients implements OAuthClients {
  used = 0;
  async getOrRegister(register: () => Promise<OAuthClient>): Promise<OAuthClient> {
    this.used++;
    return register();
  }
}

async function rejection(work: Promise<unknown>): Promise<ConnectorError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError, the call succeeded');
}

const isPost = (request: { method: string; url: URL }) => request.method === 'POST' && request.url.pathname === '/2/tweets';
const image = (bytes: number) => ({ mimeType: 'image/png', data: new Uint8Array(bytes).fill(7) });

describe('manifest and options', () => {
  it('declares the documented limits and capabilities', () => {
    expect(xManifest).toMatchObject({ id: 'x', displayName: 'X', authKind: 'oauth2' });
    expect(xManifest.capabilities).toMatchObject({ publish: true, media: true, threads: true, findPublished: true, targets: false });
    expect(xManifest.text.maxLength).toBe(280);
    expect(xManifest.media).toEqual({
      maxCount: 4,
      types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'],
      maxBytes: 512 * 1024 * 1024,
    });
    expect(xManifest.rateLimit.publish).toEqual([{ limit: 100, windowSeconds: 900 }]);
  });

  it('the default export builds a connector from the options it is given', () => {
    const connector = createXConnector({ clientId: 'a', clientSecret: 'b' });
    expect(connector.manifest.id).toBe('x');
    expect(connector).toBeInstanceOf(XConnector);
  });
});

describe('weighted length (twitter-text rules)', () => {
  it('counts Latin as 1, CJK and emoji as 2, and each URL as 23', () => {
    expect(xTextLength('hello')).toBe(5);
    expect(xTextLength('日本語')).toBe(6);
    expect(xTextLength('👍')).toBe(2);
    expect(xTextLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xTextLength('🇫🇷')).toBe(2);
    expect(xTextLength('see https://example.com/a/very/long/path/that/goes/on/and/on')).toBe(4 + 23);
    expect(xTextLength('é')).toBe(1);
  });

  it('validate refuses 141 CJK characters (282) but accepts 140 (280)', () => {
    const connector = testConnector();
    expect(connector.validate({ text: '字'.repeat(140) })).toEqual([]);
    const violations = connector.validate({ text: '字'.repeat(141) });
    expect(violations).toEqual([expect.objectContaining({ rule: 'text.too-long', path: 'text' })]);
    expect(connector.validate({ text: 'ok', thread: [{ text: '😀'.repeat(141) }] })).toEqual([
      expect.objectContaining({ rule: 'text.too-long', path: 'thread[0].text' }),
    ]);
  });

  it('accepts a long URL that fits once counted as 23', () => {
    expect(testConnector().validate({ text: `${'a'.repeat(250)} https://example.com/${'p'.repeat(200)}` })).toEqual([]);
  });
});

describe('publishing', () => {
  it('publishes a post and returns its id and x.com URL', async () => {
    const post = await testConnector().publish(ctx, credentials, { variant: { text: 'Hello X' }, idempotencyKey: key() });
    expect(server.posts.get(post.externalId)?.text).toBe('Hello X');
    expect(post.url).toBe(`https://x.com/${TEST_USERNAME}/status/${post.externalId}`);
  });

  it('publishes a thread as a chain of replies', async () => {
    const post = await testConnector().publish(ctx, credentials, {
      variant: { text: 'Part 1', thread: [{ text: 'Part 2' }, { text: 'Part 3' }] },
      idempotencyKey: key(),
    });
    const [second, third] = post.threadIds ?? [];
    expect(server.posts.get(second)).toMatchObject({ text: 'Part 2', inReplyTo: post.externalId });
    expect(server.posts.get(third)).toMatchObject({ text: 'Part 3', inReplyTo: second });
  });

  it('resumes a thread that stopped part-way when retried with the same key', async () => {
    const connector = testConnector();
    const request = { variant: { text: 'Resume 1', thread: [{ text: 'Resume 2' }] }, idempotencyKey: key() };
    server.answerNext((r) => isPost(r) && r.text().includes('Resume 2'), {
      status: 503,
      body: { title: 'Service Unavailable', detail: 'Over capacity', status: 503 },
    });
    expect((await rejection(connector.publish(ctx, credentials, request))).kind).toBe('TRANSIENT');
    const before = server.posts.size;
    const post = await connector.publish(ctx, credentials, request);
    expect(server.posts.size).toBe(before + 1);
    expect(server.posts.get(post.threadIds?.[0] ?? '')?.inReplyTo).toBe(post.externalId);
  });

  it('two concurrent calls with one key create one post', async () => {
    const connector = testConnector();
    const before = server.posts.size;
    const request = { variant: { text: 'Only once' }, idempotencyKey: key() };
    const [a, b] = await Promise.all([connector.publish(ctx, credentials, request), connector.publish(ctx, credentials, request)]);
    expect(b.externalId).toBe(a.externalId);
    expect(server.posts.size).toBe(before + 1);
  });

  it('replies to a post with reply.in_reply_to_tweet_id', async () => {
    const parent = server.addPublicPost('A question for the agency');
    const post = await testConnector().reply(ctx, credentials, parent.id, { text: 'Our answer' }, key());
    expect(server.posts.get(post.externalId)).toMatchObject({ text: 'Our answer', inReplyTo: parent.id });
  });

  it('deletes a post, and a post already gone counts as deleted', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'To delete' }, idempotencyKey: key() });
    await connector.delete(ctx, credentials, post.externalId);
    expect(server.posts.has(post.externalId)).toBe(false);
    await expect(connector.delete(ctx, credentials, post.externalId)).resolves.toBeUndefined();
  });
});

describe('media upload', () => {
  it('uploads a file larger than one segment in several APPENDs, then attaches it', async () => {
    const connector = testConnector({ chunkBytes: 1000 });
    const post = await connector.publish(ctx, credentials, {
      variant: { text: 'With image', media: [{ ...image(2500), altText: 'grey' }] },
      idempotencyKey: key(),
    });
    const mediaId = server.posts.get(post.externalId)?.mediaIds[0] ?? '';
    const upload = server.uploads.get(mediaId);
    expect(upload?.finalized).toBe(true);
    expect([...(upload?.segments.entries() ?? [])]).toEqual([
      [0, 1000],
      [1, 1000],
      [2, 500],
    ]);
    expect(server.requests.some((r) => r.url.pathname === '/2/media/metadata')).toBe(true);
  });

  it('reports progress: 0 before the first APPEND, then after each APPEND X accepted, per attachment', async () => {
    const reports: UploadProgress[] = [];
    const post = await testConnector({ chunkBytes: 1000 }).publish({ ...ctx, progress: (report) => reports.push(report) }, credentials, {
      variant: { text: 'Two images', media: [image(2500), image(800)] },
      idempotencyKey: key(),
    });
    expect(server.posts.get(post.externalId)?.mediaIds).toHaveLength(2);
    expect(reports).toEqual([
      { media: 0, sentBytes: 0, totalBytes: 2500 },
      { media: 0, sentBytes: 1000, totalBytes: 2500 },
      { media: 0, sentBytes: 2000, totalBytes: 2500 },
      { media: 0, sentBytes: 2500, totalBytes: 2500 },
      { media: 1, sentBytes: 0, totalBytes: 800 },
      { media: 1, sentBytes: 800, totalBytes: 800 },
    ]);
  });

  it('reports no progress for an APPEND X refused, and a throwing listener does not stop the upload', async () => {
    server.answerNext((r) => r.url.pathname.endsWith('/append') && r.json<{ segment_index: number }>().segment_index === 1, {
      status: 503,
      body: { title: 'Service Unavailable', detail: 'Over capacity', status: 503 },
    });
    const reports: number[] = [];
    const error = await rejection(
      testConnector({ chunkBytes: 100 }).publish({ ...ctx, progress: ({ sentBytes }) => reports.push(sentBytes) }, credentials, {
        variant: { text: 'Stopped', media: [image(300)] },
        idempotencyKey: key(),
      }),
    );
    expect(error.kind).toBe('TRANSIENT');
    expect(reports).toEqual([0, 100]);
    const post = await testConnector({ chunkBytes: 100 }).publish(
      {
        ...ctx,
        progress: () => {
          throw new Error('display failed');
        },
      },
      credentials,
      { variant: { text: 'Listener throws', media: [image(300)] }, idempotencyKey: key() },
    );
    expect(server.posts.get(post.externalId)?.mediaIds).toHaveLength(1);
  });

  it('polls STATUS while processing is pending', async () => {
    server.processingReads = 3;
    const post = await testConnector().publish(ctx, credentials, {
      variant: { text: 'Processed image', media: [image(10)] },
      idempotencyKey: key(),
    });
    expect(server.posts.get(post.externalId)?.mediaIds).toHaveLength(1);
    const statusReads = server.requests.filter(
      (r) => r.url.pathname === '/2/media/upload' && r.url.searchParams.get('command') === 'STATUS',
    );
    expect(statusReads.length).toBeGreaterThanOrEqual(3);
  });

  it('a failed APPEND is TRANSIENT and no post is created', async () => {
    const before = server.posts.size;
    server.answerNext((r) => r.url.pathname.endsWith('/append') && r.json<{ segment_index: number }>().segment_index === 1, {
      status: 400,
      body: { title: 'Invalid Request', detail: 'Segment could not be stored', status: 400 },
    });
    const error = await rejection(
      testConnector({ chunkBytes: 100 }).publish(ctx, credentials, {
        variant: { text: 'Never posted', media: [image(300)] },
        idempotencyKey: key(),
      }),
    );
    expect(error.kind).toBe('TRANSIENT');
    expect(error.message).toContain('segment 2 of 3');
    expect(server.posts.size).toBe(before);
  });

  it('uploads a video as tweet_video and waits for its processing', async () => {
    server.processingReads = 2;
    const video = { mimeType: 'video/mp4', data: new Uint8Array(2100).fill(1) };
    const post = await testConnector({ chunkBytes: 1000 }).publish(ctx, credentials, {
      variant: { text: 'A clip', media: [video] },
      idempotencyKey: key(),
    });
    const upload = server.uploads.get(server.posts.get(post.externalId)?.mediaIds[0] ?? '');
    expect(upload).toMatchObject({ mediaType: 'video/mp4', finalized: true });
    expect(upload?.segments.size).toBe(3);
    const init = server.requests.filter((r) => r.url.pathname === '/2/media/upload/initialize').at(-1);
    expect(init?.json()).toMatchObject({ media_category: 'tweet_video', total_bytes: 2100 });
  });

  it('validate holds images to 5 MB and a video to a post of its own', () => {
    const connector = testConnector();
    const big = { mimeType: 'image/jpeg', data: new Uint8Array(5 * 1024 * 1024 + 1) };
    expect(connector.validate({ text: 'big', media: [big] })).toEqual([
      expect.objectContaining({ rule: 'media.too-large', path: 'media[0]' }),
    ]);
    const video = { mimeType: 'video/mp4', data: new Uint8Array(10) };
    expect(connector.validate({ text: 'v', media: [video] })).toEqual([]);
    expect(connector.validate({ text: 'v', thread: [{ text: 'w', media: [video, image(3)] }] })).toEqual([
      expect.objectContaining({ rule: 'media.mixed', path: 'thread[0].media' }),
    ]);
  });

  it('processing that fails is REJECTED with X’s message', async () => {
    server.answerNext((r) => r.url.pathname.endsWith('/finalize'), {
      status: 200,
      body: { data: { id: '1', processing_info: { state: 'failed', error: { message: 'Unsupported image' } } } },
    });
    const error = await rejection(
      testConnector().publish(ctx, credentials, { variant: { text: 'Bad image', media: [image(5)] }, idempotencyKey: key() }),
    );
    expect(error.kind).toBe('REJECTED');
    expect(error.message).toContain('Unsupported image');
  });
});

describe('errors from X', () => {
  const publish = () => testConnector().publish(ctx, credentials, { variant: { text: `Err ${key()}` }, idempotencyKey: key() });

  it('401 is AUTH_EXPIRED', async () => {
    const error = await rejection(
      testConnector().publish(
        ctx,
        { ...credentials, secrets: { ...credentials.secrets, accessToken: 'nope' } },
        { variant: { text: 'x' }, idempotencyKey: key() },
      ),
    );
    expect(error.kind).toBe('AUTH_EXPIRED');
  });

  it('403 duplicate content is REJECTED with X’s message', async () => {
    server.rejectDuplicates = true;
    const connector = testConnector();
    await connector.publish(ctx, credentials, { variant: { text: 'Same words' }, idempotencyKey: key() });
    const error = await rejection(connector.publish(ctx, credentials, { variant: { text: 'Same words' }, idempotencyKey: key() }));
    expect(error).toMatchObject({
      kind: 'REJECTED',
      status: 403,
      networkReason: 'You are not allowed to create a Tweet with duplicate content.',
    });
  });

  it('429 is RATE_LIMITED until x-rate-limit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    server.answerNext(isPost, {
      status: 429,
      headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    });
    const error = await rejection(publish());
    expect(error.kind).toBe('RATE_LIMITED');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(595);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(601);
  });

  it('5xx is TRANSIENT', async () => {
    server.answerNext(isPost, { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', status: 503 } });
    expect((await rejection(publish())).kind).toBe('TRANSIENT');
  });

  it('400 is REJECTED with X’s detail, from either error shape', async () => {
    server.answerNext(isPost, {
      status: 400,
      body: { title: 'Invalid Request', detail: 'Text too long', type: 'https://api.twitter.com/2/problems/invalid-request', status: 400 },
    });
    expect(await rejection(publish())).toMatchObject({ kind: 'REJECTED', networkReason: 'Text too long' });
    server.answerNext(isPost, {
      status: 400,
      body: { errors: [{ message: 'The reply.in_reply_to_tweet_id field is invalid' }], title: 'Invalid Request' },
    });
    expect(await rejection(publish())).toMatchObject({
      kind: 'REJECTED',
      networkReason: 'The reply.in_reply_to_tweet_id field is invalid',
    });
  });

  it.each([
    ['a list', []],
    ['no data', { meta: {} }],
    ['an id that is a number', { data: { id: 12, text: 'x' } }],
    ['a string', 'hello'],
  ])('a 2xx answer with %s is a clear REJECTED error', async (_label, body) => {
    server.answerNext(isPost, { status: 201, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const error = await rejection(publish());
    expect(error.kind).toBe('REJECTED');
    expect(error.message).toContain('unexpected answer from X');
  });

  it('mentions with a wrong shape are a clear error, never a crash', async () => {
    server.answerNext((r) => r.url.pathname.endsWith('/mentions'), {
      status: 200,
      body: { data: [{ id: '1', text: 5, author_id: '2', created_at: 'x' }] },
    });
    const error = await rejection(testConnector().fetchMentions(ctx, credentials, {}));
    expect(error.kind).toBe('REJECTED');
    server.answerNext((r) => r.url.pathname.endsWith('/mentions'), { status: 200, body: { data: 'nope' } });
    expect((await rejection(testConnector().fetchMentions(ctx, credentials, {}))).kind).toBe('REJECTED');
  });

  it('metrics with a wrong shape are a clear error', async () => {
    server.answerNext((r) => r.url.pathname === '/2/tweets' && r.method === 'GET', {
      status: 200,
      body: { data: [{ id: '1', public_metrics: { like_count: -1 } }] },
    });
    expect((await rejection(testConnector().fetchMetrics(ctx, credentials, ['1']))).kind).toBe('REJECTED');
  });
});

describe('listening', () => {
  it('pages through mentions with pagination_token, never twice the same', async () => {
    server.addMentions(12);
    const connector = testConnector();
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await connector.fetchMentions(ctx, credentials, { cursor, limit: 3 });
      expect(result.items.length).toBeLessThanOrEqual(3);
      for (const item of result.items) {
        expect(seen.has(item.externalId)).toBe(false);
        seen.add(item.externalId);
        expect(item).toMatchObject({ authorHandle: 'fan_account', authorName: 'User fan_account', authorReach: 7 });
      }
      cursor = result.cursor;
      if (!cursor) break;
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
    expect(
      server.requests.some((r) => r.url.pathname === `/2/users/${TEST_USER_ID}/mentions` && r.url.searchParams.has('pagination_token')),
    ).toBe(true);
  });

  it('searches recent posts for any of the keywords, without retweets', async () => {
    server.addPublicPost('Socle launches today');
    server.addPublicPost('I love open source');
    const page = await testConnector().fetchMentions(ctx, credentials, { keywords: ['socle', 'open source'] });
    const texts = page.items.map((item) => item.text);
    expect(texts).toEqual(expect.arrayContaining(['Socle launches today', 'I love open source']));
    const search = server.requests.filter((r) => r.url.pathname === '/2/tweets/search/recent').at(-1);
    expect(search?.url.searchParams.get('query')).toBe('(socle OR "open source") -is:retweet');
  });

  it('refuses a cursor of another operation', async () => {
    const error = await rejection(testConnector().fetchMentions(ctx, credentials, { keywords: ['a'], cursor: 'm:eyJvIjowfQ' }));
    expect(error.kind).toBe('REJECTED');
  });

  it('reads the replies of a post with conversation_id search', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'Ask me anything' }, idempotencyKey: key() });
    server.addPublicPost('First question', 'curious', post.externalId);
    const page = await connector.fetchComments(ctx, credentials, post.externalId);
    expect(page.items).toEqual([expect.objectContaining({ text: 'First question', authorHandle: 'curious', inReplyTo: post.externalId })]);
  });

  it('reads post metrics and account metrics', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, credentials, { variant: { text: 'Measured' }, idempotencyKey: key() });
    const [metrics] = await connector.fetchMetrics(ctx, credentials, [post.externalId]);
    expect(metrics).toMatchObject({ externalId: post.externalId, likes: 3, reposts: 1, replies: 2, quotes: 0, impressions: 40 });
    server.setFollowers(1234);
    expect(await connector.fetchAccountMetrics(ctx, credentials)).toMatchObject({ followers: 1234, following: 5 });
  });
});

describe('findPublished', () => {
  it('finds a post and its thread published by another process, by text', async () => {
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    const variant = { text: 'Found & kept <3', thread: [{ text: 'Found 2' }] };
    const post = await testConnector().publish(ctx, credentials, { variant, idempotencyKey: 'find-1' });
    const found = await testConnector().findPublished(ctx, credentials, { idempotencyKey: 'find-1', variant, publishedAfter });
    expect(found).toEqual(post);
    expect(
      await testConnector().findPublished(ctx, credentials, { idempotencyKey: 'find-2', variant: { text: 'Never said' }, publishedAfter }),
    ).toBeNull();
  });

  it('says UNKNOWN when the pages read do not reach back to publishedAfter', async () => {
    server.answerNext((r) => r.url.pathname.endsWith('/tweets') && r.method === 'GET', {
      status: 200,
      body: { data: [], meta: { result_count: 0, next_token: 'more' } },
    });
    const error = await rejection(
      testConnector({ findPublishedMaxPages: 1 }).findPublished(ctx, credentials, {
        idempotencyKey: 'k',
        variant: { text: 'zzz' },
        publishedAfter: new Date().toISOString(),
      }),
    );
    expect(error.kind).toBe('UNKNOWN');
  });
});

describe('OAuth 2.0 with PKCE', () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const start = (connector: XConnector, clients = new NoClients()) =>
    connector.oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st4te', codeChallenge: challenge },
      clients,
    );

  it('sends the user to the consent page with the scopes and an S256 challenge, without the store of registrations', async () => {
    const clients = new NoClients();
    const started = await start(testConnector(), clients);
    const url = new URL(started.authorizationUrl);
    expect(url.pathname).toBe('/i/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: TEST_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: X_SCOPES.join(' '),
      state: 'st4te',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(clients.used).toBe(0);
    expect(JSON.stringify(started.fields)).not.toContain('secret');
  });

  it('production goes to x.com', async () => {
    const started = await testConnector().oauth.start(
      ctx,
      { serviceUrl: 'https://api.x.com', redirectUri: REDIRECT_URI, state: 's', codeChallenge: challenge },
      new NoClients(),
    );
    expect(started.authorizationUrl.startsWith('https://x.com/i/oauth2/authorize?')).toBe(true);
  });

  it('without a configured app, start says what is missing', async () => {
    const error = await rejection(start(new XConnector()));
    expect(error.kind).toBe('REJECTED');
    expect(error.message).toContain('clientId');
  });

  it('exchanges the code with the right verifier, and X refuses a wrong one', async () => {
    const connector = testConnector();
    const { code } = await approve((await start(connector)).authorizationUrl);
    const wrong = await rejection(
      connector.authorize(ctx, {
        serviceUrl: server.baseUrl,
        redirectUri: REDIRECT_URI,
        fields: { code, codeVerifier: 'not-the-verifier' },
      }),
    );
    expect(wrong.kind).toBe('REJECTED');
    expect(wrong.networkReason).toContain('code verifier');

    const { code: second } = await approve((await start(connector)).authorizationUrl);
    const issued = await connector.authorize(ctx, {
      serviceUrl: server.baseUrl,
      redirectUri: REDIRECT_URI,
      fields: { code: second, codeVerifier: verifier },
    });
    expect(issued.secrets).toMatchObject({ userId: TEST_USER_ID, username: TEST_USERNAME });
    expect(issued.secrets.refreshToken).toBeTruthy();
    expect(Date.parse(issued.expiresAt ?? '')).toBeGreaterThan(Date.now());
    const token = server.requests.filter((r) => r.url.pathname === '/2/oauth2/token').at(-1);
    expect(token?.headers.authorization?.startsWith('Basic ')).toBe(true);
  });

  it('a client secret X refuses is REJECTED at the code exchange, not AUTH_EXPIRED', async () => {
    const connector = testConnector({ clientSecret: 'wrong-secret' });
    const { code } = await approve((await start(connector)).authorizationUrl);
    const error = await rejection(
      connector.authorize(ctx, { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, fields: { code, codeVerifier: verifier } }),
    );
    expect(error).toMatchObject({ kind: 'REJECTED', status: 401 });
  });

  it('refresh keeps the rotated refresh token; the old one is refused afterwards (AUTH_EXPIRED)', async () => {
    const connector = testConnector();
    const expired = expiredCredentials(server);
    const refreshed = await connector.refresh(ctx, expired);
    expect(refreshed.secrets.refreshToken).toBeTruthy();
    expect(refreshed.secrets.refreshToken).not.toBe(expired.secrets.refreshToken);
    await connector.publish(ctx, refreshed, { variant: { text: 'After refresh' }, idempotencyKey: key() });
    expect((await rejection(connector.refresh(ctx, expired))).kind).toBe('AUTH_EXPIRED');
    const again = await connector.refresh(ctx, refreshed);
    expect(again.secrets.refreshToken).not.toBe(refreshed.secrets.refreshToken);
  });
});
