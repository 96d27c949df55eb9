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
});
