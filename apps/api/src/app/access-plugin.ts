import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { AccessResolution, AccessRule, collectOperationRules } from '@socle/platform-auth';
import { AppError } from '@socle/platform-graphql';
import type { GraphQLContext } from './graphql-context';
import { formatError } from './graphql-plugins';

const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** The root fields an operation selects (through fragments; `@skip`/`@include` applied), introspection fields left out. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names = new Set<string>();
  const visited = new Set<string>();
  const included = (node: Parameters<typeof getDirectiveValues>[1]): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/**
 * Resolves each GraphQL operation's access once, after it is parsed, validated
 * and costed and before any resolver runs: the rules of its root fields (read
 * from the resolvers' metadata) must all need one level, and the tenant is
 * entered once, its membership proven in the transaction's opening round trip.
 * A refusal answers the operation as a whole: no resolver runs, nothing is written.
 */
export function accessPlugin(modules: ModulesContainer, resolution: AccessResolution): ApolloServerPlugin<GraphQLContext> {
  const logger = new Logger('Access');
  let rules: Map<string, AccessRule | undefined> | undefined;
  return {
    async requestDidStart() {
      return {
        async responseForOperation(ctx): Promise<GraphQLResponse | null> {
          const state = ctx.contextValue?.state;
          if (!state || !ctx.operation) return null;
          // A query only reads: its transaction opens READ ONLY (the access probe opens it).
          if (ctx.operation.operation === 'query') state.uow.markReadOnly();
          rules ??= collectOperationRules(modules);
          const root =
            ctx.operation.operation === 'mutation' ? 'Mutation' : ctx.operation.operation === 'subscription' ? 'Subscription' : 'Query';
          const fields = rootFieldNames(ctx.document, ctx.operation, ctx.request.variables ?? {});
          try {
            // A subscription runs over WebSocket only (subscriptions.ts), where every event is checked again.
            if (ctx.operation.operation === 'subscription')
              throw new AppError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (graphql-ws) at this path, not over HTTP.', {
                field: 'query',
              });
            await resolution.resolve(
              state,
              fields.map((field) => (rules as Map<string, AccessRule | undefined>).get(`${root}.${field}`)),
            );
            return null;
          } catch (caught) {
            const error = caught instanceof GraphQLError ? caught : new AppError('INTERNAL', 'Internal server error.');
            if (!(caught instanceof AppError))
              logger.error(
                `request ${state.requestId}: resolving access failed: ${caught instanceof Error ? caught.stack : String(caught)}`,
              );
            const extensions = error.extensions as { code?: string; http?: { status?: number; headers?: Map<string, string> } };
            const headers = new HeaderMap();
            for (const [name, value] of extensions.http?.headers ?? []) headers.set(name, value);
            return {
              http: { status: extensions.http?.status ?? STATUS_OF_CODE[String(extensions.code)] ?? 500, headers },
              body: { kind: 'single', singleResult: { errors: [formatError(error.toJSON(), error)] } },
            };
          }
        },
      };
    },
  };
}
