/**
 * A loopback server that plays a Ghost 5 site for the tests (127.0.0.1, free port): the Admin API routes the
 * connector uses under `/ghost/api/admin/`, each checking the `Authorization: Ghost <jwt>` token as Ghost does
 * (HS256 with the hex-decoded secret of the key named by `kid`, `aud` `/admin/`, at most 5 minutes of validity,
 * not expired; https://docs.ghost.org/admin-api#token-authentication). Shapes and error bodies
 * (`{ errors: [{ message, context, type }] }`) follow the Admin API documentation; each route cites its page. The
 * SDK's LoopbackServer adds rate limits, 500s, HTML pages, truncated bodies and stalls on demand.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

/** The Admin API key of the site's custom integration (24-hex id, 64-hex secret, as Ghost issues them). */
export const ADMIN_KEY_ID = '6489f0c2a1b2c3d4e5f60718';
export const ADMIN_KEY = `${ADMIN_KEY_ID}:${'a1b2c3d4e5f60718'.repeat(4)}`;
/** A key whose integration was deleted since: Ghost answers 401 "Unknown Admin API Key". */
export const DELETED_KEY = `6489f0c2a1b2c3d4e5f60799:${'0f1e2d3c4b5a6978'.repeat(4)}`;

export interface StoredPost {
  id: string;
  uuid: string;
  title: string;
  slug: string;
  html: string;
  /** The Lexical document when the post was sent as one (Ghost's own format). */
  lexical: string | null;
  status: 'published' | 'draft' | 'scheduled';
  customExcerpt: string | null;
  canonicalUrl: string | null;
  featureImage: string | null;
  featureImageAlt: string | null;
  publishedAt: string | null;
  createdAt: string;
  tags: Array<{ id: string; name: string; slug: string }>;
  newsletter: string | null;
  emailSegment: string | null;
}

export interface GhostTestServer extends LoopbackServer {
  readonly posts: Map<string, StoredPost>;
  readonly images: Array<{ url: string; filename: string; contentType: string; bytes: number; ref?: string }>;
  /** Newsletter slugs the site has (active). */
  readonly newsletters: Set<string>;
  /**
   * A site whose host limits forbid sending (Ghost's EmailService.checkLimits: 403 HostLimitError, e.g. a Ghost(Pro)
   * account under review). A self-hosted Ghost without a mail service does not refuse: it publishes without email.
   */
  setEmailSendingDisabled(disabled: boolean): void;
  /** The next post creation is stored at once but answered only after `ms` (a client timing out meanwhile). */
  delayNextCreate(ms: number): void;
  /** Every token the server accepted, decoded (header and payload), oldest first. */
  readonly tokens: Array<{ header: Record<string, unknown>; payload: Record<string, unknown> }>;
}

type ErrorType = 'UnauthorizedError' | 'NoPermissionError' | 'NotFoundError' | 'ValidationError' | 'BadRequestError' | 'HostLimitError';

/** Ghost's error body (https://docs.ghost.org/admin-api#errors). */
function ghostError(status: number, type: ErrorType, message: string, context: string | null = null, code?: string): LoopbackReply {
  return {
    status,
    body: {
      errors: [
        { message, context, type, details: null, property: null, help: null, code: code ?? null, id: randomBytes(8).toString('hex') },
      ],
    },
  };
}

function objectId(): string {
  return randomBytes(12).toString('hex');
}

/** Ghost's slugify for what the tests use: lowercase, `#` to `hash-`, other non-alphanumerics to single dashes. */
function slugify(text: string): string {
  return text
    .replace(/^#/, 'hash-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 185);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The multipart fields and file of an image upload (enough of RFC 7578 for what the connector sends). */
function parseMultipart(request: LoopbackRequest): {
  fields: Record<string, string>;
  file?: { name: string; filename: string; type: string; data: Buffer };
} {
  const boundary = /boundary=([^;]+)/.exec(String(request.headers['content-type'] ?? ''))?.[1];
  const fields: Record<string, string> = {};
  if (!boundary) return { fields };
  let file: { name: string; filename: string; type: string; data: Buffer } | undefined;
  const body = request.body;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const data = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename !== undefined)
      file = { name, filename, type: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '', data: Buffer.from(data) };
    else fields[name] = data.toString('utf8');
    at = next;
  }
  return { fields, file };
}

export async function startGhostTestServer(): Promise<GhostTestServer> {
  const keys = new Map<string, Buffer>([[ADMIN_KEY_ID, Buffer.from(ADMIN_KEY.split(':')[1], 'hex')]]);
  const posts = new Map<string, StoredPost>();
  const tags = new Map<string, { id: string; name: string; slug: string }>();
  const images: GhostTestServer['images'] = [];
  const newsletters = new Set(['default-newsletter']);
  const tokens: GhostTestServer['tokens'] = [];
  let emailDisabled = false;
  let createDelayMs = 0;
  let base = '';

  /**
   * The Admin API key check (ghost/core/core/server/services/auth/api-key/admin.js): `Ghost <token>`, a known `kid`,
   * an HS256 signature with the key's secret, `aud` `/admin/`, `exp` - `iat` at most 5 minutes, not expired.
   */
  const authenticate = (request: LoopbackRequest): LoopbackReply | undefined => {
    const header = String(request.headers.authorization ?? '');
    if (!header)
      return ghostError(
        403,
        'NoPermissionError',
        'Authorization failed',
        'Unable to determine the authenticated user or integration. Check that cookies are being passed through if using session authentication.',
      );
    const [scheme, token] = header.split(' ');
    if (!/^Ghost$/i.test(scheme) || !token)
      return ghostError(
        401,
        'UnauthorizedError',
        'Authorization header format is "Authorization: Ghost [token]"',
        null,
        'INVALID_AUTH_HEADER',
      );
    const [h, p, s] = token.split('.');
    const jwtHeader = decodePart(h ?? '');
    const payload = decodePart(p ?? '');
    if (!jwtHeader || !payload || !s) return ghostError(401, 'UnauthorizedError', 'Invalid JWT', null, 'INVALID_JWT');
    const secret = typeof jwtHeader.kid === 'string' ? keys.get(jwtHeader.kid) : undefined;
    if (!secret) return ghostError(401, 'UnauthorizedError', 'Unknown Admin API Key', null, 'UNKNOWN_ADMIN_API_KEY');
    const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
    const given = Buffer.from(s, 'base64url');
    if (jwtHeader.alg !== 'HS256' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return ghostError(401, 'UnauthorizedError', 'Invalid token: invalid signature', null, 'INVALID_JWT');
    }
    if (payload.aud !== '/admin/')
      return ghostError(401, 'UnauthorizedError', 'Invalid token: jwt audience invalid. expected: /admin/', null, 'INVALID_JWT');
    const now = Math.floor(Date.now() / 1000);
    const iat = Number(payload.iat);
    const exp = Number(payload.exp);
    if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp - iat > 5 * 60) {
      return ghostError(401, 'UnauthorizedError', 'Invalid token: maxAge exceeded', null, 'INVALID_JWT');
    }
    if (exp <= now || now - iat > 5 * 60) return ghostError(401, 'UnauthorizedError', 'Invalid token: jwt expired', null, 'INVALID_JWT');
    tokens.push({ header: jwtHeader, payload });
    return undefined;
  };

  const postJson = (post: StoredPost) => ({
    id: post.id,
    uuid: post.uuid,
    title: post.title,
    slug: post.slug,
    html: post.html,
    status: post.status,
    visibility: 'public',
    custom_excerpt: post.customExcerpt,
    canonical_url: post.canonicalUrl,
    feature_image: post.featureImage,
    feature_image_alt: post.featureImageAlt,
    created_at: post.createdAt,
    updated_at: post.createdAt,
    published_at: post.publishedAt,
    tags: post.tags,
    primary_tag: post.tags.find((tag) => !tag.name.startsWith('#')) ?? null,
    newsletter: post.newsletter ? { slug: post.newsletter } : null,
    email: post.newsletter ? { status: 'submitted', recipient_filter: post.emailSegment } : null,
    // Published posts live at their slug; others are previews (https://docs.ghost.org/admin-api/posts/overview).
    url: post.status === 'published' ? `${base}/${post.slug}/` : `${base}/p/${post.uuid}/`,
  });

  const pick = (value: Record<string, unknown>, fields: string | null) =>
    fields ? Object.fromEntries(fields.split(',').map((field) => [field, value[field]])) : value;

  /** A post `filter` of the form the connector sends: `tag:<slug>` (https://docs.ghost.org/content-api/filtering). */
  const matchesFilter = (post: StoredPost, filter: string | null): boolean | LoopbackReply => {
    if (!filter) return true;
    const match = /^tag:([a-z0-9-]+)$/.exec(filter);
    if (!match) return ghostError(400, 'BadRequestError', 'Error parsing filter', filter);
    return post.tags.some((tag) => tag.slug === match[1]);
  };

  const uniqueSlug = (wanted: string) => {
    const taken = (slug: string) => [...posts.values()].some((post) => post.slug === slug);
    if (!taken(wanted)) return wanted;
    let suffix = 2;
    while (taken(`${wanted}-${suffix}`)) suffix++;
    return `${wanted}-${suffix}`;
  };

  const tagOf = (name: string) => {
    const existing = [...tags.values()].find((tag) => tag.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const tag = { id: objectId(), name, slug: slugify(name) };
    tags.set(tag.id, tag);
    return tag;
  };

  const api = (request: LoopbackRequest, route: string, params: URLSearchParams): LoopbackReply | Promise<LoopbackReply> => {
    const denied = authenticate(request);
    if (denied) return denied;
    const method = request.method;
    let match: RegExpExecArray | null;

    // https://docs.ghost.org/admin-api/posts/overview (browse, with filter, limit, fields, order)
    if (route === 'posts' && method === 'GET') {
      const found: StoredPost[] = [];
      for (const post of [...posts.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
        const matches = matchesFilter(post, params.get('filter'));
        if (typeof matches !== 'boolean') return matches;
        if (matches) found.push(post);
      }
      const limit = Math.max(1, Math.min(100, Number(params.get('limit') ?? 15)));
      return {
        body: {
          posts: found.slice(0, limit).map((post) => pick(postJson(post), params.get('fields'))),
          meta: {
            pagination: {
              page: 1,
              limit,
              pages: Math.max(1, Math.ceil(found.length / limit)),
              total: found.length,
              next: null,
              prev: null,
            },
          },
        },
      };
    }

    // https://docs.ghost.org/admin-api/posts/creating-a-post (?source=html), /scheduling-a-post, /sending-a-post
    if (route === 'posts' && method === 'POST') {
      let body: unknown;
      try {
        body = request.json();
      } catch {
        return ghostError(400, 'BadRequestError', 'Request body is not valid JSON');
      }
      const input = (body as { posts?: unknown[] })?.posts?.[0] as Record<string, unknown> | undefined;
      if (!input || typeof input !== 'object') return ghostError(422, 'ValidationError', "No root key ('posts') provided.");
      const title = typeof input.title === 'string' ? input.title : '';
      if (!title) return ghostError(422, 'ValidationError', 'Validation (isLength) failed for title', 'posts.title');
      if (title.length > 255)
        return ghostError(422, 'ValidationError', 'Value in [posts.title] exceeds maximum length of 255 characters.', 'posts.title');
      const excerpt = typeof input.custom_excerpt === 'string' ? input.custom_excerpt : null;
      if (excerpt && excerpt.length > 300) {
        return ghostError(
          422,
          'ValidationError',
          'Validation (isLength) failed for custom_excerpt',
          'Value in [posts.custom_excerpt] exceeds maximum length of 300 characters.',
        );
      }
      const status = input.status === 'published' || input.status === 'scheduled' ? input.status : 'draft';
      const publishedAt = typeof input.published_at === 'string' ? input.published_at : null;
      // Ghost 5.130.4 took a schedule 30 s away (seen on the real one); a past or missing date is refused here (not tried).
      if (status === 'scheduled' && (!publishedAt || Date.parse(publishedAt) <= Date.now())) {
        return ghostError(422, 'ValidationError', 'Validation error, cannot edit post.', 'Date must be in the future.');
      }
      const newsletter = params.get('newsletter');
      if (newsletter && status !== 'draft') {
        if (emailDisabled)
          return ghostError(403, 'HostLimitError', 'Email sending has been temporarily disabled whilst your account is under review.');
      }
      const html = typeof input.html === 'string' && params.get('source') === 'html' ? input.html : '';
      // https://docs.ghost.org/admin-api/posts/overview: `lexical` is the post's content as a JSON string.
      let lexical: string | null = null;
      if (input.lexical !== undefined && input.lexical !== null) {
        let parsed: unknown = null;
        try {
          parsed = typeof input.lexical === 'string' ? JSON.parse(input.lexical) : null;
        } catch {
          parsed = null;
        }
        if (typeof parsed !== 'object' || parsed === null || !('root' in parsed))
          return ghostError(422, 'ValidationError', 'Validation error, cannot save post.', 'Invalid lexical structure.');
        lexical = input.lexical as string;
      }
      const now = new Date().toISOString();
      const post: StoredPost = {
        id: objectId(),
        uuid: randomBytes(16).toString('hex'),
        title,
        slug: uniqueSlug(slugify(typeof input.slug === 'string' && input.slug ? input.slug : title) || 'untitled'),
        html,
        lexical,
        status,
        customExcerpt: excerpt,
        canonicalUrl: typeof input.canonical_url === 'string' ? input.canonical_url : null,
        featureImage: typeof input.feature_image === 'string' ? input.feature_image : null,
        featureImageAlt: typeof input.feature_image_alt === 'string' ? input.feature_image_alt : null,
        publishedAt: status === 'published' ? now : publishedAt,
        createdAt: now,
        tags: (Array.isArray(input.tags) ? input.tags : [])
          .map((tag) =>
            tag && typeof tag === 'object' && typeof (tag as { name?: unknown }).name === 'string'
              ? tagOf((tag as { name: string }).name)
              : undefined,
          )
          .filter((tag): tag is { id: string; name: string; slug: string } => tag !== undefined),
        // Ghost 5.130.4 publishes for a slug it does not know with no newsletter and no error (seen on the real one).
        newsletter: newsletter && status !== 'draft' && newsletters.has(newsletter) ? newsletter : null,
        emailSegment: newsletter && status !== 'draft' ? (params.get('email_segment') ?? 'all') : null,
      };
      posts.set(post.id, post);
      const reply = { status: 201, body: { posts: [postJson(post)] } };
      if (createDelayMs > 0) {
        const delay = createDelayMs;
        createDelayMs = 0;
        return new Promise<LoopbackReply>((resolve) => setTimeout(() => resolve(reply), delay).unref());
      }
      return reply;
    }

    // https://docs.ghost.org/admin-api/posts/deleting-a-post
    if ((match = /^posts\/([^/]+)$/.exec(route)) && method === 'DELETE') {
      if (!posts.delete(match[1])) return ghostError(404, 'NotFoundError', 'Resource not found error, cannot delete post.');
      return { status: 204 };
    }

    // https://docs.ghost.org/admin-api/images/uploading-an-image
    if (route === 'images/upload' && method === 'POST') {
      const { fields, file } = parseMultipart(request);
      if (!file || file.name !== 'file' || file.data.length === 0) return ghostError(422, 'ValidationError', 'Please select an image.');
      if (!['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/svg+xml'].includes(file.type)) {
        return ghostError(
          415,
          'ValidationError',
          'Please select a valid image.',
          `The file type you uploaded is not supported. Please use .WEBP, .JPG, .JPEG, .GIF, .PNG, .SVG, .SVGZ`,
        );
      }
      const url = `${base}/content/images/2026/12/${file.filename}`;
      images.push({ url, filename: file.filename, contentType: file.type, bytes: file.data.length, ref: fields.ref });
      return { status: 201, body: { images: [{ url, ref: fields.ref ?? null }] } };
    }

    return ghostError(404, 'NotFoundError', 'Resource not found');
  };

  const handle = (request: LoopbackRequest): LoopbackReply | Promise<LoopbackReply> => {
    const prefix = '/ghost/api/admin/';
    if (request.url.pathname.startsWith(prefix))
      return api(request, request.url.pathname.slice(prefix.length).replace(/\/+$/, ''), request.url.searchParams);
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><title>404 — Page not found</title></html>' };
  };

  const server = await LoopbackServer.start(handle);
  base = server.baseUrl;
  return Object.assign(server, {
    posts,
    images,
    newsletters,
    tokens,
    delayNextCreate(ms: number) {
      createDelayMs = ms;
    },
    setEmailSendingDisabled(disabled: boolean) {
      emailDisabled = disabled;
    },
  });
}
