/**
 * The Mastodon connector: any instance, OAuth or a personal access token.
 *
 * Publishing sends `Idempotency-Key`: Mastodon keeps the key for an hour per account and
 * answers a repeated request with the status it already created. Each further part of a
 * thread uses `<key>:<index>`, so a retried thread resumes where it stopped.
 *
 * `findPublished` cannot ask Mastodon about a key (it forgets them after an hour and never
 * shows them): it reads the account's own recent statuses and matches the variant's content.
 * See its comment for what that can and cannot tell.
 */
import { ConnectorError, countLength, htmlToText, mediaSize, validateVariant } from '@socle/connector-sdk';
import type {
  AccountMetrics,
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorOAuth,
  Credentials,
  FindPublishedRequest,
  MediaAttachment,
  Mention,
  MentionPage,
  MentionQuery,
  PostMetrics,
  PublishedPost,
  PublishRequest,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import type {
  MastodonAccount,
  MastodonContext,
  MastodonMediaAttachment,
  MastodonNotification,
  MastodonSearchResults,
  MastodonStatus,
} from './api-types';
import { MastodonClient } from './client';
import {
  compareIds,
  decodeCursor,
  encodeCursor,
  multipartBody,
  MultipartPart,
  parseLinkHeader,
  QueryValue,
  sleep,
  withQuery,
} from './http-helpers';
import { MASTODON_IMAGE_MAX_BYTES, MASTODON_MAX_CHARACTERS, MASTODON_VISIBILITIES, MastodonVisibility, mastodonManifest } from './manifest';
import { buildMastodonAuthorizeUrl, mastodonCredentials, registerMastodonApp, requestMastodonToken, verifyMastodonToken } from './oauth';

/** Plain text kept from a status's HTML: instances may allow long posts, never this long. */
const MAX_STATUS_TEXT = 20_000;

export interface MastodonConnectorOptions {
  /** Wait between two checks of a media still being processed (202/206). Default 1000 ms. */
  mediaPollIntervalMs?: number;
  /** Checks before giving up on a media still being processed (TRANSIENT). Default 60. */
  mediaPollAttempts?: number;
  /** Statuses fetched at once by `fetchMetrics`. Default 4. */
  metricsConcurrency?: number;
  /** The application name registered at each instance, shown to users on the consent page. Default `Socle`. */
  oauthClientName?: string;
  /** Pages of 40 statuses `findPublished` reads at most to reach back to `publishedAfter`. Default 5. */
  findPublishedMaxPages?: number;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 40;
/** `findPublished` without `publishedAfter` looks this far back. */
const FIND_PUBLISHED_DEFAULT_LOOKBACK_MS = 24 * 3600 * 1000;
/** Clocks of the platform and the instance may differ: statuses this much older still count. */
const FIND_PUBLISHED_CLOCK_MARGIN_MS = 60 * 1000;

/**
 * Text compared the way it survives Mastodon's rendering: HTML to text collapses white space
 * (paragraphs and line breaks included), and a remote mention `@user@domain` shows as `@user`.
 */
function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(^|[^\w/@])@([a-zA-Z0-9_]+)@[a-zA-Z0-9.-]+/g, '$1@$2')
    .replace(/\s+/g, ' ')
    .trim();
}

interface PagedItem {
  /** Id the endpoint paginates on (notification id or status id). */
  pageId: string;
  status: MastodonStatus;
}

interface PageSource {
  path: string;
  query: Record<string, QueryValue>;
  context: string;
  read(data: unknown): PagedItem[];
  /** Whether the endpoint sends `Link` headers (search does not). */
  linked: boolean;
}

function optionString(options: Variant['options'], name: string): string | undefined {
  const value = options?.[name];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function isVisibility(value: string): value is MastodonVisibility {
  return (MASTODON_VISIBILITIES as readonly string[]).includes(value);
}

function mediaKind(mimeType: string): 'image' | 'video' | 'other' {
  const type = mimeType.toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  return 'other';
}

function extensionFor(mimeType: string): string {
  const subtype = mimeType.split('/')[1]?.toLowerCase() ?? 'bin';
  return subtype === 'jpeg' ? 'jpg' : subtype.replace(/[^a-z0-9]/g, '') || 'bin';
}

export class MastodonConnector implements Connector {
  readonly manifest = mastodonManifest;
  private readonly pollIntervalMs: number;
  private readonly pollAttempts: number;
  private readonly metricsConcurrency: number;
  private readonly oauthClientName: string;
  private readonly findPublishedMaxPages: number;

  constructor(options: MastodonConnectorOptions = {}) {
    this.oauthClientName = options.oauthClientName?.trim() || 'Socle';
    this.pollIntervalMs = options.mediaPollIntervalMs ?? 1000;
    this.pollAttempts = options.mediaPollAttempts ?? 60;
    this.metricsConcurrency = Math.max(1, options.metricsConcurrency ?? 4);
    this.findPublishedMaxPages = Math.max(1, Math.floor(options.findPublishedMaxPages ?? 5));
  }

  // ---------------------------------------------------------------- auth

  /**
   * The start of an OAuth authorisation. Mastodon needs an application registered at each
   * instance: the first authorisation there registers it (`POST /api/v1/apps`), the next ones
   * reuse it from the platform's store. The client id and secret come back to `authorize`
   * with the code.
   */
  readonly oauth: ConnectorOAuth = {
    start: async (ctx, { serviceUrl, redirectUri, state, codeChallenge }, clients) => {
      const app = await clients.getOrRegister(() =>
        registerMastodonApp(ctx, serviceUrl, { clientName: this.oauthClientName, redirectUris: [redirectUri] }),
      );
      return {
        authorizationUrl: buildMastodonAuthorizeUrl(serviceUrl, { clientId: app.clientId, redirectUri, state, codeChallenge }),
        fields: { clientId: app.clientId, clientSecret: app.clientSecret },
      };
    },
  };

  /**
   * `fields.accessToken`: a personal access token (Preferences > Development).
   * `fields.code` + `fields.clientId` + `fields.clientSecret` (+ `fields.codeVerifier` with PKCE):
   * the authorization code the instance redirected back with; `redirectUri` must be the one
   * used to build the authorize URL.
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const now = ctx.now?.() ?? new Date();
    const fields = input.fields ?? {};
    if (fields.accessToken) {
      const account = await verifyMastodonToken(ctx, input.serviceUrl, fields.accessToken);
      return mastodonCredentials(input.serviceUrl, account, { accessToken: fields.accessToken }, now);
    }
    if (fields.code) {
      const redirectUri = input.redirectUri ?? fields.redirectUri;
      if (!fields.clientId || !fields.clientSecret || !redirectUri) {
        throw new ConnectorError('REJECTED', 'Mastodon authorization: clientId, clientSecret and redirectUri are needed with a code', {
          networkReason: 'missing client credentials',
        });
      }
      const token = await requestMastodonToken(
        ctx,
        input.serviceUrl,
        {
          grant_type: 'authorization_code',
          code: fields.code,
          client_id: fields.clientId,
          client_secret: fields.clientSecret,
          redirect_uri: redirectUri,
          code_verifier: fields.codeVerifier,
          scope: fields.scope,
        },
        'Mastodon authorization',
      );
      const account = await verifyMastodonToken(ctx, input.serviceUrl, token.access_token);
      return mastodonCredentials(
        input.serviceUrl,
        account,
        {
          accessToken: token.access_token,
          refreshToken: token.refresh_token,
          expiresInSeconds: token.expires_in,
          clientId: fields.clientId,
          clientSecret: fields.clientSecret,
        },
        now,
      );
    }
    throw new ConnectorError('REJECTED', 'Mastodon authorization needs an access token or an authorization code', {
      networkReason: 'missing accessToken or code',
    });
  }

  /**
   * With a refresh token (instances that issue expiring tokens): the `refresh_token` grant.
   * Otherwise Mastodon tokens do not expire: the token is checked and kept as it is, and a
   * revoked one is AUTH_EXPIRED (the user connects again).
   */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const now = ctx.now?.() ?? new Date();
    const { refreshToken, clientId, clientSecret } = credentials.secrets ?? {};
    if (refreshToken && clientId && clientSecret) {
      const token = await requestMastodonToken(
        ctx,
        credentials.serviceUrl,
        { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret },
        'Mastodon token refresh',
      ).catch((error: unknown) => {
        // A refused refresh token means the user must connect again, whatever the status.
        if (error instanceof ConnectorError && error.kind === 'REJECTED') {
          throw new ConnectorError('AUTH_EXPIRED', error.message, { status: error.status, networkReason: error.networkReason });
        }
        throw error;
      });
      const account = await verifyMastodonToken(ctx, credentials.serviceUrl, token.access_token);
      return mastodonCredentials(
        credentials.serviceUrl,
        account,
        {
          accessToken: token.access_token,
          refreshToken: token.refresh_token ?? refreshToken,
          expiresInSeconds: token.expires_in,
          clientId,
          clientSecret,
        },
        now,
      );
    }
    const client = MastodonClient.forCredentials(ctx, credentials);
    const account = await verifyMastodonToken(ctx, client.baseUrl, credentials.secrets.accessToken);
    return { ...credentials, secrets: { ...credentials.secrets, accountId: account.id, username: account.acct || account.username } };
  }

  // ---------------------------------------------------------------- validation

  validate(variant: Variant): Violation[] {
    const violations = validateVariant(this.manifest, variant);
    const parts: Array<[Variant, string]> = [[variant, '']];
    (Array.isArray(variant?.thread) ? variant.thread : []).forEach((part, index) => parts.push([part, `thread[${index}].`]));
    for (const [part, prefix] of parts) {
      const options = { ...(variant.options ?? {}), ...(part.options ?? {}) };
      // The variant's own options are checked against the manifest's (validateVariant); a thread part's here.
      const visibility = options.visibility;
      if (prefix && visibility !== undefined && (typeof visibility !== 'string' || !isVisibility(visibility))) {
        violations.push({
          rule: 'options.visibility',
          path: `${prefix}options.visibility`,
          message: `Visibility "${String(visibility)}" is not one of ${MASTODON_VISIBILITIES.join(', ')}.`,
        });
      }
      const spoiler = optionString(options, 'spoilerText') ?? optionString(options, 'contentWarning');
      const textLength = countLength(typeof part.text === 'string' ? part.text : '', this.manifest.text.counting);
      if (spoiler && textLength <= MASTODON_MAX_CHARACTERS) {
        const total = textLength + countLength(spoiler, this.manifest.text.counting);
        if (total > MASTODON_MAX_CHARACTERS) {
          violations.push({
            rule: 'text.too-long',
            path: `${prefix}text`,
            message: `The text and the content warning are ${total} characters together; Mastodon allows ${MASTODON_MAX_CHARACTERS}. Remove ${total - MASTODON_MAX_CHARACTERS}.`,
          });
        }
      }
      (Array.isArray(part.media) ? part.media : []).forEach((item, index) => {
        if (mediaKind(item.mimeType ?? '') === 'image' && mediaSize(item) > MASTODON_IMAGE_MAX_BYTES) {
          violations.push({
            rule: 'media.too-large',
            path: `${prefix}media[${index}]`,
            message: `Image ${index + 1} weighs more than 16 MB, Mastodon's limit for images.`,
          });
        }
      });
    }
    return violations;
  }

  private assertPublishable(variant: Variant, context: string): void {
    const violations = this.validate(variant);
    if (violations.length) {
      const reason = violations.map((violation) => `${violation.path}: ${violation.message}`).join(' ');
      throw new ConnectorError('REJECTED', `${context}: ${reason}`, { networkReason: reason });
    }
  }

  // ---------------------------------------------------------------- publishing

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const context = 'Mastodon publish';
    if (!request?.idempotencyKey) throw new ConnectorError('REJECTED', `${context}: an idempotency key is required`);
    this.assertPublishable(request.variant, context);
    const client = MastodonClient.forCredentials(ctx, credentials);
    const parts = [request.variant, ...(request.variant.thread ?? [])];
    const statuses: MastodonStatus[] = [];
    let parentId = request.inReplyTo;
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      const options = { ...(request.variant.options ?? {}), ...(index > 0 ? (part.options ?? {}) : {}) };
      const key = index === 0 ? request.idempotencyKey : `${request.idempotencyKey}:${index}`;
      const status = await this.postStatus(
        client,
        { ...part, options },
        parentId,
        key,
        index === 0 ? context : `${context} (thread part ${index + 1})`,
      );
      statuses.push(status);
      parentId = status.id;
    }
    const [first, ...rest] = statuses;
    const published: PublishedPost = { externalId: first.id, url: first.url ?? first.uri };
    if (rest.length) published.threadIds = rest.map((status) => status.id);
    return published;
  }

  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    return this.publish(ctx, credentials, { variant, idempotencyKey, inReplyTo: externalId });
  }

  /**
   * Whether a publish with this variant already reached the instance. Mastodon keeps an
   * `Idempotency-Key` for an hour and never shows it, so this reads the account's own statuses
   * (`GET /api/v1/accounts/:id/statuses`, 40 a page, newest first) back to `publishedAfter`
   * (default: the last 24 hours; one minute of clock margin) and takes the oldest status there
   * whose text (HTML to text, white space collapsed, remote mentions as `@user`), content
   * warning and number of attachments match the variant's first part. Thread parts are the
   * account's replies to the previous part with the next text, up to the first missing one.
   *
   * What it cannot tell:
   * - a status with the same content posted after `publishedAfter` by other means (by hand, or
   *   a second content item with the same text) is taken for this publish: pass the time the
   *   first attempt started, not earlier;
   * - an instance that renders text its own way (Markdown in some forks) gives no match: null;
   * - a status deleted since is not found: null;
   * - more than `findPublishedMaxPages` pages (200 statuses by default) since `publishedAfter`:
   *   UNKNOWN, rather than a null that could publish twice.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const context = 'Mastodon find published';
    if (!request?.idempotencyKey) throw new ConnectorError('REJECTED', `${context}: an idempotency key is required`);
    const now = (ctx.now?.() ?? new Date()).getTime();
    const after = request.publishedAfter === undefined ? now - FIND_PUBLISHED_DEFAULT_LOOKBACK_MS : Date.parse(request.publishedAfter);
    if (Number.isNaN(after)) {
      throw new ConnectorError('REJECTED', `${context}: publishedAfter is not a date`, { networkReason: 'invalid publishedAfter' });
    }
    const since = after - FIND_PUBLISHED_CLOCK_MARGIN_MS;
    const client = MastodonClient.forCredentials(ctx, credentials);
    const accountId = credentials.secrets.accountId || (await this.ownAccount(client, context)).id;

    const recent: MastodonStatus[] = [];
    let maxId: string | undefined;
    let reachedBack = false;
    for (let page = 0; page < this.findPublishedMaxPages && !reachedBack; page++) {
      const path = withQuery(`/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`, {
        limit: MAX_PAGE_SIZE,
        exclude_reblogs: true,
        max_id: maxId,
      });
      const { data, response } = await client.call<unknown>('GET', path, context);
      if (!Array.isArray(data)) throw new ConnectorError('UNKNOWN', `${context}: expected a list of statuses`);
      for (const status of data as MastodonStatus[]) {
        if (typeof status?.id !== 'string') continue;
        const created = Date.parse(status.created_at);
        if (!Number.isNaN(created) && created < since) reachedBack = true;
        else recent.push(status);
      }
      // Only the instance's own next page is followed, by its max_id.
      const next = parseLinkHeader(response.headers.link).next?.searchParams.get('max_id') ?? undefined;
      if (!next || data.length === 0) reachedBack = true;
      maxId = next;
    }
    if (!reachedBack) {
      throw new ConnectorError(
        'UNKNOWN',
        `${context}: more than ${this.findPublishedMaxPages * MAX_PAGE_SIZE} statuses since ${new Date(after).toISOString()}; cannot tell`,
      );
    }

    recent.sort((a, b) => compareIds(a.id, b.id));
    const parts = [request.variant, ...(request.variant?.thread ?? [])];
    const matches = (status: MastodonStatus, index: number) => {
      const part = parts[index];
      const options = { ...(request.variant?.options ?? {}), ...(index > 0 ? (part.options ?? {}) : {}) };
      const spoiler = optionString(options, 'spoilerText') ?? optionString(options, 'contentWarning') ?? '';
      return (
        comparableText(htmlToText(status.content ?? '', MAX_STATUS_TEXT)) ===
          comparableText(typeof part?.text === 'string' ? part.text : '') &&
        comparableText(status.spoiler_text ?? '') === comparableText(spoiler) &&
        (status.media_attachments?.length ?? 0) === (part?.media?.length ?? 0)
      );
    };
    const first = recent.find((status) => matches(status, 0));
    if (!first) return null;
    const threadIds: string[] = [];
    let previous = first;
    for (let index = 1; index < parts.length; index++) {
      const next = recent.find((status) => status.in_reply_to_id === previous.id && matches(status, index));
      if (!next) break;
      threadIds.push(next.id);
      previous = next;
    }
    const published: PublishedPost = { externalId: first.id, url: first.url ?? first.uri };
    if (threadIds.length) published.threadIds = threadIds;
    return published;
  }

  private async ownAccount(client: MastodonClient, context: string): Promise<MastodonAccount> {
    const { data } = await client.call<MastodonAccount>('GET', '/api/v1/accounts/verify_credentials', `${context}: whose account`);
    if (typeof data?.id !== 'string' || !data.id) throw new ConnectorError('UNKNOWN', `${context}: the answer has no account id`);
    return data;
  }

  private async postStatus(
    client: MastodonClient,
    part: Variant,
    inReplyToId: string | undefined,
    idempotencyKey: string,
    context: string,
  ): Promise<MastodonStatus> {
    const mediaIds: string[] = [];
    for (const [index, attachment] of (part.media ?? []).entries()) {
      mediaIds.push(await this.uploadMedia(client, attachment, `${context}: media ${index + 1}`));
    }
    const options = part.options ?? {};
    const body: Record<string, unknown> = { status: part.text, visibility: optionString(options, 'visibility') ?? 'public' };
    const spoiler = optionString(options, 'spoilerText') ?? optionString(options, 'contentWarning');
    if (spoiler) body.spoiler_text = spoiler;
    if (options.sensitive === true || spoiler) body.sensitive = true;
    const language = optionString(options, 'language');
    if (language) body.language = language;
    if (mediaIds.length) body.media_ids = mediaIds;
    if (inReplyToId) body.in_reply_to_id = inReplyToId;
    const { data } = await client.call<MastodonStatus>('POST', '/api/v1/statuses', context, {
      json: body,
      headers: { 'idempotency-key': idempotencyKey },
    });
    return this.checkStatus(data, context);
  }

  private checkStatus(status: MastodonStatus, context: string): MastodonStatus {
    if (typeof status?.id !== 'string' || !status.id) {
      throw new ConnectorError('UNKNOWN', `${context}: the answer is not a status (no id)`);
    }
    return status;
  }

  /** `POST /api/v2/media`, then wait while the instance processes it (202 / 206). */
  private async uploadMedia(client: MastodonClient, attachment: MediaAttachment, context: string): Promise<string> {
    const parts: MultipartPart[] = [
      { name: 'file', value: attachment.data, filename: `upload.${extensionFor(attachment.mimeType)}`, contentType: attachment.mimeType },
    ];
    if (attachment.altText) parts.push({ name: 'description', value: attachment.altText });
    const { body, contentType } = multipartBody(parts);
    const { data, response } = await client.call<MastodonMediaAttachment>('POST', '/api/v2/media', context, { raw: { body, contentType } });
    if (typeof data.id !== 'string') throw new ConnectorError('UNKNOWN', `${context}: the answer has no media id`);
    if (response.status === 200 && data.url) return data.id;
    for (let attempt = 0; attempt < this.pollAttempts; attempt++) {
      await sleep(this.pollIntervalMs);
      const check = await client.send('GET', `/api/v1/media/${encodeURIComponent(data.id)}`, `${context} (processing)`);
      if (check.status === 200) return data.id;
    }
    throw new ConnectorError('TRANSIENT', `${context}: the instance is still processing the media after ${this.pollAttempts} checks`, {
      retryAfterSeconds: 30,
    });
  }

  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const client = MastodonClient.forCredentials(ctx, credentials);
    // A status that is already gone is what delete wants: a retried delete succeeds.
    await client.send('DELETE', `/api/v1/statuses/${encodeURIComponent(externalId)}`, 'Mastodon delete', { acceptStatuses: [404] });
  }

  // ---------------------------------------------------------------- listening

  /**
   * Without keywords: mentions of the account (`GET /api/v1/notifications?types[]=mention`).
   * With keywords: `#tag` keywords read the hashtag timeline (one request, `any[]` for the
   * others), other keywords use status search, one request each. Pages go from newest to
   * oldest; the cursor holds the `max_id` to continue from, so no item comes twice. Each
   * mention's `authorReach` is its author's `followers_count` (the Account the Status embeds).
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const client = MastodonClient.forCredentials(ctx, credentials);
    const limit = Math.min(Math.max(1, Math.floor(query?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const maxId = query?.cursor ? decodeCursor(query.cursor, 'Mastodon mentions').maxId : undefined;
    const keywords = (query?.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
    const sources = keywords.length ? this.searchSources(keywords) : [this.notificationSource()];

    const results = await Promise.all(
      sources.map(async (source) => {
        const { data, response } = await client.call<unknown>(
          'GET',
          withQuery(source.path, { ...source.query, limit, max_id: maxId }),
          source.context,
        );
        const items = source.read(data);
        const next = parseLinkHeader(response.headers.link).next;
        const more = source.linked ? !!next && items.length > 0 : items.length >= limit;
        return { items, more, nextMaxId: next?.searchParams.get('max_id') ?? undefined };
      }),
    );

    const seen = new Set<string>();
    const union: PagedItem[] = [];
    for (const result of results) {
      for (const item of result.items) {
        if (seen.has(item.status.id)) continue;
        seen.add(item.status.id);
        union.push(item);
      }
    }
    union.sort((a, b) => compareIds(b.pageId, a.pageId));
    const page = union.slice(0, limit).filter((item) => maxId === undefined || compareIds(item.pageId, maxId) < 0);
    const more = union.length > limit || results.some((result) => result.more);
    const single = results.length === 1 && union.length <= limit ? results[0].nextMaxId : undefined;
    const nextMaxId = single ?? page[page.length - 1]?.pageId;
    return {
      items: page.map((item) => this.toMention(item.status, client.host)),
      cursor: more && nextMaxId ? encodeCursor({ maxId: nextMaxId }) : undefined,
    };
  }

  private notificationSource(): PageSource {
    return {
      path: '/api/v1/notifications',
      query: { types: ['mention'] },
      context: 'Mastodon mentions',
      linked: true,
      read: (data) => {
        if (!Array.isArray(data)) throw new ConnectorError('UNKNOWN', 'Mastodon mentions: expected a list of notifications');
        return (data as MastodonNotification[])
          .filter((notification) => notification?.type === 'mention' && notification.status && typeof notification.id === 'string')
          .map((notification) => ({ pageId: notification.id, status: notification.status as MastodonStatus }));
      },
    };
  }

  private searchSources(keywords: string[]): PageSource[] {
    const readStatuses = (context: string) => (data: unknown) => {
      if (!Array.isArray(data)) throw new ConnectorError('UNKNOWN', `${context}: expected a list of statuses`);
      return (data as MastodonStatus[]).filter((status) => typeof status?.id === 'string').map((status) => ({ pageId: status.id, status }));
    };
    const sources: PageSource[] = [];
    const tags = keywords.filter((keyword) => /^#[^\s#]+$/u.test(keyword)).map((keyword) => keyword.slice(1));
    const words = keywords.filter((keyword) => !/^#[^\s#]+$/u.test(keyword));
    if (tags.length) {
      const [first, ...others] = tags;
      sources.push({
        path: `/api/v1/timelines/tag/${encodeURIComponent(first)}`,
        query: { any: others.length ? others : undefined },
        context: 'Mastodon hashtag timeline',
        linked: true,
        read: readStatuses('Mastodon hashtag timeline'),
      });
    }
    for (const word of words) {
      sources.push({
        path: '/api/v2/search',
        query: { q: word, type: 'statuses', resolve: false },
        context: 'Mastodon search',
        linked: false,
        read: (data) => {
          const statuses = (data as Partial<MastodonSearchResults>)?.statuses;
          return readStatuses('Mastodon search')(statuses);
        },
      });
    }
    return sources;
  }

  private toMention(status: MastodonStatus, host: string): Mention {
    const acct = status.account?.acct ?? status.account?.username ?? 'unknown';
    const text = htmlToText(status.content ?? '', MAX_STATUS_TEXT);
    const mention: Mention = {
      externalId: status.id,
      url: status.url ?? status.uri,
      authorHandle: acct.includes('@') ? acct : `${acct}@${host}`,
      text: status.spoiler_text ? `${status.spoiler_text}\n\n${text}` : text,
      publishedAt: status.created_at,
    };
    if (status.account?.display_name) mention.authorName = status.account.display_name;
    const followers = status.account?.followers_count;
    // The author's followers as the instance shows them; a value that is not a count is left unsaid.
    if (typeof followers === 'number' && Number.isSafeInteger(followers) && followers >= 0) mention.authorReach = followers;
    if (status.language) mention.language = status.language;
    if (status.in_reply_to_id) mention.inReplyTo = status.in_reply_to_id;
    return mention;
  }

  /** Replies under a status (`GET /api/v1/statuses/:id/context`), all in one page, oldest first. */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<MentionPage> {
    const client = MastodonClient.forCredentials(ctx, credentials);
    const { data } = await client.call<MastodonContext>(
      'GET',
      `/api/v1/statuses/${encodeURIComponent(externalId)}/context`,
      'Mastodon comments',
    );
    if (!Array.isArray(data.descendants)) throw new ConnectorError('UNKNOWN', 'Mastodon comments: the answer has no descendants');
    const items = data.descendants.filter((status) => typeof status?.id === 'string').map((status) => this.toMention(status, client.host));
    return { items };
  }

  // ---------------------------------------------------------------- metrics

  /** Counts from `GET /api/v1/statuses/:id`; a status that no longer exists is left out. */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const client = MastodonClient.forCredentials(ctx, credentials);
    const results: Array<PostMetrics | undefined> = new Array(externalIds.length);
    let next = 0;
    const worker = async () => {
      while (next < externalIds.length) {
        const index = next++;
        const id = externalIds[index];
        const response = await client.send('GET', `/api/v1/statuses/${encodeURIComponent(id)}`, 'Mastodon metrics', {
          acceptStatuses: [404],
        });
        if (response.status === 404) continue;
        const status = this.checkStatus(client.parse<MastodonStatus>(response, 'Mastodon metrics'), 'Mastodon metrics');
        const metrics: PostMetrics = {
          externalId: status.id,
          likes: status.favourites_count ?? 0,
          reposts: status.reblogs_count ?? 0,
          replies: status.replies_count ?? 0,
          fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
        };
        if (typeof status.quotes_count === 'number') metrics.quotes = status.quotes_count;
        results[index] = metrics;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.metricsConcurrency, externalIds.length) }, worker));
    return results.filter((entry): entry is PostMetrics => !!entry);
  }

  /**
   * The account's counts from `GET /api/v1/accounts/verify_credentials` (followers_count,
   * following_count, statuses_count). A count missing or not a whole number >= 0 is an
   * answer we cannot read: stored as is, it would make a follower curve fall to zero.
   */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const context = 'Mastodon account metrics';
    const client = MastodonClient.forCredentials(ctx, credentials);
    const account = await this.ownAccount(client, context);
    const count = (value: unknown, name: string): number => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new ConnectorError('UNKNOWN', `${context}: the answer has no usable ${name}`);
      }
      return value;
    };
    const metrics: AccountMetrics = {
      followers: count(account.followers_count, 'followers_count'),
      fetchedAt: (ctx.now?.() ?? new Date()).toISOString(),
    };
    if (account.following_count !== undefined) metrics.following = count(account.following_count, 'following_count');
    if (account.statuses_count !== undefined) metrics.posts = count(account.statuses_count, 'statuses_count');
    return metrics;
  }
}
