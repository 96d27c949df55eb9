import { foldText, splitWords } from './fold';
import { ListeningQueryError, type QueryNode } from './types';

/**
 * Limits of a query: length in UTF-16 units, nesting (parentheses and NOT, counted together),
 * and leaves (terms, phrases, field values). They bound the work of a match and the parser's stack.
 */
export const LISTENING_QUERY_LIMITS = { maxLength: 2000, maxDepth: 32, maxLeaves: 200 } as const;
/** Values `source:` accepts: the connectors that feed listening. */
export const LISTENING_SOURCES = ['bluesky', 'mastodon', 'rss'] as const;

type FieldName = 'lang' | 'from' | 'source';
const FIELDS: readonly string[] = ['lang', 'from', 'source'];

type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; start: number; end: number }
  | { type: 'word'; raw: string; start: number; end: number }
  | { type: 'phrase'; inner: string; start: number; end: number };

const QUOTE_CLOSERS: Record<string, string> = { '"': '"”', '“': '”"', '«': '»', '„': '“”"' };
/** Position of the first control character other than tab, line feed and carriage return, or -1. */
function controlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return i;
  }
  return -1;
}
const SPACE = /\s/;

function isSpace(char: string): boolean {
  return SPACE.test(char);
}

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (isSpace(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (char in QUOTE_CLOSERS) {
      const closers = QUOTE_CLOSERS[char];
      let close = i + 1;
      while (close < text.length && !closers.includes(text[close])) close++;
      if (close >= text.length) throw new ListeningQueryError('unclosed quote', i);
      tokens.push({ type: 'phrase', inner: text.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
    } else if (char === '-' && i + 1 < text.length && !isSpace(text[i + 1]) && text[i + 1] !== ')') {
      tokens.push({ type: 'minus', start: i, end: i + 1 });
      i++;
    } else {
      let end = i;
      while (end < text.length && !isSpace(text[end]) && text[end] !== '(' && text[end] !== ')' && !(text[end] in QUOTE_CLOSERS)) end++;
      const raw = text.slice(i, end);
      if (raw === 'AND' || raw === 'OR' || raw === 'NOT')
        tokens.push({ type: raw === 'AND' ? 'and' : raw === 'OR' ? 'or' : 'not', start: i, end });
      else tokens.push({ type: 'word', raw, start: i, end });
      i = end;
    }
  }
  return tokens;
}

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;
const DID = /^did:[a-z]+:[a-z0-9._:%-]{1,2048}$/;
const DOMAIN_LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
/** Bluesky handle: a domain name (alice.bsky.social). */
const BLUESKY_HANDLE = new RegExp(`^${DOMAIN_LABEL}(\\.${DOMAIN_LABEL})+$`);
/** Mastodon account: user, or user@instance. */
const MASTODON_ACCOUNT = new RegExp(`^[a-z0-9_]{1,64}(@${DOMAIN_LABEL}(\\.${DOMAIN_LABEL})+)?$`);

class Parser {
  private next = 0;
  private depth = 0;
  private leaves = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.or();
    const rest = this.tokens[this.next];
    if (rest) throw new ListeningQueryError(rest.type === 'rparen' ? 'unbalanced parenthesis' : `unexpected ${rest.type}`, rest.start);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.next];
  }

  /** An operator must be followed by something it applies to. */
  private operand(operator: Token): void {
    const following = this.peek();
    if (!following || following.type === 'rparen' || following.type === 'and' || following.type === 'or') {
      throw new ListeningQueryError(`dangling operator ${operator.type === 'minus' ? '-' : operator.type.toUpperCase()}`, operator.start);
    }
  }

  private or(): QueryNode {
    const children = [this.and()];
    for (let token = this.peek(); token?.type === 'or'; token = this.peek()) {
      this.next++;
      this.operand(token);
      children.push(this.and());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children, start: children[0].start, end: children[children.length - 1].end };
  }

  private and(): QueryNode {
    const children = [this.unary()];
    for (let token = this.peek(); token && token.type !== 'or' && token.type !== 'rparen'; token = this.peek()) {
      if (token.type === 'and') {
        this.next++;
        this.operand(token);
      }
      children.push(this.unary());
    }
    return children.length === 1
      ? children[0]
      : { kind: 'and', children, start: children[0].start, end: children[children.length - 1].end };
  }

  private deeper(position: number): void {
    if (++this.depth > LISTENING_QUERY_LIMITS.maxDepth) {
      throw new ListeningQueryError(`query too deep (limit ${LISTENING_QUERY_LIMITS.maxDepth} levels of parentheses and NOT)`, position);
    }
  }

  private unary(): QueryNode {
    const token = this.peek();
    if (token && (token.type === 'not' || token.type === 'minus')) {
      this.next++;
      this.operand(token);
      this.deeper(token.start);
      const child = this.unary();
      this.depth--;
      return { kind: 'not', child, start: token.start, end: child.end };
    }
    return this.primary();
  }

  private primary(): QueryNode {
    const token = this.peek();
    if (!token) throw new ListeningQueryError('empty query', 0);
    this.next++;
    switch (token.type) {
      case 'lparen': {
        const following = this.peek();
        if (!following) throw new ListeningQueryError('unclosed parenthesis', token.start);
        if (following.type === 'rparen') throw new ListeningQueryError('empty parentheses', token.start);
        this.deeper(token.start);
        const inner = this.or();
        if (this.peek()?.type !== 'rparen') throw new ListeningQueryError('unclosed parenthesis', token.start);
        this.next++;
        this.depth--;
        return inner;
      }
      case 'rparen':
        throw new ListeningQueryError('unbalanced parenthesis', token.start);
      case 'and':
      case 'or':
        throw new ListeningQueryError(`dangling operator ${token.type.toUpperCase()}`, token.start);
      case 'not':
      case 'minus':
        // unary() consumes these; unreachable, kept for the type checker
        throw new ListeningQueryError('dangling operator', token.start);
      case 'phrase': {
        this.leaf(token.start);
        const words = splitWords(foldText(token.inner)).words;
        if (words.length === 0) throw new ListeningQueryError('empty phrase', token.start);
        return { kind: 'phrase', value: words.join(' '), start: token.start, end: token.end };
      }
      case 'word':
        return this.word(token.raw, token.start, token.end);
    }
  }

  private leaf(position: number): void {
    if (++this.leaves > LISTENING_QUERY_LIMITS.maxLeaves) {
      throw new ListeningQueryError(`too many terms (limit ${LISTENING_QUERY_LIMITS.maxLeaves})`, position);
    }
  }

  private word(raw: string, start: number, end: number): QueryNode {
    const field = /^([A-Za-z]+):/.exec(raw);
    if (field) return this.field(field[1].toLowerCase(), raw.slice(field[0].length), start, start + field[0].length, end);
    const star = raw.indexOf('*');
    this.leaf(start);
    if (star >= 0) {
      if (star !== raw.length - 1) throw new ListeningQueryError('bad wildcard (only a trailing * is allowed)', start + star);
      const split = splitWords(foldText(raw.slice(0, star)));
      if (split.words.length !== 1 || split.words[0].length < 2) {
        throw new ListeningQueryError('bad wildcard (a single word of at least 2 letters before *)', start + star);
      }
      return { kind: 'term', value: (split.hashtag[0] ? '#' : '') + split.words[0], prefix: true, start, end };
    }
    const split = splitWords(foldText(raw));
    if (split.words.length === 0) throw new ListeningQueryError('term without a letter or a digit', start);
    if (split.words.length === 1) return { kind: 'term', value: (split.hashtag[0] ? '#' : '') + split.words[0], prefix: false, start, end };
    // porte-monnaie, l'égalité: the words in sequence
    return { kind: 'phrase', value: split.words.join(' '), start, end };
  }

  private field(name: string, value: string, start: number, valueStart: number, end: number): QueryNode {
    if (!FIELDS.includes(name)) throw new ListeningQueryError(`unknown field '${name}' (lang, from, source)`, start);
    if (value === '') throw new ListeningQueryError(`empty value for ${name}:`, start);
    const alternatives: QueryNode[] = [];
    let offset = valueStart;
    for (const piece of value.split('|')) {
      this.leaf(offset);
      alternatives.push({
        kind: 'field',
        field: name as FieldName,
        value: fieldValue(name as FieldName, piece, offset),
        start: alternatives.length === 0 ? start : offset,
        end: offset + piece.length,
      });
      offset += piece.length + 1;
    }
    return alternatives.length === 1 ? alternatives[0] : { kind: 'or', children: alternatives, start, end };
  }
}

function fieldValue(field: FieldName, raw: string, position: number): string {
  const value = raw.toLowerCase();
  switch (field) {
    case 'lang': {
      const tag = value.replace(/_/g, '-');
      if (!LANGUAGE.test(tag)) throw new ListeningQueryError(`bad language '${raw}' (a code like fr or fr-CA)`, position);
      return tag;
    }
    case 'from': {
      const handle = value.startsWith('@') ? value.slice(1) : value;
      if (handle.length > 253 || !(BLUESKY_HANDLE.test(handle) || MASTODON_ACCOUNT.test(handle) || DID.test(handle))) {
        throw new ListeningQueryError(`bad handle '${raw}' (alice.bsky.social, @alice@instance.social)`, position);
      }
      return handle;
    }
    case 'source':
      if (!(LISTENING_SOURCES as readonly string[]).includes(value)) {
        throw new ListeningQueryError(`unknown source '${raw}' (${LISTENING_SOURCES.join(', ')})`, position);
      }
      return value;
  }
}

/**
 * Whether every mention the node matches must contain something (a word, a phrase, a field value):
 * false for NOT a, NOT a OR b, NOT (a AND b) — queries matching nearly every mention.
 */
function requiresSomething(node: QueryNode, negated: boolean): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
    case 'field':
      return !negated;
    case 'not':
      return requiresSomething(node.child, !negated);
    case 'and':
      // NOT (a AND b) = NOT a OR NOT b
      return negated
        ? node.children.every((child) => requiresSomething(child, true))
        : node.children.some((child) => requiresSomething(child, false));
    case 'or':
      return negated
        ? node.children.some((child) => requiresSomething(child, true))
        : node.children.every((child) => requiresSomething(child, false));
  }
}

/** The sources a node can match (null: every source); NOT is taken as every source, which only widens. */
export function limitedSources(node: QueryNode): Set<string> | null {
  switch (node.kind) {
    case 'field':
      return node.field === 'source' ? new Set([node.value]) : null;
    case 'term':
    case 'phrase':
    case 'not':
      return null;
    case 'and': {
      let sources: Set<string> | null = null;
      for (const child of node.children) {
        const childSources = limitedSources(child);
        if (childSources === null) continue;
        if (sources === null) {
          sources = childSources;
        } else {
          const both = new Set<string>();
          for (const source of sources) if (childSources.has(source)) both.add(source);
          sources = both;
        }
      }
      return sources;
    }
    case 'or': {
      const sources = new Set<string>();
      for (const child of node.children) {
        const childSources = limitedSources(child);
        if (childSources === null) return null;
        for (const source of childSources) sources.add(source);
      }
      return sources;
    }
  }
}

/**
 * Parses a listening query (syntax in the README of the listening folder). Throws
 * `ListeningQueryError` whose message names the position: "unclosed parenthesis at 14".
 */
export function parseListeningQuery(text: string): QueryNode {
  if (text.length > LISTENING_QUERY_LIMITS.maxLength) {
    throw new ListeningQueryError(
      `query too long (limit ${LISTENING_QUERY_LIMITS.maxLength} characters)`,
      LISTENING_QUERY_LIMITS.maxLength,
    );
  }
  const control = controlCharacter(text);
  if (control >= 0) throw new ListeningQueryError('control character', control);
  const tokens = lex(text);
  if (tokens.length === 0) throw new ListeningQueryError('empty query', 0);
  const node = new Parser(tokens).parse();
  if (!requiresSomething(node, false)) throw new ListeningQueryError('a query of only NOT would match nearly every mention', node.start);
  const sources = limitedSources(node);
  if (sources !== null && sources.size === 0)
    throw new ListeningQueryError('sources that exclude each other: no mention can match', node.start);
  return node;
}
