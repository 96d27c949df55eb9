/**
 * A variant as a WordPress article: the long-form options read and checked, and the body written as HTML.
 *
 * The connector sanitises nothing but `text` (escaped into paragraphs): `options.html` goes to WordPress as it
 * is, and WordPress filters it itself (KSES for users without `unfiltered_html`,
 * https://developer.wordpress.org/reference/functions/wp_kses_post/).
 */
import type { Variant, Violation } from '@socle/connector-sdk';
import { WORDPRESS_MAX_HTML_BYTES, WORDPRESS_MAX_SLUG_LENGTH, WORDPRESS_MAX_TITLE_LENGTH } from './manifest';

export type ArticleStatus = 'publish' | 'draft';

export interface Article {
  title: string;
  /** The body as sent, before the images after the first are appended. */
  body: string;
  excerpt?: string;
  slug?: string;
  canonicalUrl?: string;
  status: ArticleStatus;
  tags: string[];
  categories: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names in `options.tags` / `options.categories`: at most this many, each at most this long. */
export const MAX_TERMS = 20;
export const MAX_TERM_LENGTH = 200;

const utf8 = new TextEncoder();

function escapeHtml(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === "'") out += '&#039;';
    else out += char;
  }
  return out;
}

export { escapeHtml };

/**
 * Plain text as HTML paragraphs: a blank line starts a paragraph, a single line break becomes `<br />`, every
 * character escaped. One pass over the lines.
 */
export function textToHtml(text: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) paragraphs.push(`<p>${lines.map(escapeHtml).join('<br />\n')}</p>`);
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') flush();
    else lines.push(line.trim());
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Comma-separated names, trimmed, empty ones dropped, duplicates (case-insensitive) once. */
export function termNames(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of value.split(',')) {
    const name = part.trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The option's string, trimmed; undefined when absent or empty. */
function optionString(variant: Variant, name: string): string | undefined {
  const value = variant.options?.[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** What is wrong with the variant's long-form options (`validate` adds them to the text and media checks). */
export function articleViolations(variant: Variant): Violation[] {
  const violations: Violation[] = [];
  const options = variant.options ?? {};
  const add = (rule: string, name: string, message: string) => violations.push({ rule, path: `options.${name}`, message });
  const notString = (name: string) => options[name] !== undefined && typeof options[name] !== 'string';

  for (const name of ['title', 'excerpt', 'slug', 'canonicalUrl', 'html', 'status', 'tags', 'categories']) {
    if (notString(name)) add('option.type', name, `options.${name} must be text (got ${typeof options[name]})`);
  }
  const title = optionString(variant, 'title');
  if (!title && !notString('title')) add('title.required', 'title', 'A WordPress article needs a title: set options.title.');
  if (title && [...title].length > WORDPRESS_MAX_TITLE_LENGTH) {
    add('title.too-long', 'title', `The title is ${[...title].length} characters long; at most ${WORDPRESS_MAX_TITLE_LENGTH}.`);
  }
  const slug = optionString(variant, 'slug');
  if (slug !== undefined) {
    if (slug.length > WORDPRESS_MAX_SLUG_LENGTH) {
      add('slug.too-long', 'slug', `The slug is ${slug.length} characters long; WordPress keeps at most ${WORDPRESS_MAX_SLUG_LENGTH}.`);
    } else if (!SLUG.test(slug)) {
      add(
        'slug.format',
        'slug',
        'The slug may hold only lowercase letters a-z, digits and single dashes between them (e.g. "spring-menu-2027").',
      );
    }
  }
  const canonical = optionString(variant, 'canonicalUrl');
  if (canonical !== undefined && !isHttpUrl(canonical)) {
    add('canonical-url.format', 'canonicalUrl', 'options.canonicalUrl must be an http(s) address.');
  }
  const status = optionString(variant, 'status');
  if (status !== undefined && status !== 'publish' && status !== 'draft') {
    add('status.value', 'status', `options.status is "publish" (the default) or "draft", not ${JSON.stringify(status)}.`);
  }
  const html = typeof options.html === 'string' ? options.html : undefined;
  if (html !== undefined) {
    const bytes = utf8.encode(html).byteLength;
    if (bytes > WORDPRESS_MAX_HTML_BYTES) {
      add('html.too-large', 'html', `options.html is ${bytes} bytes; at most ${WORDPRESS_MAX_HTML_BYTES} (1 MiB) are sent in one article.`);
    }
  }
  for (const name of ['tags', 'categories']) {
    const names = termNames(options[name]);
    if (names.length > MAX_TERMS) add(`${name}.too-many`, name, `At most ${MAX_TERMS} ${name} per article (got ${names.length}).`);
    const long = names.find((term) => [...term].length > MAX_TERM_LENGTH);
    if (long) add(`${name}.too-long`, name, `Each name in options.${name} is at most ${MAX_TERM_LENGTH} characters long.`);
  }
  return violations;
}

/** The article a valid variant describes. */
export function articleOf(variant: Variant): Article {
  const html = typeof variant.options?.html === 'string' && variant.options.html.trim() ? variant.options.html : undefined;
  const status = optionString(variant, 'status') === 'draft' ? 'draft' : 'publish';
  return {
    title: optionString(variant, 'title') ?? '',
    body: html ?? textToHtml(variant.text),
    excerpt: optionString(variant, 'excerpt'),
    slug: optionString(variant, 'slug'),
    canonicalUrl: optionString(variant, 'canonicalUrl'),
    status,
    tags: termNames(variant.options?.tags),
    categories: termNames(variant.options?.categories),
  };
}

/**
 * The post's content: the body, then a "first published at" line for `canonicalUrl` (WordPress core has no
 * canonical URL field: SEO plugins keep it in their own meta), then the images after the featured one.
 */
export function contentOf(article: Article, images: Array<{ url: string; alt?: string }>): string {
  const parts = [article.body];
  if (article.canonicalUrl) {
    const href = escapeHtml(article.canonicalUrl);
    parts.push(`<p class="socle-canonical">First published at <a href="${href}">${href}</a>.</p>`);
  }
  for (const image of images) {
    parts.push(`<figure class="wp-block-image"><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt ?? '')}" /></figure>`);
  }
  return parts.join('\n\n');
}

/** White space collapsed, for comparing a body with what WordPress stored (it may re-wrap lines). */
export function comparableHtml(html: string): string {
  return html.replace(/\s+/g, ' ').trim();
}
