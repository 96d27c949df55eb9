import { decodeHTML, decodeHTMLAttribute } from 'entities';

/** Text for HTML: `& < > " '` escaped, so it is inert in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Text for XML (Atom, RSS, sitemaps): escaped, and every character XML 1.0 cannot hold dropped. */
export function escapeXml(text: string): string {
  return escapeHtml(xmlChars(text));
}

/** What XML 1.0 cannot hold: C0 controls but tab and line breaks, U+FFFE/FFFF, and lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const NOT_XML_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Keeps only the characters XML 1.0 allows. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CONTROLS, '').replace(LONE_SURROGATES, '');
}

/** Elements kept (with their text), each with the attributes it may keep. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  hr: [],
  h2: [],
  h3: [],
  h4: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  blockquote: [],
  q: [],
  cite: [],
  code: [],
  pre: [],
  ul: [],
  ol: [],
  li: [],
  figure: [],
  figcaption: [],
  a: ['href', 'title'],
};
const VOID = new Set(['br', 'hr']);
/** Elements dropped with everything inside them: code, styles, embedded documents and form controls. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'textarea',
  'select',
  'title',
  'head',
  'xmp',
  'plaintext',
]);
/** h1 is the page's (the release title): a body's h1 becomes an h2, and so on. */
const RENAMED: Readonly<Record<string, string>> = { h1: 'h2', h5: 'h4', h6: 'h4' };
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'blockquote', 'pre', 'ul', 'ol', 'li', 'figure', 'figcaption', 'hr', 'br']);
/** A tag's start, read where a `<` stands (sticky: no copy of the input). */
const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,30})/y;
/** Nesting kept at most; deeper elements keep their text only. */
const MAX_DEPTH = 32;

export interface SanitizedHtml {
  html: string;
  text: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const LEADING_CONTROLS = /^[\u0000-\u0020]+/;

/** A link target a reader may follow: http(s) or mailto, no credentials, at most 2,000 characters; null otherwise. */
function safeHref(value: string): string | null {
  // Browsers drop tabs and line breaks inside URLs and ignore leading spaces and controls: read it as they would.
  const href = value
    .replace(/[\t\n\r]/g, '')
    .replace(LEADING_CONTROLS, '')
    .trim();
  if (href.length === 0 || href.length > 2000) return null;
  if (/^mailto:[^\s<>"]+$/i.test(href)) return href;
  try {
    const url = new URL(href);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Attributes of a start tag's source (`name="v" other='w' bare`), names lower-cased, values entity-decoded. */
function attributesOf(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let match: RegExpExecArray | null;
  let count = 0;
  while ((match = pattern.exec(source)) !== null && count < 50) {
    count += 1;
    const name = match[1].toLowerCase();
    if (!out.has(name)) out.set(name, decodeHTMLAttribute(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return out;
}

/**
 * HTML from a long-form variant (a blog article's body), made safe to serve on a public page: one linear scan, an
 * allow-list of text elements (paragraphs, headings, lists, quotes, emphasis, code, links), every attribute dropped
 * but a link's `href` (http, https or mailto) and `title`; scripts, styles, embedded documents and forms dropped
 * with their content; comments dropped; text decoded and escaped again; every element closed. Also answers the
 * plain text (blocks on their own lines) for feeds and mails.
 */
export function sanitizeHtml(input: string): SanitizedHtml {
  const out: string[] = [];
  const text: string[] = [];
  const open: string[] = [];
  let dropUntil: string | null = null;
  let i = 0;
  /** Where the text not yet written starts (a lone `<` stays part of it). */
  let textFrom = 0;
  const n = input.length;
  const pushText = (raw: string) => {
    if (!raw || dropUntil) return;
    const decoded = xmlChars(decodeHTML(raw));
    out.push(escapeHtml(decoded));
    text.push(decoded.replace(/\s+/g, ' '));
  };
  const close = (name: string) => {
    const at = open.lastIndexOf(name);
    if (at < 0) return;
    while (open.length > at) {
      const closing = open.pop() as string;
      out.push(`</${closing}>`);
      if (BLOCKS.has(closing)) text.push('\n');
    }
  };
  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt < 0) break;
    if (input.startsWith('<!--', lt)) {
      pushText(input.slice(textFrom, lt));
      const end = input.indexOf('-->', lt + 4);
      textFrom = i = end < 0 ? n : end + 3;
      continue;
    }
    if (input[lt + 1] === '!' || input[lt + 1] === '?') {
      // A doctype, CDATA or processing instruction: dropped.
      pushText(input.slice(textFrom, lt));
      const end = input.indexOf('>', lt + 2);
      textFrom = i = end < 0 ? n : end + 1;
      continue;
    }
    TAG_START.lastIndex = lt;
    const tag = TAG_START.exec(input);
    if (!tag) {
      // A lone `<` is text: it stays in the text run, written (escaped) with it.
      i = lt + 1;
      continue;
    }
    pushText(input.slice(textFrom, lt));
    // The end of the tag: the first `>` outside a quoted attribute value.
    let j = lt + tag[0].length;
    let quote: string | null = null;
    while (j < n) {
      const c = input[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '>') {
        break;
      }
      j += 1;
    }
    // A tag the input never ends is dropped with what follows it, as a browser does at the end of a document.
    if (j >= n) {
      textFrom = n;
      break;
    }
    const source = input.slice(lt + tag[0].length, j);
    textFrom = i = j + 1;
    const closing = tag[1] === '/';
    const rawName = tag[2].toLowerCase();
    if (dropUntil) {
      if (closing && rawName === dropUntil) dropUntil = null;
      continue;
    }
    if (DROPPED_WITH_CONTENT.has(rawName)) {
      if (!closing && !/\/\s*$/.test(source)) dropUntil = rawName;
      continue;
    }
    const name = RENAMED[rawName] ?? rawName;
    if (!(name in ALLOWED)) continue;
    if (closing) {
      close(name);
      continue;
    }
    if (VOID.has(name)) {
      out.push(`<${name}>`);
      text.push('\n');
      continue;
    }
    if (open.length >= MAX_DEPTH) continue;
    const attributes = attributesOf(source);
    let rendered = `<${name}`;
    if (name === 'a') {
      const href = safeHref(attributes.get('href') ?? '');
      if (href) rendered += ` href="${escapeHtml(href)}" rel="nofollow noopener noreferrer"`;
      const title = attributes.get('title');
      if (title) rendered += ` title="${escapeHtml(xmlChars(title).slice(0, 300))}"`;
    }
    // A paragraph, heading or list item cannot hold another block: the browser would close it anyway.
    if (BLOCKS.has(name) && name !== 'li' && open.length > 0 && ['p', 'h2', 'h3', 'h4'].includes(open[open.length - 1])) {
      close(open[open.length - 1]);
    }
    out.push(`${rendered}>`);
    open.push(name);
  }
  pushText(input.slice(textFrom));
  while (open.length) close(open[open.length - 1]);
  return { html: out.join(''), text: tidyText(text.join('')) };
}

/** Plain text as paragraphs: blank lines separate them, a single line break stays a line break; every character escaped. */
export function textToHtml(input: string): SanitizedHtml {
  const clean = xmlChars(input).replace(/\r\n?/g, '\n');
  const paragraphs = clean
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    html: paragraphs.map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join(''),
    text: paragraphs.join('\n\n'),
  };
}

/** Lines trimmed, runs of blank lines made one, no leading or trailing blank line. */
function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first characters of a text, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
