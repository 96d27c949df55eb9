import {
  ArgumentNode,
  ASTNode,
  ASTVisitor,
  getNullableType,
  GraphQLInputType,
  isInputObjectType,
  isListType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  ValidationContext,
  ValueNode,
} from 'graphql';

/**
 * A value the client sent that a scalar of the API refuses (a date that does
 * not exist, a JSON object too deep). graphql-js prefixes its message with the
 * variable and the path inside it; the API's error formatter reports it as
 * BAD_USER_INPUT, never as an internal error.
 */
export class InputValueError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'InputValueError';
  }
}

const SHOWN_CHARACTERS = 40;

/**
 * A client's value as an error message may quote it: a string cut to a few
 * characters and escaped (no NUL, control character or lone surrogate leaves
 * as it came), anything else by its kind only.
 */
export function describeInputValue(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length === 0) return 'an empty string';
    const shown = JSON.stringify(value.slice(0, SHOWN_CHARACTERS));
    return value.length > SHOWN_CHARACTERS ? `${shown.slice(0, -1)}…" (${value.length} characters)` : shown;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${String(value).slice(0, SHOWN_CHARACTERS)}` : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** The same for a value written inline in the document. */
export function describeLiteral(ast: ValueNode): string {
  switch (ast.kind) {
    case Kind.STRING:
      return describeInputValue(ast.value);
    case Kind.INT:
    case Kind.FLOAT:
      return ast.value.length > SHOWN_CHARACTERS ? 'a number' : `the number ${ast.value}`;
    case Kind.BOOLEAN:
      return 'a boolean';
    case Kind.NULL:
      return 'null';
    case Kind.ENUM:
      return 'a name without quotes';
    case Kind.LIST:
      return 'a list';
    case Kind.OBJECT:
      return 'an object';
    case Kind.VARIABLE:
      return 'a variable';
  }
}

/** Where each value written inline for one of the API's own scalars stands in its argument (`input.from`). */
const literalPaths = new WeakMap<ASTNode, string>();

/**
 * The path (`input.closedDays[2]`) of a value written inline for one of the
 * API's own scalars, when `literalPathRule` saw it: graphql-js reports such a
 * value's error against the node alone, and the error formatter names the field
 * from here.
 */
export function literalPathOf(node: ASTNode | undefined): string | undefined {
  return node ? literalPaths.get(node) : undefined;
}

/**
 * Notes where the values written inline for the API's own scalars stand (see
 * `literalPathOf`). Reports nothing itself: graphql-js's own rule refuses a bad
 * value, once, with the scalar's message.
 */
export function literalPathRule() {
  return (context: ValidationContext): ASTVisitor => {
    const note = (node: ValueNode, type: GraphQLInputType | null | undefined, path: string): void => {
      if (!type || node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
      const inner = getNullableType(type);
      if (isListType(inner)) {
        if (node.kind === Kind.LIST) node.values.forEach((value, i) => note(value, inner.ofType, `${path}[${i}]`));
        else note(node, inner.ofType, path);
      } else if (isInputObjectType(inner)) {
        if (node.kind !== Kind.OBJECT) return;
        const fields = inner.getFields();
        for (const field of node.fields) note(field.value, fields[field.name.value]?.type, `${path}.${field.name.value}`);
      } else if (isScalarType(inner) && !isSpecifiedScalarType(inner)) {
        literalPaths.set(node, path);
      }
    };
    return {
      Argument(node: ArgumentNode) {
        note(node.value, context.getArgument()?.type, node.name.value);
      },
    };
  };
}
