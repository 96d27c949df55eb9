import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  getIntrospectionQuery,
  getVariableValues,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError } from './errors';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

function tooComplex(message: string): GraphQLError {
  return new AppError('QUERY_TOO_COMPLEX', message, { http: { status: 400 } });
}

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      max = Math.max(max, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      max = Math.max(max, depthOf(fragment.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return max;
}

/**
 * Depth of the full introspection query of graphql-js (`getIntrospectionQuery`
 * with every option), which GraphQL tools send: its type references nest
 * `ofType` several levels deep.
 */
export const STANDARD_INTROSPECTION_DEPTH = (() => {
  const document = parse(
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    }),
  );
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return depthOf(operation?.selectionSet, fragments, new Set());
})();

/**
 * Refuses operations nested deeper than `maxDepth` fields, before anything runs.
 * Introspection counts too; an operation that introspects may go as deep as
 * the standard introspection query (STANDARD_INTROSPECTION_DEPTH), no deeper.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const definitions = context.getDocument().definitions;
    const fragments = new Map(
      definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const byName = Object.fromEntries(fragments);
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        const limit = usesIntrospection(node.selectionSet, byName) ? Math.max(maxDepth, STANDARD_INTROSPECTION_DEPTH) : maxDepth;
        if (depth > limit) {
          context.reportError(tooComplex(`Query depth ${depth} exceeds the limit of ${limit}.`));
        }
      },
    };
  };
}

/** Refuses documents with more than `maxAliases` aliased fields (alias-based amplification). */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node: FieldNode) {
        if (node.alias) aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(tooComplex(`The document uses more than ${maxAliases} aliases.`));
        }
      },
    };
  };
}

/** Lists cost their page size times what each item costs. */
function connectionEstimator(options: ComplexityEstimatorArgs): number | void {
  const first = options.args.first;
  if (typeof first === 'number' && first > 0) return 1 + first * Math.max(options.childComplexity, 1);
  return undefined;
}

function usesIntrospection(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.some((s) => {
    if (s.kind === Kind.FIELD)
      return s.name.value === '__schema' || s.name.value === '__type' || usesIntrospection(s.selectionSet, fragments, seen);
    if (s.kind === Kind.INLINE_FRAGMENT) return usesIntrospection(s.selectionSet, fragments, seen);
    if (seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    return usesIntrospection(fragments[s.name.value]?.selectionSet, fragments, seen);
  });
}

/** A caller's request budget as `extensions.cost.throttleStatus` shows it. */
export interface ThrottleStatus {
  /** Requests allowed per window. */
  maximumAvailable: number;
  /** Requests left in the current window, this one counted. */
  currentlyAvailable: number;
  /** Seconds until the window ends and `currentlyAvailable` is back to `maximumAvailable`. */
  resetInSeconds: number;
  windowSeconds: number;
}

/**
 * What an answer says about its cost, in `extensions.cost` (after Shopify's
 * Admin API): the cost the operation was checked against before it ran, what it
 * was charged (the requested cost once executed; 0 when nothing ran), the cap
 * per operation, and the caller's request budget.
 */
export interface QueryCostExtension {
  /** The operation's cost as analysed before execution; null when it could not be analysed (a document or variables refused). */
  requestedQueryCost: number | null;
  /** The requested cost when the operation ran, 0 when it was refused before any resolver. Not re-measured on the answer. */
  actualQueryCost: number;
  /** The most one operation may cost (GRAPHQL_MAX_COST). */
  maximumQueryCost: number;
  throttleStatus: ThrottleStatus | null;
}

/**
 * Cost limit (needs variables, so it runs once the operation is resolved, still
 * before any resolver) and introspection for anonymous callers. Every answer
 * that went through the request pipeline carries its cost in `extensions.cost`.
 */
export function queryLimitsPlugin<TContext extends object>(
  limits: QueryLimits,
  options: { introspectionAllowed: (context: TContext) => boolean; throttleStatus?: (context: TContext) => ThrottleStatus | null },
): ApolloServerPlugin<TContext> {
  // What each recent operation asks for, by text and operation name (clients send the same few again
  // and again), and its cost by variables: the analysis runs once per distinct operation.
  const seen = new Map<string, { introspection: boolean; costs: Map<string, number> }>();
  return {
    async requestDidStart() {
      let requested: number | null = null;
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse(requestContext) {
          const body = requestContext.response.body;
          if (body.kind !== 'single') return;
          const cost: QueryCostExtension = {
            requestedQueryCost: requested,
            actualQueryCost: executed && requested !== null ? requested : 0,
            maximumQueryCost: limits.maxCost,
            throttleStatus: options.throttleStatus?.(requestContext.contextValue) ?? null,
          };
          body.singleResult.extensions = { ...body.singleResult.extensions, cost };
        },
        async didResolveOperation(requestContext: GraphQLRequestContext<TContext>) {
          const { document, operation } = requestContext as Required<GraphQLRequestContext<TContext>>;
          if (!document || !operation) return;
          const operationKey = `${requestContext.operationName ?? ''}\u0000${requestContext.source ?? ''}`;
          let entry = seen.get(operationKey);
          if (!entry) {
            const fragments = Object.fromEntries(
              document.definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((d) => [d.name.value, d]),
            );
            entry = { introspection: usesIntrospection(operation.selectionSet, fragments), costs: new Map() };
            if (seen.size >= 1000) seen.delete(seen.keys().next().value as string);
            seen.set(operationKey, entry);
          }
          if (entry.introspection && !options.introspectionAllowed(requestContext.contextValue)) {
            throw new AppError('FORBIDDEN', 'Introspection is available to signed-in callers only.', { http: { status: 403 } });
          }
          const variables = requestContext.request.variables ?? {};
          const variablesKey = operation.variableDefinitions?.length ? JSON.stringify(variables) : '';
          let cost = entry.costs.get(variablesKey);
          if (cost === undefined) {
            // Variables that do not fit their types cannot be costed; execution then refuses them
            // (BAD_USER_INPUT naming the variable, HTTP 400) before any resolver runs.
            if (variablesKey && getVariableValues(requestContext.schema, operation.variableDefinitions ?? [], variables).errors) return;
            cost = getComplexity({
              schema: requestContext.schema,
              query: document,
              operationName: requestContext.operationName ?? undefined,
              variables,
              estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
            if (entry.costs.size >= 100) entry.costs.delete(entry.costs.keys().next().value as string);
            entry.costs.set(variablesKey, cost);
          }
          requested = cost;
          if (cost > limits.maxCost) {
            throw tooComplex(`Query cost ${cost} exceeds the limit of ${limits.maxCost}. Ask for fewer items per page or fewer fields.`);
          }
        },
      };
    },
  };
}
