/**
 * RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) to one shape, in a single streaming pass over
 * the document (saxes, namespace-aware). Anything that is not a well-formed feed
 * becomes a ConnectorError REJECTED naming the problem.
 */
import { ConnectorError } from '@socle/connector-sdk';
import { SaxesParser } from 'saxes';
import { decodeFeed } from './decode';
import { HTML_ENTITIES } from './html-text';

export type FeedFormat = 'rss2' | 'atom' | 'rss1';

export interface FeedItem {
  /** `guid` (RSS 2.0), `id` (Atom) or `rdf:about` (RSS 1.0). */
  id?: string;
  link?: string;
  title?: string;
  /** Summary or content, as published (often HTML). */
  summary?: string;
  author?: string;
  /** The date as written in the feed. */
  published?: string;
  language?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  language?: string;
  items: FeedItem[];
}

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xml: 'http://www.w3.org/XML/1998/namespace',
};

function rejected(problem: string): ConnectorError {
  return new ConnectorError('REJECTED', `malformed feed: ${problem}`, { networkReason: problem });
}

/** What sits at the start of a body that is not XML at all, for the error message. */
function describeNonXml(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) return 'the body is empty';
  const afterProlog = start.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/^(<!--[\s\S]*?-->\s*)+/, '');
  if (/^<!doctype\s+html|^<html[\s>]/i.test(afterProlog)) {
    const title = /<title[^>]*>([^<]{0,120})/i.exec(afterProlog)?.[1]?.trim();
    return `the server answered with an HTML page${title ? ` ("${title}")` : ''}, not a feed`;
  }
  if (!start.startsWith('<')) return `the body is not XML (it starts with ${JSON.stringify(start.slice(0, 40))})`;
  return undefined;
}

interface Frame {
  uri: string;
  local: string;
  /** Text collected under this element, when someone reads it. */
  chunks: string[] | null;
}

type Field = keyof FeedItem;

/** The item field an element fills, per format. */
function itemField(format: FeedFormat, uri: string, local: string): Field | 'atom-link' | 'atom-author' | undefined {
  if (uri === NS.dc) {
    if (local === 'creator') return 'author';
    if (local === 'date') return 'published';
    if (local === 'language') return 'language';
    return undefined;
  }
  if (uri === NS.content && local === 'encoded') return 'summary';
  if (format === 'atom') {
    if (uri !== NS.atom) return undefined;
    switch (local) {
      case 'id':
        return 'id';
      case 'title':
        return 'title';
      case 'summary':
      case 'content':
        return 'summary';
      case 'published':
      case 'updated':
        return 'published';
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
      return 'id';
    case 'link':
      return 'link';
    case 'title':
      return 'title';
    case 'description':
      return 'summary';
    case 'pubDate':
      return 'published';
    case 'author':
      return 'author';
    default:
      return undefined;
  }
}

/** Parses a feed from its text. Throws ConnectorError REJECTED for anything that is not a feed. */
export function parseFeedText(text: string): ParsedFeed {
  const notXml = describeNonXml(text);
  if (notXml) throw rejected(notXml);

  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    // Feeds in the wild use prefixes they never declare: keep them instead of failing.
    resolvePrefix: (prefix: string) => (prefix ? `urn:undeclared-prefix:${prefix}` : undefined),
  });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);

  const stack: Frame[] = [];
  const collecting: Frame[] = [];
  let format: FeedFormat | undefined;
  const feed: ParsedFeed = { format: 'rss2', items: [] };
  let item: FeedItem | undefined;
  let itemDepth = -1;
  let channelDepth = -1;
  let linkRank = 0;
  /** Fallbacks: full content when there is no summary, `updated` when there is no `published`. */
  let content: string | undefined;
  let updated: string | undefined;
  let errorMessage: string | undefined;

  const collect = (frame: Frame) => {
    frame.chunks = [];
    collecting.push(frame);
  };
  const onText = (value: string) => {
    for (const frame of collecting) frame.chunks?.push(value);
  };

  parser.on('error', (error) => {
    errorMessage ??= error.message;
    throw error;
  });
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('opentag', (node) => {
    const uri = node.uri ?? '';
    const local = node.local ?? node.name;
    const frame: Frame = { uri, local, chunks: null };
    const depth = stack.length;
    const parent = stack[depth - 1];
    stack.push(frame);

    if (depth === 0) {
      if (local === 'rss' && uri === '') format = 'rss2';
      else if (local === 'feed' && uri === NS.atom) format = 'atom';
      else if (local === 'RDF' && uri === NS.rdf) format = 'rss1';
      else if (local === 'html' || local === 'HTML') throw rejected('the server answered with an HTML page, not a feed');
      else throw rejected(`not a feed: the root element is <${node.name}>, expected <rss>, <feed> (Atom) or <rdf:RDF>`);
      feed.format = format;
      if (format === 'atom') {
        channelDepth = 0;
        feed.language = node.attributes['xml:lang']?.value;
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
      const about = node.attributes['rdf:about']?.value;
      if (about) item.id = about;
      const lang = node.attributes['xml:lang']?.value;
      if (lang) item.language = lang;
      return;
    }

    if (item && depth === itemDepth + 1) {
      const field = itemField(format, uri, local);
      if (field === 'atom-link') {
        const rel = node.attributes.rel?.value ?? 'alternate';
        const href = node.attributes.href?.value;
        const rank = rel === 'alternate' ? 2 : 1;
        if (href && rank > linkRank) {
          item.link = href;
          linkRank = rank;
        }
      } else if (field) {
        collect(frame);
      }
      return;
    }
    if (item && format === 'atom' && depth === itemDepth + 2 && parent?.local === 'author' && uri === NS.atom && local === 'name') {
      collect(frame);
      return;
    }
    if (!item && depth === channelDepth + 1 && (format === 'atom' || parent?.local === 'channel')) {
      const channelField =
        (format === 'atom' ? uri === NS.atom : uri === '' || uri === NS.rss1 || uri === NS.rss090) && (local === 'title' || local === 'link' || local === 'language');
      if (format === 'atom' && uri === NS.atom && local === 'link') {
        const rel = node.attributes.rel?.value ?? 'alternate';
        if (rel === 'alternate' && node.attributes.href?.value) feed.link = node.attributes.href.value;
        return;
      }
      if (channelField || (uri === NS.dc && local === 'language')) collect(frame);
    }
  });

  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame) return;
    const depth = stack.length;
    if (frame.chunks) {
      collecting.splice(collecting.indexOf(frame), 1);
      const value = frame.chunks.join('').trim();
      if (item && depth === itemDepth + 1) {
        const field = format && itemField(format, frame.uri, frame.local);
        if (field && field !== 'atom-link' && field !== 'atom-author' && value) {
          if (field === 'summary' && (frame.uri === NS.content || frame.local === 'content')) content ??= value;
          else if (field === 'published' && frame.local === 'updated') updated ??= value;
          else item[field] ??= value;
        }
      } else if (item && depth === itemDepth + 2 && frame.local === 'name') {
        if (!item.author && value) item.author = value;
      } else if (!item && value) {
        if (frame.local === 'title') feed.title ??= value;
        else if (frame.local === 'link') feed.link ??= value;
        else if (frame.local === 'language') feed.language ??= value;
      }
    }
    if (item && depth === itemDepth) {
      item.summary ??= content;
      item.published ??= updated;
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
  return feed;
}

/** Decodes the bytes (honouring the declared encoding) and parses the feed. */
export function parseFeed(bytes: Uint8Array, contentType?: string): ParsedFeed {
  return parseFeedText(decodeFeed(bytes, contentType).text);
}
