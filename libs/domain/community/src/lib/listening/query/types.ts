/** The syntax tree of a listening query. Positions are UTF-16 offsets in the query text, `end` exclusive. */
export type QueryNode =
  | { kind: 'term'; value: string; prefix: boolean; start: number; end: number }
  | { kind: 'phrase'; value: string; start: number; end: number }
  | { kind: 'field'; field: 'lang' | 'from' | 'source'; value: string; start: number; end: number }
  | { kind: 'not'; child: QueryNode; start: number; end: number }
  | { kind: 'and' | 'or'; children: QueryNode[]; start: number; end: number };

/** A query refused at parse time; `position` is the UTF-16 offset the message names. */
export class ListeningQueryError extends Error {
  readonly position: number;

  constructor(description: string, position: number) {
    super(`${description} at ${position}`);
    this.name = 'ListeningQueryError';
    this.position = position;
  }
}

export interface MatchableMention {
  text: string;
  language?: string | null;
  authorHandle?: string | null;
  source: string;
}

/** A mention tokenised once, matched by many queries (`CompiledQuery.matchesPrepared`); made by `prepareMention`. */
export interface PreparedMention {
  /** Folded words in text order, hashtags without their `#`. */
  readonly words: readonly string[];
  /** Folded hashtags (without `#`). */
  readonly hashtags: ReadonlySet<string>;
  /** Lower-case BCP 47 tag with `-` separators, or null. */
  readonly language: string | null;
  /** Lower-case handle without its leading `@`, or null. */
  readonly authorHandle: string | null;
  readonly source: string;
}

export interface NetworkSearch {
  query: string;
  hashtags?: string[];
}

export interface CompiledQuery {
  readonly node: QueryNode;
  matches(mention: MatchableMention): boolean;
  matchesPrepared(mention: PreparedMention): boolean;
  /** The network's own search query for a connector that can search (null: fetch and filter locally). */
  searchFor(source: 'bluesky' | 'mastodon' | string): NetworkSearch | null;
  /** Sources the query is limited to by `source:` (empty: every source). */
  readonly sources: readonly string[];
}
