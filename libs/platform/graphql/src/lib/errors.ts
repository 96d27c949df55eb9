import { GraphQLError } from 'graphql';
import * as domain from '@socle/platform-errors';
import { DOMAIN_ERROR_CODES, DomainError, FieldProblem } from '@socle/platform-errors';

export { DomainError, FieldProblem } from '@socle/platform-errors';

/**
 * Stable error codes, carried in `extensions.code`. Clients branch on these,
 * never on messages. The domains' codes, plus the API's own query limits and
 * BAD_REQUEST (a request GraphQL over HTTP does not accept, such as a batch).
 * Parse and validation failures keep Apollo's standard
 * GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED codes.
 */
export const ERROR_CODES = [...DOMAIN_ERROR_CODES, 'QUERY_TOO_COMPLEX', 'BAD_REQUEST'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error of the GraphQL layer itself, and what a DomainError becomes at this edge. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: {
      field?: string;
      problems?: FieldProblem[];
      http?: { status: number; headers?: Map<string, string> };
      [key: string]: unknown;
    } = {},
  ) {
    const { http, ...rest } = extra;
    super(message, { extensions: { code, ...rest, ...(http ? { http } : {}) } });
    this.name = 'AppError';
  }
}

/**
 * A domain error as the API answers it: its facts become `extensions` as they
 * are. A refusal of the caller itself (not signed in, rate-limited) also sets
 * the HTTP status (and Retry-After), which the answer keeps when it carries no
 * data at all.
 */
export function toGraphQLError(error: DomainError): AppError {
  const { code, ...facts } = error.facts();
  const http =
    error.code === 'UNAUTHENTICATED'
      ? { status: 401 }
      : error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined
        ? { status: 429, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) }
        : undefined;
  return new AppError(code as ErrorCode, error.message, { ...facts, ...(http ? { http } : {}) });
}

/** The GraphQL error to throw for anything a resolver or guard raised: domain errors mapped, others untouched. */
export function asGraphQLError<T>(error: T): T | AppError {
  return error instanceof DomainError ? toGraphQLError(error) : error;
}

// The GraphQL layer's own refusals (guards, limits, validation pipe), worded as the domains word them.
export const unauthenticated = (message?: string) => toGraphQLError(domain.unauthenticated(message));
export const forbidden = (message: string) => toGraphQLError(domain.forbidden(message));
export const notFound = (what: string, id?: string) => toGraphQLError(domain.notFound(what, id));
export const conflict = (message: string, field?: string) => toGraphQLError(domain.conflict(message, field));
export function badInput(field: string, message: string): AppError;
export function badInput(problems: FieldProblem[]): AppError;
export function badInput(a: string | FieldProblem[], message?: string): AppError {
  return toGraphQLError(typeof a === 'string' ? domain.badInput(a, message as string) : domain.badInput(a));
}
export const rateLimited = (retryAfterSeconds: number) => toGraphQLError(domain.rateLimited(retryAfterSeconds));
