/**
 * A loopback server that plays the Facebook Graph API (Pages) for the tests (127.0.0.1, free port).
 *
 * It answers the way graph.facebook.com documents, each behaviour next to its page: the login dialog and
 * the token exchanges, the user's Pages (/me/accounts), page posts with photos, comments, tagged posts,
 * metrics, delete, with Meta's error bodies. The SDK's LoopbackServer adds rate limits, 500s, HTML pages,
 * truncated bodies and stalls on demand. Both the dialog (www.facebook.com in production) and the API are
 * served from the same origin.
 */
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

export const TEST_CLIENT_ID = '880011223344';
export const TEST_CLIENT_SECRET = 'facebook-app-secret-for-tests';
export const TEST_USER_ID = '10150000000000001';
/** The Page the user may publish on (tasks include CREATE_CONTENT). */
export const PUBLISHABLE_PAGE_ID = '200000000000001';
export const PUBLISHABLE_PAGE_NAME = 'Socle Bakery';
/** A Page the user may only analyse (tasks: ANALYZE): never a target. */
export const ANALYZE_ONLY_PAGE_ID = '200000000000002';
export const API_VERSION = 'v21.0';

export interface FacebookPost {
  id: string;
  /** The Page that posted it, or the author of a tagged post. */
  fromId: string;
  fromName: string;
  message: string;
  link?: string;
  /** Photo ids attached. */
  photoIds: string[];
  /** Seconds since the epoch. */
  createdAt: number;
  permalink: string;
  reactions: number;
  shares: number;
}

export interface FacebookComment {
  id: string;
  objectId: string;
  fromId: string;
  fromName: string;
  message: string;
  createdAt: number;
  permalink: string;
}

export interface FacebookVideo {
  id: string;
  pageId: string;
  description: string;
  title?: string;
  /** The bytes received, in order. */
  data: Buffer;
  /** Seconds since the epoch. */
  createdAt: number;
  reactions: number;
}

/** A resumable upload session (https://developers.facebook.com/docs/graph-api/video-uploads). */
export interface VideoUploadSession {
  id: string;
  videoId: string;
  pageId: string;
  fileSize: number;
  chunks: Buffer[];
  /** Bytes held: the next start_offset. */
  held: number;
  finished: boolean;
}

export interface FacebookPhoto {
  id: string;
  pageId: string;
  mimeType: string;
  bytes: number;
  published: boolean;
}

interface Token {
  kind: 'user-short' | 'user-long' | 'page';
  pageId?: string;
  expiresAt?: number;
  revokedSubcode?: number;
}

export interface ManagedPage {
  id: string;
  name: string;
  tasks: string[];
  username?: string;
}

export interface FacebookTestServer extends LoopbackServer {
  /** The publishable Page's feed posts (the conformance suite counts them). */
  readonly posts: Map<string, FacebookPost>;
  readonly comments: Map<string, FacebookComment>;
  readonly photos: Map<string, FacebookPhoto>;
  readonly videos: Map<string, FacebookVideo>;
  readonly uploadSessions: Map<string, VideoUploadSession>;
  /** Bytes the server asks for in each transfer (end_offset - start_offset; Meta chooses it). Default 4096. */
  setVideoChunkBytes(bytes: number): void;
  /** Acknowledges the next transfer (offsets moved on) without keeping its bytes, as a lost chunk would. */
  loseNextVideoChunk(): void;
  /** A long-lived user token. */
  issueUserToken(): string;
  /** A Page token for `pageId` (default the publishable Page). */
  issuePageToken(pageId?: string): string;
  /** Revokes a token: the API then answers 190 with `subcode` (460 password changed, 463 expired, 467 invalid session). */
  revoke(token: string, subcode: number): void;
  /** Replaces the Pages /me/accounts lists. */
  setManagedPages(pages: ManagedPage[]): void;
  /** Adds `count` posts by other people that tag the Page. */
  addMentions(count: number): void;
  /** Adds a comment by another person to `objectId`. */
  addComment(objectId: string, message: string): FacebookComment;
  /** The Page's follower count. */
  setFollowers(count: number): void;
  /** Answers `reply` (once) instead of the API to the next request `match` accepts. */
  answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply): void;
  /** What the dialog was asked last. */
  lastAuthorization(): { clientId: string; redirectUri: string; scope: string; state: string } | undefined;
}

/** Meta's error body (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export function graphError(status: number, code: number, message: string, extra: { type?: string; subcode?: number } = {}): LoopbackReply {
  return {
    status,
    body: {
      error: {
        message,
        type: extra.type ?? (code === 190 ? 'OAuthException' : 'GraphMethodException'),
        code,
        ...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
  };
}

/** The upload phase and `start_offset` of a POST to /{page-id}/videos (form or multipart fields). */
export function videoUploadPhase(request: LoopbackRequest): { phase?: string; startOffset?: number } {
  const fields = new URLSearchParams(request.url.searchParams);
  if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(request.text())) fields.set(name, value);
  }
  for (const [name, part] of parseMultipart(request) ?? []) if (name !== 'video_file_chunk') fields.set(name, part.value.toString('utf8'));
  const offset = fields.get('start_offset');
  return { phase: fields.get('upload_phase') ?? undefined, startOffset: offset === null ? undefined : Number(offset) };
}

/**
 * Meta's upload-phase errors (https://developers.facebook.com/docs/video-api/reference/error-codes): the page lists the
 * subcodes (1363022 too small, 1363023 too large, 1363019 a problem uploading, 1363020 no video, 1363033 partial file,
 * 1363037 invalid start offset); the top-level code is not on that page, 6001 is what the upload endpoints answer with.
 */
export function videoUploadError(subcode: number, message: string): LoopbackReply {
  return graphError(400, 6001, message, { type: 'OAuthException', subcode });
}

const SIXTY_DAYS = 60 * 24 * 3600;
/** Resumable uploads: up to 10 GB (https://developers.facebook.com/docs/graph-api/video-uploads, "Limitations"), at least 1 KB. */
const VIDEO_MAX_BYTES = 10 * 1000 * 1000 * 1000;
const VIDEO_MIN_BYTES = 1024;
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'];

/** The parts of a multipart/form-data body (https://developers.facebook.com/docs/graph-api/reference/page/photos#upload). */
function parseMultipart(request: LoopbackRequest): Map<string, { value: Buffer; type?: string }> | undefined {
  const type = String(request.headers['content-type'] ?? '');
  const match = /boundary=([^;]+)/.exec(type);
  if (!type.startsWith('multipart/form-data') || !match) return undefined;
  const delimiter = Buffer.from(`--${match[1]}`);
  const parts = new Map<string, { value: Buffer; type?: string }>();
  const body = request.body;
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) return undefined;
    const part = body.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) return undefined;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    if (name) parts.set(name, { value: part.subarray(headerEnd + 4), type: contentType });
    at = next;
  }
  return parts;
}

export async function startFacebookTestServer(): Promise<FacebookTestServer> {
  const now = () => Math.floor(Date.now() / 1000);
  let counter = 1000;
  const nextId = () => `${++counter}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

  const tokens = new Map<string, Token>();
  const codes = new Map<string, { redirectUri: string }>();
  const posts = new Map<string, FacebookPost>();
  const tagged: FacebookPost[] = [];
  const comments = new Map<string, FacebookComment>();
  const photos = new Map<string, FacebookPhoto>();
  const videos = new Map<string, FacebookVideo>();
  const uploadSessions = new Map<string, VideoUploadSession>();
  let loseNextChunk = false;
  let videoChunkBytes = 4096;
  let followers = 1234;
  let managed: ManagedPage[] = [
    {
      id: PUBLISHABLE_PAGE_ID,
      name: PUBLISHABLE_PAGE_NAME,
      tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT'],
      username: 'soclebakery',
    },
    { id: ANALYZE_ONLY_PAGE_ID, name: 'Client Page (analytics only)', tasks: ['ANALYZE'] },
  ];
  let lastAuthorization: ReturnType<FacebookTestServer['lastAuthorization']>;
  const planned: Array<{ match: (request: LoopbackRequest) => boolean; reply: LoopbackReply }> = [];

  const issue = (kind: Token['kind'], extra: Partial<Token> = {}): string => {
    const token = `EAA${kind === 'page' ? 'P' : 'U'}${nextId()}${Math.random().toString(36).slice(2, 10)}`;
    tokens.set(token, { kind, ...extra });
    return token;
  };
  const pageTokens = new Map<string, string>();
  const pageTokenFor = (pageId: string): string => {
    let token = pageTokens.get(pageId);
    const known = token ? tokens.get(token) : undefined;
    if (!token || !known || known.revokedSubcode !== undefined) pageTokens.set(pageId, (token = issue('page', { pageId })));
    return token;
  };

  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
  const permalinkOf = (id: string) => `https://www.facebook.com/${id.replace('_', '/posts/')}`;

  /** Form body and query string: Graph API POSTs take either (https://developers.facebook.com/docs/graph-api/overview). */
  const params = (request: LoopbackRequest): URLSearchParams => {
    const merged = new URLSearchParams(request.url.searchParams);
    const type = String(request.headers['content-type'] ?? '');
    if (request.method !== 'GET' && type.startsWith('application/x-www-form-urlencoded')) {
      for (const [name, value] of new URLSearchParams(request.text())) merged.set(name, value);
    }
    // Multipart uploads carry their fields (access_token, published, message) as parts.
    for (const [name, part] of parseMultipart(request) ?? []) {
      if (name !== 'source' && name !== 'video_file_chunk') merged.set(name, part.value.toString('utf8'));
    }
    return merged;
  };

  /**
   * The token of a call: error 190 when missing, unknown, expired or revoked, with the subcodes of
   * https://developers.facebook.com/docs/graph-api/guides/error-handling#errorcodes (460, 463, 467).
   */
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
  const isReply = (value: Token | LoopbackReply): value is LoopbackReply => !('kind' in value);
  /** Page endpoints need the Page's token (https://developers.facebook.com/docs/pages-api/overview#page-access-tokens). */
  const needPage = (token: Token, pageId: string): LoopbackReply | undefined =>
    token.kind === 'page' && token.pageId === pageId
      ? undefined
      : graphError(
          403,
          200,
          '(#200) The user must be an administrator, editor, or moderator of the page (a Page access token is required)',
          {
            type: 'OAuthException',
          },
        );

  /** Cursor paging (https://developers.facebook.com/docs/graph-api/results): `paging.cursors`, `next` only when more exist. */
  const page = <T extends { id: string }>(
    query: URLSearchParams,
    items: T[],
    basePath: string,
    shape: (item: T) => Record<string, unknown>,
  ): LoopbackReply => {
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), 100);
    const after = query.get('after');
    let start = 0;
    if (after) {
      const decoded = Buffer.from(after, 'base64').toString('utf8');
      const at = items.findIndex((item) => item.id === decoded);
      if (at === -1) return graphError(400, 100, 'Invalid parameter: after', { type: 'OAuthException' });
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

  const postShape = (post: FacebookPost) => ({
    id: post.id,
    message: post.message,
    created_time: iso(post.createdAt),
    permalink_url: post.permalink,
    from: { id: post.fromId, name: post.fromName },
  });
  /** Video.permalink_url comes as a path on www.facebook.com (https://developers.facebook.com/docs/graph-api/reference/video). */
  const videoPermalink = (video: FacebookVideo) => `/${video.pageId}/videos/${video.id}/`;
  const videoShape = (video: FacebookVideo) => ({
    id: video.id,
    description: video.description,
    created_time: iso(video.createdAt),
    permalink_url: videoPermalink(video),
  });
  const commentShape = (comment: FacebookComment) => ({
    id: comment.id,
    message: comment.message,
    created_time: iso(comment.createdAt),
    permalink_url: comment.permalink,
    from: { id: comment.fromId, name: comment.fromName },
  });

  const handle = (request: LoopbackRequest): LoopbackReply => {
    const next = planned.findIndex((entry) => entry.match(request));
    if (next !== -1) return planned.splice(next, 1)[0].reply;
    const path = request.url.pathname;
    const query = params(request);
    const versioned = path.startsWith(`/${API_VERSION}/`) ? path.slice(API_VERSION.length + 1) : undefined;
    if (versioned === undefined) return graphError(400, 2500, `Unknown path components: ${path}`, { type: 'OAuthException' });

    // The login dialog (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#login): the user
    // signs in and consents, then Facebook redirects to redirect_uri with `code` and the `state`.
    if (request.method === 'GET' && versioned === '/dialog/oauth') {
      const clientId = query.get('client_id') ?? '';
      const redirectUri = query.get('redirect_uri') ?? '';
      const scope = query.get('scope') ?? '';
      const state = query.get('state') ?? '';
      if (clientId !== TEST_CLIENT_ID || !redirectUri || !state) {
        return { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><body>Invalid app id or redirect</body></html>' };
      }
      lastAuthorization = { clientId, redirectUri, scope, state };
      const code = `AQ${nextId()}`;
      codes.set(code, { redirectUri });
      const location = new URL(redirectUri);
      location.searchParams.set('code', code);
      location.searchParams.set('state', state);
      return { status: 302, headers: { location: location.toString() }, body: '' };
    }

    // GET /oauth/access_token: the code exchange (manual flow, "Exchanging Code for an Access Token", short-lived user
    // token) or, with grant_type=fb_exchange_token, the long-lived exchange (about 60 days,
    // https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
    if (request.method === 'GET' && versioned === '/oauth/access_token') {
      if (query.get('client_id') !== TEST_CLIENT_ID || query.get('client_secret') !== TEST_CLIENT_SECRET) {
        return graphError(400, 1, 'Error validating client secret.', { type: 'OAuthException' });
      }
      if (query.get('grant_type') === 'fb_exchange_token') {
        const short = authenticate(query.get('fb_exchange_token'));
        if (isReply(short)) return short;
        if (short.kind === 'page') return graphError(400, 100, 'Invalid fb_exchange_token', { type: 'OAuthException' });
        return {
          status: 200,
          body: { access_token: issue('user-long', { expiresAt: now() + SIXTY_DAYS }), token_type: 'bearer', expires_in: SIXTY_DAYS },
        };
      }
      const code = query.get('code') ?? '';
      const grant = codes.get(code);
      if (!grant || grant.redirectUri !== query.get('redirect_uri')) {
        return graphError(400, 100, 'Invalid verification code format.', { type: 'OAuthException', subcode: 36007 });
      }
      codes.delete(code);
      return {
        status: 200,
        body: { access_token: issue('user-short', { expiresAt: now() + 7200 }), token_type: 'bearer', expires_in: 5183 },
      };
    }

    const tokenOrError = authenticate(query.get('access_token'));
    if (isReply(tokenOrError)) return tokenOrError;
    const token = tokenOrError;
    const segments = versioned.split('/').filter(Boolean);

    // GET /me/accounts: the Pages the user has a role on, each with its tasks and Page token
    // (https://developers.facebook.com/docs/pages-api/overview#get-pages, https://developers.facebook.com/docs/graph-api/reference/user/accounts).
    if (request.method === 'GET' && versioned === '/me/accounts') {
      if (token.kind === 'page') return graphError(400, 100, '(#100) Tried accessing nonexisting field (accounts) on node type (Page)');
      return page(query, managed, `/${API_VERSION}/me/accounts`, (managedPage) => ({
        id: managedPage.id,
        name: managedPage.name,
        access_token: pageTokenFor(managedPage.id),
        category: 'Bakery',
        tasks: managedPage.tasks,
        link: `https://www.facebook.com/${managedPage.username ?? managedPage.id}`,
        ...(managedPage.username ? { username: managedPage.username } : {}),
      }));
    }

    const [first, edge] = segments;
    const managedPage = managed.find((candidate) => candidate.id === first);

    if (managedPage && segments.length === 1 && request.method === 'GET') {
      // GET /{page-id}?fields=access_token with a user token: the Page's token
      // (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived#long-lived-page-token).
      const fields = (query.get('fields') ?? 'id,name').split(',');
      if (fields.includes('access_token')) {
        if (token.kind === 'page') return graphError(400, 100, '(#100) A user access token is required to read the page token');
        return { status: 200, body: { id: managedPage.id, name: managedPage.name, access_token: pageTokenFor(managedPage.id) } };
      }
      // GET /{page-id}?fields=followers_count,fan_count (https://developers.facebook.com/docs/graph-api/reference/page).
      return { status: 200, body: { id: managedPage.id, followers_count: followers, fan_count: followers - 10 } };
    }

    if (managedPage && segments.length === 2) {
      const denied = needPage(token, managedPage.id);
      if (denied) return denied;
      // POST /{page-id}/photos with the image as multipart `source`; published=false keeps it unpublished for attached_media
      // (https://developers.facebook.com/docs/graph-api/reference/page/photos#upload). JPEG, BMP, PNG, GIF, TIFF; 10 MB at most.
      if (request.method === 'POST' && edge === 'photos') {
        const parts = parseMultipart(request);
        const source = parts?.get('source');
        if (!parts || !source) return graphError(400, 324, '(#324) Requires upload file', { type: 'OAuthException' });
        if (!source.type || !PHOTO_TYPES.includes(source.type)) {
          return graphError(400, 324, '(#324) Missing or invalid image file', { type: 'OAuthException' });
        }
        if (source.value.byteLength > PHOTO_MAX_BYTES) return graphError(400, 1, 'File size too large', { type: 'OAuthException' });
        const published = query.get('published') !== 'false';
        const id = nextId();
        photos.set(id, { id, pageId: managedPage.id, mimeType: source.type, bytes: source.value.byteLength, published });
        return { status: 200, body: published ? { id, post_id: `${managedPage.id}_${nextId()}` } : { id } };
      }
      // The resumable video upload on POST /{page-id}/videos (https://developers.facebook.com/docs/graph-api/video-uploads,
      // https://developers.facebook.com/docs/video-api/guides/publishing): start (file_size) -> upload_session_id, video_id and
      // the first offsets; transfer (start_offset, multipart video_file_chunk) -> the next offsets, until they are equal;
      // finish (description, title) -> success. The offsets are strings of digits, as in Meta's samples.
      if (request.method === 'POST' && edge === 'videos') {
        const phase = query.get('upload_phase');
        const offsets = (held: number, size: number) => ({
          start_offset: String(held),
          end_offset: String(Math.min(held + videoChunkBytes, size)),
        });
        if (phase === 'start') {
          const raw = query.get('file_size') ?? '';
          if (!/^\d{1,15}$/.test(raw))
            return graphError(400, 100, '(#100) The parameter file_size is required', { type: 'OAuthException' });
          const fileSize = Number(raw);
          if (fileSize < VIDEO_MIN_BYTES) {
            return videoUploadError(1363022, 'The video you tried to upload is too small. The minimum size for a video is 1 KB.');
          }
          if (fileSize > VIDEO_MAX_BYTES) return videoUploadError(1363023, 'The video you tried to upload is too large.');
          const session: VideoUploadSession = {
            id: nextId(),
            videoId: nextId(),
            pageId: managedPage.id,
            fileSize,
            chunks: [],
            held: 0,
            finished: false,
          };
          uploadSessions.set(session.id, session);
          return { status: 200, body: { upload_session_id: session.id, video_id: session.videoId, ...offsets(0, fileSize) } };
        }
        const session = uploadSessions.get(query.get('upload_session_id') ?? '');
        if (!session || session.pageId !== managedPage.id || session.finished) {
          return graphError(400, 100, '(#100) Invalid upload_session_id', { type: 'OAuthException' });
        }
        if (phase === 'transfer') {
          const chunk = parseMultipart(request)?.get('video_file_chunk');
          if (!chunk) return videoUploadError(1363020, 'No Video Selected. Please select the video you want to upload.');
          const start = Number(query.get('start_offset') ?? '-1');
          const end = Math.min(session.held + videoChunkBytes, session.fileSize);
          // An offset other than the one the server holds: the offsets to resume from, in the message as the error page shows them.
          if (start !== session.held) {
            return videoUploadError(
              1363037,
              `There was a problem uploading your video. Please try uploading it again. error_data:{start_offset:${session.held},end_offset:${end}}`,
            );
          }
          if (chunk.value.byteLength !== end - start) {
            return videoUploadError(1363033, 'There was a problem uploading your video. Please try uploading it again.');
          }
          if (loseNextChunk) {
            loseNextChunk = false;
            return { status: 200, body: offsets(end, session.fileSize) };
          }
          session.chunks.push(Buffer.from(chunk.value));
          session.held = end;
          return { status: 200, body: offsets(session.held, session.fileSize) };
        }
        if (phase === 'finish') {
          if (session.held !== session.fileSize) {
            return videoUploadError(1363019, 'There was a problem uploading your video. Please try uploading it again.');
          }
          session.finished = true;
          const title = query.get('title') ?? undefined;
          videos.set(session.videoId, {
            id: session.videoId,
            pageId: managedPage.id,
            description: query.get('description') ?? '',
            ...(title !== undefined ? { title } : {}),
            data: Buffer.concat(session.chunks),
            createdAt: now(),
            reactions: 3,
          });
          return { status: 200, body: { success: true } };
        }
        return graphError(400, 100, '(#100) upload_phase must be start, transfer or finish', { type: 'OAuthException' });
      }
      // GET /{page-id}/videos, newest first (https://developers.facebook.com/docs/graph-api/reference/page/videos).
      if (request.method === 'GET' && edge === 'videos') {
        const since = Number(query.get('since') ?? 0) || 0;
        const list = [...videos.values()].filter((video) => video.pageId === managedPage.id && video.createdAt >= since).reverse();
        return page(query, list, `/${API_VERSION}/${managedPage.id}/videos`, videoShape);
      }
      // POST /{page-id}/feed with message, link and attached_media[i]={"media_fbid":...}
      // (https://developers.facebook.com/docs/pages-api/posts, https://developers.facebook.com/docs/graph-api/reference/page/feed).
      if (request.method === 'POST' && edge === 'feed') {
        const message = query.get('message') ?? '';
        const link = query.get('link') ?? undefined;
        const photoIds: string[] = [];
        for (let index = 0; query.has(`attached_media[${index}]`); index++) {
          let fbid: unknown;
          try {
            fbid = (JSON.parse(query.get(`attached_media[${index}]`) ?? '') as { media_fbid?: unknown }).media_fbid;
          } catch {
            fbid = undefined;
          }
          const photo = typeof fbid === 'string' ? photos.get(fbid) : undefined;
          if (!photo || photo.pageId !== managedPage.id || photo.published) {
            return graphError(400, 100, `(#100) attached_media[${index}] is not a valid unpublished photo`, { type: 'OAuthException' });
          }
          photoIds.push(photo.id);
        }
        if (!message && !link && photoIds.length === 0) return graphError(400, 100, '(#100) Missing message or attachment');
        const id = `${managedPage.id}_${nextId()}`;
        posts.set(id, {
          id,
          fromId: managedPage.id,
          fromName: managedPage.name,
          message,
          link,
          photoIds,
          createdAt: now(),
          permalink: permalinkOf(id),
          reactions: 7,
          shares: 2,
        });
        return { status: 200, body: { id } };
      }
      // GET /{page-id}/posts, newest first, `since` as a Unix time (https://developers.facebook.com/docs/graph-api/reference/page/feed).
      if (request.method === 'GET' && edge === 'posts') {
        const since = Number(query.get('since') ?? 0) || 0;
        const list = [...posts.values()].filter((post) => post.createdAt >= since).reverse();
        return page(query, list, `/${API_VERSION}/${managedPage.id}/posts`, postShape);
      }
      // GET /{page-id}/tagged: posts that tag the Page (https://developers.facebook.com/docs/graph-api/reference/page/tagged).
      if (request.method === 'GET' && edge === 'tagged') {
        return page(query, [...tagged].reverse(), `/${API_VERSION}/${managedPage.id}/tagged`, postShape);
      }
    }

    const objectId = first;
    const post = posts.get(objectId);
    const comment = comments.get(objectId);
    const video = videos.get(objectId);
    if (segments.length === 2 && edge === 'comments' && (post || comment || video || tagged.some((item) => item.id === objectId))) {
      // POST /{object-id}/comments as the Page (https://developers.facebook.com/docs/graph-api/reference/object/comments).
      if (request.method === 'POST') {
        if (token.kind !== 'page')
          return graphError(403, 200, '(#200) Commenting as a Page needs the Page access token', { type: 'OAuthException' });
        const message = query.get('message') ?? '';
        if (!message && !parseMultipart(request)?.get('source')) return graphError(400, 100, '(#100) Missing message or attachment');
        const owner = managed.find((candidate) => candidate.id === token.pageId);
        const id = `${objectId.split('_').pop()}_${nextId()}`;
        const created: FacebookComment = {
          id,
          objectId,
          fromId: token.pageId ?? '',
          fromName: owner?.name ?? '',
          message,
          createdAt: now(),
          permalink: `https://www.facebook.com/${objectId.replace('_', '/posts/')}?comment_id=${id}`,
        };
        comments.set(id, created);
        return { status: 200, body: { id } };
      }
      // GET /{object-id}/comments, oldest first by default (chronological), cursor paging.
      if (request.method === 'GET') {
        const list = [...comments.values()].filter((candidate) => candidate.objectId === objectId);
        return page(query, list, `/${API_VERSION}/${objectId}/comments`, commentShape);
      }
    }

    // A Video (https://developers.facebook.com/docs/graph-api/reference/video): permalink, reactions and comments, delete.
    if (segments.length === 1 && video) {
      if (token.kind !== 'page') return graphError(403, 200, '(#200) This action needs the Page access token', { type: 'OAuthException' });
      if (request.method === 'DELETE') {
        videos.delete(objectId);
        return { status: 200, body: { success: true } };
      }
      if (request.method === 'GET') {
        const fields = (query.get('fields') ?? 'id').split(',');
        if (fields.includes('shares')) {
          return graphError(400, 100, '(#100) Tried accessing nonexisting field (shares) on node type (Video)', { type: 'OAuthException' });
        }
        const body: Record<string, unknown> = { id: objectId };
        if (fields.includes('permalink_url')) body.permalink_url = videoPermalink(video);
        if (fields.some((field) => field.startsWith('reactions'))) body.reactions = { data: [], summary: { total_count: video.reactions } };
        if (fields.some((field) => field.startsWith('comments'))) {
          const total = [...comments.values()].filter((candidate) => candidate.objectId === objectId).length;
          body.comments = { data: [], summary: { order: 'chronological', total_count: total, can_comment: true } };
        }
        return { status: 200, body };
      }
    }

    if (segments.length === 1 && (post || comment)) {
      if (token.kind !== 'page') return graphError(403, 200, '(#200) This action needs the Page access token', { type: 'OAuthException' });
      // DELETE /{post-id} (https://developers.facebook.com/docs/pages-api/posts#delete-a-post).
      if (request.method === 'DELETE') {
        if (post) posts.delete(objectId);
        else comments.delete(objectId);
        return { status: 200, body: { success: true } };
      }
      if (request.method === 'GET') {
        const fields = (query.get('fields') ?? 'id').split(',');
        const body: Record<string, unknown> = { id: objectId };
        if (fields.includes('permalink_url')) body.permalink_url = post?.permalink ?? comment?.permalink;
        // reactions/comments with summary(true), shares (https://developers.facebook.com/docs/graph-api/reference/post).
        if (post && fields.some((field) => field.startsWith('reactions')))
          body.reactions = { data: [], summary: { total_count: post.reactions } };
        if (post && fields.some((field) => field.startsWith('comments'))) {
          const total = [...comments.values()].filter((candidate) => candidate.objectId === objectId).length;
          body.comments = { data: [], summary: { order: 'chronological', total_count: total, can_comment: true } };
        }
        if (post && fields.includes('shares') && post.shares > 0) body.shares = { count: post.shares };
        return { status: 200, body };
      }
    }

    // Unknown objects: error 100, subcode 33 (https://developers.facebook.com/docs/graph-api/guides/error-handling).
    return graphError(400, 100, `Unsupported ${request.method.toLowerCase()} request. Object with ID '${first ?? ''}' does not exist`, {
      subcode: 33,
    });
  };

  const server = await LoopbackServer.start(handle);
  return Object.assign(server, {
    posts,
    comments,
    photos,
    videos,
    uploadSessions,
    setVideoChunkBytes(bytes: number) {
      videoChunkBytes = bytes;
    },
    loseNextVideoChunk() {
      loseNextChunk = true;
    },
    issueUserToken: () => issue('user-long', { expiresAt: now() + SIXTY_DAYS }),
    issuePageToken: (pageId = PUBLISHABLE_PAGE_ID) => pageTokenFor(pageId),
    revoke(value: string, subcode: number) {
      const known = tokens.get(value);
      if (known) known.revokedSubcode = subcode;
    },
    setManagedPages(pages: ManagedPage[]) {
      managed = pages;
    },
    addMentions(count: number) {
      for (let i = 0; i < count; i++) {
        const id = `${nextId()}_${nextId()}`;
        tagged.push({
          id,
          fromId: nextId(),
          fromName: `Visitor ${tagged.length + 1}`,
          message: `Great bread at @${PUBLISHABLE_PAGE_NAME} ${tagged.length + 1}`,
          photoIds: [],
          createdAt: now(),
          permalink: permalinkOf(id),
          reactions: 0,
          shares: 0,
        });
      }
    },
    addComment(objectId: string, message: string): FacebookComment {
      const id = `${objectId.split('_').pop()}_${nextId()}`;
      const created: FacebookComment = {
        id,
        objectId,
        fromId: nextId(),
        fromName: 'A customer',
        message,
        createdAt: now(),
        permalink: `https://www.facebook.com/${objectId.replace('_', '/posts/')}?comment_id=${id}`,
      };
      comments.set(id, created);
      return created;
    },
    setFollowers(value: number) {
      followers = value;
    },
    answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply) {
      planned.push({ match, reply });
    },
    lastAuthorization: () => lastAuthorization,
  });
}
