import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { buildFacets, detectSpans } from './facets';

describe('facets', () => {
  it('detects facets in linear time on hostile text', () => {
    const hostile: Array<(n: number) => string> = [
      (n) => '#'.repeat(n),
      (n) => ' #' + '!'.repeat(n) + 'a',
      (n) => '@'.repeat(n),
      (n) => ' @' + 'a.'.repeat(n / 2) + '_',
      (n) => 'www.'.repeat(n / 4),
      (n) => '('.repeat(n),
      // Many facets: their byte offsets too must come from one pass.
      (n) => ' #a @a.fr $A www.a.fr é☕ ( '.repeat(n / 28),
    ];
    for (const make of hostile) {
      const ratio = growthRatio(make, (text) => buildFacets(text, detectSpans(text), new Map()), 37_500);
      expect({ sample: make(12), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(12), linear: true });
    }
  });
});
