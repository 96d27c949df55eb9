import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connector, ConnectorContext, Credentials, Variant } from '@socle/connector-sdk';
import { expectConnectorError } from '@socle/connector-sdk/testing';
import createInstagramConnector from '../index';
import {
  IG_NAME,
  IG_USER_ID,
  IG_USERNAME,
  InstagramTestServer,
  LINKED_PAGE_ID,
  startInstagramTestServer,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../test/instagram.server';
import { accountCredentials, approve, imagePost, jpeg, mp4, REDIRECT_URI, testConnector, testContext, userToken } from '../test/fixtures';
import { jpegBytes, pngBytes } from '../test/media-host';
import { INSTAGRAM_SCOPES, InstagramConnector } from './instagram.connector';
import { INSTAGRAM_IMAGE_MAX_BYTES, INSTAGRAM_MAX_CHARACTERS, INSTAGRAM_POSTS_PER_DAY, instagramManifest } from './manifest';

let server: InstagramTestServer;
const ctx = testContext();
let keys = 0;
const key = () => `key-${++keys}`;
let texts = 0;
/** A caption no other test published (findPublished matches captions). */
const caption = (label: string) => `${label} ${++texts} #bread`;
const creds = (): Credentials => accountCredentials(server);
const connector = testConnector();

beforeAll(async () => {
  server = await startInstagramTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.stickContainers(false);
  server.setQuotaTotal(INSTAGRAM_POSTS_PER_DAY);
  server.setVideoProcessingReads(2);
});

/** A Graph API error body as Meta sends it. */
const metaError = (code: number, message: string, subcode?: number) => ({
  error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'Ab12' },
});
const paths = (since: number) => server.requests.slice(since).map((request) => `${request.method} ${request.url.pathname}`);
const sent = (since: number, method: string, suffix: string) =>
  server.requests.slice(since).filter((request) => request.method === method && request.url.pathname.endsWith(suffix));
const formOf = (request: { text(): string }) => new URLSearchParams(request.text());

describe('manifest and options', () => {
  it('declares Instagram with its documented limits, media by URL, no delete', () => {
    expect(instagramManifest).toMatchObject({ id: 'instagram', displayName: 'Instagram', authKind: 'oauth2' });
    expect(instagramManifest.capabilities).toMatchObject({
      publish: true,
      media: true,
      delete: false,
      threads: false,
      targets: true,
      search: true,
    });
    expect(instagramManifest.text).toEqual({ maxLength: 2200, counting: 'code-points' });
    expect(instagramManifest.media).toMatchObject({ maxCount: 10, delivery: 'url', types: ['image/jpeg', 'video/mp4', 'video/quicktime'] });
    expect(instagramManifest.rateLimit.publish).toEqual([{ limit: 50, windowSeconds: 86400 }]);
    expect((connector as Connector).delete).toBeUndefined();
  });

  it('reads its configuration from the options only, never from the environment', () => {
    const sources = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    for (const name of [...sources.map((source) => join(__dirname, source)), join(__dirname, '..', 'index.ts')]) {
      expect(readFileSync(name, 'utf8')).not.toMatch(/process\.env/);
    }
  });

  it('refuses an API version that is not of the form v21.0', () => {
    expect(() => new InstagramConnector({ apiVersion: '../v1' })).toThrow(/not of the form/);
  });
});

describe('OAuth (Facebook Login) and targets', () => {
  it('starts at the versioned dialog with the Instagram scopes and state, then exchanges the code for a long-lived token', async () => {
    const started = await connector.oauth.start(
      ctx,
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 'st-1', codeChallenge: 'unused' },
      { getOrRegister: () => Promise.reject(new Error('not used')) },
    );
    const url = new URL(started.authorizationUrl);
    expect(url.pathname).toBe('/v21.0/dialog/oauth');
    expect(url.searchParams.get('scope')?.split(',')).toEqual([...INSTAGRAM_SCOPES]);
    expect(url.searchParams.get('state')).toBe('st-1');
    const { code, state } = await approve(started.authorizationUrl);
    expect(state).toBe('st-1');
    const since = server.requests.length;
    const issued = await connector.authorize(ctx, {
      serviceUrl: server.baseUrl,
      redirectUri: REDIRECT_URI,
      fields: { ...started.fields, code },
    });
    // One Page with a linked account: the credentials are bound to it at once.
    expect(issued.secrets).toMatchObject({ igUserId: IG_USER_ID, pageId: LINKED_PAGE_ID, username: IG_USERNAME });
    expect(Date.parse(issued.expiresAt ?? '') - Date.now()).toBeGreaterThan(59 * 86400 * 1000);
    const exchanges = sent(since, 'GET', '/oauth/access_token');
    expect(exchanges).toHaveLength(2);
    expect(exchanges[1].url.searchParams.get('grant_type')).toBe('fb_exchange_token');
  });

  it('production uses www.facebook.com for the dialog; without an app configured, start says what is missing', async () => {
    const started = await connector.oauth.start(
      ctx,
      { serviceUrl: 'https://graph.facebook.com', redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'c' },
      { getOrRegister: () => Promise.reject(new Error('not used')) },
    );
    expect(started.authorizationUrl.startsWith('https://www.facebook.com/v21.0/dialog/oauth?')).toBe(true);
    const clients = { getOrRegister: () => Promise.reject(new Error('not used')) };
    const input = { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'c' };
    const bare = createInstagramConnector();
    await expectConnectorError(
      Promise.resolve().then(() => bare.oauth?.start(ctx, input, clients)),
      'REJECTED',
    );
    // The default export takes the Meta app from the options the platform passes.
    const configured = createInstagramConnector({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET });
    const fromOptions = await configured.oauth?.start(ctx, input, clients);
    expect(new URL(fromOptions?.authorizationUrl ?? 'http://x').searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
  });

  it('lists the Instagram accounts of the managed Pages only, each with credentials of its own', async () => {
    const targets = await connector.listTargets(ctx, { serviceUrl: server.baseUrl, secrets: { accessToken: userToken(server) } });
    expect(targets).toEqual([
      {
        id: IG_USER_ID,
        kind: 'profile',
        name: IG_NAME,
        handle: IG_USERNAME,
        url: `https://www.instagram.com/${IG_USERNAME}/`,
        credentials: {
          serviceUrl: server.baseUrl,
          secrets: {
            igUserId: IG_USER_ID,
            accessToken: userToken(server),
            pageId: LINKED_PAGE_ID,
            displayName: IG_NAME,
            username: IG_USERNAME,
          },
        },
      },
    ]);
    const request = sent(0, 'GET', '/me/accounts').pop();
    expect(request?.url.searchParams.get('fields')).toContain('instagram_business_account{id,username,name}');
  });

  it('credentials bound to no account are REJECTED with what to do', async () => {
    const user = { serviceUrl: server.baseUrl, secrets: { accessToken: userToken(server) } };
    const error = await expectConnectorError(
      connector.publish(ctx, user, { variant: imagePost(server, caption('x')), idempotencyKey: key() }),
      'REJECTED',
    );
    expect(error.message).toMatch(/listTargets/);
  });
});

describe('auth faults', () => {
  it('an expired token (190/463) is AUTH_EXPIRED, and an expiry already past is not even sent', async () => {
    const expired = accountCredentials(server, server.issueExpiredToken());
    await expectConnectorError(connector.fetchAccountMetrics(ctx, expired), 'AUTH_EXPIRED');
    const since = server.requests.length;
    const past = { ...creds(), expiresAt: new Date(Date.now() - 1000).toISOString() };
    await expectConnectorError(
      connector.publish(ctx, past, { variant: imagePost(server, caption('past')), idempotencyKey: key() }),
      'AUTH_EXPIRED',
    );
    expect(server.requests.length).toBe(since);
  });

  it('a revoked token (190/460) is AUTH_EXPIRED', async () => {
    const token = server.issueUserToken();
    server.revoke(token, 460);
    const error = await expectConnectorError(connector.fetchMentions(ctx, accountCredentials(server, token), {}), 'AUTH_EXPIRED');
    expect(error.message).toContain('Meta error 190/460');
  });

  it('a removed permission is AUTH_EXPIRED: (#10) for publishing, (#200) for comments', async () => {
    const token = server.issueUserToken();
    server.removePermission(token, 'instagram_content_publish');
    server.removePermission(token, 'instagram_manage_comments');
    const limited = accountCredentials(server, token);
    const publishError = await expectConnectorError(
      connector.publish(ctx, limited, { variant: imagePost(server, caption('perm')), idempotencyKey: key() }),
      'AUTH_EXPIRED',
    );
    expect(publishError.message).toContain('Meta error 10');
    const post = await connector.publish(ctx, creds(), { variant: imagePost(server, caption('perm ok')), idempotencyKey: key() });
    const commentsError = await expectConnectorError(connector.fetchComments(ctx, limited, post.externalId), 'AUTH_EXPIRED');
    expect(commentsError.message).toContain('Meta error 200');
  });
});

describe('publishing', () => {
  it('one image: container with image_url, caption and alt_text, status read, media_publish, permalink', async () => {
    const since = server.requests.length;
    const variant = imagePost(server, caption('Fresh loaves'));
    const post = await connector.publish(ctx, creds(), { variant, idempotencyKey: key() });
    expect(paths(since)).toEqual([
      `GET /v21.0/${IG_USER_ID}/content_publishing_limit`,
      `POST /v21.0/${IG_USER_ID}/media`,
      expect.stringMatching(/^GET \/v21\.0\/\d+$/),
      `POST /v21.0/${IG_USER_ID}/media_publish`,
      `GET /v21.0/${post.externalId}`,
    ]);
    const created = formOf(sent(since, 'POST', '/media')[0]);
    expect(created.get('image_url')).toBe(variant.media?.[0].url);
    expect(created.get('caption')).toBe(variant.text);
    expect(created.get('alt_text')).toBe('A loaf of bread on a table');
    // The test server fetched the address itself, once.
    expect(server.mediaHost.fetches.get(variant.media?.[0].url ?? '')).toBe(1);
    expect(server.media.get(post.externalId)).toMatchObject({
      caption: variant.text,
      mediaType: 'IMAGE',
      altTexts: ['A loaf of bread on a table'],
    });
    expect(post.url).toBe(server.media.get(post.externalId)?.permalink);
  });

  it('2 to 10 items: a carousel of child containers, then a CAROUSEL container with children', async () => {
    server.setVideoProcessingReads(1);
    const since = server.requests.length;
    const variant: Variant = { text: caption('Carousel'), media: [jpeg(server, 'first'), mp4(server), jpeg(server)] };
    expect(connector.validate(variant)).toEqual([]);
    const post = await connector.publish(ctx, creds(), { variant, idempotencyKey: key() });
    const creations = sent(since, 'POST', `/${IG_USER_ID}/media`).map(formOf);
    expect(creations).toHaveLength(4);
    expect(creations.slice(0, 3).map((values) => values.get('is_carousel_item'))).toEqual(['true', 'true', 'true']);
    expect(creations[1].get('media_type')).toBe('VIDEO');
    expect(creations[1].get('video_url')).toBe(variant.media?.[1].url);
    expect(creations[3].get('media_type')).toBe('CAROUSEL');
    expect(creations[3].get('children')?.split(',')).toHaveLength(3);
    expect(creations[3].get('caption')).toBe(variant.text);
    expect(server.media.get(post.externalId)).toMatchObject({
      mediaType: 'CAROUSEL_ALBUM',
      children: creations[3].get('children')?.split(','),
    });
  });

  it('one video is a Reel: media_type=REELS with video_url, polled while IN_PROGRESS until FINISHED', async () => {
    server.setVideoProcessingReads(3);
    const since = server.requests.length;
    const variant: Variant = { text: caption('Reel'), media: [mp4(server)] };
    const post = await connector.publish(ctx, creds(), { variant, idempotencyKey: key() });
    const created = formOf(sent(since, 'POST', `/${IG_USER_ID}/media`)[0]);
    expect(created.get('media_type')).toBe('REELS');
    expect(created.has('alt_text')).toBe(false);
    const statusReads = server.requests.slice(since).filter((request) => request.url.searchParams.get('fields') === 'status_code,status');
    expect(statusReads).toHaveLength(4);
    expect(server.media.get(post.externalId)?.mediaType).toBe('VIDEO');
  });

  it('the same idempotency key twice publishes once', async () => {
    const variant = imagePost(server, caption('Once'));
    const k = key();
    const before = server.media.size;
    const [first, second] = await Promise.all([
      connector.publish(ctx, creds(), { variant, idempotencyKey: k }),
      connector.publish(ctx, creds(), { variant, idempotencyKey: k }),
    ]);
    expect(second).toEqual(first);
    expect(server.media.size).toBe(before + 1);
  });

  it('a container stuck IN_PROGRESS past the polls is TRANSIENT, nothing published', async () => {
    server.setVideoProcessingReads(1);
    server.stickContainers(true);
    const before = server.media.size;
    const error = await expectConnectorError(
      connector.publish(ctx, creds(), { variant: { text: caption('Stuck'), media: [mp4(server)] }, idempotencyKey: key() }),
      'TRANSIENT',
    );
    expect(error.message).toMatch(/IN_PROGRESS after 6 reads/);
    expect(server.media.size).toBe(before);
  });

  it('a container ending in ERROR is REJECTED with Instagram\u2019s reason', async () => {
    server.failNextContainer('ERROR: The aspect ratio is not supported (2207009)');
    const before = server.media.size;
    const error = await expectConnectorError(
      connector.publish(ctx, creds(), { variant: imagePost(server, caption('Broken')), idempotencyKey: key() }),
      'REJECTED',
    );
    expect(error.networkReason).toContain('aspect ratio is not supported');
    expect(server.media.size).toBe(before);
  });

  it('an image_url the server cannot fetch is REJECTED as Meta words it (9004/2207052)', async () => {
    const data = jpegBytes();
    const variant: Variant = { text: caption('Gone'), media: [{ mimeType: 'image/jpeg', data, url: server.mediaHost.missing() }] };
    const error = await expectConnectorError(connector.publish(ctx, creds(), { variant, idempotencyKey: key() }), 'REJECTED');
    expect(error.message).toContain('Meta error 9004/2207052');
    expect(error.networkReason).toMatch(/could not be fetched/);
  });

  it('a video the server cannot fetch ends its container in ERROR: REJECTED', async () => {
    const variant: Variant = {
      text: caption('Gone video'),
      media: [{ mimeType: 'video/mp4', data: new Uint8Array(16), url: server.mediaHost.missing() }],
    };
    const error = await expectConnectorError(connector.publish(ctx, creds(), { variant, idempotencyKey: key() }), 'REJECTED');
    expect(error.networkReason).toMatch(/2207052/);
  });

  it('what the server fetches decides: a PNG behind a JPEG claim is refused by Instagram (36001/2207005)', async () => {
    const variant: Variant = {
      text: caption('PNG'),
      media: [{ mimeType: 'image/jpeg', data: jpegBytes(), url: server.mediaHost.put(pngBytes(), 'image/png') }],
    };
    const error = await expectConnectorError(connector.publish(ctx, creds(), { variant, idempotencyKey: key() }), 'REJECTED');
    expect(error.message).toContain('Meta error 36001/2207005');
  });

  it('refuses before any request: no media, a non-JPEG image, media without a public address', async () => {
    const since = server.requests.length;
    await expectConnectorError(connector.publish(ctx, creds(), { variant: { text: 'text only' }, idempotencyKey: key() }), 'REJECTED');
    const png = { mimeType: 'image/jpeg', data: pngBytes(), url: server.mediaHost.put(pngBytes(), 'image/jpeg') };
    await expectConnectorError(
      connector.publish(ctx, creds(), { variant: { text: 'x', media: [png] }, idempotencyKey: key() }),
      'REJECTED',
    );
    const noUrl = { mimeType: 'image/jpeg', data: jpegBytes() };
    const error = await expectConnectorError(
      connector.publish(ctx, creds(), { variant: { text: 'x', media: [noUrl] }, idempotencyKey: key() }),
      'REJECTED',
    );
    expect(error.message).toMatch(/public address/);
    expect(server.requests.length).toBe(since);
  });

  it('a full publishing quota is RATE_LIMITED before any container; at media_publish (9/2207042) too', async () => {
    server.setQuotaTotal(0);
    const since = server.requests.length;
    const quota = await expectConnectorError(
      connector.publish(ctx, creds(), { variant: imagePost(server, caption('Quota')), idempotencyKey: key() }),
      'RATE_LIMITED',
    );
    expect(quota.retryAfterSeconds).toBe(3600);
    expect(sent(since, 'POST', '/media')).toHaveLength(0);
    server.setQuotaTotal(INSTAGRAM_POSTS_PER_DAY);
    server.answerNext((request) => request.url.pathname.endsWith('/media_publish'), {
      status: 400,
      body: { error: { message: 'Application request limit reached', code: 9, error_subcode: 2207042, type: 'OAuthException' } },
    });
    const atPublish = await expectConnectorError(
      connector.publish(ctx, creds(), { variant: imagePost(server, caption('Quota 2')), idempotencyKey: key() }),
      'RATE_LIMITED',
    );
    expect(atPublish.retryAfterSeconds).toBe(3600);
  });
});

describe('rate limits and server faults', () => {
  it('429 with X-Business-Use-Case-Usage: RATE_LIMITED after estimated_time_to_regain_access', async () => {
    server.answerNext(() => true, {
      status: 429,
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          [IG_USER_ID]: [{ type: 'instagram', call_count: 100, total_cputime: 40, total_time: 50, estimated_time_to_regain_access: 7 }],
        }),
      },
      body: metaError(80002, 'There have been too many calls to this Instagram account.'),
    });
    const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, creds()), 'RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(420);
  });

  it('code 4 with X-App-Usage at 100 % and no time: RATE_LIMITED with the default wait; codes 17, 32, 613 too', async () => {
    for (const code of [4, 17, 32, 613]) {
      server.answerNext(() => true, {
        status: 400,
        headers: { 'x-app-usage': JSON.stringify({ call_count: 100, total_time: 20, total_cputime: 15 }) },
        body: metaError(code, '(#4) Application request limit reached'),
      });
      const error = await expectConnectorError(connector.fetchAccountMetrics(ctx, creds()), 'RATE_LIMITED');
      expect(error.retryAfterSeconds).toBe(60);
    }
  });

  it('5xx and Meta codes 1/2 are TRANSIENT; a stalled answer is TRANSIENT within the timeout', async () => {
    server.inject({ type: 'status', status: 503, body: metaError(2, 'Service temporarily unavailable') });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, creds()), 'TRANSIENT');
    server.answerNext(() => true, { status: 400, body: metaError(1, 'An unknown error occurred') });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, creds()), 'TRANSIENT');
    server.inject({ type: 'slow', delayMs: 3000 });
    const started = Date.now();
    await expectConnectorError(connector.fetchAccountMetrics(testContext(300), creds()), 'TRANSIENT');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a timeout on the container status read is TRANSIENT and publishes nothing', async () => {
    server.answerNext((request) => request.url.searchParams.get('fields') === 'status_code,status', {
      status: 504,
      body: '<html><body>Gateway Timeout</body></html>',
      headers: { 'content-type': 'text/html' },
    });
    const before = server.media.size;
    await expectConnectorError(
      connector.publish(ctx, creds(), { variant: imagePost(server, caption('Timeout')), idempotencyKey: key() }),
      'TRANSIENT',
    );
    expect(server.media.size).toBe(before);
  });

  it('hostile answers (huge body, wrong types, deep JSON) are typed errors, never a crash', async () => {
    server.answerNext(() => true, { status: 200, body: { followers_count: '12' } });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, creds()), 'REJECTED');
    server.answerNext(() => true, { status: 200, body: `{"data":${'['.repeat(50_000)}${']'.repeat(50_000)}}` });
    await expectConnectorError(connector.fetchMentions(ctx, creds(), {}), ['REJECTED', 'UNKNOWN', 'TRANSIENT']);
    server.answerNext(() => true, {
      status: 200,
      body: { data: [{ id: 'x'.repeat(10), caption: 5, timestamp: 'yesterday', permalink: 'javascript:alert(1)' }] },
    });
    await expectConnectorError(connector.fetchMentions(ctx, creds(), {}), 'REJECTED');
    server.answerNext(() => true, { status: 200, body: 'x'.repeat(12 * 1024 * 1024) });
    await expectConnectorError(connector.fetchAccountMetrics(ctx, creds()), ['REJECTED', 'UNKNOWN', 'TRANSIENT']);
  });
});

describe('validate', () => {
  const image = { mimeType: 'image/jpeg', data: jpegBytes(), url: 'https://media.example/1' };
  const rules = (variant: Variant) => connector.validate(variant).map((violation) => violation.rule);

  it('accepts an image post; refuses a text-only post', () => {
    expect(connector.validate({ text: 'Hello', media: [image] })).toEqual([]);
    const violations = connector.validate({ text: 'Hello' });
    expect(violations).toEqual([expect.objectContaining({ rule: 'media.required', path: 'media' })]);
    expect(violations[0].message).toMatch(/no text-only post/);
  });

  it('caption: 2,200 characters, 30 hashtags, 20 mentions', () => {
    expect(rules({ text: 'é'.repeat(INSTAGRAM_MAX_CHARACTERS), media: [image] })).toEqual([]);
    expect(rules({ text: 'é'.repeat(INSTAGRAM_MAX_CHARACTERS + 1), media: [image] })).toContain('text.too-long');
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
    expect(rules({ text: tags(30), media: [image] })).toEqual([]);
    expect(rules({ text: tags(31), media: [image] })).toEqual(['text.hashtags']);
    const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@user${i}`).join(' ');
    expect(rules({ text: mentions(20), media: [image] })).toEqual([]);
    expect(rules({ text: mentions(21), media: [image] })).toEqual(['text.mentions']);
    // An e-mail address is not a mention.
    expect(rules({ text: `${mentions(20)} write to hello@bakery.example`, media: [image] })).toEqual([]);
  });

  it('media: JPEG only and 8 MiB for images, MP4/MOV videos, 10 items, alt text on images only', () => {
    expect(rules({ text: 'x', media: [{ mimeType: 'image/png', data: pngBytes() }] })).toContain('media.type');
    expect(rules({ text: 'x', media: [{ ...image, data: new Uint8Array(INSTAGRAM_IMAGE_MAX_BYTES + 1) }] })).toContain('media.too-large');
    expect(rules({ text: 'x', media: [{ mimeType: 'video/quicktime', data: new Uint8Array(16) }] })).toEqual([]);
    expect(rules({ text: 'x', media: [{ mimeType: 'video/mp4', data: new Uint8Array(16), altText: 'no' }] })).toEqual(['media.alt-text']);
    expect(rules({ text: 'x', media: Array.from({ length: 11 }, () => image) })).toContain('media.too-many');
    expect(rules({ text: 'x', media: [image], thread: [{ text: 'y' }] })).toContain('thread.unsupported');
  });
});

describe('findPublished', () => {
  it('matches the caption among the recent media back to publishedAfter; null when absent', async () => {
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    const variant = imagePost(server, caption('Find me'));
    const post = await connector.publish(ctx, creds(), { variant, idempotencyKey: key() });
    // Another process's connector: nothing in memory, the answer comes from the network.
    const fresh = testConnector();
    expect(await fresh.findPublished(ctx, creds(), { idempotencyKey: 'k', variant, publishedAfter })).toEqual({
      externalId: post.externalId,
      url: post.url,
    });
    expect(
      await fresh.findPublished(ctx, creds(), { idempotencyKey: 'k', variant: imagePost(server, caption('Never')), publishedAfter }),
    ).toBeNull();
  });

  it('stops at the first media older than publishedAfter; UNKNOWN when the pages run out first', async () => {
    const variant = imagePost(server, caption('Old one'));
    await connector.publish(ctx, creds(), { variant, idempotencyKey: key() });
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await testConnector().findPublished(ctx, creds(), { idempotencyKey: 'k', variant, publishedAfter: future })).toBeNull();
    server.answerNext((request) => request.url.pathname.endsWith(`${IG_USER_ID}/media`) && request.method === 'GET', {
      status: 200,
      body: { data: [], paging: { cursors: { after: 'QQ==' }, next: `${server.baseUrl}/next` } },
    });
    await expectConnectorError(
      testConnector({ findPublishedMaxPages: 1 }).findPublished(ctx, creds(), {
        idempotencyKey: 'k',
        variant,
        publishedAfter: new Date(0).toISOString(),
      }),
      'UNKNOWN',
    );
  });
});

describe('comments and replies', () => {
  it('reads comments with their media-based URL; answers the media with a comment and a comment with a reply', async () => {
    const post = await connector.publish(ctx, creds(), { variant: imagePost(server, caption('Talk')), idempotencyKey: key() });
    const theirs = server.addComment(post.externalId, 'Open on Sunday?');
    const page = await connector.fetchComments(ctx, creds(), post.externalId);
    expect(page.items).toEqual([
      expect.objectContaining({
        externalId: theirs.id,
        text: 'Open on Sunday?',
        authorHandle: 'a_customer',
        url: `${post.url}c/${theirs.id}/`,
        inReplyTo: post.externalId,
      }),
    ]);

    const since = server.requests.length;
    const answer = await connector.reply(ctx, creds(), theirs.id, { text: 'Yes, 8 to 12!' }, key());
    expect(sent(since, 'POST', `/${theirs.id}/replies`)).toHaveLength(1);
    expect(server.comments.get(answer.externalId)).toMatchObject({ parentId: theirs.id, text: 'Yes, 8 to 12!' });
    expect(answer.url).toBe(`${post.url}c/${answer.externalId}/`);

    const top = await connector.reply(ctx, creds(), post.externalId, { text: 'Thanks all' }, key());
    expect(server.comments.get(top.externalId)).toMatchObject({ mediaId: post.externalId, text: 'Thanks all' });
    expect(server.comments.get(top.externalId)?.parentId).toBeUndefined();
  });

  it('a comment carries text only: attachments are left out with a warning', async () => {
    const post = await connector.publish(ctx, creds(), { variant: imagePost(server, caption('Quiet')), idempotencyKey: key() });
    const warnings: string[] = [];
    const logged: ConnectorContext = {
      ...ctx,
      logger: { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (message) => warnings.push(message) },
    };
    const reply = await connector.reply(logged, creds(), post.externalId, imagePost(server, 'With a photo'), key());
    expect(server.comments.get(reply.externalId)?.text).toBe('With a photo');
    expect(warnings).toEqual([expect.stringMatching(/text only/)]);
  });
});

describe('mentions and hashtag search', () => {
  it('mentions are the media the account is tagged in, paged', async () => {
    server.addMentions(4);
    const first = await connector.fetchMentions(ctx, creds(), { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.items[0]).toMatchObject({
      authorHandle: expect.stringMatching(/^visitor/),
      text: expect.stringContaining(`@${IG_USERNAME}`),
    });
    expect(first.cursor?.startsWith('t:')).toBe(true);
    const second = await connector.fetchMentions(ctx, creds(), { limit: 3, cursor: first.cursor });
    expect(second.items[0].externalId).not.toBe(first.items[0].externalId);
  });

  it('searches one hashtag: id, then recent media; later pages reuse the id; a known hashtag is not queried again', async () => {
    server.addHashtagMedia('sourdough', 5);
    const queries = server.hashtagQueries.length;
    const first = await connector.fetchMentions(ctx, creds(), { keywords: ['#Sourdough'], limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.items[0].text).toContain('#sourdough');
    expect(server.hashtagQueries.slice(queries)).toEqual(['sourdough']);
    const second = await connector.fetchMentions(ctx, creds(), { keywords: ['#Sourdough'], limit: 3, cursor: first.cursor });
    expect(second.items).toHaveLength(2);
    expect(second.cursor).toBeUndefined();
    await connector.fetchMentions(ctx, creds(), { keywords: ['sourdough'] });
    expect(server.hashtagQueries.slice(queries)).toEqual(['sourdough']);
  });

  it('30 unique hashtags used in 7 days: a new one is RATE_LIMITED without spending a query', async () => {
    server.addSearchedHashtags(Array.from({ length: 30 }, (_, i) => `week${i}`));
    const queries = server.hashtagQueries.length;
    const error = await expectConnectorError(connector.fetchMentions(ctx, creds(), { keywords: ['croissant'] }), 'RATE_LIMITED');
    expect(error.message).toMatch(/30 unique hashtags/);
    expect(server.hashtagQueries.length).toBe(queries);
    await expectConnectorError(connector.fetchMentions(ctx, creds(), { keywords: ['two words'] }), 'REJECTED');
  });
});

describe('metrics', () => {
  it('post insights by the current metric names (no impressions); account counts', async () => {
    const post = await connector.publish(ctx, creds(), { variant: imagePost(server, caption('Count')), idempotencyKey: key() });
    server.addComment(post.externalId, 'Nice');
    const since = server.requests.length;
    const [metrics] = await connector.fetchMetrics(ctx, creds(), [post.externalId]);
    expect(sent(since, 'GET', '/insights')[0].url.searchParams.get('metric')).toBe('views,reach,likes,comments,shares,saved');
    expect(metrics).toMatchObject({ externalId: post.externalId, likes: 12, replies: 1, reposts: 3, impressions: 120 });
    const account = await connector.fetchAccountMetrics(ctx, creds());
    expect(account).toMatchObject({ followers: 4321, following: 87, posts: server.media.size });
  });

  it('a metric not yet available (empty data) counts 0, never a crash', async () => {
    const post = await connector.publish(ctx, creds(), { variant: imagePost(server, caption('Empty')), idempotencyKey: key() });
    server.answerNext((request) => request.url.pathname.endsWith('/insights'), { status: 200, body: { data: [] } });
    const [metrics] = await connector.fetchMetrics(ctx, creds(), [post.externalId]);
    expect(metrics).toMatchObject({ likes: 0, replies: 0, reposts: 0 });
    expect(metrics.impressions).toBeUndefined();
  });
});
