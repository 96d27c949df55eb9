import { ListeningQueryError, type QueryNode } from './types';

export const LISTENING_QUERY_LIMITS = { maxLength: 2000, maxDepth: 32, maxLeaves: 200 } as const;
export const LISTENING_SOURCES = ['bluesky', 'mastodon', 'rss'] as const;

export function parseListeningQuery(text: string): QueryNode {
  throw new ListeningQueryError(`not implemented (${text.length})`, 0);
}
