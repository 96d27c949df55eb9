import { compileListeningQuery, type MatchableMention } from './index';

const bluesky = (query: string) => compileListeningQuery(query).searchFor('bluesky');
const mastodon = (query: string) => compileListeningQuery(query).searchFor('mastodon');

describe('searchFor: Bluesky searchPosts', () => {
  it.each([
    ['Égalité salariale', 'Égalité salariale'],
    ['"piste cyclable" lang:fr', '"piste cyclable" lang:fr'],
    ['« vélo  cargo » from:@alice.bsky.social', '"vélo cargo" from:alice.bsky.social'],
    ["l'égalité -spam", `"l'égalité"`],
    ['velo* paris', 'paris'],
    ['(velo OR bike) paris', 'paris'],
    ['(velo paris) OR (paris velo lyon)', 'velo paris'],
    ['(velo lang:fr) OR (bike lang:fr)', 'lang:fr'],
    ['#vélo lyon', '#vélo lyon'],
    ['velo from:alice@mastodon.social', 'velo'],
    ['velo velo Velo', 'velo'],
  ])('%j → %j', (query, expected) => {
    expect(bluesky(query)).toEqual({ query: expected });
  });

  it('gives null when no conjunction covers the query (fetch and filter locally) or when the query excludes Bluesky', () => {
    expect(bluesky('velo OR bike')).toBeNull();
    expect(bluesky('velo* cycl*')).toBeNull();
    expect(bluesky('velo source:mastodon')).toBeNull();
    expect(bluesky('velo source:bluesky')).toEqual({ query: 'velo' });
  });
});

describe('searchFor: Mastodon', () => {
  it.each([
    ['velo lang:fr from:alice@mastodon.social', { query: 'velo language:fr from:@alice@mastodon.social' }],
    ['#Vélo', { query: '#Vélo', hashtags: ['velo'] }],
    ['#vélo OR #bike', { query: '', hashtags: ['velo', 'bike'] }],
    ['(#velo OR #bike) paris', { query: 'paris', hashtags: ['velo', 'bike'] }],
    ['#velo #velotaf #paris', { query: '#velo #velotaf #paris', hashtags: ['velo'] }],
    ['#velo OR bike', { query: '' }],
    ['velo from:did:plc:abc', { query: 'velo' }],
  ])('%j → %j', (query, expected) => {
    const search = mastodon(query);
    if (expected.query === '' && !('hashtags' in expected)) expect(search).toBeNull();
    else expect(search).toEqual(expected);
  });

  it('gives null for sources that cannot search', () => {
    expect(compileListeningQuery('velo').searchFor('rss')).toBeNull();
  });
});

describe('searchFor is never narrower than the local matcher', () => {
  // every mention the query matches must satisfy the network query (read back with the local matcher)
  const texts = ['vélo à Paris', '#vélo à Lyon', 'bike in Paris', "l'égalité", 'piste cyclable', '#bike #velo', 'vélotaf'];
  const queries = [
    '(velo OR bike) paris',
    '#velo OR #bike',
    '(#velo OR #bike) -lyon',
    "l'égalité OR egalite",
    '"piste cyclable" OR velo*',
    'velo lang:fr',
  ];

  it.each(queries)('%j', (query) => {
    const compiled = compileListeningQuery(query);
    for (const network of ['bluesky', 'mastodon'] as const) {
      const search = compiled.searchFor(network);
      if (!search) continue;
      for (const text of texts) {
        const mention: MatchableMention = { text, source: network, language: 'fr' };
        if (!compiled.matches(mention)) continue;
        if (search.query !== '') {
          const asLocal = compileListeningQuery(search.query.replace(/language:/g, 'lang:'));
          expect({ query, network, text, search: search.query, covered: asLocal.matches(mention) }).toEqual({
            query,
            network,
            text,
            search: search.query,
            covered: true,
          });
        }
        if (search.hashtags) {
          const tagged = compileListeningQuery(search.hashtags.map((tag) => `#${tag}`).join(' OR '));
          expect({ query, network, text, hashtags: search.hashtags, covered: tagged.matches(mention) }).toEqual({
            query,
            network,
            text,
            hashtags: search.hashtags,
            covered: true,
          });
        }
      }
    }
  });
});
