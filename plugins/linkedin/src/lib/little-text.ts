/**
 * LinkedIn's "little" text format, in which a post's `commentary` and a comment's text are written:
 * reserved characters must be escaped with a backslash or LinkedIn cuts the text at them, and a
 * hashtag is written with the HashtagTemplate `{hashtag|#|word}`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format
 */

const RESERVED = new Set(['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~']);
/** A hashtag's word, read in place (sticky) and bounded: no copy of the text per `#`. */
const HASHTAG_WORD = /[\p{L}\p{N}]{1,200}/uy;
/**
 * What `fromLittleText` turns back into plain text: an escape, a hashtag template, a mention
 * `@[Name](urn)`. Every part is bounded and none can overlap another, so matching is linear.
 */
const LITTLE_ELEMENT = /\\([\s\S])|\{hashtag\|[#\uFF03]\|([^{}|]{1,200})\}|@\[([^\][]{0,300})\]\([^()\s]{1,300}\)/g;

/** Plain text to little: reserved characters escaped, `#word` after a space (or at the start) kept as a hashtag. */
export function toLittleText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (!RESERVED.has(char)) continue;
    out += text.slice(from, i);
    from = i + 1;
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      HASHTAG_WORD.lastIndex = i + 1;
      const word = HASHTAG_WORD.exec(text)?.[0];
      if (word) {
        out += `{hashtag|#|${word}}`;
        i += word.length;
        from = i + 1;
        continue;
      }
    }
    out += `\\${char}`;
  }
  return out + text.slice(from);
}

/**
 * Little text to plain text: hashtag templates become `#word`, mentions `@[Name](urn)` become
 * `@Name`, escapes are dropped. Anything it does not recognise is kept as it is.
 */
export function fromLittleText(little: string): string {
  return little.replace(LITTLE_ELEMENT, (_match, escaped?: string, hashtag?: string, name?: string) =>
    escaped !== undefined ? escaped : hashtag !== undefined ? `#${hashtag}` : `@${name ?? ''}`,
  );
}
