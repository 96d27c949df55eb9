/**
 * What the Ghost connector can do and within which limits. Each bound says where it comes from: Ghost's own
 * validation (its schema's column lengths, https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/data/schema/schema.js)
 * or this connector's choice, so one publish stays a reasonable request.
 */
import type { ConnectorManifest } from '@socle/connector-sdk';

/** A long-form article: 100,000 characters of `text`. The connector's own bound (Ghost stores the body as long text). */
export const GHOST_MAX_CHARACTERS = 100_000;

/** `options.html` is sent as the source of the post (`?source=html`), bounded at 1 MiB of UTF-8: the connector's own bound. */
export const GHOST_MAX_HTML_BYTES = 1024 * 1024;

/** `posts.title` is validated at 255 characters by Ghost's schema. */
export const GHOST_MAX_TITLE_LENGTH = 255;

/** `posts.custom_excerpt` is validated at 300 characters by Ghost's schema. */
export const GHOST_MAX_EXCERPT_LENGTH = 300;

/** `posts.slug` is a VARCHAR(191) in Ghost's schema. */
export const GHOST_MAX_SLUG_LENGTH = 191;

/** `posts_meta.feature_image_alt` is validated at 191 characters by Ghost's schema. */
export const GHOST_MAX_ALT_LENGTH = 191;

/** `posts.canonical_url` is a TEXT validated at 2,000 characters by Ghost's schema. */
export const GHOST_MAX_CANONICAL_LENGTH = 2000;

/** `tags.name` is validated at 191 characters by Ghost's schema. */
export const GHOST_MAX_TAG_LENGTH = 191;

/**
 * Images the Admin API takes for `purpose=image` (https://docs.ghost.org/admin-api/images/uploading-an-image: WEBP,
 * JPEG, GIF, PNG and SVG). SVG is left out: the connector publishes images, not scripts. The first is the feature
 * image, the others are appended to the body.
 */
export const GHOST_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * Ghost itself sets no documented upload size; the proxy in front of it does (Ghost-CLI's nginx sets
 * `client_max_body_size 50m`). 10 MiB is the connector's bound; a site that takes less answers 413: REJECTED.
 */
export const GHOST_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** One feature image and up to 9 more in the body: the connector's own bound, one upload request per image. */
export const GHOST_MAX_IMAGES = 10;

export const ghostManifest: ConnectorManifest = {
  id: 'ghost',
  displayName: 'Ghost',
  // An Admin API key `id:secret` from a custom integration (https://docs.ghost.org/admin-api#token-authentication):
  // a long-lived key the site owner pastes; it never expires, it is revoked by regenerating or deleting it.
  authKind: 'access-token',
  articles: true,
  capabilities: {
    publish: true,
    media: true,
    threads: false,
    // Ghost's native comments are served to members by the Members API used by its comments widget; the Admin API
    // (https://docs.ghost.org/admin-api: posts, pages, tiers, newsletters, offers, members, users, images, themes,
    // webhooks) documents no comments resource: no reading and no answering comments with an Admin API key.
    reply: false,
    comments: false,
    delete: true,
    // A blog has no mentions of the account and no search of other sites.
    mentions: false,
    search: false,
    // The Admin API documents no per-post views or engagement figures for integrations.
    metrics: false,
    // Ghost has no idempotency key: each post carries an internal tag derived from the key, searched with `filter`.
    findPublished: true,
    accountMetrics: false,
    targets: false,
  },
  text: { maxLength: GHOST_MAX_CHARACTERS, counting: 'code-points' },
  media: { maxCount: GHOST_MAX_IMAGES, types: GHOST_IMAGE_TYPES, maxBytes: GHOST_IMAGE_MAX_BYTES, delivery: 'bytes' },
  // Ghost documents no Admin API rate limit for self-hosted sites; Ghost(Pro) and proxies answer 429 with Retry-After.
  // Modest hints: one site is one small server.
  rateLimit: {
    requests: 60,
    windowSeconds: 60,
    publish: [
      { limit: 10, windowSeconds: 3600 },
      { limit: 50, windowSeconds: 24 * 3600 },
    ],
  },
  // A variant is an article: its settings are the post's fields (see article.ts for how each is sent).
  options: [
    { name: 'title', type: 'string', label: 'Title', maxLength: GHOST_MAX_TITLE_LENGTH, required: true },
    {
      name: 'excerpt',
      type: 'text',
      label: 'Excerpt',
      maxLength: GHOST_MAX_EXCERPT_LENGTH,
      description: 'The summary themes show in lists and feeds (Ghost’s custom excerpt, 300 characters).',
    },
    {
      name: 'slug',
      type: 'string',
      label: 'Slug',
      maxLength: GHOST_MAX_SLUG_LENGTH,
      description: 'The address part: lowercase letters, digits and dashes; Ghost adds -2 to a slug already taken.',
    },
    {
      name: 'canonicalUrl',
      type: 'url',
      label: 'Canonical URL',
      maxLength: GHOST_MAX_CANONICAL_LENGTH,
      description: 'Where the article was first published (Ghost’s canonical_url).',
    },
    {
      name: 'html',
      type: 'text',
      label: 'Body (HTML)',
      body: true,
      description: 'The article as HTML, converted by Ghost (lossy for markup it does not know); without it the text becomes paragraphs.',
    },
    {
      name: 'lexical',
      type: 'text',
      label: 'Body (Lexical)',
      body: true,
      description:
        'The article in Ghost’s own editor format: a Lexical document as JSON text ({"root": {...}}), sent unchanged (no conversion). Instead of the HTML body.',
    },
    {
      name: 'status',
      type: 'enum',
      label: 'Status',
      values: ['published', 'draft', 'scheduled'],
      description: 'published (the default), draft, or scheduled (with publishAt).',
    },
    { name: 'publishAt', type: 'date-time', label: 'Publish at', description: 'When a scheduled post goes live (in the future).' },
    { name: 'tags', type: 'string', label: 'Tags', maxLength: 2000, description: 'Comma-separated names, found or created by Ghost.' },
    {
      name: 'newsletter',
      type: 'string',
      label: 'Newsletter',
      maxLength: GHOST_MAX_SLUG_LENGTH,
      description: 'The slug of a newsletter to email the post to (all its subscribers) when it is published or scheduled.',
    },
    {
      name: 'featureImageAlt',
      type: 'string',
      label: 'Feature image alt text',
      maxLength: GHOST_MAX_ALT_LENGTH,
      description: 'Alternative text of the feature image (the first image); by default the image’s own alt text.',
    },
  ],
};
