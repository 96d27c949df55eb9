import {
  CONTENT_APPROVAL_KEY,
  CONTENT_EVIDENCE,
  CONTENT_MEDIA_KIT_KEY,
  CONTENT_PLANNED_KEY,
  CONTENT_REGULARITY_KEY,
  CONTENT_SUGGESTIONS_KEY,
  contentEvidence,
  MEDIA_ADDED_TARGET,
  MEDIA_USED_TARGET,
  PLANNED_AHEAD_DAYS,
  PRACTICE_WINDOW_DAYS,
  PracticeRow,
  CONTENT_PUBLISHING_PRACTICE_KEY,
  PlanWeeksRow,
  PUBLISHING_PRACTICE_WEEKS,
  publishingPracticeEvidence,
  regularityRow,
  practiceEvidence,
  REGULARITY_WEEKS,
  SUGGESTIONS_TARGET,
  TRIAGE_DAYS,
} from './content-evidence';

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

describe('content practice evidence', () => {
  const row = (over: Partial<PracticeRow> = {}): PracticeRow => ({
    reached: 0,
    through_chain: 0,
    chain_steps: 1,
    media_added: 0,
    media_used: 0,
    suggested: 0,
    suggestions_due: 0,
    triaged_in_time: 0,
    ...over,
  });

  it('scores 0 with a clear explanation when nothing was approved, added or suggested', () => {
    const out = practiceEvidence(row());
    expect([out[CONTENT_APPROVAL_KEY].score, out[CONTENT_MEDIA_KIT_KEY].score, out[CONTENT_SUGGESTIONS_KEY].score]).toEqual([0, 0, 0]);
    expect(out[CONTENT_APPROVAL_KEY].explanation.en).toBe(
      `No item was approved or published in the last ${PRACTICE_WINDOW_DAYS} days: there is no approval to measure.`,
    );
    expect(out[CONTENT_APPROVAL_KEY].explanation.fr).toContain('Aucun contenu n’a été approuvé ni publié');
    expect(out[CONTENT_SUGGESTIONS_KEY].explanation.en).toContain('No employee suggestion');
  });

  it('gives the share of approved or published items that went through the whole chain', () => {
    const out = practiceEvidence(row({ reached: 8, through_chain: 6, chain_steps: 2 }));
    expect(out[CONTENT_APPROVAL_KEY]).toMatchObject({ value: 0.75, score: 0.75 });
    expect(out[CONTENT_APPROVAL_KEY].explanation.en).toBe(
      '6 of 8 items approved or published in the last 90 days went through the whole approval chain (2 steps), the final step decided by someone other than their author.',
    );
    expect(out[CONTENT_APPROVAL_KEY].explanation.fr).toContain('6 des 8 contenus');
    expect(out[CONTENT_APPROVAL_KEY].explanation.fr).toContain('(2 étapes)');
    expect(practiceEvidence(row({ reached: 3, through_chain: 3 }))[CONTENT_APPROVAL_KEY].explanation.en).toContain('(1 step)');
  });

  it('scores the media kit half on assets added and half on distinct assets used, each capped', () => {
    // 2 of 3 added, 1 of 5 used: 0.5 × 2/3 + 0.5 × 1/5 = 0.4333…
    expect(practiceEvidence(row({ media_added: 2, media_used: 1 }))[CONTENT_MEDIA_KIT_KEY].score).toBeCloseTo(
      0.5 * (2 / MEDIA_ADDED_TARGET) + 0.5 * (1 / MEDIA_USED_TARGET),
    );
    expect(practiceEvidence(row({ media_added: 2, media_used: 1 }))[CONTENT_MEDIA_KIT_KEY].score).toBeCloseTo(0.4333, 4);
    // A library used but no longer fed gets half; 40 uploads never used get half too.
    expect(practiceEvidence(row({ media_added: 0, media_used: 9 }))[CONTENT_MEDIA_KIT_KEY].score).toBe(0.5);
    expect(practiceEvidence(row({ media_added: 40, media_used: 0 }))[CONTENT_MEDIA_KIT_KEY].score).toBe(0.5);
    const full = practiceEvidence(row({ media_added: 3, media_used: 5 }))[CONTENT_MEDIA_KIT_KEY];
    expect(full.score).toBe(1);
    expect(full.explanation.en).toBe(
      '3 assets added to the media library and 5 distinct assets used in content over the last 90 days (full marks from 3 added and 5 used).',
    );
  });

  it('multiplies the suggestion volume by the share triaged in time, suggestions not yet due counting as not late', () => {
    // 4 suggestions (4/6 of the volume), 1 of the 3 due triaged within 14 days: 2/3 × 1/3.
    const some = practiceEvidence(row({ suggested: 4, suggestions_due: 3, triaged_in_time: 1 }))[CONTENT_SUGGESTIONS_KEY];
    expect(some.score).toBeCloseTo(2 / 9);
    expect(some.explanation.en).toBe(
      '4 employee suggestions in the last 90 days (full volume from 6); 1 of the 3 due were triaged within 14 days.',
    );
    expect(some.explanation.fr).toContain('1 des 3 attendues ont été traitées en 14 jours au plus');
    expect(practiceEvidence(row({ suggested: 2, suggestions_due: 0 }))[CONTENT_SUGGESTIONS_KEY].score).toBeCloseTo(2 / SUGGESTIONS_TARGET);
    expect(practiceEvidence(row({ suggested: 12, suggestions_due: 10, triaged_in_time: 10 }))[CONTENT_SUGGESTIONS_KEY].score).toBe(1);
    expect(practiceEvidence(row({ suggested: 12, suggestions_due: 10, triaged_in_time: 0 }))[CONTENT_SUGGESTIONS_KEY].score).toBe(0);
    expect(TRIAGE_DAYS).toBe(14);
  });

  it('defines every key it computes, in both languages', () => {
    const out = { ...contentEvidence([]), [CONTENT_PUBLISHING_PRACTICE_KEY]: publishingPracticeEvidence([]), ...practiceEvidence(row()) };
    expect(Object.keys(out).sort()).toEqual(CONTENT_EVIDENCE.map((d) => d.key).sort());
    for (const d of CONTENT_EVIDENCE) expect(d.description.fr.length && d.description.en.length && d.title.fr.length).toBeGreaterThan(0);
  });
});

describe('publishing practice', () => {
  const plan = (network: string, posts_per_week: number, published_weeks: number[]): PlanWeeksRow => ({
    network,
    posts_per_week,
    scheduled_ahead: 0,
    published_weeks,
  });

  it('holds each week to the plan on its own: a burst does not make up for silent weeks', () => {
    const burst = plan('mastodon', 2, [16, 0, 0, 0, 0, 0, 0, 0]);
    // Regularity over 4 weeks sums the posts (16 ≥ 8: met); practice sees one week of eight.
    expect(contentEvidence([regularityRow(burst)])[CONTENT_REGULARITY_KEY].score).toBe(1);
    const r = publishingPracticeEvidence([burst]);
    expect(r).toMatchObject({ value: 1, score: 0.125 });
    expect(r.explanation.en).toBe(
      '16 posts out over the last 8 weeks: 13% of the planned weekly posts, every network on plan in 1 of 8 weeks (mastodon: plan of 2 a week met in 1 week).',
    );
    expect(r.explanation.fr).toContain('16 publications diffusées sur les 8 dernières semaines');
  });

  it('gives 1 when every network met its plan every week, and names the network furthest behind', () => {
    const steady = plan('mastodon', 2, Array(PUBLISHING_PRACTICE_WEEKS).fill(3));
    expect(publishingPracticeEvidence([steady])).toMatchObject({ value: PUBLISHING_PRACTICE_WEEKS, score: 1 });
    const silent = plan('bluesky', 1, [1, 1, 0, 0, 0, 0, 0, 0]);
    const both = publishingPracticeEvidence([steady, silent]);
    expect(both.value).toBe(2);
    expect(both.score).toBeCloseTo((2 * 8 + 2) / (2 * 8 + 8), 3);
    expect(both.explanation.en).toContain('(bluesky: plan of 1 a week met in 2 weeks)');
  });

  it('sums the last whole weeks for regularity from the same weekly counts', () => {
    expect(regularityRow(plan('mastodon', 2, [1, 2, 3, 4, 100, 100, 100, 100])).published_back).toBe(10);
    expect(publishingPracticeEvidence([]).explanation.en).toContain('No network plan');
    expect(publishingPracticeEvidence([plan('x', 1, [])]).score).toBe(0);
  });
});
