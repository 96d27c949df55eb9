/**
 * The connector against a real Ghost 5.130.4 (installed once into a cache folder, started with SQLite on a loopback
 * port: src/test/real-ghost.ts). Nothing is skipped: when Ghost cannot be installed or started, the test fails with
 * the step and Ghost's or npm's own output. The first run installs Ghost (minutes); later runs reuse the install.
 */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import { adminToken, parseAdminKey } from './api';
import { GhostConnector } from './ghost.connector';
import { ensureGhostInstalled, RunningGhost, startGhost } from '../test/real-ghost';

jest.setTimeout(45 * 60_000);

const connector = new GhostConnector();
const ctx: ConnectorContext = { http: createHttpClient({ timeoutMs: 30_000, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
let ghost: RunningGhost | undefined;
let credentials: Credentials;

beforeAll(async () => {
  const packageDir = await ensureGhostInstalled((line) => process.stderr.write(`[real Ghost] ${line}\n`));
  ghost = await startGhost(packageDir);
  process.stderr.write(`[real Ghost] started in ${ghost.startSeconds.toFixed(1)} s at ${ghost.url}\n`);
  credentials = await connector.authorize(ctx, { serviceUrl: ghost.url, fields: { adminApiKey: ghost.adminApiKey } });
});

afterAll(async () => {
  await ghost?.stop();
});

async function readPost(id: string): Promise<Record<string, unknown>> {
  const response = await ctx.http.request({
    method: 'GET',
    url: `${credentials.serviceUrl}/ghost/api/admin/posts/${id}/?formats=html&include=tags,newsletter,email`,
    headers: { authorization: `Ghost ${adminToken(parseAdminKey(ghost?.adminApiKey))}`, 'accept-version': 'v5.0' },
  });
  expect(response.status).toBe(200);
  return (JSON.parse(response.text()) as { posts: Array<Record<string, unknown>> }).posts[0];
}

describe('against a real Ghost 5', () => {
  it('authorize kept the site and key; a wrong key is AUTH_EXPIRED', async () => {
    expect(credentials.serviceUrl).toBe(ghost?.url);
    const wrong = `${'0'.repeat(24)}:${'ab'.repeat(32)}`;
    await expectConnectorError(
      connector.authorize(ctx, { serviceUrl: credentials.serviceUrl, fields: { adminApiKey: wrong } }),
      'AUTH_EXPIRED',
    );
  });

  it('publishes an HTML article with tags, a feature image and a second image; finds it; a retry makes no second post; deletes it', async () => {
    const key = `real-ghost-${Date.now()}`;
    const variant = {
      text: '',
      media: [
        { mimeType: 'image/png', data: makePng(8, 8), altText: 'Une vitrine' },
        { mimeType: 'image/png', data: makePng(6, 6, [20, 160, 60]), altText: 'Des croissants' },
      ],
      options: {
        title: 'Menu de printemps',
        html: '<p>Le <strong>menu</strong> change.</p>',
        excerpt: 'Ce qui change au printemps.',
        slug: `menu-${Date.now()}`,
        canonicalUrl: 'https://boulangerie.example/menu',
        tags: 'Menu, Saison',
      },
    };
    const post = await connector.publish(ctx, credentials, { idempotencyKey: key, variant });
    expect(post.externalId).toMatch(/^[0-9a-f]{24}$/);
    expect(post.url.startsWith(`${ghost?.url}/`)).toBe(true);

    const stored = await readPost(post.externalId);
    expect(stored).toMatchObject({
      title: 'Menu de printemps',
      status: 'published',
      custom_excerpt: 'Ce qui change au printemps.',
      canonical_url: 'https://boulangerie.example/menu',
    });
    expect(String(stored.feature_image)).toMatch(/\/content\/images\/.+\.png$/);
    expect(stored.feature_image_alt).toBe('Une vitrine');
    expect(String(stored.html)).toContain('<strong>menu</strong>');
    expect(String(stored.html)).toMatch(/<img[^>]+\/content\/images\/[^"]+\.png/);
    const tagNames = (stored.tags as Array<{ name: string; slug: string; visibility: string }>).map((tag) => [tag.name, tag.visibility]);
    expect(tagNames.slice(0, 2)).toEqual([
      ['Menu', 'public'],
      ['Saison', 'public'],
    ]);
    expect(tagNames[2][0]).toMatch(/^#socle-[0-9a-f]{16}$/);
    expect(tagNames[2][1]).toBe('internal');

    expect(await connector.findPublished(ctx, credentials, { idempotencyKey: key, variant })).toEqual(post);
    expect(await connector.findPublished(ctx, credentials, { idempotencyKey: `${key}-fresh`, variant })).toBeNull();
    // A retry (another worker, nothing remembered) returns the same post.
    expect(await new GhostConnector().publish(ctx, credentials, { idempotencyKey: key, variant })).toEqual(post);

    await connector.delete(ctx, credentials, post.externalId);
    expect(await connector.findPublished(ctx, credentials, { idempotencyKey: key, variant })).toBeNull();
    // Deleting again: already gone.
    await connector.delete(ctx, credentials, post.externalId);
  });

  it('publishes a Lexical body as it is, the second image appended as an image card', async () => {
    const key = `real-ghost-lexical-${Date.now()}`;
    const paragraph = (text: string) => ({
      type: 'paragraph',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [{ type: 'extended-text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
    });
    const lexical = JSON.stringify({
      root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [paragraph('Écrit dans l’éditeur de Ghost.')] },
    });
    const variant = {
      text: '',
      media: [
        { mimeType: 'image/png', data: makePng(8, 8), altText: 'Une vitrine' },
        { mimeType: 'image/png', data: makePng(6, 6, [20, 160, 60]), altText: 'Des croissants' },
      ],
      options: { title: 'En Lexical', lexical },
    };
    expect(connector.validate(variant)).toEqual([]);
    const post = await connector.publish(ctx, credentials, { idempotencyKey: key, variant });
    const stored = await readPost(post.externalId);
    expect(stored.status).toBe('published');
    expect(String(stored.html)).toContain('Écrit dans l’éditeur de Ghost.');
    expect(String(stored.html)).toMatch(/<img[^>]+alt="Des croissants"/);
    expect(String(stored.feature_image)).toMatch(/\.png$/);
    await connector.delete(ctx, credentials, post.externalId);
  });

  it('schedules a post and finds it as a draft would be found', async () => {
    const key = `real-ghost-scheduled-${Date.now()}`;
    // Ghost keeps whole seconds.
    const publishAt = new Date(Math.floor(Date.now() / 1000 + 24 * 3600) * 1000).toISOString();
    const variant = { text: 'Bientôt.', options: { title: 'Plus tard', status: 'scheduled', publishAt } };
    const post = await connector.publish(ctx, credentials, { idempotencyKey: key, variant });
    const stored = await readPost(post.externalId);
    expect(stored.status).toBe('scheduled');
    expect(new Date(String(stored.published_at)).toISOString()).toBe(publishAt);
    expect(await connector.findPublished(ctx, credentials, { idempotencyKey: key, variant })).toEqual(post);
    await connector.delete(ctx, credentials, post.externalId);
  });

  it('a newsletter this Ghost cannot send (no mail service set up): published without email, and the connector warns', async () => {
    const warnings: string[] = [];
    const logging: ConnectorContext = {
      ...ctx,
      logger: { debug: jest.fn(), info: jest.fn(), error: jest.fn(), warn: (message) => warnings.push(message) },
    };
    const post = await connector.publish(logging, credentials, {
      idempotencyKey: `real-ghost-newsletter-${Date.now()}`,
      variant: { text: 'Lettre.', options: { title: 'Lettre', newsletter: 'default-newsletter' } },
    });
    const stored = await readPost(post.externalId);
    expect(stored.status).toBe('published');
    expect(stored.newsletter).toBeNull();
    expect(stored.email).toBeNull();
    expect(warnings).toEqual(['Ghost: the post was published but not emailed: Ghost attached no newsletter']);
    await connector.delete(ctx, credentials, post.externalId);
  });
});
