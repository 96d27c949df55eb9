import { accountsConnectedEvidence, ListeningRequirement, listeningPracticeEvidence } from './community-evidence';

describe('community.accountsConnected', () => {
  it('scores 1 once one account is healthy and lists the networks', () => {
    const r = accountsConnectedEvidence({ ok: 2, total: 3, networks: ['bluesky', 'mastodon'], failing: ['rss'] });
    expect(r.score).toBe(1);
    expect(r.explanation.en).toBe('2 connected accounts in good health on bluesky, mastodon; to reconnect or check: rss.');
    expect(r.explanation.fr).toContain('bluesky, mastodon');
  });

  it('scores 0 without a working account, saying whether any is connected', () => {
    expect(accountsConnectedEvidence({ ok: 0, total: 0, networks: [], failing: [] })).toMatchObject({
      score: 0,
      explanation: { en: 'No network account is connected.' },
    });
    expect(accountsConnectedEvidence({ ok: 0, total: 1, networks: [], failing: ['mastodon'] }).explanation.en).toBe(
      'No connected account works; to reconnect or check: mastodon.',
    );
  });
});

describe('community.listeningPractice', () => {
  const brand = (weeks: number[]): ListeningRequirement => ({ kind: 'BRAND', name: null, weeks });
  const competitor = (name: string, weeks: number[]): ListeningRequirement => ({ kind: 'COMPETITOR', name, weeks });
  const all = [0, 1, 2, 3, 4, 5, 6, 7];

  it('scores 0 when no listening ran, whatever was set up', () => {
    const r = listeningPracticeEvidence([brand([]), competitor('Rival', [])]);
    expect(r).toMatchObject({ value: 0, score: 0 });
    expect(r.explanation.en).toBe('No listening ran in the last 8 weeks (neither on the brand nor on competitors).');
  });

  it('averages the weeks covered over the brand and each competitor, naming those seldom listened to', () => {
    const r = listeningPracticeEvidence([brand(all), competitor('Rival', [0, 1]), competitor('Autre', all)]);
    expect(r.value).toBe(2);
    expect(r.score).toBeCloseTo((1 + 0.25 + 1) / 3, 3);
    expect(r.explanation.en).toBe(
      'Brand listened to in 8 of 8 weeks, brand and every competitor covered in 2 of 8 weeks; competitors seldom listened to: "Rival" 2/8.',
    );
    expect(r.explanation.fr).toContain('concurrents peu suivis : « Rival » 2/8');
    expect(listeningPracticeEvidence([brand(all), competitor('Rival', all)])).toMatchObject({ value: 8, score: 1 });
  });

  it('counts brand listening alone when no competitor is listed, and ignores weeks outside the window', () => {
    const r = listeningPracticeEvidence([brand([0, 1, 2, 3, 8, 9, -1])]);
    expect(r).toMatchObject({ value: 4, score: 0.5 });
    expect(r.explanation.en).toContain('; no competitor listed');
  });
});
