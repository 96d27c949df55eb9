import { Group, SegmentedControl, Text } from '@mantine/core';
import type { CombinedError, OperationContext } from 'urql';
import type { PressRoomFieldsFragment } from '../../gql/graphql';

export type Room = PressRoomFieldsFragment;

/** Where the press room's panels act, and whether the person may change anything there. */
export interface PressScope {
  organizationId: string;
  timeZone: string;
  /** The organisation's header on every operation. */
  context: Partial<OperationContext>;
  /** Whether the person's roles let them change the room (the API checks again on every operation). */
  canManage: boolean;
  /** Called when the API refused a change as FORBIDDEN: the page turns read-only. */
  onForbidden(): void;
  /** Reads the room again (after a change made by a panel). */
  refresh(): void;
}

/** Whether the API refused an operation because of the person's roles. */
export function isForbidden(error: CombinedError | undefined): boolean {
  return (error?.graphQLErrors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');
}

/**
 * A list's problems by row: the API names a row by its index in what was sent (`input.contacts[2].email`), the page by
 * a key of its own, so that a row moved or removed since keeps its own message. `keys` are the rows' keys as sent.
 */
export function rowProblem(
  at: (path: string) => string | undefined,
  list: string,
  keys: readonly string[],
): (key: string, field?: string) => string | undefined {
  return (key, field) => {
    const index = keys.indexOf(key);
    if (index < 0) return undefined;
    return at(field ? `input.${list}[${index}].${field}` : `input.${list}[${index}]`);
  };
}

const ALL = 'ALL';

/** A list's filter (every value, or one) and, beside it, how many rows the list holds. */
export function ListFilter<T extends string>(props: {
  label: string;
  allLabel: string;
  value: T | null;
  values: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T | null) => void;
  count?: string;
}) {
  return (
    <Group justify="space-between">
      <SegmentedControl
        aria-label={props.label}
        value={props.value ?? ALL}
        onChange={(next) => props.onChange(next === ALL ? null : (next as T))}
        data={[{ value: ALL, label: props.allLabel }, ...props.values.map((v) => ({ value: v, label: props.labelOf(v) }))]}
      />
      {props.count !== undefined && <Text size="sm">{props.count}</Text>}
    </Group>
  );
}
