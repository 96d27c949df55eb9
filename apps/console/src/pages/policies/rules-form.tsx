import { ActionIcon, Alert, Button, Card, Group, JsonInput, List, Modal, Stack, Text } from '@mantine/core';
import { Fragment, useId, useState, type Dispatch, type FormEvent, type ReactNode, type SetStateAction } from 'react';
import { useT } from '../../i18n/locale';
import type { CombinedError } from 'urql';
import { moved, ruleListErrors } from './rule-errors';

/** The API's problems the form shows above its rules (or, for `rules`, in a rule's card). */
export function ProblemAlert({ messages, title }: { messages: string[]; title?: string }) {
  if (!messages.length) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <List size="sm">
          {messages.map((m, i) => (
            <List.Item key={i}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

let lastKey = 0;
/** A key that stays with a row while the rows are added, removed and moved (React's list key; never sent). */
export const rowKey = () => `row-${++lastKey}`;

/** Move up, move down and remove, for rule `index` of `count`. */
export function RowActions({
  index,
  count,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const t = useT();
  const n = index + 1;
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" aria-label={t('policies.rules.moveUp', { n })} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={t('policies.rules.moveDown', { n })}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon variant="default" c="red.9" aria-label={t('policies.rules.remove', { n })} onClick={onRemove}>
        ✕
      </ActionIcon>
    </Group>
  );
}

/**
 * The advanced way in and out: the form's rules as JSON, to copy elsewhere or to replace with a pasted list. Applying
 * only fills the form (the API checks the rules when they are saved).
 */
export function JsonRulesButton({ rules, onApply }: { rules: unknown[]; onApply(list: unknown[]): void }) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    setText(null);
    setProblem(null);
  };
  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text ?? '');
    } catch {
      setProblem(t('policies.rules.notJson'));
      return;
    }
    if (!Array.isArray(parsed)) {
      setProblem(t('policies.rules.notList'));
      return;
    }
    onApply(parsed);
    close();
  };
  return (
    <>
      <Button variant="default" onClick={() => setText(JSON.stringify(rules, null, 2))}>
        {t('policies.rules.json')}
      </Button>
      <Modal opened={text !== null} onClose={close} title={t('policies.rules.json')} size="lg">
        <Stack>
          <JsonInput
            label={t('policies.rules.jsonLabel')}
            description={t('policies.rules.jsonHint')}
            value={text ?? ''}
            onChange={setText}
            autosize
            minRows={8}
            maxRows={24}
            formatOnBlur
            error={problem}
          />
          <Group>
            <Button onClick={apply}>{t('policies.rules.jsonApply')}</Button>
            <Button variant="default" onClick={close}>
              {t('policies.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** What a rule's card is given: the API's problems about it, and how to change its row, move it or take it out. */
export interface RuleEditing<R> {
  errors: Record<string, string[]> | undefined;
  onChange(change: Partial<R>): void;
  onMove(to: number): void;
  onRemove(): void;
}

/**
 * A rules list as a form: the API's problems about no rule in particular, what to do when there is none, one card per
 * rule (`card`, given the problems about that rule), then Add, Save and Cancel, and the JSON way in and out. The whole
 * list is saved at once (`onSubmit`); `error` is the refusal of the last save.
 */
export function RulesListForm<R extends { key: string }>({
  rows,
  setRows,
  error,
  empty,
  saving,
  newRow,
  toJson,
  fromJson,
  onSubmit,
  onCancel,
  card,
}: {
  rows: R[];
  setRows: Dispatch<SetStateAction<R[]>>;
  error: CombinedError | undefined;
  empty: string;
  saving: boolean;
  newRow(list: R[]): R;
  toJson(row: R): unknown;
  fromJson(item: unknown): R;
  onSubmit(): void;
  onCancel(): void;
  card(row: R, index: number, editing: RuleEditing<R>): ReactNode;
}) {
  const t = useT();
  // Errors are for the rows as they were sent: a moved or removed row must not show another's.
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const errors = ruleListErrors(error, sentKeys.length);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentKeys(rows.map((r) => r.key));
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert messages={errors.rest} title={t('policies.rules.invalid')} />
        {rows.length === 0 && <Text>{empty}</Text>}
        {rows.map((row, index) => (
          <Fragment key={row.key}>
            {card(row, index, {
              errors: errors.rows[sentKeys.indexOf(row.key)],
              onChange: (change) => setRows((list) => list.map((r) => (r.key === row.key ? { ...r, ...change } : r))),
              onMove: (to) => setRows((list) => moved(list, index, to)),
              onRemove: () => setRows((list) => list.filter((r) => r.key !== row.key)),
            })}
          </Fragment>
        ))}
        <Group justify="space-between">
          <Group>
            <Button variant="default" onClick={() => setRows((list) => [...list, newRow(list)])}>
              {t('policies.rules.add')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('policies.rules.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('policies.cancel')}
            </Button>
          </Group>
          <JsonRulesButton rules={rows.map(toJson)} onApply={(list) => setRows(list.map(fromJson))} />
        </Group>
      </Stack>
    </form>
  );
}

/** One rule's card: its title (which names the group for screen readers), its move and remove buttons, the API's problems no control shows, then its controls. */
export function RuleCard({
  testId,
  title,
  index,
  count,
  problems,
  onMove,
  onRemove,
  children,
}: {
  testId: string;
  title: string;
  index: number;
  count: number;
  problems: string[];
  onMove(to: number): void;
  onRemove(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card withBorder data-testid={testId} p="sm" role="group" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} id={titleId}>
            {title}
          </Text>
          <RowActions index={index} count={count} onMove={onMove} onRemove={onRemove} />
        </Group>
        <ProblemAlert messages={problems} />
        {children}
      </Stack>
    </Card>
  );
}

/** "2 days 4 h 30 min" for a number of minutes; empty for none. */
export function useDuration(): (minutes: number) => string {
  const t = useT();
  return (minutes) => {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    return [
      days ? t('policies.duration.days', { n: days }) : '',
      hours ? t('policies.duration.hours', { n: hours }) : '',
      rest ? t('policies.duration.minutes', { n: rest }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
}
