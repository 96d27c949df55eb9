import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { parseLinkHeader } from './http-helpers';

describe('parseLinkHeader', () => {
  it('reads the relations Mastodon paginates with', () => {
    const links = parseLinkHeader(
      '<https://m.example/api/v1/notifications?max_id=7>; rel="next", <https://m.example/api/v1/notifications?min_id=9>; rel="prev"',
    );
    expect(Object.fromEntries(Object.entries(links).map(([rel, url]) => [rel, url.href]))).toEqual({
      next: 'https://m.example/api/v1/notifications?max_id=7',
      prev: 'https://m.example/api/v1/notifications?min_id=9',
    });
  });

  it('accepts unquoted, upper-case and several relations, other parameters and commas inside the URL', () => {
    const links = parseLinkHeader('<https://m.example/a?x=1,2>; title="p; q"; REL=next, <https://m.example/b>;rel="prev last"');
    expect(links.next?.href).toBe('https://m.example/a?x=1,2');
    expect(links.prev?.href).toBe('https://m.example/b');
    expect(links.last?.href).toBe('https://m.example/b');
  });

  it('ignores links without a relation, unreadable URLs and an unclosed bracket', () => {
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader('<https://m.example/a>; title="x"')).toEqual({});
    expect(parseLinkHeader('<not a url>; rel="next"')).toEqual({});
    expect(parseLinkHeader('<https://m.example/a; rel="next"')).toEqual({});
  });

  it.each<[string, (n: number) => string]>([
    ['unclosed brackets', (n) => '<'.repeat(n)],
    ['unclosed bracket then parameters', (n) => '<x' + '; a=b'.repeat(n / 5)],
    ['many empty parameters', (n) => '<https://m.example/>' + ';'.repeat(n)],
    ['many spaces before a missing relation', (n) => '<https://m.example/>; rel=' + ' '.repeat(n) + '"'],
    ['many links', (n) => '<https://m.example/a>; rel="next", '.repeat(n / 35)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, parseLinkHeader, 20_000);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
