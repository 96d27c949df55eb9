/**
 * The errors the domains raise, whatever carries the call: the GraphQL API maps
 * them to `extensions.code`, a REST controller to an HTTP status, the worker
 * logs them. Clients branch on the code (and `reason`), never on the message.
 */
export const DOMAIN_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldProblem {
  /** Path of the offending field, e.g. `input.email`. */
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  /** The field the refusal is about, e.g. `input.role`. */
  field?: string;
  /** Every problem of a bad input, reported at once. */
  problems?: FieldProblem[];
  /** A finer, stable reason next to the code, e.g. `ASSESSMENT_FINALIZED`. */
  reason?: string;
  /** When a limited caller may try again. */
  retryAfterSeconds?: number;
  /** Other facts a client may read (never a secret), sent next to the code. */
  details?: Record<string, unknown>;
  /** The underlying failure, kept for logs only. */
  cause?: unknown;
}

export class DomainError extends Error {
  readonly field?: string;
  readonly problems?: FieldProblem[];
  readonly reason?: string;
  readonly retryAfterSeconds?: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    // Keys are present only when set, so the facts a client reads are exactly the ones given.
    if ('field' in options) this.field = options.field;
    if (options.problems !== undefined) this.problems = options.problems;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details ?? {};
  }

  /** What a client may read besides the message: the code first, then the facts given (a transport's error payload). */
  facts(): Record<string, unknown> {
    const facts: Record<string, unknown> = { code: this.code };
    if ('field' in this) facts.field = this.field;
    if (this.problems !== undefined) facts.problems = this.problems;
    if (this.reason !== undefined) facts.reason = this.reason;
    if (this.retryAfterSeconds !== undefined) facts.retryAfterSeconds = this.retryAfterSeconds;
    return { ...facts, ...this.details };
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * The HTTP status of each code, for transports over HTTP (the REST routes, and
 * the GraphQL answer when a refusal leaves no data at all).
 */
export const HTTP_STATUS_OF: Readonly<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  /** A network or other remote service the call depends on did not answer properly: the caller may retry. */
  UPSTREAM_UNAVAILABLE: 502,
  INTERNAL: 500,
};

export const unauthenticated = (message = 'Sign in first: send a valid access token or API key as `Authorization: Bearer …`.') =>
  new DomainError('UNAUTHENTICATED', message);

export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

export const notFound = (what: string, id?: string) =>
  new DomainError('NOT_FOUND', id ? `${what} ${id} was not found.` : `${what} was not found.`);

export const conflict = (message: string, field?: string, reason?: string) =>
  new DomainError('CONFLICT', message, { ...(field ? { field } : {}), ...(reason ? { reason } : {}) });

/** A bad input, naming the field; several problems at once when there are several. */
export function badInput(field: string, message: string): DomainError;
export function badInput(problems: FieldProblem[]): DomainError;
export function badInput(a: string | FieldProblem[], message?: string): DomainError {
  const problems = typeof a === 'string' ? [{ field: a, message: message as string }] : a;
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new DomainError('BAD_USER_INPUT', `Invalid input. ${summary}`, { field: problems[0]?.field, problems });
}

export function rateLimited(retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', `Too many requests. Retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

/**
 * One line for a log: code, reason and message, never the details (a log is
 * read by operators, the details are for the client that asked).
 */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) {
    return `${error.code}${error.reason ? ` (${error.reason})` : ''}: ${error.message}`;
  }
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
