/**
 * The Ghost connector: a site's own Ghost 5 blog as a publishing target, through the Admin API
 * (https://docs.ghost.org/admin-api) with an Admin API key from a custom integration.
 *
 * - `authorize` checks the key's form, then reads one post (`GET /ghost/api/admin/posts/?limit=1`) with a token
 *   signed by it (https://docs.ghost.org/admin-api#token-authentication): the key must be known to the site.
 * - `publish` uploads the images (`POST /images/upload/`, https://docs.ghost.org/admin-api/images/uploading-an-image):
 *   the first becomes the feature image, the others are appended to the HTML; then it creates the post from HTML
 *   (`POST /posts/?source=html`, https://docs.ghost.org/admin-api/posts/creating-a-post), published, draft or
 *   scheduled (https://docs.ghost.org/admin-api/posts/scheduling-a-post), and emailed to a newsletter when asked
 *   (`?newsletter=<slug>&email_segment=all`, https://docs.ghost.org/admin-api/posts/sending-a-post).
 * - Ghost keeps no idempotency key: every post carries an internal tag `#socle-<hash of the key>` (internal tags are
 *   never shown to readers); `publish` and `findPublished` look for it first
 *   (`GET /posts/?filter=tag:hash-socle-…`, https://docs.ghost.org/content-api/filtering), so a publish retried after
 *   a timeout returns the post the first attempt made.
 * - `delete` deletes the post (`DELETE /posts/{id}/`, 204, https://docs.ghost.org/admin-api/posts/deleting-a-post):
 *   Ghost has no trash; a post already gone (404) counts as deleted.
 */
import {
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorError,
  Credentials,
  FindPublishedRequest,
  MediaAttachment,
  PublishedPost,
  PublishRequest,
  validateVariant,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import { randomBytes } from 'node:crypto';
import {
  call,
  GHOST_ID,
  ghostError,
  ghostErrorOf,
  idOf,
  isRecord,
  listOf,
  multipart,
  parseAdminKey,
  Site,
  siteString,
  siteUrlOf,
  unexpected,
  urlOf,
} from './api';
import { Article, articleOf, articleViolations, htmlOf, internalTag, lexicalOf } from './article';
import { ghostManifest } from './manifest';

export { ghostManifest };

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

function adminKeyOf(fields: Record<string, string | undefined>): string {
  return (fields.adminApiKey ?? fields.apiKey ?? fields.accessToken ?? '').trim();
}

export class GhostConnector implements Connector {
  readonly manifest = ghostManifest;
  /** Publishes under way in this process, by site and key: a second call with the same key waits for the first. */
  private readonly running = new Map<string, Promise<PublishedPost>>();

  // ---------------------------------------------------------------- connecting

  /** The site address and the Admin API key (field `adminApiKey`; `apiKey` / `accessToken` are read too). */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const siteUrl = siteString(siteUrlOf(input.serviceUrl));
    const adminApiKey = adminKeyOf(input.fields);
    if (!adminApiKey) {
      throw new ConnectorError('REJECTED', 'Ghost: give the Admin API key of a custom integration (Ghost Admin → Settings → Integrations)');
    }
    const site: Site = { siteUrl, ...parseAdminKey(adminApiKey) };
    const context = 'Ghost GET /posts/ (authorize)';
    listOf(await call(ctx, site, 'GET', 'posts', context, { query: { limit: '1', fields: 'id' } }), 'posts', context);
    return { serviceUrl: siteUrl, secrets: { adminApiKey } };
  }

  private site(credentials: Credentials): Site {
    const adminApiKey = adminKeyOf(credentials.secrets ?? {});
    if (!adminApiKey)
      throw new ConnectorError('AUTH_EXPIRED', 'Ghost: the stored credentials hold no Admin API key; connect the site again');
    return { siteUrl: siteString(siteUrlOf(credentials.serviceUrl)), ...parseAdminKey(adminApiKey) };
  }

  // ---------------------------------------------------------------- validating

  validate(variant: Variant): Violation[] {
    // With a body option set (the manifest says which), `text` may be empty: validateVariant knows.
    const violations = validateVariant(this.manifest, variant);
    const said = new Set(violations.map((violation) => violation.path));
    return [...violations, ...articleViolations(variant).filter((violation) => !said.has(violation.path))];
  }

  // ---------------------------------------------------------------- publishing

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const site = this.site(credentials);
    if (request.inReplyTo) throw new ConnectorError('REJECTED', 'Ghost publish: the Admin API offers no comments to reply to');
    const violations = this.validate(request.variant);
    if (violations.length) {
      throw new ConnectorError('REJECTED', `Ghost publish: ${violations.map((violation) => violation.message).join(' ')}`);
    }
    const memoKey = `${site.siteUrl} ${site.keyId} ${request.idempotencyKey}`;
    const running = this.running.get(memoKey);
    if (running) return running.catch(() => this.publishOnce(ctx, site, request));
    const work = this.publishOnce(ctx, site, request);
    this.running.set(memoKey, work);
    try {
      return await work;
    } finally {
      this.running.delete(memoKey);
    }
  }

  private async publishOnce(ctx: ConnectorContext, site: Site, request: PublishRequest): Promise<PublishedPost> {
    const tag = internalTag(request.idempotencyKey);
    // A retry after a timeout: the first attempt's post carries the tag.
    const existing = await this.findByTag(ctx, site, tag.slug, 'Ghost publish: GET /posts/ (idempotency tag)');
    if (existing) return existing;
    const article = articleOf(request.variant);
    const media = request.variant.media ?? [];
    const uploaded: Array<{ url: string; alt?: string }> = [];
    for (let index = 0; index < media.length; index++) uploaded.push(await this.upload(ctx, site, media[index], index, tag.name));
    return this.createPost(ctx, site, article, uploaded, tag.name);
  }

  private async createPost(
    ctx: ConnectorContext,
    site: Site,
    article: Article,
    images: Array<{ url: string; alt?: string }>,
    tagName: string,
  ): Promise<PublishedPost> {
    const context = 'Ghost POST /posts/';
    const post: Record<string, unknown> = {
      title: article.title,
      ...(article.lexical ? { lexical: lexicalOf(article, images.slice(1)) } : { html: htmlOf(article, images.slice(1)) }),
      status: article.status,
      // Tags are found by name or created (https://docs.ghost.org/admin-api/posts/overview: tags and authors);
      // the internal tag last, so the first public tag stays the primary one.
      tags: [...article.tags.map((name) => ({ name })), { name: tagName }],
    };
    if (article.excerpt) post.custom_excerpt = article.excerpt;
    if (article.slug) post.slug = article.slug;
    if (article.canonicalUrl) post.canonical_url = article.canonicalUrl;
    if (article.status === 'scheduled' && article.publishAt) post.published_at = article.publishAt.toISOString();
    if (images[0]) {
      post.feature_image = images[0].url;
      const alt = article.featureImageAlt ?? images[0].alt;
      if (alt) post.feature_image_alt = alt.slice(0, 191);
    }
    const emailed = article.newsletter && article.status !== 'draft';
    const response = await call(ctx, site, 'POST', 'posts', context, {
      query: {
        source: article.lexical ? undefined : 'html',
        newsletter: emailed ? article.newsletter : undefined,
        email_segment: emailed ? 'all' : undefined,
        include: emailed ? 'newsletter,email' : undefined,
      },
      json: { posts: [post] },
    });
    const created = listOf(response, 'posts', context)[0];
    if (!isRecord(created)) throw unexpected(context, 'no post in the answer');
    if (emailed) this.checkEmail(ctx, site, created, article.newsletter as string);
    return { externalId: idOf(created.id, context, 'post id'), url: urlOf(created.url, context, 'post url') };
  }

  /**
   * Sending happens after the post is saved (https://docs.ghost.org/admin-api/posts/sending-a-post: "Posts are sent
   * by email if and only if an active newsletter is provided"): the post is published either way, so the connector
   * returns it and says through `ctx.logger` when no email will go out. Ghost 5.130.4 without a bulk email service, or
   * given a slug it does not know, publishes the post with `newsletter: null` and no error.
   */
  private checkEmail(ctx: ConnectorContext, site: Site, created: Record<string, unknown>, newsletter: string): void {
    const host = new URL(site.siteUrl).host;
    if (!isRecord(created.newsletter)) {
      ctx.logger?.warn('Ghost: the post was published but not emailed: Ghost attached no newsletter', { host, newsletter });
    } else if (isRecord(created.email) && created.email.status === 'failed') {
      const error = typeof created.email.error === 'string' ? created.email.error.slice(0, 300) : undefined;
      ctx.logger?.warn('Ghost: the post was published but its newsletter email failed', { host, newsletter, error });
    }
  }

  /**
   * One image (`POST /images/upload/`, multipart `file`, `purpose=image`, `ref`,
   * https://docs.ghost.org/admin-api/images/uploading-an-image): its URL. A retried publish uploads again: Ghost has
   * no way to find an image by its `ref`, and an unused image only takes storage.
   */
  private async upload(
    ctx: ConnectorContext,
    site: Site,
    attachment: MediaAttachment,
    index: number,
    tagName: string,
  ): Promise<{ url: string; alt?: string }> {
    const context = 'Ghost POST /images/upload/';
    const type = attachment.mimeType.toLowerCase();
    const total = attachment.data.byteLength;
    ctx.progress?.({ media: index, sentBytes: 0, totalBytes: total });
    const filename = `${tagName.slice(1)}-${index + 1}.${EXTENSIONS[type] ?? 'bin'}`;
    const form = multipart(
      { purpose: 'image', ref: filename },
      { field: 'file', filename, contentType: type, data: attachment.data },
      `----socle${randomBytes(12).toString('hex')}`,
    );
    const response = await call(ctx, site, 'POST', 'images/upload', context, {
      body: form.body,
      headers: { 'content-type': form.contentType },
    });
    const image = listOf(response, 'images', context)[0];
    if (!isRecord(image)) throw unexpected(context, 'no image in the answer');
    ctx.progress?.({ media: index, sentBytes: total, totalBytes: total });
    return { url: urlOf(image.url, context, 'image url'), alt: attachment.altText?.trim() || undefined };
  }

  // ---------------------------------------------------------------- finding a publish again

  /**
   * The post carrying the key's internal tag (`GET /posts/?filter=tag:hash-socle-…`), whatever its status (the Admin
   * API lists drafts and scheduled posts too); `null` when none. Exact: the tag derives from the key alone.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const site = this.site(credentials);
    return this.findByTag(ctx, site, internalTag(request.idempotencyKey).slug, 'Ghost findPublished: GET /posts/');
  }

  private async findByTag(ctx: ConnectorContext, site: Site, slug: string, context: string): Promise<PublishedPost | null> {
    const response = await call(ctx, site, 'GET', 'posts', context, {
      // No `fields`: Ghost computes a post's url from its uuid (drafts, scheduled: `/p/<uuid>/`) or slug, date and
      // tags (the site's permalink pattern); with `fields=id,url` a draft's url came back as `/p/` (Ghost 5.130.4).
      query: { filter: `tag:${slug}`, limit: '1', order: 'created_at asc' },
    });
    const found = listOf(response, 'posts', context)[0];
    if (found === undefined) return null;
    if (!isRecord(found)) throw unexpected(context, 'a post is not an object');
    return { externalId: idOf(found.id, context, 'post id'), url: urlOf(found.url, context, 'post url') };
  }

  // ---------------------------------------------------------------- deleting

  /** `DELETE /posts/{id}/` (https://docs.ghost.org/admin-api/posts/deleting-a-post): 204; a 404 NotFoundError is already gone. */
  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const site = this.site(credentials);
    const context = 'Ghost DELETE /posts/:id/';
    if (!GHOST_ID.test(String(externalId)))
      throw new ConnectorError('REJECTED', `${context}: ${JSON.stringify(externalId)} is not a Ghost post id`);
    const response = await call(ctx, site, 'DELETE', `posts/${externalId}`, context, { accept: [404] });
    if (response.status === 404 && ghostErrorOf(response)?.type !== 'NotFoundError') throw ghostError(response, context, ctx.now?.());
  }
}
