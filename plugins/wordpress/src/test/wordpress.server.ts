/**
 * A loopback server that plays a WordPress site for the tests (127.0.0.1, free port): the home page with its
 * discovery `Link` header, and the REST API routes the connector uses, under `/wp-json/` or `?rest_route=`,
 * with HTTP Basic and application passwords. Shapes and error bodies follow the REST API handbook; each route
 * cites its page. The SDK's LoopbackServer adds rate limits, 500s, HTML pages, truncated bodies and stalls on demand.
 */
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

export const EDITOR = 'redaction';
export const EDITOR_PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
/** A Contributor: may write drafts, has no `publish_posts` (https://wordpress.org/documentation/article/roles-and-capabilities/). */
export const CONTRIBUTOR = 'stagiaire';
export const CONTRIBUTOR_PASSWORD = 'zzzz yyyy xxxx wwww vvvv uuuu';
/** A password WordPress once issued and the user revoked since. */
export const REVOKED_PASSWORD = 'revo kedp assw ord0 0000 0000';

/** How the site exposes its API (https://developer.wordpress.org/rest-api/using-the-rest-api/discovery/). */
export type DiscoveryMode = 'pretty' | 'plain' | 'no-link' | 'foreign-link';

interface User {
  id: number;
  name: string;
  slug: string;
  roles: string[];
  capabilities: Record<string, boolean>;
  passwords: Set<string>;
}

export interface StoredPost {
  id: number;
  title: string;
  content: string;
  excerpt: string;
  slug: string;
  status: 'publish' | 'draft' | 'trash';
  author: number;
  dateGmt: string;
  featuredMedia: number;
  tags: number[];
  categories: number[];
}

export interface StoredMedia {
  id: number;
  filename: string;
  mimeType: string;
  bytes: number;
  altText: string;
  author: number;
}

export interface StoredComment {
  id: number;
  post: number;
  parent: number;
  author: number;
  authorName: string;
  content: string;
  dateGmt: string;
}

interface Term {
  id: number;
  name: string;
  slug: string;
}

export interface WordpressTestServer extends LoopbackServer {
  readonly posts: Map<number, StoredPost>;
  readonly media: Map<number, StoredMedia>;
  readonly comments: Map<number, StoredComment>;
  readonly tags: Map<number, Term>;
  readonly categories: Map<number, Term>;
  /** Posts not in the trash (what the suite counts). */
  livePosts(): number;
  setDiscovery(mode: DiscoveryMode): void;
  /** A site whose REST API a plugin switched off: every route answers 404 `rest_no_route`. */
  disableRestApi(disabled: boolean): void;
  /** The user revokes an application password (Users → Profile → Application Passwords → Revoke). */
  revoke(password: string): void;
  /** A comment by a visitor. */
  addComment(post: number, text: string, parent?: number): StoredComment;
  /** Moves the clock of stored dates (posts created "earlier"). */
  setPostDate(id: number, dateGmt: string): void;
}

const WP_CAPS_EDITOR = {
  read: true,
  edit_posts: true,
  publish_posts: true,
  upload_files: true,
  delete_posts: true,
  delete_published_posts: true,
  manage_categories: true,
  moderate_comments: true,
  unfiltered_html: true,
};
const WP_CAPS_CONTRIBUTOR = { read: true, edit_posts: true, delete_posts: true };

/** `{ code, message, data: { status } }`, the body of a WP_Error (https://developer.wordpress.org/rest-api/using-the-rest-api/#errors). */
function wpError(status: number, code: string, message: string, data: Record<string, unknown> = {}): LoopbackReply {
  return { status, body: { code, message, data: { status, ...data } } };
}

function gmtNow(): string {
  return new Date().toISOString().slice(0, 19);
}

/** sanitize_title, for what the tests use: lowercase, non-alphanumerics to single dashes. */
function sanitizeTitle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function startWordpressTestServer(): Promise<WordpressTestServer> {
  const users = new Map<string, User>([
    [
      EDITOR,
      {
        id: 2,
        name: 'Rédaction',
        slug: EDITOR,
        roles: ['editor'],
        capabilities: WP_CAPS_EDITOR,
        passwords: new Set([EDITOR_PASSWORD.replace(/\s/g, ''), REVOKED_PASSWORD.replace(/\s/g, '')]),
      },
    ],
    [
      CONTRIBUTOR,
      {
        id: 3,
        name: 'Stagiaire',
        slug: CONTRIBUTOR,
        roles: ['contributor'],
        capabilities: WP_CAPS_CONTRIBUTOR,
        passwords: new Set([CONTRIBUTOR_PASSWORD.replace(/\s/g, '')]),
      },
    ],
  ]);
  const posts = new Map<number, StoredPost>();
  const media = new Map<number, StoredMedia>();
  const comments = new Map<number, StoredComment>();
  const tags = new Map<number, Term>();
  const categories = new Map<number, Term>([[1, { id: 1, name: 'Uncategorized', slug: 'uncategorized' }]]);
  let nextId = 100;
  let discovery: DiscoveryMode = 'pretty';
  let restDisabled = false;
  let base = '';

  const postLink = (post: StoredPost) => (post.status === 'publish' ? `${base}/${post.slug}/` : `${base}/?p=${post.id}`);

  /**
   * HTTP Basic with an application password (https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/):
   * spaces in the password are ignored; an unknown user is 401 `invalid_username`, a wrong or revoked password
   * 401 `incorrect_password`. No Authorization header: anonymous (undefined).
   */
  const authenticate = (request: LoopbackRequest): User | LoopbackReply | undefined => {
    const header = request.headers.authorization;
    if (!header) return undefined;
    if (!header.startsWith('Basic ')) return wpError(401, 'rest_not_logged_in', 'You are not currently logged in.');
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1).replace(/\s/g, '');
    const user = users.get(username);
    if (!user) return wpError(401, 'invalid_username', 'Unknown username. Check again or try your email address.');
    if (!user.passwords.has(password))
      return wpError(401, 'incorrect_password', 'The provided password is an invalid application password.');
    return user;
  };

  /** The post as the REST API returns it; `edit` adds the raw fields (https://developer.wordpress.org/rest-api/reference/posts/#schema). */
  const postJson = (post: StoredPost, edit: boolean) => ({
    id: post.id,
    date_gmt: post.status === 'draft' ? null : post.dateGmt,
    modified_gmt: post.dateGmt,
    slug: post.slug,
    status: post.status,
    type: 'post',
    link: postLink(post),
    title: edit ? { raw: post.title, rendered: escapeHtml(post.title) } : { rendered: escapeHtml(post.title) },
    content: edit ? { raw: post.content, rendered: post.content, protected: false } : { rendered: post.content, protected: false },
    excerpt: edit ? { raw: post.excerpt, rendered: `<p>${post.excerpt}</p>` } : { rendered: `<p>${post.excerpt}</p>` },
    author: post.author,
    featured_media: post.featuredMedia,
    tags: post.tags,
    categories: post.categories,
  });

  const commentJson = (comment: StoredComment) => ({
    id: comment.id,
    post: comment.post,
    parent: comment.parent,
    author: comment.author,
    author_name: comment.authorName,
    date_gmt: comment.dateGmt,
    content: { rendered: comment.content },
    link: `${postLink(posts.get(comment.post) as StoredPost)}#comment-${comment.id}`,
    status: 'approved',
  });

  /** A page of a collection with `X-WP-Total` and `X-WP-TotalPages` (https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/). */
  const paged = <T>(items: T[], request: URLSearchParams, invalidCode: string, toJson: (item: T) => unknown): LoopbackReply => {
    const perPage = Math.min(100, Math.max(1, Number(request.get('per_page') ?? 10)));
    const page = Math.max(1, Number(request.get('page') ?? 1));
    const pages = Math.ceil(items.length / perPage);
    if (page > 1 && page > pages) {
      return wpError(400, invalidCode, 'The page number requested is larger than the number of pages available.');
    }
    return {
      headers: { 'x-wp-total': String(items.length), 'x-wp-totalpages': String(pages) },
      body: items.slice((page - 1) * perPage, page * perPage).map(toJson),
    };
  };

  /** WP search: every word of `search` in the title, excerpt or content (case-insensitive LIKE). */
  const matchesSearch = (post: StoredPost, search: string | null) => {
    if (!search) return true;
    const haystack = `${post.title} ${post.excerpt} ${post.content}`.toLowerCase();
    return search
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => haystack.includes(word));
  };

  /** wp_unique_post_slug: a taken slug gets `-2`, `-3`… */
  const uniqueSlug = (wanted: string) => {
    const taken = (slug: string) => [...posts.values()].some((post) => post.slug === slug);
    if (!taken(wanted)) return wanted;
    let suffix = 2;
    while (taken(`${wanted}-${suffix}`)) suffix++;
    return `${wanted}-${suffix}`;
  };

  const termRoutes = (
    taxonomy: Map<number, Term>,
    method: string,
    user: User | undefined,
    params: URLSearchParams,
    body: Record<string, unknown>,
  ) => {
    // https://developer.wordpress.org/rest-api/reference/tags/ and /categories/
    if (method === 'GET') {
      const search = (params.get('search') ?? '').toLowerCase();
      const found = [...taxonomy.values()].filter((term) => term.name.toLowerCase().includes(search));
      return paged(found, params, 'rest_invalid_page_number', (term) => ({ id: term.id, name: escapeHtml(term.name), slug: term.slug }));
    }
    if (!user) return wpError(401, 'rest_cannot_create', 'Sorry, you are not allowed to create terms in this taxonomy.');
    if (taxonomy === categories && !user.capabilities.manage_categories) {
      return wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to create terms in this taxonomy.');
    }
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name) return wpError(400, 'rest_missing_callback_param', 'Missing parameter(s): name', { params: ['name'] });
    const existing = [...taxonomy.values()].find((term) => term.name.toLowerCase() === name.toLowerCase());
    if (existing)
      return wpError(400, 'term_exists', 'A term with the name provided already exists in this taxonomy.', { term_id: existing.id });
    const term = { id: nextId++, name, slug: sanitizeTitle(name) };
    taxonomy.set(term.id, term);
    return { status: 201, body: { id: term.id, name: escapeHtml(term.name), slug: term.slug } };
  };

  const api = (request: LoopbackRequest, route: string, params: URLSearchParams): LoopbackReply => {
    if (restDisabled) return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    const auth = authenticate(request);
    if (auth && !('id' in auth)) return auth;
    const user = auth as User | undefined;
    const edit = params.get('context') === 'edit';
    const method = request.method;
    const jsonBody = (): Record<string, unknown> => {
      const type = String(request.headers['content-type'] ?? '');
      if (!type.includes('json') || request.body.length === 0) return {};
      try {
        const parsed = request.json<unknown>();
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };
    let match: RegExpExecArray | null;

    // https://developer.wordpress.org/rest-api/reference/users/#retrieve-a-user (id "me")
    if (route === '/wp/v2/users/me' && method === 'GET') {
      if (!user) return wpError(401, 'rest_not_logged_in', 'You are not currently logged in.');
      return {
        body: {
          id: user.id,
          name: user.name,
          slug: user.slug,
          ...(edit ? { username: user.slug, roles: user.roles, capabilities: user.capabilities } : {}),
        },
      };
    }

    // https://developer.wordpress.org/rest-api/reference/posts/#list-posts
    if (route === '/wp/v2/posts' && method === 'GET') {
      const status = params.get('status') ?? 'publish';
      if ((status !== 'publish' || edit) && !user) {
        return wpError(401, 'rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this post type.');
      }
      const after = params.get('after');
      const author = params.get('author');
      const found = [...posts.values()]
        .filter((post) => (status === 'any' ? post.status !== 'trash' : post.status === status))
        .filter((post) => !after || Date.parse(`${post.dateGmt}Z`) > Date.parse(after))
        .filter((post) => !author || String(post.author) === author)
        .filter((post) => matchesSearch(post, params.get('search')))
        .sort((a, b) => (params.get('order') === 'asc' ? a.id - b.id : b.id - a.id));
      return paged(found, params, 'rest_post_invalid_page_number', (post) => postJson(post, edit));
    }

    // https://developer.wordpress.org/rest-api/reference/posts/#create-a-post
    if (route === '/wp/v2/posts' && method === 'POST') {
      if (!user) return wpError(401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
      if (!user.capabilities.edit_posts)
        return wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
      const body = jsonBody();
      const status = typeof body.status === 'string' ? body.status : 'draft';
      if (status !== 'publish' && status !== 'draft')
        return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
          params: { status: 'status is not one of publish, future, draft, pending, private.' },
        });
      if (status === 'publish' && !user.capabilities.publish_posts) {
        return wpError(403, 'rest_cannot_publish', 'Sorry, you are not allowed to publish posts in this post type.');
      }
      const featured = typeof body.featured_media === 'number' ? body.featured_media : 0;
      if (featured && !media.has(featured)) return wpError(400, 'rest_invalid_featured_media', 'Invalid featured media ID.');
      const termIds = (value: unknown, taxonomy: Map<number, Term>, name: string): number[] | LoopbackReply => {
        const ids = Array.isArray(value) ? value : [];
        for (const id of ids)
          if (typeof id !== 'number' || !taxonomy.has(id)) return wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`);
        return ids as number[];
      };
      const tagIds = termIds(body.tags, tags, 'tags');
      if (!Array.isArray(tagIds)) return tagIds;
      const categoryIds = termIds(body.categories, categories, 'categories');
      if (!Array.isArray(categoryIds)) return categoryIds;
      const title = typeof body.title === 'string' ? body.title : '';
      const content = typeof body.content === 'string' ? body.content : '';
      const slugAsked = typeof body.slug === 'string' && body.slug ? sanitizeTitle(body.slug) : sanitizeTitle(title);
      const post: StoredPost = {
        id: nextId++,
        title,
        content,
        excerpt: typeof body.excerpt === 'string' ? body.excerpt : '',
        slug: uniqueSlug(slugAsked || String(nextId)),
        status,
        author: user.id,
        dateGmt: gmtNow(),
        featuredMedia: featured,
        tags: tagIds,
        categories: categoryIds.length ? categoryIds : [1],
      };
      posts.set(post.id, post);
      return { status: 201, headers: { location: `${base}/wp-json/wp/v2/posts/${post.id}` }, body: postJson(post, true) };
    }

    // https://developer.wordpress.org/rest-api/reference/posts/#retrieve-a-post , #delete-a-post
    if ((match = /^\/wp\/v2\/posts\/(\d+)$/.exec(route))) {
      const post = posts.get(Number(match[1]));
      if (!post) return wpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
      if (method === 'GET') {
        if (post.status !== 'publish' && !user) return wpError(401, 'rest_forbidden', 'Sorry, you are not allowed to do that.');
        return { body: postJson(post, edit) };
      }
      if (method === 'DELETE') {
        if (!user) return wpError(401, 'rest_cannot_delete', 'Sorry, you are not allowed to delete this post.');
        if (!user.capabilities.delete_posts || post.author !== user.id) {
          return wpError(403, 'rest_cannot_delete', 'Sorry, you are not allowed to delete this post.');
        }
        if (params.get('force') === 'true') {
          posts.delete(post.id);
          return { body: { deleted: true, previous: postJson(post, true) } };
        }
        if (post.status === 'trash') return wpError(410, 'rest_already_trashed', 'The post has already been deleted.');
        post.status = 'trash';
        return { body: postJson(post, true) };
      }
    }

    // https://developer.wordpress.org/rest-api/reference/media/#create-a-media-item
    if (route === '/wp/v2/media' && method === 'POST') {
      if (!user) return wpError(401, 'rest_cannot_create', 'Sorry, you are not allowed to upload media as this user.');
      if (!user.capabilities.upload_files)
        return wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to upload media as this user.');
      if (request.body.length === 0) return wpError(400, 'rest_upload_no_data', 'No data supplied.');
      const disposition = String(request.headers['content-disposition'] ?? '');
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1];
      if (!filename) return wpError(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
      const type = String(request.headers['content-type'] ?? '');
      if (!['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(type)) {
        return wpError(500, 'rest_upload_sideload_error', 'Sorry, you are not allowed to upload this file type.');
      }
      const item: StoredMedia = { id: nextId++, filename, mimeType: type, bytes: request.body.length, altText: '', author: user.id };
      media.set(item.id, item);
      return { status: 201, body: mediaJson(item) };
    }
    if ((match = /^\/wp\/v2\/media\/(\d+)$/.exec(route)) && method === 'POST') {
      const item = media.get(Number(match[1]));
      if (!item) return wpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
      if (!user) return wpError(401, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this post.');
      const body = jsonBody();
      if (typeof body.alt_text === 'string') item.altText = body.alt_text;
      return { body: mediaJson(item) };
    }

    if (route === '/wp/v2/tags') return termRoutes(tags, method, user, params, method === 'POST' ? jsonBody() : {});
    if (route === '/wp/v2/categories') return termRoutes(categories, method, user, params, method === 'POST' ? jsonBody() : {});

    // https://developer.wordpress.org/rest-api/reference/comments/#list-comments
    if (route === '/wp/v2/comments' && method === 'GET') {
      const post = params.get('post');
      const author = params.get('author');
      const found = [...comments.values()]
        .filter((comment) => !post || String(comment.post) === post)
        .filter((comment) => !author || String(comment.author) === author)
        .sort((a, b) => b.id - a.id);
      return paged(found, params, 'rest_comment_invalid_page_number', (comment) => ({
        ...commentJson(comment),
        ...(edit ? { content: { raw: comment.content, rendered: comment.content } } : {}),
      }));
    }
    // https://developer.wordpress.org/rest-api/reference/comments/#create-a-comment
    if (route === '/wp/v2/comments' && method === 'POST') {
      if (!user) return wpError(401, 'rest_comment_login_required', 'Sorry, you must be logged in to comment.');
      const body = jsonBody();
      const post = typeof body.post === 'number' ? posts.get(body.post) : undefined;
      if (!post || post.status === 'trash')
        return wpError(403, 'rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.');
      const parent = typeof body.parent === 'number' ? body.parent : 0;
      if (parent && comments.get(parent)?.post !== post.id) return wpError(400, 'rest_comment_invalid_parent', 'Invalid comment parent.');
      const content = typeof body.content === 'string' ? body.content : '';
      if (!content.trim()) return wpError(400, 'rest_comment_content_invalid', 'Invalid comment content.');
      // wp_allow_comment: the same author saying the same thing on the same post is refused.
      if ([...comments.values()].some((comment) => comment.post === post.id && comment.author === user.id && comment.content === content)) {
        return wpError(409, 'comment_duplicate', 'Duplicate comment detected; it looks as though you’ve already said that!');
      }
      const comment: StoredComment = {
        id: nextId++,
        post: post.id,
        parent,
        author: user.id,
        authorName: user.name,
        content,
        dateGmt: gmtNow(),
      };
      comments.set(comment.id, comment);
      return { status: 201, body: commentJson(comment) };
    }
    if ((match = /^\/wp\/v2\/comments\/(\d+)$/.exec(route)) && method === 'DELETE') {
      const comment = comments.get(Number(match[1]));
      if (!comment) return wpError(404, 'rest_comment_invalid_id', 'Invalid comment ID.');
      comments.delete(comment.id);
      return { body: commentJson(comment) };
    }

    return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  };

  const mediaJson = (item: StoredMedia) => ({
    id: item.id,
    type: 'attachment',
    media_type: 'image',
    mime_type: item.mimeType,
    alt_text: item.altText,
    source_url: `${base}/wp-content/uploads/2026/12/${item.filename}`,
    link: `${base}/${item.filename}/`,
  });

  const handle = (request: LoopbackRequest): LoopbackReply => {
    const url = request.url;
    const restRoute = url.searchParams.get('rest_route');
    if (restRoute !== null) return api(request, restRoute.replace(/\/+$/, '') || '/', url.searchParams);
    if (url.pathname.startsWith('/wp-json/')) {
      if (discovery === 'plain')
        return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><title>Page not found</title></html>' };
      return api(request, url.pathname.slice('/wp-json'.length).replace(/\/+$/, '') || '/', url.searchParams);
    }
    if (url.pathname === '/' && request.method === 'GET') {
      // The discovery header every front-end page carries (rest_output_link_header).
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=UTF-8' };
      if (discovery === 'pretty') headers.link = `<${base}/wp-json/>; rel="https://api.w.org/"`;
      if (discovery === 'plain') headers.link = `<${base}/?rest_route=/>; rel="https://api.w.org/"`;
      if (discovery === 'foreign-link') headers.link = `<https://collector.example/wp-json/>; rel="https://api.w.org/"`;
      return { headers, body: '<!DOCTYPE html><html><head><title>Boulangerie Martin</title></head><body><h1>Le blog</h1></body></html>' };
    }
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><title>Page not found</title></html>' };
  };

  const server = await LoopbackServer.start(handle);
  base = server.baseUrl;
  return Object.assign(server, {
    posts,
    media,
    comments,
    tags,
    categories,
    livePosts: () => [...posts.values()].filter((post) => post.status !== 'trash').length,
    setDiscovery(mode: DiscoveryMode) {
      discovery = mode;
    },
    disableRestApi(disabled: boolean) {
      restDisabled = disabled;
    },
    revoke(password: string) {
      for (const user of users.values()) user.passwords.delete(password.replace(/\s/g, ''));
    },
    addComment(post: number, text: string, parent = 0) {
      const comment: StoredComment = {
        id: nextId++,
        post,
        parent,
        author: 0,
        authorName: 'Visiteur',
        content: `<p>${escapeHtml(text)}</p>`,
        dateGmt: gmtNow(),
      };
      comments.set(comment.id, comment);
      return comment;
    },
    setPostDate(id: number, dateGmt: string) {
      const post = posts.get(id);
      if (post) post.dateGmt = dateGmt;
    },
  });
}
