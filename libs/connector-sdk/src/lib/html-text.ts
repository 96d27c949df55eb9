/**
 * Feed summaries are HTML more often than not; mentions carry plain text.
 *
 * One forward scan over the markup (a small state machine, no backtracking regular
 * expression), over a bounded prefix of the input, stopping as soon as the output is
 * long enough: hostile input such as thousands of unclosed `<!--` or `<a href="` costs
 * time proportional to its length, never more.
 */
import { decodeHTML } from 'entities';

/** Elements that start a new line: the text on either side of them is not one word. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
/** Inline elements that still separate words (table cells, images, form controls). */
const SPACED = new Set([
  'td',
  'th',
  'img',
  'input',
  'button',
  'select',
  'textarea',
  'iframe',
  'video',
  'audio',
  'object',
  'embed',
  'caption',
]);
/** Elements whose content is not text for the reader. */
const RAW_TEXT = new Set(['script', 'style', 'template']);

/** Markup looked at per character of output wanted: generous, so markup-heavy summaries keep their text. */
const INPUT_PER_OUTPUT = 32;
const MIN_INPUT = 64 * 1024;

const NONE = 0;
const SPACE = 1;
const NEWLINE = 2;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isTagNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45 /* - */ || code === 58 /* : */ || code === 95; /* _ */
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/**
 * The index just past the `>` closing the tag whose attributes start at `from`, or -1
 * when the tag never closes. Quotes delimit a value only right after `=`, as in HTML,
 * so `<a title=don't>` does not swallow the rest of the document.
 */
function tagEnd(html: string, from: number): number {
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (code === 62 /* > */) return i + 1;
    if (afterEquals && (code === 34 || code === 39)) {
      const close = html.indexOf(code === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
      afterEquals = false;
    } else if (code === 61 /* = */) {
      afterEquals = true;
    } else if (!isSpace(code)) {
      afterEquals = false;
    }
  }
  return -1;
}

/** The index just past `</name ...>` (any case) at or after `from`, or -1. */
function rawTextEnd(html: string, from: number, name: string): number {
  let at = from;
  for (;;) {
    const open = html.indexOf('</', at);
    if (open < 0) return -1;
    const after = open + 2 + name.length;
    if (html.slice(open + 2, after).toLowerCase() === name && !isTagNameChar(html.charCodeAt(after))) return tagEnd(html, after);
    at = open + 2;
  }
}

/**
 * Runs of white space other than a lone space (which needs no replacing, and is most of
 * them). Linear: each alternative consumes a whole run or fails at its first character.
 */
const WHITE_SPACE = / \s+|[^\S ]\s*/g;

/**
 * Plain text from an HTML fragment: tags dropped (block elements and `<br>` become line
 * breaks), comments, scripts and styles dropped, every HTML entity decoded, runs of
 * white space collapsed to one space. At most `maxLength` characters, ending with `…`
 * when something was cut; at most `maxLength × 32` (or 64 KiB) of input is read.
 */
export function htmlToText(html: string, maxLength = 2000): string {
  const cap = Math.max(MIN_INPUT, maxLength * INPUT_PER_OUTPUT);
  const src = html.length > cap ? html.slice(0, cap) : html;
  const clipped = html.length > cap;
  let out = '';
  let pending = NONE;
  let full = false;

  const gap = (kind: number) => {
    if (kind > pending) pending = kind;
  };
  const text = (segment: string) => {
    const decoded = segment.includes('&') ? decodeHTML(segment) : segment;
    const collapsed = decoded.replace(WHITE_SPACE, ' ');
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.length > 1 && collapsed.charCodeAt(collapsed.length - 1) === 32;
    const core = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (leading) gap(SPACE);
    if (core) {
      if (out && pending !== NONE) out += pending === NEWLINE ? '\n' : ' ';
      out += core;
      pending = trailing ? SPACE : NONE;
      full = out.length > maxLength;
    }
  };

  let i = 0;
  let search = 0;
  while (i < src.length && !full) {
    const lt = src.indexOf('<', search);
    if (lt < 0) {
      text(src.slice(i));
      break;
    }
    const next = src.charCodeAt(lt + 1);
    // `<` not opening markup (`a < b`, `<3`) is text, as HTML reads it.
    const isClose = next === 47 /* / */ && isAsciiLetter(src.charCodeAt(lt + 2));
    if (!isAsciiLetter(next) && !isClose && next !== 33 /* ! */ && next !== 63 /* ? */) {
      search = lt + 1;
      continue;
    }
    if (lt > i) text(src.slice(i, lt));
    if (full) break;

    let end: number;
    if (next === 33 && src.startsWith('<!--', lt)) {
      const close = src.indexOf('-->', lt + 4);
      end = close < 0 ? -1 : close + 3;
    } else if (next === 33 && src.startsWith('<![CDATA[', lt)) {
      const close = src.indexOf(']]>', lt + 9);
      text(src.slice(lt + 9, close < 0 ? src.length : close).replace(/&/g, '&amp;'));
      end = close < 0 ? -1 : close + 3;
    } else if (next === 33 || next === 63) {
      const close = src.indexOf('>', lt + 2);
      end = close < 0 ? -1 : close + 1;
    } else {
      const nameStart = isClose ? lt + 2 : lt + 1;
      let nameEnd = nameStart;
      while (nameEnd < src.length && isTagNameChar(src.charCodeAt(nameEnd))) nameEnd++;
      const name = src.slice(nameStart, nameEnd).toLowerCase();
      end = tagEnd(src, nameEnd);
      if (BLOCK.has(name)) gap(NEWLINE);
      else if (SPACED.has(name)) gap(SPACE);
      if (end > 0 && !isClose && RAW_TEXT.has(name) && src.charCodeAt(end - 2) !== 47 /* / */) end = rawTextEnd(src, end, name);
    }
    // Markup that never closes swallows the rest of the input, as in a browser.
    if (end < 0) break;
    i = search = end;
  }

  if (out.length > maxLength || (clipped && !full && out)) {
    let cut = Math.min(out.length, maxLength - 1);
    const last = out.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--; // never split a surrogate pair
    return `${out.slice(0, cut).trimEnd()}…`;
  }
  return out;
}
