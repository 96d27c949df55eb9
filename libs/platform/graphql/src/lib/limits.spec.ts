import { buildSchema, parse, validate } from 'graphql';
import { aliasLimitRule, depthLimitRule } from './limits';
import { decodeCursor, encodeCursor, toConnection } from './pagination';

const schema = buildSchema(`
  type Node { id: ID! child: Node name: String }
  type Query { node: Node }
`);

describe('query limits', () => {
  it('refuses an operation nested deeper than the limit, fragments included', () => {
    const shallow = parse('{ node { child { id } } }');
    const deep = parse('query { node { ...F } } fragment F on Node { child { child { child { id } } } }');
    expect(validate(schema, shallow, [depthLimitRule(3)])).toEqual([]);
    const errors = validate(schema, deep, [depthLimitRule(3)]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Query depth 5 exceeds the limit of 3.');
    expect(errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('survives fragment cycles (they are refused by GraphQL itself)', () => {
    const cyclic = parse('{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }');
    expect(() => validate(schema, cyclic, [depthLimitRule(10)])).not.toThrow();
  });

  it('refuses more aliases than allowed', () => {
    const doc = parse(`{ ${Array.from({ length: 4 }, (_, i) => `a${i}: node { id }`).join(' ')} }`);
    expect(validate(schema, doc, [aliasLimitRule(4)])).toEqual([]);
    expect(validate(schema, doc, [aliasLimitRule(3)])[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('cursors and connections', () => {
  it('round-trips a cursor and refuses a forged one with the field named', () => {
    const key: [string, string] = ['2026-01-01T00:00:00.000Z', '9b2f4c1e-2f7a-4a53-9a0e-3c2d1b0a9f8e'];
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(() => decodeCursor(encodeCursor(['yesterday', key[1]]))).toThrow(/not a cursor/);
    expect(() => decodeCursor(encodeCursor([key[0], 'not-an-id']))).toThrow(/not a cursor/);
    try {
      decodeCursor('not-a-cursor');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as { extensions: { code: string; field: string } }).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('tells whether a next page exists from the one extra row, and counts the whole list when asked', async () => {
    const id = '9b2f4c1e-2f7a-4a53-9a0e-3c2d1b0a9f8e';
    const rows = [1, 2, 3].map((n) => ({ n }));
    const key = (r: { n: number }): [string, string] => [`2026-01-0${r.n}T00:00:00.000Z`, id];
    const count = async () => rows.length;
    const page = toConnection(rows, 2, key, (r) => r.n, false, count);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor as string)).toEqual(['2026-01-02T00:00:00.000Z', id]);
    await expect(page.totalCount()).resolves.toBe(3);
    expect(toConnection(rows, 3, key, (r) => r.n, true, count).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
