import { describeError, DomainError } from '@socle/platform-errors';

/**
 * How a failed job is logged. A domain error is a refusal the job met (the
 * organisation is gone, a rule said no): one warning line with its code and
 * reason. Anything else is a fault: an error with its stack.
 */
export function jobFailureLog(
  job: { name?: string; id?: string; attemptsMade?: number } | undefined,
  error: unknown,
): { level: 'warn' | 'error'; line: string } {
  const what = `job ${job?.name ?? 'unknown'} ${job?.id ?? '-'} failed (attempt ${job?.attemptsMade ?? 0})`;
  if (error instanceof DomainError) return { level: 'warn', line: `${what}: ${describeError(error)}` };
  return { level: 'error', line: `${what}: ${describeError(error)}` };
}
