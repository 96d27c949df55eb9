import { influenceScore, sentimentLeaning, suggestedTags } from './influence';

const figures = (over: Partial<Parameters<typeof suggestedTags>[0]> = {}) => ({
  mentions: 1,
  averageSentiment: null,
  positive: 0,
  negative: 0,
  reach: null,
  ...over,
});

describe('influenceScore', () => {
  it('gives known values for the documented formula', () => {
    // reach 0, one mention: 0.3 × log10(2)/2 × 100 = 4.5154…
    expect(influenceScore({ mentions: 1, averageSentiment: null, reach: null })).toBe(4.52);
    // 10 million followers, 99 mentions, average ±1: every part saturates.
    expect(influenceScore({ mentions: 99, averageSentiment: 1, reach: 9_999_999 })).toBe(100);
    expect(influenceScore({ mentions: 99, averageSentiment: -1, reach: 9_999_999 })).toBe(100);
    // 999 followers (log10 1000 = 3): 50 × 3/7 = 21.43; 9 mentions: 30 × 1/2 = 15; intensity 0.5: 10.
    expect(influenceScore({ mentions: 9, averageSentiment: 0.5, reach: 999 })).toBe(46.43);
  });

  it('grows with reach, frequency and intensity, never past 100', () => {
    const base = { mentions: 3, averageSentiment: 0.2, reach: 500 };
    expect(influenceScore({ ...base, reach: 5000 })).toBeGreaterThan(influenceScore(base));
    expect(influenceScore({ ...base, mentions: 30 })).toBeGreaterThan(influenceScore(base));
    expect(influenceScore({ ...base, averageSentiment: -0.9 })).toBeGreaterThan(influenceScore(base));
    expect(influenceScore({ mentions: 1e9, averageSentiment: 1, reach: 2 ** 31 - 1 })).toBe(100);
  });

  it('is deterministic and rounded to two decimals', () => {
    const a = influenceScore({ mentions: 7, averageSentiment: -0.37, reach: 12_345 });
    expect(influenceScore({ mentions: 7, averageSentiment: -0.37, reach: 12_345 })).toBe(a);
    expect(Math.round(a * 100) / 100).toBe(a);
  });
});

describe('sentimentLeaning', () => {
  it('uses ±0.25 and calls unscored authors neutral', () => {
    expect(sentimentLeaning(null)).toBe('NEUTRAL');
    expect(sentimentLeaning(0.25)).toBe('POSITIVE');
    expect(sentimentLeaning(0.24)).toBe('NEUTRAL');
    expect(sentimentLeaning(-0.25)).toBe('NEGATIVE');
  });
});

describe('suggestedTags', () => {
  it('suggests INFLUENCER and AMBASSADOR for a large positive audience', () => {
    expect(suggestedTags(figures({ reach: 50_000, averageSentiment: 0.6, positive: 1 }))).toEqual(['AMBASSADOR', 'INFLUENCER']);
  });
  it('suggests AMBASSADOR for a recurring positive voice with a small audience', () => {
    expect(suggestedTags(figures({ mentions: 4, reach: 200, averageSentiment: 0.5, positive: 3 }))).toEqual(['AMBASSADOR']);
    expect(suggestedTags(figures({ mentions: 2, reach: 200, averageSentiment: 0.5, positive: 2 }))).toEqual([]);
  });
  it('suggests DETRACTOR only for strongly negative and recurring authors', () => {
    expect(suggestedTags(figures({ mentions: 3, averageSentiment: -0.7, negative: 3 }))).toEqual(['DETRACTOR']);
    expect(suggestedTags(figures({ mentions: 1, averageSentiment: -0.9, negative: 1 }))).toEqual([]);
    expect(suggestedTags(figures({ mentions: 5, averageSentiment: -0.3, negative: 3 }))).toEqual([]);
    // A large negative audience is not an influencer to court.
    expect(suggestedTags(figures({ mentions: 3, reach: 1e6, averageSentiment: -0.7, negative: 3 }))).toEqual(['DETRACTOR']);
  });
  it('leaves out the tags the author has', () => {
    expect(suggestedTags(figures({ reach: 50_000, averageSentiment: 0.6 }), ['INFLUENCER'])).toEqual(['AMBASSADOR']);
  });
});
