/**
 * The X connector (X API v2, https://docs.x.com/x-api).
 *
 * Posts are created with POST /2/tweets; a thread is a chain of replies. Images go through the chunked
 * v2 media upload (initialize, append, finalize, status). X takes no idempotency key: the connector
 * remembers, per process, what each key published, and `findPublished` reads the account's recent
 * posts back and matches their text.
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
  HttpRequest,
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
  UploadProgress,
  validateVariant,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import {
  apiUrl,
  callJson,
  count,
  dataOf,
  dateOf,
  idOf,
  isProduction,
  isRecord,
  json,
  listOf,
  optionalCount,
  optionalString,
  record,
  serviceOrigin,
  sleep,
  stringOf,
  X_API_URL,
  X_AUTHORIZE_URL,
  xError,
} from './api';
import { X_IMAGE_MAX_BYTES, X_IMAGE_TYPES, X_MAX_WEIGHTED_LENGTH, xManifest, xTextLength } from './manifest';

/** Scopes asked for (https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code). */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'] as const;

export interface XConnectorOptions {
  /** The platform's X app: OAuth 2.0 client id (developer portal, "Keys and tokens"). */
  clientId?: string;
  /** The OAuth 2.0 client secret (confidential client). */
  clientSecret?: string;
  /** Bytes per APPEND segment. Default 1 MiB; X takes at most 5 MB per segment. */
  chunkBytes?: number;
  /** Wait between two STATUS reads, instead of X's `check_after_secs`. */
  statusPollMs?: number;
  /** How long media processing may last before the publish gives up (TRANSIENT). Default 60 000 ms. */
  processingMaxWaitMs?: number;
  /** Pages of 100 posts `findPublished` reads back at most before it says it cannot tell. Default 5. */
  findPublishedMaxPages?: number;
}

const TWEET_FIELDS = 'created_at,lang,author_id,conversation_id,referenced_tweets';
const USER_FIELDS = 'username,name,public_metrics';
const DEFAULT_PAGE = 20;
const REMEMBERED_KEYS = 2000;
/** Largest APPEND segment X accepts (https://docs.x.com/x-api/media/append-media-upload). */
const MAX_CHUNK_BYTES = 5 * 1024 * 1024;

interface Account {
  serviceUrl: string;
  accessToken: string;
  userId: string;
  username: string;
}

interface Progress {
  externalId: string;
  url: string;
  threadIds: string[];
}

interface PageCursor {
  /** X's pagination token of the page being read (absent: the first page). */
  t?: string;
  /** Items of that page already returned. */
  o: number;
}

export class XConnector implements Connector {
  readonly manifest = xManifest;
  private readonly clientId?: string;
  private readonly clientSecret?: string;
  private readonly chunkBytes: number;
  private readonly statusPollMs?: number;
  private readonly processingMaxWaitMs: number;
  private readonly findMaxPages: number;
  private readonly published = new Map<string, Progress>();
  private readonly running = new Map<string, Promise<PublishedPost>>();

  constructor(options: XConnectorOptions = {}) {
    this.clientId = options.clientId?.trim() || undefined;
    this.clientSecret = options.clientSecret?.trim() || undefined;
    this.chunkBytes = Math.min(MAX_CHUNK_BYTES, Math.max(1, Math.floor(options.chunkBytes ?? 1024 * 1024)));
    this.statusPollMs = options.statusPollMs === undefined ? undefined : Math.max(0, options.statusPollMs);
    this.processingMaxWaitMs = Math.max(0, options.processingMaxWaitMs ?? 60_000);
    this.findMaxPages = Math.max(1, options.findPublishedMaxPages ?? 5);
  }

  // ---------------------------------------------------------------- OAuth 2.0 with PKCE

  /** https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code */
  readonly oauth: ConnectorOAuth = {
    start: async (_ctx: ConnectorContext, input: OAuthStartInput): Promise<OAuthStartResult> => {
      const clientId = this.requireClient().clientId;
      const service = input.serviceUrl?.trim() ? input.serviceUrl : X_API_URL;
      // The app is registered by hand in X's developer portal and given in the options: no store of registrations.
      const url = new URL(isProduction(service) ? X_AUTHORIZE_URL : `${serviceOrigin(service)}/i/oauth2/authorize`);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('scope', X_SCOPES.join(' '));
      url.searchParams.set('state', input.state);
      url.searchParams.set('code_challenge', input.codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return { authorizationUrl: url.toString(), fields: { clientId } };
    },
  };

  private requireClient(): { clientId: string; clientSecret: string } {
    if (!this.clientId || !this.clientSecret) {
      throw new ConnectorError(
        'REJECTED',
        'X: the platform has no X app configured (give the connector its OAuth 2.0 client id and secret as clientId and clientSecret: its options in CONNECTOR_OPTIONS)',
      );
    }
    return { clientId: this.clientId, clientSecret: this.clientSecret };
  }

  /** POST /2/oauth2/token with HTTP Basic auth, as a confidential client does (page above). */
  private async token(ctx: ConnectorContext, serviceUrl: string, form: Record<string, string>, context: string) {
    const { clientId, clientSecret } = this.requireClient();
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`, 'utf8').toString('base64');
    const body = record(
      await callJson(
        ctx,
        {
          method: 'POST',
          url: apiUrl(serviceUrl, '2/oauth2/token'),
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
          body: new URLSearchParams({ ...form, client_id: clientId }).toString(),
        },
        context,
      ),
      context,
    );
    const accessToken = stringOf(body.access_token, context, 'access_token');
    const refreshToken = optionalString(body.refresh_token);
    const expiresIn = optionalCount(body.expires_in);
    const now = ctx.now?.() ?? new Date();
    return { accessToken, refreshToken, expiresAt: expiryAfter(now, expiresIn) };
  }

  /**
   * `fields.code` and `fields.codeVerifier` from the OAuth flow, exchanged at POST /2/oauth2/token; or
   * `fields.accessToken`, an OAuth 2.0 user token made elsewhere (not refreshable). Both checked with GET /2/users/me.
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const serviceUrl = serviceOrigin(input.serviceUrl?.trim() ? input.serviceUrl : X_API_URL);
    const fields = input.fields ?? {};
    if (fields.accessToken) {
      const me = await this.me(ctx, serviceUrl, fields.accessToken);
      return { serviceUrl, secrets: { accessToken: fields.accessToken, userId: me.id, username: me.username } };
    }
    const redirectUri = input.redirectUri ?? fields.redirectUri;
    if (!fields.code || !fields.codeVerifier || !redirectUri) {
      throw new ConnectorError('REJECTED', 'X authorization: the OAuth code, its PKCE verifier and the redirect URI are needed');
    }
    let tokens;
    try {
      tokens = await this.token(
        ctx,
        serviceUrl,
        { grant_type: 'authorization_code', code: fields.code, redirect_uri: redirectUri, code_verifier: fields.codeVerifier },
        'X authorization (code exchange)',
      );
    } catch (error) {
      // At the token endpoint a 401 is the app's client id or secret refused, not a user's expired token.
      if (error instanceof ConnectorError && error.kind === 'AUTH_EXPIRED') {
        throw new ConnectorError('REJECTED', `${error.message} (check the app's clientId and clientSecret)`, {
          status: error.status,
          networkReason: error.networkReason,
        });
      }
      throw error;
    }
    const me = await this.me(ctx, serviceUrl, tokens.accessToken);
    const secrets: Record<string, string> = { accessToken: tokens.accessToken, userId: me.id, username: me.username };
    if (tokens.refreshToken) secrets.refreshToken = tokens.refreshToken;
    return { serviceUrl, secrets, expiresAt: tokens.expiresAt };
  }

  /**
   * The refresh_token grant (page above). X rotates refresh tokens: the answer's new one replaces the old,
   * which X refuses from then on. A refused refresh token means the user must connect again (AUTH_EXPIRED).
   */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const refreshToken = credentials.secrets?.refreshToken;
    if (!refreshToken) throw new ConnectorError('AUTH_EXPIRED', 'X: no refresh token (connect the account again)');
    const serviceUrl = serviceOrigin(credentials.serviceUrl || X_API_URL);
    let tokens;
    try {
      tokens = await this.token(ctx, serviceUrl, { grant_type: 'refresh_token', refresh_token: refreshToken }, 'X token refresh');
    } catch (error) {
      if (error instanceof ConnectorError && (error.status === 400 || error.status === 401)) {
        throw new ConnectorError('AUTH_EXPIRED', `${error.message} (connect the account again)`, {
          status: error.status,
          networkReason: error.networkReason,
        });
      }
      throw error;
    }
    return {
      serviceUrl,
      secrets: { ...credentials.secrets, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? refreshToken },
      expiresAt: tokens.expiresAt,
    };
  }

  private async me(ctx: ConnectorContext, serviceUrl: string, accessToken: string) {
    const context = 'X GET /2/users/me';
    const body = await callJson(ctx, { method: 'GET', url: apiUrl(serviceUrl, '2/users/me'), headers: bearer(accessToken) }, context);
    const data = dataOf(body, context);
    return { id: idOf(data.id, context, 'data.id'), username: stringOf(data.username, context, 'data.username'), data };
  }

  private account(credentials: Credentials): Account {
    const secrets = credentials?.secrets ?? {};
    if (!secrets.accessToken) throw new ConnectorError('AUTH_EXPIRED', 'X: the credentials hold no access token');
    if (!secrets.userId || !secrets.username) throw new ConnectorError('REJECTED', 'X: the credentials lack the user id or username');
    return {
      serviceUrl: serviceOrigin(credentials.serviceUrl || X_API_URL),
      accessToken: secrets.accessToken,
      userId: secrets.userId,
      username: secrets.username,
    };
  }

  private get(ctx: ConnectorContext, account: Account, path: string, query: Record<string, string | undefined>, context: string) {
    return callJson(ctx, { method: 'GET', url: apiUrl(account.serviceUrl, path, query), headers: bearer(account.accessToken) }, context);
  }

  private post(ctx: ConnectorContext, account: Account, path: string, body: unknown, context: string) {
    const request: HttpRequest = { method: 'POST', url: apiUrl(account.serviceUrl, path), ...json(body) };
    request.headers = { ...request.headers, ...bearer(account.accessToken) };
    return callJson(ctx, request, context);
  }

  // ---------------------------------------------------------------- validation

  validate(variant: Variant): Violation[] {
    const violations = validateVariant(this.manifest, variant);
    const parts: Array<[string, unknown]> = [['text', variant?.text]];
    if (Array.isArray(variant?.thread)) variant.thread.forEach((part, index) => parts.push([`thread[${index}].text`, part?.text]));
    const withMedia: Array<[string, unknown]> = [['', variant?.media]];
    if (Array.isArray(variant?.thread)) variant.thread.forEach((part, index) => withMedia.push([`thread[${index}].`, part?.media]));
    for (const [prefix, media] of withMedia) if (Array.isArray(media)) violations.push(...mediaViolations(prefix, media));
    for (const [path, text] of parts) {
      if (typeof text !== 'string' || violations.some((violation) => violation.path === path && violation.rule === 'text.too-long'))
        continue;
      const length = xTextLength(text);
      if (length > X_MAX_WEIGHTED_LENGTH) {
        violations.push({
          rule: 'text.too-long',
          path,
          message: `X counts this text as ${length} characters (CJK and emoji count 2, each link 23); it allows ${X_MAX_WEIGHTED_LENGTH}. Remove ${length - X_MAX_WEIGHTED_LENGTH}.`,
        });
      }
    }
    return violations;
  }

  // ---------------------------------------------------------------- publishing

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const account = this.account(credentials);
    const memoKey = `${account.serviceUrl} ${account.userId} ${request.idempotencyKey}`;
    // Two calls with one key at the same time: the second waits for the first and gets its post.
    const running = this.running.get(memoKey);
    if (running) return running.catch(() => this.publishOnce(ctx, account, memoKey, request));
    const work = this.publishOnce(ctx, account, memoKey, request);
    this.running.set(memoKey, work);
    try {
      return await work;
    } finally {
      this.running.delete(memoKey);
    }
  }

  private async publishOnce(ctx: ConnectorContext, account: Account, memoKey: string, request: PublishRequest): Promise<PublishedPost> {
    const variant = request.variant;
    const parts = [variant, ...(variant.thread ?? [])];
    const progress = this.published.get(memoKey);
    // A retry with the same key returns what was published, or resumes a thread where it stopped.
    if (progress && progress.threadIds.length === parts.length - 1) return result(progress);
    const previousIds = progress ? [progress.externalId, ...progress.threadIds] : [];
    let previous = previousIds.at(-1) ?? (request.inReplyTo ? idOf(request.inReplyTo, 'X publish', 'inReplyTo') : undefined);
    let current = progress;
    for (let index = previousIds.length; index < parts.length; index++) {
      const id = await this.createTweet(ctx, account, parts[index], previous);
      if (!current) {
        current = { externalId: id, url: tweetUrl(account.username, id), threadIds: [] };
        this.remember(memoKey, current);
      } else current.threadIds.push(id);
      previous = id;
    }
    return result(current as Progress);
  }

  async reply(ctx: ConnectorContext, credentials: Credentials, externalId: string, variant: Variant, idempotencyKey: string) {
    return this.publish(ctx, credentials, { variant, idempotencyKey, inReplyTo: externalId });
  }

  private remember(key: string, progress: Progress): void {
    if (this.published.size >= REMEMBERED_KEYS) this.published.delete(this.published.keys().next().value as string);
    this.published.set(key, progress);
  }

  /** POST /2/tweets (https://docs.x.com/x-api/posts/create-post), media uploaded first. */
  private async createTweet(ctx: ConnectorContext, account: Account, part: Variant, inReplyTo?: string): Promise<string> {
    const mediaIds: string[] = [];
    for (const [index, media] of (part.media ?? []).entries()) mediaIds.push(await this.upload(ctx, account, media, index));
    const body: Record<string, unknown> = { text: part.text };
    if (mediaIds.length > 0) body.media = { media_ids: mediaIds };
    if (inReplyTo) body.reply = { in_reply_to_tweet_id: inReplyTo };
    const context = 'X POST /2/tweets';
    return idOf(dataOf(await this.post(ctx, account, '2/tweets', body, context), context).id, context, 'data.id');
  }

  /**
   * The chunked v2 media upload (https://docs.x.com/x-api/media/quickstart/media-upload-chunked):
   * initialize (https://docs.x.com/x-api/media/initialize-media-upload), append each segment with its
   * `segment_index` (https://docs.x.com/x-api/media/append-media-upload), finalize
   * (https://docs.x.com/x-api/media/finalize-media-upload), then read STATUS while `processing_info` says
   * pending or in progress (https://docs.x.com/x-api/media/get-media-upload-status). Alt text through
   * POST /2/media/metadata (https://docs.x.com/x-api/media/create-media-metadata).
   *
   * Progress (`ctx.progress`, `media` = the attachment's index in its post): 0 before the first APPEND, then the bytes
   * sent once each APPEND is accepted (a 2xx answer: X holds the segment).
   */
  private async upload(ctx: ConnectorContext, account: Account, media: MediaAttachment, mediaIndex: number): Promise<string> {
    const init = 'X media upload (initialize)';
    const category = media.mimeType === 'video/mp4' ? 'tweet_video' : media.mimeType === 'image/gif' ? 'tweet_gif' : 'tweet_image';
    const initialized = dataOf(
      await this.post(
        ctx,
        account,
        '2/media/upload/initialize',
        { media_type: media.mimeType, total_bytes: media.data.byteLength, media_category: category },
        init,
      ),
      init,
    );
    const mediaId = idOf(initialized.id, init, 'data.id');
    const totalBytes = media.data.byteLength;
    const segments = Math.max(1, Math.ceil(totalBytes / this.chunkBytes));
    reportProgress(ctx, { media: mediaIndex, sentBytes: 0, totalBytes });
    for (let index = 0; index < segments; index++) {
      const chunk = media.data.subarray(index * this.chunkBytes, (index + 1) * this.chunkBytes);
      const context = `X media upload (append segment ${index + 1} of ${segments})`;
      try {
        await this.post(
          ctx,
          account,
          `2/media/upload/${mediaId}/append`,
          { media: Buffer.from(chunk).toString('base64'), segment_index: index },
          context,
        );
      } catch (error) {
        // The upload session stays open for X's expires_after_secs: a later attempt starts a new one.
        if (error instanceof ConnectorError && (error.kind === 'AUTH_EXPIRED' || error.kind === 'RATE_LIMITED')) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new ConnectorError('TRANSIENT', `${context} failed, nothing was posted: ${reason}`, {
          status: error instanceof ConnectorError ? error.status : undefined,
        });
      }
      reportProgress(ctx, { media: mediaIndex, sentBytes: Math.min(totalBytes, (index + 1) * this.chunkBytes), totalBytes });
    }
    const finalize = 'X media upload (finalize)';
    let info = processingInfo(
      dataOf(await this.post(ctx, account, `2/media/upload/${mediaId}/finalize`, {}, finalize), finalize),
      finalize,
    );
    const started = Date.now();
    while (info && (info.state === 'pending' || info.state === 'in_progress')) {
      if (Date.now() - started > this.processingMaxWaitMs) {
        throw new ConnectorError('TRANSIENT', `X media upload: media ${mediaId} still processing after ${this.processingMaxWaitMs} ms`);
      }
      await sleep(this.statusPollMs ?? Math.min(info.checkAfterSecs, 30) * 1000);
      const status = 'X media upload (status)';
      info = processingInfo(
        dataOf(await this.get(ctx, account, '2/media/upload', { command: 'STATUS', media_id: mediaId }, status), status),
        status,
      );
    }
    if (info?.state === 'failed') {
      throw new ConnectorError('REJECTED', `X media upload: X could not process the media${info.error ? `: ${info.error}` : ''}`, {
        networkReason: info.error,
      });
    }
    if (media.altText) {
      await this.post(
        ctx,
        account,
        '2/media/metadata',
        { id: mediaId, metadata: { alt_text: { text: media.altText.slice(0, 1000) } } },
        'X media metadata',
      );
    }
    return mediaId;
  }

  /** DELETE /2/tweets/:id (https://docs.x.com/x-api/posts/delete-post). A post already gone counts as deleted. */
  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const account = this.account(credentials);
    const id = idOf(externalId, 'X delete', 'external id');
    const context = `X DELETE /2/tweets/${id}`;
    const response = await ctx.http.request({
      method: 'DELETE',
      url: apiUrl(account.serviceUrl, `2/tweets/${id}`),
      headers: bearer(account.accessToken),
    });
    if (response.status === 404) return;
    if (response.status < 200 || response.status > 299) throw xError(response, context, ctx.now?.() ?? new Date());
  }

  // ---------------------------------------------------------------- finding a publish again

  /**
   * The account's posts since `publishedAfter` (GET /2/users/:id/tweets with start_time,
   * https://docs.x.com/x-api/users/get-posts), matched on their text: X keeps no key. Links are left out of the
   * comparison (X rewrites them to t.co and appends one per media), and X's HTML escapes are undone.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const account = this.account(credentials);
    const memo = this.published.get(`${account.serviceUrl} ${account.userId} ${request.idempotencyKey}`);
    const context = 'X GET /2/users/:id/tweets';
    const tweets: Array<{ id: string; text: string; repliedTo?: string }> = [];
    let token: string | undefined;
    let complete = false;
    for (let page = 0; page < this.findMaxPages; page++) {
      const body = await this.get(
        ctx,
        account,
        `2/users/${account.userId}/tweets`,
        {
          max_results: '100',
          'tweet.fields': TWEET_FIELDS,
          start_time: request.publishedAfter ? new Date(request.publishedAfter).toISOString() : undefined,
          pagination_token: token,
        },
        context,
      );
      const list = listOf(body, context);
      for (const item of list.data) {
        const tweet = record(item, context, 'a post');
        tweets.push({
          id: idOf(tweet.id, context, 'post id'),
          text: stringOf(tweet.text, context, 'post text'),
          repliedTo: repliedTo(tweet),
        });
      }
      token = list.nextToken;
      if (!token) {
        complete = true;
        break;
      }
    }
    if (!complete && !request.publishedAfter) {
      throw new ConnectorError('UNKNOWN', 'X findPublished: the recent posts read do not reach back far enough to tell');
    }
    const parts = [request.variant, ...(request.variant.thread ?? [])].map((part) => comparable(part.text));
    // Oldest first: the first attempt's post, not a later copy.
    const ordered = [...tweets].reverse();
    const first =
      (memo && ordered.find((tweet) => tweet.id === memo.externalId)) ?? ordered.find((tweet) => comparable(tweet.text) === parts[0]);
    if (!first) {
      if (!complete)
        throw new ConnectorError(
          'UNKNOWN',
          `X findPublished: more than ${this.findMaxPages * 100} posts since ${request.publishedAfter}; cannot tell`,
        );
      return null;
    }
    const threadIds: string[] = [];
    let previous = first.id;
    for (const text of parts.slice(1)) {
      const next = ordered.find((tweet) => tweet.repliedTo === previous && comparable(tweet.text) === text);
      if (!next) break;
      threadIds.push(next.id);
      previous = next.id;
    }
    const post: PublishedPost = { externalId: first.id, url: tweetUrl(account.username, first.id) };
    if (threadIds.length > 0) post.threadIds = threadIds;
    return post;
  }

  // ---------------------------------------------------------------- listening

  /**
   * Without keywords: GET /2/users/:id/mentions (https://docs.x.com/x-api/users/get-mentions). With keywords:
   * GET /2/tweets/search/recent (https://docs.x.com/x-api/posts/search-recent-posts), any of the keywords,
   * retweets left out. Both page with X's token; the cursor also remembers how much of a page was returned.
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const account = this.account(credentials);
    const keywords = (query.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
    const limit = pageLimit(query.limit);
    if (keywords.length === 0) {
      return this.page(ctx, account, `2/users/${account.userId}/mentions`, {}, 'm', 5, limit, query.cursor, 'X mentions');
    }
    const q = `(${keywords.map(searchTerm).join(' OR ')}) -is:retweet`;
    if (q.length > 512) throw new ConnectorError('REJECTED', 'X search: the keywords make a query longer than the 512 characters X allows');
    return this.page(ctx, account, '2/tweets/search/recent', { query: q }, 's', 10, limit, query.cursor, 'X search');
  }

  /** Replies in the post's conversation, by recent search `conversation_id:<id>` (last 7 days; page above). */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const account = this.account(credentials);
    const id = idOf(externalId, 'X comments', 'external id');
    return this.page(
      ctx,
      account,
      '2/tweets/search/recent',
      { query: `conversation_id:${id}` },
      `c${id}`,
      10,
      DEFAULT_PAGE,
      cursor,
      'X comments',
    );
  }

  private async page(
    ctx: ConnectorContext,
    account: Account,
    path: string,
    query: Record<string, string>,
    kind: string,
    minResults: number,
    limit: number,
    cursor: string | undefined,
    context: string,
  ): Promise<MentionPage> {
    const position = cursor ? decodeCursor(cursor, kind, context) : { o: 0 };
    const body = await this.get(
      ctx,
      account,
      path,
      {
        ...query,
        max_results: String(Math.max(minResults, Math.min(100, limit))),
        pagination_token: kind === 'm' ? position.t : undefined,
        next_token: kind === 'm' ? undefined : position.t,
        'tweet.fields': TWEET_FIELDS,
        expansions: 'author_id',
        'user.fields': USER_FIELDS,
      },
      context,
    );
    const list = listOf(body, context);
    const users = new Map<string, Record<string, unknown>>();
    const includes = isRecord(list.root.includes) ? list.root.includes : {};
    if (Array.isArray(includes.users))
      for (const user of includes.users) if (isRecord(user) && typeof user.id === 'string') users.set(user.id, user);
    const slice = list.data.slice(position.o, position.o + limit);
    const items = slice.map((item) => toMention(item, users, context));
    let next: PageCursor | undefined;
    if (position.o + limit < list.data.length) next = { t: position.t, o: position.o + limit };
    else if (list.nextToken) next = { t: list.nextToken, o: 0 };
    return { items, cursor: next ? encodeCursor(kind, next) : undefined };
  }

  // ---------------------------------------------------------------- metrics

  /** GET /2/tweets?ids=…&tweet.fields=public_metrics (https://docs.x.com/x-api/posts/get-posts-by-ids), 100 ids a call. */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const account = this.account(credentials);
    const ids = externalIds.map((id) => idOf(id, 'X metrics', 'external id'));
    const out: PostMetrics[] = [];
    const context = 'X GET /2/tweets';
    for (let from = 0; from < ids.length; from += 100) {
      const body = await this.get(
        ctx,
        account,
        '2/tweets',
        { ids: ids.slice(from, from + 100).join(','), 'tweet.fields': 'public_metrics' },
        context,
      );
      const fetchedAt = (ctx.now?.() ?? new Date()).toISOString();
      for (const item of listOf(body, context).data) {
        const tweet = record(item, context, 'a post');
        const metrics = record(tweet.public_metrics, context, 'public_metrics');
        out.push({
          externalId: idOf(tweet.id, context, 'post id'),
          likes: count(metrics.like_count, context, 'like_count'),
          reposts: count(metrics.retweet_count, context, 'retweet_count'),
          replies: count(metrics.reply_count, context, 'reply_count'),
          quotes: optionalCount(metrics.quote_count),
          impressions: optionalCount(metrics.impression_count),
          fetchedAt,
        });
      }
    }
    return out;
  }

  /** GET /2/users/me?user.fields=public_metrics (https://docs.x.com/x-api/users/get-my-user). */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const account = this.account(credentials);
    const context = 'X GET /2/users/me';
    const data = dataOf(await this.get(ctx, account, '2/users/me', { 'user.fields': 'public_metrics' }, context), context);
    const metrics = record(data.public_metrics, context, 'public_metrics');
    return {
      followers: count(metrics.followers_count, context, 'followers_count'),
      following: optionalCount(metrics.following_count),
      posts: optionalCount(metrics.tweet_count),
      fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
    };
  }
}

// ---------------------------------------------------------------- helpers

/**
 * What the manifest's single size and count cannot say (https://docs.x.com/x-api/media/quickstart/best-practices):
 * images weigh 5 MB at most, and a video is the post's only attachment.
 */
function mediaViolations(prefix: string, media: unknown[]): Violation[] {
  const out: Violation[] = [];
  const items = media.filter((item): item is MediaAttachment => isRecord(item));
  items.forEach((item, index) => {
    const size = mediaSize(item);
    if (X_IMAGE_TYPES.includes(item.mimeType) && size > X_IMAGE_MAX_BYTES) {
      out.push({
        rule: 'media.too-large',
        path: `${prefix}media[${index}]`,
        message: `X takes images of 5 MB at most; this one weighs ${size} bytes.`,
      });
    }
  });
  if (items.some((item) => item.mimeType === 'video/mp4') && items.length > 1) {
    out.push({
      rule: 'media.mixed',
      path: `${prefix}media`,
      message: 'On X a video is the post’s only attachment: publish the other files in another post.',
    });
  }
  return out;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function tweetUrl(username: string, id: string): string {
  return `https://x.com/${encodeURIComponent(username)}/status/${id}`;
}

function result(progress: Progress): PublishedPost {
  const post: PublishedPost = { externalId: progress.externalId, url: progress.url };
  if (progress.threadIds.length > 0) post.threadIds = [...progress.threadIds];
  return post;
}

function pageLimit(limit: number | undefined): number {
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100) : DEFAULT_PAGE;
}

function searchTerm(keyword: string): string {
  return /[\s()"]/.test(keyword) ? `"${keyword.replace(/"/g, '')}"` : keyword;
}

function repliedTo(tweet: Record<string, unknown>): string | undefined {
  if (!Array.isArray(tweet.referenced_tweets)) return undefined;
  const entry = tweet.referenced_tweets.find((ref) => isRecord(ref) && ref.type === 'replied_to');
  return isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined;
}

/** Text compared without links and with X's escapes undone (https://docs.x.com/x-api/fundamentals/data-dictionary). */
function comparable(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

function processingInfo(data: Record<string, unknown>, context: string) {
  if (data.processing_info === undefined) return undefined;
  const info = record(data.processing_info, context, 'processing_info');
  const state = stringOf(info.state, context, 'processing_info.state');
  const checkAfterSecs = optionalCount(info.check_after_secs) ?? 1;
  const error = isRecord(info.error) ? optionalString(info.error.message) : undefined;
  return { state, checkAfterSecs, error };
}

function toMention(item: unknown, users: Map<string, Record<string, unknown>>, context: string): Mention {
  const tweet = record(item, context, 'a post');
  const id = idOf(tweet.id, context, 'post id');
  const authorId = idOf(tweet.author_id, context, 'author_id');
  const author = users.get(authorId);
  const username = author ? stringOf(author.username, context, 'author username') : authorId;
  const metrics = author && isRecord(author.public_metrics) ? author.public_metrics : undefined;
  const mention: Mention = {
    externalId: id,
    url: tweetUrl(username, id),
    authorHandle: username,
    text: stringOf(tweet.text, context, 'post text'),
    publishedAt: dateOf(tweet.created_at, context, 'created_at'),
    authorReach: optionalCount(metrics?.followers_count) ?? null,
  };
  const name = optionalString(author?.name);
  if (name) mention.authorName = name;
  const lang = optionalString(tweet.lang);
  if (lang) mention.language = lang;
  const parent = repliedTo(tweet);
  if (parent) mention.inReplyTo = parent;
  return mention;
}

function encodeCursor(kind: string, cursor: PageCursor): string {
  return `${kind}:${Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')}`;
}

function decodeCursor(cursor: string, kind: string, context: string): PageCursor {
  const bad = () => new ConnectorError('REJECTED', `${context}: the cursor was not made by this operation`);
  if (!cursor.startsWith(`${kind}:`) || cursor.length > 4096) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor.slice(kind.length + 1), 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!isRecord(parsed) || typeof parsed.o !== 'number' || !Number.isSafeInteger(parsed.o) || parsed.o < 0) throw bad();
  if (parsed.t !== undefined && typeof parsed.t !== 'string') throw bad();
  return { t: parsed.t as string | undefined, o: parsed.o };
}

/** Tells the platform how far an upload got; a failing listener never stops the upload. */
function reportProgress(ctx: ConnectorContext, report: UploadProgress): void {
  try {
    ctx.progress?.(report);
  } catch {
    // The platform's display is not worth a failed publish.
  }
}
