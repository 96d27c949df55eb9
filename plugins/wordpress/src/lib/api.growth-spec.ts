import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { apiRootFromLinkHeader, LINK_SCAN_CHARS } from './api';
import { comparableHtml } from './article';

// The Link reader looks at LINK_SCAN_CHARS characters at most: inputs of 1,000 and 8,000 stay under the cut, so the
// ratio measures the scanner itself.
const SIZE = Math.floor(LINK_SCAN_CHARS / 8) - 24;

describe('Link header reader', () => {
  it.each<[string, (n: number) => string]>([
    ['links without a relation', (n) => '<a>, '.repeat(n / 5)],
    ['links without a comma', (n) => '<a>;rel=x'.repeat(n / 9)],
    ['unclosed brackets', (n) => '<'.repeat(n)],
    ['an unclosed quote', (n) => `<a>; rel="${'x;'.repeat(n / 2)}`],
    ['many parameters', (n) => `<a>${'; p=1'.repeat(n / 6)}`],
    ['one long URI', (n) => `<${'a'.repeat(n)}>; rel="https://api.w.org/"`],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, apiRootFromLinkHeader, SIZE);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });

  it('reads only the first LINK_SCAN_CHARS characters of a huge header', () => {
    const huge = `${'<a>; rel=x, '.repeat(LINK_SCAN_CHARS)}<https://example.com/wp-json/>; rel="https://api.w.org/"`;
    expect(apiRootFromLinkHeader(huge)).toBeUndefined();
    const ratio = growthRatio((n) => '<a>, '.repeat(n), apiRootFromLinkHeader, 20_000);
    expect(ratio).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});

describe('stored content comparison', () => {
  it.each<[string, (n: number) => string]>([
    ['white space only', (n) => ' \n\t'.repeat(n / 3)],
    ['alternating words and spaces', (n) => 'a '.repeat(n / 2)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, comparableHtml, 20_000);
    expect(ratio).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
