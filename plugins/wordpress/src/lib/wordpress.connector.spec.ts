import { loadConnectorsFromConfig } from '@socle/connector-sdk';
import type { ConnectorContext, UploadProgress, Variant } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import * as pluginModule from '../index';
import createWordpressConnector from '../index';
import { WordpressConnector } from './wordpress.connector';
import {
  CONTRIBUTOR,
  CONTRIBUTOR_PASSWORD,
  EDITOR,
  EDITOR_PASSWORD,
  REVOKED_PASSWORD,
  startWordpressTestServer,
  WordpressTestServer,
} from '../test/wordpress.server';
import { editorCredentials, revokedCredentials, testContext } from '../test/fixtures';

let server: WordpressTestServer;
const ctx = testContext();
const connector = new WordpressConnector();
let counter = 0;
const unique = (text: string) => `${text} ${++counter}-${Date.now()}`;
const article = (title: string, text = 'Le pain du jour.', options: Variant['options'] = {}): Variant => ({
  text,
  options: { title, ...options },
});

beforeAll(async () => {
  server = await startWordpressTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.setDiscovery('pretty');
  server.disableRestApi(false);
});

function lastRequest(method: string, path: string) {
  const found = [...server.requests]
    .reverse()
    .find(
      (request) =>
        request.method === method &&
        (request.url.searchParams.get('rest_route') ?? request.url.pathname.replace(/^\/wp-json/, '')) === path,
    );
  if (!found) throw new Error(`no ${method} ${path} was sent`);
  return found;
}

describe('authorize', () => {
  const input = (fields: Record<string, string> = { identifier: EDITOR, appPassword: EDITOR_PASSWORD }) => ({
    serviceUrl: `${server.baseUrl}/`,
    fields,
  });

  it('discovers the API root from the Link header and checks the user with users/me?context=edit over Basic auth', async () => {
    const credentials = await connector.authorize(ctx, input());
    expect(credentials).toEqual({
      serviceUrl: server.baseUrl,
      secrets: { username: EDITOR, applicationPassword: EDITOR_PASSWORD, apiRoot: `${server.baseUrl}/wp-json/`, userId: '2' },
    });
    const me = lastRequest('GET', '/wp/v2/users/me');
    expect(me.url.searchParams.get('context')).toBe('edit');
    expect(me.headers.authorization).toBe(`Basic ${Buffer.from(`${EDITOR}:${EDITOR_PASSWORD}`).toString('base64')}`);
  });

  it('uses ?rest_route= on a site without pretty permalinks, and when the home page sends no Link header', async () => {
    for (const mode of ['plain', 'no-link'] as const) {
      server.setDiscovery(mode);
      const credentials = await connector.authorize(ctx, input());
      expect(credentials.secrets.apiRoot).toBe(`${server.baseUrl}/?rest_route=/`);
      // Publishing goes through the same root.
      const post = await connector.publish(ctx, credentials, {
        variant: article(unique('Sans permaliens')),
        idempotencyKey: unique('plain'),
      });
      expect(server.posts.has(Number(post.externalId))).toBe(true);
      expect(lastRequest('POST', '/wp/v2/posts').url.pathname).toBe('/');
    }
  });

  it('refuses an API root on another host before sending the password anywhere', async () => {
    server.setDiscovery('foreign-link');
    const before = server.requests.length;
    const error = await expectConnectorError(connector.authorize(ctx, input()), 'REJECTED');
    expect(error.message).toMatch(/another host \(collector\.example\)/);
    // Only the home page was asked for, without credentials.
    expect(server.requests.slice(before).map((request) => request.url.pathname)).toEqual(['/']);
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('refuses http:// for a site on the internet without a request', async () => {
    const seen: string[] = [];
    const recording: ConnectorContext = { http: { request: async (req) => (seen.push(req.url), ctx.http.request(req)) } };
    await expectConnectorError(
      connector.authorize(recording, { serviceUrl: 'http://blog.example.com', fields: { identifier: EDITOR, appPassword: 'x' } }),
      'REJECTED',
    );
    expect(seen).toEqual([]);
  });

  it('a revoked application password is AUTH_EXPIRED with WordPress’s incorrect_password', async () => {
    server.revoke(REVOKED_PASSWORD);
    const error = await expectConnectorError(
      connector.authorize(ctx, input({ identifier: EDITOR, appPassword: REVOKED_PASSWORD })),
      'AUTH_EXPIRED',
    );
    expect(error.networkReason).toBe('incorrect_password: The provided password is an invalid application password.');
    expect(error.message).not.toContain(REVOKED_PASSWORD);
  });

  it('a user without publish_posts (a Contributor) is REJECTED, saying which capability is missing', async () => {
    const error = await expectConnectorError(
      connector.authorize(ctx, input({ identifier: CONTRIBUTOR, appPassword: CONTRIBUTOR_PASSWORD })),
      'REJECTED',
    );
    expect(error.message).toMatch(/publish_posts.*contributor/);
  });

  it('a site whose REST API is disabled (404 rest_no_route) is REJECTED saying so', async () => {
    server.disableRestApi(true);
    const error = await expectConnectorError(connector.authorize(ctx, input()), 'REJECTED');
    expect(error.networkReason).toMatch(/^rest_no_route/);
    expect(error.message).toMatch(/REST API is disabled/);
  });

  it('an HTML error page from a proxy is TRANSIENT with a short readable message', async () => {
    server.inject({ type: 'html-error', status: 502 });
    const error = await expectConnectorError(connector.authorize(ctx, input()), 'TRANSIENT');
    expect(error.message).toMatch(/HTML page: 502 Bad Gateway/);
    expect(error.message).not.toMatch(/<html/i);
  });

  it('missing fields are REJECTED without a request', async () => {
    await expectConnectorError(connector.authorize(ctx, input({ identifier: EDITOR })), 'REJECTED');
  });
});

describe('publish', () => {
  it('creates the post with title, escaped paragraphs, excerpt, slug and status publish; returns its id and link', async () => {
    const title = unique('Menu de printemps');
    const slug = `menu-printemps-${counter}`;
    const post = await connector.publish(ctx, editorCredentials(server), {
      variant: article(title, 'Pain <b>levain</b> & "brioche"\nligne deux\n\nDeuxième paragraphe', {
        excerpt: 'Le menu',
        slug,
      }),
      idempotencyKey: unique('k'),
    });
    const stored = server.posts.get(Number(post.externalId));
    expect(stored).toMatchObject({
      title,
      status: 'publish',
      excerpt: 'Le menu',
      slug,
      content: '<p>Pain &lt;b&gt;levain&lt;/b&gt; &amp; &quot;brioche&quot;<br />\nligne deux</p>\n\n<p>Deuxième paragraphe</p>',
    });
    expect(post.url).toBe(`${server.baseUrl}/${slug}/`);
  });

  it('sends options.html unchanged (WordPress filters it), with an empty text, and a draft stays a draft', async () => {
    const html = '<h2>Titre</h2><p>Du <em>HTML</em> <script>x</script></p>';
    const variant: Variant = { text: '', options: { title: unique('Brouillon'), html, status: 'draft' } };
    expect(connector.validate(variant)).toEqual([]);
    const post = await connector.publish(ctx, editorCredentials(server), { variant, idempotencyKey: unique('draft') });
    expect(server.posts.get(Number(post.externalId))).toMatchObject({ content: html, status: 'draft' });
    expect(post.url).toBe(`${server.baseUrl}/?p=${post.externalId}`);
  });

  it('finds existing tags (any case) and creates missing ones; categories likewise', async () => {
    const first = await connector.publish(ctx, editorCredentials(server), {
      variant: article(unique('Tags'), 'x', { tags: 'Pain, Levain, pain', categories: 'Recettes' }),
      idempotencyKey: unique('tags'),
    });
    const second = await connector.publish(ctx, editorCredentials(server), {
      variant: article(unique('Tags'), 'x', { tags: 'levain , Brioche', categories: 'recettes' }),
      idempotencyKey: unique('tags'),
    });
    const name = (id: number) => server.tags.get(id)?.name;
    const one = server.posts.get(Number(first.externalId));
    const two = server.posts.get(Number(second.externalId));
    expect(one?.tags.map(name)).toEqual(['Pain', 'Levain']);
    expect(two?.tags.map(name)).toEqual(['Levain', 'Brioche']);
    expect(one?.categories).toEqual(two?.categories);
    expect([...server.categories.values()].filter((category) => category.name === 'Recettes')).toHaveLength(1);
  });

  it('uploads the first image as the featured image with its alt text, appends the others, and reports progress', async () => {
    const progress: UploadProgress[] = [];
    const png = makePng(4, 3);
    const post = await connector.publish({ ...ctx, progress: (report) => progress.push(report) }, editorCredentials(server), {
      variant: {
        ...article(unique('Photos')),
        media: [
          { mimeType: 'image/png', data: png, altText: 'La vitrine' },
          { mimeType: 'image/png', data: png, altText: 'Le "fournil"' },
        ],
      },
      idempotencyKey: unique('media'),
    });
    const stored = server.posts.get(Number(post.externalId));
    const featured = server.media.get(stored?.featuredMedia ?? 0);
    expect(featured).toMatchObject({ mimeType: 'image/png', bytes: png.byteLength, altText: 'La vitrine' });
    const upload = lastRequest('POST', '/wp/v2/media');
    expect(upload.headers['content-disposition']).toMatch(/^attachment; filename="socle-[A-Za-z0-9]+-2\.png"$/);
    expect(upload.headers['content-type']).toBe('image/png');
    expect(stored?.content).toMatch(
      /<figure class="wp-block-image"><img src="http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2026\/12\/socle-[A-Za-z0-9]+-2\.png" alt="Le &quot;fournil&quot;" \/><\/figure>$/,
    );
    expect(progress).toEqual([
      { media: 0, sentBytes: 0, totalBytes: png.byteLength },
      { media: 0, sentBytes: png.byteLength, totalBytes: png.byteLength },
      { media: 1, sentBytes: 0, totalBytes: png.byteLength },
      { media: 1, sentBytes: png.byteLength, totalBytes: png.byteLength },
    ]);
  });

  it('the same key twice, even at the same time, creates one post', async () => {
    const before = server.livePosts();
    const request = { variant: article(unique('Une fois')), idempotencyKey: unique('once') };
    const [a, b] = await Promise.all([
      connector.publish(ctx, editorCredentials(server), request),
      connector.publish(ctx, editorCredentials(server), request),
    ]);
    const c = await connector.publish(ctx, editorCredentials(server), request);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(server.livePosts()).toBe(before + 1);
  });

  it('a revoked password is AUTH_EXPIRED; a Contributor’s password is REJECTED with rest_cannot_publish', async () => {
    await expectConnectorError(
      connector.publish(ctx, revokedCredentials(server), { variant: article('x'), idempotencyKey: unique('revoked') }),
      'AUTH_EXPIRED',
    );
    const contributor = {
      ...editorCredentials(server),
      secrets: { ...editorCredentials(server).secrets, username: CONTRIBUTOR, applicationPassword: CONTRIBUTOR_PASSWORD },
    };
    const error = await expectConnectorError(
      connector.publish(ctx, contributor, { variant: article(unique('Stagiaire')), idempotencyKey: unique('contrib') }),
      'REJECTED',
    );
    expect(error.networkReason).toBe('rest_cannot_publish: Sorry, you are not allowed to publish posts in this post type.');
  });

  it('maps the host’s faults: 429 with Retry-After, 5xx, a stall, a proxy page, a disabled REST API', async () => {
    const publish = () =>
      connector.publish(testContext(500), editorCredentials(server), {
        variant: article(unique('Panne')),
        idempotencyKey: unique('fault'),
      });
    server.inject({ type: 'rate-limited', retryAfterSeconds: 42 });
    expect((await expectConnectorError(publish(), 'RATE_LIMITED')).retryAfterSeconds).toBe(42);
    server.inject({
      type: 'status',
      status: 503,
      body: { code: 'service_unavailable', message: 'Maintenance' },
      headers: { 'retry-after': '120' },
    });
    const maintenance = await expectConnectorError(publish(), 'TRANSIENT');
    expect(maintenance.retryAfterSeconds).toBe(120);
    server.inject({ type: 'slow', delayMs: 3000 });
    await expectConnectorError(publish(), 'TRANSIENT');
    server.inject({ type: 'html-error', status: 504 });
    expect((await expectConnectorError(publish(), 'TRANSIENT')).message.length).toBeLessThan(300);
    server.disableRestApi(true);
    expect((await expectConnectorError(publish(), 'REJECTED')).networkReason).toMatch(/^rest_no_route/);
  });

  it('a post answer of the wrong shape is a typed UNKNOWN, never a crash', async () => {
    server.inject({ type: 'status', status: 201, body: { id: 'abc', link: 'javascript:alert(1)' } });
    await expectConnectorError(
      connector.publish(ctx, editorCredentials(server), { variant: article(unique('Forme')), idempotencyKey: unique('shape') }),
      'UNKNOWN',
    );
    server.inject({ type: 'status', status: 201, body: '['.repeat(100_000) + ']'.repeat(100_000), contentType: 'application/json' });
    await expectConnectorError(
      connector.publish(ctx, editorCredentials(server), { variant: article(unique('Profond')), idempotencyKey: unique('deep') }),
      ['UNKNOWN', 'TRANSIENT'],
    );
  });

  it('refuses an invalid variant without a request', async () => {
    const before = server.requests.length;
    await expectConnectorError(
      connector.publish(ctx, editorCredentials(server), { variant: { text: 'sans titre' }, idempotencyKey: 'v' }),
      'REJECTED',
    );
    expect(server.requests.length).toBe(before);
  });
});

describe('validate', () => {
  it('asks for a title and checks the options, text and media', () => {
    expect(connector.validate({ text: 'x' }).map((violation) => violation.path)).toEqual(['options.title']);
    expect(connector.validate(article('T', 'x', { slug: 'bon-slug-2', canonicalUrl: 'https://a.example/b', status: 'draft' }))).toEqual([]);
    const media = connector.validate({ ...article('T'), media: [{ mimeType: 'video/mp4', data: new Uint8Array(3) }] });
    expect(media.map((violation) => violation.rule)).toEqual(['media.type']);
  });
});

describe('findPublished', () => {
  it('after a restart, finds the post by title, slug (with WordPress’s -2) and body; null for another body', async () => {
    const publishedAfter = new Date(Date.now() - 2000).toISOString();
    const title = unique('Retrouvé');
    const slug = `retrouve-${counter}`;
    // The slug is already taken: WordPress gives the post `<slug>-2`.
    await connector.publish(ctx, editorCredentials(server), {
      variant: article(title, 'autre', { slug }),
      idempotencyKey: unique('taken'),
    });
    const variant = article(title, 'Le corps exact.', { slug, canonicalUrl: 'https://example.com/original' });
    const post = await connector.publish(ctx, editorCredentials(server), { variant, idempotencyKey: 'restart-key' });
    expect(server.posts.get(Number(post.externalId))?.slug).toBe(`${slug}-2`);

    const restarted = new WordpressConnector();
    const found = await restarted.findPublished(ctx, editorCredentials(server), { idempotencyKey: 'restart-key', variant, publishedAfter });
    expect(found).toEqual(post);
    const search = lastRequest('GET', '/wp/v2/posts');
    expect(Object.fromEntries(search.url.searchParams)).toMatchObject({ search: title, status: 'any', context: 'edit', author: '2' });
    // `after` reaches back 14 hours: WordPress compares it with the site's local time.
    expect(Date.parse(`${search.url.searchParams.get('after')}`)).toBe(Date.parse(publishedAfter) - 14 * 3600 * 1000);

    const other = { ...variant, text: 'Un autre corps.' };
    expect(
      await restarted.findPublished(ctx, editorCredentials(server), { idempotencyKey: 'k2', variant: other, publishedAfter }),
    ).toBeNull();
  });

  it('null once the post is trashed, and for a post older than publishedAfter', async () => {
    const variant = article(unique('Éphémère'));
    const post = await connector.publish(ctx, editorCredentials(server), { variant, idempotencyKey: 'trash-key' });
    const old = new Date(Date.now() - 3600_000).toISOString().slice(0, 19);
    server.setPostDate(Number(post.externalId), old);
    const restarted = new WordpressConnector();
    const recent = new Date(Date.now() - 60_000).toISOString();
    expect(
      await restarted.findPublished(ctx, editorCredentials(server), { idempotencyKey: 'x', variant, publishedAfter: recent }),
    ).toBeNull();
    const earlier = new Date(Date.now() - 7200_000).toISOString();
    expect(
      await restarted.findPublished(ctx, editorCredentials(server), { idempotencyKey: 'x', variant, publishedAfter: earlier }),
    ).toEqual(post);
    await connector.delete(ctx, editorCredentials(server), post.externalId);
    expect(
      await restarted.findPublished(ctx, editorCredentials(server), { idempotencyKey: 'x', variant, publishedAfter: earlier }),
    ).toBeNull();
    expect(
      await connector.findPublished(ctx, editorCredentials(server), { idempotencyKey: 'trash-key', variant, publishedAfter: earlier }),
    ).toBeNull();
  });

  it('UNKNOWN when more posts match the title than it reads', async () => {
    const title = unique('Très courant');
    const few = new WordpressConnector({ findPublishedMaxPages: 1 });
    for (let i = 0; i < 101; i++) {
      await few.publish(ctx, editorCredentials(server), { variant: article(title, `corps ${i}`), idempotencyKey: unique('many') });
    }
    const error = await expectConnectorError(
      new WordpressConnector({ findPublishedMaxPages: 1 }).findPublished(ctx, editorCredentials(server), {
        idempotencyKey: 'none',
        variant: article(title, 'introuvable'),
        publishedAfter: new Date(Date.now() - 600_000).toISOString(),
      }),
      'UNKNOWN',
    );
    expect(error.message).toMatch(/cannot tell/);
  });
});

describe('delete', () => {
  it('moves the post to the trash (no force), and a second delete or an unknown id succeeds', async () => {
    const post = await connector.publish(ctx, editorCredentials(server), {
      variant: article(unique('À jeter')),
      idempotencyKey: unique('del'),
    });
    await connector.delete(ctx, editorCredentials(server), post.externalId);
    const request = lastRequest('DELETE', `/wp/v2/posts/${post.externalId}`);
    expect(request.url.searchParams.get('force')).toBeNull();
    expect(server.posts.get(Number(post.externalId))?.status).toBe('trash');
    await connector.delete(ctx, editorCredentials(server), post.externalId);
    await connector.delete(ctx, editorCredentials(server), '999999');
    await expectConnectorError(connector.delete(ctx, editorCredentials(server), '../users/1'), 'REJECTED');
  });
});

describe('comments', () => {
  it('lists the post’s comments newest first, page by page, with who answered whom', async () => {
    const post = await connector.publish(ctx, editorCredentials(server), {
      variant: article(unique('Commentée')),
      idempotencyKey: unique('c'),
    });
    const postId = Number(post.externalId);
    const first = server.addComment(postId, 'Bravo <3');
    const answer = server.addComment(postId, 'Merci !', first.id);
    server.addComment(postId, 'Troisième');
    const paging = new WordpressConnector({ commentsPageSize: 2 });
    const page1 = await paging.fetchComments(ctx, editorCredentials(server), post.externalId);
    expect(page1.items.map((item) => item.text)).toEqual(['Troisième', 'Merci !']);
    expect(page1.items[1]).toMatchObject({
      externalId: `${postId}:${answer.id}`,
      inReplyTo: `${postId}:${first.id}`,
      authorHandle: 'Visiteur',
      url: `${post.url}#comment-${answer.id}`,
    });
    expect(page1.cursor).toBe('2');
    const page2 = await paging.fetchComments(ctx, editorCredentials(server), post.externalId, page1.cursor);
    expect(page2.items.map((item) => [item.text, item.inReplyTo])).toEqual([['Bravo <3', post.externalId]]);
    expect(page2.cursor).toBeUndefined();
  });

  it('replies to the post or to a comment (parent), and a retried reply WordPress calls a duplicate is read back', async () => {
    const post = await connector.publish(ctx, editorCredentials(server), {
      variant: article(unique('Réponses')),
      idempotencyKey: unique('r'),
    });
    const visitor = server.addComment(Number(post.externalId), 'Une question ?');
    const reply = await connector.reply(
      ctx,
      editorCredentials(server),
      `${post.externalId}:${visitor.id}`,
      { text: 'Oui <b>bien sûr</b>' },
      'reply-1',
    );
    const stored = server.comments.get(Number(reply.externalId.split(':')[1]));
    expect(stored).toMatchObject({ parent: visitor.id, post: Number(post.externalId), content: '<p>Oui &lt;b&gt;bien sûr&lt;/b&gt;</p>' });
    // Another process retries the same reply: WordPress answers 409 comment_duplicate; the reply is found.
    const again = await new WordpressConnector().reply(
      ctx,
      editorCredentials(server),
      `${post.externalId}:${visitor.id}`,
      { text: 'Oui <b>bien sûr</b>' },
      'reply-1',
    );
    expect(again).toEqual(reply);
    const top = await connector.reply(ctx, editorCredentials(server), post.externalId, { text: 'Merci à tous' }, 'reply-2');
    expect(server.comments.get(Number(top.externalId.split(':')[1]))?.parent).toBe(0);
  });
});

describe('the package', () => {
  it('loads through the registry with its options, as the platform loads it', () => {
    const registry = loadConnectorsFromConfig(['@socle/plugin-wordpress'], {
      requireModule: () => pluginModule,
      moduleOptions: { '@socle/plugin-wordpress': { findPublishedMaxPages: 2 } },
    });
    expect(registry.get('wordpress')?.manifest.authKind).toBe('app-password');
    expect(createWordpressConnector().manifest.capabilities).toMatchObject({ metrics: false, mentions: false, findPublished: true });
  });
});
