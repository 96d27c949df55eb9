/**
 * The Threads connector (https://developers.facebook.com/docs/threads).
 *
 * Publishing is two steps: a container (POST /{user-id}/threads), then its publication
 * (POST /{user-id}/threads_publish), after the container reports FINISHED. Images and videos go by
 * URL (`image_url` / `video_url`): Threads fetches them itself from the address the platform gives in
 * `MediaAttachment.url` (the manifest's `media.delivery` is `url`). Threads has no
 * idempotency key: the connector remembers, per process, the keys it published, and
 * `findPublished` reads the account's recent posts back and matches their text.
 */
import {
  AccountMetrics,
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorError,
  ConnectorOAuth,
  Credentials,
  expiryAfter,
  FindPublishedRequest,
  MediaAttachment,
  mediaSize,
  Mention,
  MentionPage,
  MentionQuery,
  OAuthStartInput,
  OAuthStartResult,
  PostMetrics,
  PublishedPost,
  PublishRequest,
  validateVariant,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import {
  apiUrl,
  callJson,
  count,
  dateOf,
  form,
  httpUrl,
  idOf,
  isProduction,
  isRecord,
  listOf,
  optionalString,
  record,
  rootUrl,
  serviceOrigin,
  shapeError,
  sleep,
  stringOf,
  THREADS_AUTHORIZE_URL,
  THREADS_GRAPH_URL,
} from './api';
import {
  THREADS_IMAGE_MAX_BYTES,
  THREADS_IMAGE_TYPES,
  THREADS_MAX_CHARACTERS,
  THREADS_VIDEO_TYPES,
  threadsManifest,
  threadsTextLength,
} from './manifest';

/**
 * Permissions asked for (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions):
 * profile, publishing, replies (write and read), insights, delete, keyword search and mentions.
 */
export const THREADS_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_read_replies',
  'threads_manage_insights',
  'threads_delete',
  'threads_keyword_search',
  'threads_manage_mentions',
] as const;

export interface ThreadsConnectorOptions {
  /** The platform's Threads app id (Meta app dashboard, "Threads App ID"). */
  clientId?: string;
  /** The platform's Threads app secret. */
  clientSecret?: string;
  /** Between two reads of a container's status. Default 1000 ms. */
  containerPollIntervalMs?: number;
  /** How long a container may stay IN_PROGRESS before the publish gives up (TRANSIENT). Default 30 000 ms. */
  containerMaxWaitMs?: number;
  /** Pages of 100 posts `findPublished` reads back at most before it says it cannot tell. Default 10. */
  findPublishedMaxPages?: number;
}

const MEDIA_FIELDS = 'id,text,username,permalink,timestamp,replied_to';
const DEFAULT_PAGE = 25;
/** Keys remembered per connector instance (oldest forgotten first). */
const REMEMBERED_KEYS = 2000;
const SEARCH_CURSOR = 's:';
const MENTIONS_CURSOR = 'm:';

interface Account {
  serviceUrl: string;
  accessToken: string;
  userId: string;
}

/** One post of a publish: the first, or a further part of a thread. */
interface Part {
  text: string;
  media: MediaAttachment[];
}

interface Progress {
  externalId: string;
  url: string;
  threadIds: string[];
}

export class ThreadsConnector implements Connector {
  readonly manifest = threadsManifest;
  private readonly clientId?: string;
  private readonly clientSecret?: string;
  private readonly pollIntervalMs: number;
  private readonly maxWaitMs: number;
  private readonly findMaxPages: number;
  /** What each idempotency key published so far, per account: a retry returns it, or resumes a thread. */
  private readonly published = new Map<string, Progress>();
  private readonly running = new Map<string, Promise<PublishedPost>>();

  constructor(options: ThreadsConnectorOptions = {}) {
    this.clientId = options.clientId?.trim() || undefined;
    this.clientSecret = options.clientSecret?.trim() || undefined;
    this.pollIntervalMs = Math.max(0, options.containerPollIntervalMs ?? 1000);
    this.maxWaitMs = Math.max(0, options.containerMaxWaitMs ?? 30_000);
    this.findMaxPages = Math.max(1, options.findPublishedMaxPages ?? 10);
  }

  // ---------------------------------------------------------------- OAuth

  /**
   * The authorisation window (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions):
   * threads.net/oauth/authorize in production, the service itself elsewhere (a test server serves both).
   */
  readonly oauth: ConnectorOAuth = {
    start: async (_ctx: ConnectorContext, input: OAuthStartInput): Promise<OAuthStartResult> => {
      const { clientId, clientSecret } = this;
      if (!clientId || !clientSecret) {
        throw new ConnectorError(
          'REJECTED',
          'Threads: the platform has no Threads app configured (give the connector the app id and secret as clientId and clientSecret: its options in CONNECTOR_OPTIONS)',
        );
      }
      const service = input.serviceUrl?.trim() ? input.serviceUrl : THREADS_GRAPH_URL;
      // The app is registered by hand in Meta's dashboard and given in the options: the platform's store of
      // registrations is not used, so a rotated secret takes effect with the next start.
      const client = { clientId, clientSecret };
      const base = isProduction(service) ? THREADS_AUTHORIZE_URL : `${serviceOrigin(service)}/oauth/authorize`;
      const url = new URL(base);
      url.searchParams.set('client_id', client.clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('scope', THREADS_SCOPES.join(','));
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('state', input.state);
      return { authorizationUrl: url.toString(), fields: { clientId: client.clientId } };
    },
  };

  /**
   * `fields.code` (with `clientId`/`clientSecret` from `oauth.start`): the code is exchanged for a short-lived
   * token (POST /oauth/access_token), then for a 60-day one (GET /access_token, th_exchange_token)
   * (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens).
   * `fields.accessToken`: a long-lived token made elsewhere, checked with GET /me; its expiry is unknown.
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const serviceUrl = serviceOrigin(input.serviceUrl?.trim() ? input.serviceUrl : THREADS_GRAPH_URL);
    const fields = input.fields ?? {};
    if (fields.accessToken) {
      return { serviceUrl, secrets: { accessToken: fields.accessToken, userId: await this.userIdOf(ctx, serviceUrl, fields.accessToken) } };
    }
    if (!fields.code) {
      throw new ConnectorError('REJECTED', 'Threads authorization: an OAuth code (or a long-lived access token) is needed');
    }
    // The configured app first: the one the start named is only a fallback for a connector built without options.
    const clientId = this.clientId || fields.clientId;
    const clientSecret = this.clientSecret || fields.clientSecret;
    const redirectUri = input.redirectUri ?? fields.redirectUri;
    if (!clientId || !clientSecret || !redirectUri) {
      throw new ConnectorError('REJECTED', 'Threads authorization: the app id, app secret and redirect URI are needed with a code');
    }
    // Threads appends `#_` to the redirect; a code copied with it would be refused.
    const code = fields.code.endsWith('#_') ? fields.code.slice(0, -2) : fields.code;
    const exchange = 'Threads authorization (code exchange)';
    const short = record(
      await callJson(
        ctx,
        {
          method: 'POST',
          url: rootUrl(serviceUrl, 'oauth/access_token'),
          ...form({ client_id: clientId, client_secret: clientSecret, code, grant_type: 'authorization_code', redirect_uri: redirectUri }),
        },
        exchange,
      ),
      exchange,
    );
    const shortToken = stringOf(short.access_token, exchange, 'access_token');
    const longContext = 'Threads authorization (long-lived token exchange)';
    const long = await this.tokenCall(
      ctx,
      rootUrl(serviceUrl, 'access_token', { grant_type: 'th_exchange_token', client_secret: clientSecret, access_token: shortToken }),
      longContext,
    );
    // The exchange's `user_id` is a JSON number past 2^53 (17 digits): read as a number it loses its last
    // digits, so the id is taken, as a string, from GET /me.
    return {
      serviceUrl,
      secrets: { accessToken: long.accessToken, userId: await this.userIdOf(ctx, serviceUrl, long.accessToken) },
      expiresAt: long.expiresAt,
    };
  }

  /** GET /me?fields=id,username (https://developers.facebook.com/docs/threads/threads-profiles). */
  private async userIdOf(ctx: ConnectorContext, serviceUrl: string, accessToken: string): Promise<string> {
    const context = 'Threads authorization (GET /me)';
    const me = record(
      await callJson(ctx, { method: 'GET', url: apiUrl(serviceUrl, 'me', { fields: 'id,username', access_token: accessToken }) }, context),
      context,
    );
    if (typeof me.id !== 'string') throw shapeError(context, 'id missing or not a string');
    return idOf(me.id, context, 'id');
  }

  /**
   * GET /refresh_access_token?grant_type=th_refresh_token: a long-lived token not yet expired (and at least
   * 24 hours old) gets 60 more days (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens).
   * An expired token cannot be refreshed: Threads answers error 190 (AUTH_EXPIRED), and the user reconnects.
   */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const account = this.account(credentials, false);
    const context = 'Threads token refresh';
    const fresh = await this.tokenCall(
      ctx,
      rootUrl(account.serviceUrl, 'refresh_access_token', { grant_type: 'th_refresh_token', access_token: account.accessToken }),
      context,
    );
    return {
      serviceUrl: account.serviceUrl,
      secrets: { ...credentials.secrets, accessToken: fresh.accessToken, userId: account.userId },
      expiresAt: fresh.expiresAt,
    };
  }

  private async tokenCall(ctx: ConnectorContext, url: string, context: string): Promise<{ accessToken: string; expiresAt?: string }> {
    const body = record(await callJson(ctx, { method: 'GET', url }, context), context);
    const accessToken = stringOf(body.access_token, context, 'access_token');
    const expiresIn = body.expires_in === undefined ? undefined : count(body.expires_in, context, 'expires_in');
    const now = ctx.now?.() ?? new Date();
    return { accessToken, expiresAt: expiryAfter(now, expiresIn) };
  }

  // ---------------------------------------------------------------- validate

  validate(variant: Variant): Violation[] {
    const violations = validateVariant(this.manifest, variant);
    const parts: Array<[string, unknown]> = [['text', variant?.text]];
    if (Array.isArray(variant?.thread)) variant.thread.forEach((part, index) => parts.push([`thread[${index}].text`, part?.text]));
    const withMedia: Array<[string, unknown]> = [['', variant?.media]];
    if (Array.isArray(variant?.thread)) variant.thread.forEach((part, index) => withMedia.push([`thread[${index}].`, part?.media]));
    for (const [prefix, media] of withMedia) {
      if (!Array.isArray(media)) continue;
      media.forEach((item: MediaAttachment, index) => {
        const type = String(item?.mimeType ?? '').toLowerCase();
        const size = mediaSize(item);
        // The manifest's maxBytes is the videos' 1 GB: images have their own 8 MB.
        if (THREADS_IMAGE_TYPES.includes(type) && size > THREADS_IMAGE_MAX_BYTES) {
          violations.push({
            rule: 'media.too-large',
            path: `${prefix}media[${index}]`,
            message: `Image ${index + 1} weighs ${(size / (1024 * 1024)).toFixed(1)} MB; Threads takes images of 8 MB at most.`,
          });
        }
      });
    }
    for (const [path, text] of parts) {
      if (typeof text !== 'string' || violations.some((violation) => violation.path === path && violation.rule === 'text.too-long'))
        continue;
      const length = threadsTextLength(text);
      if (length > THREADS_MAX_CHARACTERS) {
        violations.push({
          rule: 'text.too-long',
          path,
          message: `Threads counts this text as ${length} characters (each emoji counts its UTF-8 bytes); it allows ${THREADS_MAX_CHARACTERS}. Remove ${length - THREADS_MAX_CHARACTERS}.`,
        });
      }
    }
    return violations;
  }

  // ---------------------------------------------------------------- publishing

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const account = this.account(credentials, true, ctx);
    const variant = request.variant;
    const parts: Part[] = [variant, ...(variant.thread ?? [])].map((part) => ({ text: part.text ?? '', media: part.media ?? [] }));
    parts.forEach((part, index) => checkMedia(part.media, index === 0 ? '' : `thread part ${index + 1}, `));
    const memoryKey = `${account.serviceUrl}\n${account.userId}\n${request.idempotencyKey}`;
    // Calls with the same key run one after the other: the second finds what the first published.
    const previous = this.running.get(memoryKey) ?? Promise.resolve();
    const work = previous.catch(() => undefined).then(() => this.publishParts(ctx, account, memoryKey, parts, request.inReplyTo));
    this.running.set(memoryKey, work);
    try {
      return await work;
    } finally {
      if (this.running.get(memoryKey) === work) this.running.delete(memoryKey);
    }
  }

  private async publishParts(
    ctx: ConnectorContext,
    account: Account,
    memoryKey: string,
    parts: Part[],
    inReplyTo: string | undefined,
  ): Promise<PublishedPost> {
    let progress = this.published.get(memoryKey);
    if (!progress) {
      const first = await this.publishOne(ctx, account, parts[0], inReplyTo, 'Threads publish');
      progress = { externalId: first.externalId, url: first.url, threadIds: [] };
      this.remember(memoryKey, progress);
    }
    // Each further part answers the previous one; a retry with the same key resumes after the last part made.
    for (let index = progress.threadIds.length + 1; index < parts.length; index++) {
      const previous = index === 1 ? progress.externalId : progress.threadIds[index - 2];
      const part = await this.publishOne(ctx, account, parts[index], previous, `Threads publish (thread part ${index + 1})`);
      progress.threadIds.push(part.externalId);
    }
    return this.result(progress);
  }

  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    return this.publish(ctx, credentials, { variant: { ...variant, thread: undefined }, idempotencyKey, inReplyTo: externalId });
  }

  /**
   * Reads the account's posts since `publishedAfter` (GET /{user-id}/threads, newest first) and matches the text;
   * further parts are the account's replies (GET /{user-id}/replies) answering the previous part with the next
   * text (https://developers.facebook.com/docs/threads/reference/user). A same-text post made by other means in
   * that window would be taken for it: Threads keeps no key to tell them apart.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const account = this.account(credentials, true, ctx);
    const variant = request.variant;
    const since = request.publishedAfter ? Math.floor(Date.parse(request.publishedAfter) / 1000) : undefined;
    if (since !== undefined && Number.isNaN(since))
      throw new ConnectorError('REJECTED', 'Threads findPublished: publishedAfter is not a date');
    const posts = await this.ownPosts(ctx, account, 'threads', since);
    const wanted = variant.text.trim();
    // The earliest match is the first attempt's post: same text, and the same kind of post when Threads says it.
    const root = posts.filter((post) => post.text.trim() === wanted && sameKind(post.mediaType, variant.media)).pop();
    if (!root) return null;
    const found: Progress = { externalId: root.id, url: root.permalink, threadIds: [] };
    const further = variant.thread ?? [];
    if (further.length > 0) {
      const replies = await this.ownPosts(ctx, account, 'replies', since);
      let previous = root.id;
      for (const part of further) {
        const next = replies
          .filter(
            (reply) => reply.repliedTo === previous && reply.text.trim() === part.text.trim() && sameKind(reply.mediaType, part.media),
          )
          .pop();
        if (!next) break;
        found.threadIds.push(next.id);
        previous = next.id;
      }
    }
    return this.result(found);
  }

  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const account = this.account(credentials, true, ctx);
    // DELETE /{threads-media-id}, permission threads_delete (https://developers.facebook.com/docs/threads/posts/delete-posts).
    const context = 'Threads delete';
    const body = record(
      await callJson(
        ctx,
        { method: 'DELETE', url: apiUrl(account.serviceUrl, encodeId(externalId), { access_token: account.accessToken }) },
        context,
      ),
      context,
    );
    if (body.success !== true) throw shapeError(context, 'success is not true');
  }

  // ---------------------------------------------------------------- reading

  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const account = this.account(credentials, true, ctx);
    // GET /{media-id}/replies: the top-level replies (https://developers.facebook.com/docs/threads/reply-management).
    const context = 'Threads comments';
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, `${encodeId(externalId)}/replies`, {
          fields: MEDIA_FIELDS,
          limit: String(DEFAULT_PAGE),
          after: cursor || undefined,
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.data.map((item) => mentionOf(item, context));
    return { items, cursor: list.hasNext && list.after ? list.after : undefined };
  }

  /**
   * Without keywords: posts that tag the account (GET /{user-id}/mentions, cursor paging,
   * https://developers.facebook.com/docs/threads/threads-mentions). With keywords: recent public posts
   * (GET /keyword_search, search_type RECENT, https://developers.facebook.com/docs/threads/keyword-search),
   * which pages by time only: the cursor holds the oldest date seen and the ids seen at that second.
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const account = this.account(credentials, true, ctx);
    const limit = Math.min(Math.max(Math.floor(query.limit ?? DEFAULT_PAGE), 1), 100);
    const keywords = (query.keywords ?? []).map((word) => word.trim()).filter(Boolean);
    if (keywords.length > 0) return this.search(ctx, account, keywords.join(' '), limit, query.cursor);
    let after: string | undefined;
    if (query.cursor) {
      if (!query.cursor.startsWith(MENTIONS_CURSOR))
        throw new ConnectorError('REJECTED', 'Threads mentions: the cursor is not a mentions cursor');
      after = query.cursor.slice(MENTIONS_CURSOR.length);
    }
    const context = 'Threads mentions';
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, `${account.userId}/mentions`, {
          fields: MEDIA_FIELDS,
          limit: String(limit),
          after,
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.data.map((item) => mentionOf(item, context));
    // This edge gives cursors but no `next` (same page): a full page may have a successor.
    const more = list.hasNext || items.length >= limit;
    return { items, cursor: more && list.after ? `${MENTIONS_CURSOR}${list.after}` : undefined };
  }

  private async search(ctx: ConnectorContext, account: Account, q: string, limit: number, cursor?: string): Promise<MentionPage> {
    const context = 'Threads keyword search';
    let until: number | undefined;
    let seen: string[] = [];
    if (cursor) {
      const decoded = decodeSearchCursor(cursor);
      until = decoded.until;
      seen = decoded.seen;
    }
    const asked = Math.min(limit + seen.length, 100);
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, 'keyword_search', {
          q,
          search_type: 'RECENT',
          fields: MEDIA_FIELDS,
          limit: String(asked),
          until: until === undefined ? undefined : String(until),
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const all = list.data.map((item) => mentionOf(item, context));
    const skip = new Set(seen);
    const items = all.filter((item) => !skip.has(item.externalId)).slice(0, limit);
    if (items.length === 0 || all.length < asked) return { items };
    const oldest = Math.min(...items.map((item) => Math.floor(Date.parse(item.publishedAt) / 1000)));
    const atOldest = items.filter((item) => Math.floor(Date.parse(item.publishedAt) / 1000) === oldest).map((item) => item.externalId);
    const nextSeen = oldest === until ? [...seen, ...atOldest] : atOldest;
    // More posts in one second than one request returns: paging by time cannot go further.
    if (nextSeen.length >= 100) return { items };
    return { items, cursor: encodeSearchCursor(oldest, nextSeen) };
  }

  /** GET /{media-id}/insights: views, likes, replies, reposts, quotes (https://developers.facebook.com/docs/threads/insights). */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const account = this.account(credentials, true, ctx);
    const out: PostMetrics[] = [];
    for (const externalId of externalIds) {
      const context = 'Threads post insights';
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, `${encodeId(externalId)}/insights`, {
            metric: 'views,likes,replies,reposts,quotes',
            access_token: account.accessToken,
          }),
        },
        context,
      );
      const values = insightValues(body, context);
      const need = (name: string) => {
        const value = values.get(name);
        if (value === undefined) throw shapeError(context, `metric ${name} missing`);
        return value;
      };
      out.push({
        externalId,
        likes: need('likes'),
        reposts: need('reposts'),
        replies: need('replies'),
        quotes: values.get('quotes'),
        impressions: values.get('views'),
        fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
      });
    }
    return out;
  }

  /** GET /{user-id}/threads_insights?metric=followers_count (https://developers.facebook.com/docs/threads/insights). */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const account = this.account(credentials, true, ctx);
    const context = 'Threads account insights';
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, `${account.userId}/threads_insights`, {
          metric: 'followers_count',
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const followers = insightValues(body, context).get('followers_count');
    if (followers === undefined) throw shapeError(context, 'followers_count missing');
    return { followers, fetchedAt: (ctx.now?.() ?? new Date()).toISOString() };
  }

  // ---------------------------------------------------------------- helpers

  /** The account in the credentials; a token past its recorded expiry is not sent (AUTH_EXPIRED at once). */
  private account(credentials: Credentials, checkExpiry: boolean, ctx?: ConnectorContext): Account {
    const accessToken = credentials?.secrets?.accessToken;
    const userId = credentials?.secrets?.userId;
    if (typeof accessToken !== 'string' || !accessToken || typeof userId !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(userId)) {
      throw new ConnectorError('AUTH_EXPIRED', 'Threads: the credentials hold no access token or user id: reconnect the account');
    }
    if (checkExpiry && credentials.expiresAt) {
      const expires = Date.parse(credentials.expiresAt);
      const now = (ctx?.now?.() ?? new Date()).getTime();
      if (!Number.isNaN(expires) && expires <= now) {
        throw new ConnectorError('AUTH_EXPIRED', `Threads: the access token expired at ${new Date(expires).toISOString()}`);
      }
    }
    return { serviceUrl: serviceOrigin(credentials.serviceUrl?.trim() ? credentials.serviceUrl : THREADS_GRAPH_URL), accessToken, userId };
  }

  /**
   * One post: a container (TEXT, IMAGE, VIDEO, or a CAROUSEL of item containers), its status until FINISHED, its
   * publication, its permalink (https://developers.facebook.com/docs/threads/posts).
   */
  private async publishOne(ctx: ConnectorContext, account: Account, part: Part, replyToId: string | undefined, context: string) {
    const text = part.text;
    let params: Record<string, string | undefined>;
    if (part.media.length === 0) {
      params = { media_type: 'TEXT', text, reply_to_id: replyToId };
    } else if (part.media.length === 1) {
      params = { ...mediaParams(part.media[0]), text: text || undefined, reply_to_id: replyToId };
    } else {
      // A carousel: each item is a container of its own (is_carousel_item), FINISHED before the carousel names it.
      const children: string[] = [];
      for (const [index, item] of part.media.entries()) {
        const itemContext = `${context} (carousel item ${index + 1})`;
        const itemId = await this.createContainer(ctx, account, { ...mediaParams(item), is_carousel_item: 'true' }, itemContext);
        await this.waitForContainer(ctx, account, itemId, itemContext);
        children.push(itemId);
      }
      params = { media_type: 'CAROUSEL', children: children.join(','), text: text || undefined, reply_to_id: replyToId };
    }
    const containerId = await this.createContainer(ctx, account, params, context);
    await this.waitForContainer(ctx, account, containerId, context);
    const publishContext = `${context} (publish container)`;
    const published = record(
      await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(account.serviceUrl, `${account.userId}/threads_publish`),
          ...form({ creation_id: containerId, access_token: account.accessToken }),
        },
        publishContext,
      ),
      publishContext,
    );
    const externalId = idOf(published.id, publishContext);
    const linkContext = `${context} (permalink)`;
    const media = record(
      await callJson(
        ctx,
        { method: 'GET', url: apiUrl(account.serviceUrl, externalId, { fields: 'permalink', access_token: account.accessToken }) },
        linkContext,
      ),
      linkContext,
    );
    return { externalId, url: httpUrl(media.permalink, linkContext, 'permalink') };
  }

  /** POST /{user-id}/threads: a container's id. */
  private async createContainer(
    ctx: ConnectorContext,
    account: Account,
    params: Record<string, string | undefined>,
    context: string,
  ): Promise<string> {
    const createContext = `${context} (create container)`;
    const created = record(
      await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(account.serviceUrl, `${account.userId}/threads`),
          ...form({ ...params, access_token: account.accessToken }),
        },
        createContext,
      ),
      createContext,
    );
    return idOf(created.id, createContext);
  }

  /**
   * GET /{container-id}?fields=status,error_message until FINISHED; ERROR and EXPIRED are REJECTED with Threads'
   * message; still IN_PROGRESS after the configured wait is TRANSIENT
   * (https://developers.facebook.com/docs/threads/troubleshooting#publishing-does-not-return-a-media-id).
   */
  private async waitForContainer(ctx: ConnectorContext, account: Account, containerId: string, context: string): Promise<void> {
    const statusContext = `${context} (container status)`;
    const started = Date.now();
    for (;;) {
      const body = record(
        await callJson(
          ctx,
          {
            method: 'GET',
            url: apiUrl(account.serviceUrl, containerId, { fields: 'status,error_message', access_token: account.accessToken }),
          },
          statusContext,
        ),
        statusContext,
      );
      const status = stringOf(body.status, statusContext, 'status');
      if (status === 'FINISHED') return;
      if (status === 'ERROR' || status === 'EXPIRED') {
        const reason = optionalString(body.error_message) ?? status;
        throw new ConnectorError('REJECTED', `${statusContext}: the container ended in ${status}: ${reason.slice(0, 300)}`, {
          networkReason: reason.slice(0, 300),
        });
      }
      if (status === 'PUBLISHED') throw new ConnectorError('REJECTED', `${statusContext}: the container was already published`);
      if (status !== 'IN_PROGRESS') throw shapeError(statusContext, `unknown status ${status.slice(0, 40)}`);
      if (Date.now() - started + this.pollIntervalMs > this.maxWaitMs) {
        throw new ConnectorError(
          'TRANSIENT',
          `${statusContext}: the container was still IN_PROGRESS after ${this.maxWaitMs} ms; publishing it later may succeed`,
        );
      }
      await sleep(this.pollIntervalMs);
    }
  }

  /** The account's own posts or replies since `since` (seconds), newest first, at most `findMaxPages` pages. */
  private async ownPosts(ctx: ConnectorContext, account: Account, edge: 'threads' | 'replies', since: number | undefined) {
    const context = `Threads findPublished (GET /{user-id}/${edge})`;
    const out: Array<{ id: string; text: string; permalink: string; repliedTo?: string; mediaType?: string }> = [];
    let after: string | undefined;
    for (let page = 0; page < this.findMaxPages; page++) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, `${account.userId}/${edge}`, {
            fields: 'id,text,timestamp,permalink,replied_to,media_type',
            since: since === undefined ? undefined : String(since),
            limit: '100',
            after,
            access_token: account.accessToken,
          }),
        },
        context,
      );
      const list = listOf(body, context);
      for (const item of list.data) {
        const post = record(item, context, 'a post object');
        out.push({
          id: idOf(post.id, context),
          text: typeof post.text === 'string' ? post.text : '',
          permalink: httpUrl(post.permalink, context, 'permalink'),
          repliedTo: isRecord(post.replied_to) ? optionalString(post.replied_to.id) : undefined,
          mediaType: optionalString(post.media_type),
        });
      }
      if (!list.hasNext || !list.after) return out;
      after = list.after;
    }
    throw new ConnectorError(
      'UNKNOWN',
      `${context}: more than ${this.findMaxPages * 100} posts since the first attempt; cannot tell whether it was published`,
    );
  }

  private remember(key: string, progress: Progress): void {
    this.published.set(key, progress);
    if (this.published.size > REMEMBERED_KEYS) {
      const oldest = this.published.keys().next().value;
      if (oldest !== undefined) this.published.delete(oldest);
    }
  }

  private result(progress: Progress): PublishedPost {
    return progress.threadIds.length > 0
      ? { externalId: progress.externalId, url: progress.url, threadIds: [...progress.threadIds] }
      : { externalId: progress.externalId, url: progress.url };
  }
}

/**
 * REJECTED before any request when an attachment cannot be given to Threads: Threads takes media by URL only,
 * so each needs the public address the platform gives (`MediaAttachment.url`), and a type Threads takes.
 */
function checkMedia(media: MediaAttachment[], where: string): void {
  media.forEach((item, index) => {
    const what = `Threads publish: ${where}attachment ${index + 1}`;
    const type = String(item?.mimeType ?? '').toLowerCase();
    if (!THREADS_IMAGE_TYPES.includes(type) && !THREADS_VIDEO_TYPES.includes(type)) {
      throw new ConnectorError('REJECTED', `${what} is ${type || 'of unknown type'}; Threads takes JPEG, PNG, MP4 and MOV`, {
        networkReason: 'media.type',
      });
    }
    let url: URL | undefined;
    try {
      url = item.url ? new URL(item.url) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new ConnectorError(
        'REJECTED',
        `${what} has no public http(s) URL: Threads fetches media itself, so the platform must give each file by URL (media.delivery 'url')`,
        { networkReason: 'media.url' },
      );
    }
  });
}

/**
 * The container parameters of one attachment: `media_type` IMAGE with `image_url`, or VIDEO with `video_url`
 * (https://developers.facebook.com/docs/threads/posts), and `alt_text` when given
 * (https://developers.facebook.com/docs/threads/posts/accessibility).
 */
function mediaParams(item: MediaAttachment): Record<string, string | undefined> {
  const video = THREADS_VIDEO_TYPES.includes(item.mimeType.toLowerCase());
  return {
    media_type: video ? 'VIDEO' : 'IMAGE',
    [video ? 'video_url' : 'image_url']: item.url,
    alt_text: item.altText?.trim() || undefined,
  };
}

/**
 * Whether a post's `media_type` (https://developers.facebook.com/docs/threads/threads-media: TEXT_POST, IMAGE,
 * VIDEO, CAROUSEL_ALBUM, …) is what these attachments make. Unknown when Threads does not say: then it matches.
 */
function sameKind(mediaType: string | undefined, media: MediaAttachment[] | undefined): boolean {
  if (!mediaType) return true;
  const items = media ?? [];
  if (items.length === 0) return mediaType === 'TEXT_POST';
  if (items.length > 1) return mediaType === 'CAROUSEL_ALBUM';
  return mediaType === (THREADS_VIDEO_TYPES.includes(String(items[0].mimeType).toLowerCase()) ? 'VIDEO' : 'IMAGE');
}

/** An external id as a path segment: refused when it could reach another path. */
function encodeId(id: string): string {
  if (typeof id !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(id)) {
    throw new ConnectorError('REJECTED', `Threads: ${JSON.stringify(String(id).slice(0, 70))} is not a Threads media id`);
  }
  return id;
}

/** A Threads media object as a mention (https://developers.facebook.com/docs/threads/threads-media). */
function mentionOf(value: unknown, context: string): Mention {
  const item = record(value, context, 'a media object');
  const mention: Mention = {
    externalId: idOf(item.id, context),
    url: httpUrl(item.permalink, context, 'permalink'),
    authorHandle: optionalString(item.username) ?? '',
    text: typeof item.text === 'string' ? item.text : '',
    publishedAt: dateOf(item.timestamp, context, 'timestamp'),
  };
  const repliedTo = isRecord(item.replied_to) ? optionalString(item.replied_to.id) : undefined;
  if (repliedTo) mention.inReplyTo = repliedTo;
  return mention;
}

/** `{ data: [{ name, values: [{ value }] } | { name, total_value: { value } }] }` as name -> value. */
function insightValues(body: unknown, context: string): Map<string, number> {
  const list = listOf(body, context);
  const values = new Map<string, number>();
  for (const entry of list.data) {
    const metric = record(entry, context, 'an insight object');
    const name = stringOf(metric.name, context, 'name');
    let value: unknown;
    if (isRecord(metric.total_value)) value = metric.total_value.value;
    else if (Array.isArray(metric.values) && metric.values.length > 0 && isRecord(metric.values[0])) value = metric.values[0].value;
    values.set(name, count(value, context, `metric ${name}`));
  }
  return values;
}

function encodeSearchCursor(until: number, seen: string[]): string {
  return `${SEARCH_CURSOR}${Buffer.from(JSON.stringify({ until, seen }), 'utf8').toString('base64url')}`;
}

function decodeSearchCursor(cursor: string): { until: number; seen: string[] } {
  const bad = () => new ConnectorError('REJECTED', 'Threads keyword search: the cursor is not a search cursor');
  if (!cursor.startsWith(SEARCH_CURSOR) || cursor.length > 8192) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor.slice(SEARCH_CURSOR.length), 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!isRecord(parsed) || typeof parsed.until !== 'number' || !Number.isSafeInteger(parsed.until) || !Array.isArray(parsed.seen))
    throw bad();
  const seen = parsed.seen.filter((id): id is string => typeof id === 'string').slice(0, 100);
  return { until: parsed.until, seen };
}
