/**
 * A loopback server that plays the Threads API for the tests (127.0.0.1, free port).
 *
 * It answers the way graph.threads.net documents, each behaviour next to its page:
 * the OAuth window and token endpoints, the two-step publishing (container, status,
 * publish), media by URL (the server fetches `image_url` / `video_url` itself over HTTP and refuses
 * what Threads refuses), carousels, media fields, replies, mentions, keyword search, insights and delete, with
 * Meta's Graph API error bodies. The SDK's LoopbackServer adds rate limits, 500s, HTML
 * pages, truncated bodies and stalls on demand.
 *
 * The server's clock is real time plus `advance(seconds)`, so tests can age tokens.
 */
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

export const TEST_CLIENT_ID = '990011223344';
export const TEST_CLIENT_SECRET = 'threads-app-secret-for-tests';
export const TEST_USER_ID = '17841400000000001';
export const TEST_USERNAME = 'socle_agency';

type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
export type ThreadsMediaType = 'TEXT_POST' | 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';

/** A file the server fetched from an `image_url` / `video_url`. */
export interface FetchedMedia {
  url: string;
  contentType: string;
  bytes: number;
  altText?: string;
}

interface Container {
  id: string;
  text: string;
  replyToId?: string;
  mediaType: ThreadsMediaType;
  isCarouselItem: boolean;
  media: FetchedMedia[];
  status: ContainerStatus;
  errorMessage?: string;
  /** Status reads left before an IN_PROGRESS container finishes (or stays in progress when Infinity). */
  readsUntilFinished: number;
  endsIn: 'FINISHED' | 'ERROR';
}

export interface ThreadsPost {
  id: string;
  ownerId: string;
  username: string;
  text: string;
  /** Seconds since the epoch (server clock). */
  createdAt: number;
  replyToId?: string;
  rootId?: string;
  mediaType: ThreadsMediaType;
  /** The files the post shows, in order (the carousel's items). */
  media: FetchedMedia[];
  permalink: string;
  views: number;
  likes: number;
  reposts: number;
  quotes: number;
}

interface Token {
  userId: string;
  kind: 'short' | 'long';
  issuedAt: number;
  expiresAt: number;
}

/** How the next containers behave (tests set it; default: finished after one status read). */
export interface ContainerPlan {
  /** Status reads answered IN_PROGRESS first. Infinity: never finishes. */
  readsInProgress: number;
  endsIn: 'FINISHED' | 'ERROR';
  errorMessage?: string;
}

export interface ThreadsTestServer extends LoopbackServer {
  /** Published top-level posts and replies of the connected user, by id. */
  readonly posts: Map<string, ThreadsPost>;
  /** A long-lived token for the test user, issued `ageSeconds` ago (default 0), valid 60 days from its issue. */
  issueLongLivedToken(ageSeconds?: number): string;
  /** A long-lived token already past its 60 days (the API answers error 190 to it). */
  issueExpiredToken(): string;
  /** Adds `count` public posts by other users that mention the test user. */
  addMentions(count: number): void;
  /** Adds public posts of other users (keyword search finds them). */
  addPublicPost(text: string, username?: string): ThreadsPost;
  /** Adds a reply by another user to `postId`. */
  addReply(postId: string, text: string, username?: string): ThreadsPost;
  /** Sets the followers count the insights report. */
  setFollowers(count: number): void;
  /** How the next containers behave. */
  planContainers(plan: ContainerPlan | undefined): void;
  /** Moves the server's clock forward. */
  advance(seconds: number): void;
  /** Answers `reply` (once) instead of the API to the next request `match` accepts. */
  answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply): void;
  /** What the authorisation window was asked last, for inspection. */
  lastAuthorization(): { clientId: string; redirectUri: string; scope: string; state: string } | undefined;
}

/**
 * Media specifications (https://developers.facebook.com/docs/threads/reference/publishing): images JPEG or PNG,
 * 8 MB; videos MOV or MP4, 1 GB. A carousel has 2 to 20 items (https://developers.facebook.com/docs/threads/posts).
 */
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const VIDEO_TYPES = ['video/mp4', 'video/quicktime'];
const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const VIDEO_MAX_BYTES = 1024 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 3000;

/**
 * Fetches a media URL as Threads' crawler does ("We will cURL your image using the URL provided so it must be on a
 * public server", https://developers.facebook.com/docs/threads/posts): the answer's status, type and size, reading no
 * more than `maxBytes` + 1 bytes.
 */
async function fetchMedia(
  url: string,
  maxBytes: number,
): Promise<{ ok: true; contentType: string; bytes: number } | { ok: false; why: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, why: 'not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, why: 'not an http(s) URL' };
  try {
    const response = await fetch(parsed, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return { ok: false, why: `HTTP ${response.status}` };
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    let bytes = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        break;
      }
    }
    return { ok: true, contentType, bytes };
  } catch (error) {
    return { ok: false, why: (error as Error).message };
  }
}

/** Meta's error body, as the Graph API sends it (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
function graphError(status: number, code: number, message: string, extra: { type?: string; subcode?: number } = {}): LoopbackReply {
  return {
    status,
    body: {
      error: {
        message,
        type: extra.type ?? (code === 190 ? 'OAuthException' : 'THApiException'),
        code,
        ...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
  };
}

const SIXTY_DAYS = 60 * 24 * 3600;
const ONE_HOUR = 3600;

export async function startThreadsTestServer(): Promise<ThreadsTestServer> {
  let offset = 0;
  const now = () => Math.floor(Date.now() / 1000) + offset;
  let counter = 1000;
  const nextId = () => String(++counter) + '00000000';

  const tokens = new Map<string, Token>();
  const codes = new Map<string, { userId: string; redirectUri: string; clientId: string }>();
  const containers = new Map<string, Container>();
  const posts = new Map<string, ThreadsPost>();
  const others: ThreadsPost[] = [];
  const mentions: ThreadsPost[] = [];
  let followers = 42;
  let plan: ContainerPlan | undefined;
  let lastAuthorization: ReturnType<ThreadsTestServer['lastAuthorization']>;

  const issue = (kind: Token['kind'], lifetime: number, issuedAt = now()): string => {
    const token = `TH${kind === 'long' ? 'LL' : 'SL'}${nextId()}${Math.random().toString(36).slice(2, 10)}`;
    tokens.set(token, { userId: TEST_USER_ID, kind, issuedAt, expiresAt: issuedAt + lifetime });
    return token;
  };

  const permalinkOf = (username: string, id: string) => `https://www.threads.net/@${username}/post/${id.slice(0, 11)}`;
  const makePost = (
    text: string,
    username: string,
    ownerId: string,
    replyToId?: string,
    mediaType: ThreadsMediaType = 'TEXT_POST',
    media: FetchedMedia[] = [],
  ): ThreadsPost => {
    const id = nextId();
    const parent = replyToId ? (posts.get(replyToId) ?? others.find((post) => post.id === replyToId)) : undefined;
    return {
      id,
      ownerId,
      username,
      text,
      createdAt: now(),
      replyToId,
      rootId: parent ? (parent.rootId ?? parent.id) : undefined,
      mediaType,
      media,
      permalink: permalinkOf(username, id),
      views: 10,
      likes: 3,
      reposts: 1,
      quotes: 0,
    };
  };

  /** Media fields as https://developers.facebook.com/docs/threads/threads-media lists them; timestamps ISO 8601 with +0000. */
  const mediaFields = (post: ThreadsPost, fields: string[]): Record<string, unknown> => {
    const all: Record<string, unknown> = {
      id: post.id,
      text: post.text,
      username: post.username,
      permalink: post.permalink,
      timestamp: new Date(post.createdAt * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      media_type: post.mediaType,
      ...(post.media.length === 1 && post.media[0].altText ? { alt_text: post.media[0].altText } : {}),
      is_reply: post.replyToId !== undefined,
      ...(post.replyToId ? { replied_to: { id: post.replyToId } } : {}),
      ...(post.rootId ? { root_post: { id: post.rootId } } : {}),
    };
    const out: Record<string, unknown> = { id: post.id };
    for (const field of fields) if (field in all) out[field] = all[field];
    return out;
  };

  const fieldsOf = (request: LoopbackRequest, fallback = 'id') => (request.url.searchParams.get('fields') ?? fallback).split(',');

  /**
   * Cursor-based paging as Graph API edges do it (https://developers.facebook.com/docs/graph-api/results):
   * `paging.cursors.before/after`, `next` only when more pages exist.
   */
  const page = (request: LoopbackRequest, items: ThreadsPost[], basePath: string): LoopbackReply => {
    const limit = Math.min(Math.max(Number(request.url.searchParams.get('limit') ?? 25) || 25, 1), 100);
    const after = request.url.searchParams.get('after');
    let start = 0;
    if (after) {
      const decoded = Buffer.from(after, 'base64').toString('utf8');
      const at = items.findIndex((item) => item.id === decoded);
      if (at === -1) return graphError(400, 100, 'Invalid parameter: after');
      start = at + 1;
    }
    const slice = items.slice(start, start + limit);
    const fields = fieldsOf(request);
    const body: Record<string, unknown> = { data: slice.map((post) => mediaFields(post, fields)) };
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

  /** Reads a form body or the query string: Graph API POSTs take either (https://developers.facebook.com/docs/graph-api/overview). */
  const params = (request: LoopbackRequest): URLSearchParams => {
    const merged = new URLSearchParams(request.url.searchParams);
    const type = String(request.headers['content-type'] ?? '');
    if (request.method !== 'GET' && type.startsWith('application/x-www-form-urlencoded')) {
      for (const [name, value] of new URLSearchParams(request.text())) merged.set(name, value);
    }
    return merged;
  };

  /** The access token of a call, checked: error 190 when unknown or expired (Graph API error handling). */
  const authenticate = (request: LoopbackRequest, query: URLSearchParams): Token | LoopbackReply => {
    const bearer = String(request.headers.authorization ?? '');
    const value = query.get('access_token') ?? (bearer.startsWith('Bearer ') ? bearer.slice(7) : undefined);
    if (!value) return graphError(400, 190, 'An active access token must be used to query information about the current user.');
    const token = tokens.get(value);
    if (!token) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (token.expiresAt <= now()) {
      return graphError(400, 190, 'Error validating access token: Session has expired.', { subcode: 463 });
    }
    return token;
  };

  const planned: Array<{ match: (request: LoopbackRequest) => boolean; reply: LoopbackReply }> = [];

  /** A new container, in the state the plan says (default: FINISHED at the first status read). */
  const addContainer = (fields: Omit<Container, 'id' | 'status' | 'readsUntilFinished' | 'endsIn' | 'errorMessage'>, failure?: string) => {
    const current = plan ?? { readsInProgress: 0, endsIn: 'FINISHED' as const };
    const endsIn = failure ? 'ERROR' : current.endsIn;
    const container: Container = {
      ...fields,
      id: nextId(),
      status: current.readsInProgress > 0 ? 'IN_PROGRESS' : endsIn,
      errorMessage: failure ?? (current.endsIn === 'ERROR' ? (current.errorMessage ?? 'FAILED_PROCESSING_MEDIA') : undefined),
      readsUntilFinished: current.readsInProgress,
      endsIn,
    };
    containers.set(container.id, container);
    return { status: 200, body: { id: container.id } };
  };

  const createContainer = async (query: URLSearchParams): Promise<LoopbackReply> => {
    const mediaType = query.get('media_type');
    const text = query.get('text') ?? '';
    if ([...text].length > 500) return graphError(400, 100, 'Invalid parameter: The text is too long (500 characters at most)');
    const replyToId = query.get('reply_to_id') ?? undefined;
    if (replyToId && !posts.has(replyToId) && !others.some((post) => post.id === replyToId)) {
      return graphError(400, 100, `Invalid parameter: reply_to_id ${replyToId} does not exist`);
    }
    const isCarouselItem = query.get('is_carousel_item') === 'true';
    const altText = query.get('alt_text') ?? undefined;
    if (mediaType === 'TEXT') {
      if (!text.trim()) return graphError(400, 100, 'Invalid parameter: text is required for a TEXT post');
      return addContainer({ text, replyToId, mediaType: 'TEXT_POST', isCarouselItem: false, media: [] });
    }
    if (mediaType === 'IMAGE') {
      const url = query.get('image_url');
      if (!url) return graphError(400, 100, 'Invalid parameter: image_url is required for an IMAGE container');
      // Images are fetched when the container is made: a URL that cannot be read, a type other than JPEG/PNG or
      // more than 8 MB is refused at once. The documentation gives no code for it: Meta's content-publishing
      // code 9004 (subcode 2207052, "media could not be fetched from this URI") is assumed.
      const fetched = await fetchMedia(url, IMAGE_MAX_BYTES);
      if (!fetched.ok) {
        return graphError(400, 9004, `The media could not be fetched from this URI: ${url} (${fetched.why})`, { subcode: 2207052 });
      }
      if (!IMAGE_TYPES.includes(fetched.contentType)) {
        return graphError(400, 9004, `Unsupported image format ${fetched.contentType || '(none)'}: JPEG and PNG only`, {
          subcode: 2207026,
        });
      }
      if (fetched.bytes > IMAGE_MAX_BYTES) {
        return graphError(400, 9004, 'The image is too large: 8 MB at most', { subcode: 2207004 });
      }
      const media = [{ url, contentType: fetched.contentType, bytes: fetched.bytes, altText }];
      return addContainer({ text, replyToId: isCarouselItem ? undefined : replyToId, mediaType: 'IMAGE', isCarouselItem, media });
    }
    if (mediaType === 'VIDEO') {
      const url = query.get('video_url');
      if (!url) return graphError(400, 100, 'Invalid parameter: video_url is required for a VIDEO container');
      // Videos are fetched and processed after the container is made: a failure shows in its status, ERROR with an
      // error_message (FAILED_DOWNLOADING_VIDEO, FAILED_PROCESSING_VIDEO, …, listed at
      // https://developers.facebook.com/docs/threads/troubleshooting#publishing-does-not-return-a-media-id).
      const fetched = await fetchMedia(url, VIDEO_MAX_BYTES);
      let failure: string | undefined;
      if (!fetched.ok) failure = 'FAILED_DOWNLOADING_VIDEO';
      else if (!VIDEO_TYPES.includes(fetched.contentType) || fetched.bytes > VIDEO_MAX_BYTES) failure = 'FAILED_PROCESSING_VIDEO';
      const media = fetched.ok ? [{ url, contentType: fetched.contentType, bytes: fetched.bytes, altText }] : [];
      return addContainer({ text, replyToId: isCarouselItem ? undefined : replyToId, mediaType: 'VIDEO', isCarouselItem, media }, failure);
    }
    if (mediaType === 'CAROUSEL') {
      const ids = (query.get('children') ?? '').split(',').filter(Boolean);
      if (ids.length < 2 || ids.length > 20) return graphError(400, 100, 'Invalid parameter: a carousel has 2 to 20 children');
      const children = ids.map((id) => containers.get(id));
      if (children.some((child) => !child || !child.isCarouselItem)) {
        return graphError(400, 100, 'Invalid parameter: children must be containers made with is_carousel_item=true');
      }
      if (children.some((child) => child?.status !== 'FINISHED')) {
        return graphError(400, 24, 'The media is not ready for publishing, please wait for a moment', { subcode: 4279009 });
      }
      const media = children.flatMap((child) => child?.media ?? []);
      return addContainer({ text, replyToId, mediaType: 'CAROUSEL_ALBUM', isCarouselItem: false, media });
    }
    return graphError(400, 100, `Invalid parameter: media_type ${mediaType ?? '(missing)'} is not supported`);
  };

  const handle = async (request: LoopbackRequest): Promise<LoopbackReply> => {
    const next = planned.findIndex((entry) => entry.match(request));
    if (next !== -1) return planned.splice(next, 1)[0].reply;
    const path = request.url.pathname;
    const query = params(request);

    // The authorisation window (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions):
    // the user signs in and consents, then Threads redirects to redirect_uri with `code` and the `state`.
    if (request.method === 'GET' && path === '/oauth/authorize') {
      const clientId = query.get('client_id') ?? '';
      const redirectUri = query.get('redirect_uri') ?? '';
      const scope = query.get('scope') ?? '';
      const state = query.get('state') ?? '';
      if (clientId !== TEST_CLIENT_ID || !redirectUri || query.get('response_type') !== 'code' || !scope.includes('threads_basic')) {
        return { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><body>Invalid request</body></html>' };
      }
      lastAuthorization = { clientId, redirectUri, scope, state };
      const code = `AQ${nextId()}`;
      codes.set(code, { userId: TEST_USER_ID, redirectUri, clientId });
      const location = new URL(redirectUri);
      location.searchParams.set('code', code);
      if (state) location.searchParams.set('state', state);
      // Threads appends `#_` to the redirect; it is not part of the code.
      return { status: 302, headers: { location: `${location.toString()}#_` }, body: '' };
    }

    // Code exchange: POST /oauth/access_token -> short-lived token (1 hour) and user_id (same page).
    if (request.method === 'POST' && path === '/oauth/access_token') {
      const code = query.get('code') ?? '';
      const grant = codes.get(code);
      if (query.get('client_id') !== TEST_CLIENT_ID || query.get('client_secret') !== TEST_CLIENT_SECRET) {
        return graphError(400, 101, 'Error validating client secret.', { type: 'OAuthException' });
      }
      if (query.get('grant_type') !== 'authorization_code') return graphError(400, 100, 'Invalid grant_type', { type: 'OAuthException' });
      if (!grant || grant.redirectUri !== query.get('redirect_uri')) {
        return graphError(400, 100, 'Error validating verification code. Please make sure your redirect_uri is identical.', {
          type: 'OAuthException',
        });
      }
      codes.delete(code);
      return { status: 200, body: { access_token: issue('short', ONE_HOUR), user_id: Number(grant.userId) } };
    }

    // Long-lived exchange (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens):
    // GET /access_token?grant_type=th_exchange_token&client_secret=…&access_token=<short-lived> -> 60 days.
    if (request.method === 'GET' && path === '/access_token') {
      if (query.get('grant_type') !== 'th_exchange_token') return graphError(400, 100, 'Invalid grant_type', { type: 'OAuthException' });
      if (query.get('client_secret') !== TEST_CLIENT_SECRET) return graphError(400, 101, 'Error validating client secret.');
      const token = authenticate(request, query);
      if (!('userId' in token)) return token;
      if (token.kind !== 'short') return graphError(400, 100, 'Only short-lived tokens can be exchanged', { type: 'OAuthException' });
      return { status: 200, body: { access_token: issue('long', SIXTY_DAYS), token_type: 'bearer', expires_in: SIXTY_DAYS } };
    }

    // Refresh (same page): a long-lived token at least 24 hours old and not expired gets 60 more days.
    if (request.method === 'GET' && path === '/refresh_access_token') {
      if (query.get('grant_type') !== 'th_refresh_token') return graphError(400, 100, 'Invalid grant_type', { type: 'OAuthException' });
      const token = authenticate(request, query);
      if (!('userId' in token)) return token;
      if (token.kind !== 'long') return graphError(400, 100, 'Only long-lived tokens can be refreshed', { type: 'OAuthException' });
      // The rule is documented; the error's code is not: 100 (invalid parameter) is assumed.
      if (now() - token.issuedAt < 24 * 3600) {
        return graphError(400, 100, 'Long-lived tokens can be refreshed once they are at least 24 hours old', { type: 'OAuthException' });
      }
      return { status: 200, body: { access_token: issue('long', SIXTY_DAYS), token_type: 'bearer', expires_in: SIXTY_DAYS } };
    }

    const versioned = path.match(/^\/v1\.0\/(.+)$/);
    if (!versioned) return graphError(404, 803, `Unknown path components: ${path}`);
    const token = authenticate(request, query);
    if (!('userId' in token)) return token;
    const parts = versioned[1].split('/');
    const userNode = (id: string) => id === 'me' || id === token.userId;

    // Profile (https://developers.facebook.com/docs/threads/threads-profiles): GET /me?fields=id,username.
    if (request.method === 'GET' && parts.length === 1 && userNode(parts[0])) {
      return { status: 200, body: { id: TEST_USER_ID, username: TEST_USERNAME, name: 'Socle Agency' } };
    }

    // Keyword search (https://developers.facebook.com/docs/threads/keyword-search): q, search_type, since, until, limit;
    // no paging cursors. `until` is taken as inclusive (the page does not say).
    // Before threads_keyword_search is approved, only the user's own posts are searched; this server plays an approved app.
    if (request.method === 'GET' && parts.length === 1 && parts[0] === 'keyword_search') {
      const q = (query.get('q') ?? '').toLowerCase();
      if (!q) return graphError(400, 100, 'The parameter q is required');
      const since = Number(query.get('since') ?? 0);
      const until = query.get('until') ? Number(query.get('until')) : Infinity;
      const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), 100);
      const found = [...others, ...posts.values()]
        .filter((post) => post.text.toLowerCase().includes(q) && post.createdAt >= since && post.createdAt <= until)
        .sort((a, b) => b.createdAt - a.createdAt || Number(b.id.slice(0, -8)) - Number(a.id.slice(0, -8)))
        .slice(0, limit);
      const fields = fieldsOf(request);
      return { status: 200, body: { data: found.map((post) => mediaFields(post, fields)) } };
    }

    if (parts.length === 2 && userNode(parts[0])) {
      const edge = parts[1];
      // Create a container (https://developers.facebook.com/docs/threads/posts): media_type TEXT with text, IMAGE with
      // image_url, VIDEO with video_url, CAROUSEL with `children` (2 to 20 containers made with is_carousel_item=true);
      // reply_to_id for replies (https://developers.facebook.com/docs/threads/reply-management), alt_text for images
      // and videos (https://developers.facebook.com/docs/threads/posts/accessibility).
      if (request.method === 'POST' && edge === 'threads') return createContainer(query);
      // Publish a container: POST /{user-id}/threads_publish?creation_id=… -> the media id (https://developers.facebook.com/docs/threads/posts).
      if (request.method === 'POST' && edge === 'threads_publish') {
        const container = containers.get(query.get('creation_id') ?? '');
        if (!container) return graphError(400, 100, 'Invalid parameter: creation_id does not exist');
        if (container.isCarouselItem) return graphError(400, 100, 'Invalid parameter: a carousel item is published through its carousel');
        if (container.status !== 'FINISHED') {
          return graphError(400, 24, `The media is not ready for publishing, please wait for a moment (status ${container.status})`, {
            subcode: 4279009,
          });
        }
        const post = makePost(container.text, TEST_USERNAME, TEST_USER_ID, container.replyToId, container.mediaType, container.media);
        posts.set(post.id, post);
        container.status = 'PUBLISHED';
        return { status: 200, body: { id: post.id } };
      }
      // The user's own posts and replies (https://developers.facebook.com/docs/threads/reference/user):
      // newest first, since/until, cursor paging.
      if (request.method === 'GET' && (edge === 'threads' || edge === 'replies')) {
        const since = Number(query.get('since') ?? 0);
        const mine = [...posts.values()]
          .filter((post) => (edge === 'threads' ? !post.replyToId : !!post.replyToId) && post.createdAt >= since)
          .reverse();
        return page(request, mine, `/v1.0/${parts[0]}/${edge}`);
      }
      // Mentions (https://developers.facebook.com/docs/threads/threads-mentions): cursor paging.
      if (request.method === 'GET' && edge === 'mentions') {
        return page(request, [...mentions].reverse(), `/v1.0/${parts[0]}/mentions`);
      }
      // User insights (https://developers.facebook.com/docs/threads/insights): followers_count is a total_value.
      if (request.method === 'GET' && edge === 'threads_insights') {
        const metrics = (query.get('metric') ?? '').split(',');
        if (!metrics.includes('followers_count')) return graphError(400, 100, 'Invalid parameter: metric');
        return {
          status: 200,
          body: {
            data: [
              {
                name: 'followers_count',
                period: 'day',
                title: 'followers_count',
                description: "The number of followers on the user's profile.",
                total_value: { value: followers },
                id: `${TEST_USER_ID}/insights/followers_count/day`,
              },
            ],
            paging: {},
          },
        };
      }
    }

    if (parts.length >= 1 && /^\d+$/.test(parts[0])) {
      const id = parts[0];
      const container = containers.get(id);
      // Container status (https://developers.facebook.com/docs/threads/troubleshooting#publishing-does-not-return-a-media-id):
      // GET /{container-id}?fields=status,error_message; IN_PROGRESS, FINISHED, ERROR, EXPIRED, PUBLISHED.
      if (container && parts.length === 1 && request.method === 'GET') {
        if (container.status === 'IN_PROGRESS') {
          if (container.readsUntilFinished <= 0) container.status = container.endsIn;
          else container.readsUntilFinished -= 1;
        }
        const body: Record<string, unknown> = { id, status: container.status };
        if (container.status === 'ERROR') body.error_message = container.errorMessage;
        return { status: 200, body };
      }
      const post = posts.get(id) ?? others.find((candidate) => candidate.id === id);
      if (!post) {
        return graphError(
          400,
          100,
          `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions.`,
          {
            subcode: 33,
          },
        );
      }
      // Media fields (https://developers.facebook.com/docs/threads/threads-media).
      if (parts.length === 1 && request.method === 'GET') return { status: 200, body: mediaFields(post, fieldsOf(request)) };
      // Delete (https://developers.facebook.com/docs/threads/posts/delete-posts): the owner's own post; { success, deleted_id }.
      if (parts.length === 1 && request.method === 'DELETE') {
        if (post.ownerId !== token.userId) return graphError(400, 100, 'Only the owner of a post can delete it');
        posts.delete(id);
        return { status: 200, body: { success: true, deleted_id: id } };
      }
      // Replies: top-level replies of a post (https://developers.facebook.com/docs/threads/reply-management).
      if (parts.length === 2 && parts[1] === 'replies' && request.method === 'GET') {
        const replies = [...posts.values(), ...others].filter((candidate) => candidate.replyToId === id);
        return page(request, replies, `/v1.0/${id}/replies`);
      }
      // Media insights (https://developers.facebook.com/docs/threads/insights): views, likes, replies, reposts, quotes.
      if (parts.length === 2 && parts[1] === 'insights' && request.method === 'GET') {
        const replies = [...posts.values(), ...others].filter((candidate) => candidate.replyToId === id).length;
        const values: Record<string, number> = {
          views: post.views,
          likes: post.likes,
          replies,
          reposts: post.reposts,
          quotes: post.quotes,
        };
        const asked = (query.get('metric') ?? '').split(',').filter(Boolean);
        const unknown = asked.find((name) => !(name in values));
        if (!asked.length || unknown) return graphError(400, 100, `Invalid parameter: metric ${unknown ?? '(missing)'}`);
        return {
          status: 200,
          body: {
            data: asked.map((name) => ({
              name,
              period: 'lifetime',
              values: [{ value: values[name] }],
              title: name,
              description: '',
              id: `${id}/insights/${name}/lifetime`,
            })),
          },
        };
      }
    }
    return graphError(400, 100, `Unsupported ${request.method} request: ${path}`);
  };

  const server = await LoopbackServer.start(handle);
  return Object.assign(server, {
    posts,
    lastAuthorization: () => lastAuthorization,
    issueLongLivedToken: (ageSeconds = 0) => issue('long', SIXTY_DAYS, now() - ageSeconds),
    issueExpiredToken: () => issue('long', SIXTY_DAYS, now() - SIXTY_DAYS - 60),
    addMentions(count: number) {
      for (let i = 0; i < count; i++) {
        const post = makePost(`@${TEST_USERNAME} question number ${mentions.length + 1}?`, `follower${i % 5}`, `9000${i % 5}`);
        mentions.push(post);
        others.push(post);
      }
    },
    addPublicPost(text: string, username = 'someone') {
      const post = makePost(text, username, '80001');
      others.push(post);
      return post;
    },
    addReply(postId: string, text: string, username = 'fan') {
      const post = makePost(text, username, '80002', postId);
      others.push(post);
      return post;
    },
    setFollowers(count: number) {
      followers = count;
    },
    planContainers(next: ContainerPlan | undefined) {
      plan = next;
    },
    advance(seconds: number) {
      offset += seconds;
    },
    answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply) {
      planned.push({ match, reply });
    },
  }) as ThreadsTestServer;
}
