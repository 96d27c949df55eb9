/**
 * A loopback server that plays the X API v2 for the tests (127.0.0.1, free port).
 *
 * It answers the way api.x.com documents, each behaviour next to its page: the OAuth 2.0 consent page and
 * token endpoint (PKCE S256, Basic auth, refresh-token rotation), posts, the chunked media upload, mentions,
 * recent search, the user's timeline, metrics and delete, with X's problem+json error bodies and its
 * x-rate-limit-* headers. The SDK's LoopbackServer adds rate limits, 500s, HTML pages, truncated bodies and
 * stalls on demand.
 */
import { createHash } from 'node:crypto';
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

export const TEST_CLIENT_ID = 'dGVzdC1jbGllbnQtaWQ6MTpjaQ';
export const TEST_CLIENT_SECRET = 'x-client-secret-for-tests';
export const TEST_USER_ID = '1500000000000000001';
export const TEST_USERNAME = 'socle_agency';

export interface XPost {
  id: string;
  authorId: string;
  username: string;
  text: string;
  createdAt: Date;
  inReplyTo?: string;
  conversationId: string;
  mediaIds: string[];
}

interface Upload {
  id: string;
  mediaType: string;
  totalBytes: number;
  segments: Map<number, number>;
  finalized: boolean;
  /** STATUS reads answered in_progress before succeeded. */
  readsLeft: number;
}

export interface XTestServer extends LoopbackServer {
  /** Posts of the connected user, by id. */
  readonly posts: Map<string, XPost>;
  /** Media uploads by id (segments received, finalized). */
  readonly uploads: Map<string, Upload>;
  /** When true, a post whose text equals one of the user's posts is refused (403), as X does. */
  rejectDuplicates: boolean;
  /** STATUS reads answered `in_progress` for the next uploads (0: no processing_info at all). */
  processingReads: number;
  /** A fresh access token for the test user (two hours, as X issues them). */
  issueAccessToken(): string;
  /** An access token already expired, and a refresh token that is still good. */
  issueExpiredPair(): { accessToken: string; refreshToken: string };
  addMentions(count: number): void;
  addPublicPost(text: string, username?: string, inReplyTo?: string): XPost;
  setFollowers(count: number): void;
  /** Answers `reply` (once) instead of the API to the next request `match` accepts. */
  answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply): void;
  lastAuthorization(): URLSearchParams | undefined;
}

const TWO_HOURS = 7200;
/** POST /2/tweets: 100 per 15 minutes per user (https://docs.x.com/x-api/fundamentals/rate-limits). */
const WINDOW_LIMIT = 100;

/** X's problem+json error (https://docs.x.com/x-api/fundamentals/response-codes-and-errors). */
function problem(status: number, title: string, detail: string, type = 'about:blank'): LoopbackReply {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { title, detail, type, status } };
}

export async function startXTestServer(): Promise<XTestServer> {
  let counter = 1_700_000_000_000_000_000n;
  const nextId = () => String(++counter);
  const tokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  const codes = new Map<string, { clientId: string; redirectUri: string; challenge: string }>();
  const posts = new Map<string, XPost>();
  const others: XPost[] = [];
  const uploads = new Map<string, Upload>();
  const pending: Array<{ match: (request: LoopbackRequest) => boolean; reply: LoopbackReply }> = [];
  let followers = 42;
  let lastAuthorization: URLSearchParams | undefined;
  let windowReset = Math.floor(Date.now() / 1000) + 900;
  let windowUsed = 0;

  const random = () => Math.random().toString(36).slice(2, 12);
  const issue = (lifetime = TWO_HOURS) => {
    const token = `XAT${random()}${random()}`;
    tokens.set(token, Date.now() / 1000 + lifetime);
    return token;
  };
  const issueRefresh = () => {
    const token = `XRT${random()}${random()}`;
    refreshTokens.add(token);
    return token;
  };

  const all = () => [...posts.values(), ...others];
  const find = (id: string) => posts.get(id) ?? others.find((post) => post.id === id);
  const makePost = (text: string, authorId: string, username: string, inReplyTo?: string, mediaIds: string[] = []): XPost => {
    const id = nextId();
    const parent = inReplyTo ? find(inReplyTo) : undefined;
    return { id, authorId, username, text, createdAt: new Date(), inReplyTo, conversationId: parent?.conversationId ?? id, mediaIds };
  };

  /** The Post object's fields (https://docs.x.com/x-api/fundamentals/data-dictionary#tweet); X escapes &, < and >. */
  const tweetJson = (post: XPost, fields: string[]) => {
    const out: Record<string, unknown> = {
      id: post.id,
      text: post.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    };
    if (post.mediaIds.length > 0) out.text = `${out.text} https://t.co/${post.id.slice(-10)}`;
    out.edit_history_tweet_ids = [post.id];
    if (fields.includes('created_at')) out.created_at = post.createdAt.toISOString();
    if (fields.includes('author_id')) out.author_id = post.authorId;
    if (fields.includes('lang')) out.lang = 'en';
    if (fields.includes('conversation_id')) out.conversation_id = post.conversationId;
    if (fields.includes('referenced_tweets') && post.inReplyTo) out.referenced_tweets = [{ type: 'replied_to', id: post.inReplyTo }];
    if (fields.includes('public_metrics')) {
      out.public_metrics = { retweet_count: 1, reply_count: 2, like_count: 3, quote_count: 0, bookmark_count: 0, impression_count: 40 };
    }
    return out;
  };
  const userJson = (id: string, username: string, fields: string[]) => ({
    id,
    name: username === TEST_USERNAME ? 'Socle Agency' : `User ${username}`,
    username,
    ...(fields.includes('public_metrics')
      ? {
          public_metrics: {
            followers_count: id === TEST_USER_ID ? followers : 7,
            following_count: 5,
            tweet_count: posts.size,
            listed_count: 0,
          },
        }
      : {}),
  });

  /**
   * Token-paged lists newest first, `{ data, includes.users, meta: { result_count, next_token } }`
   * (https://docs.x.com/x-api/fundamentals/pagination); `data` is left out when empty.
   */
  const list = (request: LoopbackRequest, items: XPost[], min: number, tokenParam: 'pagination_token' | 'next_token'): LoopbackReply => {
    const params = request.url.searchParams;
    const max = Number(params.get('max_results') ?? 10);
    if (!Number.isInteger(max) || max < min || max > 100) {
      return {
        status: 400,
        body: {
          errors: [
            {
              parameters: { max_results: [String(params.get('max_results'))] },
              message: `The \`max_results\` query parameter value [${params.get('max_results')}] is not between ${min} and 100`,
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    const sorted = [...items].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const token = params.get(tokenParam);
    let start = 0;
    if (token) {
      start = Number(Buffer.from(token, 'base64url').toString('utf8'));
      if (!Number.isInteger(start) || start < 0)
        return problem(400, 'Invalid Request', `The \`${tokenParam}\` query parameter value is not valid`);
    }
    const slice = sorted.slice(start, start + max);
    const fields = (params.get('tweet.fields') ?? '').split(',');
    const userFields = (params.get('user.fields') ?? '').split(',');
    const body: Record<string, unknown> = {};
    if (slice.length > 0) body.data = slice.map((post) => tweetJson(post, fields));
    if (slice.length > 0 && params.get('expansions')?.includes('author_id')) {
      const users = new Map(slice.map((post) => [post.authorId, userJson(post.authorId, post.username, userFields)]));
      body.includes = { users: [...users.values()] };
    }
    const meta: Record<string, unknown> = { result_count: slice.length };
    if (slice.length > 0) Object.assign(meta, { newest_id: slice[0].id, oldest_id: slice[slice.length - 1].id });
    if (start + max < sorted.length) meta.next_token = Buffer.from(String(start + max)).toString('base64url');
    body.meta = meta;
    return { status: 200, body };
  };

  const authorised = (request: LoopbackRequest): boolean => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const expiry = tokens.get(token);
    return expiry !== undefined && expiry > Date.now() / 1000;
  };

  const handle = (request: LoopbackRequest): LoopbackReply => {
    const at = pending.findIndex((entry) => entry.match(request));
    if (at !== -1) return pending.splice(at, 1)[0].reply;
    const path = request.url.pathname;
    const params = request.url.searchParams;

    // Consent page: signs in as the test user and redirects back with a code
    // (https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code).
    if (request.method === 'GET' && path === '/i/oauth2/authorize') {
      lastAuthorization = params;
      const redirectUri = params.get('redirect_uri') ?? '';
      if (params.get('client_id') !== TEST_CLIENT_ID || !redirectUri) return { status: 400, body: 'Something went wrong: unknown app' };
      if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
        return { status: 400, body: 'Something went wrong: code_challenge with S256 is required' };
      }
      const code = `XC${random()}`;
      codes.set(code, { clientId: TEST_CLIENT_ID, redirectUri, challenge: params.get('code_challenge') ?? '' });
      const target = new URL(redirectUri);
      target.searchParams.set('state', params.get('state') ?? '');
      target.searchParams.set('code', code);
      return { status: 302, headers: { location: target.toString() }, body: '' };
    }

    // Token endpoint: a confidential client authenticates with HTTP Basic; PKCE verified (S256); refresh tokens
    // rotate, the used one refused afterwards (same page; https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token).
    if (request.method === 'POST' && path === '/2/oauth2/token') {
      const expected = `Basic ${Buffer.from(`${encodeURIComponent(TEST_CLIENT_ID)}:${encodeURIComponent(TEST_CLIENT_SECRET)}`).toString('base64')}`;
      if (request.headers.authorization !== expected) {
        return { status: 401, body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
      }
      const form = new URLSearchParams(request.text());
      const invalid = (description: string): LoopbackReply => ({
        status: 400,
        body: { error: 'invalid_request', error_description: description },
      });
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        if (!code) return invalid('Value passed for the authorization code was invalid.');
        codes.delete(form.get('code') ?? '');
        if (code.redirectUri !== form.get('redirect_uri'))
          return invalid('Value passed for the redirect uri did not match the uri of the authorization code.');
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
          return invalid('Value passed for the code verifier did not match the code challenge.');
      } else if (grant === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        if (!refreshTokens.has(token)) return invalid('Value passed for the token was invalid.');
        refreshTokens.delete(token);
      } else {
        return invalid('Value passed for the grant type was invalid.');
      }
      return {
        status: 200,
        body: {
          token_type: 'bearer',
          expires_in: TWO_HOURS,
          access_token: issue(),
          scope: 'tweet.read tweet.write users.read offline.access media.write',
          refresh_token: issueRefresh(),
        },
      };
    }

    if (!path.startsWith('/2/')) return problem(404, 'Not Found Error', `Could not find ${path}`);
    if (!authorised(request)) return problem(401, 'Unauthorized', 'Unauthorized');
    const reply = route(request, path, params);
    // Every v2 answer carries the window's x-rate-limit-* headers (https://docs.x.com/x-api/fundamentals/rate-limits).
    reply.headers = {
      'x-rate-limit-limit': String(WINDOW_LIMIT),
      'x-rate-limit-remaining': String(Math.max(0, WINDOW_LIMIT - windowUsed)),
      'x-rate-limit-reset': String(windowReset),
      ...reply.headers,
    };
    return reply;
  };

  const route = (request: LoopbackRequest, path: string, params: URLSearchParams): LoopbackReply => {
    const tweetFields = (params.get('tweet.fields') ?? '').split(',');
    // GET /2/users/me (https://docs.x.com/x-api/users/get-my-user).
    if (request.method === 'GET' && path === '/2/users/me') {
      return { status: 200, body: { data: userJson(TEST_USER_ID, TEST_USERNAME, (params.get('user.fields') ?? '').split(',')) } };
    }
    // POST /2/tweets (https://docs.x.com/x-api/posts/create-post): 201 { data: { id, text } }.
    if (request.method === 'POST' && path === '/2/tweets') {
      let body: Record<string, unknown>;
      try {
        body = request.json<Record<string, unknown>>();
      } catch {
        return problem(400, 'Invalid Request', 'Request body is not valid JSON');
      }
      if (typeof body?.text !== 'string' || !body.text) return problem(400, 'Invalid Request', 'text must be a non-empty string');
      const text = body.text;
      const reply = body.reply as { in_reply_to_tweet_id?: unknown } | undefined;
      const inReplyTo = typeof reply?.in_reply_to_tweet_id === 'string' ? reply.in_reply_to_tweet_id : undefined;
      if (inReplyTo && !find(inReplyTo)) {
        return problem(
          400,
          'Invalid Request',
          'Your Tweet cannot be posted: the Tweet you are replying to has been deleted or is not visible to you.',
        );
      }
      const media = body.media as { media_ids?: unknown } | undefined;
      const mediaIds = Array.isArray(media?.media_ids) ? (media.media_ids as unknown[]).map(String) : [];
      if (mediaIds.length > 4) return problem(400, 'Invalid Request', 'media.media_ids: at most 4 items');
      for (const id of mediaIds)
        if (!uploads.get(id)?.finalized) return problem(400, 'Invalid Request', `Your media IDs are invalid: ${id}`);
      // Duplicate content is refused with 403 (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
      if (rejectDuplicates() && [...posts.values()].some((post) => post.text === text)) {
        return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
      }
      windowUsed++;
      const post = makePost(text, TEST_USER_ID, TEST_USERNAME, inReplyTo, mediaIds);
      posts.set(post.id, post);
      return { status: 201, body: { data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } } };
    }
    // DELETE /2/tweets/:id (https://docs.x.com/x-api/posts/delete-post): { data: { deleted: true } }.
    const deleting = /^\/2\/tweets\/(\d+)$/.exec(path);
    if (request.method === 'DELETE' && deleting) {
      const post = posts.get(deleting[1]);
      if (!post)
        return problem(
          404,
          'Not Found Error',
          `Could not find tweet with id: [${deleting[1]}].`,
          'https://api.twitter.com/2/problems/resource-not-found',
        );
      posts.delete(post.id);
      return { status: 200, body: { data: { deleted: true } } };
    }
    // GET /2/tweets?ids= (https://docs.x.com/x-api/posts/get-posts-by-ids).
    if (request.method === 'GET' && path === '/2/tweets') {
      const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 100) return problem(400, 'Invalid Request', 'ids: between 1 and 100 ids');
      const found = ids.map(find).filter((post): post is XPost => post !== undefined);
      return {
        status: 200,
        body:
          found.length > 0
            ? { data: found.map((post) => tweetJson(post, tweetFields)) }
            : { errors: [{ detail: 'Could not find tweets' }] },
      };
    }
    // GET /2/users/:id/mentions (https://docs.x.com/x-api/users/get-mentions): 5 to 100 a page.
    const mentioning = /^\/2\/users\/(\d+)\/mentions$/.exec(path);
    if (request.method === 'GET' && mentioning) {
      return list(
        request,
        others.filter((post) => post.text.includes(`@${TEST_USERNAME}`)),
        5,
        'pagination_token',
      );
    }
    // GET /2/users/:id/tweets (https://docs.x.com/x-api/users/get-posts): start_time bounds the oldest, 5 to 100 a page.
    const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(path);
    if (request.method === 'GET' && timeline) {
      const since = params.get('start_time') ? Date.parse(params.get('start_time') ?? '') : 0;
      if (Number.isNaN(since)) return problem(400, 'Invalid Request', 'start_time is not a date');
      const mine = [...posts.values()].filter((post) => post.authorId === timeline[1] && post.createdAt.getTime() >= since);
      return list(request, mine, 5, 'pagination_token');
    }
    // GET /2/tweets/search/recent (https://docs.x.com/x-api/posts/search-recent-posts): 10 to 100 a page, next_token.
    // This server understands the operators the connector sends: `conversation_id:<id>`, OR-ed terms, `-is:retweet`.
    if (request.method === 'GET' && path === '/2/tweets/search/recent') {
      const query = params.get('query') ?? '';
      if (!query || query.length > 512) return problem(400, 'Invalid Request', 'query: between 1 and 512 characters');
      const conversation = /^conversation_id:(\d+)$/.exec(query);
      if (conversation)
        return list(
          request,
          all().filter((post) => post.conversationId === conversation[1] && post.id !== conversation[1]),
          10,
          'next_token',
        );
      const terms = [...query.replace(/-is:retweet/g, '').matchAll(/"([^"]+)"|([^\s()]+)/g)]
        .map((match) => (match[1] ?? match[2]).toLowerCase())
        .filter((term) => term !== 'or');
      return list(
        request,
        all().filter((post) => terms.some((term) => post.text.toLowerCase().includes(term))),
        10,
        'next_token',
      );
    }
    // POST /2/media/upload/initialize (https://docs.x.com/x-api/media/initialize-media-upload).
    if (request.method === 'POST' && path === '/2/media/upload/initialize') {
      const body = request.json<Record<string, unknown>>();
      if (typeof body?.media_type !== 'string' || typeof body.total_bytes !== 'number')
        return problem(400, 'Invalid Request', 'media_type and total_bytes are required');
      if (!['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'].includes(body.media_type))
        return problem(400, 'Invalid Request', 'media_type is not supported');
      const id = nextId();
      uploads.set(id, {
        id,
        mediaType: body.media_type,
        totalBytes: body.total_bytes,
        segments: new Map(),
        finalized: false,
        readsLeft: processingReads(),
      });
      return { status: 200, body: { data: { id, media_key: `3_${id}`, expires_after_secs: 86400 } } };
    }
    // POST /2/media/upload/:id/append, JSON { media: base64, segment_index } (https://docs.x.com/x-api/media/append-media-upload).
    const appending = /^\/2\/media\/upload\/(\d+)\/append$/.exec(path);
    if (request.method === 'POST' && appending) {
      const upload = uploads.get(appending[1]);
      if (!upload || upload.finalized) return problem(400, 'Invalid Request', 'media_id is not an open upload');
      const body = request.json<Record<string, unknown>>();
      const index = body?.segment_index;
      if (typeof body?.media !== 'string' || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 999) {
        return problem(400, 'Invalid Request', 'media and segment_index (0 to 999) are required');
      }
      const bytes = Buffer.from(body.media, 'base64').byteLength;
      if (bytes > 5 * 1024 * 1024) return problem(400, 'Invalid Request', 'segment larger than 5 MB');
      upload.segments.set(index, bytes);
      return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } } };
    }
    // POST /2/media/upload/:id/finalize (https://docs.x.com/x-api/media/finalize-media-upload).
    const finalizing = /^\/2\/media\/upload\/(\d+)\/finalize$/.exec(path);
    if (request.method === 'POST' && finalizing) {
      const upload = uploads.get(finalizing[1]);
      if (!upload) return problem(400, 'Invalid Request', 'media_id is not an open upload');
      const received = [...upload.segments.values()].reduce((sum, bytes) => sum + bytes, 0);
      if (received !== upload.totalBytes)
        return problem(400, 'Invalid Request', `File size mismatch: expected ${upload.totalBytes}, received ${received}`);
      upload.finalized = true;
      const data: Record<string, unknown> = {
        id: upload.id,
        media_key: `3_${upload.id}`,
        size: upload.totalBytes,
        expires_after_secs: 86400,
      };
      if (upload.readsLeft > 0) data.processing_info = { state: 'pending', check_after_secs: 1 };
      return { status: 200, body: { data } };
    }
    // GET /2/media/upload?command=STATUS&media_id= (https://docs.x.com/x-api/media/get-media-upload-status).
    if (request.method === 'GET' && path === '/2/media/upload' && params.get('command') === 'STATUS') {
      const upload = uploads.get(params.get('media_id') ?? '');
      if (!upload) return problem(400, 'Invalid Request', 'media_id is not known');
      upload.readsLeft = Math.max(0, upload.readsLeft - 1);
      const processing =
        upload.readsLeft > 0
          ? { state: 'in_progress', check_after_secs: 1, progress_percent: 50 }
          : { state: 'succeeded', progress_percent: 100 };
      return { status: 200, body: { data: { id: upload.id, media_key: `3_${upload.id}`, processing_info: processing } } };
    }
    // POST /2/media/metadata (https://docs.x.com/x-api/media/create-media-metadata).
    if (request.method === 'POST' && path === '/2/media/metadata') {
      const body = request.json<{ id?: unknown }>();
      if (typeof body?.id !== 'string' || !uploads.has(body.id)) return problem(400, 'Invalid Request', 'id is not a known media');
      return { status: 200, body: { data: { associated_metadata: true, id: body.id } } };
    }
    return problem(404, 'Not Found Error', `not simulated: ${request.method} ${path}`);
  };

  // Read from the server object, which the tests set (assigned once it has started).
  const rejectDuplicates = () => self.rejectDuplicates;
  const processingReads = () => self.processingReads;

  const server = await LoopbackServer.start(handle);
  const self: XTestServer = Object.assign(server, {
    posts,
    uploads,
    rejectDuplicates: false,
    processingReads: 0,
    issueAccessToken: () => issue(),
    issueExpiredPair: () => ({ accessToken: issue(-60), refreshToken: issueRefresh() }),
    addMentions(count: number) {
      for (let i = 0; i < count; i++)
        others.push(makePost(`@${TEST_USERNAME} mention ${others.length + 1}`, '2000000000000000002', 'fan_account'));
    },
    addPublicPost(text: string, username = 'someone_else', inReplyTo?: string) {
      const post = makePost(text, '2000000000000000003', username, inReplyTo);
      others.push(post);
      return post;
    },
    setFollowers(count: number) {
      followers = count;
    },
    answerNext(match: (request: LoopbackRequest) => boolean, reply: LoopbackReply) {
      pending.push({ match, reply });
    },
    lastAuthorization: () => lastAuthorization,
    resetWindow() {
      windowUsed = 0;
      windowReset = Math.floor(Date.now() / 1000) + 900;
    },
  });
  return self;
}
