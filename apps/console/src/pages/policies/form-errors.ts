import type { CombinedError } from 'urql';
import { apiProblems } from '../../components/api-problems';

/**
 * The API's field errors by field path (`input.sections.0.title` → its message): BAD_USER_INPUT carries
 * `extensions.field` and, for several at once, `extensions.problems`. Each form shows them next to its inputs.
 */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  // The input's checks write `input.sections.0.key`, the rules' `input.sections[0].key`: one form for both.
  for (const { field, message } of apiProblems(error)) if (field) byField[field.replace(/\[(\d+)\]/g, '.$1')] ??= message;
  return byField;
}

/** Errors that name no field the form shows (shown above the form). */
export function otherErrors(error: CombinedError | undefined, shown: string[]): string[] {
  if (!error) return [];
  if (!error.graphQLErrors.length) return [error.message];
  return error.graphQLErrors
    .filter((e) => {
      const field = e.extensions?.field;
      if (typeof field !== 'string') return true;
      const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as { field?: unknown }[]) : [{ field }];
      return !problems.every((p) => typeof p.field === 'string' && shown.includes(p.field.replace(/\[(\d+)\]/g, '.$1')));
    })
    .map((e) => e.message);
}
