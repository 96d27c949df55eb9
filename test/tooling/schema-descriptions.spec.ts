import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLNamedType,
  GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

const ROOT = resolve(__dirname, '../..');
const SCHEMA_FILE = resolve(ROOT, 'apps/api/schema.graphql');

/** One described thing of the schema: its coordinate (Type, Type.field, Type.field(arg), Enum.VALUE) and its text. */
interface Element {
  coordinate: string;
  description: string | null | undefined;
}

function elementsOf(type: GraphQLNamedType): Element[] {
  const elements: Element[] = [{ coordinate: type.name, description: type.description }];
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      elements.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
      for (const arg of 'args' in field ? field.args : []) {
        elements.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
      }
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) {
      elements.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  return elements;
}

function schemaElements(): Element[] {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .flatMap(elementsOf);
}

/** Fields, input fields and arguments typed String (or lists of String), with their descriptions. */
function stringElements(): Element[] {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => {
      if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) return [];
      return Object.values(type.getFields()).flatMap((field) => [
        ...(getNamedType(field.type as GraphQLType).name === 'String'
          ? [{ coordinate: `${type.name}.${field.name}`, description: field.description }]
          : []),
        ...('args' in field ? (field.args as readonly GraphQLArgument[]) : [])
          .filter((arg) => getNamedType(arg.type).name === 'String')
          .map((arg) => ({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description })),
      ]);
    });
}

/** A description that says its String holds a day, a month, a time of day or an instant. */
const DATE_IN_A_STRING = /YYYY-MM|\bHH:MM\b|ISO 8601|RFC 3339|date-time/i;

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

/** Names of the tables the migrations create that no reader would take for English: the ones with an underscore. */
function tableNames(): string[] {
  const names = new Set<string>();
  for (const file of filesUnder(resolve(ROOT, 'libs'), '.ts').filter((path) => path.includes('/migrations/'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z][a-z0-9]*_[a-z0-9_]+)"?/g)) {
      names.add(match[1]);
    }
  }
  return [...names];
}

/**
 * What an integrator cannot use and should never read in the API's documentation: work notes,
 * references to the project's tracker, its source files, classes and tables.
 */
function internalReferencePatterns(): { name: string; pattern: RegExp }[] {
  const tables = tableNames();
  return [
    { name: 'work note', pattern: /\b(TODO|FIXME|XXX|HACK)\b/ },
    { name: 'tracker reference', pattern: /\b(issue|ticket|PR|pull request)\s*#?\d+|(^|\s)#\d+\b/i },
    { name: 'seed or migration reference', pattern: /\b(seed|migration)\s+\d+/i },
    { name: 'source file', pattern: /\b(apps|libs|plugins|src|test)\/|\b[\w-]+\.(ts|js|sql|tsx)\b/ },
    {
      name: 'class name',
      pattern: /\b[A-Z][A-Za-z]*(Service|Repository|Resolver|Entity|Module|Guard|Interceptor|Controller|Dto|Job|Processor)\b/,
    },
    ...(tables.length > 0 ? [{ name: 'table name', pattern: new RegExp(`\\b(${tables.join('|')})\\b`) }] : []),
  ];
}

/**
 * Every type, field, argument, input field and enum value of the public schema is described for
 * the integrators who read it in the API explorer or in generated clients, and no description
 * speaks of the code behind it. The committed schema is read: another test keeps it equal to the code.
 */
describe('schema descriptions', () => {
  const elements = schemaElements();

  it('reads a schema of some size (the check is not vacuous)', () => {
    expect(elements.length).toBeGreaterThan(1000);
    expect(elements.map((e) => e.coordinate)).toEqual(expect.arrayContaining(['Query', 'Mutation', 'PageInfo.hasNextPage']));
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const undescribed = elements.filter((e) => !e.description?.trim()).map((e) => e.coordinate);
    expect(undescribed).toEqual([]);
  });

  it('mentions no internal reference in any description', () => {
    const patterns = internalReferencePatterns();
    const found = elements.flatMap((e) =>
      patterns
        .filter(({ pattern }) => e.description && pattern.test(e.description))
        .map(({ name }) => `${e.coordinate}: ${name}: ${e.description}`),
    );
    expect(found).toEqual([]);
  });

  // Identifiers (types, fields, arguments, enum values) are spelt one way, in American English as GraphQL APIs usually are:
  // organization, finalized, authorization. CANCELLED stays, as in gRPC's and most APIs' status names. Descriptions are prose
  // and may spell as their writer does.
  const BRITISH =
    /organis|finalis|authoris|recognis|summaris|optimis|prioritis|normalis|analys(e|ed|es|ing)(?![a-z])|behaviour|colour|catalogue|licence|centre|favour/i;

  it('spells every identifier the American way', () => {
    expect(elements.map((e) => e.coordinate).filter((coordinate) => BRITISH.test(coordinate))).toEqual([]);
  });

  it('names no type after the code that makes it (…Object, …Dto, …Entity, …Enum)', () => {
    const types = elements.filter((e) => !e.coordinate.includes('.')).map((e) => e.coordinate);
    // JSONObject is the usual name of the JSON object scalar (graphql-scalars).
    expect(types.filter((name) => /(Object|Dto|Entity|Enum)$/.test(name) && name !== 'JSONObject')).toEqual([]);
  });

  // Days, months, times of day and instants have scalars (Date, YearMonth, LocalTime, DateTime) that state and check
  // their form. A closing time may be 24:00, which no LocalTime is: it stays a string that says so.
  it('types days, months, times of day and instants with their scalars, not String', () => {
    const strings = stringElements();
    expect(strings.map((e) => e.coordinate)).toEqual(expect.arrayContaining(['Query.mentions(text:)', 'WorkingPeriod.end']));
    const datesInStrings = strings.filter((e) => e.description && DATE_IN_A_STRING.test(e.description)).map((e) => e.coordinate);
    expect(datesInStrings.sort()).toEqual(['WorkingPeriod.end', 'WorkingPeriodInput.end']);
    expect(['Date', 'YearMonth', 'LocalTime', 'DateTime'].filter((name) => !elements.some((e) => e.coordinate === name))).toEqual([]);
  });

  it('recognises the British spellings it refuses', () => {
    expect(
      ['Organisation', 'finalisedAt', 'authorisationUrl', 'Query.analyse', 'ColourInput'].filter((name) => BRITISH.test(name)),
    ).toHaveLength(5);
    expect(['Organization', 'finalizedAt', 'ANALYST', 'CANCELLED', 'Query.analyzeText'].filter((name) => BRITISH.test(name))).toEqual([]);
  });

  it('recognises the internal references it refuses', () => {
    const patterns = internalReferencePatterns();
    const flagged = (text: string): string[] => patterns.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
    expect(flagged('TODO: say more')).toEqual(['work note']);
    expect(flagged('Fixed in issue #42.')).toEqual(['tracker reference']);
    expect(flagged('Segments of seed 002.')).toEqual(['seed or migration reference']);
    expect(flagged('Computed in libs/domain/x/src/lib/y.ts.')).toEqual(['source file']);
    expect(flagged('Returned by the ContentItemService.')).toEqual(['class name']);
    expect(flagged('A row of content_items.')).toEqual(['table name']);
    expect(flagged('Issued once; a customer service segment; at most 100 items, in UTC.')).toEqual([]);
  });
});
