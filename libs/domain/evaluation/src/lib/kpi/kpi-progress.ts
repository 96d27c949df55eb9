/**
 * KPI progress, the arithmetic: the periods of a KPI's frequency, the share of
 * the way from the baseline to the target, and whether a period is on track.
 * Pure functions, so the rules are tested without a database.
 */

export type KpiFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

export type KpiMeasure =
  | 'FOLLOWERS'
  | 'POSTS_PUBLISHED'
  | 'ENGAGEMENT'
  | 'ENGAGEMENT_RATE'
  | 'MENTIONS'
  | 'NEGATIVE_MENTION_SHARE'
  | 'FIRST_RESPONSE_MINUTES'
  | 'SHARE_OF_VOICE'
  /** Read from the values people record (by hand or from a CSV file) only. */
  | 'MANUAL';

/** Measures whose value is a level reached (read at the period's end); the others are what happened within the period. */
export const LEVEL_MEASURES: readonly KpiMeasure[] = ['FOLLOWERS'];
/** Measures where less is better when nothing else says which way is better. */
export const LOWER_IS_BETTER: readonly KpiMeasure[] = ['NEGATIVE_MENTION_SHARE', 'FIRST_RESPONSE_MINUTES'];

/** Periods one answer may hold (a year and a month of days). */
export const MAX_KPI_PERIODS = 400;

export interface Period {
  /** Start of the period, or `from` when the period began before it. */
  start: Date;
  /** End (excluded), or `to` when the period ends after it. */
  end: Date;
}

/** Midnight UTC of a day (months and days may overflow); unlike Date.UTC, years 0–99 stay themselves. */
function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}

/** The UTC calendar period holding `at` (weeks start on Monday, quarters in January, April, July, October). */
function periodStart(at: Date, frequency: KpiFrequency): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (frequency) {
    case 'DAILY':
      return utc(y, m, d);
    case 'WEEKLY': {
      const day = (at.getUTCDay() + 6) % 7; // Monday 0
      return utc(y, m, d - day);
    }
    case 'MONTHLY':
      return utc(y, m, 1);
    case 'QUARTERLY':
      return utc(y, m - (m % 3), 1);
    case 'YEARLY':
      return utc(y, 0, 1);
  }
}

function nextStart(start: Date, frequency: KpiFrequency): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (frequency) {
    case 'DAILY':
      return utc(y, m, d + 1);
    case 'WEEKLY':
      return utc(y, m, d + 7);
    case 'MONTHLY':
      return utc(y, m + 1, 1);
    case 'QUARTERLY':
      return utc(y, m + 3, 1);
    case 'YEARLY':
      return utc(y + 1, 0, 1);
  }
}

/** The periods of `frequency` between `from` and `to` (excluded), the first and last cut at them; null past `max`. */
export function periodsBetween(from: Date, to: Date, frequency: KpiFrequency, max = MAX_KPI_PERIODS): Period[] | null {
  const periods: Period[] = [];
  for (let start = periodStart(from, frequency); start < to; start = nextStart(start, frequency)) {
    if (periods.length === max) return null;
    const end = nextStart(start, frequency);
    periods.push({ start: start < from ? from : start, end: end > to ? to : end });
  }
  return periods;
}

/** Is more better? From the baseline and the target when they differ, else from the measure. */
export function higherIsBetter(measure: KpiMeasure, baseline: number | null, target: number): boolean {
  if (baseline !== null && baseline !== target) return target > baseline;
  return !LOWER_IS_BETTER.includes(measure);
}

/**
 * The share of the way from the baseline to the target (0 at the baseline, 1 at the
 * target, beyond 1 past it, negative when going the wrong way); without a baseline,
 * the share of the target itself (only meaningful when more is better). Null when
 * it cannot be said (no value, or a target equal to the baseline).
 */
export function shareOfTheWay(value: number | null, baseline: number | null, target: number): number | null {
  if (value === null) return null;
  if (baseline !== null) return target === baseline ? null : (value - baseline) / (target - baseline);
  return target === 0 ? null : value / target;
}

export interface OnTrackInput {
  measure: KpiMeasure;
  value: number | null;
  baseline: number | null;
  target: number;
  /** When the objective started (its creation) and is due: a level is expected to move linearly between them. */
  objectiveStart: Date;
  objectiveDeadline: Date;
  periodEnd: Date;
}

/**
 * On track, for a level (followers): at least the share of the way the time elapsed
 * by the period's end asks for, the way drawn straight from the baseline at the
 * objective's start to the target at its deadline. For what happens within a period
 * (posts, engagement, mentions, response time…): the period reached its target,
 * in the better direction. Null when there is no value to judge.
 */
export function onTrack(input: OnTrackInput): boolean | null {
  const { measure, value, baseline, target } = input;
  if (value === null) return null;
  const higher = higherIsBetter(measure, baseline, target);
  if (LEVEL_MEASURES.includes(measure) && baseline !== null && baseline !== target) {
    const span = input.objectiveDeadline.getTime() - input.objectiveStart.getTime();
    const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (input.periodEnd.getTime() - input.objectiveStart.getTime()) / span));
    const share = shareOfTheWay(value, baseline, target) as number;
    return share >= elapsed;
  }
  return higher ? value >= target : value <= target;
}
