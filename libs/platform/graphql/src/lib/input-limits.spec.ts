import { buildSchema, getIntrospectionQuery, graphqlSync, parse, validate } from 'graphql';
import {
  checkRequestShape,
  documentNesting,
  INPUT_LIMITS,
  jsonLiteralRule,
  jsonValueProblem,
  textProblem,
  textProblems,
  tooDeepAt,
} from './input-limits';
import { JSONObjectScalar } from './json.scalar';
import { depthLimitRule, STANDARD_INTROSPECTION_DEPTH } from './limits';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 1; i < levels; i += 1) value = { a: value };
  return levels > 0 ? { a: value } : value;
};

describe('text a client sends', () => {
  it('refuses NUL, other control characters and unpaired surrogates, and keeps tab, line breaks and real pairs', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('bell\u0007')).toMatch(/control characters/);
    expect(textProblem('esc\u001b[31m')).toMatch(/control characters/);
    expect(textProblem('a\ud800b')).toMatch(/unpaired surrogate/);
    expect(textProblem('\udc00')).toMatch(/unpaired surrogate/);
    expect(textProblem('trailing high \ud83d')).toMatch(/unpaired surrogate/);
    expect(textProblem('line\none\ttab\r\n')).toBeNull();
    expect(textProblem('émoji 😀 and CJK 漢字')).toBeNull();
  });

  it('names every bad string at its path: list elements, nested fields, JSON values and keys', () => {
    const input = { name: 'ok', words: ['fine', 'bad\u0000'], content: { title: { en: '\ud800' }, ['key\u0000']: 1 } };
    expect(textProblems(input, 'input')).toEqual([
      { field: 'input.words[1]', message: 'must not contain NUL characters (U+0000)' },
      { field: 'input.content.title.en', message: 'must be valid Unicode (it contains an unpaired surrogate)' },
      { field: 'input.content["key\\u0000"]', message: 'has a name that must not contain NUL characters (U+0000)' },
    ]);
    expect(textProblems('x\u0000', 'id')).toEqual([{ field: 'id', message: 'must not contain NUL characters (U+0000)' }]);
    expect(textProblems({ first: 10, after: null }, '')).toEqual([]);
  });

  it('walks a 100,000-deep value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(textProblems(deep, 'v')[0].message).toMatch(/NUL/);
  });
});

describe('JSON values', () => {
  it('bounds depth, size, string length and numbers', () => {
    expect(jsonValueProblem(nested(INPUT_LIMITS.jsonMaxDepth))).toBeNull();
    expect(jsonValueProblem(nested(INPUT_LIMITS.jsonMaxDepth + 1))).toBe(`is nested deeper than ${INPUT_LIMITS.jsonMaxDepth} levels`);
    expect(jsonValueProblem({ list: Array.from({ length: INPUT_LIMITS.jsonMaxNodes }, () => 1) })).toMatch(/more than/);
    expect(jsonValueProblem({ s: 'x'.repeat(INPUT_LIMITS.jsonMaxStringLength + 1) })).toMatch(/longer than/);
    expect(jsonValueProblem({ n: Infinity })).toMatch(/cannot represent/);
  });

  it('the JSONObject scalar refuses a 5,000-deep variable or a too deep literal with a clear message', () => {
    const schema = buildSchema('scalar JSONObject type Query { echo(value: JSONObject): JSONObject }');
    Object.assign(schema.getType('JSONObject') as object, {
      parseValue: JSONObjectScalar.parseValue,
      parseLiteral: JSONObjectScalar.parseLiteral,
      serialize: JSONObjectScalar.serialize,
    });
    const root = { echo: ({ value }: { value: unknown }) => value };
    const viaVariable = graphqlSync({
      schema,
      source: 'query ($v: JSONObject) { echo(value: $v) }',
      variableValues: { v: nested(5000) },
      rootValue: root,
    });
    expect(viaVariable.errors?.[0].message).toBe(
      'Variable "$v" got invalid value { a: { a: [Object] } }; Expected type "JSONObject". JSONObject is nested deeper than 32 levels.',
    );
    const literal = `{ echo(value: ${'{a: '.repeat(40)}1${'}'.repeat(40)}) }`;
    expect(graphqlSync({ schema, source: literal, rootValue: root }).errors?.[0].message).toMatch(
      /JSONObject is nested deeper than 32 levels\.$/,
    );
    const fine = graphqlSync({ schema, source: '{ echo(value: {a: [1, "x", null, {b: true}]}) }', rootValue: root });
    // Written inline inside an input, the rule names where.
    const withInput = buildSchema('scalar JSONObject input In { rules: [JSONObject!]! } type Query { set(input: In): Int }');
    const errors = validate(withInput, parse(`{ set(input: { rules: [{}, ${'{a: '.repeat(40)}1${'}'.repeat(40)}] }) }`), [
      jsonLiteralRule(),
    ]);
    expect(errors.map((e) => [e.message, e.extensions.field])).toEqual([
      ['Invalid input. input.rules[1]: is nested deeper than 32 levels', 'input.rules[1]'],
    ]);
    expect(validate(withInput, parse('{ set(input: { rules: [{a: {b: [1]}}] }) }'), [jsonLiteralRule()])).toEqual([]);
    expect(fine).toEqual({ data: { echo: { a: [1, 'x', null, { b: true }] } } });
  });
});

describe('the shape of a request', () => {
  it('measures bracket nesting outside strings and comments', () => {
    expect(documentNesting('{ a { b(x: [1, {c: 2}]) } }')).toBe(5);
    expect(documentNesting('{ a(s: "{{{{[[[") # {{{{{\n }')).toBe(2);
    expect(documentNesting('{ a(s: """ {{{ \\""" {{{ """) }')).toBe(2);
    expect(documentNesting(`{${'['.repeat(10_000)}`, 128)).toBe(129);
  });

  it('refuses deep documents, variables and extensions with 400 before anything parses them', () => {
    const deepDocument = `{ ${'a { '.repeat(200)} b ${'} '.repeat(200)} }`;
    expect(() => checkRequestShape({ query: deepDocument })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) }),
    );
    let list: unknown = 1;
    for (let i = 0; i < 5000; i += 1) list = [list];
    try {
      checkRequestShape({ query: '{ a }', variables: { unused: list } }, { requestId: 'r1' });
      throw new Error('not refused');
    } catch (error) {
      const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
      expect(message).toBe('Variable "$unused" is nested deeper than 64 levels.');
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'r1', http: { status: 400 } });
      expect(String(extensions['field'])).toMatch(/^unused\[0\]\[0\]/);
    }
    expect(() => checkRequestShape({ query: '{ a }', extensions: nested(100) as Record<string, unknown> })).toThrow(/extensions/);
    expect(() =>
      checkRequestShape({ query: getIntrospectionQuery(), variables: { input: nested(60) as Record<string, unknown> } }),
    ).not.toThrow();
    expect(tooDeepAt({ a: [{ b: 1 }] }, 2, 'v')).toBe('v.a[0]');
  });
});

describe('introspection depth', () => {
  const schema = buildSchema('type Query { a: String }');
  it('lets the standard introspection query through and refuses a 50-deep ofType chain', () => {
    const standard = parse(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    );
    expect(validate(schema, standard, [depthLimitRule(10)])).toEqual([]);
    const chain = parse(`{ __schema { types { ${'ofType { '.repeat(50)} name ${'} '.repeat(50)} } } }`);
    const errors = validate(schema, chain, [depthLimitRule(10)]);
    expect(errors.map((e) => e.message)).toEqual([`Query depth 53 exceeds the limit of ${STANDARD_INTROSPECTION_DEPTH}.`]);
    expect(errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const typeChain = parse(`{ __type(name: "Query") { ${'ofType { '.repeat(20)} name ${'} '.repeat(20)} } }`);
    expect(validate(schema, typeChain, [depthLimitRule(10)])).toHaveLength(1);
  });
});
