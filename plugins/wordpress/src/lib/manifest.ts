/**
 * What the WordPress connector can do and within which limits. WordPress core documents few limits of its own
 * (a post's content is a LONGTEXT column); the bounds below are this connector's, chosen so one publish stays a
 * reasonable request for a shared host, and each says where it comes from.
 */
import type { ConnectorManifest } from '@socle/connector-sdk';

/** A long-form article: 100,000 characters of `text` (about 15,000 words). The connector's own bound. */
export const WORDPRESS_MAX_CHARACTERS = 100_000;

/**
 * `options.html` is sent as the post's content unchanged (WordPress filters it with KSES for users without
 * `unfiltered_html`); bounded at 1 MiB of UTF-8 so a runaway export never becomes a multi-megabyte request.
 */
export const WORDPRESS_MAX_HTML_BYTES = 1024 * 1024;

/** `options.title`: WordPress stores it as TEXT (64 KiB); 1,000 characters is already far past any theme's layout. */
export const WORDPRESS_MAX_TITLE_LENGTH = 1000;

/** `options.slug`: `post_name` is VARCHAR(200) (https://codex.wordpress.org/Database_Description#Table:_wp_posts). */
export const WORDPRESS_MAX_SLUG_LENGTH = 200;

/**
 * Images the Media Library takes by default (`get_allowed_mime_types`, https://developer.wordpress.org/reference/functions/get_allowed_mime_types/);
 * the first is the featured image, the others are appended to the body.
 */
export const WORDPRESS_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * The upload limit is the host's (`upload_max_filesize`, `wp_max_upload_size()`, often 2 to 128 MB); 10 MiB is a
 * bound most hosts accept. A site that takes less answers 413 or `rest_upload_*`: REJECTED with its words.
 */
export const WORDPRESS_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** One featured image and up to 9 more in the body: the connector's own bound, one request per image. */
export const WORDPRESS_MAX_IMAGES = 10;

export const wordpressManifest: ConnectorManifest = {
  id: 'wordpress',
  displayName: 'WordPress',
  authKind: 'app-password',
  articles: true,
  capabilities: {
    publish: true,
    media: true,
    threads: false,
    reply: true,
    delete: true,
    // WordPress core has no mentions of a user and no search of other sites: nothing to listen to.
    mentions: false,
    search: false,
    comments: true,
    // Core keeps no views, likes or shares (those come from analytics plugins, each with its own API).
    metrics: false,
    findPublished: true,
    accountMetrics: false,
    targets: false,
  },
  text: { maxLength: WORDPRESS_MAX_CHARACTERS, counting: 'code-points' },
  media: { maxCount: WORDPRESS_MAX_IMAGES, types: WORDPRESS_IMAGE_TYPES, maxBytes: WORDPRESS_IMAGE_MAX_BYTES, delivery: 'bytes' },
  // WordPress documents no REST rate limit; hosts and security plugins add their own (429 with Retry-After).
  // Modest hints: one site is one small server.
  rateLimit: {
    requests: 60,
    windowSeconds: 60,
    publish: [
      { limit: 10, windowSeconds: 3600 },
      { limit: 50, windowSeconds: 24 * 3600 },
    ],
  },
  // A variant is an article: its settings are the article's fields (see article.ts for how each is sent).
  options: [
    { name: 'title', type: 'string', label: 'Title', maxLength: WORDPRESS_MAX_TITLE_LENGTH, required: true },
    { name: 'excerpt', type: 'text', label: 'Excerpt', maxLength: 5000, description: 'The summary themes show in lists and feeds.' },
    {
      name: 'slug',
      type: 'string',
      label: 'Slug',
      maxLength: WORDPRESS_MAX_SLUG_LENGTH,
      description: 'The address part: lowercase letters, digits and dashes; WordPress adds -2 to a slug already taken.',
    },
    {
      name: 'canonicalUrl',
      type: 'url',
      label: 'Canonical URL',
      maxLength: 2000,
      description: 'Where the article was first published: a “First published at” link ends the body.',
    },
    {
      name: 'html',
      type: 'text',
      label: 'Body (HTML)',
      body: true,
      description: 'The article as HTML, sent unchanged (WordPress filters it); without it the text becomes paragraphs.',
    },
    { name: 'status', type: 'enum', label: 'Status', values: ['publish', 'draft'], description: 'publish (the default) or draft.' },
    { name: 'tags', type: 'string', label: 'Tags', maxLength: 1000, description: 'Comma-separated names, found or created.' },
    { name: 'categories', type: 'string', label: 'Categories', maxLength: 1000, description: 'Comma-separated names, found or created.' },
  ],
};
