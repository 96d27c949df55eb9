import { accountsConnectedEvidence } from './community-evidence';

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
