import { buildSchema, graphqlSync, GraphQLScalarType, Kind, parse, specifiedRules, validate, ValueNode } from 'graphql';
import { DateScalar, DateTimeScalar, LocalTimeScalar, YearMonthScalar } from './date-scalars';
import { textProblem } from './input-limits';
import { InputValueError, literalPathOf, literalPathRule } from './input-value-error';

const MEGABYTE = '2026-10-01'.repeat(104_858);

/** Values no date scalar takes, whatever its form. */
const HOSTILE: [string, unknown][] = [
  ['an empty string', ''],
  ['a NUL byte', '2026-10-01\u0000'],
  ['a lone surrogate', '2026-10-0\ud800'],
  ['a 1 MB string', MEGABYTE],
  ['a number', 20261001],
  ['NaN', NaN],
  ['a boolean', true],
  ['null', null],
  ['an object', { year: 2026, month: 10, day: 1 }],
  ['a list', ['2026-10-01']],
  ['spaces around', ' 2026-10-01 '],
  ['full-width digits', '２０２６-１０-０１'],
];

const refusalOf = (scalar: GraphQLScalarType, value: unknown): string => {
  try {
    scalar.parseValue(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InputValueError);
    return (error as Error).message;
  }
  throw new Error(`${scalar.name} took ${JSON.stringify(value)?.slice(0, 40)}`);
};

const literal = (value: string): ValueNode => ({ kind: Kind.STRING, value });

describe.each([
  [DateScalar, 'calendar day written YYYY-MM-DD'],
  [YearMonthScalar, 'month written YYYY-MM'],
  [LocalTimeScalar, 'time of day written HH:MM'],
  [DateTimeScalar, 'RFC 3339 date-time with its time zone offset'],
])('the %s scalar', (scalar, format) => {
  it.each(HOSTILE)('refuses %s, naming the form it expects, quoting at most 40 characters', (_label, value) => {
    const message = refusalOf(scalar, value);
    expect(message).toContain(`Expected a${scalar === DateTimeScalar ? 'n' : ''} ${format}`);
    expect(message.length).toBeLessThan(300);
    expect(textProblem(message)).toBeNull(); // no NUL, control character or lone surrogate echoed
  });

  it('refuses a value written inline that is not a string, or not of its form', () => {
    expect(() => scalar.parseLiteral({ kind: Kind.INT, value: '20261001' })).toThrow(/got the number 20261001\.$/);
    expect(() => scalar.parseLiteral({ kind: Kind.OBJECT, fields: [] })).toThrow(/got an object\.$/);
    expect(() => scalar.parseLiteral({ kind: Kind.ENUM, value: 'TODAY' })).toThrow(/got a name without quotes\.$/);
    expect(() => scalar.parseLiteral(literal(MEGABYTE))).toThrow(/…" \(1048580 characters\)\.$/);
  });
});

describe('Date', () => {
  it('takes a day that exists and gives back the same string', () => {
    for (const day of ['2026-10-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) {
      expect(DateScalar.parseValue(day)).toBe(day);
      expect(DateScalar.parseLiteral(literal(day))).toBe(day);
      expect(DateScalar.serialize(day)).toBe(day);
    }
  });

  it('refuses a day that does not exist, saying so', () => {
    expect(refusalOf(DateScalar, '2026-02-30')).toBe(
      'Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "2026-02-30": that day does not exist.',
    );
    for (const day of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-10-00', '2026-10-32']) {
      expect(refusalOf(DateScalar, day)).toMatch(/that day does not exist\.$/);
    }
  });

  it('refuses other spellings of a day', () => {
    for (const day of ['2026-10-1', '26-10-01', '2026/10/01', '20261001', '2026-10-01T00:00:00Z', '+2026-10-01', '01-10-2026']) {
      expect(refusalOf(DateScalar, day)).toBe(`Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "${day}".`);
    }
  });

  it('answers only strings of its form: anything else is the server’s mistake, not the client’s', () => {
    expect(() => DateScalar.serialize(new Date())).toThrow(TypeError);
    expect(() => DateScalar.serialize('2026-02-30')).toThrow('Date cannot represent "2026-02-30".');
    expect(() => DateScalar.serialize(null)).toThrow(TypeError);
    let thrown: unknown;
    try {
      DateScalar.serialize(20261001);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).not.toBeInstanceOf(InputValueError);
  });
});

describe('YearMonth', () => {
  it('takes months 01 to 12', () => {
    for (const month of ['2026-01', '2026-12', '1999-07']) expect(YearMonthScalar.parseValue(month)).toBe(month);
    expect(YearMonthScalar.serialize('2026-10')).toBe('2026-10');
  });

  it('refuses month 00 and 13 and other spellings', () => {
    expect(refusalOf(YearMonthScalar, '2026-13')).toBe(
      'Expected a month written YYYY-MM (such as 2026-10), got "2026-13": months run from 01 to 12.',
    );
    expect(refusalOf(YearMonthScalar, '2026-00')).toMatch(/months run from 01 to 12/);
    for (const month of ['2026-1', '2026-10-01', '202610', '2026/10']) expect(refusalOf(YearMonthScalar, month)).toMatch(/got "/);
    expect(() => YearMonthScalar.serialize('2026-13')).toThrow(TypeError);
  });
});

describe('LocalTime', () => {
  it('takes 00:00 to 23:59', () => {
    for (const time of ['00:00', '09:30', '23:59', '12:00']) {
      expect(LocalTimeScalar.parseValue(time)).toBe(time);
      expect(LocalTimeScalar.serialize(time)).toBe(time);
    }
  });

  it('refuses 24:00, 12:60 and other spellings', () => {
    expect(refusalOf(LocalTimeScalar, '24:00')).toBe(
      'Expected a time of day written HH:MM, from 00:00 to 23:59 (such as 09:30), got "24:00": that time does not exist on a 24-hour clock.',
    );
    expect(refusalOf(LocalTimeScalar, '12:60')).toMatch(/does not exist/);
    for (const time of ['9:30', '09:30:00', '0930', '09h30', '9.30', '09:30 AM']) expect(refusalOf(LocalTimeScalar, time)).toMatch(/got "/);
  });
});

describe('DateTime', () => {
  it('takes RFC 3339 date-times with an offset and gives back the instant', () => {
    const cases: [string, string][] = [
      ['2026-10-01T08:00:00Z', '2026-10-01T08:00:00.000Z'],
      ['2026-10-01T10:00:00+02:00', '2026-10-01T08:00:00.000Z'],
      ['2026-10-01T03:30:00-04:30', '2026-10-01T08:00:00.000Z'],
      ['2026-10-01t08:00:00z', '2026-10-01T08:00:00.000Z'],
      ['2026-10-01T08:00Z', '2026-10-01T08:00:00.000Z'],
      ['2026-10-01T08:00:00.5Z', '2026-10-01T08:00:00.500Z'],
      ['2026-10-01T08:00:00.123456789Z', '2026-10-01T08:00:00.123Z'],
      ['2024-02-29T23:59:59+14:00', '2024-02-29T09:59:59.000Z'],
      ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
      ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
    ];
    for (const [text, iso] of cases) {
      const parsed = DateTimeScalar.parseValue(text);
      expect(parsed).toBeInstanceOf(Date);
      expect((parsed as Date).toISOString()).toBe(iso);
      expect((DateTimeScalar.parseLiteral(literal(text)) as Date).toISOString()).toBe(iso);
    }
  });

  it('refuses a date-time without its offset, saying so', () => {
    expect(refusalOf(DateTimeScalar, '2026-10-01T08:00:00')).toBe(
      'Expected an RFC 3339 date-time with its time zone offset (such as 2026-10-01T08:00:00Z or 2026-10-01T10:00:00+02:00), got "2026-10-01T08:00:00": it has no time zone offset (Z for UTC, or such as +02:00).',
    );
  });

  it('refuses dates and times that do not exist, where new Date() would roll them over', () => {
    for (const text of [
      '2026-02-30T08:00:00Z',
      '2026-02-29T08:00:00Z',
      '2026-10-01T24:00:00Z',
      '2026-10-01T08:60:00Z',
      '2026-12-31T23:59:60Z',
    ]) {
      expect(refusalOf(DateTimeScalar, text)).toMatch(/that date or time does not exist\.$/);
    }
    for (const text of [
      '2026-10-01T08:00:00+15:00',
      '2026-10-01T08:00:00-14:30',
      '2026-10-01T08:00:00+24:00',
      '2026-10-01T08:00:00+02:60',
    ]) {
      expect(refusalOf(DateTimeScalar, text)).toMatch(/time zone offsets run from -14:00 to \+14:00\.$/);
    }
    expect((DateTimeScalar.parseValue('2026-10-01T08:00:00-14:00') as Date).toISOString()).toBe('2026-10-01T22:00:00.000Z');
  });

  it('refuses other spellings of an instant, however new Date() would read them', () => {
    for (const text of [
      '2026-10-01',
      'yesterday',
      'Thu, 01 Oct 2026 08:00:00 GMT',
      '2026-10-01 08:00:00Z',
      '2026-10-01T08:00:00+0200',
      '2026-10-01T08:00:00+02',
      '+275760-09-13T00:00:00.001Z',
      '2026-10-01T08:00:00.Z',
      ' 2026-10-01T08:00:00Z',
      '2026-13-01T00:00:00Z',
      '1790000000000',
    ]) {
      expect(refusalOf(DateTimeScalar, text)).toMatch(/^Expected an RFC 3339 date-time/);
    }
    expect(refusalOf(DateTimeScalar, 1e308)).toMatch(/got the number 1e\+308\.$/);
  });

  it('answers a Date, or a string it would take, in UTC with milliseconds; anything else is the server’s mistake', () => {
    expect(DateTimeScalar.serialize(new Date('2026-10-01T08:00:00Z'))).toBe('2026-10-01T08:00:00.000Z');
    expect(DateTimeScalar.serialize('2026-10-01T10:00:00+02:00')).toBe('2026-10-01T08:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow('DateTime cannot represent an invalid date.');
    expect(() => DateTimeScalar.serialize('2026-10-01')).toThrow(TypeError);
    expect(() => DateTimeScalar.serialize(1790000000000)).toThrow(TypeError);
  });
});

describe('in a schema', () => {
  const schema = buildSchema(`
    scalar Date scalar DateTime
    input Range { days: [Date!], from: DateTime }
    type Query { echo(day: Date, range: Range): String }
  `);
  for (const scalar of [DateScalar, DateTimeScalar]) {
    Object.assign(schema.getType(scalar.name) as object, {
      parseValue: scalar.parseValue,
      parseLiteral: scalar.parseLiteral,
      serialize: scalar.serialize,
    });
  }
  const rootValue = { echo: (args: unknown) => JSON.stringify(args) };

  it('refuses a bad variable naming its path, the form and the value', () => {
    const result = graphqlSync({
      schema,
      source: 'query ($range: Range) { echo(range: $range) }',
      variableValues: { range: { days: ['2026-10-01', '2026-02-30'] } },
      rootValue,
    });
    expect(result.errors?.map((e) => e.message)).toEqual([
      'Variable "$range" got invalid value "2026-02-30" at "range.days[1]"; Expected type "Date". Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "2026-02-30": that day does not exist.',
    ]);
  });

  it('refuses a bad literal with the scalar’s message, and literalPathRule notes where it stands', () => {
    const document = parse('{ a: echo(day: "2026-10-01") b: echo(range: { days: ["2026-10-01", "2026-02-30"], from: "2026-10-01" }) }');
    expect(validate(schema, document, [literalPathRule()])).toEqual([]); // it reports nothing itself
    const errors = validate(schema, document, [...specifiedRules, literalPathRule()]);
    expect(errors.map((e) => e.message)).toEqual([
      'Expected value of type "Date!", found "2026-02-30"; Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "2026-02-30": that day does not exist.',
      'Expected value of type "DateTime", found "2026-10-01"; Expected an RFC 3339 date-time with its time zone offset (such as 2026-10-01T08:00:00Z or 2026-10-01T10:00:00+02:00), got "2026-10-01".',
    ]);
    expect(errors.map((e) => literalPathOf(e.nodes?.[0]))).toEqual(['range.days[1]', 'range.from']);
    expect(errors.every((e) => e.originalError instanceof InputValueError)).toBe(true);
  });

  it('passes good values through as the resolvers expect them', () => {
    const result = graphqlSync({
      schema,
      source: 'query ($range: Range) { echo(day: "2024-02-29", range: $range) }',
      variableValues: { range: { days: ['2026-10-01'], from: '2026-10-01T10:00:00+02:00' } },
      rootValue,
    });
    expect(result).toEqual({
      data: { echo: JSON.stringify({ day: '2024-02-29', range: { days: ['2026-10-01'], from: '2026-10-01T08:00:00.000Z' } }) },
    });
  });
});
