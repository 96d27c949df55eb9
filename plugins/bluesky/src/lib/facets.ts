/**
 * Rich-text facets (app.bsky.richtext.facet): links, mentions and hashtags are not
 * parsed by Bluesky from the text; the post carries their positions, in UTF-8 bytes.
 */

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
  /** The URL, the handle (without `@`) or the tag (without `#`). */
  value: string;
}

const TRAILING_PUNCTUATION = /[.,;:!?'"”’)\]}…]+$/u;
const LINK = /(^|[\s(])(https?:\/\/[^\s<>"]+)/giu;
// A handle is a domain name: labels of letters, digits and dashes, at least one dot.
const MENTION = /(^|[\s(])@([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)/gu;
const TAG = /(^|\s)[#＃]([^\s#＃]+)/gu;
const MAX_TAG_LENGTH = 64;

/** Byte offset in UTF-8 of a UTF-16 index of `text`. */
export function utf8Offset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/** Links, mentions and hashtags in `text`, in order, without overlaps. */
export function detectSpans(text: string): DetectedSpan[] {
  const spans: DetectedSpan[] = [];
  for (const match of text.matchAll(LINK)) {
    let url = match[2];
    // Drop closing punctuation, but keep a parenthesis that belongs to the URL (`.../Foo_(bar)`).
    const count = (char: string) => url.split(char).length - 1;
    while (url && TRAILING_PUNCTUATION.test(url.slice(-1))) {
      if (url.endsWith(')') && count('(') >= count(')')) break;
      url = url.slice(0, -1);
    }
    try {
      new URL(url);
    } catch {
      continue;
    }
    const start = (match.index ?? 0) + match[1].length;
    spans.push({ kind: 'link', start, end: start + url.length, value: url });
  }
  for (const match of text.matchAll(MENTION)) {
    const handle = match[2].replace(/\.+$/, '');
    // A handle's last label (the TLD) is not only digits.
    if (/\.\d+$/.test(handle)) continue;
    const start = (match.index ?? 0) + match[1].length;
    spans.push({ kind: 'mention', start, end: start + 1 + handle.length, value: handle.toLowerCase() });
  }
  for (const match of text.matchAll(TAG)) {
    const tag = match[2].replace(TRAILING_PUNCTUATION, '');
    // A tag is not only digits, and at most 64 characters.
    if (!tag || /^\d+$/.test(tag) || [...tag].length > MAX_TAG_LENGTH) continue;
    const start = (match.index ?? 0) + match[1].length;
    spans.push({ kind: 'tag', start, end: start + 1 + tag.length, value: tag });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DetectedSpan[] = [];
  for (const span of spans) {
    const previous = kept[kept.length - 1];
    if (previous && span.start < previous.end) continue; // inside a link, for instance
    kept.push(span);
  }
  return kept;
}

/**
 * Facets for `text`; `dids` maps each mentioned handle to its DID (a mention whose
 * handle did not resolve stays plain text, as in the official app).
 */
export function buildFacets(text: string, spans: DetectedSpan[], dids: ReadonlyMap<string, string>): Facet[] {
  const facets: Facet[] = [];
  for (const span of spans) {
    const index = { byteStart: utf8Offset(text, span.start), byteEnd: utf8Offset(text, span.end) };
    if (span.kind === 'link') facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: span.value }] });
    else if (span.kind === 'tag') facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: span.value }] });
    else {
      const did = dids.get(span.value);
      if (did) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
  }
  return facets;
}
