/**
 * A loopback server that plays Google's OAuth server and the YouTube Data API v3 for the tests (127.0.0.1, free port).
 *
 * Each behaviour follows the documented API, its page cited next to it: the consent page and the token endpoint
 * with PKCE, the resumable upload protocol (308 Resume Incomplete with Range, the status query), videos, comment
 * threads, comments, search, playlist items and channels (two channels for the test account), Google's error bodies,
 * and quota accounting. The SDK's LoopbackServer adds rate limits, 500s, HTML pages, truncated bodies and stalls.
 */
import { createHash } from 'node:crypto';
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

export const TEST_CLIENT_ID = '1234567890-socle.apps.googleusercontent.com';
export const TEST_CLIENT_SECRET = 'google-client-secret-for-tests';
export const CHANNEL_MAIN = 'UCmainChannel0000000000A';
export const CHANNEL_BRAND = 'UCbrandChannel000000000B';
const CHUNK_UNIT = 256 * 1024;

export interface Video {
  id: string;
  channelId: string;
  title: string;
  description: string;
  privacyStatus: string;
  publishAt?: string;
  mimeType: string;
  bytes: number;
  publishedAt: string;
  views: number;
  likes: number;
}

interface Comment {
  id: string;
  videoId: string;
  parentId?: string;
  text: string;
  author: string;
  authorChannelUrl: string;
  publishedAt: string;
}

interface Session {
  channelId: string;
  metadata: { title: string; description: string; privacyStatus: string; publishAt?: string };
  total: number;
  mimeType: string;
  received: Buffer[];
  bytes: number;
  video?: Video;
}

export interface YoutubeTestServer extends LoopbackServer {
  readonly videos: Map<string, Video>;
  readonly comments: Comment[];
  /** A valid access token (and refresh token) for the test account; expired tokens answer 401. */
  issueTokens(options?: { expired?: boolean }): { accessToken: string; refreshToken: string };
  /** An authorisation code bound to a PKCE challenge, as the consent page would redirect with. */
  issueCode(codeChallenge: string, redirectUri: string): string;
  /** Adds `count` public videos by other channels that keyword search finds ("socle"). */
  addMentions(count: number): void;
  addComments(videoId: string, count: number): void;
  /** The next `count` upload chunks keep half their bytes and answer 503 backendError. */
  interruptChunks(count: number): void;
  /** Quota units left today; requests past it answer 403 quotaExceeded. */
  setQuota(units: number): void;
  quotaUsed(): number;
  /** Answers `reply` (once) to the next request `match` accepts. */
  answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply): void;
  lastAuthorization(): URLSearchParams | undefined;
  /** Refresh grants made so far. */
  refreshes(): number;
}

/** Google's error body (https://developers.google.com/youtube/v3/docs/errors). */
export function googleError(status: number, reason: string, message: string, domain = 'youtube.api'): LoopbackReply {
  return { status, body: { error: { code: status, message, errors: [{ message, domain, reason }] } } };
}

/** OAuth token endpoint errors (https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code, RFC 6749 §5.2). */
function oauthError(error: string, description: string): LoopbackReply {
  return { status: 400, body: { error, error_description: description } };
}

/**
 * Quota cost per call (https://developers.google.com/youtube/v3/determine_quota_cost): lists 1, inserts and deletes
 * 50, search.list 100, videos.insert 1600 (the page's earlier terms, which make a small quota easy to exhaust).
 */
const COSTS: Record<string, number> = {
  'GET /youtube/v3/channels': 1,
  'GET /youtube/v3/videos': 1,
  'DELETE /youtube/v3/videos': 50,
  'GET /youtube/v3/commentThreads': 1,
  'POST /youtube/v3/commentThreads': 50,
  'POST /youtube/v3/comments': 50,
  'GET /youtube/v3/search': 100,
  'GET /youtube/v3/playlistItems': 1,
  'POST /upload/youtube/v3/videos': 1600,
};

export async function startYoutubeTestServer(): Promise<YoutubeTestServer> {
  let counter = 0;
  const nextId = (length: number, prefix = '') => {
    counter++;
    return (prefix + createHash('sha256').update(String(counter)).digest('base64url')).slice(0, length);
  };
  const videos = new Map<string, Video>();
  const others: Video[] = [];
  const comments: Comment[] = [];
  const tokens = new Map<string, { expiresAt: number }>();
  const refreshTokens = new Set<string>();
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const sessions = new Map<string, Session>();
  const once: { match: (request: LoopbackRequest) => boolean; reply: LoopbackReply }[] = [];
  let interruptions = 0;
  let quota = Number.MAX_SAFE_INTEGER;
  let used = 0;
  let authorization: URLSearchParams | undefined;
  let refreshCount = 0;

  const channels = [
    { id: CHANNEL_MAIN, title: 'Socle Agency', customUrl: '@socleagency', subscribers: 1200, uploads: 'UUmainChannel0000000000A' },
    { id: CHANNEL_BRAND, title: 'Socle Brand', customUrl: '@soclebrand', subscribers: 87, uploads: 'UUbrandChannel000000000B' },
  ];

  const issueTokens = (options: { expired?: boolean } = {}) => {
    const accessToken = `ya29.${nextId(32)}`;
    const refreshToken = `1//${nextId(32)}`;
    tokens.set(accessToken, { expiresAt: Date.now() + (options.expired ? -1000 : 3600_000) });
    refreshTokens.add(refreshToken);
    return { accessToken, refreshToken };
  };

  /** Bearer tokens (https://developers.google.com/identity/protocols/oauth2/web-server#callinganapi): 401 authError when missing or expired. */
  const authorized = (request: LoopbackRequest): boolean => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '';
    const entry = tokens.get(token);
    return !!entry && entry.expiresAt > Date.now();
  };
  const unauthorized = () =>
    googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', 'global');

  const videoResource = (video: Video, parts: string[]) => ({
    kind: 'youtube#video',
    etag: 'etag',
    id: video.id,
    ...(parts.includes('snippet')
      ? { snippet: { publishedAt: video.publishedAt, channelId: video.channelId, title: video.title, description: video.description } }
      : {}),
    ...(parts.includes('status')
      ? { status: { uploadStatus: 'uploaded', privacyStatus: video.privacyStatus, publishAt: video.publishAt } }
      : {}),
    ...(parts.includes('statistics')
      ? {
          statistics: {
            viewCount: String(video.views),
            likeCount: String(video.likes),
            favoriteCount: '0',
            commentCount: String(comments.filter((c) => c.videoId === video.id).length),
          },
        }
      : {}),
  });

  const commentResource = (comment: Comment) => ({
    kind: 'youtube#comment',
    id: comment.id,
    snippet: {
      videoId: comment.videoId,
      ...(comment.parentId ? { parentId: comment.parentId } : {}),
      textDisplay: comment.text,
      textOriginal: comment.text,
      authorDisplayName: comment.author,
      authorChannelUrl: comment.authorChannelUrl,
      publishedAt: comment.publishedAt,
      updatedAt: comment.publishedAt,
    },
  });

  /** Pages by `pageToken` (an offset here) and `maxResults` (https://developers.google.com/youtube/v3/guides/implementation/pagination). */
  const page = <T>(items: T[], query: URLSearchParams, max = 50, fallback = 5) => {
    const start = Number(query.get('pageToken') ?? '0') || 0;
    const size = Math.min(max, Math.max(0, Number(query.get('maxResults') ?? fallback) || fallback));
    const slice = items.slice(start, start + size);
    const next = start + size < items.length ? String(start + size) : undefined;
    return { slice, extra: { ...(next ? { nextPageToken: next } : {}), pageInfo: { totalResults: items.length, resultsPerPage: size } } };
  };

  /** Title and description rules (https://developers.google.com/youtube/v3/docs/videos#snippet.title, #snippet.description). */
  const invalidMetadata = (title: unknown, description: unknown): LoopbackReply | undefined => {
    if (typeof title !== 'string' || !title.trim())
      return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.');
    if ([...title].length > 100 || /[<>]/.test(title))
      return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.');
    if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) {
      return googleError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.');
    }
    return undefined;
  };

  const progress = (session: Session): LoopbackReply =>
    // 308 Resume Incomplete, Range: bytes=0-<last> (omitted when nothing arrived), never a Location
    // (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol#Check_Upload_Status).
    ({ status: 308, headers: session.bytes > 0 ? { range: `bytes=0-${session.bytes - 1}` } : {}, body: '' });

  const complete = (session: Session): LoopbackReply => {
    if (!session.video) {
      const video: Video = {
        id: nextId(11),
        channelId: session.channelId,
        title: session.metadata.title,
        description: session.metadata.description,
        privacyStatus: session.metadata.privacyStatus,
        publishAt: session.metadata.publishAt,
        mimeType: session.mimeType,
        bytes: session.total,
        publishedAt: new Date().toISOString(),
        views: 0,
        likes: 0,
      };
      videos.set(video.id, video);
      session.video = video;
      return { status: 201, body: videoResource(video, ['snippet', 'status']) };
    }
    return { status: 200, body: videoResource(session.video, ['snippet', 'status']) };
  };

  /** One PUT to the session URI (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol#Save_Resumable_Session_URI). */
  const uploadChunk = (request: LoopbackRequest, session: Session): LoopbackReply => {
    const range = String(request.headers['content-range'] ?? '');
    // Status query: empty body, Content-Range: bytes */<total> (#Check_Upload_Status).
    const query = /^bytes \*\/(\d+)$/.exec(range);
    if (query) return session.video ? complete(session) : progress(session);
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (!match) return googleError(400, 'badRequest', 'Invalid Content-Range header.', 'global');
    const [first, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (total !== session.total || first !== session.bytes || last - first + 1 !== request.body.byteLength) {
      return googleError(400, 'badRequest', 'The Content-Range does not continue the upload.', 'global');
    }
    // Chunks are multiples of 256 KiB but the last (#Upload_Chunks).
    if (last + 1 < total && request.body.byteLength % CHUNK_UNIT !== 0) {
      return googleError(400, 'badRequest', 'Chunk size must be a multiple of 256 KiB.', 'global');
    }
    if (interruptions > 0) {
      interruptions--;
      // Part of the chunk arrived before the failure: the status query tells the client where to resume (#Resume_Upload).
      const kept = Math.floor(request.body.byteLength / 2);
      session.received.push(request.body.subarray(0, kept));
      session.bytes += kept;
      return googleError(503, 'backendError', 'Backend Error', 'global');
    }
    session.received.push(request.body);
    session.bytes += request.body.byteLength;
    return session.bytes === session.total ? complete(session) : progress(session);
  };

  const handle = (request: LoopbackRequest): LoopbackReply => {
    const url = request.url;
    const q = url.searchParams;
    const route = `${request.method} ${url.pathname}`;

    // ---------------------------------------------------------------- OAuth
    // The consent page (https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient): the
    // signed-in user consents at once and is redirected with code and state.
    if (route === 'GET /o/oauth2/v2/auth') {
      authorization = q;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== TEST_CLIENT_ID) return oauthError('invalid_client', 'The OAuth client was not found.');
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        return oauthError('invalid_request', 'response_type=code and an S256 code_challenge are required.');
      }
      const code = `4/${nextId(24)}`;
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', q.get('state') ?? '');
      target.searchParams.set('scope', q.get('scope') ?? '');
      return { status: 302, headers: { location: target.toString() }, body: '' };
    }
    // The token endpoint (#exchange-authorization-code, #offline): code + code_verifier, or a refresh token.
    if (route === 'POST /token') {
      const form = new URLSearchParams(request.text());
      if (form.get('client_id') !== TEST_CLIENT_ID || form.get('client_secret') !== TEST_CLIENT_SECRET) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } };
      }
      if (form.get('grant_type') === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!code) return oauthError('invalid_grant', 'Malformed auth code.');
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
          return oauthError('invalid_grant', 'Invalid code verifier.');
        }
        if ((form.get('redirect_uri') ?? '') !== code.redirectUri) return oauthError('redirect_uri_mismatch', 'Bad Request');
        const issued = issueTokens();
        return {
          body: {
            access_token: issued.accessToken,
            expires_in: 3599,
            refresh_token: issued.refreshToken,
            scope: authorization?.get('scope') ?? '',
            token_type: 'Bearer',
          },
        };
      }
      if (form.get('grant_type') === 'refresh_token') {
        if (!refreshTokens.has(form.get('refresh_token') ?? '')) return oauthError('invalid_grant', 'Token has been expired or revoked.');
        refreshCount++;
        // No new refresh token (#offline: the refresh token stays valid).
        const accessToken = `ya29.${nextId(32)}`;
        tokens.set(accessToken, { expiresAt: Date.now() + 3600_000 });
        return {
          body: {
            access_token: accessToken,
            expires_in: 3599,
            scope: 'https://www.googleapis.com/auth/youtube.upload',
            token_type: 'Bearer',
          },
        };
      }
      return oauthError('unsupported_grant_type', 'Invalid grant_type.');
    }

    // ---------------------------------------------------------------- the API
    if (!authorized(request)) return unauthorized();
    // Every call costs quota, invalid ones at least one unit; past the day's quota: 403 quotaExceeded
    // (https://developers.google.com/youtube/v3/determine_quota_cost, https://developers.google.com/youtube/v3/docs/errors#general).
    const isSession = route === 'PUT /upload/youtube/v3/videos';
    const cost = isSession ? 0 : (COSTS[route] ?? 1);
    if (used + cost > quota) {
      return googleError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      );
    }
    used += cost;
    // The token acts as the account's own channel; the brand channel is listed by channels.list?mine=true too.
    const channel = channels[0];

    // Resumable upload, step 1 (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol#Start_Resumable_Session).
    if (route === 'POST /upload/youtube/v3/videos') {
      if (q.get('uploadType') !== 'resumable') return googleError(400, 'badRequest', 'uploadType must be resumable here.', 'global');
      const total = Number(request.headers['x-upload-content-length']);
      const mimeType = String(request.headers['x-upload-content-type'] ?? '');
      if (!Number.isSafeInteger(total) || total <= 0)
        return googleError(400, 'badRequest', 'X-Upload-Content-Length is required.', 'global');
      if (!mimeType.startsWith('video/')) return googleError(400, 'invalidVideoMetadata', 'The media type is not a video.');
      let metadata: { snippet?: { title?: unknown; description?: unknown }; status?: { privacyStatus?: unknown; publishAt?: unknown } };
      try {
        metadata = request.json();
      } catch {
        return googleError(400, 'parseError', 'Parse Error', 'global');
      }
      const invalid = invalidMetadata(metadata.snippet?.title, metadata.snippet?.description ?? '');
      if (invalid) return invalid;
      const privacy = metadata.status?.privacyStatus ?? 'public';
      // A scheduled video must be private (https://developers.google.com/youtube/v3/docs/videos#status.publishAt).
      if (metadata.status?.publishAt !== undefined && privacy !== 'private') {
        return googleError(400, 'invalidPublishAt', 'A scheduled video must be private.');
      }
      const id = nextId(16);
      sessions.set(id, {
        channelId: channel.id,
        metadata: {
          title: String(metadata.snippet?.title),
          description: String(metadata.snippet?.description ?? ''),
          privacyStatus: String(privacy),
          publishAt: typeof metadata.status?.publishAt === 'string' ? metadata.status.publishAt : undefined,
        },
        total,
        mimeType,
        received: [],
        bytes: 0,
      });
      return {
        status: 200,
        headers: { location: `${request.url.origin}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}` },
        body: '',
      };
    }
    if (isSession) {
      const session = sessions.get(q.get('upload_id') ?? '');
      if (!session) return googleError(404, 'notFound', 'The upload session was not found.', 'global');
      return uploadChunk(request, session);
    }

    // videos.list (https://developers.google.com/youtube/v3/docs/videos/list).
    if (route === 'GET /youtube/v3/videos') {
      const parts = (q.get('part') ?? '').split(',');
      const ids = (q.get('id') ?? '').split(',').filter(Boolean);
      const found = ids.map((id) => videos.get(id) ?? others.find((video) => video.id === id)).filter((video): video is Video => !!video);
      return { body: { kind: 'youtube#videoListResponse', items: found.map((video) => videoResource(video, parts)) } };
    }
    // videos.delete (https://developers.google.com/youtube/v3/docs/videos/delete): 204, or 404 videoNotFound.
    if (route === 'DELETE /youtube/v3/videos') {
      const video = videos.get(q.get('id') ?? '');
      if (!video) return googleError(404, 'videoNotFound', 'The video that you are trying to delete cannot be found.');
      if (video.channelId !== channel.id)
        return googleError(403, 'forbidden', 'The video that you are trying to delete cannot be deleted.');
      videos.delete(video.id);
      return { status: 204, body: '' };
    }
    // commentThreads.list?videoId (https://developers.google.com/youtube/v3/docs/commentThreads/list): maxResults 1-100, default 20.
    if (route === 'GET /youtube/v3/commentThreads') {
      const videoId = q.get('videoId') ?? '';
      if (!videos.has(videoId) && !others.some((video) => video.id === videoId)) {
        return googleError(404, 'videoNotFound', 'The video identified by the videoId parameter could not be found.');
      }
      const top = comments.filter((comment) => comment.videoId === videoId && !comment.parentId);
      const { slice, extra } = page(top, q, 100, 20);
      const items = slice.map((comment) => ({
        kind: 'youtube#commentThread',
        id: comment.id,
        snippet: {
          videoId,
          topLevelComment: commentResource(comment),
          totalReplyCount: comments.filter((c) => c.parentId === comment.id).length,
        },
      }));
      return { body: { kind: 'youtube#commentThreadListResponse', items, ...extra } };
    }
    // commentThreads.insert (https://developers.google.com/youtube/v3/docs/commentThreads/insert).
    if (route === 'POST /youtube/v3/commentThreads') {
      const body = request.json<{ snippet?: { videoId?: string; topLevelComment?: { snippet?: { textOriginal?: string } } } }>();
      const videoId = body.snippet?.videoId ?? '';
      const text = body.snippet?.topLevelComment?.snippet?.textOriginal;
      if (!videos.has(videoId) && !others.some((video) => video.id === videoId))
        return googleError(404, 'videoNotFound', 'The video could not be found.');
      if (!text) return googleError(400, 'commentTextRequired', 'The comment resource must contain a value for textOriginal.');
      const comment: Comment = {
        id: `Ugz${nextId(23)}`,
        videoId,
        text,
        author: channel.title,
        authorChannelUrl: `http://www.youtube.com/${channel.customUrl}`,
        publishedAt: new Date().toISOString(),
      };
      comments.push(comment);
      return { body: { kind: 'youtube#commentThread', id: comment.id, snippet: { videoId, topLevelComment: commentResource(comment) } } };
    }
    // comments.insert, a reply (https://developers.google.com/youtube/v3/docs/comments/insert).
    if (route === 'POST /youtube/v3/comments') {
      const body = request.json<{ snippet?: { parentId?: string; textOriginal?: string } }>();
      const parent = comments.find((comment) => comment.id === body.snippet?.parentId);
      if (!parent) return googleError(404, 'parentCommentNotFound', 'The specified parent comment could not be found.');
      if (!body.snippet?.textOriginal)
        return googleError(400, 'commentTextRequired', 'The comment resource must contain a value for textOriginal.');
      const comment: Comment = {
        id: `${parent.id}.${nextId(22)}`,
        videoId: parent.videoId,
        parentId: parent.id,
        text: body.snippet.textOriginal,
        author: channel.title,
        authorChannelUrl: `http://www.youtube.com/${channel.customUrl}`,
        publishedAt: new Date().toISOString(),
      };
      comments.push(comment);
      return { body: commentResource(comment) };
    }
    // search.list q=…&type=video (https://developers.google.com/youtube/v3/docs/search/list): maxResults 0-50, default 5.
    if (route === 'GET /youtube/v3/search') {
      const words = (q.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const found = others
        .filter((video) => words.every((word) => `${video.title} ${video.description}`.toLowerCase().includes(word)))
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
      const { slice, extra } = page(found, q);
      const items = slice.map((video) => ({
        kind: 'youtube#searchResult',
        id: { kind: 'youtube#video', videoId: video.id },
        snippet: {
          publishedAt: video.publishedAt,
          channelId: video.channelId,
          title: video.title,
          description: video.description,
          channelTitle: `Channel ${video.channelId.slice(2, 8)}`,
        },
      }));
      return { body: { kind: 'youtube#searchListResponse', items, ...extra } };
    }
    // playlistItems.list of the uploads playlist, newest first (https://developers.google.com/youtube/v3/docs/playlistItems/list).
    if (route === 'GET /youtube/v3/playlistItems') {
      const owner = channels.find((entry) => entry.uploads === q.get('playlistId'));
      if (!owner)
        return googleError(404, 'playlistNotFound', 'The playlist identified with the request playlistId parameter cannot be found.');
      const uploads = [...videos.values()].filter((video) => video.channelId === owner.id).reverse();
      const { slice, extra } = page(uploads, q);
      const items = slice.map((video) => ({
        kind: 'youtube#playlistItem',
        id: `PLI${video.id}`,
        snippet: {
          publishedAt: video.publishedAt,
          channelId: owner.id,
          title: video.title,
          description: video.description,
          playlistId: owner.uploads,
          resourceId: { kind: 'youtube#video', videoId: video.id },
        },
      }));
      return { body: { kind: 'youtube#playlistItemListResponse', items, ...extra } };
    }
    // channels.list mine=true | id=… (https://developers.google.com/youtube/v3/docs/channels/list).
    if (route === 'GET /youtube/v3/channels') {
      const parts = (q.get('part') ?? '').split(',');
      const ids = (q.get('id') ?? '').split(',').filter(Boolean);
      const selected = q.get('mine') === 'true' ? channels : channels.filter((entry) => ids.includes(entry.id));
      const items = selected.map((entry) => ({
        kind: 'youtube#channel',
        id: entry.id,
        ...(parts.includes('snippet') ? { snippet: { title: entry.title, description: '', customUrl: entry.customUrl } } : {}),
        ...(parts.includes('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: entry.uploads } } } : {}),
        ...(parts.includes('statistics')
          ? {
              statistics: {
                viewCount: '1000',
                subscriberCount: String(entry.subscribers),
                hiddenSubscriberCount: false,
                videoCount: String([...videos.values()].filter((video) => video.channelId === entry.id).length),
              },
            }
          : {}),
      }));
      return { body: { kind: 'youtube#channelListResponse', items, pageInfo: { totalResults: items.length, resultsPerPage: 5 } } };
    }
    return googleError(404, 'notFound', `Not Found: ${route}`, 'global');
  };

  const server = await LoopbackServer.start((request) => {
    const index = once.findIndex((entry) => entry.match(request));
    if (index >= 0) return once.splice(index, 1)[0].reply;
    return handle(request);
  });

  return Object.assign(server, {
    videos,
    comments,
    issueTokens,
    issueCode(codeChallenge: string, redirectUri: string) {
      const code = `4/${nextId(24)}`;
      codes.set(code, { challenge: codeChallenge, redirectUri });
      return code;
    },
    addMentions(count: number) {
      for (let i = 0; i < count; i++) {
        others.push({
          id: nextId(11),
          channelId: `UC${nextId(22)}`,
          title: `Review of socle #${others.length + 1}`,
          description: 'A video about socle',
          privacyStatus: 'public',
          mimeType: 'video/mp4',
          bytes: 1,
          publishedAt: new Date(Date.now() - 1000 * (others.length + 1)).toISOString(),
          views: 10,
          likes: 1,
        });
      }
    },
    addComments(videoId: string, count: number) {
      for (let i = 0; i < count; i++) {
        comments.push({
          id: `Ugx${nextId(23)}`,
          videoId,
          text: `Comment ${i + 1}`,
          author: `Viewer ${i + 1}`,
          authorChannelUrl: `http://www.youtube.com/@viewer${i + 1}`,
          publishedAt: new Date().toISOString(),
        });
      }
    },
    interruptChunks(count: number) {
      interruptions = count;
    },
    setQuota(units: number) {
      quota = units;
      used = 0;
    },
    quotaUsed: () => used,
    answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply) {
      once.push({ match, reply });
    },
    lastAuthorization: () => authorization,
    refreshes: () => refreshCount,
  });
}
