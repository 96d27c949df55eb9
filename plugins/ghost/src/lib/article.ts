/**
 * A variant as a Ghost post: the long-form options read and checked, the body written as HTML, and the internal tag
 * that carries the idempotency key.
 *
 * The connector escapes `text` into paragraphs; `options.html` goes to Ghost as it is, converted by Ghost to its own
 * format (`?source=html`, https://docs.ghost.org/admin-api/posts/creating-a-post: "this operation is lossy");
 * `options.lexical` is Ghost's own format (a Lexical document as JSON text, the `lexical` field of a post,
 * https://docs.ghost.org/admin-api/posts/overview), sent as it is with no conversion.
 */
import { createHash } from 'node:crypto';
import type { Variant, Violation } from '@socle/connector-sdk';
import {
  GHOST_MAX_ALT_LENGTH,
  GHOST_MAX_EXCERPT_LENGTH,
  GHOST_MAX_HTML_BYTES,
  GHOST_MAX_SLUG_LENGTH,
  GHOST_MAX_TAG_LENGTH,
  GHOST_MAX_TITLE_LENGTH,
} from './manifest';

export type PostStatus = 'published' | 'draft' | 'scheduled';

export interface Article {
  title: string;
  /** The body as sent, before the images after the first are appended. */
  body: string;
  /** The body as a Lexical document (JSON text), sent instead of `body` when given. */
  lexical?: string;
  excerpt?: string;
  slug?: string;
  canonicalUrl?: string;
  status: PostStatus;
  publishAt?: Date;
  tags: string[];
  newsletter?: string;
  featureImageAlt?: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names in `options.tags`: at most this many per post (the connector's bound). */
export const MAX_TAGS = 20;

const utf8 = new TextEncoder();

export function escapeHtml(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === "'") out += '&#39;';
    else out += char;
  }
  return out;
}

/** Plain text as HTML paragraphs: a blank line starts a paragraph, a single line break becomes `<br>`, all escaped. */
export function textToHtml(text: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) paragraphs.push(`<p>${lines.map(escapeHtml).join('<br>')}</p>`);
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') flush();
    else lines.push(line.trim());
  }
  flush();
  return paragraphs.join('\n');
}

/** Comma-separated names, trimmed, empty ones and internal (`#`) ones dropped, duplicates (case-insensitive) once. */
export function tagNames(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of value.split(',')) {
    const name = part.trim();
    if (!name || name.startsWith('#') || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * The internal tag of an idempotency key: `#socle-<16 hex of SHA-256(key)>`. Ghost treats a tag whose name starts
 * with `#` as internal: never shown to readers, its slug prefixed `hash-`
 * (https://ghost.org/help/organising-content-with-tags/#internal-tags). 64 bits of the hash: two keys share a tag
 * with a chance of one in 2^64 / posts², negligible for a blog.
 */
export function internalTag(idempotencyKey: string): { name: string; slug: string } {
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 16);
  return { name: `#socle-${hash}`, slug: `hash-socle-${hash}` };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function optionString(variant: Variant, name: string): string | undefined {
  const value = variant.options?.[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

const STRING_OPTIONS = [
  'title',
  'excerpt',
  'slug',
  'canonicalUrl',
  'html',
  'lexical',
  'status',
  'publishAt',
  'tags',
  'newsletter',
  'featureImageAlt',
];

/** What is wrong with the variant's long-form options (`validate` adds them to the text and media checks). */
export function articleViolations(variant: Variant, now: Date = new Date()): Violation[] {
  const violations: Violation[] = [];
  const options = variant.options ?? {};
  const add = (rule: string, name: string, message: string) => violations.push({ rule, path: `options.${name}`, message });
  const notString = (name: string) => options[name] !== undefined && typeof options[name] !== 'string';
  const length = (value: string) => [...value].length;

  for (const name of STRING_OPTIONS) {
    if (notString(name)) add('option.type', name, `options.${name} must be text (got ${typeof options[name]})`);
  }
  const title = optionString(variant, 'title');
  if (!title && !notString('title')) add('title.required', 'title', 'A Ghost post needs a title: set options.title.');
  if (title && length(title) > GHOST_MAX_TITLE_LENGTH) {
    add('title.too-long', 'title', `The title is ${length(title)} characters long; Ghost keeps at most ${GHOST_MAX_TITLE_LENGTH}.`);
  }
  const excerpt = optionString(variant, 'excerpt');
  if (excerpt && length(excerpt) > GHOST_MAX_EXCERPT_LENGTH) {
    add(
      'excerpt.too-long',
      'excerpt',
      `The excerpt is ${length(excerpt)} characters long; Ghost keeps at most ${GHOST_MAX_EXCERPT_LENGTH}.`,
    );
  }
  const slug = optionString(variant, 'slug');
  if (slug !== undefined) {
    if (slug.length > GHOST_MAX_SLUG_LENGTH) {
      add('slug.too-long', 'slug', `The slug is ${slug.length} characters long; Ghost keeps at most ${GHOST_MAX_SLUG_LENGTH}.`);
    } else if (!SLUG.test(slug)) {
      add(
        'slug.format',
        'slug',
        'The slug may hold only lowercase letters a-z, digits and single dashes between them (e.g. "spring-menu-2027").',
      );
    }
  }
  const canonical = optionString(variant, 'canonicalUrl');
  if (canonical !== undefined && !isHttpUrl(canonical))
    add('canonical-url.format', 'canonicalUrl', 'options.canonicalUrl must be an http(s) address.');
  const status = optionString(variant, 'status');
  if (status !== undefined && status !== 'published' && status !== 'draft' && status !== 'scheduled') {
    add('status.value', 'status', `options.status is "published" (the default), "draft" or "scheduled", not ${JSON.stringify(status)}.`);
  }
  const publishAt = optionString(variant, 'publishAt');
  const at = publishAt === undefined ? undefined : Date.parse(publishAt);
  if (publishAt !== undefined && (at === undefined || Number.isNaN(at))) {
    add('publish-at.format', 'publishAt', 'options.publishAt must be an ISO 8601 date and time with its offset.');
  }
  if (status === 'scheduled') {
    if (publishAt === undefined) add('publish-at.required', 'publishAt', 'A scheduled post needs options.publishAt.');
    else if (at !== undefined && !Number.isNaN(at) && at <= now.getTime()) {
      add('publish-at.past', 'publishAt', 'options.publishAt must be in the future for a scheduled post.');
    }
  }
  const html = typeof options.html === 'string' ? options.html : undefined;
  if (html !== undefined && utf8.encode(html).byteLength > GHOST_MAX_HTML_BYTES) {
    add(
      'html.too-large',
      'html',
      `options.html is ${utf8.encode(html).byteLength} bytes; at most ${GHOST_MAX_HTML_BYTES} (1 MiB) are sent in one post.`,
    );
  }
  const lexical = typeof options.lexical === 'string' && options.lexical.trim() ? options.lexical : undefined;
  if (lexical !== undefined) {
    if (html !== undefined && html.trim())
      add('lexical.with-html', 'lexical', 'Give the body as options.html or as options.lexical, not both.');
    const problem = lexicalProblem(lexical);
    if (problem) add('lexical.format', 'lexical', problem);
  }
  const tags = tagNames(options.tags);
  if (tags.length > MAX_TAGS) add('tags.too-many', 'tags', `At most ${MAX_TAGS} tags per post (got ${tags.length}).`);
  if (tags.some((tag) => length(tag) > GHOST_MAX_TAG_LENGTH))
    add('tags.too-long', 'tags', `Each tag is at most ${GHOST_MAX_TAG_LENGTH} characters long.`);
  const newsletter = optionString(variant, 'newsletter');
  if (newsletter !== undefined) {
    if (!SLUG.test(newsletter))
      add('newsletter.format', 'newsletter', 'options.newsletter is the slug of a newsletter (e.g. "default-newsletter").');
    if (status === 'draft')
      add('newsletter.draft', 'newsletter', 'A draft is not emailed: publish or schedule the post to send it to a newsletter.');
  }
  const alt = optionString(variant, 'featureImageAlt');
  if (alt && length(alt) > GHOST_MAX_ALT_LENGTH) {
    add(
      'feature-image-alt.too-long',
      'featureImageAlt',
      `The feature image's alt text is at most ${GHOST_MAX_ALT_LENGTH} characters long.`,
    );
  }
  return violations;
}

/** The article a valid variant describes. */
export function articleOf(variant: Variant): Article {
  const html = typeof variant.options?.html === 'string' && variant.options.html.trim() ? variant.options.html : undefined;
  const status = optionString(variant, 'status');
  const publishAt = optionString(variant, 'publishAt');
  const lexical = typeof variant.options?.lexical === 'string' && variant.options.lexical.trim() ? variant.options.lexical : undefined;
  return {
    title: optionString(variant, 'title') ?? '',
    body: html ?? textToHtml(variant.text),
    lexical,
    excerpt: optionString(variant, 'excerpt'),
    slug: optionString(variant, 'slug'),
    canonicalUrl: optionString(variant, 'canonicalUrl'),
    status: status === 'draft' || status === 'scheduled' ? status : 'published',
    publishAt: publishAt ? new Date(publishAt) : undefined,
    tags: tagNames(variant.options?.tags),
    newsletter: optionString(variant, 'newsletter'),
    featureImageAlt: optionString(variant, 'featureImageAlt'),
  };
}

/** Deepest nesting of arrays and objects a Lexical document may have (a real one is a few levels deep). */
export const MAX_LEXICAL_DEPTH = 64;

/**
 * What is wrong with a Lexical document given as JSON text, or null: at most 1 MiB, nesting measured by one linear scan
 * before anything is parsed (so a hostile depth costs nothing), JSON, and a `root` node of type "root" with children.
 */
export function lexicalProblem(text: string): string | null {
  const bytes = utf8.encode(text).byteLength;
  if (bytes > GHOST_MAX_HTML_BYTES)
    return `options.lexical is ${bytes} bytes; at most ${GHOST_MAX_HTML_BYTES} (1 MiB) are sent in one post.`;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_LEXICAL_DEPTH) return `options.lexical nests deeper than ${MAX_LEXICAL_DEPTH} levels.`;
    } else if (c === 125 || c === 93) depth--;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return 'options.lexical must be a Lexical document as JSON text ({"root": {...}}).';
  }
  const root = (document as { root?: unknown } | null)?.root as { type?: unknown; children?: unknown } | undefined;
  if (typeof document !== 'object' || document === null || Array.isArray(document) || typeof root !== 'object' || root === null)
    return 'options.lexical must be a Lexical document: an object with a "root" node.';
  if (root.type !== 'root' || !Array.isArray(root.children))
    return 'The "root" node of options.lexical must be of type "root" with "children".';
  return null;
}

/** The Lexical document, then the images after the feature image as Ghost image cards (nodes of type "image"). */
export function lexicalOf(article: Article, images: Array<{ url: string; alt?: string }>): string {
  const document = JSON.parse(article.lexical as string) as { root: { children: unknown[] } };
  for (const image of images)
    document.root.children.push({
      type: 'image',
      version: 1,
      src: image.url,
      width: null,
      height: null,
      title: '',
      alt: image.alt ?? '',
      caption: '',
      cardWidth: 'regular',
      href: '',
    });
  return JSON.stringify(document);
}

/** The body, then the images after the feature image as Ghost image cards. */
export function htmlOf(article: Article, images: Array<{ url: string; alt?: string }>): string {
  const parts = [article.body];
  for (const image of images) {
    parts.push(
      `<figure class="kg-card kg-image-card"><img src="${escapeHtml(image.url)}" class="kg-image" alt="${escapeHtml(image.alt ?? '')}"></figure>`,
    );
  }
  return parts.join('\n');
}
