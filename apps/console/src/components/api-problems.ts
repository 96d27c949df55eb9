import type { CombinedError } from 'urql';

/** One thing the API refused, with the input path it names (`input.sections[0].title`) when it names one. */
export interface ApiProblem {
  field?: string;
  message: string;
}

/**
 * The problems of a refusal, as the API writes them: a BAD_USER_INPUT lists each problem with its own path in
 * `extensions.problems` (its `extensions.field` is the first of them); another refusal may name one field in
 * `extensions.field`. A failure without GraphQL errors (the network) is not among them: each form says it its way.
 * With `listedOnly`, only the problems of `extensions.problems` are read.
 */
export function apiProblems(error: CombinedError | undefined, options: { listedOnly?: boolean } = {}): ApiProblem[] {
  const problems: ApiProblem[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    const extensions = (e.extensions ?? {}) as { field?: unknown; problems?: unknown };
    const listed = Array.isArray(extensions.problems) ? (extensions.problems as { field?: unknown; message?: unknown }[]) : [];
    if (listed.length) {
      for (const p of listed)
        problems.push({
          field: typeof p.field === 'string' ? p.field : undefined,
          message: typeof p.message === 'string' ? p.message : e.message,
        });
    } else if (!options.listedOnly) {
      problems.push({ field: typeof extensions.field === 'string' ? extensions.field : undefined, message: e.message });
    }
  }
  return problems;
}
