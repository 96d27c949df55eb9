import type { Mention } from '@socle/connector-sdk';
import { authorReachOf, toMentionRow } from './listening.job';
import { compileListeningQuery } from './query';

describe("a mention's author reach as stored", () => {
  it('keeps a whole number >= 0, caps it at what the column holds, and leaves anything else unknown', () => {
    expect(authorReachOf({ authorReach: 0 })).toBe(0);
    expect(authorReachOf({ authorReach: 48_213 })).toBe(48_213);
    expect(authorReachOf({ authorReach: 2_147_483_647 })).toBe(2_147_483_647);
    expect(authorReachOf({ authorReach: 2 ** 40 })).toBe(2_147_483_647);
    expect(authorReachOf({ authorReach: Number.MAX_VALUE })).toBe(2_147_483_647);
    expect(authorReachOf({})).toBeNull();
    expect(authorReachOf({ authorReach: null })).toBeNull();
    for (const hostile of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.0001, '12', '\u0000', {}, [3], true]) {
      expect(authorReachOf({ authorReach: hostile as unknown as number })).toBeNull();
    }
  });

  it('goes into the row the listening job stores', () => {
    const mention: Mention = {
      externalId: '1',
      url: 'https://mastodon.example/@star/1',
      authorHandle: 'star@mastodon.example',
      text: 'Le croissant du matin',
      publishedAt: '2026-12-01T10:00:00.000Z',
      authorReach: 250_000,
    };
    const matchers = [{ query: { id: 'q1', sources: [] }, compiled: compileListeningQuery('croissant') }];
    const enrichment = { language: 'fr', sentimentScore: 0, sentimentLabel: 'NEUTRAL' as const };
    const account = { id: null, network: 'mastodon' };
    expect(toMentionRow(mention, mention.text, enrichment, account, matchers)).toMatchObject({ authorReach: 250_000, reach: null });
    expect(toMentionRow({ ...mention, authorReach: -3 }, mention.text, enrichment, account, matchers)?.authorReach).toBeNull();
    expect(toMentionRow({ ...mention, authorReach: undefined }, mention.text, enrichment, account, matchers)?.authorReach).toBeNull();
  });
});
