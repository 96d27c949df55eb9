import { foldText, splitWords } from './fold';
import { limitedSources, parseListeningQuery } from './parse';
import type { CompiledQuery, MatchableMention, NetworkSearch, PreparedMention, QueryNode } from './types';

/**
 * A mention split into folded words once: word → id, the text as ids (for phrases), positions
 * per id (for the rarest word of a phrase), sorted words built on the first prefix term.
 */
class PreparedText implements PreparedMention {
  readonly words: string[];
  readonly hashtags = new Set<string>();
  readonly language: string | null;
  readonly authorHandle: string | null;
  readonly source: string;
  readonly ids: Int32Array;
  readonly idOf = new Map<string, number>();
  readonly positions: number[][] = [];
  private sortedWordsCache?: string[];
  private sortedHashtagsCache?: string[];

  constructor(mention: MatchableMention) {
    const split = splitWords(foldText(mention.text));
    this.words = split.words;
    this.ids = new Int32Array(split.words.length);
    for (let i = 0; i < split.words.length; i++) {
      const word = split.words[i];
      let id = this.idOf.get(word);
      if (id === undefined) {
        id = this.positions.length;
        this.idOf.set(word, id);
        this.positions.push([]);
      }
      this.ids[i] = id;
      this.positions[id].push(i);
      if (split.hashtag[i]) this.hashtags.add(word);
    }
    this.language = mention.language ? mention.language.trim().toLowerCase().replace(/_/g, '-') : null;
    const handle = mention.authorHandle?.trim().toLowerCase() ?? '';
    this.authorHandle = handle === '' ? null : handle.startsWith('@') ? handle.slice(1) : handle;
    this.source = mention.source.toLowerCase();
  }

  get sortedWords(): string[] {
    return (this.sortedWordsCache ??= [...this.idOf.keys()].sort());
  }

  get sortedHashtags(): string[] {
    return (this.sortedHashtagsCache ??= [...this.hashtags].sort());
  }
}

/** Tokenises a mention once for many `matchesPrepared` calls (one per query of the organisation). */
export function prepareMention(mention: MatchableMention): PreparedMention {
  return new PreparedText(mention);
}

/** Whether a word of the sorted list starts with the prefix: binary search, then one comparison. */
function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low].startsWith(prefix);
}

/** A phrase compiled once: its words and its KMP failure table (equalities between its own words). */
class PhraseMatcher {
  readonly words: string[];
  private readonly failure: Int32Array;

  constructor(value: string) {
    this.words = value.split(' ');
    this.failure = new Int32Array(this.words.length);
    for (let i = 1, k = 0; i < this.words.length; i++) {
      while (k > 0 && this.words[i] !== this.words[k]) k = this.failure[k - 1];
      if (this.words[i] === this.words[k]) k++;
      this.failure[i] = k;
    }
  }

  /**
   * Checks the occurrences of the phrase's rarest word when that costs less than the text's
   * length, else scans the text once with KMP over word ids: O(min(occurrences × k, n + k)).
   */
  matches(text: PreparedText): boolean {
    const k = this.words.length;
    const ids = new Int32Array(k);
    let rarest = 0;
    let rarestCount = Number.POSITIVE_INFINITY;
    for (let i = 0; i < k; i++) {
      const id = text.idOf.get(this.words[i]);
      if (id === undefined) return false;
      ids[i] = id;
      const count = text.positions[id].length;
      if (count < rarestCount) {
        rarestCount = count;
        rarest = i;
      }
    }
    if (k === 1) return true;
    if (rarestCount * k <= text.ids.length) {
      for (const position of text.positions[ids[rarest]]) {
        const start = position - rarest;
        if (start < 0 || start + k > text.ids.length) continue;
        let i = 0;
        while (i < k && text.ids[start + i] === ids[i]) i++;
        if (i === k) return true;
      }
      return false;
    }
    for (let i = 0, matched = 0; i < text.ids.length; i++) {
      while (matched > 0 && text.ids[i] !== ids[matched]) matched = this.failure[matched - 1];
      if (text.ids[i] === ids[matched]) matched++;
      if (matched === k) return true;
    }
    return false;
  }
}

type Matcher = (text: PreparedText) => boolean;

function compileNode(node: QueryNode): Matcher {
  switch (node.kind) {
    case 'term': {
      const hashtag = node.value.startsWith('#');
      const word = hashtag ? node.value.slice(1) : node.value;
      if (node.prefix) return hashtag ? (text) => hasPrefix(text.sortedHashtags, word) : (text) => hasPrefix(text.sortedWords, word);
      return hashtag ? (text) => text.hashtags.has(word) : (text) => text.idOf.has(word);
    }
    case 'phrase': {
      const phrase = new PhraseMatcher(node.value);
      return (text) => phrase.matches(text);
    }
    case 'field': {
      const value = node.value;
      switch (node.field) {
        case 'lang':
          return (text) => text.language !== null && (text.language === value || text.language.startsWith(`${value}-`));
        case 'source':
          return (text) => text.source === value;
        case 'from': {
          // `from:alice` (no instance, no domain) is a Mastodon user name on any instance
          const bareUser = !value.includes('@') && !value.includes('.');
          return (text) =>
            text.authorHandle !== null && (text.authorHandle === value || (bareUser && text.authorHandle.startsWith(`${value}@`)));
        }
      }
      break;
    }
    case 'not': {
      const child = compileNode(node.child);
      return (text) => !child(text);
    }
    case 'and': {
      const children = node.children.map(compileNode);
      return (text) => {
        for (const child of children) if (!child(text)) return false;
        return true;
      };
    }
    case 'or': {
      const children = node.children.map(compileNode);
      return (text) => {
        for (const child of children) if (child(text)) return true;
        return false;
      };
    }
  }
}

/**
 * What every matching mention contains, as a conjunction the networks' search can express: the
 * words, phrases, `lang:` and `from:` of AND; of OR only what all its branches require; nothing from
 * NOT or a prefix (networks have no wildcard). Dropping a condition only widens the search.
 */
function required(node: QueryNode): QueryNode[] {
  switch (node.kind) {
    case 'term':
      return node.prefix ? [] : [node];
    case 'phrase':
      return [node];
    case 'field':
      return node.field === 'source' ? [] : [node];
    case 'not':
      return [];
    case 'and':
      return dedupe(node.children.flatMap(required));
    case 'or': {
      const [first, ...others] = node.children.map(required);
      const keysOfOthers = others.map((atoms) => new Set(atoms.map(atomKey)));
      return first.filter((atom) => keysOfOthers.every((keys) => keys.has(atomKey(atom))));
    }
  }
}

function atomKey(node: QueryNode): string {
  return node.kind === 'field'
    ? `${node.field}:${node.value}`
    : node.kind === 'term' || node.kind === 'phrase'
      ? `${node.kind}:${node.value}`
      : node.kind;
}

function dedupe(atoms: QueryNode[]): QueryNode[] {
  const seen = new Set<string>();
  return atoms.filter((atom) => !seen.has(atomKey(atom)) && seen.add(atomKey(atom)) !== undefined);
}

/**
 * Hashtags of which every matching mention carries at least one (a union of tag timelines
 * covers the query), or null: a hashtag term; the smallest cover among the terms of AND; the
 * union of the covers of OR when every branch has one.
 */
function hashtagCover(node: QueryNode): string[] | null {
  switch (node.kind) {
    case 'term':
      return node.value.startsWith('#') && !node.prefix ? [node.value.slice(1)] : null;
    case 'and': {
      let best: string[] | null = null;
      for (const child of node.children) {
        const cover = hashtagCover(child);
        if (cover && (!best || cover.length < best.length)) best = cover;
      }
      return best;
    }
    case 'or': {
      const union = new Set<string>();
      for (const child of node.children) {
        const cover = hashtagCover(child);
        if (!cover) return null;
        cover.forEach((tag) => union.add(tag));
      }
      return [...union];
    }
    default:
      return null;
  }
}

/**
 * An atom as the user wrote it (accents and case kept: the network's index folds them its own
 * way), phrases in straight quotes; `lang:` is `language:` on Mastodon.
 */
function render(atom: QueryNode, query: string, network: 'bluesky' | 'mastodon'): string {
  const raw = query.slice(atom.start, atom.end);
  switch (atom.kind) {
    case 'term':
      return raw;
    case 'phrase': {
      const quoted = /^["“«„]/.test(raw);
      return `"${(quoted ? raw.slice(1, -1) : raw)
        .replace(/["“”«»„]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()}"`;
    }
    case 'field':
      if (atom.field === 'lang') return `${network === 'mastodon' ? 'language' : 'lang'}:${atom.value}`;
      return network === 'mastodon' ? `from:@${atom.value}` : `from:${atom.value}`;
    default:
      return '';
  }
}

class Compiled implements CompiledQuery {
  readonly sources: readonly string[];
  private readonly matcher: Matcher;
  private readonly searches = new Map<string, NetworkSearch | null>();

  constructor(
    private readonly text: string,
    readonly node: QueryNode,
  ) {
    this.matcher = compileNode(node);
    this.sources = [...(limitedSources(node) ?? [])].sort();
  }

  matches(mention: MatchableMention): boolean {
    return this.matcher(new PreparedText(mention));
  }

  matchesPrepared(mention: PreparedMention): boolean {
    if (!(mention instanceof PreparedText)) throw new TypeError('matchesPrepared takes a mention made by prepareMention');
    return this.matcher(mention);
  }

  searchFor(source: string): NetworkSearch | null {
    if (!this.searches.has(source)) this.searches.set(source, this.computeSearch(source));
    const search = this.searches.get(source) ?? null;
    return search && { ...search, ...(search.hashtags ? { hashtags: [...search.hashtags] } : {}) };
  }

  private computeSearch(source: string): NetworkSearch | null {
    if (source !== 'bluesky' && source !== 'mastodon') return null;
    if (this.sources.length > 0 && !this.sources.includes(source)) return null;
    const atoms = required(this.node).filter((atom) => atom.kind !== 'field' || atom.field !== 'from' || handleFits(atom.value, source));
    const query = atoms.map((atom) => render(atom, this.text, source)).join(' ');
    if (source === 'bluesky') return query === '' ? null : { query };
    const hashtags = hashtagCover(this.node);
    if (query === '' && !hashtags) return null;
    return hashtags ? { query, hashtags } : { query };
  }
}

/** Whether a `from:` handle can name an account of the network (else the condition is not sent there). */
function handleFits(handle: string, network: 'bluesky' | 'mastodon'): boolean {
  return network === 'bluesky' ? !handle.includes('@') : !handle.startsWith('did:');
}

/** Parses and compiles once; the result matches many mentions. Throws `ListeningQueryError`. */
export function compileListeningQuery(text: string): CompiledQuery {
  return new Compiled(text, parseListeningQuery(text));
}
