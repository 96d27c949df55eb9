import { CONTENT_PLANNED_KEY, CONTENT_REGULARITY_KEY, contentEvidence, PLANNED_AHEAD_DAYS, REGULARITY_WEEKS } from './content-evidence';

describe('content evidence', () => {
  it('scores nothing without a network plan that sets a frequency', () => {
    const out = contentEvidence([]);
    expect(out[CONTENT_PLANNED_KEY].score).toBe(0);
    expect(out[CONTENT_REGULARITY_KEY].explanation.en).toContain('No network plan');
  });

  it('caps each network at its plan, so one busy network does not hide a silent one', () => {
    const aheadWeeks = PLANNED_AHEAD_DAYS / 7;
    const out = contentEvidence([
      { network: 'mastodon', posts_per_week: 2, scheduled_ahead: 50, published_back: 2 * REGULARITY_WEEKS * 10 },
      { network: 'bluesky', posts_per_week: 2, scheduled_ahead: 0, published_back: 0 },
    ]);
    expect(out[CONTENT_PLANNED_KEY].score).toBeCloseTo((2 * aheadWeeks) / (4 * aheadWeeks));
    expect(out[CONTENT_REGULARITY_KEY].score).toBeCloseTo(0.5);
    expect(out[CONTENT_REGULARITY_KEY].explanation.en).toContain('bluesky: 0 posts of 8');
    expect(out[CONTENT_PLANNED_KEY].explanation.fr).toContain('bluesky : 0 sur 4');
  });

  it('gives 1 when every plan is met, and a share in between', () => {
    const met = contentEvidence([{ network: 'mastodon', posts_per_week: 3, scheduled_ahead: 6, published_back: 12 }]);
    expect([met[CONTENT_PLANNED_KEY].score, met[CONTENT_REGULARITY_KEY].score]).toEqual([1, 1]);
    const half = contentEvidence([{ network: 'mastodon', posts_per_week: 3, scheduled_ahead: 3, published_back: 6 }]);
    expect([half[CONTENT_PLANNED_KEY].score, half[CONTENT_REGULARITY_KEY].score]).toEqual([0.5, 0.5]);
  });
});
