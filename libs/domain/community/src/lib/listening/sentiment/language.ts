import { capText, nlpResources, normaliseText } from './sentiment-analyser';
import type { SentimentLanguage } from './lexicon';

/**
 * Below this many letters (after links, handles and emoji are removed) a text is too short to
 * tell French from English by trigrams ("ok", "top", "merci !", "lol"): `detectLanguage` says null.
 */
export const MIN_LETTERS = 12;
/**
 * nlp.js scores the best language 1 and the other 1 - (distance gap / text size); the second's
 * score above this means the two are too close to call. Chosen on the labelled sample.
 */
export const MAX_RUNNER_UP_SCORE = 0.97;
/** Trigrams of the first characters are enough; nlp.js itself reads at most 2,048. */
const MAX_DETECTED_CHARS = 1_000;

const NOISE_PATTERN = /\bhttps?:\/\/\S+|[@#][\p{L}\p{N}_.-]*|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu;
const LETTER_PATTERN = /\p{L}/gu;

/**
 * French or English by nlp.js's trigram models (language-min, restricted to 'fra' and 'eng');
 * null when the text is too short or the two languages score too close.
 */
export function detectLanguage(text: string): SentimentLanguage | null {
  const prose = capText(text, MAX_DETECTED_CHARS).replace(NOISE_PATTERN, ' ').replace(/\s+/g, ' ').trim();
  const letters = prose.match(LETTER_PATTERN)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const guesses = nlpResources().language.guess(normaliseText(prose), ['fra', 'eng']);
  const [best, runnerUp] = guesses;
  if (!best || (best.alpha2 !== 'fr' && best.alpha2 !== 'en')) return null;
  if (runnerUp && runnerUp.score > MAX_RUNNER_UP_SCORE) return null;
  return best.alpha2;
}
