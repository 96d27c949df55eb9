/**
 * RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) to one shape, in a single streaming pass over
 * the document (saxes). Anything that is not a well-formed feed becomes a
 * ConnectorError REJECTED naming the problem.
 *
 * Bounded work: namespaces are resolved here with one map (constant time per element,
 * whatever the depth), elements nest at most MAX_DEPTH levels, and every scan of the
 * text is a single forward pass.
 */
import { ConnectorError } from '@socle/connector-sdk';
import { decodeHTMLStrict } from 'entities';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { decodeFeed } from './decode';

export type FeedFormat = 'rss2' | 'atom' | 'rss1';

/** A file an item links to, as the feed writes it (attributes not yet checked). */
export interface FeedEnclosure {
  url: string;
  /** MIME type (`type`). */
  type?: string;
  /** Size in bytes (`length`, `fileSize`). */
  length?: string;
  /** Media RSS `medium`: image, audio, video, document, executable. */
  medium?: string;
  /** `media:thumbnail` or `itunes:image`: an image whatever its extension says. */
  image?: boolean;
}

export interface FeedItem {
  /** `guid` (RSS 2.0), `id` (Atom) or `rdf:about` (RSS 1.0). */
  id?: string;
  link?: string;
  /** FeedBurner's `origLink`: the article itself rather than the tracking redirect in `link`. */
  origLink?: string;
  /** HTML (Atom plain-text constructs are escaped, XHTML serialized). */
  title?: string;
  /** Summary or content, as HTML (see `title`). */
  summary?: string;
  author?: string;
  /** The date as written in the feed. */
  published?: string;
  language?: string;
  /** RSS `enclosure`, Atom `link rel="enclosure"`, `media:content`, `media:thumbnail`, `itunes:image`. */
  enclosures?: FeedEnclosure[];
}

export interface ParsedFeed {
  format: FeedFormat;
  /** HTML, like item titles. */
  title?: string;
  link?: string;
  language?: string;
  /** Atom feed-level author (entries without one inherit it), else the podcast's `itunes:author`. */
  author?: string;
  items: FeedItem[];
}

/** Deeper than any real feed (XHTML content included); past it the feed is rejected. */
export const MAX_DEPTH = 64;
/** Enclosures kept per item; hostile feeds cannot grow a mention without bound. */
export const MAX_ENCLOSURES = 16;

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
};

function isMediaNs(uri: string): boolean {
  // The trailing slash is often forgotten.
  return uri === NS.media || uri === 'http://search.yahoo.com/mrss';
}

function rejected(problem: string): ConnectorError {
  return new ConnectorError('REJECTED', `malformed feed: ${problem}`, { networkReason: problem });
}

/** How much of the start of a body is inspected to say what it is, when it is not a feed. */
const SNIFF_LENGTH = 64 * 1024;

/** What sits at the start of a body that is not XML at all, for the error message. */
function describeNonXml(start: string): string | undefined {
  if (!start) return 'the body is empty';
  const head = start.slice(0, SNIFF_LENGTH);
  const afterProlog = head.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/^(<!--[\s\S]*?-->\s*)+/, '');
  if (/^<!doctype\s+html|^<html[\s>]/i.test(afterProlog)) {
    const title = /<title[^<>]{0,200}>([^<]{0,120})/i.exec(afterProlog)?.[1]?.trim();
    return `the server answered with an HTML page${title ? ` ("${title}")` : ''}, not a feed`;
  }
  if (!start.startsWith('<')) return `the body is not XML (it starts with ${JSON.stringify(start.slice(0, 40))})`;
  return undefined;
}

/** The document without the white space and byte-order marks some servers put before `<?xml`. */
function trimProlog(text: string): string {
  let start = 0;
  while (start < text.length) {
    const code = text.charCodeAt(start);
    if (code !== 0xfeff && code !== 32 && code !== 9 && code !== 10 && code !== 13) break;
    start++;
  }
  return start ? text.slice(start) : text;
}

/**
 * Entities for the XML parser: XML's five and every HTML named entity, which feeds use
 * without declaring. An unknown name stays in the text as written (`&foo;`) instead of
 * rejecting the feed; a reference that is not a name at all is still an XML error.
 */
const known = new Map<string, string>();
const ENTITIES: Record<string, string> = new Proxy(Object.create(null) as Record<string, string>, {
  get(_target, name) {
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(name)) return undefined;
    let value = known.get(name);
    if (value === undefined) {
      const reference = `&${name};`;
      const decoded = decodeHTMLStrict(reference);
      value = decoded === reference ? reference : decoded;
      if (known.size < 4096) known.set(name, value);
    }
    return value;
  },
});

/** How an element's text is collected. */
type Mode =
  /** Text as is (ids, links, dates, names); child elements' text included. */
  | 'plain'
  /** HTML source (RSS description, Atom type="html"); child elements (invalid but seen) kept as tags. */
  | 'html'
  /** Plain text that will be read as HTML: escaped. */
  | 'text'
  /** XHTML: text escaped, elements kept as tags. */
  | 'xhtml';

/** The collection mode of an Atom text construct or content, from its `type`; null when it is not text (base64, out-of-line). */
function atomMode(attributes: Record<string, string>, isContent: boolean): Mode | null {
  if (isContent && attributes.src !== undefined) return null;
  const type = (attributes.type ?? 'text').trim().toLowerCase();
  if (type === 'text' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type.startsWith('text/')) return 'text';
  if (type.endsWith('+xml') || type.endsWith('/xml')) return 'xhtml';
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
}

interface Frame {
  uri: string;
  local: string;
  /** Namespace prefixes this element declares, with what they meant before (restored on close). */
  declared: Array<[string, string | undefined]> | null;
}

type Field =
  'id' | 'link' | 'origLink' | 'title' | 'summary' | 'content' | 'author' | 'itunesAuthor' | 'published' | 'updated' | 'language';

interface Collector {
  frame: Frame;
  depth: number;
  mode: Mode;
  chunks: string[];
  field: Field | 'feed-title' | 'feed-link' | 'feed-language' | 'feed-author' | 'feed-itunes-author' | 'author-name';
}

/** The item field an element directly under the item fills, per format, and how its text is read. */
function itemField(
  format: FeedFormat,
  uri: string,
  local: string,
  attributes: Record<string, string>,
): [Field, Mode] | 'atom-link' | 'atom-author' | undefined {
  if (uri === NS.dc) {
    if (local === 'creator') return ['author', 'plain'];
    if (local === 'date') return ['published', 'plain'];
    if (local === 'language') return ['language', 'plain'];
    return undefined;
  }
  if (uri === NS.content && local === 'encoded') return ['content', 'html'];
  if (uri === NS.itunes && local === 'author') return ['itunesAuthor', 'plain'];
  if (uri === NS.feedburner && local === 'origLink') return ['origLink', 'plain'];
  if (format === 'atom') {
    if (uri !== NS.atom) return undefined;
    switch (local) {
      case 'id':
        return ['id', 'plain'];
      case 'title':
      case 'summary':
      case 'content': {
        const mode = atomMode(attributes, local === 'content');
        return mode ? [local, mode] : undefined;
      }
      case 'published':
      case 'updated':
        return [local, 'plain'];
      case 'link':
        return 'atom-link';
      case 'author':
        return 'atom-author';
      default:
        return undefined;
    }
  }
  const own = format === 'rss2' ? uri === '' : uri === NS.rss1 || uri === NS.rss090;
  if (!own) return undefined;
  switch (local) {
    case 'guid':
      return ['id', 'plain'];
    case 'link':
      return ['link', 'plain'];
    case 'title':
      return ['title', 'html'];
    case 'description':
      return ['summary', 'html'];
    case 'pubDate':
      return ['published', 'plain'];
    case 'author':
      return ['author', 'plain'];
    default:
      return undefined;
  }
}

function addEnclosure(item: FeedItem, enclosure: FeedEnclosure | undefined): void {
  if (!enclosure?.url?.trim()) return;
  const list = (item.enclosures ??= []);
  if (list.length >= MAX_ENCLOSURES || list.some((known) => known.url === enclosure.url)) return;
  list.push(enclosure);
}

/** The enclosure an element inside an item stands for, if any. */
function enclosureOf(
  format: FeedFormat,
  uri: string,
  local: string,
  attributes: Record<string, string>,
  directChild: boolean,
): FeedEnclosure | undefined {
  if (isMediaNs(uri)) {
    if (local === 'content' && attributes.url) {
      return { url: attributes.url, type: attributes.type, length: attributes.fileSize, medium: attributes.medium };
    }
    if (local === 'thumbnail' && attributes.url) return { url: attributes.url, image: true };
    return undefined;
  }
  if (!directChild) return undefined;
  if (uri === NS.itunes && local === 'image' && attributes.href) return { url: attributes.href, image: true };
  if (format === 'rss2' && uri === '' && local === 'enclosure' && attributes.url) {
    return { url: attributes.url, type: attributes.type, length: attributes.length };
  }
  if (format === 'atom' && uri === NS.atom && local === 'link' && attributes.rel?.trim() === 'enclosure' && attributes.href) {
    return { url: attributes.href, type: attributes.type, length: attributes.length };
  }
  return undefined;
}

/** Parses a feed from its text. Throws ConnectorError REJECTED for anything that is not a feed. */
export function parseFeedText(input: string): ParsedFeed {
  const text = trimProlog(input);
  const notXml = describeNonXml(text);
  if (notXml) throw rejected(notXml);

  // Namespaces are resolved here, not by saxes: its resolution walks the whole element
  // stack for every name, which deep documents turn quadratic.
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.ENTITIES = ENTITIES;

  const namespaces = new Map<string, string>([['xml', NS.xml]]);
  const resolve = (prefix: string): string => namespaces.get(prefix) ?? (prefix ? `urn:undeclared-prefix:${prefix}` : '');

  const stack: Frame[] = [];
  let collector: Collector | null = null;
  let format: FeedFormat | undefined;
  const feed: ParsedFeed = { format: 'rss2', items: [] };
  let feedItunesAuthor: string | undefined;
  let item: FeedItem | undefined;
  let itemDepth = -1;
  let channelDepth = -1;
  let linkRank = 0;
  /** Fallbacks: full content when there is no summary, `updated` when there is no `published`, iTunes author when there is no other. */
  let content: string | undefined;
  let updated: string | undefined;
  let itunesAuthor: string | undefined;
  let errorMessage: string | undefined;

  const collect = (frame: Frame, depth: number, mode: Mode, field: Collector['field']) => {
    if (!collector) collector = { frame, depth, mode, chunks: [], field };
  };
  const onText = (value: string) => {
    if (collector) collector.chunks.push(collector.mode === 'text' || collector.mode === 'xhtml' ? escapeHtml(value) : value);
  };

  parser.on('error', (error) => {
    errorMessage ??= error.message;
    throw error;
  });
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('opentag', (node: SaxesTagPlain) => {
    const depth = stack.length;
    if (depth >= MAX_DEPTH) throw rejected(`elements are nested more than ${MAX_DEPTH} levels deep`);
    const attributes = node.attributes;
    let declared: Frame['declared'] = null;
    for (const name in attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        (declared ??= []).push([prefix, namespaces.get(prefix)]);
        namespaces.set(prefix, attributes[name]);
      }
    }
    const colon = node.name.indexOf(':');
    const uri = resolve(colon < 0 ? '' : node.name.slice(0, colon));
    const local = colon < 0 ? node.name : node.name.slice(colon + 1);
    const frame: Frame = { uri, local, declared };
    const parent = stack[depth - 1];
    stack.push(frame);

    if (collector) {
      // Markup inside HTML or XHTML content: keep the element so block boundaries survive.
      if (collector.mode === 'html' || collector.mode === 'xhtml') collector.chunks.push(`<${local}>`);
      if (item) addEnclosure(item, enclosureOf(format ?? 'rss2', uri, local, attributes, false));
      return;
    }

    if (depth === 0) {
      if (local === 'rss' && uri === '') format = 'rss2';
      else if (local === 'feed' && uri === NS.atom) format = 'atom';
      else if (local === 'RDF' && uri === NS.rdf) format = 'rss1';
      else if (local === 'html' || local === 'HTML') throw rejected('the server answered with an HTML page, not a feed');
      else throw rejected(`not a feed: the root element is <${node.name}>, expected <rss>, <feed> (Atom) or <rdf:RDF>`);
      feed.format = format;
      if (format === 'atom') {
        channelDepth = 0;
        feed.language = attributes['xml:lang'];
      }
      return;
    }
    if (!format) return;

    if (format !== 'atom' && depth === 1 && local === 'channel') {
      channelDepth = 1;
      return;
    }
    const isItem =
      !item &&
      ((format === 'atom' && uri === NS.atom && local === 'entry' && depth === 1) ||
        (format === 'rss2' && uri === '' && local === 'item' && parent?.local === 'channel') ||
        (format === 'rss1' && (uri === NS.rss1 || uri === NS.rss090) && local === 'item' && depth === 1));
    if (isItem) {
      item = {};
      itemDepth = depth;
      linkRank = 0;
      content = undefined;
      updated = undefined;
      itunesAuthor = undefined;
      const about = attributes['rdf:about'];
      if (about) item.id = about;
      const lang = attributes['xml:lang'];
      if (lang) item.language = lang;
      return;
    }

    if (item) {
      addEnclosure(item, enclosureOf(format, uri, local, attributes, depth === itemDepth + 1));
      if (depth === itemDepth + 1) {
        const field = itemField(format, uri, local, attributes);
        if (field === 'atom-link') {
          const rel = attributes.rel?.trim() || 'alternate';
          const href = attributes.href;
          const rank = rel === 'alternate' ? 2 : rel === 'enclosure' ? 0 : 1;
          if (href && rank > linkRank) {
            item.link = href;
            linkRank = rank;
          }
        } else if (field && field !== 'atom-author') {
          collect(frame, depth, field[1], field[0]);
        }
      } else if (format === 'atom' && depth === itemDepth + 2 && parent?.local === 'author' && uri === NS.atom && local === 'name') {
        collect(frame, depth, 'plain', 'author-name');
      }
      return;
    }
    if (depth === channelDepth + 1 && (format === 'atom' || parent?.local === 'channel')) {
      const own = format === 'atom' ? uri === NS.atom : uri === '' || uri === NS.rss1 || uri === NS.rss090;
      if (format === 'atom' && uri === NS.atom && local === 'link') {
        const rel = attributes.rel?.trim() || 'alternate';
        if (rel === 'alternate' && attributes.href) feed.link = attributes.href;
      } else if (own && local === 'title') {
        const mode = format === 'atom' ? atomMode(attributes, false) : 'html';
        if (mode) collect(frame, depth, mode, 'feed-title');
      } else if (own && local === 'link') {
        collect(frame, depth, 'plain', 'feed-link');
      } else if ((own && local === 'language') || (uri === NS.dc && local === 'language')) {
        collect(frame, depth, 'plain', 'feed-language');
      } else if (uri === NS.itunes && local === 'author') {
        collect(frame, depth, 'plain', 'feed-itunes-author');
      }
      return;
    }
    if (format === 'atom' && depth === 2 && parent?.local === 'author' && parent.uri === NS.atom && uri === NS.atom && local === 'name') {
      collect(frame, depth, 'plain', 'feed-author');
    }
  });

  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame) return;
    const depth = stack.length;
    if (frame.declared) {
      for (let i = frame.declared.length - 1; i >= 0; i--) {
        const [prefix, previous] = frame.declared[i];
        if (previous === undefined) namespaces.delete(prefix);
        else namespaces.set(prefix, previous);
      }
    }
    const current: Collector | null = collector;
    if (current && current.frame !== frame) {
      if (current.mode === 'html' || current.mode === 'xhtml') current.chunks.push(`</${frame.local}>`);
      return;
    }
    if (current) {
      collector = null;
      const value = current.chunks.join('').trim();
      if (value) {
        switch (current.field) {
          case 'feed-title':
            feed.title ??= value;
            break;
          case 'feed-link':
            feed.link ??= value;
            break;
          case 'feed-language':
            feed.language ??= value;
            break;
          case 'feed-author':
            feed.author ??= value;
            break;
          case 'feed-itunes-author':
            feedItunesAuthor ??= value;
            break;
          case 'author-name':
            if (item) item.author ??= value;
            break;
          case 'content':
            content ??= value;
            break;
          case 'updated':
            updated ??= value;
            break;
          case 'itunesAuthor':
            itunesAuthor ??= value;
            break;
          default:
            if (item) item[current.field] ??= value;
        }
      }
    }
    if (item && depth === itemDepth) {
      item.summary ??= content;
      item.published ??= updated;
      item.author ??= itunesAuthor;
      feed.items.push(item);
      item = undefined;
      itemDepth = -1;
    }
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    const message = errorMessage ?? (error instanceof Error ? error.message : String(error));
    throw rejected(`the XML is not well formed or is truncated (${message})`);
  }
  if (!format) throw rejected('the document has no root element');
  if (format !== 'atom' && channelDepth < 0) throw rejected(`not a feed: <${format === 'rss2' ? 'rss' : 'rdf:RDF'}> has no <channel>`);
  feed.author ??= feedItunesAuthor;
  return feed;
}

/** Decodes the bytes (honouring the declared encoding) and parses the feed. */
export function parseFeed(bytes: Uint8Array, contentType?: string): ParsedFeed {
  return parseFeedText(decodeFeed(bytes, contentType).text);
}
