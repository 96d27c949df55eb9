import { Container } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangFr } from '@nlpjs/lang-fr';
import { Language } from '@nlpjs/language-min';
import { CONTRASTS, EMOJI, EMOTICONS, IDIOMS, NEGATORS, SARCASM_MARKERS, WORDS, type SentimentLanguage } from './lexicon';

export type { SentimentLanguage } from './lexicon';
export type SentimentLabel = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

export interface Sentiment {
  /** -1 (most negative) .. 1 (most positive). */
  score: number;
  label: SentimentLabel;
}

export interface SentimentAnalyser {
  /** Synchronous and bounded: only the first `MAX_ANALYSED_CHARS` characters are read. */
  score(text: string, language: SentimentLanguage): Sentiment;
}

/**
 * Mentions are short (300 to 500 characters on Bluesky and Mastodon); an RSS item or a hostile
 * text is read up to this length, so that scoring costs at most a few hundred microseconds.
 */
export const MAX_ANALYSED_CHARS = 2_000;
/** Longer "words" are in no dictionary; they are skipped before the stemmer sees them. */
const MAX_WORD_CHARS = 40;
/** How many words after a negator are negated ("pas vraiment bon", "not very good"). */
export const NEGATION_SCOPE = 3;
/** A negated word counts this much the other way: "not good" is milder than "bad". */
const NEGATION_FACTOR = -0.75;
/**
 * nlp.js's dictionaries give small values to many plain words (English "order" +0.33, "number"
 * -0.375, "comes" +0.875; stop words are skipped): they count for this much, the project's own
 * words (lexicon.ts) fully. The English one is the noisier; weights chosen on the tuning set.
 */
export const DICTIONARY_WEIGHT: Readonly<Record<SentimentLanguage, number>> = { fr: 0.5, en: 0.25 };
/** The clause after "but" / "mais" counts this much more than the others. */
const CONTRAST_WEIGHT = 1.5;
/**
 * Labels from the normalised score, chosen on the tuning set of the labelled sample
 * (./sample): ±0.2 called neutral questions and announcements positive (the
 * dictionaries' small values add up), ±0.4 lost mild praise; ±0.3 was the best of the three.
 */
export const LABEL_THRESHOLDS = { positive: 0.3, negative: -0.3 } as const;
/** Stemmer caches grow with every distinct word: they are dropped after this many words. */
const STEM_CACHE_LIMIT = 50_000;

interface Stemmer {
  stemWord(word: string): string;
  cache: Record<string, string>;
}

interface Stopwords {
  isStopword(word: string): boolean;
}

interface LanguageTables {
  stemmer: Stemmer;
  stopwords: Stopwords;
  dictionary: Readonly<Record<string, number>>;
  dictionaryWeight: number;
  words: Map<string, number>;
  negators: ReadonlySet<string>;
  contrasts: ReadonlySet<string>;
  idioms: ReadonlyMap<string, number>;
  /** First words of the idioms: most words start none, and skip the lookup. */
  idiomStarts: ReadonlySet<string>;
  longestIdiom: number;
  /** Words stemmed since the stemmer's cache was last dropped. */
  stemmed: number;
}

interface NlpResources {
  container: Container;
  language: Language;
  tables: Record<SentimentLanguage, LanguageTables>;
}

let resources: NlpResources | undefined;

/** Accent-free lower case, the form nlp.js's French and English dictionaries are keyed by. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function tables(container: Container, language: SentimentLanguage): LanguageTables {
  const stemmer = container.get(`stemmer-${language}`) as Stemmer;
  const source = container.get(`sentiment-${language}`) as { pattern?: Record<string, number>; senticon?: Record<string, number> };
  const dictionary = source.pattern ?? source.senticon ?? {};
  const words = new Map<string, number>();
  for (const [word, value] of Object.entries(WORDS[language])) {
    const normalised = normaliseText(word);
    words.set(normalised, value);
    words.set(stemmer.stemWord(normalised), value);
  }
  const idioms = new Map(Object.entries(IDIOMS[language]));
  return {
    stemmer,
    stopwords: container.get(`stopwords-${language}`) as Stopwords,
    dictionary,
    dictionaryWeight: DICTIONARY_WEIGHT[language],
    words,
    negators: new Set(NEGATORS[language]),
    contrasts: new Set(CONTRASTS[language]),
    idioms,
    idiomStarts: new Set([...idioms.keys()].map((idiom) => idiom.split(' ')[0])),
    longestIdiom: Math.max(...[...idioms.keys()].map((idiom) => idiom.split(' ').length)),
    stemmed: 0,
  };
}

/** nlp.js's containers, dictionaries and trigram models, loaded once per process. */
export function nlpResources(): NlpResources {
  if (!resources) {
    const container = new Container();
    // The French and English plugins add their trigram models to the registered `Language`.
    container.register('Language', Language, false);
    container.use(LangFr);
    container.use(LangEn);
    const language = container.get('Language') as Language;
    resources = { container, language, tables: { fr: tables(container, 'fr'), en: tables(container, 'en') } };
  }
  return resources;
}

/** Cuts at most `max` UTF-16 units without leaving half a surrogate pair at the end. */
export function capText(text: string, max = MAX_ANALYSED_CHARS): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

const EMOJI_PATTERN = /\p{Extended_Pictographic}/gu;
const EMOTICON_PATTERN = /(?<![\w/])(?:>:\(|:'\(|:-?[()DP/]|;-?\)|<3)(?![\w/])/g;
const URL_PATTERN = /\bhttps?:\/\/\S+/gi;
const CLAUSE_PATTERN = /[.!?;:,\n()[\]"«»…]+/;
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

function scoreSymbols(text: string): number {
  let total = 0;
  for (const match of text.matchAll(EMOJI_PATTERN)) total += EMOJI[match[0]] ?? 0;
  for (const match of text.matchAll(EMOTICON_PATTERN)) total += EMOTICONS[match[0]] ?? 0;
  return total;
}

/** English contractions to the words the negation list knows ("don't" → "do not"). */
function expandContractions(text: string): string {
  return text
    .replace(/\bcan[’']t\b/g, 'can not')
    .replace(/\bwon[’']t\b/g, 'will not')
    .replace(/n[’']t\b/g, ' not')
    .replace(/\bcannot\b/g, 'can not');
}

function wordValue(table: LanguageTables, word: string): number {
  const own = table.words.get(word);
  if (own !== undefined) return own;
  if (word.length > MAX_WORD_CHARS || table.stopwords.isStopword(word)) return 0;
  if (++table.stemmed > STEM_CACHE_LIMIT) {
    table.stemmer.cache = {};
    table.stemmed = 0;
  }
  const stem = table.stemmer.stemWord(word);
  return table.words.get(stem) ?? table.dictionaryWeight * (table.dictionary[stem] ?? 0);
}

function scoreClause(table: LanguageTables, words: readonly string[]): number {
  let total = 0;
  let negatedUntil = -1;
  for (let i = 0; i < words.length; i++) {
    let idiomValue: number | undefined;
    let idiomLength = 0;
    const longest = table.idiomStarts.has(words[i]) ? Math.min(table.longestIdiom, words.length - i) : 0;
    for (let length = longest; length >= 2; length--) {
      const value = table.idioms.get(words.slice(i, i + length).join(' '));
      if (value !== undefined) {
        idiomValue = value;
        idiomLength = length;
        break;
      }
    }
    if (idiomValue !== undefined) {
      total += idiomValue;
      i += idiomLength - 1;
      continue;
    }
    const word = words[i];
    if (table.negators.has(word)) {
      negatedUntil = i + NEGATION_SCOPE;
      continue;
    }
    const value = wordValue(table, word);
    total += i <= negatedUntil ? NEGATION_FACTOR * value : value;
  }
  return total;
}

/** Sum of word, idiom and emoji values, before normalisation. */
export function rawScore(text: string, language: SentimentLanguage): number {
  const table = nlpResources().tables[language];
  const capped = capText(text);
  let wordsTotal = 0;
  let prose = normaliseText(capped.replace(URL_PATTERN, ' ').replace(EMOTICON_PATTERN, ' '));
  if (language === 'en') prose = expandContractions(prose);
  for (const clause of prose.split(CLAUSE_PATTERN)) {
    const words = clause.match(WORD_PATTERN) ?? [];
    const contrast = words.findIndex((word) => table.contrasts.has(word));
    if (contrast < 0) {
      wordsTotal += scoreClause(table, words);
    } else {
      wordsTotal += scoreClause(table, words.slice(0, contrast)) + CONTRAST_WEIGHT * scoreClause(table, words.slice(contrast + 1));
    }
  }
  const sarcastic = wordsTotal > 0 && SARCASM_MARKERS.some((marker) => capped.includes(marker));
  return scoreSymbols(capped) + (sarcastic ? -wordsTotal : wordsTotal);
}

/** -1..1 with the sign of the raw sum: one clear word gives about ±0.6, three about ±0.9. */
export function normaliseScore(raw: number): number {
  return raw / Math.sqrt(raw * raw + 0.5);
}

export function labelOf(score: number): SentimentLabel {
  if (score >= LABEL_THRESHOLDS.positive) return 'POSITIVE';
  if (score <= LABEL_THRESHOLDS.negative) return 'NEGATIVE';
  return 'NEUTRAL';
}

class LexiconSentimentAnalyser implements SentimentAnalyser {
  score(text: string, language: SentimentLanguage): Sentiment {
    const score = Math.round(normaliseScore(rawScore(text, language)) * 1000) / 1000;
    return { score, label: labelOf(score) };
  }
}

/**
 * Loads nlp.js once (French and English stemmers, dictionaries, trigram models). Scoring is
 * synchronous; the promise is kept so that a model loaded from disk could replace it.
 */
export async function createSentimentAnalyser(): Promise<SentimentAnalyser> {
  nlpResources();
  return new LexiconSentimentAnalyser();
}
