import { badInput } from '@socle/platform-errors';
import { foldText } from '../query';

/** Bounds of a search text: beyond them a search is refused, not truncated. */
export const SEARCH_TEXT_LIMITS = { maxLength: 500, maxWords: 32 } as const;

/** Letters and digits after folding: every other character separates words, as in the index (socle_mention_search_vector). */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A search text as a PostgreSQL tsquery over the folded word index:
 * - words are ANDed, in any order (`vélo paris`);
 * - words written together with punctuation must follow each other (`l'égalité`, `vélo-cargo`, `socle.fr`);
 * - "a phrase" in double quotes: its words in that order;
 * - a trailing `*` makes the last word a prefix (`boulang*`).
 * Folding is the listening matcher's (case, accents). Each lexeme is quoted and made of letters and digits only,
 * so nothing the caller types reaches tsquery syntax. A text with no word at all is refused.
 */
export function toSearchQuery(text: string, field = 'text'): string {
  if (text.length > SEARCH_TEXT_LIMITS.maxLength) throw badInput(field, `must be at most ${SEARCH_TEXT_LIMITS.maxLength} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw badInput(field, 'must not contain control characters');
  const groups: string[] = [];
  let words = 0;
  const segments = foldText(text).split('"');
  segments.forEach((segment, index) => {
    // Odd segments were between double quotes: one phrase. An unclosed quote runs to the end.
    const chunks = index % 2 === 1 ? [segment] : segment.split(/\s+/);
    for (const chunk of chunks) {
      const lexemes = chunk.match(WORD);
      if (!lexemes) continue;
      words += lexemes.length;
      const prefix = index % 2 === 0 && /\*\s*$/.test(chunk);
      const parts = lexemes.map((w, k) => `'${w}'${prefix && k === lexemes.length - 1 ? ':*' : ''}`);
      groups.push(parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`);
    }
  });
  if (words === 0) throw badInput(field, 'must contain at least one word (letters or digits)');
  if (words > SEARCH_TEXT_LIMITS.maxWords) throw badInput(field, `must contain at most ${SEARCH_TEXT_LIMITS.maxWords} words`);
  return groups.join(' & ');
}
