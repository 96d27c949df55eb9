import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Credentials } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import createFacebookConnector from '../index';
import {
  ANALYZE_ONLY_PAGE_ID,
  FacebookTestServer,
  PUBLISHABLE_PAGE_ID,
  PUBLISHABLE_PAGE_NAME,
  startFacebookTestServer,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../test/facebook.server';
import { approve, pageCredentials, REDIRECT_URI, revokedPageCredentials, testConnector, testContext, userToken } from '../test/fixtures';
import { FACEBOOK_SCOPES, FacebookConnector } from './facebook.connector';
import { FACEBOOK_MAX_CHARACTERS, facebookManifest } from './manifest';

let server: FacebookTestServer;
const ctx = testContext();
let keys = 0;
const key = () => `key-${++keys}`;
/** Credentials bound to the publishable Page, with its current token (a revoked one is replaced). */
const creds = (): Credentials => pageCredentials(server);
const png = () => ({ mimeType: 'image/png', data: makePng(2, 2) });

beforeAll(async () => {
  server = await startFacebookTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clearInjections());

/** A Graph API error body as Meta sends it. */
const metaError = (code: number, message: string, subcode?: number) => ({
  error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'Ab12' },
});
const lastPaths = (count: number) => server.requests.slice(-count).map((request) => `${request.method} ${request.url.pathname}`);

describe('manifest and options', () => {
  it('declares Facebook Pages with its documented limits', () => {
    expect(facebookManifest).toMatchObject({ id: 'facebook', displayName: 'Facebook Pages', authKind: 'oauth2' });
    expect(facebookManifest.capabilities).toMatchObject({ publish: true, media: true, threads: false, search: false, targets: true });
    expect(facebookManifest.text).toEqual({ maxLength: FACEBOOK_MAX_CHARACTERS, counting: 'code-points' });
    expect(facebookManifest.media.types).toEqual(
      expect.arrayContaining(['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff']),
    );
  });

  it('reads its configuration from the options only, never from the environment', () => {
    const dir = join(__dirname);
    const sources = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    for (const name of [...sources.map((source) => join(dir, source)), join(dir, '..', 'index.ts')]) {
      expect(readFileSync(name, 'utf8')).not.toMatch(/process\.env/);
    }
  });

  it('the default export builds the connector from the options the platform passes', async () => {
    const connector = createFacebookConnector({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, apiVersion: 'v21.0' });
    expect(connector.manifest.id).toBe('facebook');
    const started = await connector.oauth?.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'opt', codeChallenge: 'x' },
      { getOrRegister: () => Promise.reject(new Error('not used')) },
    );
    expect(new URL(started?.authorizationUrl ?? 'http://x').searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
  });

  it('refuses an API version that is not of the form v21.0', () => {
    expect(() => new FacebookConnector({ apiVersion: '../x' })).toThrow(/API version/);
  });

  it('validate: refuses a link that is not a URL and a link together with photos', () => {
    const connector = testConnector();
    expect(connector.validate({ text: 'hi', options: { link: 'nope' } }).map((violation) => violation.path)).toContain('options.link');
    expect(connector.validate({ text: 'hi', media: [png()], options: { link: 'https://socle.app' } }).length).toBeGreaterThan(0);
    expect(connector.validate({ text: 'hi', options: { link: 'https://socle.app' } })).toEqual([]);
  });
});

describe('OAuth', () => {
  it('start builds the dialog URL with the app id, redirect, state and the Pages permissions', async () => {
    const started = await testConnector().oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-1', codeChallenge: 'x' },
      { getOrRegister: () => Promise.reject(new Error('not used')) },
    );
    const url = new URL(started.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.baseUrl}/v21.0/dialog/oauth`);
    expect(url.searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
    expect(url.searchParams.get('state')).toBe('st-1');
    expect(url.searchParams.get('scope')).toBe(FACEBOOK_SCOPES.join(','));
    expect(JSON.stringify(started.fields)).not.toContain(TEST_CLIENT_SECRET);
  });

  it('start sends production users to www.facebook.com', async () => {
    const started = await testConnector({ apiVersion: 'v22.0' }).oauth.start(
      ctx,
      { serviceUrl: 'https://graph.facebook.com', redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'x' },
      { getOrRegister: () => Promise.reject(new Error('not used')) },
    );
    expect(started.authorizationUrl.startsWith('https://www.facebook.com/v22.0/dialog/oauth?')).toBe(true);
  });

  it('start without an app configured is REJECTED and says what is missing', async () => {
    const error = await expectConnectorError(
      new FacebookConnector().oauth.start(
        ctx,
        { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'x' },
        { getOrRegister: () => Promise.reject(new Error('not used')) },
      ),
      ['REJECTED'],
    );
    expect(error.message).toMatch(/clientId and clientSecret/);
  });

  it('exchanges the code, then the short token for a long-lived one, and binds the only publishable Page', async () => {
    const connector = testConnector();
    const started = await connector.oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 's2', codeChallenge: 'x' },
      { getOrRegister: () => Promise.reject(new Error('not used')) },
    );
    const { code } = await approve(started.authorizationUrl);
    const issued = await connector.authorize(ctx, {
      serviceUrl: server.baseUrl,
      redirectUri: REDIRECT_URI,
      fields: { ...started.fields, code },
    });
    const exchanges = server.requests.filter((request) => request.url.pathname === '/v21.0/oauth/access_token').slice(-2);
    expect(exchanges[0].url.searchParams.get('code')).toBe(code);
    expect(exchanges[1].url.searchParams.get('grant_type')).toBe('fb_exchange_token');
    expect(issued.secrets.pageId).toBe(PUBLISHABLE_PAGE_ID);
    expect(issued.secrets.displayName).toBe(PUBLISHABLE_PAGE_NAME);
    expect(issued.secrets.userAccessToken).toMatch(/^EAAU/);
    const post = await connector.publish(ctx, issued, { variant: { text: 'Straight after consent' }, idempotencyKey: key() });
    expect(server.posts.get(post.externalId)?.message).toBe('Straight after consent');
  });

  it('returns the user credentials when several Pages are publishable; page operations then refuse clearly', async () => {
    server.setManagedPages([
      { id: PUBLISHABLE_PAGE_ID, name: PUBLISHABLE_PAGE_NAME, tasks: ['CREATE_CONTENT'] },
      { id: '200000000000003', name: 'Second', tasks: ['MANAGE'] },
    ]);
    try {
      const issued = await testConnector().authorize(ctx, { serviceUrl: server.baseUrl, fields: { accessToken: userToken(server) } });
      expect(issued.secrets.pageId).toBeUndefined();
      const error = await expectConnectorError(testConnector().publish(ctx, issued, { variant: { text: 'x' }, idempotencyKey: key() }), [
        'REJECTED',
      ]);
      expect(error.message).toMatch(/no Page is bound/);
      expect((await testConnector().listTargets(ctx, issued)).map((target) => target.id)).toEqual([PUBLISHABLE_PAGE_ID, '200000000000003']);
    } finally {
      server.setManagedPages(defaultPages);
    }
  });

  it('a wrong code is REJECTED with Meta message', async () => {
    const error = await expectConnectorError(
      testConnector().authorize(ctx, { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, fields: { code: 'bad' } }),
      ['REJECTED'],
    );
    expect(error.networkReason).toMatch(/verification code/);
  });

  it('a token answer without access_token is a clear ConnectorError', async () => {
    server.answerNext((request) => request.url.pathname.endsWith('/oauth/access_token'), { status: 200, body: { token_type: 'bearer' } });
    const error = await expectConnectorError(
      testConnector().authorize(ctx, { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, fields: { code: 'c' } }),
      ['REJECTED'],
    );
    expect(error.message).toMatch(/access_token/);
  });
});

const defaultPages = [
  {
    id: PUBLISHABLE_PAGE_ID,
    name: PUBLISHABLE_PAGE_NAME,
    tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT'],
    username: 'soclebakery',
  },
  { id: ANALYZE_ONLY_PAGE_ID, name: 'Client Page (analytics only)', tasks: ['ANALYZE'] },
];

describe('listTargets', () => {
  const user = (): Credentials => ({ serviceUrl: server.baseUrl, secrets: { userAccessToken: userToken(server) } });

  it('lists the Pages the user may publish on, with their own token, and leaves out ANALYZE-only ones', async () => {
    const targets = await testConnector().listTargets(ctx, user());
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ id: PUBLISHABLE_PAGE_ID, kind: 'page', name: PUBLISHABLE_PAGE_NAME, handle: 'soclebakery' });
    expect(targets[0].credentials.secrets).toMatchObject({ pageId: PUBLISHABLE_PAGE_ID, userAccessToken: userToken(server) });
    expect(targets[0].credentials.secrets.pageAccessToken).toMatch(/^EAAP/);
    expect(targets.some((target) => target.id === ANALYZE_ONLY_PAGE_ID)).toBe(false);
  });

  it('follows the cursors through every page of /me/accounts', async () => {
    const many = Array.from({ length: 150 }, (_, index) => ({
      id: String(300000000000000 + index),
      name: `Page ${index}`,
      tasks: ['CREATE_CONTENT'],
    }));
    server.setManagedPages(many);
    try {
      const targets = await testConnector().listTargets(ctx, user());
      expect(targets).toHaveLength(150);
      expect(server.requests.slice(-2).every((request) => request.url.pathname === '/v21.0/me/accounts')).toBe(true);
      expect(server.requests[server.requests.length - 1].url.searchParams.get('after')).toBeTruthy();
    } finally {
      server.setManagedPages(defaultPages);
    }
  });

  it('a wrong shape is a clear ConnectorError', async () => {
    server.answerNext((request) => request.url.pathname.endsWith('/me/accounts'), { status: 200, body: { data: { id: 1 } } });
    await expectConnectorError(testConnector().listTargets(ctx, user()), ['REJECTED']);
    server.answerNext((request) => request.url.pathname.endsWith('/me/accounts'), {
      status: 200,
      body: { data: [{ id: '1', name: 'x', tasks: ['CREATE_CONTENT'] }] },
    });
    const error = await expectConnectorError(testConnector().listTargets(ctx, user()), ['REJECTED']);
    expect(error.message).toMatch(/access_token/);
  });
});

describe('publishing', () => {
  it('publishes a text post with a link on the Page feed', async () => {
    const post = await testConnector().publish(ctx, creds(), {
      variant: { text: 'Fresh bread today', options: { link: 'https://socle.app/bread' } },
      idempotencyKey: key(),
    });
    expect(lastPaths(2)).toEqual([`POST /v21.0/${PUBLISHABLE_PAGE_ID}/feed`, `GET /v21.0/${post.externalId}`]);
    expect(server.posts.get(post.externalId)).toMatchObject({ message: 'Fresh bread today', link: 'https://socle.app/bread' });
    expect(post.url).toBe(server.posts.get(post.externalId)?.permalink);
  });

  it('the same key twice makes one post', async () => {
    const connector = testConnector();
    const before = server.posts.size;
    const k = key();
    const [a, b] = await Promise.all([
      connector.publish(ctx, creds(), { variant: { text: 'Once' }, idempotencyKey: k }),
      connector.publish(ctx, creds(), { variant: { text: 'Once' }, idempotencyKey: k }),
    ]);
    expect(a).toEqual(b);
    expect(server.posts.size).toBe(before + 1);
  });

  it('uploads a photo as multipart source, unpublished, then attaches it to the feed post', async () => {
    const post = await testConnector().publish(ctx, creds(), { variant: { text: 'One photo', media: [png()] }, idempotencyKey: key() });
    const upload = server.requests.find(
      (request) => request.url.pathname === `/v21.0/${PUBLISHABLE_PAGE_ID}/photos` && request.method === 'POST',
    );
    expect(String(upload?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const photoIds = server.posts.get(post.externalId)?.photoIds ?? [];
    expect(photoIds).toHaveLength(1);
    expect(server.photos.get(photoIds[0])).toMatchObject({ mimeType: 'image/png', published: false });
  });

  it('publishes several photos as one post (attached_media)', async () => {
    const post = await testConnector().publish(ctx, creds(), {
      variant: { text: 'Three photos', media: [png(), png(), { mimeType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) }] },
      idempotencyKey: key(),
    });
    expect(server.posts.get(post.externalId)?.photoIds).toHaveLength(3);
  });

  it('a failed photo upload makes no feed post', async () => {
    const before = server.posts.size;
    server.answerNext((request) => request.url.pathname.endsWith('/photos'), {
      status: 400,
      body: metaError(324, '(#324) Missing or invalid image file'),
    });
    const error = await expectConnectorError(
      testConnector().publish(ctx, creds(), { variant: { text: 'Broken', media: [png(), png()] }, idempotencyKey: key() }),
      ['REJECTED'],
    );
    expect(error.networkReason).toMatch(/invalid image/);
    expect(server.posts.size).toBe(before);
  });

  it('replies as the Page with a comment', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, creds(), { variant: { text: 'Ask us' }, idempotencyKey: key() });
    const reply = await connector.reply(ctx, creds(), post.externalId, { text: 'Thanks!' }, key());
    expect(server.comments.get(reply.externalId)).toMatchObject({
      objectId: post.externalId,
      fromId: PUBLISHABLE_PAGE_ID,
      message: 'Thanks!',
    });
    expect(reply.url).toMatch(/^https:\/\/www\.facebook\.com\//);
  });

  it('replies with a photo as a multipart comment', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, creds(), { variant: { text: 'Show us' }, idempotencyKey: key() });
    const reply = await connector.reply(ctx, creds(), post.externalId, { text: 'Here', media: [png()] }, key());
    expect(server.comments.get(reply.externalId)?.message).toBe('Here');
    expect(
      String(server.requests.find((request) => request.url.pathname.endsWith(`${post.externalId}/comments`))?.headers['content-type']),
    ).toMatch(/^multipart\/form-data/);
    await expectConnectorError(connector.reply(ctx, creds(), post.externalId, { text: 'Two', media: [png(), png()] }, key()), ['REJECTED']);
  });

  it('deletes a post', async () => {
    const connector = testConnector();
    const post = await connector.publish(ctx, creds(), { variant: { text: 'Gone soon' }, idempotencyKey: key() });
    await connector.delete(ctx, creds(), post.externalId);
    expect(server.posts.has(post.externalId)).toBe(false);
    expect(lastPaths(1)).toEqual([`DELETE /v21.0/${post.externalId}`]);
  });

  it('refuses an id that could reach another path', async () => {
    await expectConnectorError(testConnector().delete(ctx, creds(), '../me/accounts'), ['REJECTED']);
  });

  it('findPublished matches the message among the Page posts since the first attempt, null otherwise', async () => {
    const connector = testConnector();
    const after = new Date(Date.now() - 5000).toISOString();
    const post = await connector.publish(ctx, creds(), { variant: { text: 'Find me 42' }, idempotencyKey: key() });
    expect(
      await connector.findPublished(ctx, creds(), { idempotencyKey: 'k', variant: { text: 'Find me 42' }, publishedAfter: after }),
    ).toEqual(post);
    expect(
      await connector.findPublished(ctx, creds(), { idempotencyKey: 'k', variant: { text: 'Never' }, publishedAfter: after }),
    ).toBeNull();
    expect(server.requests[server.requests.length - 1].url.searchParams.get('since')).toBe(String(Math.floor(Date.parse(after) / 1000)));
  });
});

describe('errors', () => {
  const failNext = (status: number, body: object, headers: Record<string, string> = {}) =>
    server.answerNext((request) => request.url.pathname.endsWith('/feed'), { status, body, headers });
  const publish = () => testConnector().publish(ctx, creds(), { variant: { text: `err ${key()}` }, idempotencyKey: key() });

  it('190 -> AUTH_EXPIRED', async () => {
    failNext(400, metaError(190, 'Error validating access token', 463));
    await expectConnectorError(publish(), ['AUTH_EXPIRED']);
  });

  it.each([4, 17, 32, 613, 80001])('%i -> RATE_LIMITED, waiting as X-Business-Use-Case-Usage says', async (code) => {
    failNext(400, metaError(code, 'Application request limit reached'), {
      'x-business-use-case-usage': JSON.stringify({
        [PUBLISHABLE_PAGE_ID]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 7 }],
      }),
    });
    const error = await expectConnectorError(publish(), ['RATE_LIMITED']);
    expect(error.retryAfterSeconds).toBe(7 * 60);
  });

  it('a rate limit without any hint waits 60 s; Retry-After wins when given', async () => {
    failNext(400, metaError(4, 'Application request limit reached'));
    expect((await expectConnectorError(publish(), ['RATE_LIMITED'])).retryAfterSeconds).toBe(60);
    failNext(429, metaError(32, 'Page request limit reached'), { 'retry-after': '30' });
    expect((await expectConnectorError(publish(), ['RATE_LIMITED'])).retryAfterSeconds).toBe(30);
  });

  it.each([1, 2])('%i -> TRANSIENT', async (code) => {
    failNext(500, metaError(code, 'An unknown error occurred'));
    await expectConnectorError(publish(), ['TRANSIENT']);
    failNext(400, metaError(code, 'Service temporarily unavailable'));
    await expectConnectorError(publish(), ['TRANSIENT']);
  });

  it.each([
    [100, 'Invalid parameter'],
    [200, 'Permissions error'],
    [368, 'The action attempted has been deemed abusive or is otherwise disallowed'],
  ])('%i -> REJECTED with Meta message', async (code, message) => {
    failNext(400, metaError(code, message));
    const error = await expectConnectorError(publish(), ['REJECTED']);
    expect(error.networkReason).toBe(message);
  });

  it('an error object inside a 200 answer is read the same way', async () => {
    failNext(200, metaError(368, 'Blocked for policy'));
    await expectConnectorError(publish(), ['REJECTED']);
  });

  it('wrong shapes are clear ConnectorErrors', async () => {
    failNext(200, { id: { nested: true } });
    expect((await expectConnectorError(publish(), ['REJECTED'])).message).toMatch(/post id/);
    server.answerNext((request) => request.url.pathname.endsWith('/tagged'), {
      status: 200,
      body: { data: [{ id: '1_2', message: 'x' }] },
    });
    expect((await expectConnectorError(testConnector().fetchMentions(ctx, creds(), {}), ['REJECTED'])).message).toMatch(/created_time/);
    server.answerNext((request) => request.url.searchParams.get('fields')?.startsWith('reactions') ?? false, {
      status: 200,
      body: { id: '1_2', reactions: { summary: { total_count: -1 } }, comments: { summary: { total_count: 0 } } },
    });
    await expectConnectorError(testConnector().fetchMetrics(ctx, creds(), ['1_2']), ['REJECTED']);
    server.answerNext((request) => request.url.searchParams.get('fields') === 'followers_count,fan_count', { status: 200, body: ['x'] });
    await expectConnectorError(testConnector().fetchAccountMetrics(ctx, creds()), ['REJECTED']);
  });

  it('credentials without any token are AUTH_EXPIRED', async () => {
    await expectConnectorError(
      testConnector().publish(ctx, { serviceUrl: server.baseUrl, secrets: {} }, { variant: { text: 'x' }, idempotencyKey: key() }),
      ['AUTH_EXPIRED'],
    );
  });
});

describe('refresh', () => {
  it('reads the Page token again with the user token after the Page token was invalidated', async () => {
    const revoked = revokedPageCredentials(server);
    await expectConnectorError(testConnector().publish(ctx, revoked, { variant: { text: 'x' }, idempotencyKey: key() }), ['AUTH_EXPIRED']);
    const fresh = await testConnector().refresh(ctx, revoked);
    expect(fresh.secrets.pageAccessToken).not.toBe(revoked.secrets.pageAccessToken);
    expect(lastPaths(1)).toEqual([`GET /v21.0/${PUBLISHABLE_PAGE_ID}`]);
    await testConnector().publish(ctx, fresh, { variant: { text: 'Back again' }, idempotencyKey: key() });
  });

  it.each([460, 463, 467])('a revoked user token (190/%i) is AUTH_EXPIRED', async (subcode) => {
    const user = server.issueUserToken();
    server.revoke(user, subcode);
    const error = await expectConnectorError(
      testConnector().refresh(ctx, { serviceUrl: server.baseUrl, secrets: { ...creds().secrets, userAccessToken: user } }),
      ['AUTH_EXPIRED'],
    );
    expect(error.message).toContain(`190/${subcode}`);
  });
});

describe('reading', () => {
  it('pages through the posts that tag the Page', async () => {
    server.addMentions(5);
    const first = await testConnector().fetchMentions(ctx, creds(), { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.cursor).toBeTruthy();
    expect(first.items[0]).toMatchObject({
      authorName: expect.stringMatching(/^Visitor/),
      text: expect.stringContaining(PUBLISHABLE_PAGE_NAME),
    });
    const second = await testConnector().fetchMentions(ctx, creds(), { limit: 3, cursor: first.cursor });
    expect(second.items.map((item) => item.externalId)).not.toContain(first.items[0].externalId);
  });

  it('refuses keyword search (Facebook has no public post search)', async () => {
    await expectConnectorError(testConnector().fetchMentions(ctx, creds(), { keywords: ['bread'] }), ['REJECTED']);
  });

  it('reads the comments of a post with cursors', async () => {
    const post = await testConnector().publish(ctx, creds(), { variant: { text: 'Comment me' }, idempotencyKey: key() });
    for (let i = 0; i < 30; i++) server.addComment(post.externalId, `Comment ${i}`);
    const first = await testConnector().fetchComments(ctx, creds(), post.externalId);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]).toMatchObject({ text: 'Comment 0', inReplyTo: post.externalId, authorName: 'A customer' });
    const second = await testConnector().fetchComments(ctx, creds(), post.externalId, first.cursor);
    expect(second.items).toHaveLength(5);
    expect(second.cursor).toBeUndefined();
  });

  it('reads reactions, comments and shares of a post', async () => {
    const post = await testConnector().publish(ctx, creds(), { variant: { text: 'Count me' }, idempotencyKey: key() });
    server.addComment(post.externalId, 'one');
    const [metrics] = await testConnector().fetchMetrics(ctx, creds(), [post.externalId]);
    expect(metrics).toMatchObject({ externalId: post.externalId, likes: 7, replies: 1, reposts: 2 });
  });

  it('reads the Page followers', async () => {
    server.setFollowers(5120);
    expect((await testConnector().fetchAccountMetrics(ctx, creds())).followers).toBe(5120);
  });
});
