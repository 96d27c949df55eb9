import type { CombinedError } from 'urql';
import { apiProblems } from '../../components/api-problems';

/** The API's refusal of a rules list, sorted by rule: each row's problems by their path inside the rule. */
export interface RuleListErrors {
  /** Per rule (by position): `responseMinutes`, `words.4`, `replyTemplates.1.text`, or '' for the rule as a whole. */
  rows: Record<string, string[]>[];
  /** Problems of the list itself, of no rule, or of a failure without GraphQL errors. */
  rest: string[];
}

const RULE_PATH = /^input\.rules\.(\d+)(?:\.?(.*))?$/;

/**
 * Sorts a refusal by rule: the API names each problem's path (`input.rules[2].words[4]`; its input checks write
 * `input.rules.2.words.4`), read with the shared apiProblems helper.
 */
export function ruleListErrors(error: CombinedError | undefined, count: number): RuleListErrors {
  const rows: Record<string, string[]>[] = Array.from({ length: count }, () => ({}));
  const rest: string[] = [];
  if (!error) return { rows, rest };
  if (!error.graphQLErrors.length) return { rows, rest: [error.message] };
  for (const { field, message } of apiProblems(error)) {
    const match = field ? RULE_PATH.exec(field.replace(/\[(\d+)\]/g, '.$1')) : null;
    const index = match ? Number(match[1]) : -1;
    if (!match || index >= count) {
      rest.push(message);
      continue;
    }
    const path = match[2] ?? '';
    (rows[index][path] ??= []).push(message);
  }
  return { rows, rest };
}

/** Whether `path` is `field` or inside it (`words.4` is inside `words`). */
const within = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/**
 * The messages a control shows: those of its field and of the items inside it. An item's message names the item
 * (its value, quoted, unless the API quoted it already), since a tags input shows one message for all of them.
 */
export function errorAt(row: Record<string, string[]> | undefined, field: string, items?: readonly string[]): string | undefined {
  if (!row) return undefined;
  const messages = Object.entries(row)
    .filter(([path]) => within(path, field))
    .flatMap(([path, list]) => {
      const item = /^\.(\d+)$/.exec(path.slice(field.length));
      const value = item && items ? items[Number(item[1])] : undefined;
      return list.map((m) => (value !== undefined && !m.includes(`"${value}"`) ? `"${value}": ${m}` : m));
    });
  return messages.length ? messages.join(' ') : undefined;
}

/** The messages of a rule that no control of its form shows (the rule as a whole, or a field the form lacks). */
export function leftover(row: Record<string, string[]> | undefined, fields: readonly string[]): string[] {
  if (!row) return [];
  return Object.entries(row)
    .filter(([path]) => !fields.some((field) => field !== '' && within(path, field)))
    .flatMap(([, list]) => list);
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
