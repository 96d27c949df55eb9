/**
 * The Instagram connector: the Instagram API with Facebook Login (https://developers.facebook.com/docs/instagram-platform),
 * for Instagram professional (business or creator) accounts linked to a Facebook Page.
 *
 * A Meta user authorises the platform's app with Facebook Login; the connector lists the Instagram accounts of the Pages
 * the user manages (GET /me/accounts) and every operation then runs as one of them, with the user's long-lived token.
 * Publishing is container-based: Instagram fetches each file from the public address the platform gives
 * (`MediaAttachment.url`), the container is polled until FINISHED, then published. Instagram has no idempotency key: the
 * connector remembers, per process, the keys it published, and `findPublished` reads the account's recent media back
 * and matches their caption.
 */
import {
  AccountMetrics,
  AccountTarget,
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorError,
  ConnectorOAuth,
  Credentials,
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
  graphErrorOf,
  httpUrl,
  ID,
  idOf,
  INSTAGRAM_API_VERSION,
  INSTAGRAM_DIALOG_HOST,
  INSTAGRAM_GRAPH_URL,
  isRecord,
  listOf,
  optionalString,
  QUOTA_RETRY_SECONDS,
  readJson,
  record,
  serviceOrigin,
  shapeError,
  sleep,
  stringOf,
  graph,
} from './api';
import { facebookLogin, FacebookLogin } from '@socle/meta-graph';
import {
  INSTAGRAM_IMAGE_MAX_BYTES,
  INSTAGRAM_IMAGE_TYPES,
  INSTAGRAM_MAX_HASHTAGS,
  INSTAGRAM_MAX_MENTIONS,
  INSTAGRAM_VIDEO_TYPES,
  instagramManifest,
} from './manifest';

/**
 * Permissions asked for (https://developers.facebook.com/docs/permissions): the account's profile and media, publishing,
 * comments (read, answer), insights, and the Pages the person manages with their engagement (to find the linked accounts).
 */
export const INSTAGRAM_SCOPES = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'pages_show_list',
  'pages_read_engagement',
] as const;

export interface InstagramConnectorOptions {
  /** The platform's Meta app id (app dashboard). */
  clientId?: string;
  /** The platform's Meta app secret. */
  clientSecret?: string;
  /** The Graph API version called, e.g. `v21.0` (https://developers.facebook.com/docs/graph-api/guides/versioning). */
  apiVersion?: string;
  /** Between two reads of a container's status. Default 3000 ms. */
  containerPollIntervalMs?: number;
  /** Reads of a container's status before a publish still IN_PROGRESS gives up (TRANSIENT). Default 40. */
  containerMaxPolls?: number;
  /** Pages of 100 media `findPublished` reads back at most before it says it cannot tell. Default 10. */
  findPublishedMaxPages?: number;
  /** Pages of 100 Pages `listTargets` reads at most. Default 20. */
  listTargetsMaxPages?: number;
}

const DEFAULT_PAGE = 25;
/** Keys remembered per connector instance (oldest forgotten first). */
const REMEMBERED_KEYS = 2000;
const MEDIA_FIELDS = 'id,caption,timestamp,permalink,username,media_type';
const COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';
const TAGS_CURSOR = 't:';
const SEARCH_CURSOR = 'h:';
/** Hashtags an account may query in a moving 7 days (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search). */
const HASHTAG_QUERIES_PER_WEEK = 30;
/** A hashtag as Instagram searches it: letters, digits and underscores, no emoji. */
const HASHTAG_WORD = /^[\p{L}\p{N}_]{1,100}$/u;
/** Hashtags and @-mentions in a caption (linear: one pass, no nested quantifier). */
const HASHTAG = /#[\p{L}\p{N}_]+/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_.@])@[A-Za-z0-9._]{1,30}/gu;

interface Account {
  serviceUrl: string;
  igUserId: string;
  accessToken: string;
}

export class InstagramConnector implements Connector {
  readonly manifest = instagramManifest;
  private readonly clientId?: string;
  private readonly clientSecret?: string;
  /** Facebook Login: the dialog and the exchange of its code for a long-lived user token. */
  private readonly login: FacebookLogin;
  private readonly version: string;
  private readonly pollIntervalMs: number;
  private readonly maxPolls: number;
  private readonly findMaxPages: number;
  private readonly targetsMaxPages: number;
  /** What each idempotency key published, per account: a retry returns it. */
  private readonly published = new Map<string, PublishedPost>();
  private readonly running = new Map<string, Promise<PublishedPost>>();

  constructor(options: InstagramConnectorOptions = {}) {
    this.clientId = options.clientId?.trim() || undefined;
    this.clientSecret = options.clientSecret?.trim() || undefined;
    const version = options.apiVersion?.trim() || INSTAGRAM_API_VERSION;
    if (!/^v\d{1,3}\.\d{1,3}$/.test(version)) {
      throw new ConnectorError('REJECTED', `Instagram: the API version ${JSON.stringify(version.slice(0, 20))} is not of the form v21.0`);
    }
    this.version = version;
    this.login = facebookLogin({
      network: 'Instagram',
      graph,
      graphUrl: INSTAGRAM_GRAPH_URL,
      dialogHost: INSTAGRAM_DIALOG_HOST,
      version,
      scopes: INSTAGRAM_SCOPES,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
    });
    this.pollIntervalMs = Math.max(0, options.containerPollIntervalMs ?? 3000);
    this.maxPolls = Math.max(1, Math.floor(options.containerMaxPolls ?? 40));
    this.findMaxPages = Math.max(1, options.findPublishedMaxPages ?? 10);
    this.targetsMaxPages = Math.max(1, options.listTargetsMaxPages ?? 20);
  }

  // ---------------------------------------------------------------- OAuth

  /**
   * Facebook Login's dialog (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
   * www.facebook.com/{version}/dialog/oauth in production, the service itself elsewhere (a test server serves both).
   */
  readonly oauth: ConnectorOAuth = {
    start: async (_ctx: ConnectorContext, input: OAuthStartInput): Promise<OAuthStartResult> => this.login.start(input),
  };

  /**
   * `fields.code`: exchanged for a short-lived user token (GET /oauth/access_token with the code,
   * https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm), then for a long-lived one
   * (grant_type=fb_exchange_token, about 60 days, https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
   * `fields.accessToken`: a long-lived user token made elsewhere.
   *
   * When the user reaches exactly one Instagram account, the credentials are bound to it at once; otherwise they are the
   * user's, and the platform picks the account through `listTargets`.
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const { serviceUrl, accessToken, expiresAt } = await this.login.userToken(ctx, input);
    const user: Credentials = { serviceUrl, secrets: { accessToken }, ...(expiresAt ? { expiresAt } : {}) };
    const targets = await this.listTargets(ctx, user);
    return targets.length === 1 ? targets[0].credentials : user;
  }

  // ---------------------------------------------------------------- targets

  /**
   * GET /me/accounts?fields=id,name,instagram_business_account{id,username,name}
   * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/get-started), paged by cursors:
   * one target per Page with a linked Instagram professional account; Pages without one are left out. The Instagram API
   * with Facebook Login runs with the user's token: each target's credentials carry it beside the account's id.
   */
  async listTargets(ctx: ConnectorContext, credentials: Credentials): Promise<AccountTarget[]> {
    const serviceUrl = serviceOrigin(credentials?.serviceUrl?.trim() ? credentials.serviceUrl : INSTAGRAM_GRAPH_URL);
    const accessToken = credentials?.secrets?.accessToken;
    if (typeof accessToken !== 'string' || !accessToken) {
      throw new ConnectorError('AUTH_EXPIRED', 'Instagram: the credentials hold no user access token: reconnect the account');
    }
    this.checkExpiry(credentials, ctx);
    const context = 'Instagram accounts (GET /me/accounts)';
    const targets: AccountTarget[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    for (let round = 0; round < this.targetsMaxPages; round++) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(serviceUrl, this.version, 'me/accounts', {
            fields: 'id,name,instagram_business_account{id,username,name}',
            limit: '100',
            after,
            access_token: accessToken,
          }),
        },
        context,
      );
      const list = listOf(body, context);
      for (const item of list.data) {
        const page = record(item, context, 'a page object');
        if (page.instagram_business_account === undefined) continue;
        const account = record(page.instagram_business_account, context, 'instagram_business_account');
        const id = idOf(account.id, context, 'instagram_business_account.id');
        if (seen.has(id)) continue;
        seen.add(id);
        const pageId = idOf(page.id, context, 'page id');
        const username = optionalString(account.username)?.slice(0, 100);
        const name = (optionalString(account.name) ?? username ?? optionalString(page.name) ?? id).slice(0, 300);
        const target: AccountTarget = {
          id,
          kind: 'profile',
          name,
          credentials: {
            serviceUrl,
            secrets: { igUserId: id, accessToken, pageId, displayName: name, ...(username ? { username } : {}) },
            ...(credentials.expiresAt ? { expiresAt: credentials.expiresAt } : {}),
          },
        };
        if (username && /^[A-Za-z0-9._]{1,30}$/.test(username)) {
          target.handle = username;
          target.url = `https://www.instagram.com/${username}/`;
        }
        targets.push(target);
      }
      if (!list.hasNext || !list.after) return targets;
      after = list.after;
    }
    return targets;
  }

  // ---------------------------------------------------------------- validate

  validate(variant: Variant): Violation[] {
    const violations = validateVariant(this.manifest, variant);
    const media: MediaAttachment[] = Array.isArray(variant?.media) ? variant.media : [];
    if (media.length === 0) {
      violations.push({
        rule: 'media.required',
        path: 'media',
        message: 'Instagram takes no text-only post: add a JPEG image, a video, or 2 to 10 of them (a carousel).',
      });
    }
    const text = typeof variant?.text === 'string' ? variant.text : '';
    const hashtags = text.match(HASHTAG)?.length ?? 0;
    if (hashtags > INSTAGRAM_MAX_HASHTAGS) {
      violations.push({
        rule: 'text.hashtags',
        path: 'text',
        message: `The caption has ${hashtags} hashtags; Instagram allows ${INSTAGRAM_MAX_HASHTAGS}. Remove ${hashtags - INSTAGRAM_MAX_HASHTAGS}.`,
      });
    }
    const mentions = text.match(MENTION)?.length ?? 0;
    if (mentions > INSTAGRAM_MAX_MENTIONS) {
      violations.push({
        rule: 'text.mentions',
        path: 'text',
        message: `The caption mentions ${mentions} accounts (@); Instagram allows ${INSTAGRAM_MAX_MENTIONS}. Remove ${mentions - INSTAGRAM_MAX_MENTIONS}.`,
      });
    }
    media.forEach((item, index) => {
      const type = String(item?.mimeType ?? '').toLowerCase();
      const size = mediaSize(item);
      if (INSTAGRAM_IMAGE_TYPES.includes(type) && size > INSTAGRAM_IMAGE_MAX_BYTES) {
        violations.push({
          rule: 'media.too-large',
          path: `media[${index}]`,
          message: `The image takes ${size} bytes; Instagram takes JPEG images of 8 MiB at most.`,
        });
      }
      if (INSTAGRAM_VIDEO_TYPES.includes(type) && item?.altText) {
        violations.push({
          rule: 'media.alt-text',
          path: `media[${index}].altText`,
          message: 'Instagram takes alternative text for images only, not for videos or Reels: remove it.',
        });
      }
    });
    return violations;
  }

  // ---------------------------------------------------------------- publishing

  /**
   * One image: POST /{ig-user-id}/media with `image_url`, `caption`, `alt_text`; one video: `media_type=REELS` with
   * `video_url`; 2–10 items: a child container each (`is_carousel_item=true`), then a CAROUSEL container with `children`
   * (https://developers.facebook.com/docs/instagram-platform/content-publishing). Each container is polled until FINISHED,
   * then POST /{ig-user-id}/media_publish with `creation_id`, then the permalink is read. The account's publishing quota
   * is read first (GET /{ig-user-id}/content_publishing_limit): a full quota is RATE_LIMITED before any container.
   */
  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const account = this.account(credentials, ctx);
    const variant = request.variant;
    if (request.inReplyTo) return this.reply(ctx, credentials, request.inReplyTo, variant, request.idempotencyKey);
    if ((variant.thread?.length ?? 0) > 0) {
      throw new ConnectorError('REJECTED', 'Instagram: a post has no thread parts (publish them as separate posts)');
    }
    const media = this.mediaOf(variant);
    const memoryKey = `${account.serviceUrl}\n${account.igUserId}\n\n${request.idempotencyKey}`;
    return this.once(memoryKey, async () => {
      await this.checkQuota(ctx, account);
      const context = 'Instagram publish';
      let containerId: string;
      if (media.length === 1) {
        containerId = await this.createContainer(ctx, account, media[0], { caption: variant.text }, `${context} (create container)`);
      } else {
        const children: string[] = [];
        for (const [index, item] of media.entries()) {
          const child = await this.createContainer(
            ctx,
            account,
            item,
            { is_carousel_item: 'true' },
            `${context} (create carousel item ${index + 1})`,
          );
          await this.waitForContainer(ctx, account, child, `${context} (carousel item ${index + 1})`);
          children.push(child);
        }
        const carouselContext = `${context} (create carousel container)`;
        const created = record(
          await callJson(
            ctx,
            {
              method: 'POST',
              url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/media`),
              ...form({ media_type: 'CAROUSEL', children: children.join(','), caption: variant.text, access_token: account.accessToken }),
            },
            carouselContext,
          ),
          carouselContext,
        );
        containerId = idOf(created.id, carouselContext, 'container id');
      }
      await this.waitForContainer(ctx, account, containerId, context);
      const publishContext = `${context} (POST /{ig-user-id}/media_publish)`;
      const published = record(
        await callJson(
          ctx,
          {
            method: 'POST',
            url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/media_publish`),
            ...form({ creation_id: containerId, access_token: account.accessToken }),
          },
          publishContext,
        ),
        publishContext,
      );
      const externalId = idOf(published.id, publishContext, 'media id');
      return { externalId, url: await this.permalink(ctx, account, externalId, `${context} (permalink)`) };
    });
  }

  /**
   * A comment on one of the account's media (POST /{ig-media-id}/comments,
   * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments), or a reply to a
   * comment (POST /{ig-comment-id}/replies, https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies).
   * Which one `externalId` is comes from the object itself: GET /{id}?fields=id,permalink answers for media; for a
   * comment Meta answers error 100 (no such field on the node), and the comment's media is read instead. Text only:
   * Instagram comments carry no media, so attachments are left out (with a warning in the log).
   */
  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    const account = this.account(credentials, ctx);
    const id = encodeId(externalId);
    // Instagram comments carry text only: the media of the variant (written for a post) are left out, and said so.
    if ((variant.media?.length ?? 0) > 0) {
      ctx.logger?.warn('Instagram reply: comments carry text only; the attachments of the variant are not sent', {
        attachments: variant.media?.length,
      });
    }
    if (!variant.text?.trim()) throw new ConnectorError('REJECTED', 'Instagram: a comment needs text');
    const memoryKey = `${account.serviceUrl}\n${account.igUserId}\n${id}\n${idempotencyKey}`;
    return this.once(memoryKey, async () => {
      const target = await this.replyTarget(ctx, account, id);
      const context =
        target.kind === 'media' ? 'Instagram reply (POST /{ig-media-id}/comments)' : 'Instagram reply (POST /{ig-comment-id}/replies)';
      const created = record(
        await callJson(
          ctx,
          {
            method: 'POST',
            url: apiUrl(account.serviceUrl, this.version, `${id}/${target.kind === 'media' ? 'comments' : 'replies'}`),
            ...form({ message: variant.text, access_token: account.accessToken }),
          },
          context,
        ),
        context,
      );
      const commentId = idOf(created.id, context, 'comment id');
      return { externalId: commentId, url: commentUrl(target.permalink, commentId) };
    });
  }

  private async replyTarget(
    ctx: ConnectorContext,
    account: Account,
    id: string,
  ): Promise<{ kind: 'media' | 'comment'; permalink: string }> {
    const context = 'Instagram reply (GET /{id}?fields=permalink)';
    const response = await ctx.http.request({
      method: 'GET',
      url: apiUrl(account.serviceUrl, this.version, id, { fields: 'id,permalink', access_token: account.accessToken }),
    });
    const graph = response.status === 400 ? graphErrorOf(response) : undefined;
    if (graph?.code === 100 && /nonexisting field/i.test(graph.message ?? '')) {
      const commentContext = 'Instagram reply (GET /{ig-comment-id}?fields=media)';
      const comment = record(
        await callJson(
          ctx,
          {
            method: 'GET',
            url: apiUrl(account.serviceUrl, this.version, id, { fields: 'id,media{id,permalink}', access_token: account.accessToken }),
          },
          commentContext,
        ),
        commentContext,
      );
      const media = record(comment.media, commentContext, 'media');
      return { kind: 'comment', permalink: httpUrl(media.permalink, commentContext, 'media.permalink') };
    }
    const body = record(readJson(response, context, ctx.now?.() ?? new Date()), context);
    return { kind: 'media', permalink: httpUrl(body.permalink, context, 'permalink') };
  }

  /**
   * Reads the account's media since `publishedAfter` (GET /{ig-user-id}/media, newest first,
   * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media#reading) and matches
   * the caption: a content match, since Instagram keeps no key. A same-caption post made by other means in that window
   * would be taken for it.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const account = this.account(credentials, ctx);
    const after = request.publishedAfter ? Date.parse(request.publishedAfter) : undefined;
    if (after !== undefined && Number.isNaN(after))
      throw new ConnectorError('REJECTED', 'Instagram findPublished: publishedAfter is not a date');
    const wanted = (request.variant?.text ?? '').trim();
    const context = 'Instagram findPublished (GET /{ig-user-id}/media)';
    let match: PublishedPost | null = null;
    let cursor: string | undefined;
    for (let round = 0; round < this.findMaxPages; round++) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/media`, {
            fields: 'id,caption,timestamp,permalink',
            limit: '100',
            after: cursor,
            access_token: account.accessToken,
          }),
        },
        context,
      );
      const list = listOf(body, context);
      let reachedBefore = false;
      for (const item of list.data) {
        const media = record(item, context, 'a media object');
        const at = Date.parse(dateOf(media.timestamp, context, 'timestamp'));
        // Newest first: a media older than the first attempt ends the search.
        if (after !== undefined && at < after - 1000) {
          reachedBefore = true;
          break;
        }
        const caption = typeof media.caption === 'string' ? media.caption : '';
        // The earliest match (the list is newest first) is the first attempt's post.
        if (caption.trim() === wanted) {
          match = { externalId: idOf(media.id, context, 'media id'), url: httpUrl(media.permalink, context, 'permalink') };
        }
      }
      if (reachedBefore || !list.hasNext || !list.after) return match;
      cursor = list.after;
    }
    throw new ConnectorError(
      'UNKNOWN',
      `${context}: more than ${this.findMaxPages * 100} media since the first attempt; cannot tell whether it was published`,
    );
  }

  // ---------------------------------------------------------------- reading

  /**
   * Without keywords: media the account is tagged in, GET /{ig-user-id}/tags
   * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags). With a keyword: a
   * hashtag search (one hashtag per query, see `search`).
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const account = this.account(credentials, ctx);
    const limit = Math.min(Math.max(Math.floor(query.limit ?? DEFAULT_PAGE), 1), 50);
    const keywords = (query.keywords ?? []).map((word) => word.trim().replace(/^#/, '')).filter(Boolean);
    if (keywords.length > 0) return this.search(ctx, account, keywords, limit, query.cursor);
    let after: string | undefined;
    if (query.cursor !== undefined) {
      if (!query.cursor.startsWith(TAGS_CURSOR) || query.cursor.length > 2048) {
        throw new ConnectorError('REJECTED', 'Instagram mentions: the cursor is not a mentions cursor');
      }
      after = query.cursor.slice(TAGS_CURSOR.length);
    }
    const context = 'Instagram mentions (GET /{ig-user-id}/tags)';
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/tags`, {
          fields: MEDIA_FIELDS,
          limit: String(limit),
          after,
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.data.map((item) => mediaMention(item, context));
    return { items, cursor: list.hasNext && list.after ? `${TAGS_CURSOR}${list.after}` : undefined };
  }

  /**
   * Hashtag search (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search):
   * the hashtag's id (GET /ig_hashtag_search?user_id&q), then its recent media (GET /{hashtag-id}/recent_media, the last
   * 24 hours, 50 a page). An account may query 30 unique hashtags in a moving 7 days; a hashtag already queried does not
   * count again. So the account's recently searched hashtags are read first
   * (GET /{ig-user-id}/recently_searched_hashtags): a known hashtag is reused, and a new one when 30 are used is
   * RATE_LIMITED without spending a query. The cursor carries the hashtag id: later pages query nothing new.
   */
  private async search(ctx: ConnectorContext, account: Account, keywords: string[], limit: number, cursor?: string): Promise<MentionPage> {
    let hashtagId: string;
    let after: string | undefined;
    if (cursor !== undefined) {
      const match = /^h:([0-9A-Za-z_-]{1,64}):(.{0,2048})$/s.exec(cursor);
      if (!match) throw new ConnectorError('REJECTED', 'Instagram hashtag search: the cursor is not a search cursor');
      hashtagId = match[1];
      after = match[2] || undefined;
    } else {
      if (keywords.length !== 1 || !HASHTAG_WORD.test(keywords[0])) {
        throw new ConnectorError(
          'REJECTED',
          'Instagram searches one hashtag at a time (letters, digits and underscores, no spaces or emoji): give a single hashtag as the keyword',
        );
      }
      hashtagId = await this.hashtagId(ctx, account, keywords[0].toLowerCase());
    }
    const context = 'Instagram hashtag search (GET /{hashtag-id}/recent_media)';
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, this.version, `${hashtagId}/recent_media`, {
          user_id: account.igUserId,
          // `username` cannot be requested on hashtag media (limitations of the reference).
          fields: 'id,caption,timestamp,permalink,media_type',
          limit: String(limit),
          after,
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.data.map((item) => mediaMention(item, context));
    // The `after` cursor of this edge may stay the same from page to page; `next` says whether more exist.
    return { items, cursor: list.hasNext && list.after && items.length > 0 ? `${SEARCH_CURSOR}${hashtagId}:${list.after}` : undefined };
  }

  private async hashtagId(ctx: ConnectorContext, account: Account, hashtag: string): Promise<string> {
    const recentContext = 'Instagram hashtag search (GET /{ig-user-id}/recently_searched_hashtags)';
    const recent = listOf(
      await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/recently_searched_hashtags`, {
            fields: 'id,name',
            limit: String(HASHTAG_QUERIES_PER_WEEK),
            access_token: account.accessToken,
          }),
        },
        recentContext,
      ),
      recentContext,
    );
    for (const item of recent.data) {
      const entry = record(item, recentContext, 'a hashtag object');
      if (typeof entry.name === 'string' && entry.name.toLowerCase() === hashtag) return idOf(entry.id, recentContext, 'hashtag id');
    }
    if (recent.data.length >= HASHTAG_QUERIES_PER_WEEK) {
      throw new ConnectorError(
        'RATE_LIMITED',
        `Instagram hashtag search: the account has queried ${HASHTAG_QUERIES_PER_WEEK} unique hashtags in the last 7 days, the most Instagram allows; #${hashtag.slice(0, 100)} can be searched when the oldest query is 7 days old`,
        { retryAfterSeconds: 24 * 3600 },
      );
    }
    const context = 'Instagram hashtag search (GET /ig_hashtag_search)';
    const body = listOf(
      await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, this.version, 'ig_hashtag_search', {
            user_id: account.igUserId,
            q: hashtag,
            access_token: account.accessToken,
          }),
        },
        context,
      ),
      context,
    );
    if (body.data.length === 0) throw new ConnectorError('REJECTED', `${context}: Instagram knows no hashtag #${hashtag.slice(0, 100)}`);
    return idOf(record(body.data[0], context, 'a hashtag object').id, context, 'hashtag id');
  }

  /**
   * GET /{ig-media-id}/comments (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments),
   * top-level comments newest first, paged by cursors. Comments have no permalink of their own: their URL is the media's
   * permalink with the comment's id (`…/p/{shortcode}/c/{comment-id}/`), so the media's permalink is read first.
   */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const account = this.account(credentials, ctx);
    const id = encodeId(externalId);
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 2048)) {
      throw new ConnectorError('REJECTED', 'Instagram comments: the cursor is not an Instagram cursor');
    }
    const permalink = await this.permalink(ctx, account, id, 'Instagram comments (permalink of the media)');
    const context = 'Instagram comments (GET /{ig-media-id}/comments)';
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(account.serviceUrl, this.version, `${id}/comments`, {
          fields: COMMENT_FIELDS,
          limit: String(DEFAULT_PAGE),
          after: cursor,
          access_token: account.accessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.data.map((item) => commentMention(item, context, permalink, id));
    return { items, cursor: list.hasNext && list.after ? list.after : undefined };
  }

  /**
   * GET /{ig-media-id}/insights?metric=views,reach,likes,comments,shares,saved
   * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights; `impressions` and `plays`
   * are deprecated since v22.0, `views` replaces them). Likes, comments as replies, shares as reposts, views as impressions.
   * The API answers an empty set, not 0, for a metric not yet available (up to 48 hours): counted as 0.
   */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const account = this.account(credentials, ctx);
    const out: PostMetrics[] = [];
    const context = 'Instagram media insights (GET /{ig-media-id}/insights)';
    for (const externalId of externalIds) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, this.version, `${encodeId(externalId)}/insights`, {
            metric: 'views,reach,likes,comments,shares,saved',
            access_token: account.accessToken,
          }),
        },
        context,
      );
      const values = insightValues(body, context);
      out.push({
        externalId,
        likes: values.get('likes') ?? 0,
        replies: values.get('comments') ?? 0,
        reposts: values.get('shares') ?? 0,
        impressions: values.get('views'),
        fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
      });
    }
    return out;
  }

  /** GET /{ig-user-id}?fields=followers_count,follows_count,media_count (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user). */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const account = this.account(credentials, ctx);
    const context = 'Instagram account metrics (GET /{ig-user-id})';
    const body = record(
      await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, this.version, account.igUserId, {
            fields: 'followers_count,follows_count,media_count',
            access_token: account.accessToken,
          }),
        },
        context,
      ),
      context,
    );
    const metrics: AccountMetrics = {
      followers: count(body.followers_count, context, 'followers_count'),
      fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
    };
    if (body.follows_count !== undefined) metrics.following = count(body.follows_count, context, 'follows_count');
    if (body.media_count !== undefined) metrics.posts = count(body.media_count, context, 'media_count');
    return metrics;
  }

  // ---------------------------------------------------------------- helpers

  /** The attachments to publish, each with the public address Instagram fetches it from. */
  private mediaOf(variant: Variant): MediaAttachment[] {
    const media = Array.isArray(variant.media) ? variant.media : [];
    if (media.length === 0) throw new ConnectorError('REJECTED', 'Instagram takes no text-only post: add an image or a video');
    if (media.length > this.manifest.media.maxCount) {
      throw new ConnectorError('REJECTED', `Instagram: a carousel holds ${this.manifest.media.maxCount} items at most`);
    }
    media.forEach((item, index) => {
      const type = String(item?.mimeType ?? '').toLowerCase();
      if (!INSTAGRAM_IMAGE_TYPES.includes(type) && !INSTAGRAM_VIDEO_TYPES.includes(type)) {
        throw new ConnectorError(
          'REJECTED',
          `Instagram: media[${index}] is ${type.slice(0, 60) || 'of no type'}; Instagram takes JPEG images and MP4 or MOV videos`,
        );
      }
      if (typeof item.url !== 'string' || !/^https?:\/\/\S+$/.test(item.url)) {
        throw new ConnectorError(
          'REJECTED',
          `Instagram: media[${index}] has no public address; Instagram fetches each file itself (the manifest asks for media.delivery url)`,
        );
      }
      if (INSTAGRAM_IMAGE_TYPES.includes(type) && item.data instanceof Uint8Array && item.data.byteLength > 0) {
        const jpeg = item.data.byteLength >= 3 && item.data[0] === 0xff && item.data[1] === 0xd8 && item.data[2] === 0xff;
        if (!jpeg) throw new ConnectorError('REJECTED', `Instagram: media[${index}] is declared image/jpeg but is not a JPEG file`);
        if (item.data.byteLength > INSTAGRAM_IMAGE_MAX_BYTES) {
          throw new ConnectorError('REJECTED', `Instagram: media[${index}] takes more than 8 MiB; Instagram refuses larger images`);
        }
      }
    });
    return media;
  }

  private async createContainer(
    ctx: ConnectorContext,
    account: Account,
    item: MediaAttachment,
    extra: Record<string, string | undefined>,
    context: string,
  ): Promise<string> {
    const video = INSTAGRAM_VIDEO_TYPES.includes(item.mimeType.toLowerCase());
    const carouselItem = extra.is_carousel_item === 'true';
    const values: Record<string, string | undefined> = video
      ? // A single video is a Reel (feed videos are shared as Reels since July 2023); a carousel's video is VIDEO.
        { media_type: carouselItem ? 'VIDEO' : 'REELS', video_url: item.url, ...extra }
      : // alt_text: images only (added March 2025, https://developers.facebook.com/docs/instagram-platform/content-publishing).
        { image_url: item.url, alt_text: item.altText?.trim() ? item.altText.trim().slice(0, 1000) : undefined, ...extra };
    const body = record(
      await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/media`),
          ...form({ ...values, access_token: account.accessToken }),
        },
        context,
      ),
      context,
    );
    return idOf(body.id, context, 'container id');
  }

  /**
   * GET /{container-id}?fields=status_code,status until FINISHED
   * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container): ERROR and EXPIRED
   * are REJECTED with Instagram's `status` (the error's wording); still IN_PROGRESS after `containerMaxPolls` reads is
   * TRANSIENT (publishing later may succeed; the container lives 24 hours).
   */
  private async waitForContainer(ctx: ConnectorContext, account: Account, containerId: string, context: string): Promise<void> {
    const statusContext = `${context} (container status)`;
    for (let poll = 1; ; poll++) {
      const body = record(
        await callJson(
          ctx,
          {
            method: 'GET',
            url: apiUrl(account.serviceUrl, this.version, containerId, { fields: 'status_code,status', access_token: account.accessToken }),
          },
          statusContext,
        ),
        statusContext,
      );
      const status = stringOf(body.status_code, statusContext, 'status_code');
      if (status === 'FINISHED') return;
      if (status === 'ERROR' || status === 'EXPIRED') {
        const reason = (optionalString(body.status) ?? status).slice(0, 300);
        throw new ConnectorError('REJECTED', `${statusContext}: the container ended in ${status}: ${reason}`, { networkReason: reason });
      }
      if (status === 'PUBLISHED') throw new ConnectorError('REJECTED', `${statusContext}: the container was already published`);
      if (status !== 'IN_PROGRESS') throw shapeError(statusContext, `unknown status_code ${status.slice(0, 40)}`);
      if (poll >= this.maxPolls) {
        throw new ConnectorError(
          'TRANSIENT',
          `${statusContext}: the container was still IN_PROGRESS after ${poll} reads; publishing it later may succeed`,
        );
      }
      await sleep(this.pollIntervalMs);
    }
  }

  /**
   * GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config
   * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
   */
  private async checkQuota(ctx: ConnectorContext, account: Account): Promise<void> {
    const context = 'Instagram publish (GET /{ig-user-id}/content_publishing_limit)';
    const list = listOf(
      await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(account.serviceUrl, this.version, `${account.igUserId}/content_publishing_limit`, {
            fields: 'quota_usage,config',
            access_token: account.accessToken,
          }),
        },
        context,
      ),
      context,
    );
    if (list.data.length === 0) return;
    const entry = record(list.data[0], context, 'a publishing limit object');
    const usage = count(entry.quota_usage, context, 'quota_usage');
    const config = isRecord(entry.config) ? entry.config : undefined;
    const total = config?.quota_total === undefined ? undefined : count(config.quota_total, context, 'config.quota_total');
    if (total !== undefined && usage >= total) {
      throw new ConnectorError(
        'RATE_LIMITED',
        `${context}: the account published ${usage} posts through the API in the last 24 hours, Instagram's limit (${total})`,
        { retryAfterSeconds: QUOTA_RETRY_SECONDS },
      );
    }
  }

  /** GET /{ig-media-id}?fields=permalink (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media). */
  private async permalink(ctx: ConnectorContext, account: Account, id: string, context: string): Promise<string> {
    const body = record(
      await callJson(
        ctx,
        { method: 'GET', url: apiUrl(account.serviceUrl, this.version, id, { fields: 'permalink', access_token: account.accessToken }) },
        context,
      ),
      context,
    );
    return httpUrl(body.permalink, context, 'permalink');
  }

  /** Runs `work` once per key: a second call with the same key waits for the first and returns what it published. */
  private async once(memoryKey: string, work: () => Promise<PublishedPost>): Promise<PublishedPost> {
    const previous = this.running.get(memoryKey) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const done = this.published.get(memoryKey);
        if (done) return { ...done };
        const post = await work();
        this.remember(memoryKey, post);
        return { ...post };
      });
    this.running.set(memoryKey, run);
    try {
      return await run;
    } finally {
      if (this.running.get(memoryKey) === run) this.running.delete(memoryKey);
    }
  }

  /** The Instagram account the credentials are bound to; REJECTED when none is (pick one through listTargets). */
  private account(credentials: Credentials, ctx: ConnectorContext): Account {
    const secrets = credentials?.secrets ?? {};
    const { igUserId, accessToken } = secrets;
    if (typeof accessToken !== 'string' || !accessToken) {
      throw new ConnectorError('AUTH_EXPIRED', 'Instagram: the credentials hold no access token: reconnect the account');
    }
    if (typeof igUserId !== 'string' || !igUserId) {
      throw new ConnectorError(
        'REJECTED',
        'Instagram: no Instagram account is bound to these credentials: pick the account to publish as (listTargets) and connect it',
      );
    }
    if (!ID.test(igUserId)) throw new ConnectorError('REJECTED', 'Instagram: the bound account id is not a Graph id');
    this.checkExpiry(credentials, ctx);
    return {
      serviceUrl: serviceOrigin(credentials.serviceUrl?.trim() ? credentials.serviceUrl : INSTAGRAM_GRAPH_URL),
      igUserId,
      accessToken,
    };
  }

  private checkExpiry(credentials: Credentials, ctx?: ConnectorContext): void {
    if (!credentials.expiresAt) return;
    const expires = Date.parse(credentials.expiresAt);
    const now = (ctx?.now?.() ?? new Date()).getTime();
    if (!Number.isNaN(expires) && expires <= now) {
      throw new ConnectorError('AUTH_EXPIRED', `Instagram: the user access token expired at ${new Date(expires).toISOString()}: reconnect`);
    }
  }

  private remember(key: string, post: PublishedPost): void {
    this.published.set(key, post);
    if (this.published.size > REMEMBERED_KEYS) {
      const oldest = this.published.keys().next().value;
      if (oldest !== undefined) this.published.delete(oldest);
    }
  }
}

/** An external id as a path segment: refused when it could reach another path. */
function encodeId(id: string): string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new ConnectorError('REJECTED', `Instagram: ${JSON.stringify(String(id).slice(0, 70))} is not a Graph object id`);
  }
  return id;
}

/** A comment's address: the media's permalink with `c/{comment-id}/`. */
function commentUrl(permalink: string, commentId: string): string {
  return `${permalink.endsWith('/') ? permalink : `${permalink}/`}c/${commentId}/`;
}

/** A media object (tagged or hashtag media) as a mention (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media). */
function mediaMention(value: unknown, context: string): Mention {
  const item = record(value, context, 'a media object');
  return {
    externalId: idOf(item.id, context, 'media id'),
    url: httpUrl(item.permalink, context, 'permalink'),
    // Hashtag media never carry their author (limitations of /{hashtag-id}/recent_media).
    authorHandle: optionalString(item.username)?.slice(0, 100) ?? '',
    text: typeof item.caption === 'string' ? item.caption : '',
    publishedAt: dateOf(item.timestamp, context, 'timestamp'),
  };
}

/** A comment as a mention (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment). */
function commentMention(value: unknown, context: string, permalink: string, mediaId: string): Mention {
  const item = record(value, context, 'a comment object');
  const id = idOf(item.id, context, 'comment id');
  const from = isRecord(item.from) ? item.from : undefined;
  const mention: Mention = {
    externalId: id,
    url: commentUrl(permalink, id),
    authorHandle: (optionalString(item.username) ?? optionalString(from?.username) ?? '').slice(0, 100),
    text: typeof item.text === 'string' ? item.text : '',
    publishedAt: dateOf(item.timestamp, context, 'timestamp'),
    inReplyTo: optionalString(item.parent_id) ?? mediaId,
  };
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
