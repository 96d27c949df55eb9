/**
 * A loopback server that plays the Instagram API with Facebook Login (graph.facebook.com) for the tests (127.0.0.1,
 * free port).
 *
 * It answers the way the documentation describes, each behaviour next to its page: the Facebook Login dialog and the
 * token exchanges, the Pages with their linked Instagram accounts (/me/accounts), containers (fetching `image_url` /
 * `video_url` itself over HTTP and refusing what Instagram refuses), their status, publishing and its quota, the
 * account's media, tags, hashtag search, comments and replies, insights, with Meta's error bodies. The SDK's
 * LoopbackServer adds rate limits, 500s, HTML pages, truncated bodies and stalls on demand. The dialog (www.facebook.com
 * in production) and the API are served from the same origin.
 */
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';
import { MediaHost, startMediaHost } from './media-host';

export const TEST_CLIENT_ID = '880011223355';
export const TEST_CLIENT_SECRET = 'instagram-app-secret-for-tests';
export const API_VERSION = 'v21.0';
/** The Page with a linked Instagram professional account, and that account. */
export const LINKED_PAGE_ID = '200000000000011';
export const IG_USER_ID = '17841400000000001';
export const IG_USERNAME = 'soclebakery';
export const IG_NAME = 'Socle Bakery';
/** A Page with no Instagram account: never a target. */
export const UNLINKED_PAGE_ID = '200000000000012';

/** Documented limits (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const VIDEO_MAX_BYTES = 300 * 1024 * 1024;
const CAPTION_MAX = 2200;
const SIXTY_DAYS = 60 * 24 * 3600;

export interface InstagramMedia {
  id: string;
  ownerId: string;
  username: string;
  caption: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  /** Seconds since the epoch. */
  createdAt: number;
  permalink: string;
  altTexts: string[];
  children: string[];
  hashtags: string[];
}

export interface InstagramContainer {
  id: string;
  ownerId: string;
  kind: 'IMAGE' | 'REELS' | 'VIDEO' | 'CAROUSEL';
  carouselItem: boolean;
  caption: string;
  altText?: string;
  children: string[];
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
  /** Status reads left before IN_PROGRESS turns FINISHED (videos). */
  readsLeft: number;
  errorText?: string;
}

export interface InstagramComment {
  id: string;
  mediaId: string;
  parentId?: string;
  username: string;
  fromId: string;
  text: string;
  createdAt: number;
}

interface Token {
  kind: 'user-short' | 'user-long';
  expiresAt?: number;
  revokedSubcode?: number;
  /** Permissions the person removed in their settings. */
  removed: Set<string>;
}

export interface InstagramTestServer extends LoopbackServer {
  /** The file server the test media live on (closed with this server). */
  readonly mediaHost: MediaHost;
  /** The account's published media (the conformance suite counts them). */
  readonly media: Map<string, InstagramMedia>;
  readonly containers: Map<string, InstagramContainer>;
  readonly comments: Map<string, InstagramComment>;
  /** A long-lived user token. */
  issueUserToken(): string;
  /** A token that expired (Meta answers 190, subcode 463). */
  issueExpiredToken(): string;
  /** Revokes a token: 190 with `subcode` (460 password changed, 467 invalid session). */
  revoke(token: string, subcode?: number): void;
  /** The person removed `permission` from the app: calls that need it answer error 10 or 200. */
  removePermission(token: string, permission: string): void;
  /** Video containers stay IN_PROGRESS this many status reads (default 2). */
  setVideoProcessingReads(reads: number): void;
  /** Every container stays IN_PROGRESS for ever. */
  stickContainers(stuck: boolean): void;
  /** The next container created ends in ERROR with `status` as Instagram words it. */
  failNextContainer(status: string): void;
  /** The account's publishing quota (`config.quota_total`, default 50). */
  setQuotaTotal(total: number): void;
  /** Adds `count` media by other people that tag the account. */
  addMentions(count: number): void;
  /** Adds recent public media carrying `#hashtag`. */
  addHashtagMedia(hashtag: string, count: number): void;
  /** Marks hashtags as queried in the last 7 days. */
  addSearchedHashtags(names: string[]): void;
  /** Hashtag queries (ig_hashtag_search) received, in order. */
  readonly hashtagQueries: string[];
  /** Adds a comment by another person on `mediaId`. */
  addComment(mediaId: string, text: string): InstagramComment;
  /** Answers `reply` (once) instead of the API to the next request `match` accepts. */
  answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply): void;
}

/** Meta's error body (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export function graphError(
  status: number,
  code: number,
  message: string,
  extra: { type?: string; subcode?: number; userMessage?: string } = {},
): LoopbackReply {
  return {
    status,
    body: {
      error: {
        message,
        type: extra.type ?? (code === 190 ? 'OAuthException' : 'OAuthException'),
        code,
        ...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
        ...(extra.userMessage ? { error_user_msg: extra.userMessage } : {}),
        is_transient: false,
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
  };
}

/**
 * What Instagram's fetch of a media URL gives: the bytes, or the error Meta answers
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes: 9004/2207052 the media
 * could not be fetched, -2/2207003 the download took too long).
 */
async function download(url: string, maxBytes: number): Promise<{ data: Buffer; contentType: string } | LoopbackReply> {
  const failed = graphError(400, 9004, 'The media could not be fetched from this uri: ' + url.slice(0, 200), {
    subcode: 2207052,
    userMessage: 'Media download has failed. The media URI doesn\u2019t meet our requirements.',
  });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return failed;
  try {
    const response = await fetch(parsed, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return failed;
    const data = Buffer.from(await response.arrayBuffer());
    if (data.byteLength > maxBytes) {
      return graphError(400, 36000, 'The image size is too large.', {
        subcode: 2207004,
        userMessage: 'The image is too large to download. It should be less than 8 MiB.',
      });
    }
    return { data, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return graphError(400, -2, 'It takes too long to download the media.', { subcode: 2207003 });
    }
    return failed;
  }
}

const isJpeg = (data: Buffer) => data.byteLength >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
/** MP4 and MOV both start with a box whose type is `ftyp` (ISO base media file format), at byte 4. */
const isMp4OrMov = (data: Buffer) => data.byteLength >= 8 && data.subarray(4, 8).toString('ascii') === 'ftyp';

export async function startInstagramTestServer(): Promise<InstagramTestServer> {
  const mediaHost = await startMediaHost();
  const now = () => Math.floor(Date.now() / 1000);
  let counter = 1000;
  const nextId = () => `178${String(++counter).padStart(8, '0')}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

  const tokens = new Map<string, Token>();
  const codes = new Map<string, { redirectUri: string }>();
  const media = new Map<string, InstagramMedia>();
  const containers = new Map<string, InstagramContainer>();
  const comments = new Map<string, InstagramComment>();
  const tagged: InstagramMedia[] = [];
  const hashtagMedia: InstagramMedia[] = [];
  const hashtags = new Map<string, string>(); // name -> id
  const searched: Array<{ name: string; at: number }> = [];
  const hashtagQueries: string[] = [];
  const publishedAt: number[] = [];
  const planned: Array<{ match: (request: LoopbackRequest) => boolean; reply: LoopbackReply }> = [];
  let videoReads = 2;
  let stuck = false;
  let nextFailure: string | undefined;
  let quotaTotal = 50;

  const issue = (kind: Token['kind'], expiresAt?: number): string => {
    const token = `EAA${kind === 'user-short' ? 'S' : 'L'}${nextId()}${Math.random().toString(36).slice(2, 10)}`;
    tokens.set(token, { kind, expiresAt, removed: new Set() });
    return token;
  };
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
  const shortcode = () => Math.random().toString(36).slice(2, 13);

  /** Form body and query string: Graph API POSTs take either (https://developers.facebook.com/docs/graph-api/overview). */
  const params = (request: LoopbackRequest): URLSearchParams => {
    const merged = new URLSearchParams(request.url.searchParams);
    const type = String(request.headers['content-type'] ?? '');
    if (request.method !== 'GET' && type.startsWith('application/x-www-form-urlencoded')) {
      for (const [name, value] of new URLSearchParams(request.text())) merged.set(name, value);
    }
    return merged;
  };

  /** Error 190 when the token is missing, unknown, expired or revoked (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
  const authenticate = (value: string | null): Token | LoopbackReply => {
    if (!value) return graphError(400, 190, 'An active access token must be used to query information about the current user.');
    const token = tokens.get(value);
    if (!token) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (token.revokedSubcode !== undefined) {
      return graphError(400, 190, 'Error validating access token: The session has been invalidated.', { subcode: token.revokedSubcode });
    }
    if (token.expiresAt !== undefined && token.expiresAt <= now()) {
      return graphError(400, 190, 'Error validating access token: Session has expired.', { subcode: 463 });
    }
    return token;
  };
  const isReply = (value: unknown): value is LoopbackReply => typeof value === 'object' && value !== null && !('removed' in value);
  /** A permission the person removed: (#10) for publishing, (#200) for reading (permissions reference). */
  const need = (token: Token, permission: string): LoopbackReply | undefined => {
    if (!token.removed.has(permission)) return undefined;
    return permission === 'instagram_content_publish'
      ? graphError(403, 10, '(#10) Application does not have permission for this action')
      : graphError(403, 200, `(#200) Requires ${permission} permission to manage the object`);
  };

  /** Cursor paging (https://developers.facebook.com/docs/graph-api/results): `paging.cursors`, `next` only when more exist. */
  const page = <T extends { id: string }>(
    query: URLSearchParams,
    items: T[],
    basePath: string,
    shape: (item: T) => Record<string, unknown>,
    maxLimit = 100,
  ): LoopbackReply => {
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), maxLimit);
    const after = query.get('after');
    let start = 0;
    if (after) {
      const decoded = Buffer.from(after, 'base64').toString('utf8');
      const at = items.findIndex((item) => item.id === decoded);
      if (at === -1) return graphError(400, 100, 'Invalid parameter: after');
      start = at + 1;
    }
    const slice = items.slice(start, start + limit);
    const body: Record<string, unknown> = { data: slice.map(shape) };
    if (slice.length > 0) {
      const cursors = {
        before: Buffer.from(slice[0].id).toString('base64'),
        after: Buffer.from(slice[slice.length - 1].id).toString('base64'),
      };
      body.paging = {
        cursors,
        ...(start + limit < items.length ? { next: `${server.baseUrl}${basePath}?after=${encodeURIComponent(cursors.after)}` } : {}),
      };
    }
    return { status: 200, body };
  };

  /** IG Media fields (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media). */
  const mediaShape =
    (withUsername = true) =>
    (item: InstagramMedia) => ({
      id: item.id,
      caption: item.caption,
      timestamp: iso(item.createdAt),
      permalink: item.permalink,
      media_type: item.mediaType,
      ...(withUsername ? { username: item.username } : {}),
    });
  const commentShape = (comment: InstagramComment) => ({
    id: comment.id,
    text: comment.text,
    timestamp: iso(comment.createdAt),
    username: comment.username,
    from: { id: comment.fromId, username: comment.username },
    ...(comment.parentId ? { parent_id: comment.parentId } : {}),
  });

  const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

  /**
   * POST /{ig-user-id}/media (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media):
   * an image container fetches `image_url` at once (JPEG only, 8 MiB); a video container (REELS, or VIDEO as a carousel
   * item) fetches `video_url` and processes for a while; a CAROUSEL container takes 2 to 10 FINISHED children.
   */
  const createContainer = async (query: URLSearchParams): Promise<LoopbackReply> => {
    const caption = query.get('caption') ?? '';
    if ([...caption].length > CAPTION_MAX) return graphError(400, 100, '(#100) The caption is too long', { subcode: 2207010 });
    if (countOf(caption, /#[\p{L}\p{N}_]+/gu) > 30) return graphError(400, 100, '(#100) The caption has more than 30 hashtags');
    const carouselItem = query.get('is_carousel_item') === 'true';
    const type = query.get('media_type') ?? (query.has('image_url') ? 'IMAGE' : '');
    const id = nextId();
    const base: InstagramContainer = {
      id,
      ownerId: IG_USER_ID,
      kind: 'IMAGE',
      carouselItem,
      caption,
      children: [],
      status: 'FINISHED',
      readsLeft: 0,
    };
    if (type === 'CAROUSEL') {
      const children = (query.get('children') ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 10)
        return graphError(400, 100, '(#100) A carousel takes 2 to 10 children', { subcode: 2207028 });
      for (const child of children) {
        const found = containers.get(child);
        if (!found || !found.carouselItem || found.status !== 'FINISHED') {
          return graphError(400, 100, `(#100) The carousel child ${child} is not a finished carousel item`, { subcode: 2207028 });
        }
      }
      containers.set(id, { ...base, kind: 'CAROUSEL', children });
    } else if (type === 'IMAGE') {
      if (!query.get('image_url')) return graphError(400, 100, '(#100) The parameter image_url is required');
      const fetched = await download(query.get('image_url') ?? '', IMAGE_MAX_BYTES);
      if (!('data' in fetched)) return fetched;
      // JPEG is the only format the image containers take (image specifications of the reference).
      if (!isJpeg(fetched.data)) {
        return graphError(400, 36001, 'The image format is not supported.', {
          subcode: 2207005,
          userMessage: 'The image format is not supported. Supported format: JPEG.',
        });
      }
      containers.set(id, { ...base, kind: 'IMAGE', altText: query.get('alt_text') ?? undefined });
    } else if (type === 'REELS' || (type === 'VIDEO' && carouselItem)) {
      if (!query.get('video_url')) return graphError(400, 100, '(#100) The parameter video_url is required');
      if (query.has('alt_text')) return graphError(400, 100, '(#100) alt_text is supported for images only');
      // Video containers download and process asynchronously: a failure shows as status_code ERROR (IG Container reference).
      const fetched = await download(query.get('video_url') ?? '', VIDEO_MAX_BYTES);
      const container: InstagramContainer = {
        ...base,
        kind: type === 'REELS' ? 'REELS' : 'VIDEO',
        status: 'IN_PROGRESS',
        readsLeft: videoReads,
      };
      if (!('data' in fetched)) {
        Object.assign(container, { status: 'ERROR', errorText: 'ERROR: Media download has failed (2207052)' });
      } else if (!isMp4OrMov(fetched.data)) {
        Object.assign(container, {
          status: 'ERROR',
          errorText: 'ERROR: The video format is not supported. Please check spec for supported format (2207026)',
        });
      }
      containers.set(id, container);
    } else if (type === 'VIDEO') {
      // Feed videos are published as Reels since July 2023 (content publishing guide): VIDEO outside a carousel is refused.
      return graphError(400, 100, '(#100) The media_type VIDEO is no longer supported; use REELS', { subcode: 2207023 });
    } else {
      return graphError(400, 100, '(#100) image_url or video_url with media_type is required');
    }
    const created = containers.get(id);
    if (created && nextFailure !== undefined) {
      created.status = 'ERROR';
      created.errorText = nextFailure;
      nextFailure = undefined;
    }
    return { status: 200, body: { id } };
  };

  const quotaUsage = () => publishedAt.filter((at) => at > now() - 86400).length;

  const handle = async (request: LoopbackRequest): Promise<LoopbackReply> => {
    const next = planned.findIndex((entry) => entry.match(request));
    if (next !== -1) return planned.splice(next, 1)[0].reply;
    const path = request.url.pathname;
    const query = params(request);
    const versioned = path.startsWith(`/${API_VERSION}/`) ? path.slice(API_VERSION.length + 1) : undefined;
    if (versioned === undefined) return graphError(400, 2500, `Unknown path components: ${path}`);

    // The login dialog (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#login): the person
    // signs in and consents, then Facebook redirects to redirect_uri with `code` and the `state`.
    if (request.method === 'GET' && versioned === '/dialog/oauth') {
      const redirectUri = query.get('redirect_uri') ?? '';
      const state = query.get('state') ?? '';
      if (query.get('client_id') !== TEST_CLIENT_ID || !redirectUri || !state) {
        return { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><body>Invalid app id or redirect</body></html>' };
      }
      const code = `AQ${nextId()}`;
      codes.set(code, { redirectUri });
      const location = new URL(redirectUri);
      location.searchParams.set('code', code);
      location.searchParams.set('state', state);
      return { status: 302, headers: { location: location.toString() }, body: '' };
    }

    // GET /oauth/access_token: the code exchange (short-lived user token) or, with grant_type=fb_exchange_token, the
    // long-lived exchange (about 60 days, https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
    if (request.method === 'GET' && versioned === '/oauth/access_token') {
      if (query.get('client_id') !== TEST_CLIENT_ID || query.get('client_secret') !== TEST_CLIENT_SECRET) {
        return graphError(400, 1, 'Error validating client secret.');
      }
      if (query.get('grant_type') === 'fb_exchange_token') {
        const short = authenticate(query.get('fb_exchange_token'));
        if (isReply(short)) return short;
        return {
          status: 200,
          body: { access_token: issue('user-long', now() + SIXTY_DAYS), token_type: 'bearer', expires_in: SIXTY_DAYS },
        };
      }
      const code = query.get('code') ?? '';
      const grant = codes.get(code);
      if (!grant || grant.redirectUri !== query.get('redirect_uri')) {
        return graphError(400, 100, 'Invalid verification code format.', { subcode: 36007 });
      }
      codes.delete(code);
      return { status: 200, body: { access_token: issue('user-short', now() + 7200), token_type: 'bearer', expires_in: 5183 } };
    }

    const tokenOrError = authenticate(query.get('access_token'));
    if (isReply(tokenOrError)) return tokenOrError;
    const token = tokenOrError;
    const segments = versioned.split('/').filter(Boolean);
    const [first, edge] = segments;

    // GET /me/accounts with instagram_business_account{id,username,name}: the Pages the person manages and their linked
    // Instagram professional accounts (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/get-started).
    if (request.method === 'GET' && versioned === '/me/accounts') {
      const denied = need(token, 'pages_show_list');
      if (denied) return denied;
      const pages = [
        { id: LINKED_PAGE_ID, name: 'Socle Bakery Page', ig: { id: IG_USER_ID, username: IG_USERNAME, name: IG_NAME } },
        { id: UNLINKED_PAGE_ID, name: 'A Page without Instagram' },
      ];
      const fields = query.get('fields') ?? '';
      return page(query, pages, `/${API_VERSION}/me/accounts`, (item) => ({
        id: item.id,
        name: item.name,
        ...('ig' in item && fields.includes('instagram_business_account') ? { instagram_business_account: item.ig } : {}),
      }));
    }

    // GET /ig_hashtag_search?user_id&q (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search):
    // counts against the 30 unique hashtags of a moving 7 days. Meta does not document the error of the 31st: a generic
    // error stands for it here (the connector checks recently_searched_hashtags first and never sends it).
    if (request.method === 'GET' && versioned === '/ig_hashtag_search') {
      if (query.get('user_id') !== IG_USER_ID) return graphError(400, 100, '(#100) user_id is required');
      const name = (query.get('q') ?? '').toLowerCase();
      if (!/^[\p{L}\p{N}_]+$/u.test(name)) return graphError(400, 100, '(#100) Invalid hashtag');
      hashtagQueries.push(name);
      const week = now() - 7 * 86400;
      const recent = searched.filter((entry) => entry.at > week);
      if (!recent.some((entry) => entry.name === name)) {
        if (recent.length >= 30) return graphError(400, 100, '(#100) Hashtag query limit reached');
        searched.push({ name, at: now() });
      }
      let id = hashtags.get(name);
      if (!id) hashtags.set(name, (id = nextId()));
      return { status: 200, body: { data: [{ id }] } };
    }

    if (first === IG_USER_ID) {
      // GET /{ig-user-id}?fields=followers_count,follows_count,media_count (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user).
      if (request.method === 'GET' && segments.length === 1) {
        return {
          status: 200,
          body: { id: IG_USER_ID, followers_count: 4321, follows_count: 87, media_count: media.size, username: IG_USERNAME },
        };
      }
      if (request.method === 'POST' && edge === 'media') {
        const denied = need(token, 'instagram_content_publish');
        return denied ?? createContainer(query);
      }
      // GET /{ig-user-id}/content_publishing_limit (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
      if (request.method === 'GET' && edge === 'content_publishing_limit') {
        const denied = need(token, 'instagram_content_publish');
        if (denied) return denied;
        return { status: 200, body: { data: [{ quota_usage: quotaUsage(), config: { quota_total: quotaTotal, quota_duration: 86400 } }] } };
      }
      // POST /{ig-user-id}/media_publish (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish):
      // a FINISHED container only; the quota answers 9/2207042 (error codes reference).
      if (request.method === 'POST' && edge === 'media_publish') {
        const denied = need(token, 'instagram_content_publish');
        if (denied) return denied;
        const container = containers.get(query.get('creation_id') ?? '');
        if (!container || container.carouselItem) return graphError(400, 100, '(#100) Invalid creation_id');
        if (quotaUsage() >= quotaTotal) {
          return graphError(400, 9, 'Application request limit reached', {
            subcode: 2207042,
            userMessage: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
          });
        }
        if (container.status === 'PUBLISHED') return graphError(400, 9007, 'The media has already been published', { subcode: 2207027 });
        if (container.status !== 'FINISHED') {
          return graphError(400, 9007, 'Media ID is not available', {
            subcode: 2207027,
            userMessage: 'The media is not ready for publishing, please wait for a moment',
          });
        }
        container.status = 'PUBLISHED';
        publishedAt.push(now());
        const id = nextId();
        media.set(id, {
          id,
          ownerId: IG_USER_ID,
          username: IG_USERNAME,
          caption: container.caption,
          mediaType: container.kind === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : container.kind === 'IMAGE' ? 'IMAGE' : 'VIDEO',
          createdAt: now(),
          permalink: `https://www.instagram.com/p/${shortcode()}/`,
          altTexts:
            container.kind === 'CAROUSEL'
              ? container.children.map((child) => containers.get(child)?.altText ?? '')
              : [container.altText ?? ''],
          children: container.children,
          hashtags: container.caption.match(/#[\p{L}\p{N}_]+/gu)?.map((tag) => tag.slice(1).toLowerCase()) ?? [],
        });
        return { status: 200, body: { id } };
      }
      // GET /{ig-user-id}/media, newest first (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media#reading).
      if (request.method === 'GET' && edge === 'media') {
        return page(query, [...media.values()].reverse(), `/${API_VERSION}/${IG_USER_ID}/media`, mediaShape());
      }
      // GET /{ig-user-id}/tags: media the account is tagged in (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags).
      if (request.method === 'GET' && edge === 'tags') {
        return page(query, [...tagged].reverse(), `/${API_VERSION}/${IG_USER_ID}/tags`, mediaShape());
      }
      // GET /{ig-user-id}/recently_searched_hashtags: hashtags queried in the last 7 days, 30 a page at most
      // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/recently_searched_hashtags).
      if (request.method === 'GET' && edge === 'recently_searched_hashtags') {
        const week = now() - 7 * 86400;
        const list = searched.filter((entry) => entry.at > week).map((entry) => ({ id: hashtags.get(entry.name) ?? '', name: entry.name }));
        return page(query, list, `/${API_VERSION}/${IG_USER_ID}/recently_searched_hashtags`, (item) => item, 30);
      }
    }

    // GET /{hashtag-id}/recent_media?user_id: public media of the last 24 hours, 50 a page, no `username`
    // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
    const hashtagName = [...hashtags.entries()].find(([, id]) => id === first)?.[0];
    if (hashtagName !== undefined && request.method === 'GET' && edge === 'recent_media') {
      if (query.get('user_id') !== IG_USER_ID) return graphError(400, 100, '(#100) user_id is required');
      if ((query.get('fields') ?? '').split(',').includes('username')) {
        return graphError(400, 100, '(#100) Tried accessing nonexisting field (username) on node type (ShadowIGHashtagMedia)');
      }
      const list = hashtagMedia.filter((item) => item.hashtags.includes(hashtagName) && item.createdAt > now() - 86400).reverse();
      return page(query, list, `/${API_VERSION}/${first}/recent_media`, mediaShape(false), 50);
    }

    const container = containers.get(first);
    // GET /{container-id}?fields=status_code,status (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).
    if (container && request.method === 'GET' && segments.length === 1) {
      if (!stuck && container.status === 'IN_PROGRESS') {
        if (container.readsLeft <= 0) container.status = 'FINISHED';
        else container.readsLeft -= 1;
      }
      const status = stuck && container.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : container.status;
      return {
        status: 200,
        body: {
          id: container.id,
          status_code: status,
          status:
            container.errorText ??
            (status === 'FINISHED'
              ? 'Finished: Media has been uploaded and it is ready to be published.'
              : 'In Progress: Media is still being processed.'),
        },
      };
    }

    const item = media.get(first) ?? tagged.find((candidate) => candidate.id === first);
    const comment = comments.get(first);
    if (item && segments.length === 1 && request.method === 'GET') {
      const fields = (query.get('fields') ?? 'id').split(',');
      const body: Record<string, unknown> = { id: item.id };
      if (fields.includes('permalink')) body.permalink = item.permalink;
      if (fields.includes('caption')) body.caption = item.caption;
      return { status: 200, body };
    }
    if (comment && segments.length === 1 && request.method === 'GET') {
      const fields = query.get('fields') ?? 'id';
      // IG Comment has no permalink field (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment).
      if (fields.split(',').includes('permalink')) {
        return graphError(400, 100, '(#100) Tried accessing nonexisting field (permalink) on node type (IGComment)');
      }
      const parent = media.get(comment.mediaId);
      return {
        status: 200,
        body: {
          id: comment.id,
          text: comment.text,
          ...(fields.includes('media') && parent ? { media: { id: parent.id, permalink: parent.permalink } } : {}),
        },
      };
    }

    if (item && edge === 'comments') {
      // POST /{ig-media-id}/comments (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments).
      if (request.method === 'POST') {
        const denied = need(token, 'instagram_manage_comments');
        if (denied) return denied;
        if (item.ownerId !== IG_USER_ID) return graphError(400, 100, '(#100) Comments can be created on the account\u2019s own media only');
        const message = query.get('message') ?? '';
        if (!message) return graphError(400, 100, '(#100) The parameter message is required');
        const created: InstagramComment = {
          id: nextId(),
          mediaId: item.id,
          username: IG_USERNAME,
          fromId: IG_USER_ID,
          text: message,
          createdAt: now(),
        };
        comments.set(created.id, created);
        return { status: 200, body: { id: created.id } };
      }
      // GET /{ig-media-id}/comments: top-level comments, newest first.
      if (request.method === 'GET') {
        const denied = need(token, 'instagram_manage_comments');
        if (denied) return denied;
        const list = [...comments.values()].filter((candidate) => candidate.mediaId === item.id && !candidate.parentId).reverse();
        return page(query, list, `/${API_VERSION}/${item.id}/comments`, commentShape, 50);
      }
    }
    // POST /{ig-comment-id}/replies (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies):
    // replies answer top-level comments only.
    if (comment && edge === 'replies' && request.method === 'POST') {
      const denied = need(token, 'instagram_manage_comments');
      if (denied) return denied;
      if (comment.parentId) return graphError(400, 100, '(#100) Replies can be made to top-level comments only');
      const message = query.get('message') ?? '';
      if (!message) return graphError(400, 100, '(#100) The parameter message is required');
      const created: InstagramComment = {
        id: nextId(),
        mediaId: comment.mediaId,
        parentId: comment.id,
        username: IG_USERNAME,
        fromId: IG_USER_ID,
        text: message,
        createdAt: now(),
      };
      comments.set(created.id, created);
      return { status: 200, body: { id: created.id } };
    }
    // GET /{ig-media-id}/insights (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights):
    // `impressions` and `plays` are refused for media after v22.0's deprecation; `views` replaces them.
    if (item && edge === 'insights' && request.method === 'GET') {
      const denied = need(token, 'instagram_manage_insights');
      if (denied) return denied;
      const metrics = (query.get('metric') ?? '').split(',').filter(Boolean);
      const known: Record<string, number> = {
        views: 120,
        reach: 80,
        likes: 12,
        comments: [...comments.values()].filter((c) => c.mediaId === item.id).length,
        shares: 3,
        saved: 5,
      };
      const unknown = metrics.find((name) => !(name in known));
      if (unknown)
        return graphError(400, 100, `(#100) metric[0] must be one of the following values: ${Object.keys(known).join(', ')} (${unknown})`);
      return {
        status: 200,
        body: {
          data: metrics.map((name) => ({
            name,
            period: 'lifetime',
            values: [{ value: known[name] }],
            title: name,
            id: `${item.id}/insights/${name}/lifetime`,
          })),
        },
      };
    }

    // Unknown objects: error 100, subcode 33 (https://developers.facebook.com/docs/graph-api/guides/error-handling).
    return graphError(400, 100, `Unsupported ${request.method.toLowerCase()} request. Object with ID '${first ?? ''}' does not exist`, {
      subcode: 33,
    });
  };

  const server = await LoopbackServer.start(handle);
  const close = server.close.bind(server);
  return Object.assign(server, {
    mediaHost,
    media,
    containers,
    comments,
    hashtagQueries,
    async close() {
      await mediaHost.close();
      await close();
    },
    issueUserToken: () => issue('user-long', now() + SIXTY_DAYS),
    issueExpiredToken: () => issue('user-long', now() - 60),
    revoke(value: string, subcode = 460) {
      const known = tokens.get(value);
      if (known) known.revokedSubcode = subcode;
    },
    removePermission(value: string, permission: string) {
      tokens.get(value)?.removed.add(permission);
    },
    setVideoProcessingReads(reads: number) {
      videoReads = reads;
    },
    stickContainers(value: boolean) {
      stuck = value;
    },
    failNextContainer(status: string) {
      nextFailure = status;
    },
    setQuotaTotal(total: number) {
      quotaTotal = total;
    },
    addMentions(count: number) {
      for (let i = 0; i < count; i++) {
        const id = nextId();
        tagged.push({
          id,
          ownerId: nextId(),
          username: `visitor${tagged.length + 1}`,
          caption: `Great bread at @${IG_USERNAME} ${tagged.length + 1}`,
          mediaType: 'IMAGE',
          createdAt: now(),
          permalink: `https://www.instagram.com/p/${shortcode()}/`,
          altTexts: [],
          children: [],
          hashtags: [],
        });
      }
    },
    addHashtagMedia(hashtag: string, count: number) {
      const name = hashtag.toLowerCase();
      for (let i = 0; i < count; i++) {
        hashtagMedia.push({
          id: nextId(),
          ownerId: nextId(),
          username: `someone${hashtagMedia.length + 1}`,
          caption: `Fresh today #${name} ${hashtagMedia.length + 1}`,
          mediaType: 'IMAGE',
          createdAt: now(),
          permalink: `https://www.instagram.com/p/${shortcode()}/`,
          altTexts: [],
          children: [],
          hashtags: [name],
        });
      }
    },
    addSearchedHashtags(names: string[]) {
      for (const name of names) {
        const lower = name.toLowerCase();
        if (!hashtags.has(lower)) hashtags.set(lower, nextId());
        searched.push({ name: lower, at: now() });
      }
    },
    addComment(mediaId: string, text: string): InstagramComment {
      const created: InstagramComment = { id: nextId(), mediaId, username: 'a_customer', fromId: nextId(), text, createdAt: now() };
      comments.set(created.id, created);
      return created;
    },
    answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply) {
      planned.push({ match, reply });
    },
  });
}
