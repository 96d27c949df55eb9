import {
  ArgumentNode,
  ASTVisitor,
  getNullableType,
  GraphQLInputType,
  isInputObjectType,
  isListType,
  Kind,
  ValidationContext,
  ValueNode,
} from 'graphql';
import { AppError, FieldProblem } from './errors';

/**
 * Bounds on what a client may send, checked before anything recursive touches
 * it (JSON.stringify, graphql-js coercion, class-transformer, PostgreSQL jsonb):
 * a value nested thousands of levels deep would otherwise overflow the stack.
 */
export const INPUT_LIMITS = {
  /** Levels of a JSONObject value (a maturity model needs 8). */
  jsonMaxDepth: 32,
  /** Objects, lists and scalars in one JSONObject value (the largest maturity model has about 60,000). */
  jsonMaxNodes: 100_000,
  /** Characters of one string inside a JSONObject value (keys included). */
  jsonMaxStringLength: 100_000,
  /** Levels of a whole variable: input objects, lists and the JSON values they carry. */
  variablesMaxDepth: 64,
  /** Brackets open at once in a GraphQL document (selections, lists and objects written inline). */
  documentMaxNesting: 128,
} as const;

// U+0000–U+001F but tab, line feed and carriage return: nothing a person types, and NUL cannot be stored
// in PostgreSQL text or jsonb at all.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// A surrogate that is not half of a pair: not Unicode, cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a client's string cannot be taken as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (CONTROL.test(value)) return 'must not contain control characters other than tab and line breaks';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it contains an unpaired surrogate)';
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const keyPath = (parent: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key.slice(0, 50))}]`;

/**
 * Every string of an argument (list elements, input fields, JSON values and
 * their keys) checked with `textProblem`, each problem at its path
 * (`input.words[2]`). Iterative: the depth of the value is bounded elsewhere,
 * but this walk must not be what overflows.
 */
export function textProblems(value: unknown, root: string, max = 20): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Each entry: a value, its path, and the problem of the key that names it (reported in document order).
  const stack: [unknown, string, string | null][] = [[value, root, null]];
  const seen = new Set<object>();
  while (stack.length && problems.length < max) {
    const [current, path, keyProblem] = stack.pop() as [unknown, string, string | null];
    if (keyProblem) {
      problems.push({ field: path, message: `has a name that ${keyProblem}` });
    } else if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ field: path, message: problem });
    } else if (Array.isArray(current)) {
      if (seen.has(current)) continue;
      seen.add(current);
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push([current[i], `${path}[${i}]`, null]);
    } else if (isPlainObject(current)) {
      if (seen.has(current)) continue;
      seen.add(current);
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i];
        stack.push([child, keyPath(path, key), textProblem(key)]);
      }
    }
  }
  return problems;
}

/** Path of the first place deeper than `maxDepth` levels (the value itself is level 1), or null. */
export function tooDeepAt(value: unknown, maxDepth: number, root = ''): string | null {
  const stack: [unknown, number, string][] = [[value, 1, root]];
  while (stack.length) {
    const [current, depth, path] = stack.pop() as [unknown, number, string];
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) return path;
    if (Array.isArray(current)) current.forEach((child, i) => stack.push([child, depth + 1, `${path}[${i}]`]));
    else for (const [key, child] of Object.entries(current)) stack.push([child, depth + 1, keyPath(path, key)]);
  }
  return null;
}

/** Why a JSON value exceeds INPUT_LIMITS (depth, size, string length, numbers JSON cannot hold), or null. */
export function jsonValueProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    nodes += 1;
    if (nodes > INPUT_LIMITS.jsonMaxNodes) return `has more than ${INPUT_LIMITS.jsonMaxNodes} values`;
    if (typeof current === 'string') {
      if (current.length > INPUT_LIMITS.jsonMaxStringLength)
        return `holds a string longer than ${INPUT_LIMITS.jsonMaxStringLength} characters`;
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'holds a number JSON cannot represent';
    } else if (typeof current === 'object' && current !== null) {
      if (depth > INPUT_LIMITS.jsonMaxDepth) return `is nested deeper than ${INPUT_LIMITS.jsonMaxDepth} levels`;
      if (Array.isArray(current)) {
        for (const child of current) stack.push([child, depth + 1]);
      } else {
        for (const [key, child] of Object.entries(current)) {
          if (key.length > INPUT_LIMITS.jsonMaxStringLength) return `has a key longer than ${INPUT_LIMITS.jsonMaxStringLength} characters`;
          stack.push([child, depth + 1]);
        }
      }
    }
  }
  return null;
}

/**
 * The deepest bracket nesting of a GraphQL document, stopping as soon as it
 * passes `stopAbove`; strings and comments do not count. The parser and the
 * validation rules recurse per level, so this runs before them.
 */
export function documentNesting(source: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i += 1;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28 /* { [ ( */) {
      depth += 1;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x7d || c === 0x5d || c === 0x29 /* } ] ) */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return max;
}

export interface GraphQLRequestShape {
  query?: string;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * Refuses, with a 400 and before parsing, a request whose document or
 * variables are nested beyond INPUT_LIMITS. `extra` goes into the error's
 * extensions (the request id: this error leaves before the usual hooks).
 */
export function checkRequestShape(request: GraphQLRequestShape, extra: Record<string, unknown> = {}): void {
  if (request.query && documentNesting(request.query, INPUT_LIMITS.documentMaxNesting) > INPUT_LIMITS.documentMaxNesting) {
    throw new AppError('QUERY_TOO_COMPLEX', `The document nests more than ${INPUT_LIMITS.documentMaxNesting} levels of brackets.`, {
      ...extra,
      http: { status: 400 },
    });
  }
  for (const [name, value] of Object.entries(request.variables ?? {})) {
    const at = tooDeepAt(value, INPUT_LIMITS.variablesMaxDepth, name);
    if (at !== null) {
      const field = at.length > 200 ? `${at.slice(0, 200)}…` : at;
      const message = `is nested deeper than ${INPUT_LIMITS.variablesMaxDepth} levels`;
      throw new AppError('BAD_USER_INPUT', `Variable "$${name}" ${message}.`, {
        field,
        problems: [{ field, message }],
        ...extra,
        http: { status: 400 },
      });
    }
  }
  if (request.extensions && tooDeepAt(request.extensions, INPUT_LIMITS.variablesMaxDepth) !== null) {
    throw new AppError('BAD_USER_INPUT', `The request's extensions are nested deeper than ${INPUT_LIMITS.variablesMaxDepth} levels.`, {
      field: 'extensions',
      ...extra,
      http: { status: 400 },
    });
  }
}

/** Levels of a literal value (an object or list counts one level, as in `jsonValueProblem`). */
function literalDepth(node: ValueNode): number {
  let max = 0;
  const stack: [ValueNode, number][] = [[node, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop() as [ValueNode, number];
    if (current.kind === Kind.OBJECT) {
      max = Math.max(max, depth);
      for (const field of current.fields) stack.push([field.value, depth + 1]);
    } else if (current.kind === Kind.LIST) {
      max = Math.max(max, depth);
      for (const value of current.values) stack.push([value, depth + 1]);
    }
  }
  return max;
}

/**
 * JSONObject values written inline that nest deeper than INPUT_LIMITS allows,
 * refused as BAD_USER_INPUT naming their path (`input.content.a`): the scalar
 * itself cannot know where it stands. Reported when the argument is entered,
 * so this error comes first.
 */
export function jsonLiteralRule(scalarName = 'JSONObject') {
  return (context: ValidationContext): ASTVisitor => {
    const check = (node: ValueNode, type: GraphQLInputType | null | undefined, path: string): void => {
      if (!type || node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
      const inner = getNullableType(type);
      if (isListType(inner)) {
        if (node.kind === Kind.LIST) node.values.forEach((value, i) => check(value, inner.ofType, `${path}[${i}]`));
        else check(node, inner.ofType, path);
      } else if (isInputObjectType(inner)) {
        if (node.kind !== Kind.OBJECT) return;
        const fields = inner.getFields();
        for (const field of node.fields) check(field.value, fields[field.name.value]?.type, `${path}.${field.name.value}`);
      } else if (inner.name === scalarName && literalDepth(node) > INPUT_LIMITS.jsonMaxDepth) {
        context.reportError(
          new AppError('BAD_USER_INPUT', `Invalid input. ${path}: is nested deeper than ${INPUT_LIMITS.jsonMaxDepth} levels`, {
            field: path,
            problems: [{ field: path, message: `is nested deeper than ${INPUT_LIMITS.jsonMaxDepth} levels` }],
          }),
        );
      }
    };
    return {
      Argument(node: ArgumentNode) {
        check(node.value, context.getArgument()?.type, node.name.value);
      },
    };
  };
}
