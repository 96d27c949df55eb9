import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { INPUT_LIMITS, jsonValueProblem } from './input-limits';
import { InputValueError } from './input-value-error';

/**
 * A JSONObject value the client sent that is too deep or too large. graphql-js
 * prefixes its message with the variable and the path inside it; the API's
 * error formatter reports it as BAD_USER_INPUT naming that path.
 */
export class JsonValueError extends InputValueError {
  constructor(message: string) {
    super(message);
    this.name = 'JsonValueError';
  }
}

function literal(ast: ValueNode, variables: Record<string, unknown> | null | undefined, depth: number): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables?.[ast.name.value] ?? null;
    case Kind.OBJECT:
    case Kind.LIST:
      // Bounded while converting: the recursion below must never be what overflows.
      if (depth > INPUT_LIMITS.jsonMaxDepth)
        throw new JsonValueError(`JSONObject is nested deeper than ${INPUT_LIMITS.jsonMaxDepth} levels.`);
      return ast.kind === Kind.OBJECT
        ? Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables, depth + 1)]))
        : ast.values.map((v) => literal(v, variables, depth + 1));
  }
}

function bounded(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('JSONObject must be an object.');
  const problem = jsonValueProblem(value);
  if (problem) throw new JsonValueError(`JSONObject ${problem}.`);
  return value as Record<string, unknown>;
}

/**
 * A JSON object (audit metadata and other free-form detail). Values the client
 * sends, as variables or written inline, are bounded at parse time
 * (INPUT_LIMITS: depth, size, string length).
 */
export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object.',
  serialize: (value) => value,
  parseValue: bounded,
  parseLiteral: (ast, variables) => {
    if (ast.kind !== Kind.OBJECT) throw new TypeError('JSONObject must be an object.');
    return bounded(literal(ast, variables, 1));
  },
});
