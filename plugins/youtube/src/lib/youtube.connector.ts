/**
 * The YouTube connector (YouTube Data API v3, https://developers.google.com/youtube/v3).
 *
 * A publish is a video upload through the resumable protocol (see ./upload.ts): the variant's text is the
 * description, `options.title` the title. YouTube has no idempotency key: the connector remembers, per process, the
 * keys it published, and `findPublished` reads the channel's recent uploads back and matches title and description.
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
  expiryAfter,
  FindPublishedRequest,
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
  authorizeUrl,
  bearer,
  callJson,
  countOf,
  dateOf,
  idOf,
  isRecord,
  listOf,
  optionalCount,
  optionalString,
  record,
  send,
  serviceOrigin,
  stringOf,
  tokenUrl,
  watchUrl,
} from './api';
import { YOUTUBE_TITLE_MAX_CHARACTERS, youtubeManifest } from './manifest';
import { resumableUpload, UPLOAD_CHUNK_UNIT } from './upload';

/**
 * Scopes asked for (https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps#identify-access-scopes):
 * uploads, comments and deletion (force-ssl), and reading the channel.
 */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly',
] as const;

export const YOUTUBE_PRIVACY_STATUSES = ['public', 'unlisted', 'private'] as const;

export interface YoutubeConnectorOptions {
  /** The platform's OAuth client id (Google Cloud console, "Web application" client). */
  clientId?: string;
  /** The platform's OAuth client secret. */
  clientSecret?: string;
  /** Bytes per upload request, rounded up to a multiple of 256 KiB. Default 8 MiB. */
  chunkSizeBytes?: number;
  /** Status queries after interrupted chunks before an upload gives up (TRANSIENT). Default 5. */
  maxResumes?: number;
  /** Pages of 50 uploads `findPublished` reads back at most before it says it cannot tell. Default 4. */
  findPublishedMaxPages?: number;
}

interface Account {
  serviceUrl: string;
  accessToken: string;
  refreshToken?: string;
  channelId?: string;
}

const DEFAULT_CHUNK = 8 * 1024 * 1024;
const REMEMBERED_KEYS = 2000;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const ANGLE_BRACKETS = /[<>]/;

function account(credentials: Credentials): Account {
  const secrets = isRecord(credentials?.secrets) ? credentials.secrets : {};
  const accessToken = typeof secrets.accessToken === 'string' ? secrets.accessToken : '';
  if (!accessToken) throw new ConnectorError('AUTH_EXPIRED', 'YouTube: the credentials carry no access token; connect the account again');
  return {
    serviceUrl: serviceOrigin(credentials.serviceUrl),
    accessToken,
    refreshToken: optionalString(secrets.refreshToken),
    channelId: optionalString(secrets.channelId),
  };
}

function form(values: Record<string, string | undefined>): { headers: Record<string, string>; body: string } {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, value);
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() };
}

function optionString(variant: Variant, name: string): string | undefined {
  const value = variant.options?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** `@handle` of a channel URL such as `http://www.youtube.com/@handle`, when it has one. */
function handleOf(channelUrl: string | undefined): string | undefined {
  const match = channelUrl ? /\/(@[^/?#]{1,100})/.exec(channelUrl) : null;
  return match ? match[1] : undefined;
}

export class YoutubeConnector implements Connector {
  readonly manifest = youtubeManifest;
  private readonly clientId?: string;
  private readonly clientSecret?: string;
  private readonly chunkSize: number;
  private readonly maxResumes: number;
  private readonly findMaxPages: number;
  /** What each idempotency key published, per account: a retry returns it instead of a second upload. */
  private readonly published = new Map<string, PublishedPost>();
  private readonly running = new Map<string, Promise<PublishedPost>>();

  constructor(options: YoutubeConnectorOptions = {}) {
    this.clientId = options.clientId?.trim() || undefined;
    this.clientSecret = options.clientSecret?.trim() || undefined;
    const chunk =
      Number.isFinite(options.chunkSizeBytes) && (options.chunkSizeBytes ?? 0) > 0 ? (options.chunkSizeBytes as number) : DEFAULT_CHUNK;
    this.chunkSize = Math.ceil(chunk / UPLOAD_CHUNK_UNIT) * UPLOAD_CHUNK_UNIT;
    this.maxResumes = Math.max(0, Math.floor(options.maxResumes ?? 5));
    this.findMaxPages = Math.max(1, Math.floor(options.findPublishedMaxPages ?? 4));
  }

  // ---------------------------------------------------------------- OAuth

  private client(): { clientId: string; clientSecret: string } {
    const { clientId, clientSecret } = this;
    if (!clientId || !clientSecret) {
      throw new ConnectorError(
        'REJECTED',
        'YouTube: the platform has no Google OAuth client configured (give the connector clientId and clientSecret: its options in CONNECTOR_OPTIONS)',
      );
    }
    return { clientId, clientSecret };
  }

  /**
   * Google's consent page with PKCE (https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient):
   * offline access (a refresh token), a consent prompt every time (so a refresh token is issued again), incremental
   * scopes, S256 challenge.
   */
  readonly oauth: ConnectorOAuth = {
    start: async (_ctx: ConnectorContext, input: OAuthStartInput): Promise<OAuthStartResult> => {
      const { clientId } = this.client();
      const url = new URL(authorizeUrl(input.serviceUrl));
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', YOUTUBE_SCOPES.join(' '));
      url.searchParams.set('access_type', 'offline');
      url.searchParams.set('prompt', 'consent');
      url.searchParams.set('include_granted_scopes', 'true');
      url.searchParams.set('state', input.state);
      url.searchParams.set('code_challenge', input.codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return { authorizationUrl: url.toString(), fields: {} };
    },
  };

  /** Reads Google's token answer (https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code). */
  private tokens(body: unknown, serviceUrl: string, context: string, ctx: ConnectorContext, keep?: Account): Credentials {
    const root = record(body, context);
    const accessToken = stringOf(root.access_token, context, 'access_token');
    const refreshToken = optionalString(root.refresh_token) ?? keep?.refreshToken;
    const secrets: Record<string, string> = { accessToken };
    if (refreshToken) secrets.refreshToken = refreshToken;
    if (keep?.channelId) secrets.channelId = keep.channelId;
    const expiresIn = root.expires_in === undefined ? undefined : countOf(root.expires_in, context, 'expires_in');
    const now = ctx.now?.() ?? new Date();
    const expiresAt = expiryAfter(now, expiresIn);
    return { serviceUrl, secrets, ...(expiresAt ? { expiresAt } : {}) };
  }

  /** The code exchange, with the PKCE verifier (https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code). */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const context = 'YouTube authorize';
    const fields = isRecord(input?.fields) ? input.fields : {};
    const code = typeof fields.code === 'string' ? fields.code : '';
    if (!code) throw new ConnectorError('REJECTED', `${context}: no authorisation code was given`);
    const { clientId, clientSecret } = this.client();
    const serviceUrl = serviceOrigin(input.serviceUrl);
    const body = await callJson(
      ctx,
      {
        method: 'POST',
        url: tokenUrl(serviceUrl),
        ...form({
          grant_type: 'authorization_code',
          code,
          code_verifier: typeof fields.codeVerifier === 'string' ? fields.codeVerifier : undefined,
          redirect_uri: input.redirectUri,
          client_id: clientId,
          client_secret: clientSecret,
        }),
      },
      context,
    );
    return this.tokens(body, serviceUrl, context, ctx);
  }

  /**
   * A new access token from the refresh token (https://developers.google.com/identity/protocols/oauth2/web-server#offline).
   * Google usually sends no new refresh token: the old one is kept. `invalid_grant` (revoked, or unused for six
   * months) -> AUTH_EXPIRED.
   */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const context = 'YouTube refresh';
    const current = account(credentials);
    if (!current.refreshToken) throw new ConnectorError('AUTH_EXPIRED', `${context}: no refresh token; connect the account again`);
    const { clientId, clientSecret } = this.client();
    const body = await callJson(
      ctx,
      {
        method: 'POST',
        url: tokenUrl(current.serviceUrl),
        ...form({ grant_type: 'refresh_token', refresh_token: current.refreshToken, client_id: clientId, client_secret: clientSecret }),
      },
      context,
    );
    return this.tokens(body, current.serviceUrl, context, ctx, current);
  }

  // ---------------------------------------------------------------- validation

  /**
   * The manifest's limits, plus YouTube's: a title (options.title) of at most 100 characters, no `<` or `>` in
   * title or description (https://developers.google.com/youtube/v3/docs/videos#snippet.title), exactly one video,
   * privacyStatus public | unlisted | private, publishAt an ISO date (https://developers.google.com/youtube/v3/docs/videos#status.publishAt).
   */
  validate(variant: Variant): Violation[] {
    const violations = validateVariant(this.manifest, variant);
    const title = optionString(variant, 'title');
    if (!title?.trim()) {
      violations.push({ rule: 'youtube.title.missing', path: 'options.title', message: 'A YouTube video needs a title (options.title).' });
    } else {
      const length = [...title].length;
      if (length > YOUTUBE_TITLE_MAX_CHARACTERS) {
        violations.push({
          rule: 'youtube.title.too-long',
          path: 'options.title',
          message: `The title is ${length} characters long; YouTube allows ${YOUTUBE_TITLE_MAX_CHARACTERS}.`,
        });
      }
      if (ANGLE_BRACKETS.test(title)) {
        violations.push({ rule: 'youtube.title.angle-brackets', path: 'options.title', message: 'YouTube titles cannot contain < or >.' });
      }
    }
    if (typeof variant.text === 'string' && ANGLE_BRACKETS.test(variant.text)) {
      violations.push({ rule: 'youtube.description.angle-brackets', path: 'text', message: 'YouTube descriptions cannot contain < or >.' });
    }
    const media = Array.isArray(variant.media) ? variant.media : [];
    if (media.length === 0) {
      violations.push({ rule: 'youtube.video.missing', path: 'media', message: 'A YouTube publish uploads one video; attach it.' });
    }
    const privacy = variant.options?.privacyStatus;
    if (privacy !== undefined && !YOUTUBE_PRIVACY_STATUSES.includes(privacy as (typeof YOUTUBE_PRIVACY_STATUSES)[number])) {
      violations.push({
        rule: 'youtube.privacy',
        path: 'options.privacyStatus',
        message: `privacyStatus must be one of ${YOUTUBE_PRIVACY_STATUSES.join(', ')}.`,
      });
    }
    const publishAt = variant.options?.publishAt;
    if (publishAt !== undefined && (typeof publishAt !== 'string' || Number.isNaN(Date.parse(publishAt)))) {
      violations.push({ rule: 'youtube.publish-at', path: 'options.publishAt', message: 'publishAt must be an ISO 8601 date.' });
    }
    return violations;
  }

  // ---------------------------------------------------------------- publish

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const user = account(credentials);
    const violations = this.validate(request.variant);
    if (violations.length) {
      throw new ConnectorError('REJECTED', `YouTube publish: ${violations.map((violation) => violation.message).join(' ')}`);
    }
    const key = `${user.serviceUrl}|${user.channelId ?? ''}|${request.idempotencyKey}`;
    const done = this.published.get(key);
    if (done) return done;
    const pending = this.running.get(key);
    if (pending) return pending;
    const run = this.upload(ctx, user, request).then((post) => {
      this.remember(key, post);
      return post;
    });
    this.running.set(key, run);
    try {
      return await run;
    } finally {
      this.running.delete(key);
    }
  }

  private remember(key: string, post: PublishedPost): void {
    this.published.set(key, post);
    if (this.published.size > REMEMBERED_KEYS) {
      const oldest = this.published.keys().next().value;
      if (oldest !== undefined) this.published.delete(oldest);
    }
  }

  /** videos.insert (https://developers.google.com/youtube/v3/docs/videos/insert), 1,600 quota units. */
  private async upload(ctx: ConnectorContext, user: Account, request: PublishRequest): Promise<PublishedPost> {
    const { variant } = request;
    const video = (variant.media ?? [])[0];
    const publishAt = optionString(variant, 'publishAt');
    const status: Record<string, unknown> = {
      // A scheduled video must be private until publishAt (https://developers.google.com/youtube/v3/docs/videos#status.publishAt).
      privacyStatus: publishAt ? 'private' : (optionString(variant, 'privacyStatus') ?? 'public'),
    };
    if (publishAt) status.publishAt = new Date(Date.parse(publishAt)).toISOString();
    if (typeof variant.options?.madeForKids === 'boolean') status.selfDeclaredMadeForKids = variant.options.madeForKids;
    const snippet: Record<string, unknown> = { title: optionString(variant, 'title'), description: variant.text };
    const categoryId = optionString(variant, 'categoryId');
    if (categoryId) snippet.categoryId = categoryId;
    const resource = await resumableUpload(ctx, {
      serviceUrl: user.serviceUrl,
      accessToken: user.accessToken,
      metadata: { snippet, status },
      data: video.data,
      mimeType: video.mimeType.toLowerCase(),
      chunkSize: this.chunkSize,
      maxResumes: this.maxResumes,
      mediaIndex: 0,
    });
    const id = idOf(record(resource, 'YouTube upload').id, 'YouTube upload', 'video id');
    return { externalId: id, url: watchUrl(id) };
  }

  /**
   * The channel's uploads playlist (channels.list part=contentDetails, https://developers.google.com/youtube/v3/docs/channels#contentDetails.relatedPlaylists.uploads),
   * read newest first (playlistItems.list, https://developers.google.com/youtube/v3/docs/playlistItems/list) back to
   * `publishedAfter`, matching title and description. A video still processing is listed there too.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const context = 'YouTube findPublished';
    const user = account(credentials);
    const done = this.published.get(`${user.serviceUrl}|${user.channelId ?? ''}|${request.idempotencyKey}`);
    if (done) return done;
    const title = optionString(request.variant, 'title');
    const description = request.variant.text;
    // A minute of slack for the platform's clock and Google's.
    const after = request.publishedAfter ? Date.parse(request.publishedAfter) - 60_000 : Number.NaN;
    const channel = await this.channel(ctx, user, 'contentDetails', context);
    const details = record(channel.contentDetails, context, 'contentDetails');
    const related = record(details.relatedPlaylists, context, 'relatedPlaylists');
    const playlistId = idOf(related.uploads, context, 'uploads playlist');
    let pageToken: string | undefined;
    for (let page = 0; page < this.findMaxPages; page++) {
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(user.serviceUrl, 'playlistItems', { part: 'snippet', playlistId, maxResults: '50', pageToken }),
          headers: bearer(user.accessToken),
        },
        context,
      );
      const list = listOf(body, context);
      for (const item of list.items) {
        const snippet = record(record(item, context, 'a playlist item').snippet, context, 'snippet');
        const publishedAt = Date.parse(dateOf(snippet.publishedAt, context, 'publishedAt'));
        if (!Number.isNaN(after) && publishedAt < after) return null;
        if (snippet.title === title && (snippet.description ?? '') === description) {
          const videoId = idOf(record(snippet.resourceId, context, 'resourceId').videoId, context, 'videoId');
          return { externalId: videoId, url: watchUrl(videoId) };
        }
      }
      if (!list.next) return null;
      pageToken = list.next;
    }
    throw new ConnectorError('UNKNOWN', `${context}: the recent uploads did not reach back to ${request.publishedAfter ?? 'the start'}`);
  }

  /** videos.delete (https://developers.google.com/youtube/v3/docs/videos/delete): 204 No Content. */
  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const user = account(credentials);
    await send(
      ctx,
      { method: 'DELETE', url: apiUrl(user.serviceUrl, 'videos', { id: externalId }), headers: bearer(user.accessToken) },
      'YouTube delete',
    );
  }

  /**
   * A comment under a video (commentThreads.insert, https://developers.google.com/youtube/v3/docs/commentThreads/insert)
   * when `externalId` is a video id (11 characters), else a reply to that comment (comments.insert,
   * https://developers.google.com/youtube/v3/docs/comments/insert). Returns the new comment's id.
   */
  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    const context = 'YouTube reply';
    const user = account(credentials);
    const text = typeof variant?.text === 'string' ? variant.text : '';
    if (!text.trim()) throw new ConnectorError('REJECTED', `${context}: a comment needs text`);
    const key = `reply|${user.serviceUrl}|${user.channelId ?? ''}|${idempotencyKey}`;
    const done = this.published.get(key);
    if (done) return done;
    let post: PublishedPost;
    if (VIDEO_ID.test(externalId)) {
      const body = await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(user.serviceUrl, 'commentThreads', { part: 'snippet' }),
          headers: { ...bearer(user.accessToken), 'content-type': 'application/json' },
          body: JSON.stringify({ snippet: { videoId: externalId, topLevelComment: { snippet: { textOriginal: text } } } }),
        },
        context,
      );
      const snippet = record(record(body, context).snippet, context, 'snippet');
      const comment = record(snippet.topLevelComment, context, 'topLevelComment');
      const id = idOf(comment.id, context, 'comment id');
      post = { externalId: id, url: `${watchUrl(externalId)}&lc=${encodeURIComponent(id)}` };
    } else {
      const body = await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(user.serviceUrl, 'comments', { part: 'snippet' }),
          headers: { ...bearer(user.accessToken), 'content-type': 'application/json' },
          body: JSON.stringify({ snippet: { parentId: externalId, textOriginal: text } }),
        },
        context,
      );
      const root = record(body, context);
      const id = idOf(root.id, context, 'comment id');
      const videoId = isRecord(root.snippet) ? optionalString(root.snippet.videoId) : undefined;
      post = { externalId: id, url: videoId ? `${watchUrl(videoId)}&lc=${encodeURIComponent(id)}` : 'https://www.youtube.com/' };
    }
    this.remember(key, post);
    return post;
  }

  // ---------------------------------------------------------------- reading

  /** A comment resource as a Mention (https://developers.google.com/youtube/v3/docs/comments#resource). */
  private commentMention(comment: unknown, videoId: string, context: string, now: Date): Mention {
    const root = record(comment, context, 'a comment');
    const id = idOf(root.id, context, 'comment id');
    const snippet = record(root.snippet, context, 'comment snippet');
    const name = optionalString(snippet.authorDisplayName);
    const publishedAt = optionalString(snippet.publishedAt);
    const parsed = publishedAt ? Date.parse(publishedAt) : Number.NaN;
    return {
      externalId: id,
      url: `${watchUrl(videoId)}&lc=${encodeURIComponent(id)}`,
      authorHandle: handleOf(optionalString(snippet.authorChannelUrl)) ?? name ?? '',
      ...(name ? { authorName: name } : {}),
      text: optionalString(snippet.textOriginal) ?? optionalString(snippet.textDisplay) ?? '',
      publishedAt: Number.isNaN(parsed) ? now.toISOString() : new Date(parsed).toISOString(),
      ...(Number.isNaN(parsed) ? { publishedAtEstimated: true } : {}),
      inReplyTo: videoId,
    };
  }

  /** commentThreads.list?videoId (https://developers.google.com/youtube/v3/docs/commentThreads/list), 1 unit a page. */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const context = 'YouTube comments';
    const user = account(credentials);
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(user.serviceUrl, 'commentThreads', {
          part: 'snippet',
          videoId: externalId,
          maxResults: '100',
          textFormat: 'plainText',
          pageToken: cursor,
        }),
        headers: bearer(user.accessToken),
      },
      context,
    );
    const list = listOf(body, context);
    const now = ctx.now?.() ?? new Date();
    const items = list.items.map((thread) => {
      const snippet = record(record(thread, context, 'a comment thread').snippet, context, 'thread snippet');
      return this.commentMention(snippet.topLevelComment, externalId, context, now);
    });
    return { items, ...(list.next ? { cursor: list.next } : {}) };
  }

  /**
   * Keyword search of public videos (search.list q=…&type=video, https://developers.google.com/youtube/v3/docs/search/list):
   * 100 quota units a page. YouTube has no mentions of a channel: keywords are required.
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const context = 'YouTube search';
    const user = account(credentials);
    const keywords = (query?.keywords ?? []).map((word) => word.trim()).filter(Boolean);
    if (!keywords.length)
      throw new ConnectorError('REJECTED', `${context}: YouTube has no mentions of a channel; give keywords to search for`);
    const limit = Math.min(50, Math.max(1, Math.floor(query.limit ?? 25)));
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(user.serviceUrl, 'search', {
          part: 'snippet',
          q: keywords.join(' '),
          type: 'video',
          order: 'date',
          maxResults: String(limit),
          pageToken: query.cursor,
        }),
        headers: bearer(user.accessToken),
      },
      context,
    );
    const list = listOf(body, context);
    const items = list.items.map((item): Mention => {
      const root = record(item, context, 'a search result');
      const videoId = idOf(record(root.id, context, 'id').videoId, context, 'videoId');
      const snippet = record(root.snippet, context, 'snippet');
      const title = optionalString(snippet.title) ?? '';
      const description = optionalString(snippet.description) ?? '';
      const channelTitle = optionalString(snippet.channelTitle);
      return {
        externalId: videoId,
        url: watchUrl(videoId),
        authorHandle: channelTitle ?? optionalString(snippet.channelId) ?? '',
        ...(channelTitle ? { authorName: channelTitle } : {}),
        text: description ? `${title}\n${description}` : title,
        publishedAt: dateOf(snippet.publishedAt, context, 'publishedAt'),
        attachments: [{ url: watchUrl(videoId), kind: 'video' }],
      };
    });
    return { items, ...(list.next && items.length ? { cursor: list.next } : {}) };
  }

  /**
   * videos.list?part=statistics (https://developers.google.com/youtube/v3/docs/videos#statistics), 50 ids a call:
   * viewCount -> impressions, likeCount -> likes, commentCount -> replies. YouTube has no reposts.
   */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const context = 'YouTube metrics';
    const user = account(credentials);
    const result: PostMetrics[] = [];
    for (let start = 0; start < externalIds.length; start += 50) {
      const ids = externalIds.slice(start, start + 50);
      const body = await callJson(
        ctx,
        {
          method: 'GET',
          url: apiUrl(user.serviceUrl, 'videos', { part: 'statistics', id: ids.join(','), maxResults: '50' }),
          headers: bearer(user.accessToken),
        },
        context,
      );
      const fetchedAt = (ctx.now?.() ?? new Date()).toISOString();
      for (const item of listOf(body, context).items) {
        const root = record(item, context, 'a video');
        const id = idOf(root.id, context, 'video id');
        const stats = record(root.statistics, context, 'statistics');
        const impressions = optionalCount(stats.viewCount, context, 'viewCount');
        result.push({
          externalId: id,
          likes: optionalCount(stats.likeCount, context, 'likeCount') ?? 0,
          reposts: 0,
          replies: optionalCount(stats.commentCount, context, 'commentCount') ?? 0,
          ...(impressions !== undefined ? { impressions } : {}),
          fetchedAt,
        });
      }
    }
    return result;
  }

  /** The connected channel (channels.list, https://developers.google.com/youtube/v3/docs/channels/list): by id when known, else mine=true. */
  private async channel(ctx: ConnectorContext, user: Account, part: string, context: string): Promise<Record<string, unknown>> {
    const query = user.channelId ? { part, id: user.channelId } : { part, mine: 'true' };
    const body = await callJson(
      ctx,
      { method: 'GET', url: apiUrl(user.serviceUrl, 'channels', query), headers: bearer(user.accessToken) },
      context,
    );
    const first = listOf(body, context).items[0];
    if (first === undefined) throw new ConnectorError('REJECTED', `${context}: the account has no YouTube channel`);
    return record(first, context, 'a channel');
  }

  /** statistics.subscriberCount and videoCount (https://developers.google.com/youtube/v3/docs/channels#statistics). */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const context = 'YouTube account metrics';
    const user = account(credentials);
    const channel = await this.channel(ctx, user, 'statistics', context);
    const stats = record(channel.statistics, context, 'statistics');
    if (stats.hiddenSubscriberCount === true && stats.subscriberCount === undefined) {
      throw new ConnectorError('UNKNOWN', `${context}: the channel hides its subscriber count`);
    }
    return {
      followers: countOf(stats.subscriberCount, context, 'subscriberCount'),
      posts: countOf(stats.videoCount, context, 'videoCount'),
      fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
    };
  }

  /**
   * The channels the token reaches (channels.list?mine=true, https://developers.google.com/youtube/v3/docs/channels/list#mine):
   * one target per channel, bound to it by `secrets.channelId`.
   */
  async listTargets(ctx: ConnectorContext, credentials: Credentials): Promise<AccountTarget[]> {
    const context = 'YouTube channels';
    const user = account(credentials);
    const body = await callJson(
      ctx,
      {
        method: 'GET',
        url: apiUrl(user.serviceUrl, 'channels', { part: 'snippet', mine: 'true', maxResults: '50' }),
        headers: bearer(user.accessToken),
      },
      context,
    );
    const secrets = isRecord(credentials.secrets) ? credentials.secrets : {};
    const seen = new Set<string>();
    const targets: AccountTarget[] = [];
    for (const item of listOf(body, context).items) {
      const root = record(item, context, 'a channel');
      const id = idOf(root.id, context, 'channel id');
      if (seen.has(id)) continue;
      seen.add(id);
      const snippet = record(root.snippet, context, 'snippet');
      const name = optionalString(snippet.title)?.trim() || id;
      const customUrl = optionalString(snippet.customUrl);
      const handle = customUrl && /^@?[\w.-]{1,100}$/.test(customUrl) ? customUrl : undefined;
      targets.push({
        id,
        kind: 'channel',
        name,
        ...(handle ? { handle } : {}),
        url: handle ? `https://www.youtube.com/${handle.startsWith('@') ? handle : `@${handle}`}` : `https://www.youtube.com/channel/${id}`,
        credentials: {
          serviceUrl: user.serviceUrl,
          secrets: { ...secrets, channelId: id },
          ...(credentials.expiresAt ? { expiresAt: credentials.expiresAt } : {}),
        },
      });
    }
    return targets;
  }
}
