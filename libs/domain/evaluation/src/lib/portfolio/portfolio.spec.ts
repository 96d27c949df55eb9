import { DomainError } from '@socle/platform-errors';
import type { MaturityModelContent } from '../model/model-content';
import { DEFAULT_MATURITY_MODEL } from '../model/default-model';
import {
  decodeOffsetCursor,
  encodeOffsetCursor,
  filterConditions,
  fingerprint,
  orderBy,
  PortfolioFilter,
  validateFilter,
} from './portfolio-query';
import { buildComparison, buildRadar } from './radar';
import type { AssessmentBasis, LiveBasis } from './portfolio.repository';

function problemsOf(fn: () => void): { field: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).problems as { field: string; message: string }[];
  }
  throw new Error('expected a BAD_USER_INPUT');
}

describe('portfolio sorting', () => {
  it('sorts missing values last both ways, then by name and id for a total order', () => {
    expect(orderBy({ field: 'SCORE', direction: 'DESC' })).toBe('r.score DESC NULLS LAST, lower(r.name) ASC, r.id ASC');
    expect(orderBy({ field: 'TREND', direction: 'ASC' })).toBe('r.trend ASC NULLS LAST, lower(r.name) ASC, r.id ASC');
    expect(orderBy({ field: 'NAME', direction: 'DESC' })).toBe('lower(r.name) DESC NULLS LAST, r.id ASC');
    expect(orderBy({ field: 'LIVE_SCORE', direction: 'ASC' })).toMatch(/^r\.live_score ASC/);
    expect(orderBy({ field: 'LEVEL', direction: 'ASC' })).toMatch(/^r\.level ASC/);
  });

  it('counts never assessed as the longest wait when sorting by days since the last assessment', () => {
    expect(orderBy({ field: 'DAYS_SINCE_ASSESSMENT', direction: 'DESC' })).toMatch(/^coalesce\(r\.days_since, 2147483647\) DESC/);
  });

  it('never lets a direction reach the SQL unchecked', () => {
    expect(orderBy({ field: 'SCORE', direction: 'DESC; DROP TABLE x' as 'DESC' })).toMatch(/^r\.score ASC/);
  });
});

describe('portfolio filters', () => {
  it('turns each filter into a parameterised condition, numbered after the existing parameters', () => {
    const params: unknown[] = ['agency', null, null, null];
    const filter: PortfolioFilter = {
      levelMin: 2,
      levelMax: 4,
      scoreBelow: 70,
      scoreAbove: 10.5,
      assessedWithinDays: 30,
      notAssessedForDays: 60,
    };
    expect(filterConditions(filter, params)).toEqual([
      'r.level >= $5::int',
      'r.level <= $6::int',
      'r.score < $7::numeric',
      'r.score > $8::numeric',
      'r.assessed_at >= now() - make_interval(days => $9::int)',
      '(r.assessed_at IS NULL OR r.assessed_at < now() - make_interval(days => $10::int))',
    ]);
    expect(params.slice(4)).toEqual([2, 4, 70, 10.5, 30, 60]);
    expect(filterConditions({}, [])).toEqual([]);
  });

  it('refuses contradictory bounds, naming the field', () => {
    expect(problemsOf(() => validateFilter({ levelMin: 4, levelMax: 2 }))).toEqual([
      { field: 'filter.levelMin', message: 'must not be above levelMax (2)' },
    ]);
    expect(problemsOf(() => validateFilter({ scoreAbove: 60, scoreBelow: 60 }))[0].field).toBe('filter.scoreAbove');
    expect(problemsOf(() => validateFilter({ assessedWithinDays: 30, notAssessedForDays: 30 }))[0].field).toBe('filter.notAssessedForDays');
    expect(problemsOf(() => validateFilter({ levelMin: 5, levelMax: 1, scoreAbove: 90, scoreBelow: 10 }))).toHaveLength(2);
    expect(() =>
      validateFilter({ levelMin: 2, levelMax: 2, scoreAbove: 10, scoreBelow: 11, assessedWithinDays: 10, notAssessedForDays: 11 }),
    ).not.toThrow();
  });
});

describe('portfolio cursors', () => {
  const print = fingerprint({ field: 'SCORE', direction: 'DESC' }, { levelMin: 2 });

  it('round-trip an offset, opaque to clients', () => {
    const cursor = encodeOffsetCursor(40, print);
    expect(cursor).not.toMatch(/40/);
    expect(decodeOffsetCursor(cursor, print)).toBe(40);
  });

  it('are refused with another sort or filter, and when forged', () => {
    const cursor = encodeOffsetCursor(20, print);
    expect(
      problemsOf(() => decodeOffsetCursor(cursor, fingerprint({ field: 'SCORE', direction: 'ASC' }, { levelMin: 2 })))[0].message,
    ).toMatch(/another sort or filter/);
    expect(problemsOf(() => decodeOffsetCursor(cursor, fingerprint({ field: 'SCORE', direction: 'DESC' }, { levelMin: 3 })))[0].field).toBe(
      'after',
    );
    for (const forged of [
      'nope',
      Buffer.from('["pf",-1,"x"]').toString('base64url'),
      Buffer.from('["pf",1.5,"x"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
    ]) {
      expect(problemsOf(() => decodeOffsetCursor(forged, print))[0].message).toMatch(/not a portfolio cursor/);
    }
  });

  it('fingerprint the filter whatever the order of its fields', () => {
    expect(fingerprint({ field: 'NAME', direction: 'ASC' }, { levelMin: 1, search: 'a' })).toBe(
      fingerprint({ field: 'NAME', direction: 'ASC' }, { search: 'a', levelMin: 1 }),
    );
  });
});

describe('radar and comparison', () => {
  const t = (s: string) => ({ en: s, fr: `${s}-fr` });
  const content: MaturityModelContent = {
    name: t('M'),
    description: t(''),
    levels: [1, 2, 3].map((n) => ({ number: n, name: t(`L${n}`), description: t(''), minScore: (n - 1) * 30 })),
    dimensions: ['b', 'a'].map((key) => ({ key, title: t(key.toUpperCase()), description: t(''), weight: 1, criteria: [] })),
  };
  const assessment: AssessmentBasis = {
    assessmentId: 'x',
    assessedAt: new Date('2026-01-01T00:00:00Z'),
    modelAgencyId: 'agency',
    modelId: 'm1',
    modelVersion: 2,
    overallScore: 50,
    level: 2,
    dimensionScores: { a: 40, b: 60 },
    content,
  };
  const live: LiveBasis = {
    computedAt: new Date('2026-02-01T02:00:00Z'),
    modelAgencyId: null,
    modelId: 'default',
    modelVersion: 1,
    overallScore: 12.5,
    level: 1,
    dimensionScores: Object.fromEntries(DEFAULT_MATURITY_MODEL.dimensions.map((d, i) => [d.key, i * 10])),
    content: null,
  };

  it('shows the latest assessment by default, axes in model order and in the asked language', () => {
    const radar = buildRadar('org', { assessment, live }, 'fr');
    expect(radar).toMatchObject({
      source: 'ASSESSMENT',
      at: assessment.assessedAt,
      level: 2,
      levelName: 'L2-fr',
      modelId: 'm1',
      modelVersion: 2,
    });
    expect(radar?.axes).toEqual([
      { dimensionKey: 'b', title: 'B-fr', score: 60 },
      { dimensionKey: 'a', title: 'A-fr', score: 40 },
    ]);
  });

  it('falls back to the live score (built-in model titles), or follows the source asked for', () => {
    const radar = buildRadar('org', { assessment: null, live }, 'en');
    expect(radar?.source).toBe('LIVE');
    expect(radar?.axes.map((a) => a.title)).toEqual(DEFAULT_MATURITY_MODEL.dimensions.map((d) => d.title.en));
    expect(buildRadar('org', { assessment, live }, 'en', 'LIVE')?.source).toBe('LIVE');
    expect(buildRadar('org', { assessment: null, live }, 'en', 'ASSESSMENT')).toBeNull();
    expect(buildRadar('org', { assessment: null, live: null }, 'en')).toBeNull();
  });

  it('keeps stored keys as titles when the model content is unknown', () => {
    const radar = buildRadar(
      'org',
      { assessment: null, live: { ...live, modelAgencyId: 'agency', modelId: 'custom', dimensionScores: { z: 1, y: null } } },
      'en',
    );
    expect(radar?.axes).toEqual([
      { dimensionKey: 'y', title: 'y', score: null },
      { dimensionKey: 'z', title: 'z', score: 1 },
    ]);
  });

  it('compares each dimension with the agency average', () => {
    const comparison = buildComparison(
      'org',
      assessment,
      { overallAverage: 45.5, dimensionAverages: { a: 50, b: 55.25 }, organizationCount: 3 },
      'en',
    );
    expect(comparison.overall).toEqual({ score: 50, agencyAverage: 45.5, delta: 4.5 });
    expect(comparison.dimensions).toEqual([
      { dimensionKey: 'b', title: 'B', score: 60, agencyAverage: 55.25, delta: 4.8 },
      { dimensionKey: 'a', title: 'A', score: 40, agencyAverage: 50, delta: -10 },
    ]);
    expect(comparison.organizationCount).toBe(3);
    const lonely = buildComparison(
      'org',
      { ...assessment, dimensionScores: { a: null, b: 60 } },
      { overallAverage: null, dimensionAverages: {}, organizationCount: 0 },
      'en',
    );
    expect(lonely.dimensions[1]).toEqual({ dimensionKey: 'a', title: 'A', score: null, agencyAverage: null, delta: null });
  });
});
