/**
 * The WordPress connector: a site's own blog as a publishing target, through the WordPress REST API
 * (https://developer.wordpress.org/rest-api/reference/) with an application password (WordPress 5.6 and later,
 * https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/).
 *
 * - `authorize` finds the site's API root from the `Link` header of its home page (discovery,
 *   https://developer.wordpress.org/rest-api/using-the-rest-api/discovery/) and checks the user with
 *   `GET /wp/v2/users/me?context=edit`: the password must work and the user must hold `publish_posts`.
 * - `publish` uploads the images to `/wp/v2/media` (the first becomes the featured image, the others are appended
 *   to the body), finds or creates the tags and categories, then creates the post.
 * - WordPress keeps no idempotency key (post meta needs a plugin to be writable over REST). The connector remembers,
 *   per process, what each key published; `findPublished` reads the account's recent posts back
 *   (`?search=&after=&status=any&context=edit`) and matches title, slug and body: a content match.
 * - `delete` moves the post to the trash (recoverable for 30 days), never `force=true`.
 */
import {
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorError,
  Credentials,
  FindPublishedRequest,
  HttpResponse,
  htmlToText,
  MediaAttachment,
  Mention,
  MentionPage,
  PublishedPost,
  PublishRequest,
  validateVariant,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import {
  apiRootFromLinkHeader,
  arrayOf,
  call,
  checkApiRoot,
  gmtDate,
  idOf,
  isRecord,
  objectOf,
  rawOf,
  Site,
  siteString,
  siteUrlOf,
  totalPages,
  unexpected,
  urlOf,
  wordpressError,
  wordpressErrorOf,
} from './api';
import { articleOf, articleViolations, comparableHtml, contentOf, textToHtml } from './article';
import { wordpressManifest } from './manifest';

export { wordpressManifest };

export interface WordpressConnectorOptions {
  /** Pages of 100 posts `findPublished` reads at most before it says it cannot tell. Default 3. */
  findPublishedMaxPages?: number;
  /** Comments per page of `fetchComments`. Default 50 (WordPress allows 1 to 100). */
  commentsPageSize?: number;
}

/** Keys remembered per process (the oldest forgotten first). */
const REMEMBERED_KEYS = 2000;
/**
 * `after` compares with `post_date`, the site's local time (WP_REST_Posts_Controller::get_items), so the search
 * reaches back by the widest time zone offset and the GMT date of each post is compared afterwards.
 */
const TIME_ZONE_SLACK_MS = 14 * 3600 * 1000;
const FIND_PAGE = 100;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/** What the connector reads of a post. */
interface PostView {
  id: string;
  link: string;
  title?: string;
  slug?: string;
  content?: string;
  status?: string;
  dateGmt?: Date;
}

/** A comment's external id: `<post id>:<comment id>`, so a reply knows both without another request. */
export function commentExternalId(postId: string, commentId: string): string {
  return `${postId}:${commentId}`;
}

function parseTarget(externalId: string, context: string): { postId: string; commentId?: string } {
  const [postPart, commentPart, extra] = String(externalId).split(':');
  if (extra !== undefined)
    throw new ConnectorError('REJECTED', `${context}: ${JSON.stringify(externalId)} is not a WordPress post or comment id`);
  const valid = (value: string | undefined) => value !== undefined && /^[1-9]\d{0,18}$/.test(value);
  if (!valid(postPart) || (commentPart !== undefined && !valid(commentPart))) {
    throw new ConnectorError('REJECTED', `${context}: ${JSON.stringify(externalId)} is not a WordPress post or comment id`);
  }
  return { postId: postPart, commentId: commentPart };
}

function postViewOf(value: unknown, context: string): PostView {
  if (!isRecord(value)) throw unexpected(context, 'a post is not an object');
  return {
    id: idOf(value.id, context, 'post id'),
    link: urlOf(value.link, context, 'post link'),
    title: rawOf(value.title),
    slug: typeof value.slug === 'string' ? value.slug : undefined,
    content: rawOf(value.content),
    status: typeof value.status === 'string' ? value.status : undefined,
    dateGmt: gmtDate(value.date_gmt) ?? gmtDate(value.modified_gmt),
  };
}

/** The slug WordPress gave matches the one asked for (a taken slug gets `-2`, `-3`…: wp_unique_post_slug). */
function slugMatches(asked: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  if (given === asked) return true;
  if (!given.startsWith(`${asked}-`)) return false;
  return /^\d{1,6}$/.test(given.slice(asked.length + 1));
}

export class WordpressConnector implements Connector {
  readonly manifest = wordpressManifest;
  private readonly findMaxPages: number;
  private readonly commentsPageSize: number;
  private readonly published = new Map<string, PublishedPost>();
  private readonly running = new Map<string, Promise<PublishedPost>>();

  constructor(options: WordpressConnectorOptions = {}) {
    this.findMaxPages = Math.max(1, Math.floor(options.findPublishedMaxPages ?? 3));
    this.commentsPageSize = Math.min(100, Math.max(1, Math.floor(options.commentsPageSize ?? 50)));
  }

  // ---------------------------------------------------------------- connecting

  /**
   * Site address, user name and application password (fields `identifier` / `appPassword`, as the connect form
   * sends them; `username` / `applicationPassword` are read too).
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const siteUrl = siteUrlOf(input.serviceUrl);
    const username = (input.fields.identifier ?? input.fields.username ?? '').trim();
    // WordPress shows the password in groups of four; spaces are ignored when it checks it (wp_authenticate_application_password).
    const applicationPassword = (input.fields.appPassword ?? input.fields.applicationPassword ?? '').trim();
    if (!username || !applicationPassword) {
      throw new ConnectorError(
        'REJECTED',
        'WordPress: give the user name and an application password (Users → Profile → Application Passwords)',
      );
    }
    const apiRoot = await this.discover(ctx, siteUrl);
    const site: Site = { siteUrl: siteString(siteUrl), apiRoot, username, applicationPassword, userId: '' };
    const context = 'WordPress GET /wp/v2/users/me';
    const me = objectOf(await call(ctx, site, 'GET', 'wp/v2/users/me', context, { query: { context: 'edit' } }), context);
    const userId = idOf(me.id, context, 'user id');
    const capabilities = isRecord(me.capabilities) ? me.capabilities : {};
    if (capabilities.publish_posts !== true) {
      const roles = Array.isArray(me.roles) ? me.roles.filter((role): role is string => typeof role === 'string').join(', ') : '';
      throw new ConnectorError(
        'REJECTED',
        `WordPress: the user ${username} cannot publish posts on this site (no publish_posts capability${roles ? `; role ${roles}` : ''}): connect an Author, Editor or Administrator`,
        { networkReason: 'missing capability publish_posts' },
      );
    }
    return { serviceUrl: site.siteUrl, secrets: { username, applicationPassword, apiRoot, userId } };
  }

  /**
   * The API root: the `Link: <…>; rel="https://api.w.org/"` header of the home page. A site that sends none
   * (a cache or proxy dropping headers) is tried at `?rest_route=/`, which works with and without pretty permalinks.
   */
  private async discover(ctx: ConnectorContext, siteUrl: URL): Promise<string> {
    const home = `${siteString(siteUrl)}/`;
    const context = 'WordPress GET / (API discovery)';
    const response = await ctx.http.request({ method: 'GET', url: home, headers: { accept: 'text/html' } });
    if (response.status < 200 || response.status > 299) throw wordpressError(response, context, ctx.now?.());
    const linked = apiRootFromLinkHeader(response.headers.link);
    return checkApiRoot(siteUrl, linked ?? `${home}?rest_route=/`);
  }

  private site(credentials: Credentials): Site {
    const secrets = credentials.secrets ?? {};
    const { username, applicationPassword, apiRoot, userId } = secrets;
    if (!username || !applicationPassword || !apiRoot) {
      throw new ConnectorError('AUTH_EXPIRED', 'WordPress: the stored credentials are incomplete; connect the site again');
    }
    const siteUrl = siteUrlOf(credentials.serviceUrl);
    return { siteUrl: siteString(siteUrl), apiRoot: checkApiRoot(siteUrl, apiRoot), username, applicationPassword, userId: userId ?? '' };
  }

  // ---------------------------------------------------------------- validating

  validate(variant: Variant): Violation[] {
    // With a body option set (the manifest says which), `text` may be empty: validateVariant knows.
    const violations = validateVariant(this.manifest, variant);
    // The manifest's option specs already said what is wrong with an option: the article's own checks add the rest.
    const said = new Set(violations.map((violation) => violation.path));
    return [...violations, ...articleViolations(variant).filter((violation) => !said.has(violation.path))];
  }

  // ---------------------------------------------------------------- publishing

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const site = this.site(credentials);
    if (request.inReplyTo) return this.reply(ctx, credentials, request.inReplyTo, request.variant, request.idempotencyKey);
    const violations = this.validate(request.variant);
    if (violations.length) {
      throw new ConnectorError('REJECTED', `WordPress publish: ${violations.map((violation) => violation.message).join(' ')}`);
    }
    const memoKey = `${site.apiRoot} ${site.username} ${request.idempotencyKey}`;
    const done = this.published.get(memoKey);
    if (done) return { ...done };
    // Two calls with one key at the same time: the second waits for the first and gets its post.
    const running = this.running.get(memoKey);
    if (running) return running.catch(() => this.publishOnce(ctx, site, memoKey, request.variant));
    const work = this.publishOnce(ctx, site, memoKey, request.variant);
    this.running.set(memoKey, work);
    try {
      return await work;
    } finally {
      this.running.delete(memoKey);
    }
  }

  private async publishOnce(ctx: ConnectorContext, site: Site, memoKey: string, variant: Variant): Promise<PublishedPost> {
    const article = articleOf(variant);
    const media = variant.media ?? [];
    const uploaded: Array<{ id: string; url: string; alt?: string }> = [];
    for (let index = 0; index < media.length; index++) uploaded.push(await this.upload(ctx, site, media[index], index, memoKey));
    const tags = await this.terms(ctx, site, 'tags', article.tags);
    const categories = await this.terms(ctx, site, 'categories', article.categories);
    const context = 'WordPress POST /wp/v2/posts';
    const body: Record<string, unknown> = {
      title: article.title,
      content: contentOf(article, uploaded.slice(1)),
      status: article.status,
    };
    if (article.excerpt) body.excerpt = article.excerpt;
    if (article.slug) body.slug = article.slug;
    if (uploaded[0]) body.featured_media = Number(uploaded[0].id);
    if (tags.length) body.tags = tags.map(Number);
    if (categories.length) body.categories = categories.map(Number);
    // https://developer.wordpress.org/rest-api/reference/posts/#create-a-post
    const post = postViewOf(objectOf(await call(ctx, site, 'POST', 'wp/v2/posts', context, { json: body }), context), context);
    const result: PublishedPost = { externalId: post.id, url: post.link };
    this.remember(memoKey, result);
    return { ...result };
  }

  private remember(key: string, post: PublishedPost): void {
    if (this.published.size >= REMEMBERED_KEYS) this.published.delete(this.published.keys().next().value as string);
    this.published.set(key, post);
  }

  /**
   * One image to the Media Library: the raw file as the body, its type, and
   * `Content-Disposition: attachment; filename=…` (https://developer.wordpress.org/rest-api/reference/media/#create-a-media-item);
   * the alternative text is then set on the attachment (`alt_text`).
   */
  private async upload(
    ctx: ConnectorContext,
    site: Site,
    attachment: MediaAttachment,
    index: number,
    memoKey: string,
  ): Promise<{ id: string; url: string; alt?: string }> {
    const context = 'WordPress POST /wp/v2/media';
    const type = attachment.mimeType.toLowerCase();
    const total = attachment.data.byteLength;
    ctx.progress?.({ media: index, sentBytes: 0, totalBytes: total });
    const stamp = Buffer.from(memoKey)
      .toString('base64url')
      .slice(-12)
      .replace(/[^A-Za-z0-9]/g, 'x');
    const filename = `socle-${stamp}-${index + 1}.${EXTENSIONS[type] ?? 'bin'}`;
    const response = await call(ctx, site, 'POST', 'wp/v2/media', context, {
      body: attachment.data,
      headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` },
    });
    const item = objectOf(response, context);
    const id = idOf(item.id, context, 'media id');
    const url = urlOf(item.source_url, context, 'media source_url');
    ctx.progress?.({ media: index, sentBytes: total, totalBytes: total });
    const alt = attachment.altText?.trim();
    if (alt) {
      const altContext = 'WordPress POST /wp/v2/media/:id (alt_text)';
      await call(ctx, site, 'POST', `wp/v2/media/${id}`, altContext, { json: { alt_text: alt } });
    }
    return { id, url, alt };
  }

  /**
   * The ids of tags or categories by name: found with `?search=` (names compared without case), created when
   * missing. A name another request created meanwhile answers 400 `term_exists` with its id.
   * https://developer.wordpress.org/rest-api/reference/tags/ , /categories/
   */
  private async terms(ctx: ConnectorContext, site: Site, taxonomy: 'tags' | 'categories', names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const listContext = `WordPress GET /wp/v2/${taxonomy}`;
      const found = arrayOf(
        await call(ctx, site, 'GET', `wp/v2/${taxonomy}`, listContext, { query: { search: name, per_page: '100' } }),
        listContext,
      ).find((term) => isRecord(term) && typeof term.name === 'string' && decodeName(term.name).toLowerCase() === name.toLowerCase());
      if (isRecord(found)) {
        ids.push(idOf(found.id, listContext, 'term id'));
        continue;
      }
      const createContext = `WordPress POST /wp/v2/${taxonomy}`;
      const response = await call(ctx, site, 'POST', `wp/v2/${taxonomy}`, createContext, { json: { name }, accept: [400] });
      if (response.status === 400) {
        const existing = termExistsId(response);
        if (!existing) throw wordpressError(response, createContext, ctx.now?.());
        ids.push(existing);
        continue;
      }
      ids.push(idOf(objectOf(response, createContext).id, createContext, 'term id'));
    }
    return ids;
  }

  // ---------------------------------------------------------------- finding a publish again

  /**
   * The post a key published: the one this process remembers, else a content match among the account's posts
   * since `publishedAfter` (`GET /wp/v2/posts?search=<title>&after=…&status=any&context=edit`,
   * https://developer.wordpress.org/rest-api/reference/posts/#list-posts): same title, the slug asked for (or it
   * with WordPress's `-2` suffix), and a body that starts with the one sent. Trashed posts are not listed
   * (`any` leaves the trash out), so a deleted post is `null`. Oldest match first: the first attempt's post.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const site = this.site(credentials);
    const memo = this.published.get(`${site.apiRoot} ${site.username} ${request.idempotencyKey}`);
    if (memo) {
      const context = 'WordPress GET /wp/v2/posts/:id';
      const response = await call(ctx, site, 'GET', `wp/v2/posts/${memo.externalId}`, context, {
        query: { context: 'edit' },
        accept: [404, 410],
      });
      if (response.status === 404 || response.status === 410) return null;
      const post = postViewOf(objectOf(response, context), context);
      return post.status === 'trash' ? null : { externalId: post.id, url: post.link };
    }
    const article = articleOf(request.variant);
    if (!article.title) return null;
    const after = request.publishedAfter ? new Date(request.publishedAfter) : undefined;
    if (after && Number.isNaN(after.getTime()))
      throw new ConnectorError('REJECTED', 'WordPress findPublished: publishedAfter is not a date');
    // The content sent: the body and the canonical line, then (further images) figures whose addresses only the site knows.
    const expected = comparableHtml(contentOf(article, []));
    const withImages = (request.variant.media?.length ?? 0) > 1;
    const sameBody = (content: string) => (withImages ? content.startsWith(expected) : content === expected);
    const context = 'WordPress GET /wp/v2/posts';
    let complete = false;
    for (let page = 1; page <= this.findMaxPages; page++) {
      const response = await call(ctx, site, 'GET', 'wp/v2/posts', context, {
        query: {
          search: article.title,
          after: after ? new Date(after.getTime() - TIME_ZONE_SLACK_MS).toISOString() : undefined,
          status: 'any',
          context: 'edit',
          per_page: String(FIND_PAGE),
          page: String(page),
          orderby: 'date',
          order: 'asc',
          author: site.userId || undefined,
        },
        // Past the last page WordPress answers 400 rest_post_invalid_page_number.
        accept: [400],
      });
      if (response.status === 400) {
        if (wordpressErrorOf(response)?.code !== 'rest_post_invalid_page_number') throw wordpressError(response, context, ctx.now?.());
        complete = true;
        break;
      }
      const posts = arrayOf(response, context).map((item) => postViewOf(item, context));
      for (const post of posts) {
        if (post.status === 'trash') continue;
        if (after && post.dateGmt && post.dateGmt.getTime() < after.getTime()) continue;
        if ((post.title ?? '').trim() !== article.title) continue;
        if (article.slug && !slugMatches(article.slug, post.slug)) continue;
        if (!sameBody(comparableHtml(post.content ?? ''))) continue;
        return { externalId: post.id, url: post.link };
      }
      const pages = totalPages(response);
      if (posts.length < FIND_PAGE || (pages !== undefined && page >= pages)) {
        complete = true;
        break;
      }
    }
    if (!complete) {
      throw new ConnectorError(
        'UNKNOWN',
        `WordPress findPublished: more than ${this.findMaxPages * FIND_PAGE} posts match the title; cannot tell`,
      );
    }
    return null;
  }

  // ---------------------------------------------------------------- deleting

  /**
   * Moves the post to the trash (`DELETE /wp/v2/posts/:id` without `force`,
   * https://developer.wordpress.org/rest-api/reference/posts/#delete-a-post): the client's own blog, so a mistaken
   * delete stays recoverable from the dashboard (the trash is emptied after 30 days, EMPTY_TRASH_DAYS). A post
   * already trashed (410 `rest_already_trashed`) or gone (404 `rest_post_invalid_id`) counts as deleted.
   */
  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const site = this.site(credentials);
    const context = 'WordPress DELETE /wp/v2/posts/:id';
    const { postId, commentId } = parseTarget(externalId, context);
    const route = commentId ? `wp/v2/comments/${commentId}` : `wp/v2/posts/${postId}`;
    const response = await call(ctx, site, 'DELETE', route, context, { accept: [404, 410] });
    if (response.status === 404 || response.status === 410) {
      const code = wordpressErrorOf(response)?.code;
      if (code === 'rest_post_invalid_id' || code === 'rest_already_trashed' || code === 'rest_comment_invalid_id') return;
      throw wordpressError(response, context, ctx.now?.());
    }
  }

  // ---------------------------------------------------------------- comments

  /**
   * The post's approved comments, newest first (`GET /wp/v2/comments?post=…`,
   * https://developer.wordpress.org/rest-api/reference/comments/#list-comments); the cursor is the next page number.
   */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const site = this.site(credentials);
    const context = 'WordPress GET /wp/v2/comments';
    const { postId } = parseTarget(externalId, context);
    const page = cursor && /^[1-9]\d{0,5}$/.test(cursor) ? Number(cursor) : 1;
    const response = await call(ctx, site, 'GET', 'wp/v2/comments', context, {
      query: { post: postId, per_page: String(this.commentsPageSize), page: String(page), orderby: 'date_gmt', order: 'desc' },
      accept: [400],
    });
    if (response.status === 400) {
      if (wordpressErrorOf(response)?.code === 'rest_comment_invalid_page_number') return { items: [] };
      throw wordpressError(response, context, ctx.now?.());
    }
    const items = arrayOf(response, context).map((item) => this.mentionOf(item, postId, context));
    const pages = totalPages(response);
    const more = pages !== undefined ? page < pages : items.length === this.commentsPageSize;
    return more ? { items, cursor: String(page + 1) } : { items };
  }

  private mentionOf(value: unknown, postId: string, context: string): Mention {
    if (!isRecord(value)) throw unexpected(context, 'a comment is not an object');
    const id = idOf(value.id, context, 'comment id');
    const post = value.post === undefined ? postId : idOf(value.post, context, 'comment post');
    const parent = typeof value.parent === 'number' && value.parent > 0 ? idOf(value.parent, context, 'comment parent') : undefined;
    const date = gmtDate(value.date_gmt);
    const name = typeof value.author_name === 'string' && value.author_name.trim() ? value.author_name.trim().slice(0, 200) : undefined;
    const mention: Mention = {
      externalId: commentExternalId(post, id),
      url: urlOf(value.link, context, 'comment link'),
      authorHandle: name ?? `user ${typeof value.author === 'number' ? value.author : 'anonymous'}`,
      text: htmlToText(rawOf(value.content) ?? '', 10_000),
      publishedAt: (date ?? new Date()).toISOString(),
      inReplyTo: parent ? commentExternalId(post, parent) : post,
    };
    if (name) mention.authorName = name;
    if (!date) mention.publishedAtEstimated = true;
    return mention;
  }

  /**
   * A comment on the post, or an answer to a comment (`parent`), as the connected user
   * (`POST /wp/v2/comments`, https://developer.wordpress.org/rest-api/reference/comments/#create-a-comment).
   * WordPress refuses the same comment twice (409 `comment_duplicate`): a retried reply is then read back.
   */
  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    const site = this.site(credentials);
    const context = 'WordPress POST /wp/v2/comments';
    const { postId, commentId } = parseTarget(externalId, context);
    const memoKey = `${site.apiRoot} ${site.username} reply ${idempotencyKey}`;
    const done = this.published.get(memoKey);
    if (done) return { ...done };
    const text = variant.text?.trim();
    if (!text) throw new ConnectorError('REJECTED', `${context}: a comment needs text`);
    const content = textToHtml(text);
    const body: Record<string, unknown> = { post: Number(postId), content };
    if (commentId) body.parent = Number(commentId);
    const response = await call(ctx, site, 'POST', 'wp/v2/comments', context, { json: body, accept: [409] });
    let comment: Record<string, unknown> | undefined;
    if (response.status === 409) {
      if (wordpressErrorOf(response)?.code !== 'comment_duplicate') throw wordpressError(response, context, ctx.now?.());
      comment = await this.existingComment(ctx, site, postId, content);
      if (!comment) throw wordpressError(response, context, ctx.now?.());
    } else comment = objectOf(response, context);
    const id = idOf(comment.id, context, 'comment id');
    const result = { externalId: commentExternalId(postId, id), url: urlOf(comment.link, context, 'comment link') };
    this.remember(memoKey, result);
    return { ...result };
  }

  /** The connected user's comment on the post whose content is `content` (the one WordPress called a duplicate). */
  private async existingComment(
    ctx: ConnectorContext,
    site: Site,
    postId: string,
    content: string,
  ): Promise<Record<string, unknown> | undefined> {
    const context = 'WordPress GET /wp/v2/comments (duplicate)';
    const response = await call(ctx, site, 'GET', 'wp/v2/comments', context, {
      query: { post: postId, author: site.userId || undefined, per_page: '100', context: 'edit' },
    });
    const wanted = comparableHtml(content);
    return arrayOf(response, context).find(
      (item): item is Record<string, unknown> => isRecord(item) && comparableHtml(rawOf(item.content) ?? '') === wanted,
    );
  }
}

/** `R&amp;D` as WordPress returns term names (escaped for HTML) back to `R&D`, for comparing with the asked name. */
function decodeName(name: string): string {
  return name
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'");
}

/** The id in a 400 `term_exists` answer (`data.term_id`). */
function termExistsId(response: HttpResponse): string | undefined {
  try {
    const body = JSON.parse(response.text()) as unknown;
    if (!isRecord(body) || body.code !== 'term_exists' || !isRecord(body.data)) return undefined;
    const id = body.data.term_id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? String(id) : undefined;
  } catch {
    return undefined;
  }
}
