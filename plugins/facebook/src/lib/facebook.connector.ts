/**
 * The Facebook Pages connector (https://developers.facebook.com/docs/pages-api).
 *
 * A Meta user authorises the platform's app; the connector lists the Pages the user may publish on
 * (GET /me/accounts) and every operation then runs as one Page, with that Page's own access token. Photos go up
 * unpublished and are attached to a feed post; a video goes alone, through Meta's resumable upload.
 * Facebook has no idempotency key: the connector remembers, per process, the keys it published, and
 * `findPublished` reads the Page's recent posts back and matches their message.
 */
import { randomBytes } from 'node:crypto';
import {
  AccountMetrics,
  AccountTarget,
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorError,
  ConnectorOAuth,
  createHttpResponse,
  Credentials,
  FindPublishedRequest,
  HttpRequest,
  HttpResponse,
  MediaAttachment,
  mediaSize,
  Mention,
  MentionPage,
  MentionQuery,
  OAuthStartInput,
  OAuthStartResult,
  parseJson,
  PostMetrics,
  PublishedPost,
  PublishRequest,
  scannedJson,
  validateVariant,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import {
  apiUrl,
  callJson,
  count,
  dateOf,
  FACEBOOK_API_VERSION,
  FACEBOOK_DIALOG_HOST,
  FACEBOOK_GRAPH_URL,
  form,
  httpUrl,
  idOf,
  videoServiceUrl,
  isRecord,
  listOf,
  optionalString,
  record,
  serviceOrigin,
  shapeError,
  stringOf,
  videoResumeOffsets,
  facebookVideoError,
  graph,
} from './api';
import { facebookLogin, FacebookLogin } from '@socle/meta-graph';
import {
  facebookManifest,
  FACEBOOK_PHOTO_MAX_BYTES,
  FACEBOOK_PHOTO_TYPES,
  FACEBOOK_VIDEO_MIN_BYTES,
  FACEBOOK_VIDEO_TYPES,
} from './manifest';

/**
 * Permissions asked for (https://developers.facebook.com/docs/permissions): list the Pages, publish and delete,
 * read engagement and comments, answer comments, read posts that tag the Page, and Page insights.
 */
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_manage_engagement',
  'pages_read_user_content',
  'read_insights',
] as const;

/** Tasks that let a user publish as the Page (https://developers.facebook.com/docs/pages-api/overview#tasks). */
const PUBLISHING_TASKS = new Set(['CREATE_CONTENT', 'MANAGE']);

export interface FacebookConnectorOptions {
  /** The platform's Meta app id (app dashboard). */
  clientId?: string;
  /** The platform's Meta app secret. */
  clientSecret?: string;
  /** The Graph API version called, e.g. `v21.0` (https://developers.facebook.com/docs/graph-api/guides/versioning). */
  apiVersion?: string;
  /** Pages of 100 posts `findPublished` reads back at most before it says it cannot tell. Default 10. */
  findPublishedMaxPages?: number;
  /** Pages of 100 Pages `listTargets` reads at most. Default 20. */
  listTargetsMaxPages?: number;
  /**
   * Times one video upload resumes from the offsets Meta gives with an invalid-offset answer (subcode 1363037) before it
   * gives up (TRANSIENT). Default 3.
   */
  videoOffsetResumes?: number;
}

const DEFAULT_PAGE = 25;
const FACEBOOK_WEB_URL = 'https://www.facebook.com';
/** Keys remembered per connector instance (oldest forgotten first). */
const REMEMBERED_KEYS = 2000;
const ID = /^[0-9A-Za-z_-]{1,64}$/;
const POST_FIELDS = 'id,message,created_time,permalink_url,from{id,name}';
const COMMENT_FIELDS = 'id,message,created_time,permalink_url,from{id,name},parent{id}';

interface Page {
  serviceUrl: string;
  pageId: string;
  pageAccessToken: string;
}

export class FacebookConnector implements Connector {
  readonly manifest = facebookManifest;
  private readonly clientId?: string;
  private readonly clientSecret?: string;
  /** Facebook Login: the dialog and the exchange of its code for a long-lived user token. */
  private readonly login: FacebookLogin;
  private readonly version: string;
  private readonly findMaxPages: number;
  private readonly targetsMaxPages: number;
  private readonly videoOffsetResumes: number;
  /** What each idempotency key published, per Page: a retry returns it. */
  private readonly published = new Map<string, PublishedPost>();
  private readonly running = new Map<string, Promise<PublishedPost>>();

  constructor(options: FacebookConnectorOptions = {}) {
    this.clientId = options.clientId?.trim() || undefined;
    this.clientSecret = options.clientSecret?.trim() || undefined;
    const version = options.apiVersion?.trim() || FACEBOOK_API_VERSION;
    if (!/^v\d{1,3}\.\d{1,3}$/.test(version)) {
      throw new ConnectorError('REJECTED', `Facebook: the API version ${JSON.stringify(version.slice(0, 20))} is not of the form v21.0`);
    }
    this.version = version;
    this.login = facebookLogin({
      network: 'Facebook',
      graph,
      graphUrl: FACEBOOK_GRAPH_URL,
      dialogHost: FACEBOOK_DIALOG_HOST,
      version,
      scopes: FACEBOOK_SCOPES,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
    });
    this.findMaxPages = Math.max(1, options.findPublishedMaxPages ?? 10);
    this.targetsMaxPages = Math.max(1, options.listTargetsMaxPages ?? 20);
    this.videoOffsetResumes = Math.max(0, Math.floor(options.videoOffsetResumes ?? 3));
  }

  // ---------------------------------------------------------------- OAuth

  /**
   * The login dialog (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
   * www.facebook.com/{version}/dialog/oauth in production, the service itself elsewhere (a test server serves both).
   */
  readonly oauth: ConnectorOAuth = {
    start: async (_ctx: ConnectorContext, input: OAuthStartInput): Promise<OAuthStartResult> => this.login.start(input),
  };

  /**
   * `fields.code`: exchanged for a user token (GET /oauth/access_token with the code,
   * https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm), then for a long-lived one
   * (grant_type=fb_exchange_token, about 60 days, https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
   * `fields.accessToken`: a long-lived user token made elsewhere.
   *
   * When the user may publish on exactly one Page, the credentials are bound to it at once; otherwise they are the
   * user's, and the platform picks the Page through `listTargets`.
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const { serviceUrl, accessToken, expiresAt } = await this.login.userToken(ctx, input);
    const user: Credentials = { serviceUrl, secrets: { userAccessToken: accessToken }, ...(expiresAt ? { expiresAt } : {}) };
    const targets = await this.listTargets(ctx, user);
    return targets.length === 1 ? targets[0].credentials : user;
  }

  /**
   * A Page token obtained with a long-lived user token has no expiry
   * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived#long-lived-page-token), but it
   * dies with a password change, a removed role or a revoked app: the Page's token is read again with the user token
   * (GET /{page-id}?fields=access_token). A revoked user token answers 190 (subcodes 460/463/467): AUTH_EXPIRED, reconnect.
   */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const secrets = credentials?.secrets ?? {};
    const serviceUrl = serviceOrigin(credentials?.serviceUrl?.trim() ? credentials.serviceUrl : FACEBOOK_GRAPH_URL);
    const userAccessToken = secrets.userAccessToken;
    if (typeof userAccessToken !== 'string' || !userAccessToken) {
      throw new ConnectorError(
        'AUTH_EXPIRED',
        'Facebook: the credentials hold no user access token to refresh with: reconnect the account',
      );
    }
    this.checkExpiry(credentials, ctx);
    const pageId = secrets.pageId;
    if (typeof pageId !== 'string' || !ID.test(pageId)) return credentials;
    const context = 'Facebook token refresh (GET /{page-id}?fields=access_token)';
    const body = record(
      await callJson(
        ctx,
        { method: 'GET', url: apiUrl(serviceUrl, this.version, pageId, { fields: 'id,name,access_token', access_token: userAccessToken }) },
        context,
      ),
      context,
    );
    const pageAccessToken = stringOf(body.access_token, context, 'access_token');
    return { ...credentials, serviceUrl, secrets: { ...secrets, pageAccessToken } };
  }

  // ---------------------------------------------------------------- targets

  /**
   * GET /me/accounts (https://developers.facebook.com/docs/pages-api/overview#get-pages), paged by cursors: one target
   * per Page whose `tasks` let the user publish (CREATE_CONTENT or MANAGE); a Page the user can only analyse is left out.
   */
  async listTargets(ctx: ConnectorContext, credentials: Credentials): Promise<AccountTarget[]> {
    const serviceUrl = serviceOrigin(credentials?.serviceUrl?.trim() ? credentials.serviceUrl : FACEBOOK_GRAPH_URL);
    const userAccessToken = credentials?.secrets?.userAccessToken;
    if (typeof userAccessToken !== 'string' || !userAccessToken) {
      throw new ConnectorError('AUTH_EXPIRED', 'Facebook: the credentials hold no user access token: reconnect the account');
    }
    this.checkExpiry(credentials, ctx);
    const context = 'Facebook pages (GET /me/accounts)';
    const targets: AccountTarget[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    for (let round = 0; round < this.targetsMaxPages; round++) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(serviceUrl, this.version, 'me/accounts', {
            fields: 'id,name,access_token,tasks,link,username',
            limit: '100',
            after,
            access_token: userAccessToken,
          }),
        },
        context,
      );
      const list = listOf(body, context);
      for (const item of list.data) {
        const page = record(item, context, 'a page object');
        const tasks = Array.isArray(page.tasks) ? page.tasks.filter((task): task is string => typeof task === 'string') : [];
        if (!tasks.some((task) => PUBLISHING_TASKS.has(task))) continue;
        const id = idOf(page.id, context, 'page id');
        if (seen.has(id)) continue;
        seen.add(id);
        const name = stringOf(page.name, context, 'page name').slice(0, 300);
        const handle = optionalString(page.username)?.slice(0, 100);
        const link = optionalString(page.link);
        const target: AccountTarget = {
          id,
          kind: 'page',
          name,
          url: link && /^https?:\/\//.test(link) ? link : `https://www.facebook.com/${id}`,
          credentials: {
            serviceUrl,
            secrets: {
              pageId: id,
              pageAccessToken: stringOf(page.access_token, context, 'page access_token'),
              userAccessToken,
              displayName: name,
              ...(handle ? { handle } : {}),
            },
          },
        };
        if (handle) target.handle = handle;
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
    // The options' types and bounds are the manifest's (validateVariant); what they may not be together is checked here.
    const link = variant?.options?.link;
    if (link !== undefined && (variant?.media?.length ?? 0) > 0) {
      violations.push({
        rule: 'options.link',
        path: 'options.link',
        message: 'Facebook: a post carries either a link preview or media, not both; remove the link or the media',
      });
    }
    if (Array.isArray(variant?.media)) violations.push(...mediaViolations(variant.media));
    return violations;
  }

  // ---------------------------------------------------------------- publishing

  /**
   * Text (and a link): POST /{page-id}/feed (https://developers.facebook.com/docs/pages-api/posts). Photos: each is uploaded
   * unpublished (POST /{page-id}/photos, multipart `source`, published=false,
   * https://developers.facebook.com/docs/graph-api/reference/page/photos), then attached to the feed post through
   * `attached_media` (https://developers.facebook.com/docs/graph-api/reference/page/feed). A failed upload stops before the
   * post. A video goes alone through the resumable upload to POST /{page-id}/videos (see `video`); its external id is the
   * video's. `inReplyTo` makes it a comment (see `reply`).
   */
  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const page = this.page(credentials, ctx);
    const variant = request.variant;
    if ((variant.thread?.length ?? 0) > 0) {
      throw new ConnectorError('REJECTED', 'Facebook: a page post has no thread parts (publish them as separate posts or comments)');
    }
    const memoryKey = `${page.serviceUrl}\n${page.pageId}\n${request.inReplyTo ?? ''}\n${request.idempotencyKey}`;
    const previous = this.running.get(memoryKey) ?? Promise.resolve();
    const work = previous
      .catch(() => undefined)
      .then(async () => {
        const done = this.published.get(memoryKey);
        if (done) return { ...done };
        const post = request.inReplyTo ? await this.comment(ctx, page, request.inReplyTo, variant) : await this.post(ctx, page, variant);
        this.remember(memoryKey, post);
        return { ...post };
      });
    this.running.set(memoryKey, work);
    try {
      return await work;
    } finally {
      if (this.running.get(memoryKey) === work) this.running.delete(memoryKey);
    }
  }

  /** POST /{object-id}/comments as the Page (https://developers.facebook.com/docs/graph-api/reference/object/comments). */
  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    return this.publish(ctx, credentials, { variant: { ...variant, thread: undefined }, idempotencyKey, inReplyTo: externalId });
  }

  private async post(ctx: ConnectorContext, page: Page, variant: Variant): Promise<PublishedPost> {
    const media = variant.media ?? [];
    if (media.some(isVideo)) {
      if (media.length > 1) throw new ConnectorError('REJECTED', 'Facebook: a video is posted alone, without photos or another video');
      return this.video(ctx, page, variant, media[0]);
    }
    const photoIds: string[] = [];
    for (const [index, attachment] of media.entries()) {
      photoIds.push(await this.uploadPhoto(ctx, page, attachment, `Facebook publish (photo ${index + 1} upload)`));
    }
    const link = typeof variant.options?.link === 'string' ? variant.options.link : undefined;
    const values: Record<string, string | undefined> = { message: variant.text, link, access_token: page.pageAccessToken };
    photoIds.forEach((id, index) => (values[`attached_media[${index}]`] = JSON.stringify({ media_fbid: id })));
    const context = 'Facebook publish (POST /{page-id}/feed)';
    const created = record(
      await callJson(ctx, { method: 'POST', url: apiUrl(page.serviceUrl, this.version, `${page.pageId}/feed`), ...form(values) }, context),
      context,
    );
    const externalId = idOf(created.id, context, 'post id');
    return { externalId, url: await this.permalink(ctx, page, externalId, 'Facebook publish (permalink)') };
  }

  /**
   * A video on the Page, by Meta's resumable upload (https://developers.facebook.com/docs/graph-api/video-uploads,
   * https://developers.facebook.com/docs/video-api/guides/publishing): `POST /{page-id}/videos` with `upload_phase=start` and
   * `file_size` gives `upload_session_id`, `video_id` and the first `start_offset`/`end_offset`; each `upload_phase=transfer`
   * sends the bytes from `start_offset` to `end_offset` as the multipart `video_file_chunk` and gets the next pair, until
   * they are equal; `upload_phase=finish` with `description` (the text) and `title` publishes it. Meta sets the chunk sizes.
   *
   * Progress goes to `ctx.progress`: 0 before the first chunk, then the `start_offset` Meta answers each transfer with (the
   * bytes it holds). A chunk answered with an error fails the publish with the mapped error (5xx and timeouts TRANSIENT):
   * nothing is published without the finish phase. An invalid-offset answer (subcode 1363037) names the offsets to resume
   * from, and the video error page says to retry from them
   * (https://developers.facebook.com/docs/video-api/reference/error-codes): the upload goes on from there, at most
   * `videoOffsetResumes` times.
   */
  private async video(ctx: ConnectorContext, page: Page, variant: Variant, attachment: MediaAttachment): Promise<PublishedPost> {
    const mimeType = typeof attachment?.mimeType === 'string' ? attachment.mimeType.toLowerCase() : '';
    if (!(attachment?.data instanceof Uint8Array) || !FACEBOOK_VIDEO_TYPES.includes(mimeType)) {
      throw new ConnectorError('REJECTED', `Facebook video: only ${FACEBOOK_VIDEO_TYPES.join(', ')} videos are accepted`);
    }
    const data = attachment.data;
    const total = data.byteLength;
    const url = apiUrl(videoServiceUrl(page.serviceUrl), this.version, `${page.pageId}/videos`);
    const startContext = 'Facebook video (upload_phase=start)';
    const started = record(
      await this.videoCall(
        ctx,
        { method: 'POST', url, ...form({ upload_phase: 'start', file_size: String(total), access_token: page.pageAccessToken }) },
        startContext,
      ),
      startContext,
    );
    const sessionId = idOf(started.upload_session_id, startContext, 'upload_session_id');
    const videoId = idOf(started.video_id, startContext, 'video_id');
    let offsets = offsetsOf(started, total, startContext);
    const report = (sentBytes: number) => {
      try {
        ctx.progress?.({ media: 0, sentBytes, totalBytes: total });
      } catch {
        // The platform's display is not worth a failed publish.
      }
    };
    report(0);
    let resumes = 0;
    while (offsets.start < offsets.end) {
      const context = `Facebook video (upload_phase=transfer, bytes ${offsets.start}-${offsets.end - 1} of ${total})`;
      const response = await ctx.http.request({
        method: 'POST',
        url,
        ...multipartFile(
          {
            upload_phase: 'transfer',
            upload_session_id: sessionId,
            start_offset: String(offsets.start),
            access_token: page.pageAccessToken,
          },
          'video_file_chunk',
          mimeType,
          data.subarray(offsets.start, offsets.end),
        ),
      });
      const failure = errorAnswer(response);
      if (failure) {
        const resume = videoResumeOffsets(failure);
        if (resume && resume.end <= total && resumes < this.videoOffsetResumes) {
          resumes++;
          ctx.logger?.info('Facebook video upload resumed from the offsets Meta gave', { start: resume.start, end: resume.end, resumes });
          offsets = resume;
          continue;
        }
        throw facebookVideoError(failure, context, ctx.now?.() ?? new Date());
      }
      const next = offsetsOf(record(parseJson<unknown>(response, context), context), total, context);
      if (next.start <= offsets.start && next.start < total) throw shapeError(context, 'start_offset did not move forward');
      offsets = next;
      report(offsets.start);
    }
    const finishContext = 'Facebook video (upload_phase=finish)';
    const title = typeof variant.options?.title === 'string' ? variant.options.title : undefined;
    const finished = record(
      await this.videoCall(
        ctx,
        {
          method: 'POST',
          url,
          ...form({
            upload_phase: 'finish',
            upload_session_id: sessionId,
            description: variant.text,
            title,
            access_token: page.pageAccessToken,
          }),
        },
        finishContext,
      ),
      finishContext,
    );
    if (finished.success !== true) throw shapeError(finishContext, 'success is not true');
    return { externalId: videoId, url: await this.videoPermalink(ctx, page, videoId) };
  }

  private async videoCall(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<unknown> {
    const response = await ctx.http.request(request);
    const failure = errorAnswer(response);
    if (failure) throw facebookVideoError(failure, context, ctx.now?.() ?? new Date());
    return parseJson<unknown>(response, context);
  }

  /**
   * GET /{video-id}?fields=permalink_url (https://developers.facebook.com/docs/graph-api/reference/video). The field may come
   * as a path (`/{page}/videos/{id}/`): it is read against www.facebook.com.
   */
  private async videoPermalink(ctx: ConnectorContext, page: Page, videoId: string): Promise<string> {
    const context = 'Facebook video (permalink)';
    const body = record(
      await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(page.serviceUrl, this.version, videoId, { fields: 'permalink_url', access_token: page.pageAccessToken }),
        },
        context,
      ),
      context,
    );
    return videoUrl(body.permalink_url, context);
  }

  private async comment(ctx: ConnectorContext, page: Page, objectId: string, variant: Variant): Promise<PublishedPost> {
    const media = variant.media ?? [];
    if (media.length > 1) throw new ConnectorError('REJECTED', 'Facebook: a comment carries one photo at most');
    if (media.some(isVideo)) throw new ConnectorError('REJECTED', 'Facebook: a comment carries a photo, not a video');
    const context = 'Facebook reply (POST /{object-id}/comments)';
    const url = apiUrl(page.serviceUrl, this.version, `${encodeId(objectId)}/comments`);
    const request =
      media.length === 1
        ? { method: 'POST' as const, url, ...multipart({ message: variant.text, access_token: page.pageAccessToken }, media[0]) }
        : { method: 'POST' as const, url, ...form({ message: variant.text, access_token: page.pageAccessToken }) };
    const created = record(await callJson(ctx, request, context), context);
    const externalId = idOf(created.id, context, 'comment id');
    return { externalId, url: await this.permalink(ctx, page, externalId, 'Facebook reply (permalink)') };
  }

  private async uploadPhoto(ctx: ConnectorContext, page: Page, attachment: MediaAttachment, context: string): Promise<string> {
    if (!(attachment?.data instanceof Uint8Array) || !FACEBOOK_PHOTO_TYPES.includes(attachment.mimeType)) {
      throw new ConnectorError('REJECTED', `${context}: only ${FACEBOOK_PHOTO_TYPES.join(', ')} images are accepted`);
    }
    const body = record(
      await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(page.serviceUrl, this.version, `${page.pageId}/photos`),
          ...multipart({ published: 'false', access_token: page.pageAccessToken, alt_text_custom: attachment.altText }, attachment),
        },
        context,
      ),
      context,
    );
    return idOf(body.id, context, 'photo id');
  }

  /** GET /{id}?fields=permalink_url (https://developers.facebook.com/docs/graph-api/reference/post). */
  private async permalink(ctx: ConnectorContext, page: Page, id: string, context: string): Promise<string> {
    const body = record(
      await callJson(
        ctx,
        { method: 'GET', url: apiUrl(page.serviceUrl, this.version, id, { fields: 'permalink_url', access_token: page.pageAccessToken }) },
        context,
      ),
      context,
    );
    return httpUrl(body.permalink_url, context, 'permalink_url');
  }

  /**
   * Reads the Page's posts since `publishedAfter` (GET /{page-id}/posts, newest first,
   * https://developers.facebook.com/docs/graph-api/reference/page/feed) and matches the message. A same-text post made by
   * other means in that window would be taken for it: Facebook keeps no key to tell them apart.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const page = this.page(credentials, ctx);
    const since = request.publishedAfter ? Math.floor(Date.parse(request.publishedAfter) / 1000) : undefined;
    if (since !== undefined && Number.isNaN(since))
      throw new ConnectorError('REJECTED', 'Facebook findPublished: publishedAfter is not a date');
    const wanted = request.variant.text.trim();
    // A video is a Video object of the Page, its text the description (https://developers.facebook.com/docs/graph-api/reference/page/videos).
    const video = (request.variant.media ?? []).some(isVideo);
    const context = video ? 'Facebook findPublished (GET /{page-id}/videos)' : 'Facebook findPublished (GET /{page-id}/posts)';
    let match: PublishedPost | null = null;
    let after: string | undefined;
    for (let round = 0; round < this.findMaxPages; round++) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(page.serviceUrl, this.version, `${page.pageId}/${video ? 'videos' : 'posts'}`, {
            fields: video ? 'id,description,created_time,permalink_url' : 'id,message,created_time,permalink_url',
            since: since === undefined ? undefined : String(since),
            limit: '100',
            after,
            access_token: page.pageAccessToken,
          }),
        },
        context,
      );
      const list = listOf(body, context);
      for (const item of list.data) {
        const post = record(item, context, 'a post object');
        const text = video ? post.description : post.message;
        const message = typeof text === 'string' ? text : '';
        // The earliest match (the list is newest first) is the first attempt's post.
        if (message.trim() === wanted) {
          const externalId = idOf(post.id, context, video ? 'video id' : 'post id');
          match = {
            externalId,
            url: video ? videoUrl(post.permalink_url, context) : httpUrl(post.permalink_url, context, 'permalink_url'),
          };
        }
      }
      if (!list.hasNext || !list.after) return match;
      after = list.after;
    }
    throw new ConnectorError(
      'UNKNOWN',
      `${context}: more than ${this.findMaxPages * 100} posts since the first attempt; cannot tell whether it was published`,
    );
  }

  /** DELETE /{post-id} (https://developers.facebook.com/docs/pages-api/posts#delete-a-post). */
  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const page = this.page(credentials, ctx);
    const context = 'Facebook delete (DELETE /{post-id})';
    const body = record(
      await callJson(
        ctx,
        { method: 'DELETE', url: apiUrl(page.serviceUrl, this.version, encodeId(externalId), { access_token: page.pageAccessToken }) },
        context,
      ),
      context,
    );
    if (body.success !== true) throw shapeError(context, 'success is not true');
  }

  // ---------------------------------------------------------------- reading

  /**
   * Posts that tag the Page: GET /{page-id}/tagged (https://developers.facebook.com/docs/graph-api/reference/page/tagged),
   * paged by cursors. There is no keyword search on Facebook: keywords are refused.
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const page = this.page(credentials, ctx);
    if ((query.keywords ?? []).some((word) => word.trim())) {
      throw new ConnectorError('REJECTED', 'Facebook: the Graph API offers no public post search; only posts that tag the Page are read');
    }
    return this.edge(
      ctx,
      page,
      `${page.pageId}/tagged`,
      POST_FIELDS,
      query.limit,
      query.cursor,
      'Facebook mentions (GET /{page-id}/tagged)',
    );
  }

  /** GET /{post-id}/comments (https://developers.facebook.com/docs/graph-api/reference/object/comments), paged by cursors. */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const page = this.page(credentials, ctx);
    return this.edge(
      ctx,
      page,
      `${encodeId(externalId)}/comments`,
      COMMENT_FIELDS,
      undefined,
      cursor,
      'Facebook comments (GET /{object-id}/comments)',
      externalId,
    );
  }

  private async edge(
    ctx: ConnectorContext,
    page: Page,
    path: string,
    fields: string,
    limitAsked: number | undefined,
    cursor: string | undefined,
    context: string,
    parentId?: string,
  ): Promise<MentionPage> {
    const limit = Math.min(Math.max(Math.floor(limitAsked ?? DEFAULT_PAGE), 1), 100);
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 2048)) {
      throw new ConnectorError('REJECTED', `${context}: the cursor is not a Facebook cursor`);
    }
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(page.serviceUrl, this.version, path, {
          fields,
          limit: String(limit),
          after: cursor,
          access_token: page.pageAccessToken,
        }),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.data.map((item) => mentionOf(item, context, parentId));
    return { items, cursor: list.hasNext && list.after ? list.after : undefined };
  }

  /**
   * GET /{post-id}?fields=reactions.summary(true),comments.summary(true),shares
   * (https://developers.facebook.com/docs/graph-api/reference/post): reactions as likes, comments as replies, shares as reposts.
   */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const page = this.page(credentials, ctx);
    const out: PostMetrics[] = [];
    const context = 'Facebook post metrics';
    for (const externalId of externalIds) {
      const body = record(
        await callJson(
          ctx,
          {
            method: 'GET',
            url: apiUrl(page.serviceUrl, this.version, encodeId(externalId), {
              // A video's id has no `_` (posts are `{page-id}_{id}`); a Video has reactions and comments, no shares
              // (https://developers.facebook.com/docs/graph-api/reference/video).
              fields: externalId.includes('_')
                ? 'reactions.summary(true).limit(0),comments.summary(true).limit(0),shares'
                : 'reactions.summary(true).limit(0),comments.summary(true).limit(0)',
              access_token: page.pageAccessToken,
            }),
          },
          context,
        ),
        context,
      );
      out.push({
        externalId,
        likes: summaryCount(body.reactions, context, 'reactions'),
        replies: summaryCount(body.comments, context, 'comments'),
        // `shares` is absent when nobody shared the post.
        reposts: body.shares === undefined ? 0 : count(record(body.shares, context, 'shares').count, context, 'shares.count'),
        fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
      });
    }
    return out;
  }

  /** GET /{page-id}?fields=followers_count,fan_count (https://developers.facebook.com/docs/graph-api/reference/page). */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const page = this.page(credentials, ctx);
    const context = 'Facebook page metrics';
    const body = record(
      await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(page.serviceUrl, this.version, page.pageId, {
            fields: 'followers_count,fan_count',
            access_token: page.pageAccessToken,
          }),
        },
        context,
      ),
      context,
    );
    const followers = body.followers_count !== undefined ? body.followers_count : body.fan_count;
    return { followers: count(followers, context, 'followers_count'), fetchedAt: (ctx.now?.() ?? new Date()).toISOString() };
  }

  // ---------------------------------------------------------------- helpers

  /** The Page the credentials are bound to; REJECTED when none is (the user must pick one through listTargets). */
  private page(credentials: Credentials, ctx: ConnectorContext): Page {
    const secrets = credentials?.secrets ?? {};
    const { pageId, pageAccessToken, userAccessToken } = secrets;
    if (typeof pageId !== 'string' || !pageId || typeof pageAccessToken !== 'string' || !pageAccessToken) {
      if (typeof userAccessToken === 'string' && userAccessToken) {
        throw new ConnectorError(
          'REJECTED',
          'Facebook: no Page is bound to this account: pick the Page to publish as (listTargets) and connect it',
        );
      }
      throw new ConnectorError('AUTH_EXPIRED', 'Facebook: the credentials hold no Page access token: reconnect the account');
    }
    if (!ID.test(pageId)) throw new ConnectorError('REJECTED', 'Facebook: the bound Page id is not a Graph id');
    this.checkExpiry(credentials, ctx);
    return {
      serviceUrl: serviceOrigin(credentials.serviceUrl?.trim() ? credentials.serviceUrl : FACEBOOK_GRAPH_URL),
      pageId,
      pageAccessToken,
    };
  }

  private checkExpiry(credentials: Credentials, ctx?: ConnectorContext): void {
    if (!credentials.expiresAt) return;
    const expires = Date.parse(credentials.expiresAt);
    const now = (ctx?.now?.() ?? new Date()).getTime();
    if (!Number.isNaN(expires) && expires <= now) {
      throw new ConnectorError('AUTH_EXPIRED', `Facebook: the user access token expired at ${new Date(expires).toISOString()}: reconnect`);
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
    throw new ConnectorError('REJECTED', `Facebook: ${JSON.stringify(String(id).slice(0, 70))} is not a Graph object id`);
  }
  return id;
}

/**
 * A multipart/form-data body: the fields, then the image as `source`
 * (https://developers.facebook.com/docs/graph-api/reference/page/photos#upload, "source": the photo, encoded as form data).
 */
export function multipart(
  values: Record<string, string | undefined>,
  attachment: MediaAttachment,
): { headers: Record<string, string>; body: Uint8Array } {
  return multipartFile(values, 'source', attachment.mimeType, attachment.data, 'photo');
}

/** A multipart/form-data body: the fields, then `data` as the file part `field` (`source`, `video_file_chunk`). */
export function multipartFile(
  values: Record<string, string | undefined>,
  field: string,
  mimeType: string,
  data: Uint8Array,
  baseName = field === 'source' ? 'photo' : 'video',
): { headers: Record<string, string>; body: Uint8Array } {
  const boundary = `socle-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  const extension = mimeType === 'video/quicktime' ? 'mov' : (mimeType.split('/')[1] ?? 'bin');
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${baseName}.${extension}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
      'utf8',
    ),
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  );
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: new Uint8Array(Buffer.concat(chunks)) };
}

/** `{ summary: { total_count } }` of a reactions or comments edge. */
function summaryCount(value: unknown, context: string, what: string): number {
  const edge = record(value, context, `${what} with a summary`);
  const summary = record(edge.summary, context, `${what}.summary`);
  return count(summary.total_count, context, `${what}.summary.total_count`);
}

/** A post or comment as a mention (https://developers.facebook.com/docs/graph-api/reference/post). */
function mentionOf(value: unknown, context: string, parentId?: string): Mention {
  const item = record(value, context, 'a post or comment object');
  const id = idOf(item.id, context);
  const from = isRecord(item.from) ? item.from : undefined;
  const permalink = optionalString(item.permalink_url);
  const mention: Mention = {
    externalId: id,
    url: permalink ? httpUrl(permalink, context, 'permalink_url') : `https://www.facebook.com/${id}`,
    // The author's id is their only handle on Facebook; the Graph API may withhold it for people (privacy).
    authorHandle: optionalString(from?.id) ?? '',
    text: typeof item.message === 'string' ? item.message : '',
    publishedAt: dateOf(item.created_time, context, 'created_time'),
  };
  const name = optionalString(from?.name);
  if (name) mention.authorName = name;
  const parent = isRecord(item.parent) ? optionalString(item.parent.id) : undefined;
  const inReplyTo = parent ?? parentId;
  if (inReplyTo) mention.inReplyTo = inReplyTo;
  return mention;
}

function isVideo(attachment: MediaAttachment | undefined): boolean {
  return typeof attachment?.mimeType === 'string' && FACEBOOK_VIDEO_TYPES.includes(attachment.mimeType.toLowerCase());
}

/**
 * What the manifest's single size and list of types cannot say: photos keep their own 10 MB, a video is at least 1 KB
 * (subcode 1363022, https://developers.facebook.com/docs/video-api/reference/error-codes) and goes alone in its post.
 */
function mediaViolations(media: MediaAttachment[]): Violation[] {
  const violations: Violation[] = [];
  const videos = media.filter(isVideo).length;
  media.forEach((attachment, index) => {
    const size = mediaSize(attachment);
    const path = `media[${index}]`;
    if (isVideo(attachment)) {
      if (size > 0 && size < FACEBOOK_VIDEO_MIN_BYTES) {
        violations.push({
          rule: 'media.too-small',
          path,
          message: `Facebook: a video weighs at least 1 KB; attachment ${index + 1} weighs ${size} bytes.`,
        });
      }
    } else if (size > FACEBOOK_PHOTO_MAX_BYTES) {
      violations.push({
        rule: 'media.too-large',
        path,
        message: `Facebook: photo ${index + 1} weighs ${(size / 1024 / 1024).toFixed(1)} MB; photos are limited to 10 MB.`,
      });
    }
  });
  if (videos > 0 && media.length > videos) {
    violations.push({
      rule: 'media.mixed',
      path: 'media',
      message: 'Facebook: a video is posted alone; publish the photos in another post.',
    });
  } else if (videos > 1) {
    violations.push({ rule: 'media.too-many', path: 'media', message: `Facebook: one video per post; this one has ${videos}.` });
  }
  return violations;
}

/** A failed answer as a response to map (a 200 carrying Meta's error object reads as a 400), or undefined when it succeeded. */
function errorAnswer(response: HttpResponse): HttpResponse | undefined {
  if (response.status < 200 || response.status > 299) return response;
  // A body that is not JSON is left to parseJson, which says so with the context.
  const body = scannedJson(response);
  return isRecord(body) && isRecord(body.error) ? createHttpResponse(400, response.headers, response.body) : undefined;
}

/** `start_offset` / `end_offset` of a start or transfer answer (strings of digits in Meta's samples; numbers accepted). */
function offsetsOf(body: Record<string, unknown>, total: number, context: string): { start: number; end: number } {
  const read = (value: unknown, what: string): number => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
    throw shapeError(context, `${what} missing or not a whole number`);
  };
  const start = read(body.start_offset, 'start_offset');
  const end = read(body.end_offset, 'end_offset');
  if (start > end || end > total) throw shapeError(context, `offsets ${start}-${end} outside the ${total}-byte file`);
  return { start, end };
}

/** A video's permalink: an http(s) URL, or a path on www.facebook.com. */
function videoUrl(value: unknown, context: string): string {
  const text = stringOf(value, context, 'permalink_url');
  if (text.startsWith('/') && !text.startsWith('//')) return new URL(text, FACEBOOK_WEB_URL).toString();
  return httpUrl(text, context, 'permalink_url');
}
