/**
 * Links and hashtags in the original text.
 *
 * Links: http(s) URLs, and bare domains with an optional path ("example.com/path",
 * "www.exemple.fr"): dot-separated labels of letters, digits and hyphens ending in a
 * label of two letters or more, not part of an e-mail address or of a longer word.
 * Trailing punctuation is not part of a link.
 *
 * Hashtags: "#" not preceded by a letter, digit, "_", "&" or "/", followed by letters,
 * digits, combining marks or "_", at least one of them not a digit ("#1" is not a
 * hashtag, as on Mastodon and X).
 */
import { domainToASCII } from 'node:url';

export interface Link {
  start: number;
  end: number;
  /** Host name, lowercase, internationalised names in their ASCII (punycode) form. */
  host: string;
}

export interface Span {
  start: number;
  end: number;
}

/** The host of an authority (`user@host:port`), lowercase and in ASCII form; empty when invalid. */
export function normaliseHost(authority: string): string {
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  host = host.replace(/:\d*$/, '').replace(/\.+$/, '').toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) host = domainToASCII(host);
  return host;
}

const TRAILING_PUNCTUATION = /[.,;:!?'")\]}…»’]+$/u;

// Character classes of BMP code units: 1 letter, 2 digit, 3 combining mark, 4 other; 0 until first seen.
const LETTER = 1;
const DIGIT = 2;
const MARK = 3;
const charKind = new Uint8Array(65536);
function kindOf(unit: number): number {
  let kind = charKind[unit];
  if (kind === 0) {
    const ch = String.fromCharCode(unit);
    kind = /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : /\p{M}/u.test(ch) ? MARK : 4;
    charKind[unit] = kind;
  }
  return kind;
}
const HYPHEN = 0x2d;
const DOT = 0x2e;
function isLabelUnit(unit: number): boolean {
  return unit === HYPHEN || kindOf(unit) <= MARK;
}
/** Ends a URL or a link's path: whitespace, <, >, ", «, ». */
function endsLink(unit: number): boolean {
  return (
    unit <= 0x20 ||
    unit === 0x3c ||
    unit === 0x3e ||
    unit === 0x22 ||
    unit === 0xab ||
    unit === 0xbb ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x202f ||
    unit === 0x3000 ||
    unit === 0xa0 ||
    unit === 0x2028 ||
    unit === 0x2029
  );
}
/** Before a link, none of: letter, digit, mark, "_", "@", ".", "-", "/". */
function blocksLinkStart(unit: number): boolean {
  return unit === 0x5f || unit === 0x40 || unit === DOT || unit === HYPHEN || unit === 0x2f || kindOf(unit) <= MARK;
}

function linkEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !endsLink(text.charCodeAt(end))) end++;
  const trailing = TRAILING_PUNCTUATION.exec(text.slice(from, end));
  return end - (trailing ? trailing[0].length : 0);
}

/** An http(s) URL whose "://" is at `at`, or null. */
function urlAt(text: string, at: number): Link | null {
  let start: number;
  if (at >= 5 && text.slice(at - 5, at).toLowerCase() === 'https') start = at - 5;
  else if (at >= 4 && text.slice(at - 4, at).toLowerCase() === 'http') start = at - 4;
  else return null;
  if (start > 0 && blocksLinkStart(text.charCodeAt(start - 1))) return null;
  let hostEnd = at + 3;
  for (
    let unit = text.charCodeAt(hostEnd);
    hostEnd < text.length && !endsLink(unit) && unit !== 0x2f && unit !== 0x3f && unit !== 0x23;
    unit = text.charCodeAt(++hostEnd)
  );
  const end = Math.max(linkEnd(text, at + 3), at + 3);
  const host = normaliseHost(text.slice(at + 3, Math.min(hostEnd, end)));
  return host ? { start, end, host } : null;
}

/**
 * A bare domain around the dot at `dot` (the dot must sit between a label character
 * and a letter), or null. Returns where to go on scanning in `next`.
 */
function bareDomainAt(text: string, dot: number): Link | null {
  let start = dot;
  while (start > 0 && isLabelUnit(text.charCodeAt(start - 1))) start--;
  while (start < dot && (text.charCodeAt(start) === HYPHEN || kindOf(text.charCodeAt(start)) === MARK)) start++;
  if (start === dot) return null;
  if (start > 0 && blocksLinkStart(text.charCodeAt(start - 1))) return null;
  // Labels: [start, hostEnd) made of label characters and single dots.
  let hostEnd = dot;
  let lastDot = dot;
  for (;;) {
    let k = hostEnd + 1;
    while (k < text.length && isLabelUnit(text.charCodeAt(k))) k++;
    if (k === hostEnd + 1) break;
    lastDot = hostEnd;
    hostEnd = k;
    if (hostEnd >= text.length || text.charCodeAt(hostEnd) !== DOT) break;
  }
  if (hostEnd === dot) return null;
  // Top-level label: letters (and marks) only, two or more.
  const tldStart = lastDot + 1;
  if (hostEnd - tldStart < 2 || kindOf(text.charCodeAt(tldStart)) !== LETTER) return null;
  for (let k = tldStart; k < hostEnd; k++) {
    const kind = text.charCodeAt(k) === HYPHEN ? 0 : kindOf(text.charCodeAt(k));
    if (kind !== LETTER && kind !== MARK) return null;
  }
  for (let k = start; k < hostEnd; k++) {
    if (text.charCodeAt(k) === DOT && (text.charCodeAt(k - 1) === HYPHEN || text.charCodeAt(k + 1) === HYPHEN)) return null;
  }
  if (hostEnd < text.length) {
    const after = text.charCodeAt(hostEnd);
    if (after === 0x5f || after === 0x40 || after === HYPHEN) return null;
    if (after === 0x2f || after === 0x3f || after === 0x23 || after === 0x3a) {
      return { start, end: Math.max(linkEnd(text, hostEnd), hostEnd), host: normaliseHost(text.slice(start, hostEnd)) };
    }
  }
  return { start, end: hostEnd, host: normaliseHost(text.slice(start, hostEnd)) };
}

export function findLinks(text: string): Link[] {
  const links: Link[] = [];
  if (text.indexOf('.') < 0) return links;
  let scannedTo = 0;
  let nextUrl = text.indexOf('://');
  for (let dot = text.indexOf('.'); dot >= 0 || nextUrl >= 0;) {
    if (nextUrl >= 0 && (dot < 0 || nextUrl < dot)) {
      const url = urlAt(text, nextUrl);
      if (url) {
        links.push(url);
        scannedTo = url.end;
      }
      nextUrl = text.indexOf('://', Math.max(nextUrl + 3, scannedTo));
      if (dot >= 0 && dot < scannedTo) dot = text.indexOf('.', scannedTo);
      continue;
    }
    if (
      dot >= scannedTo &&
      dot > 0 &&
      dot + 1 < text.length &&
      kindOf(text.charCodeAt(dot + 1)) === LETTER &&
      isLabelUnit(text.charCodeAt(dot - 1))
    ) {
      const link = bareDomainAt(text, dot);
      if (link && link.start >= scannedTo) {
        links.push(link);
        scannedTo = link.end;
        if (nextUrl >= 0 && nextUrl < scannedTo) nextUrl = text.indexOf('://', scannedTo);
      }
    }
    dot = text.indexOf('.', Math.max(dot + 1, scannedTo));
  }
  return links;
}

const HASHTAG_BODY = /[\p{L}\p{N}\p{M}_]+/uy;
const NOT_BEFORE_HASHTAG = /[\p{L}\p{N}\p{M}_&/]/u;
const HAS_NON_DIGIT = /[^\p{N}]/u;

export function findHashtags(text: string): Span[] {
  const hashtags: Span[] = [];
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    if (at > 0) {
      const before = text.charCodeAt(at - 1);
      const previous = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
      if (NOT_BEFORE_HASHTAG.test(previous)) continue;
    }
    HASHTAG_BODY.lastIndex = at + 1;
    const body = HASHTAG_BODY.exec(text);
    if (body === null || !HAS_NON_DIGIT.test(body[0])) continue;
    hashtags.push({ start: at, end: at + 1 + body[0].length });
    at += body[0].length;
  }
  return hashtags;
}
