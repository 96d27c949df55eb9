import { createHash } from 'node:crypto';
import { badInput, FieldProblem } from '@socle/platform-errors';

/**
 * The portfolio's sorting, filtering and cursors, as data and SQL fragments
 * over the computed row of each organisation (see PortfolioRepository):
 *   name, score (latest finalised assessment), level, trend (score minus the
 *   previous finalised assessment's), finalized_at, assessed_at (the assessment's date), days_since, live_score.
 */
export type PortfolioSortField = 'NAME' | 'SCORE' | 'LEVEL' | 'TREND' | 'DAYS_SINCE_ASSESSMENT' | 'LIVE_SCORE';
export type SortDirection = 'ASC' | 'DESC';

export interface PortfolioSort {
  field: PortfolioSortField;
  direction: SortDirection;
}

export interface PortfolioFilter {
  /** Level of the latest finalised assessment, inclusive bounds; never-assessed organisations are left out. */
  levelMin?: number;
  levelMax?: number;
  /** Score of the latest finalised assessment, strictly below / strictly above; never-assessed organisations are left out. */
  scoreBelow?: number;
  scoreAbove?: number;
  /** Finalised an assessment within the last N days. */
  assessedWithinDays?: number;
  /** No finalised assessment dated in the last N days, never-assessed organisations included. */
  notAssessedForDays?: number;
  /** Part of the organisation's name, case-insensitive. */
  search?: string;
}

export const DEFAULT_SORT: PortfolioSort = { field: 'NAME', direction: 'ASC' };

/**
 * Sort expressions. Missing values (never assessed, no previous assessment to
 * compare with, no live score yet) sort last in both directions — except for
 * the days since the last assessment, where never assessed counts as the
 * longest time (last ascending, first descending: "who waits longest").
 */
const SORT_EXPRESSIONS: Record<PortfolioSortField, string> = {
  NAME: 'lower(r.name)',
  SCORE: 'r.score',
  LEVEL: 'r.level',
  TREND: 'r.trend',
  DAYS_SINCE_ASSESSMENT: 'coalesce(r.days_since, 2147483647)',
  LIVE_SCORE: 'r.live_score',
};

/** ORDER BY of the computed rows (aliased `r`): the field, then name and id so the order is total. */
export function orderBy(sort: PortfolioSort): string {
  const direction = sort.direction === 'DESC' ? 'DESC' : 'ASC';
  const main = `${SORT_EXPRESSIONS[sort.field]} ${direction} NULLS LAST`;
  return sort.field === 'NAME' ? `${main}, r.id ASC` : `${main}, lower(r.name) ASC, r.id ASC`;
}

/** Checks what class-validator cannot see field by field: bounds that contradict each other. */
export function validateFilter(filter: PortfolioFilter, path = 'filter'): void {
  const problems: FieldProblem[] = [];
  if (filter.levelMin !== undefined && filter.levelMax !== undefined && filter.levelMin > filter.levelMax) {
    problems.push({ field: `${path}.levelMin`, message: `must not be above levelMax (${filter.levelMax})` });
  }
  if (filter.scoreBelow !== undefined && filter.scoreAbove !== undefined && filter.scoreAbove >= filter.scoreBelow) {
    problems.push({
      field: `${path}.scoreAbove`,
      message: `must be below scoreBelow (${filter.scoreBelow}): no score is both above and below`,
    });
  }
  if (
    filter.assessedWithinDays !== undefined &&
    filter.notAssessedForDays !== undefined &&
    filter.notAssessedForDays <= filter.assessedWithinDays
  ) {
    problems.push({
      field: `${path}.notAssessedForDays`,
      message: `must be above assessedWithinDays (${filter.assessedWithinDays}): no organisation can match both`,
    });
  }
  if (problems.length > 0) throw badInput(problems);
}

/**
 * WHERE conditions on the computed rows (aliased `r`), appending their values to
 * `params` (numbered after what is already there). The name search is applied
 * earlier, on organizations, and is not part of this.
 */
export function filterConditions(filter: PortfolioFilter, params: unknown[]): string[] {
  const out: string[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.levelMin !== undefined) out.push(`r.level >= ${param(filter.levelMin)}::int`);
  if (filter.levelMax !== undefined) out.push(`r.level <= ${param(filter.levelMax)}::int`);
  if (filter.scoreBelow !== undefined) out.push(`r.score < ${param(filter.scoreBelow)}::numeric`);
  if (filter.scoreAbove !== undefined) out.push(`r.score > ${param(filter.scoreAbove)}::numeric`);
  if (filter.assessedWithinDays !== undefined)
    out.push(`r.assessed_at >= now() - make_interval(days => ${param(filter.assessedWithinDays)}::int)`);
  if (filter.notAssessedForDays !== undefined) {
    out.push(`(r.assessed_at IS NULL OR r.assessed_at < now() - make_interval(days => ${param(filter.notAssessedForDays)}::int))`);
  }
  return out;
}

/**
 * Cursors are offsets: sorting by computed values (scores, trends, days) has no
 * stable key to seek from, and every page computes the whole visible set anyway.
 * A cursor names its position and a fingerprint of the sort and filter it was
 * issued for, so it is refused with another sort or filter. An organisation
 * whose score changes between two pages can move across the page boundary.
 */
export function fingerprint(sort: PortfolioSort, filter: PortfolioFilter): string {
  const canonical = JSON.stringify([
    sort.field,
    sort.direction,
    ...Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeOffsetCursor(offset: number, print: string): string {
  return Buffer.from(JSON.stringify(['pf', offset, print])).toString('base64url');
}

export function decodeOffsetCursor(cursor: string, print: string, field = 'after'): number {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    value[0] !== 'pf' ||
    !Number.isInteger(value[1]) ||
    (value[1] as number) < 1 ||
    (value[1] as number) > 1_000_000 ||
    typeof value[2] !== 'string'
  ) {
    throw badInput(field, 'is not a portfolio cursor returned by this API');
  }
  if (value[2] !== print) throw badInput(field, 'was issued for another sort or filter: ask for the first page again');
  return value[1] as number;
}
