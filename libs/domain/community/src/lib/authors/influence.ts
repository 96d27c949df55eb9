/**
 * The influence of a mention author over a window, and the tags suggested for
 * it. Pure functions: the ranking statement computes the same score in SQL
 * (INFLUENCE_SCORE_SQL), and the end-to-end test checks both agree.
 */

export type AuthorTag = 'INFLUENCER' | 'AMBASSADOR' | 'DETRACTOR';
export const AUTHOR_TAGS: readonly AuthorTag[] = ['AMBASSADOR', 'DETRACTOR', 'INFLUENCER'];
export type SentimentLeaning = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

/** What the mentions of a window say about one author. */
export interface AuthorFigures {
  mentions: number;
  /** Mean sentiment score (-1 to 1) of the scored mentions; null when none was scored. */
  averageSentiment: number | null;
  positive: number;
  negative: number;
  /** The largest audience the networks reported for the author; null when none did. */
  reach: number | null;
}

/** An average at or above this leans positive, at or below its opposite negative. */
export const LEANING_THRESHOLD = 0.25;
/** Reach from which an author counts as having a large audience (INFLUENCER suggestion). */
export const HIGH_REACH = 10_000;
/** Positive mentions from which a positive author is a recurring supporter (AMBASSADOR suggestion). */
export const AMBASSADOR_MIN_POSITIVE = 3;
/** A DETRACTOR is suggested for an average at or below this, over at least DETRACTOR_MIN_NEGATIVE negative mentions. */
export const DETRACTOR_MAX_AVERAGE = -0.4;
export const DETRACTOR_MIN_NEGATIVE = 3;

/**
 * Influence from 0 to 100, rounded to two decimals:
 *
 *   100 × (0.5 × reach + 0.3 × frequency + 0.2 × intensity)
 *   reach     = min(1, log10(1 + reach) / 7)          the followers read last; 10 million or more: 1; unknown: 0
 *   frequency = min(1, log10(1 + mentions) / 2)       99 mentions or more in the window: 1
 *   intensity = |average sentiment|                   how strongly the author feels, either way; unscored: 0
 *
 * Logarithms because audiences and volumes span orders of magnitude: 1,000
 * followers is not a tenth of 10,000 in what it brings. Reach weighs most (it
 * is what an agency buys or fears), then frequency (a recurring voice), then
 * intensity: a loud detractor ranks as high as a loud supporter, the tag and
 * the leaning tell them apart.
 */
export function influenceScore(f: Pick<AuthorFigures, 'mentions' | 'averageSentiment' | 'reach'>): number {
  const reach = Math.min(1, Math.log10(1 + Math.max(0, f.reach ?? 0)) / 7);
  const frequency = Math.min(1, Math.log10(1 + Math.max(0, f.mentions)) / 2);
  const intensity = Math.min(1, Math.abs(f.averageSentiment ?? 0));
  return Math.round(100 * (0.5 * reach + 0.3 * frequency + 0.2 * intensity) * 100) / 100;
}

/**
 * The same formula over the columns of the ranking statement (`reach`,
 * `mentions`, `average_sentiment`), as numeric rounded half away from zero,
 * which for a non-negative score is Math.round's rounding.
 */
export const INFLUENCE_SCORE_SQL = `round((100 * (
    0.5 * least(1, log(1 + greatest(0, coalesce(reach, 0))::float8) / 7)
  + 0.3 * least(1, log(1 + mentions::float8) / 2)
  + 0.2 * least(1, abs(coalesce(average_sentiment, 0)))))::numeric, 2)`;

/** Where the author leans: by the average of its scored mentions; NEUTRAL when none was scored. */
export function sentimentLeaning(averageSentiment: number | null): SentimentLeaning {
  if (averageSentiment === null) return 'NEUTRAL';
  if (averageSentiment >= LEANING_THRESHOLD) return 'POSITIVE';
  if (averageSentiment <= -LEANING_THRESHOLD) return 'NEGATIVE';
  return 'NEUTRAL';
}

export const LEANING_SQL = `CASE WHEN average_sentiment >= ${LEANING_THRESHOLD} THEN 'POSITIVE'
  WHEN average_sentiment <= -${LEANING_THRESHOLD} THEN 'NEGATIVE' ELSE 'NEUTRAL' END`;

/**
 * Tags worth considering for an author, minus those it has: suggestions only,
 * never applied (a person decides who speaks for the brand).
 *
 * - INFLUENCER: a large audience (HIGH_REACH) that does not lean negative.
 * - AMBASSADOR: leans positive, and either recurs (AMBASSADOR_MIN_POSITIVE
 *   positive mentions) or has a large audience.
 * - DETRACTOR: strongly negative on average (DETRACTOR_MAX_AVERAGE) and
 *   recurring (DETRACTOR_MIN_NEGATIVE negative mentions): one angry post is
 *   a customer-care matter, not a detractor.
 */
export function suggestedTags(f: AuthorFigures, applied: readonly AuthorTag[] = []): AuthorTag[] {
  const leaning = sentimentLeaning(f.averageSentiment);
  const highReach = (f.reach ?? 0) >= HIGH_REACH;
  const suggested: AuthorTag[] = [];
  if (leaning === 'POSITIVE' && (f.positive >= AMBASSADOR_MIN_POSITIVE || highReach)) suggested.push('AMBASSADOR');
  if (f.averageSentiment !== null && f.averageSentiment <= DETRACTOR_MAX_AVERAGE && f.negative >= DETRACTOR_MIN_NEGATIVE)
    suggested.push('DETRACTOR');
  if (highReach && leaning !== 'NEGATIVE') suggested.push('INFLUENCER');
  return suggested.filter((tag) => !applied.includes(tag));
}
