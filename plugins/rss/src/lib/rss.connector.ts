/**
 * RSS / Atom listening connector. An "account" is one feed: `credentials.serviceUrl`
 * is the feed's URL (with optional HTTP basic-auth `username`/`password` secrets).
 * Feed items are returned as mentions; keywords filter them (search).
 *
 * The cursor carries the feed's ETag / Last-Modified validators and short hashes of
 * the items already returned, so a later call sends a conditional GET (a 304 returns
 * no items) and never returns the same item twice.
 */
import { createHash } from 'node:crypto';
import {
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorError,
  ConnectorManifest,
  Credentials,
  expectOk,
  HttpResponse,
  Mention,
  MentionAttachment,
  MentionAttachmentKind,
  MentionPage,
  MentionQuery,
  validateVariant,
  Variant,
  Violation,
  htmlToText,
} from '@socle/connector-sdk';
import { FeedEnclosure, FeedItem, parseFeed, ParsedFeed } from './feed-parser';

export const rssManifest: ConnectorManifest = {
  id: 'rss',
  displayName: 'RSS / Atom',
  authKind: 'none',
  capabilities: {
    publish: false,
    media: false,
    threads: false,
    reply: false,
    delete: false,
    mentions: true,
    search: true,
    comments: false,
    metrics: false,
  },
  // Listening only: nothing is ever published.
  text: { maxLength: 0, counting: 'code-points' },
  media: { maxCount: 0, types: [], maxBytes: 0 },
  // Politeness: at most one fetch a minute per feed.
  rateLimit: { requests: 60, windowSeconds: 3600 },
};

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
/** Item hashes remembered in the cursor; feeds rarely hold more than a few hundred items. */
const MAX_SEEN = 2000;

interface CursorState {
  etag?: string;
  lastModified?: string;
  /** Hashes (12 base64url characters) of the items already returned. */
  seen: string[];
}

export function encodeCursor(state: CursorState): string {
  const compact: { v: 1; e?: string; m?: string; s: string } = { v: 1, s: state.seen.join('') };
  if (state.etag) compact.e = state.etag;
  if (state.lastModified) compact.m = state.lastModified;
  return Buffer.from(JSON.stringify(compact)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorState {
  if (!cursor) return { seen: [] };
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: number; e?: unknown; m?: unknown; s?: unknown };
    if (raw.v !== 1 || typeof raw.s !== 'string' || raw.s.length % 12 !== 0) throw new Error('unknown cursor shape');
    return {
      etag: typeof raw.e === 'string' ? raw.e : undefined,
      lastModified: typeof raw.m === 'string' ? raw.m : undefined,
      seen: raw.s.match(/.{12}/g) ?? [],
    };
  } catch {
    throw new ConnectorError('REJECTED', 'fetch feed: the cursor is not one this connector issued');
  }
}

/** The item's identity: guid / id, else link, else its content. */
export function itemKey(item: FeedItem): string {
  if (item.id) return `id:${item.id}`;
  if (item.link) return `link:${item.link}`;
  return `content:${item.title ?? ''}\n${item.published ?? ''}\n${item.summary ?? ''}`;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function absoluteUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** RSS `author` is often `email (Name)`: keep the name when there is one. */
function authorName(author: string | undefined): string | undefined {
  if (!author) return undefined;
  const named = /\(([^()]{1,200})\)\s*$/.exec(author.slice(-256))?.[1];
  return htmlToText(named ?? author, 200) || undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value || value.length > 100) return undefined;
  const at = Date.parse(value.trim());
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

const EXTENSION_KIND: Record<string, MentionAttachmentKind> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  svg: 'image',
  bmp: 'image',
  mp3: 'audio',
  m4a: 'audio',
  aac: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  wav: 'audio',
  flac: 'audio',
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  webm: 'video',
  mkv: 'video',
  avi: 'video',
};
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** A feed enclosure as a mention attachment; undefined when its URL is not http(s) once resolved. */
export function toAttachment(enclosure: FeedEnclosure, baseUrl: string): MentionAttachment | undefined {
  const url = absoluteUrl(enclosure.url, baseUrl);
  if (!url) return undefined;
  const type = enclosure.type?.split(';')[0].trim().toLowerCase();
  const mediaType = type && MEDIA_TYPE.test(type) ? type : undefined;
  const major = mediaType?.split('/')[0];
  const medium = enclosure.medium?.trim().toLowerCase();
  const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1].toLowerCase();
  let kind: MentionAttachmentKind;
  if (enclosure.image) kind = 'image';
  else if (major === 'image' || major === 'video' || major === 'audio') kind = major;
  else if (medium === 'image' || medium === 'video' || medium === 'audio') kind = medium;
  else if (!mediaType && !medium && extension && EXTENSION_KIND[extension]) kind = EXTENSION_KIND[extension];
  else kind = 'file';
  const attachment: MentionAttachment = { url, kind };
  if (mediaType) attachment.mediaType = mediaType;
  // Many feeds write length="0" or a placeholder when they do not know: no size then.
  const length = enclosure.length?.trim();
  if (length && /^\d{1,15}$/.test(length) && Number(length) > 0) attachment.byteSize = Number(length);
  return attachment;
}

export function toMention(item: FeedItem, feed: ParsedFeed, feedUrl: string, fetchedAt: Date): Mention {
  const url =
    absoluteUrl(item.origLink, feedUrl) ??
    absoluteUrl(item.link, feedUrl) ??
    absoluteUrl(item.id, feedUrl) ??
    absoluteUrl(feed.link, feedUrl) ??
    feedUrl;
  const title = item.title ? htmlToText(item.title, 500) : '';
  const summary = item.summary ? htmlToText(item.summary) : '';
  const name = authorName(item.author) ?? authorName(feed.author);
  const source = (feed.title ? htmlToText(feed.title, 200) : '') || new URL(feedUrl).host;
  const publishedAt = isoDate(item.published);
  const mention: Mention = {
    externalId: item.id ?? item.link ?? `sha256:${hashKey(itemKey(item))}`,
    url,
    authorHandle: name ?? source,
    authorName: name ? `${name} (${source})` : source,
    text: [title, summary].filter(Boolean).join('\n\n'),
    publishedAt: publishedAt ?? fetchedAt.toISOString(),
    language: item.language ?? feed.language,
  };
  // Without a date in the feed, the fetch time keeps the ordering but is flagged as such.
  if (!publishedAt) mention.publishedAtEstimated = true;
  const attachments = (item.enclosures ?? [])
    .map((enclosure) => toAttachment(enclosure, feedUrl))
    .filter((a): a is MentionAttachment => !!a);
  const unique = attachments.filter((attachment, index) => attachments.findIndex((other) => other.url === attachment.url) === index);
  if (unique.length) mention.attachments = unique;
  return mention;
}

export class RssConnector implements Connector {
  readonly manifest = rssManifest;

  /** Checks the URL answers with a feed and returns it as the credentials. */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const feedUrl = (input.fields.url ?? input.serviceUrl ?? '').trim();
    if (!absoluteUrl(feedUrl, 'http://invalid.invalid/') || !/^https?:\/\//i.test(feedUrl)) {
      throw new ConnectorError('REJECTED', `authorize: "${feedUrl}" is not an http(s) feed URL`);
    }
    const secrets: Record<string, string> = {};
    if (input.fields.username) secrets.username = input.fields.username;
    if (input.fields.password) secrets.password = input.fields.password;
    const credentials: Credentials = { serviceUrl: feedUrl, secrets };
    const res = await this.get(ctx, credentials, {});
    this.parse(expectOk(res, 'authorize: fetch feed'));
    return credentials;
  }

  validate(variant: Variant): Violation[] {
    return validateVariant(this.manifest, variant);
  }

  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const state = decodeCursor(query.cursor);
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit ?? DEFAULT_LIMIT)));
    const conditional: Record<string, string> = {};
    if (state.etag) conditional['if-none-match'] = state.etag;
    if (state.lastModified) conditional['if-modified-since'] = state.lastModified;

    const res = await this.get(ctx, credentials, conditional);
    if (res.status === 304) return { items: [], cursor: encodeCursor(state) };
    const feed = this.parse(expectOk(res, 'fetch feed'));

    const seen = new Set(state.seen);
    const keywords = (query.keywords ?? []).map(fold).filter(Boolean);
    const fresh: Array<{ item: FeedItem; hash: string }> = [];
    for (const item of feed.items) {
      const hash = hashKey(itemKey(item));
      if (seen.has(hash)) continue;
      seen.add(hash); // also drops duplicates within the document
      if (keywords.length) {
        const haystack = fold(`${htmlToText(item.title ?? '', 500)} ${htmlToText(item.summary ?? '', 100_000)}`);
        if (!keywords.some((keyword) => haystack.includes(keyword))) continue;
      }
      fresh.push({ item, hash });
    }
    const page = fresh.slice(0, limit);
    const more = fresh.length > limit;
    const fetchedAt = ctx.now?.() ?? new Date();
    // Items filtered out by keywords are not remembered: a later search may want them.
    const delivered = [...state.seen, ...page.map((entry) => entry.hash)].slice(-MAX_SEEN);
    // While items of this version remain, no validators: the next call must get the full feed, not a 304.
    const cursor = encodeCursor({
      seen: delivered,
      etag: more ? undefined : res.headers.etag,
      lastModified: more ? undefined : res.headers['last-modified'],
    });
    return { items: page.map(({ item }) => toMention(item, feed, credentials.serviceUrl, fetchedAt)), cursor };
  }

  private get(ctx: ConnectorContext, credentials: Credentials, extra: Record<string, string>): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: ACCEPT, ...extra };
    const { username, password } = credentials.secrets ?? {};
    if (username) headers.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
    return ctx.http.request({ method: 'GET', url: credentials.serviceUrl, headers });
  }

  private parse(res: HttpResponse): ParsedFeed {
    try {
      return parseFeed(res.body, res.headers['content-type']);
    } catch (error) {
      if (error instanceof ConnectorError) {
        throw new ConnectorError(error.kind, `fetch feed: ${error.message}`, { status: res.status, networkReason: error.networkReason });
      }
      throw new ConnectorError('REJECTED', `fetch feed: ${(error as Error).message}`, { status: res.status });
    }
  }
}
