import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, checkRequestShape, DomainError, InputValueError, literalPathOf, toGraphQLError } from '@socle/platform-graphql';
import { isConcurrentWriteConflict } from '@socle/platform-database';
import type { Metrics } from '@socle/platform-observability';
import type { GraphQLContext } from './graphql-context';
import { concurrentWriteError } from './http-errors.filter';
import { keepIdempotentAnswer } from './idempotency-claims';

/** Codes Apollo gives to request errors (parse, validation, variables); kept as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/**
 * The AppError behind an error: thrown by a resolver, or reported by a validation
 * rule (Apollo wraps those); a domain error the exception filter did not already
 * map (it maps those thrown through Nest) is mapped here.
 */
function appErrorOf(error: unknown): AppError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return original;
  if (original instanceof DomainError) return toGraphQLError(original);
  if (original instanceof GraphQLError && original.originalError instanceof AppError) return original.originalError;
  if (original instanceof GraphQLError && original.originalError instanceof DomainError) return toGraphQLError(original.originalError);
  return undefined;
}

/**
 * Every error leaves with a stable `extensions.code`; anything unexpected
 * becomes INTERNAL with no stack, SQL or message from inside.
 */
/**
 * graphql-js quotes the whole offending variable in coercion errors
 * ("Variable "$input" got invalid value { accessToken: … }"): keep the path and
 * the reason, drop the value, which may hold a secret sent next to a typo.
 */
export function withoutEchoedValue(message: string): string {
  return message.replace(/^(Variable "\$[^"]+") got invalid value .*?((?: at "[^"]+")?; )/s, '$1 got an invalid value$2');
}

/**
 * The field a variable coercion error is about, from graphql-js's message
 * (`Variable "$input" got … at "input.rules[0]"; …`, `Field "name" of required type …`).
 */
export function fieldOfVariableError(message: string): string | undefined {
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  if (!variable) return undefined;
  const at = /^Variable "\$[^"]+" got (?:an )?invalid value(?:.*? at "([^"]+)")?; /s.exec(message)?.[1] ?? variable[1];
  const inner = /; Field "([^"]+)" (?:of required type "[^"]+" was not provided|is not defined by type "[^"]+")\./.exec(message)?.[1];
  return inner ? `${at}.${inner}` : at;
}

/** Field suggestions name parts of the schema: not for callers who may not introspect. */
const withoutHint = (message: string) => message.replace(/ Did you mean .*\?$/, '');

/** The error of one of the API's scalars (a JSON object too deep, a day that does not exist) behind a validation or coercion error. */
function inputValueErrorOf(error: unknown): InputValueError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof InputValueError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof InputValueError) return original.originalError;
  return undefined;
}

/**
 * The message of a value a scalar refused, without the value as graphql-js
 * quotes it whole (a variable's value, a literal after "found"): the scalar's
 * own reason, which ends the message, quotes a bounded part of it. Read from
 * both ends, so that nothing inside the value can shift what is kept.
 */
export function scalarRefusalMessage(message: string, reason: string): string {
  if (!message.endsWith(reason)) return withoutEchoedValue(message);
  const typed = message.lastIndexOf('; Expected type "', message.length - reason.length);
  if (message.startsWith('Variable "$') && typed > 0) {
    const head = message.slice(0, typed);
    const variable = /^Variable "\$[^"]+"/.exec(head)?.[0];
    const at = / at "[^"]+"$/.exec(head)?.[0] ?? '';
    return `${variable} got an invalid value${at}${message.slice(typed)}`;
  }
  const found = message.indexOf('", found ');
  if (message.startsWith('Expected value of type "') && found > 0) return `${message.slice(0, found + 1)}; ${reason}`;
  return withoutEchoedValue(message);
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const appError = appErrorOf(error);
  const original = appError ?? unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    return { ...base, message: original.message, extensions: { code: HTTP_CODES[status] ?? 'INTERNAL' } };
  }
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED' && /call stack/i.test(formatted.message)) {
    return { ...base, message: 'Syntax Error: the document is nested too deeply.', extensions: { code } };
  }
  const valueError = inputValueErrorOf(error);
  if (valueError && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT')) {
    // A value one of the API's scalars refused: bad input, named by its path (in the variable, or where it is written inline).
    const message = scalarRefusalMessage(formatted.message, valueError.message);
    const field = fieldOfVariableError(message) ?? literalPathOf(error instanceof GraphQLError ? error.nodes?.[0] : undefined);
    return {
      ...base,
      message,
      extensions: { code: 'BAD_USER_INPUT', ...(field ? { field, problems: [{ field, message: valueError.message }] } : {}) },
    };
  }
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const message = withoutEchoedValue(formatted.message);
    const field = code === 'BAD_USER_INPUT' ? fieldOfVariableError(message) : undefined;
    return {
      ...base,
      message,
      extensions: { code, ...(field ? { field, problems: [{ field, message: message.replace(/^[^;]*; /, '') }] } : {}) },
    };
  }
  if (isConcurrentWriteConflict(original)) {
    // A write that lost to another made at the same moment, past the module's own check (still logged, as unexpected).
    const conflict = concurrentWriteError();
    return { ...base, message: conflict.message, extensions: conflict.facts() };
  }
  return { message: 'Internal server error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL' } };
}

const parsedOrNull = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null; // Apollo answers a malformed parameter itself
  }
};

/**
 * Refuses (400, before authentication and before Apollo parses anything) a
 * GraphQL request whose document or variables are nested beyond INPUT_LIMITS:
 * the parser, the validation rules and the variables' coercion recurse per
 * level. Runs where the context is built: an error thrown there keeps its
 * status, where one thrown in a plugin hook before execution becomes a 500.
 */
export function refuseMisshapenRequest(request: { body?: unknown; query?: unknown; requestId?: string }): void {
  const params = (request.body && typeof request.body === 'object' ? request.body : request.query) as Record<string, unknown> | undefined;
  if (!params || typeof params !== 'object') return;
  const query = typeof params['query'] === 'string' ? params['query'] : undefined;
  const variables = parsedOrNull(params['variables']);
  const extensions = parsedOrNull(params['extensions']);
  checkRequestShape(
    {
      query,
      variables: variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : null,
      extensions: extensions && typeof extensions === 'object' ? (extensions as Record<string, unknown>) : null,
    },
    { requestId: request.requestId ?? null },
  );
}

/**
 * Closes the request's unit of work before the answer leaves: COMMIT when no
 * error occurred, ROLLBACK otherwise (a failed mutation stores nothing partial);
 * a query's transaction is read-only.
 * Adds the request id to errors, hides field suggestions from anonymous
 * callers when introspection is private, logs unexpected errors, counts.
 */
export function requestLifecyclePlugin(options: { metrics: Metrics; publicIntrospection: boolean }): ApolloServerPlugin<GraphQLContext> {
  const logger = new Logger('GraphQL');
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx) {
          // A query only reads: its transaction is READ ONLY (PostgreSQL refuses writes) and ends without a round trip of its own.
          if (ctx.operation?.operation === 'query') ctx.contextValue?.state?.uow.markReadOnly();
        },
        async didEncounterErrors(ctx) {
          for (const error of ctx.errors) {
            const original = unwrapResolverError(error);
            const expected = original instanceof AppError || original instanceof DomainError || original instanceof HttpException;
            if (!expected && !REQUEST_ERROR_CODES.has(String(error.extensions?.code))) {
              logger.error(
                `request ${ctx.contextValue?.state?.requestId ?? '-'}: ${original instanceof Error ? original.stack : String(original)}`,
              );
            }
          }
        },
        async willSendResponse(ctx) {
          const state = ctx.contextValue?.state;
          const body = ctx.response.body;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const hadErrors = (ctx.errors?.length ?? 0) > 0 || (result?.errors?.length ?? 0) > 0;
          if (state?.uow.isOpen) {
            try {
              if (hadErrors) await state.uow.rollback();
              else {
                // A mutation sent with an idempotency key keeps its answer in its own transaction.
                await keepIdempotentAnswer(state, result?.data);
                await state.uow.commit();
              }
            } catch (error) {
              logger.error(`request ${state.requestId}: commit failed: ${String(error)}`);
              if (result) {
                result.data = null;
                result.errors = [{ message: 'Internal server error.', extensions: { code: 'INTERNAL' } }];
              }
            }
          }
          // GraphQL over HTTP: an answer that carries data is a success at the HTTP level, whatever its field errors.
          if (result?.data !== null && result?.data !== undefined && ctx.response.http) ctx.response.http.status = 200;
          if (result?.errors) {
            const anonymous = !state || state.principal.kind === 'anonymous';
            result.errors = result.errors.map((e) => {
              options.metrics.graphqlErrors.inc({ code: String(e.extensions?.code ?? 'INTERNAL') });
              const hide = !options.publicIntrospection && anonymous;
              const message = hide ? withoutHint(e.message) : e.message;
              const problems = e.extensions?.['problems'];
              const extensions =
                hide && Array.isArray(problems)
                  ? {
                      ...e.extensions,
                      problems: problems.map((p: { field: string; message: string }) => ({ ...p, message: withoutHint(p.message) })),
                    }
                  : e.extensions;
              return { ...e, message, extensions: { ...extensions, requestId: state?.requestId ?? null } };
            });
          }
          options.metrics.graphqlOperations.inc({ type: ctx.operation?.operation ?? 'unknown', outcome: hadErrors ? 'error' : 'ok' });
        },
      };
    },
  };
}
