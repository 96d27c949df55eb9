import { createHmac } from 'node:crypto';
import type { ConnectorContext, Variant } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import createGhostConnector from '../index';
import { adminToken, parseAdminKey } from './api';
import { internalTag } from './article';
import { GhostConnector } from './ghost.connector';
import { ADMIN_KEY, ADMIN_KEY_ID, DELETED_KEY, GhostTestServer, startGhostTestServer } from '../test/ghost.server';
import { deletedKeyCredentials, siteCredentials, testContext } from '../test/fixtures';

let server: GhostTestServer;
const ctx = testContext();
const connector = new GhostConnector();
let counter = 0;
const unique = (text: string) => `${text} ${++counter}-${Date.now()}`;
const article = (title: string, options: Variant['options'] = {}, text = 'Le pain du jour.'): Variant => ({
  text,
  options: { title, ...options },
});

beforeAll(async () => {
  server = await startGhostTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.setEmailSendingDisabled(false);
});

function lastRequest(method: string, path: string) {
  const found = [...server.requests]
    .reverse()
    .find((request) => request.method === method && request.url.pathname === `/ghost/api/admin/${path}`);
  if (!found) throw new Error(`no ${method} ${path} was sent`);
  return found;
}

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('the Admin API token', () => {
  it('is an HS256 JWT signed with the hex-decoded secret: kid = key id, aud /admin/, 5 minutes', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    const token = adminToken(parseAdminKey(ADMIN_KEY), now);
    const [header, payload, signature] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT', kid: ADMIN_KEY_ID });
    const iat = Math.floor(now.getTime() / 1000);
    expect(decode(payload)).toEqual({ iat, exp: iat + 300, aud: '/admin/' });
    const secret = Buffer.from(ADMIN_KEY.split(':')[1], 'hex');
    expect(signature).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
    // The token never carries the secret.
    expect(token).not.toContain(ADMIN_KEY.split(':')[1]);
  });

  it('each request carries `Authorization: Ghost <fresh token>` and Accept-Version', async () => {
    await connector.findPublished(ctx, siteCredentials(server), { idempotencyKey: unique('k'), variant: article('x') });
    const request = lastRequest('GET', 'posts/');
    expect(request.headers.authorization).toMatch(/^Ghost [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(request.headers['accept-version']).toBe('v5.0');
    expect(server.tokens.at(-1)?.payload.aud).toBe('/admin/');
  });

  it('a malformed key is REJECTED before any request, without repeating the key', async () => {
    const before = server.requests.length;
    for (const key of ['not-a-key', `${ADMIN_KEY_ID}:zz${'0'.repeat(62)}`, `${ADMIN_KEY_ID}:abc`]) {
      const error = await expectConnectorError(
        connector.authorize(ctx, { serviceUrl: server.baseUrl, fields: { adminApiKey: key } }),
        'REJECTED',
      );
      expect(error.message).toMatch(/id:secret/);
      expect(error.message).not.toContain(key);
    }
    expect(server.requests.length).toBe(before);
  });
});

describe('authorize', () => {
  it('checks the key with one authenticated read and keeps the site address and key', async () => {
    const credentials = await connector.authorize(ctx, {
      serviceUrl: `${server.baseUrl}/ghost/`,
      fields: { adminApiKey: ` ${ADMIN_KEY} ` },
    });
    expect(credentials).toEqual({ serviceUrl: server.baseUrl, secrets: { adminApiKey: ADMIN_KEY } });
    expect(lastRequest('GET', 'posts/').url.searchParams.get('limit')).toBe('1');
  });

  it('a key whose integration was deleted is AUTH_EXPIRED with Ghost’s message', async () => {
    const error = await expectConnectorError(
      connector.authorize(ctx, { serviceUrl: server.baseUrl, fields: { adminApiKey: DELETED_KEY } }),
      'AUTH_EXPIRED',
    );
    expect(error.networkReason).toBe('UnauthorizedError: Unknown Admin API Key');
    expect(error.message).not.toContain(DELETED_KEY.split(':')[1]);
  });

  it('an expired token (a clock 10 minutes behind) is a 401 the connector reports as AUTH_EXPIRED', async () => {
    const late = testContext(2000, () => new Date(Date.now() - 10 * 60 * 1000));
    const error = await expectConnectorError(
      connector.authorize(late, { serviceUrl: server.baseUrl, fields: { adminApiKey: ADMIN_KEY } }),
      'AUTH_EXPIRED',
    );
    expect(error.networkReason).toBe('UnauthorizedError: Invalid token: jwt expired');
  });

  it('refuses http:// for a site on the internet without a request', async () => {
    const seen: string[] = [];
    const recording: ConnectorContext = { http: { request: async (req) => (seen.push(req.url), ctx.http.request(req)) } };
    await expectConnectorError(
      connector.authorize(recording, { serviceUrl: 'http://blog.example.com', fields: { adminApiKey: ADMIN_KEY } }),
      'REJECTED',
    );
    expect(seen).toEqual([]);
  });
});

describe('publish', () => {
  it('creates the post from HTML with every article field and the internal tag of the key', async () => {
    const key = unique('article');
    const post = await connector.publish(ctx, siteCredentials(server), {
      idempotencyKey: key,
      variant: article('Menu de printemps', {
        html: '<p>Le <strong>menu</strong>.</p>',
        excerpt: 'Ce qui change au printemps.',
        slug: 'menu-de-printemps',
        canonicalUrl: 'https://boulangerie.example/menu',
        tags: 'Menu, Saison, menu',
      }),
    });
    const request = lastRequest('POST', 'posts/');
    expect(request.url.searchParams.get('source')).toBe('html');
    expect(request.url.searchParams.has('newsletter')).toBe(false);
    const sent = (request.json() as { posts: Array<Record<string, unknown>> }).posts[0];
    expect(sent).toEqual({
      title: 'Menu de printemps',
      html: '<p>Le <strong>menu</strong>.</p>',
      status: 'published',
      custom_excerpt: 'Ce qui change au printemps.',
      slug: 'menu-de-printemps',
      canonical_url: 'https://boulangerie.example/menu',
      tags: [{ name: 'Menu' }, { name: 'Saison' }, { name: internalTag(key).name }],
    });
    const stored = server.posts.get(post.externalId);
    expect(stored?.tags.map((tag) => tag.slug)).toContain(internalTag(key).slug);
    expect(internalTag(key).name).toMatch(/^#socle-[0-9a-f]{16}$/);
    expect(post.url).toBe(`${server.baseUrl}/menu-de-printemps/`);
  });

  it('sends a Lexical body as it is, without ?source=html, the images after the first as image nodes', async () => {
    const lexical = JSON.stringify({
      root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Bonjour' }] }] },
    });
    const post = await connector.publish(ctx, siteCredentials(server), {
      idempotencyKey: unique('lexical'),
      variant: {
        ...article('En Lexical', { lexical }),
        media: [
          { mimeType: 'image/png', data: makePng(4, 4), altText: 'Vitrine' },
          { mimeType: 'image/png', data: makePng(3, 3), altText: 'Croissants' },
        ],
      },
    });
    const request = lastRequest('POST', 'posts/');
    expect(request.url.searchParams.has('source')).toBe(false);
    const sent = (request.json() as { posts: Array<Record<string, unknown>> }).posts[0];
    expect(sent.html).toBeUndefined();
    const document = JSON.parse(String(sent.lexical)) as { root: { children: Array<Record<string, unknown>> } };
    expect(document.root.children).toHaveLength(2);
    expect(document.root.children[0]).toEqual(JSON.parse(lexical).root.children[0]);
    expect(document.root.children[1]).toMatchObject({ type: 'image', alt: 'Croissants', src: expect.stringMatching(/^http/) });
    expect(server.posts.get(post.externalId)?.lexical).toBe(sent.lexical);
  });

  it('refuses a Lexical body that is not one, with html too, too large or too deep', () => {
    const rules = (lexical: string, html?: string) =>
      connector.validate(article('T', { lexical, ...(html ? { html } : {}) })).map((v) => `${v.path} ${v.rule}`);
    const good = '{"root":{"type":"root","children":[]}}';
    expect(rules(good)).toEqual([]);
    // The body is the Lexical document: the plain text may be empty.
    expect(connector.validate({ text: '', options: { title: 'T', lexical: good } })).toEqual([]);
    expect(rules(good, '<p>x</p>')).toEqual(['options.lexical lexical.with-html']);
    for (const bad of ['{"root":', '[]', '{"root":{"type":"paragraph","children":[]}}', '{"root":{"type":"root"}}', 'null', '"x"'])
      expect(rules(bad)).toEqual(['options.lexical lexical.format']);
    expect(rules(`{"root":{"type":"root","children":[],"x":"${'a'.repeat(1024 * 1024)}"}}`)).toEqual(['options.lexical lexical.format']);
    // Deep nesting: refused by the scan before any parse; a string's brackets do not count.
    expect(rules(`{"root":{"type":"root","children":[],"s":"${'['.repeat(1000)}"}}`)).toEqual([]);
    expect(rules(`{"root":${'['.repeat(100_000)}`)).toEqual(['options.lexical lexical.format']);
  });

  it('escapes plain text into paragraphs when no HTML is given', async () => {
    await connector.publish(ctx, siteCredentials(server), {
      idempotencyKey: unique('text'),
      variant: article('Texte', {}, 'Pain & <beurre>\n\nSecond'),
    });
    const sent = (lastRequest('POST', 'posts/').json() as { posts: Array<Record<string, unknown>> }).posts[0];
    expect(sent.html).toBe('<p>Pain &amp; &lt;beurre&gt;</p>\n<p>Second</p>');
  });

  it('uploads the images as multipart `file`: the first becomes the feature image, the others follow the body', async () => {
    const progress: unknown[] = [];
    const withProgress: ConnectorContext = { ...ctx, progress: (report) => progress.push(report) };
    const before = server.images.length;
    const post = await connector.publish(withProgress, siteCredentials(server), {
      idempotencyKey: unique('images'),
      variant: {
        ...article('Photos', { featureImageAlt: 'La vitrine' }),
        media: [
          { mimeType: 'image/png', data: makePng(4, 4), altText: 'ignored for the feature image' },
          { mimeType: 'image/png', data: makePng(2, 2), altText: 'Les croissants "du jour"' },
        ],
      },
    });
    const uploaded = server.images.slice(before);
    expect(uploaded.map((image) => image.contentType)).toEqual(['image/png', 'image/png']);
    expect(uploaded[0].bytes).toBe(makePng(4, 4).byteLength);
    const stored = server.posts.get(post.externalId);
    expect(stored?.featureImage).toBe(uploaded[0].url);
    expect(stored?.featureImageAlt).toBe('La vitrine');
    expect(stored?.html).toContain(`<img src="${uploaded[1].url}" class="kg-image" alt="Les croissants &quot;du jour&quot;">`);
    expect(progress).toHaveLength(4);
  });

  it('schedules a post with published_at, and refuses a scheduled post without a future publishAt', async () => {
    const at = new Date(Date.now() + 3600 * 1000).toISOString();
    const post = await connector.publish(ctx, siteCredentials(server), {
      idempotencyKey: unique('scheduled'),
      variant: article('Plus tard', { status: 'scheduled', publishAt: at }),
    });
    expect(server.posts.get(post.externalId)).toMatchObject({ status: 'scheduled', publishedAt: at });
    const before = server.requests.length;
    const error = await expectConnectorError(
      connector.publish(ctx, siteCredentials(server), {
        idempotencyKey: unique('s'),
        variant: article('Sans date', { status: 'scheduled' }),
      }),
      'REJECTED',
    );
    expect(error.message).toMatch(/publishAt/);
    expect(server.requests.length).toBe(before);
  });

  it('emails a published post to the newsletter named by its slug, to all its members', async () => {
    const post = await connector.publish(ctx, siteCredentials(server), {
      idempotencyKey: unique('newsletter'),
      variant: article('Lettre', { newsletter: 'default-newsletter' }),
    });
    const request = lastRequest('POST', 'posts/');
    expect(request.url.searchParams.get('newsletter')).toBe('default-newsletter');
    expect(request.url.searchParams.get('email_segment')).toBe('all');
    expect(server.posts.get(post.externalId)?.newsletter).toBe('default-newsletter');
  });

  it('a newsletter Ghost does not attach (unknown slug, no mail service): published, and a warning says no email went out', async () => {
    const warnings: unknown[] = [];
    const logging: ConnectorContext = {
      ...ctx,
      logger: { debug: jest.fn(), info: jest.fn(), error: jest.fn(), warn: (message, fields) => warnings.push({ message, fields }) },
    };
    const post = await connector.publish(logging, siteCredentials(server), {
      idempotencyKey: unique('unknown-newsletter'),
      variant: article('Lettre', { newsletter: 'no-such-newsletter' }),
    });
    expect(server.posts.get(post.externalId)?.status).toBe('published');
    expect(warnings).toEqual([
      {
        message: 'Ghost: the post was published but not emailed: Ghost attached no newsletter',
        fields: { host: new URL(server.baseUrl).host, newsletter: 'no-such-newsletter' },
      },
    ]);
  });

  it('a site whose host limits forbid sending is REJECTED with Ghost’s own message, and no post is made', async () => {
    server.setEmailSendingDisabled(true);
    const before = server.posts.size;
    const error = await expectConnectorError(
      connector.publish(ctx, siteCredentials(server), {
        idempotencyKey: unique('mail'),
        variant: article('Lettre', { newsletter: 'default-newsletter' }),
      }),
      'REJECTED',
    );
    expect(error.networkReason).toMatch(/^HostLimitError: Email sending has been temporarily disabled/);
    expect(server.posts.size).toBe(before);
  });

  it('a 422 ValidationError is REJECTED with Ghost’s message and context', async () => {
    server.inject({
      type: 'status',
      status: 422,
      body: {
        errors: [
          {
            message: 'Validation error, cannot save post.',
            context: 'Value in [posts.title] exceeds maximum length of 255 characters.',
            type: 'ValidationError',
          },
        ],
      },
    });
    const error = await expectConnectorError(
      connector.publish(ctx, siteCredentials(server), { idempotencyKey: unique('v'), variant: article('Titre') }),
      'REJECTED',
    );
    expect(error.networkReason).toBe(
      'ValidationError: Validation error, cannot save post. (Value in [posts.title] exceeds maximum length of 255 characters.)',
    );
  });

  it('429 is RATE_LIMITED with Retry-After, 500 TRANSIENT, a stalled answer TRANSIENT within the timeout', async () => {
    server.inject({ type: 'rate-limited', retryAfterSeconds: 42 });
    const limited = await expectConnectorError(
      connector.publish(ctx, siteCredentials(server), { idempotencyKey: unique('r'), variant: article('R') }),
      'RATE_LIMITED',
    );
    expect(limited.retryAfterSeconds).toBe(42);
    server.inject({ type: 'status', status: 500, body: { errors: [{ message: 'Internal server error', type: 'InternalServerError' }] } });
    await expectConnectorError(
      connector.publish(ctx, siteCredentials(server), { idempotencyKey: unique('t'), variant: article('T') }),
      'TRANSIENT',
    );
    server.inject({ type: 'slow', delayMs: 1500 });
    const started = Date.now();
    await expectConnectorError(
      connector.publish(testContext(300), siteCredentials(server), { idempotencyKey: unique('s'), variant: article('S') }),
      'TRANSIENT',
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a publish retried after a timeout (the post was made) returns that post, never a second one', async () => {
    const key = unique('retry');
    const variant = article('Une seule fois');
    server.delayNextCreate(800);
    const before = server.posts.size;
    // The first attempt times out after Ghost stored the post.
    await expectConnectorError(connector.publish(testContext(300), siteCredentials(server), { idempotencyKey: key, variant }), 'TRANSIENT');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(server.posts.size).toBe(before + 1);
    // Another worker (another connector instance, nothing remembered) retries with the same key.
    const again = await new GhostConnector().publish(ctx, siteCredentials(server), { idempotencyKey: key, variant });
    expect(server.posts.size).toBe(before + 1);
    expect(server.posts.get(again.externalId)?.title).toBe('Une seule fois');
    expect(await connector.findPublished(ctx, siteCredentials(server), { idempotencyKey: key, variant })).toEqual(again);
  });

  it('two publishes with one key at the same time make one post', async () => {
    const key = unique('twice');
    const before = server.posts.size;
    const [a, b] = await Promise.all([
      connector.publish(ctx, siteCredentials(server), { idempotencyKey: key, variant: article('Double') }),
      connector.publish(ctx, siteCredentials(server), { idempotencyKey: key, variant: article('Double') }),
    ]);
    expect(a).toEqual(b);
    expect(server.posts.size).toBe(before + 1);
  });
});

describe('findPublished and delete', () => {
  it('finds a draft by its tag, null for a fresh key; a deleted post is null', async () => {
    const key = unique('draft');
    const post = await connector.publish(ctx, siteCredentials(server), {
      idempotencyKey: key,
      variant: article('Brouillon', { status: 'draft' }),
    });
    expect(post.url).toMatch(/\/p\/[0-9a-f]+\/$/);
    const found = await connector.findPublished(ctx, siteCredentials(server), { idempotencyKey: key, variant: article('Brouillon') });
    expect(found).toEqual(post);
    expect(lastRequest('GET', 'posts/').url.searchParams.get('filter')).toBe(`tag:${internalTag(key).slug}`);
    expect(
      await connector.findPublished(ctx, siteCredentials(server), { idempotencyKey: unique('fresh'), variant: article('x') }),
    ).toBeNull();
    await connector.delete(ctx, siteCredentials(server), post.externalId);
    expect(server.posts.has(post.externalId)).toBe(false);
    expect(await connector.findPublished(ctx, siteCredentials(server), { idempotencyKey: key, variant: article('Brouillon') })).toBeNull();
  });

  it('deleting a post already gone succeeds; an id that is not Ghost’s is REJECTED without a request', async () => {
    await connector.delete(ctx, siteCredentials(server), '0123456789abcdef01234567');
    const before = server.requests.length;
    await expectConnectorError(connector.delete(ctx, siteCredentials(server), '../settings'), 'REJECTED');
    expect(server.requests.length).toBe(before);
  });

  it('a deleted key is AUTH_EXPIRED on every operation', async () => {
    await expectConnectorError(connector.delete(ctx, deletedKeyCredentials(server), '0123456789abcdef01234567'), 'AUTH_EXPIRED');
    await expectConnectorError(
      connector.publish(ctx, deletedKeyCredentials(server), { idempotencyKey: unique('d'), variant: article('D') }),
      'AUTH_EXPIRED',
    );
  });
});

describe('validate and the package', () => {
  it('reports the article rules: title required, excerpt ≤ 300, status, newsletter slug', () => {
    const rules = connector
      .validate({ text: 'x', options: { excerpt: 'é'.repeat(301), status: 'sent', newsletter: 'Weekly News' } })
      .map((violation) => violation.path)
      .sort();
    expect(rules).toEqual(['options.excerpt', 'options.newsletter', 'options.status', 'options.title']);
    expect(connector.validate({ text: '', options: { title: 'T', html: '<p>x</p>' } })).toEqual([]);
  });

  it('the default export is a factory of the connector', () => {
    expect(createGhostConnector().manifest.id).toBe('ghost');
  });
});
