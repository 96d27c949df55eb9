/**
 * Rich-text facets (app.bsky.richtext.facet): links, mentions and hashtags are not parsed by
 * Bluesky from the text; the post carries their positions, in UTF-8 bytes.
 *
 * Detection follows the official client's (`detectFacets` of `@atproto/api`'s rich text), so
 * that a post made here carries the facets the Bluesky app would have given it, overlaps
 * included. It is rewritten as single-pass scanners rather than regular expressions so that
 * hostile text (hundreds of KB of `#`, `@`, `www.` or `(`) stays linear: every scanner only
 * looks at runs that start after a boundary character, and those runs never overlap.
 *
 * Two deliberate differences, both where the official client makes a record the PDS refuses
 * (a link's `uri` must match the lexicon's `uri` format, `^\w+:(?:\/\/)?[^\s/][^\s]*$`):
 * - a scheme-less link whose domain starts with `http` (`httpbin.org/get`) is treated like any
 *   other scheme-less link (checked against the TLD list, given `https://`), where the client
 *   keeps it without a scheme;
 * - a link left without a host once its trailing punctuation is dropped (`https://.`) is not a link.
 */
import { TOP_LEVEL_DOMAINS } from './tlds';

export interface ByteSlice {
  byteStart: number;
  byteEnd: number;
}

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

export interface Facet {
  index: ByteSlice;
  features: FacetFeature[];
}

/** A span found in the text, in UTF-16 indexes (JavaScript's) before conversion to bytes. */
export interface DetectedSpan {
  kind: 'link' | 'mention' | 'tag';
  start: number;
  end: number;
  /**
   * The link's URI (`https://` added to a scheme-less one), the handle as written (without `@`),
   * or the tag: without `#` for a hashtag, `$` and the ticker in capitals for a cashtag (`$AAPL`).
   */
  value: string;
}

const HASH = 0x23;
const FULLWIDTH_HASH = 0xff03;
const OPEN_PAREN = 0x28;
const VARIATION_SELECTOR_16 = 0xfe0f;
/** Longest hashtag, in UTF-16 code units (the client compares `tag.length`, which also keeps it within the lexicon's 64 graphemes). */
const MAX_TAG_LENGTH = 64;
/** Longest cashtag ticker: a letter then up to 4 letters or digits. */
const MAX_TICKER_LENGTH = 5;
/** What may follow a cashtag: the client's lookahead `(?=\s|$|[.,;:!?)"'\u2019])`. */
const AFTER_CASHTAG = new Set([...'.,;:!?)"\'\u2019'].map((char) => char.charCodeAt(0)));
/** Zero-width and invisible characters that end a hashtag, as in the client's tag pattern (besides white space). */
const TAG_BREAKERS = new Set([0x00ad, 0x2060, 0x200a, 0x200b, 0x200c, 0x200d, 0x20e2]);
/** One Unicode punctuation code point (`\p{P}`) at `lastIndex`. */
const PUNCTUATION = /\p{P}/uy;
/** The lexicon's `uri` format (`isValidUri` of `@atproto/syntax`); linear, the text has no white space here. */
const LEXICON_URI = /^\w+:(?:\/\/)?[^\s/][^\s]*$/;

/** JavaScript's `\s`: the characters the client's patterns treat as white space. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isAsciiAlphanumeric = (code: number) => isAsciiLetter(code) || isAsciiDigit(code);
/** `[a-zA-Z0-9.-]`: what the client's mention pattern takes after `@`. */
const isHandleChar = (code: number) => isAsciiAlphanumeric(code) || code === 0x2e || code === 0x2d;
/** `\w` without the `u` flag, for `\b`. */
const isWordChar = (code: number) => isAsciiAlphanumeric(code) || code === 0x5f;

/**
 * The client's `isValidDomain`: the label after the last dot is a TLD of the list (compared as
 * written, so `EXAMPLE.COM` is not one; no TLD contains a dot, so looking at the last label is the same).
 */
function endsWithTopLevelDomain(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && TOP_LEVEL_DOMAINS.has(name.slice(dot + 1));
}

/** Index of the first white space at or after `start` (or the text's length). */
function runEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !isWhiteSpace(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Mentions: `@` at the start, after white space or `(`; then letters, digits, dots and dashes, cut
 * back to the last word boundary (the client's `/(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)/`, so a trailing
 * dot or dash is not part of it); kept when it ends with a TLD of the list or with `.test`.
 */
function detectMentions(text: string, spans: DetectedSpan[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0) {
      const before = text.charCodeAt(at - 1);
      if (!isWhiteSpace(before) && before !== OPEN_PAREN) continue;
    }
    let end = at + 1;
    while (isHandleChar(text.charCodeAt(end))) end++;
    // Back to the longest prefix followed by a word boundary (the regex's backtracking).
    while (end > at + 1 && isWordChar(text.charCodeAt(end - 1)) === (end < text.length && isWordChar(text.charCodeAt(end)))) end--;
    if (end === at + 1) continue;
    const handle = text.slice(at + 1, end);
    if (!endsWithTopLevelDomain(handle) && !handle.endsWith('.test')) continue; // probably not a handle
    spans.push({ kind: 'mention', start: at, end, value: handle });
  }
}

/** Length of `http://` or `https://` (any case) at `start`, or 0. */
function schemeLengthAt(text: string, start: number): number {
  const head = text.slice(start, start + 8).toLowerCase();
  return head.startsWith('https://') ? 8 : head.startsWith('http://') ? 7 : 0;
}

/**
 * Where a link could start at `start`: `http://` or `https://` (any case) and one more character,
 * or a domain `[a-z][a-z0-9]*(\.[a-z0-9]+)+` (any case). Returns the domain's end (0 for a scheme).
 */
function linkStartAt(text: string, start: number): { scheme: boolean; domainEnd: number } | undefined {
  if (!isAsciiLetter(text.charCodeAt(start))) return undefined;
  const schemeLength = (text.charCodeAt(start) | 0x20) === 0x68 ? schemeLengthAt(text, start) : 0;
  if (schemeLength && start + schemeLength < text.length && !isWhiteSpace(text.charCodeAt(start + schemeLength))) {
    return { scheme: true, domainEnd: 0 };
  }
  let end = start + 1;
  while (isAsciiAlphanumeric(text.charCodeAt(end))) end++;
  let labels = 0;
  while (text.charCodeAt(end) === 0x2e && isAsciiAlphanumeric(text.charCodeAt(end + 1))) {
    end += 2;
    while (isAsciiAlphanumeric(text.charCodeAt(end))) end++;
    labels++;
  }
  return labels > 0 ? { scheme: false, domainEnd: end } : undefined;
}

/**
 * Links, after the start, white space or `(`, up to the next white space (the client's
 * `/(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim`). A link
 * written with its scheme is kept when the scheme is in lower case; a scheme-less one when its
 * domain ends with a TLD of the list, and it gets `https://`. Then one trailing `.,;:!?` is dropped,
 * and one `)` when the link holds no `(`. A candidate consumes its whole run even when it is not
 * kept (a `(` inside it starts nothing).
 */
function detectLinks(text: string, spans: DetectedSpan[]): void {
  let position = 0;
  while (position < text.length) {
    const before = position === 0 ? -1 : text.charCodeAt(position - 1);
    const found = before === -1 || isWhiteSpace(before) || before === OPEN_PAREN ? linkStartAt(text, position) : undefined;
    if (!found) {
      position++;
      continue;
    }
    const start = position;
    let end = runEnd(text, start);
    position = end;
    let uri = text.slice(start, end);
    if (found.scheme) {
      if (!uri.startsWith('http')) continue; // `HTTPS://…`: the client leaves it
    } else {
      if (!endsWithTopLevelDomain(text.slice(start, found.domainEnd))) continue;
      uri = `https://${uri}`;
    }
    if (/[.,;:!?]$/.test(uri)) {
      uri = uri.slice(0, -1);
      end--;
    }
    if (uri.endsWith(')') && !uri.includes('(')) {
      uri = uri.slice(0, -1);
      end--;
    }
    if (!LEXICON_URI.test(uri)) continue;
    spans.push({ kind: 'link', start, end, value: uri });
  }
}

/**
 * Hashtags: `#` or `＃` at the start or after white space, then a run of characters up to white
 * space or a zero-width character, holding at least one that is neither a digit nor punctuation
 * (`#2024` is not a tag), and not starting with U+FE0F (the keycap emoji `#️⃣`). Trailing
 * punctuation is dropped; a tag longer than 64 code units is not one. (The client's TAG_REGEX
 * and the trimming after it.)
 */
function detectTags(text: string, spans: DetectedSpan[]): void {
  for (let hash = 0; hash < text.length; hash++) {
    const code = text.charCodeAt(hash);
    if (code !== HASH && code !== FULLWIDTH_HASH) continue;
    if (hash > 0 && !isWhiteSpace(text.charCodeAt(hash - 1))) continue;
    if (text.charCodeAt(hash + 1) === VARIATION_SELECTOR_16) continue;
    let position = hash + 1;
    let tagEnd = position; // after the last code point that is not punctuation
    let qualifies = false;
    while (position < text.length) {
      const point = text.codePointAt(position) as number;
      if (isWhiteSpace(point) || TAG_BREAKERS.has(point)) break;
      PUNCTUATION.lastIndex = position;
      const next = position + (point > 0xffff ? 2 : 1);
      if (!PUNCTUATION.test(text)) {
        tagEnd = next;
        if (!isAsciiDigit(point)) qualifies = true;
      }
      position = next;
    }
    // The run ends at white space, which cannot start the next candidate's run: skipping it keeps the scan linear.
    const length = tagEnd - (hash + 1);
    if (qualifies && length <= MAX_TAG_LENGTH) spans.push({ kind: 'tag', start: hash, end: tagEnd, value: text.slice(hash + 1, tagEnd) });
    hash = position - 1;
  }
}

/**
 * Cashtags: `$` at the start, after white space or `(`, then a letter and up to 4 letters or
 * digits, followed by white space, the end or `.,;:!?)"'’` (`$5` and `$AAPLX1` are not cashtags).
 * The tag is `$` and the ticker in capitals. (The client's CASHTAG_REGEX.)
 */
function detectCashtags(text: string, spans: DetectedSpan[]): void {
  for (let dollar = text.indexOf('$'); dollar !== -1; dollar = text.indexOf('$', dollar + 1)) {
    if (dollar > 0) {
      const before = text.charCodeAt(dollar - 1);
      if (!isWhiteSpace(before) && before !== OPEN_PAREN) continue;
    }
    if (!isAsciiLetter(text.charCodeAt(dollar + 1))) continue;
    let end = dollar + 2;
    while (end - dollar - 1 < MAX_TICKER_LENGTH && isAsciiAlphanumeric(text.charCodeAt(end))) end++;
    if (end < text.length && !isWhiteSpace(text.charCodeAt(end)) && !AFTER_CASHTAG.has(text.charCodeAt(end))) continue;
    spans.push({ kind: 'tag', start: dollar, end, value: `$${text.slice(dollar + 1, end).toUpperCase()}` });
  }
}

/**
 * Links, mentions, hashtags and cashtags in `text`, ordered by start. As in the client, spans may
 * overlap (a `(@handle.example)` or `($AAPL)` inside a link); the app shows the first one.
 */
export function detectSpans(text: string): DetectedSpan[] {
  const spans: DetectedSpan[] = [];
  detectMentions(text, spans);
  detectLinks(text, spans);
  detectTags(text, spans);
  detectCashtags(text, spans);
  // Each kind starts with a different character, so no two spans share a start.
  return spans.sort((a, b) => a.start - b.start);
}

/** Byte offset in UTF-8 of a UTF-16 index of `text`. */
export function utf8Offset(text: string, index: number): number {
  return utf8Offsets(text, [index])[0];
}

/** UTF-8 byte offsets of several UTF-16 indexes of `text`, from one pass over the text. */
export function utf8Offsets(text: string, indexes: readonly number[]): number[] {
  if (!indexes.length) return [];
  // before[i]: bytes of text.slice(0, i).
  const before = new Float64Array(text.length + 1);
  for (let unit = 0, bytes = 0; unit < text.length;) {
    const code = text.charCodeAt(unit);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one 4-byte character; an index between its halves leaves the first
      // half alone, which Buffer and TextEncoder write as U+FFFD, 3 bytes.
      before[unit + 1] = bytes + 3;
      bytes += 4;
      unit += 2;
    } else {
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3; // a lone surrogate is U+FFFD too
      unit += 1;
    }
    before[unit] = bytes;
  }
  return indexes.map((index) => before[Math.min(Math.max(index, 0), text.length)]);
}

/**
 * Facets for `text`; `dids` maps each mentioned handle, in lower case, to its DID (a mention
 * whose handle did not resolve stays plain text, as the official app does before posting).
 */
export function buildFacets(text: string, spans: DetectedSpan[], dids: ReadonlyMap<string, string>): Facet[] {
  const offsets = utf8Offsets(
    text,
    spans.flatMap((span) => [span.start, span.end]),
  );
  const facets: Facet[] = [];
  spans.forEach((span, position) => {
    const index = { byteStart: offsets[2 * position], byteEnd: offsets[2 * position + 1] };
    if (span.kind === 'link') facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: span.value }] });
    else if (span.kind === 'tag') facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: span.value }] });
    else {
      const did = dids.get(span.value.toLowerCase());
      if (did) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
  });
  return facets;
}
