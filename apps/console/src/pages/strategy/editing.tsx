import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { apiProblems } from '../../components/api-problems';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/locale';
import { Empty, MoreButton, useOrganization } from './support';

/** A strategy form in a modal: what the API refused without naming a field above it, Cancel and Save below. */
export function FormModal({
  title,
  general,
  saving,
  onClose,
  onSubmit,
  children,
  size,
}: {
  title: string;
  general: string | null;
  saving: boolean;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
  size?: string;
}) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('strategy.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('strategy.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('strategy.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before a deletion, says what follows from it, and shows the API's refusal if there is one. */
export function ConfirmDelete({
  title,
  message,
  error,
  deleting,
  onClose,
  onConfirm,
}: {
  title: string;
  message: string;
  error: CombinedError | undefined;
  deleting: boolean;
  onClose(): void;
  onConfirm(): void;
}) {
  const t = useT();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('strategy.close') }}>
      <Stack>
        <Text>{message}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('strategy.cancel')}
          </Button>
          <Button color="red.9" loading={deleting} onClick={onConfirm}>
            {t('strategy.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The Edit and Delete buttons of a row, each named after the row for screen readers. */
export function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit(): void;
  onDelete(): void;
}) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={editLabel}>
        {t('strategy.edit')}
      </Button>
      <Button size="xs" variant="outline" color="red.9" onClick={onDelete} aria-label={deleteLabel}>
        {t('strategy.delete')}
      </Button>
    </Group>
  );
}

/** What a list section shows of a connection read with `useConnection`. */
interface ListedConnection<N> {
  nodes: N[];
  loaded: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  more?: () => void;
}

/**
 * A strategy list: its title with the button that adds one (for those who may), the table of its rows with a last
 * column of actions (same), what to do next when it is empty, the button that reads more, and the section's dialogs.
 */
export function ListSection<N extends { id: string }>({
  title,
  hint,
  addLabel,
  manage,
  actionsForAll = false,
  onAdd,
  list,
  empty,
  headers,
  rowTestId,
  cells,
  actions,
  children,
}: {
  title: string;
  /** A line under the title saying what the list is for. */
  hint?: string;
  addLabel: string;
  manage: boolean;
  /** The actions column for everyone, not only for those who manage (its actions decide who sees what). */
  actionsForAll?: boolean;
  onAdd(): void;
  list: ListedConnection<N>;
  empty: string;
  headers: string[];
  rowTestId: string;
  cells(node: N): ReactNode;
  actions(node: N): ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const withActions = manage || actionsForAll;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{title}</Title>
        {manage && <Button onClick={onAdd}>{addLabel}</Button>}
      </Group>
      {hint && (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      )}
      <ErrorAlert error={list.error} />
      {!list.loaded && list.fetching && <Loader />}
      {list.loaded && list.nodes.length === 0 && <Empty>{empty}</Empty>}
      {list.nodes.length > 0 && (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
              {withActions && <Table.Th>{t('strategy.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.nodes.map((node) => (
              <Table.Tr key={node.id} data-testid={rowTestId}>
                {cells(node)}
                {withActions && <Table.Td>{actions(node)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MoreButton more={list.more} fetching={list.fetching} />
      {children}
    </Stack>
  );
}

/**
 * The state of a list's dialogs: the row in its form (`'new'` for one to add) and the row whose deletion is being
 * confirmed, the deletion itself (by id, through `deleteDocument`), and `onChanged` once one is saved or deleted.
 * `confirm` is what `ConfirmDelete` takes besides its title and message.
 */
export function useListEditing<N extends { id: string }>(
  deleteDocument: TypedDocumentNode<unknown, { input: { id: string | number } }>,
  onChanged: () => void,
) {
  const { context } = useOrganization();
  const [editing, setEditing] = useState<N | 'new' | null>(null);
  const [deleting, setDeleting] = useState<N | null>(null);
  const [deleted, remove] = useMutation(deleteDocument);
  return {
    editing: editing === 'new' ? null : editing,
    formOpen: editing !== null,
    add: () => setEditing('new'),
    edit: (node: N) => setEditing(node),
    closeForm: () => setEditing(null),
    saved: () => {
      setEditing(null);
      onChanged();
    },
    deleting,
    askDelete: (node: N) => setDeleting(node),
    confirm: {
      error: deleted.error,
      deleting: deleted.fetching,
      onClose: () => setDeleting(null),
      onConfirm: async () => {
        if (!deleting) return;
        const { data } = await remove({ input: { id: deleting.id } }, context);
        if (!data) return;
        setDeleting(null);
        onChanged();
      },
    },
  };
}

/**
 * A form that adds a row or changes `existing`: the mutation whose state the form shows (creation or update), and
 * `save`, which sends `forCreate` to the one or `forUpdate` with the row's id to the other and calls `onSaved` once
 * the API has taken it.
 */
export function useCreateOrUpdate<C, U extends { id: string | number }>(
  createDocument: TypedDocumentNode<unknown, { input: C }>,
  updateDocument: TypedDocumentNode<unknown, { input: U }>,
  existing: { id: string } | null,
  onSaved: () => void,
) {
  const { context } = useOrganization();
  const [created, create] = useMutation(createDocument);
  const [updated, update] = useMutation(updateDocument);
  return {
    result: existing ? updated : created,
    save: async (forCreate: C, forUpdate: Omit<U, 'id'>) => {
      const { data } = existing
        ? await update({ input: { id: existing.id, ...forUpdate } as U }, context)
        : await create({ input: forCreate }, context);
      if (data) onSaved();
    },
  };
}

/** `input.handles[1].handle` or `input.handles.1.handle` (the two ways the API writes an item) → 1 and `handle`. */
function itemPath(path: string, field: string): { index: number; part?: string } | null {
  const prefix = `input.${field}`;
  if (!path.startsWith(prefix)) return null;
  const at = /^(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(path.slice(prefix.length));
  return at ? { index: Number(at[1] ?? at[2]), part: at[3] } : null;
}

/**
 * The API's problems about one list field of the input, in one sentence: those naming an item (`input.wordsToUse[3]`)
 * prefixed with what `describe` says of that item, and those naming the whole list as they are. Undefined when none.
 */
export function listProblems(error: CombinedError | undefined, field: string, describe: (index: number) => string): string | undefined {
  const messages: string[] = [];
  for (const problem of apiProblems(error)) {
    if (!problem.field) continue;
    const item = itemPath(problem.field, field);
    if (item) messages.push(`${describe(item.index)}: ${problem.message}`);
    else if (problem.field === `input.${field}`) messages.push(problem.message);
  }
  return messages.length ? messages.join(' · ') : undefined;
}

/** The API's problems about the items of a list field, by position and part (`1.handle`; `1` for the whole item). */
export function itemProblems(error: CombinedError | undefined, field: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const problem of apiProblems(error)) {
    const item = problem.field ? itemPath(problem.field, field) : null;
    if (item) found[item.part ? `${item.index}.${item.part}` : String(item.index)] = problem.message;
  }
  return found;
}

/** A text field's value for an optional input: blank is no value. */
export const textOrNull = (value: string) => (value.trim() === '' ? null : value);
