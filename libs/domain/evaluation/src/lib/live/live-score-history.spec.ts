import { dimensionsOf, liveScoreId, MAX_HISTORY_RANGE_DAYS, rangeProblems, toHistoryEntry } from './live-score-history.service';
import type { LiveScoreHistoryRow } from './live-score-history.repository';

const DAY = 24 * 60 * 60 * 1000;
const ORG = '9c1e4f2a-3b5d-4c6e-8f70-1a2b3c4d5e6f';
const now = new Date('2026-12-01T12:00:00Z');
const daysBefore = (days: number, from = now) => new Date(from.getTime() - days * DAY);

const row = (over: Partial<LiveScoreHistoryRow> = {}): LiveScoreHistoryRow => ({
  position: '2026-11-30T02:00:00.000123Z',
  computedAt: new Date('2026-11-30T02:00:00.000Z'),
  model: { agencyId: 'a', modelId: 'm', version: 2 },
  overallScore: 55,
  level: 2,
  measuredScore: 40,
  measuredLevel: 2,
  reachedLevel: 3,
  coverage: { evidence: 0.6, assessment: 0.3, unknown: 0.1 },
  dimensionScores: { zeta: 10, alpha: 20 },
  modelDimensions: null,
  lang: 'en',
  ...over,
});

describe('live score history', () => {
  describe('range', () => {
    it('accepts no bounds, `to` alone, and a range of exactly the maximum', () => {
      expect(rangeProblems(null, null, now)).toEqual([]);
      expect(rangeProblems(null, daysBefore(5000), now)).toEqual([]);
      expect(rangeProblems(daysBefore(MAX_HISTORY_RANGE_DAYS), null, now)).toEqual([]);
      expect(rangeProblems(daysBefore(10), daysBefore(10), now)).toEqual([]);
    });

    it('refuses `from` after `to` on `to`, and a longer range on `from`, counting from now when `to` is missing', () => {
      expect(rangeProblems(daysBefore(1), daysBefore(2), now)).toEqual([{ field: 'to', message: 'must not be before from' }]);
      expect(rangeProblems(daysBefore(MAX_HISTORY_RANGE_DAYS + 1), null, now).map((p) => p.field)).toEqual(['from']);
      const to = daysBefore(400);
      expect(rangeProblems(daysBefore(MAX_HISTORY_RANGE_DAYS + 1, to), to, now).map((p) => p.field)).toEqual(['from']);
      expect(rangeProblems(daysBefore(MAX_HISTORY_RANGE_DAYS, to), to, now)).toEqual([]);
    });
  });

  describe('dimensions', () => {
    it("follows the model's order and names, then any other stored key", () => {
      const dims = dimensionsOf(
        row({
          modelDimensions: [
            { key: 'zeta', name: 'Zeta' },
            { key: 'beta', name: 'Beta' },
          ],
        }),
      );
      expect(dims).toEqual([
        { key: 'zeta', name: 'Zeta', score: 10 },
        { key: 'beta', name: 'Beta', score: null },
        { key: 'alpha', name: 'alpha', score: 20 },
      ]);
    });

    it('names by key, in key order, when the model content is unknown', () => {
      expect(dimensionsOf(row()).map((d) => [d.key, d.name])).toEqual([
        ['alpha', 'alpha'],
        ['zeta', 'zeta'],
      ]);
    });

    it("names the built-in model's dimensions in the row's language", () => {
      const fr = dimensionsOf(row({ model: { agencyId: null, modelId: 'default', version: 1 }, lang: 'fr', dimensionScores: {} }));
      expect(fr[0]).toEqual({ key: 'strategy', name: 'Stratégie et objectifs', score: null });
    });
  });

  it('marks the level capped when it is below the level the overall score reached', () => {
    expect(toHistoryEntry(row(), ORG).levelCapped).toBe(true);
    expect(toHistoryEntry(row({ reachedLevel: 2 }), ORG).levelCapped).toBe(false);
    expect(toHistoryEntry(row({ reachedLevel: null }), ORG).levelCapped).toBe(false);
  });

  it('gives a kept score the same id from its microsecond time and from the Date the application wrote', () => {
    const kept = row({ position: '2026-11-30T02:00:00.123000Z' });
    expect(toHistoryEntry(kept, ORG).id).toBe(liveScoreId(ORG, new Date('2026-11-30T02:00:00.123Z')));
    expect(toHistoryEntry(row(), ORG).id).not.toBe(toHistoryEntry(kept, ORG).id);
    expect(toHistoryEntry(kept, ORG).id).not.toBe(toHistoryEntry(kept, '2b7d7a52-6d0e-4a8e-9a1f-0c2b3d4e5f60').id);
  });
});
