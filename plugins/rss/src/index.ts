import { RssConnector } from './lib/rss.connector';

export { RssConnector, rssManifest, toMention, toAttachment, itemKey, encodeCursor, decodeCursor } from './lib/rss.connector';
export { parseFeed, parseFeedText, MAX_DEPTH, MAX_ENCLOSURES } from './lib/feed-parser';
export type { FeedEnclosure, FeedFormat, FeedItem, ParsedFeed } from './lib/feed-parser';
export { decodeFeed, declaredEncoding } from './lib/decode';

/** What the platform loads when `@socle/plugin-rss` is listed in its connector configuration. */
export const connector = new RssConnector();
