/**
 * The severity of an inbox item when it arrives, from what the platform knows
 * then: the text's sentiment (the listening enricher's, French and English),
 * complaint and legal words, the author's tags and whether the organisation is
 * in a crisis (an unresolved alert). Pure: the fetch job gathers the signals,
 * this decides. The severity picks the comment-handling rule, hence the due
 * time and the responsible role; the reason is stored with the item.
 */
import type { CommentSeverity } from '@socle/policies';
import type { SentimentLabel } from '../listening/sentiment';

/** Why an item got its severity (`InboxItem.severityReason`). */
export const SEVERITY_REASONS = {
  crisisAlert: 'CRISIS_ALERT',
  /** Publishing is paused for a crisis (with no alert open). */
  crisisPause: 'CRISIS_PAUSE',
  negative: 'NEGATIVE',
  positive: 'POSITIVE',
  /** Followed by `:` and the word as written (lower case, without accents). */
  escalationWord: 'ESCALATION_WORD',
  /** Followed by `:` and the tag (DETRACTOR or INFLUENCER). */
  authorTag: 'AUTHOR_TAG',
  /** Set by a member with `setInboxItemSeverity`. */
  manual: 'MANUAL',
} as const;

export interface SeveritySignals {
  text: string;
  /** NEGATIVE, NEUTRAL, POSITIVE, or null when the text could not be scored (another language). */
  sentiment: SentimentLabel | null;
  /** The organisation has an unresolved (OPEN or ACKNOWLEDGED) crisis alert. */
  crisisAlertOpen: boolean;
  /** The organisation's publishing is paused for a crisis (seed 001: natural disasters), alert or not. */
  crisisPauseOn?: boolean;
  /** The author's tags in the organisation (INFLUENCER, AMBASSADOR, DETRACTOR). */
  authorTags: readonly string[];
}

export interface SeverityClassification {
  severity: CommentSeverity;
  /** Null for NORMAL: nothing stood out. */
  reason: string | null;
}

/** Author tags that call for a faster answer: a detractor's comment spreads, an influencer's is read widely. */
export const ESCALATING_AUTHOR_TAGS = ['DETRACTOR', 'INFLUENCER'] as const;

/**
 * Complaint, legal and safety words, French and English, written without
 * accents in lower case. A trailing `*` matches any word starting so
 * ("rembours*": rembourser, remboursement, remboursez); others are whole words,
 * or phrases of whole words. Negation does not cancel them: "pas remboursé" and
 * "no refund" are complaints too.
 */
export const ESCALATION_WORDS: readonly string[] = [
  // French
  'arnaqu*',
  'escroc*',
  'escroqu*',
  'rembours*',
  'avocat*',
  'plainte*',
  'tribunal',
  'tribunaux',
  'proces',
  'litige*',
  'mise en demeure',
  'poursuites',
  'poursuivre en justice',
  'que choisir',
  'dgccrf',
  'diffamation*',
  'diffamatoire*',
  'discrimin*',
  'harcel*',
  'intoxication*',
  'intoxique*',
  'dangereu*',
  'voleur*',
  'voleuse*',
  // English
  // Not 'scam*': scampi.
  'scam',
  'scams',
  'scammed',
  'scammer',
  'scammers',
  'scamming',
  'fraud*',
  'refund*',
  'lawyer*',
  'attorney*',
  'lawsuit*',
  'sue',
  'suing',
  'legal action',
  'class action',
  'small claims',
  'chargeback*',
  'trading standards',
  'food poisoning',
  'poisoned',
  'unsafe',
  'dangerous',
  'harass*',
  'defamat*',
  'discriminat*',
  'ripoff',
  'ripped off',
  'rip off',
  'thief',
  'thieves',
];

/** At most this much of a text is read for words (an item may hold 100,000 characters). */
const MAX_SCANNED_CHARS = 20_000;
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

interface CompiledWord {
  words: string[];
  prefix: boolean;
}

function compile(list: readonly string[]): CompiledWord[] {
  return list
    .map((entry) => {
      const prefix = entry.endsWith('*');
      const words = plainWords(prefix ? entry.slice(0, -1) : entry);
      return { words, prefix };
    })
    .filter((entry) => entry.words.length > 0);
}

const COMPILED = new WeakMap<readonly string[], CompiledWord[]>();

/** Lower case, accents removed, split into words (letters and digits). */
export function plainWords(text: string): string[] {
  return (
    text
      .slice(0, MAX_SCANNED_CHARS)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(WORD_PATTERN) ?? []
  );
}

/** The first escalation word of the text, as written there (lower case, without accents); null when none. */
export function findEscalationWord(text: string, list: readonly string[] = ESCALATION_WORDS): string | null {
  let compiled = COMPILED.get(list);
  if (!compiled) {
    compiled = compile(list);
    COMPILED.set(list, compiled);
  }
  const words = plainWords(text);
  for (let i = 0; i < words.length; i++) {
    for (const entry of compiled) {
      const last = entry.words.length - 1;
      if (i + last >= words.length) continue;
      let matched = true;
      for (let k = 0; k <= last && matched; k++) {
        const word = words[i + k];
        matched = k === last && entry.prefix ? word.startsWith(entry.words[k]) : word === entry.words[k];
      }
      if (matched)
        return words
          .slice(i, i + last + 1)
          .join(' ')
          .slice(0, 100);
    }
  }
  return null;
}

const QUESTION_MARKS = /[?？¿⸮]/;
/** Questions asked without a question mark, as people write on networks ("comment on fait pour…", "how do I…"). */
const QUESTION_STARTS = new Set([
  'comment',
  'pourquoi',
  'quand',
  'combien',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'est ce',
  'pouvez vous',
  'peut on',
  'how',
  'why',
  'when',
  'where',
  'what',
  'which',
  'who',
  'can you',
  'could you',
  'do you',
  'does',
  'is it',
  'are you',
]);

/** Whether the text asks something: a question mark, "est-ce que", or a sentence opening with a question word. */
export function asksQuestion(text: string): boolean {
  const scanned = text.slice(0, MAX_SCANNED_CHARS);
  if (QUESTION_MARKS.test(scanned)) return true;
  for (const sentence of scanned.replace(/(^|\s)[@#][^\s]*/gu, ' ').split(/[.!\n;:…]+/)) {
    const words = plainWords(sentence);
    if (words.length === 0) continue;
    if (QUESTION_STARTS.has(words[0]) || QUESTION_STARTS.has(`${words[0]} ${words[1] ?? ''}`)) return true;
    if (words.join(' ').includes('est ce que')) return true;
  }
  return false;
}

/**
 * The severity of a new item:
 * - CRISIS while the organisation has an unresolved crisis alert, or has paused
 *   publishing for a crisis, and the item is negative (its sentiment, or a
 *   complaint word);
 * - HIGH for a complaint or legal word, an author tagged DETRACTOR or INFLUENCER,
 *   or a negative sentiment (in that order for the reason);
 * - LOW for a positive item that asks nothing;
 * - NORMAL otherwise.
 */
export function classifySeverity(signals: SeveritySignals, words: readonly string[] = ESCALATION_WORDS): SeverityClassification {
  const word = findEscalationWord(signals.text, words);
  const negative = signals.sentiment === 'NEGATIVE';
  if ((signals.crisisAlertOpen || signals.crisisPauseOn) && (negative || word !== null)) {
    return { severity: 'CRISIS', reason: signals.crisisAlertOpen ? SEVERITY_REASONS.crisisAlert : SEVERITY_REASONS.crisisPause };
  }
  if (word !== null) return { severity: 'HIGH', reason: `${SEVERITY_REASONS.escalationWord}:${word}` };
  const tag = ESCALATING_AUTHOR_TAGS.find((t) => signals.authorTags.includes(t));
  if (tag) return { severity: 'HIGH', reason: `${SEVERITY_REASONS.authorTag}:${tag}` };
  if (negative) return { severity: 'HIGH', reason: SEVERITY_REASONS.negative };
  if (signals.sentiment === 'POSITIVE' && !asksQuestion(signals.text)) return { severity: 'LOW', reason: SEVERITY_REASONS.positive };
  return { severity: 'NORMAL', reason: null };
}

/** What the listening enricher says of a text (its `enrich`). */
export type EnrichText = (
  text: string,
  language: string | null | undefined,
) => Promise<{ language: string | null; sentimentLabel: SentimentLabel | null }>;

/**
 * The sentiment of an item's text. The enricher's when it could tell the
 * language; a text too short for that ("c'est nul", "😡😡", "top 👍") is read as
 * French and as English and the two readings combined: the same label, or the
 * one that is not NEUTRAL; NEUTRAL when they disagree. A text in another
 * language stays unscored (null).
 */
export async function itemSentiment(
  text: string,
  networkLanguage: string | null | undefined,
  enrich: EnrichText,
): Promise<SentimentLabel | null> {
  const first = await enrich(text, networkLanguage);
  if (first.sentimentLabel !== null || first.language !== null) return first.sentimentLabel;
  const [fr, en] = await Promise.all([enrich(text, 'fr'), enrich(text, 'en')]);
  return combineReadings(fr.sentimentLabel, en.sentimentLabel);
}

export function combineReadings(a: SentimentLabel | null, b: SentimentLabel | null): SentimentLabel | null {
  if (a === null || b === null) return a ?? b;
  if (a === b) return a;
  if (a === 'NEUTRAL') return b;
  if (b === 'NEUTRAL') return a;
  return 'NEUTRAL';
}
