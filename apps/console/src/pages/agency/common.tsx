import { Alert, Button, Group, List } from '@mantine/core';
import type { CombinedError } from 'urql';
import { apiProblems, type ApiProblem } from '../../components/api-problems';
export { useCursorPages } from '../../components/paging';
import { useT } from '../../i18n/locale';

type Problem = ApiProblem;

/**
 * The API's refusals by field path: a BAD_USER_INPUT (or CONFLICT) error names its field (`input.email`) and lists
 * each problem with its own path (`input.content.levels[1].minScore`). `at(path)` is the message for one field;
 * `under(prefix)` every problem below a path, for a JSON editor; `rest` what names no field the form shows.
 */
export function fieldProblems(error: CombinedError | undefined, shown: readonly string[] = []) {
  const problems = apiProblems(error);
  const at = (path: string): string | undefined => {
    const found = problems.filter((p) => p.field === path).map((p) => p.message);
    return found.length ? found.join(' ') : undefined;
  };
  const under = (prefix: string): Problem[] => problems.filter((p) => p.field?.startsWith(prefix));
  const rest = problems.filter(
    (p) => !p.field || !shown.some((s) => p.field === s || p.field?.startsWith(`${s}.`) || p.field?.startsWith(`${s}[`)),
  );
  const network = error && !error.graphQLErrors.length ? error.message : undefined;
  return { at, under, rest: network ? [{ message: network }, ...rest] : rest };
}

export const PAGE_SIZE = 20;

/** Previous / next buttons under a paginated table. */
export function Pager({
  page,
  hasNextPage,
  onPrevious,
  onNext,
}: {
  page: number;
  hasNextPage: boolean;
  onPrevious(): void;
  onNext(): void;
}) {
  const t = useT();
  if (page <= 1 && !hasNextPage) return null;
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" size="xs" disabled={page <= 1} onClick={onPrevious}>
        {t('agency.previousPage')}
      </Button>
      <Button variant="default" size="xs" disabled={!hasNextPage} onClick={onNext}>
        {t('agency.nextPage')}
      </Button>
    </Group>
  );
}

/** Saves text as a file the browser downloads. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The problems the form shows nowhere else (a refusal naming no field, or a field without an input). */
export function ProblemsAlert({ problems }: { problems: { field?: string; message: string }[] }) {
  if (!problems.length) return null;
  return (
    <Alert color="red" role="alert">
      {problems.length === 1 ? (
        problems[0].message
      ) : (
        <List size="sm">
          {problems.map((p, i) => (
            <List.Item key={i}>{p.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
