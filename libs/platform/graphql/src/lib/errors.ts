import { GraphQLError } from 'graphql';

/**
 * Stable error codes, carried in `extensions.code`. Clients branch on these,
 * never on messages. Parse and validation failures keep Apollo's standard
 * GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED codes.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'QUERY_TOO_COMPLEX', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** Path of the offending field, e.g. `input.email`. */
  field: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { field?: string; problems?: FieldProblem[]; http?: { status: number; headers?: Map<string, string> }; [key: string]: unknown } = {},
  ) {
    const { http, ...rest } = extra;
    super(message, { extensions: { code, ...rest, ...(http ? { http } : {}) } });
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Sign in first: send a valid access token or API key as `Authorization: Bearer …`.') =>
  new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });

export const forbidden = (message: string) => new AppError('FORBIDDEN', message);

export const notFound = (what: string, id?: string) =>
  new AppError('NOT_FOUND', id ? `${what} ${id} was not found.` : `${what} was not found.`);

export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field ? { field } : {});

/** A bad input, naming the field; several problems at once when there are several. */
export function badInput(field: string, message: string): AppError;
export function badInput(problems: FieldProblem[]): AppError;
export function badInput(a: string | FieldProblem[], message?: string): AppError {
  const problems = typeof a === 'string' ? [{ field: a, message: message as string }] : a;
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', `Invalid input. ${summary}`, { field: problems[0]?.field, problems });
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many requests. Retry in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}
