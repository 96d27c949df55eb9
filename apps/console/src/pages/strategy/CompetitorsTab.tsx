import { Button, Fieldset, Group, Input, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import type { StrategyCompetitorsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { ConfirmDelete, FormModal, itemProblems, ListSection, RowActions, useCreateOrUpdate, useListEditing } from './editing';
import { CreateCompetitorDocument, DeleteCompetitorDocument, StrategyNetworksDocument, UpdateCompetitorDocument } from './lists-operations';
import { CompetitorsDocument } from './operations';
import { splitErrors, useConnection, useOrganization, useStrategyPermissions } from './support';

type Competitor = StrategyCompetitorsQuery['competitors']['edges'][number]['node'];

/** What the API takes at most per competitor. */
const MAX_HANDLES = 30;

/** The competitors listening and benchmarking watch, with their accounts; added, edited and deleted here. */
export function CompetitorsTab() {
  const t = useT();
  const { manageStrategy } = useStrategyPermissions();
  const competitors = useConnection(CompetitorsDocument, (d) => d.competitors);
  const rows = useListEditing<Competitor>(DeleteCompetitorDocument, competitors.reload);
  return (
    <ListSection
      title={t('strategy.competitors.title')}
      addLabel={t('strategy.competitors.add')}
      manage={manageStrategy}
      onAdd={rows.add}
      list={competitors}
      empty={t(manageStrategy ? 'strategy.competitors.empty' : 'strategy.competitors.emptyReadOnly')}
      headers={[t('strategy.competitors.name'), t('strategy.competitors.handles'), t('strategy.competitors.notes')]}
      rowTestId="competitor-row"
      cells={(c) => (
        <>
          <Table.Td>{c.name}</Table.Td>
          <Table.Td>{c.handles.map((h) => `${h.network}: ${h.handle}`).join(', ') || '—'}</Table.Td>
          <Table.Td>{c.notes}</Table.Td>
        </>
      )}
      actions={(c) => (
        <RowActions
          editLabel={t('strategy.competitors.editNamed', { name: c.name })}
          deleteLabel={t('strategy.competitors.deleteNamed', { name: c.name })}
          onEdit={() => rows.edit(c)}
          onDelete={() => rows.askDelete(c)}
        />
      )}
    >
      {rows.formOpen && <CompetitorForm competitor={rows.editing} onClose={rows.closeForm} onSaved={rows.saved} />}
      {rows.deleting && (
        <ConfirmDelete
          title={t('strategy.competitors.deleteTitle')}
          message={t('strategy.competitors.deleteConfirm', { name: rows.deleting.name })}
          {...rows.confirm}
        />
      )}
    </ListSection>
  );
}

interface HandleRow {
  network: string | null;
  handle: string;
}

function CompetitorForm({ competitor, onClose, onSaved }: { competitor: Competitor | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [choices] = useQuery({ query: StrategyNetworksDocument, context });
  const [form, setForm] = useState({ name: competitor?.name ?? '', notes: competitor?.notes ?? '' });
  const [handles, setHandles] = useState<HandleRow[]>(competitor?.handles.map((h) => ({ network: h.network, handle: h.handle })) ?? []);
  const { result, save } = useCreateOrUpdate(CreateCompetitorDocument, UpdateCompetitorDocument, competitor, onSaved);
  const { fields, general } = splitErrors(result.error ?? choices.error);
  const rowProblems = itemProblems(result.error, 'handles');
  const [missing, setMissing] = useState<Record<string, string>>({});

  // An account's network stays choosable even when its connector is no longer enabled.
  const networks = new Map((choices.data?.networks ?? []).map((n) => [n.id, n.displayName]));
  for (const h of handles) if (h.network && !networks.has(h.network)) networks.set(h.network, h.network);
  const networkData = [...networks].map(([value, label]) => ({ value, label }));

  const setRow = (index: number, change: Partial<HandleRow>) => setHandles(handles.map((h, i) => (i === index ? { ...h, ...change } : h)));
  const submit = async () => {
    const empty: Record<string, string> = {};
    handles.forEach((h, i) => {
      if (!h.network) empty[`${i}.network`] = t('strategy.required');
    });
    setMissing(empty);
    if (Object.keys(empty).length) return;
    const values = {
      name: form.name,
      notes: form.notes,
      handles: handles.map((h) => ({ network: h.network ?? '', handle: h.handle })),
    };
    await save(values, values);
  };
  const problem = (index: number, part: string) => missing[`${index}.${part}`] ?? rowProblems[`${index}.${part}`];
  const listProblem = fields.handles && !Object.keys(rowProblems).length ? fields.handles : undefined;
  return (
    <FormModal
      title={competitor ? t('strategy.competitors.edit', { name: competitor.name }) : t('strategy.competitors.add')}
      general={general}
      saving={result.fetching}
      onClose={onClose}
      onSubmit={submit}
      size="lg"
    >
      <TextInput
        label={t('strategy.competitors.name')}
        required
        maxLength={120}
        data-autofocus
        value={form.name}
        error={fields.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
      />
      <Fieldset legend={t('strategy.competitors.handles')} variant="unstyled">
        <Stack gap="xs">
          <Text size="sm" c="gray.7">
            {t('strategy.competitors.handlesHint')}
          </Text>
          {handles.map((h, i) => (
            <Group key={i} align="flex-start" wrap="nowrap" data-testid="handle-row">
              <Select
                label={t('strategy.competitors.network')}
                aria-label={t('strategy.competitors.networkOf', { number: i + 1 })}
                required
                searchable
                allowDeselect={false}
                w={180}
                data={networkData}
                value={h.network}
                error={problem(i, 'network')}
                nothingFoundMessage={t('strategy.networks.noNetwork')}
                onChange={(v) => setRow(i, { network: v })}
              />
              <TextInput
                label={t('strategy.competitors.handle')}
                aria-label={t('strategy.competitors.handleOf', { number: i + 1 })}
                required
                maxLength={200}
                style={{ flex: 1 }}
                value={h.handle}
                error={problem(i, 'handle') ?? rowProblems[String(i)]}
                onChange={(e) => setRow(i, { handle: e.currentTarget.value })}
              />
              <Button
                variant="outline"
                color="red.9"
                mt={24}
                aria-label={t('strategy.competitors.removeHandle', { number: i + 1 })}
                onClick={() => setHandles(handles.filter((_, j) => j !== i))}
              >
                {t('strategy.remove')}
              </Button>
            </Group>
          ))}
          {listProblem && <Input.Error>{listProblem}</Input.Error>}
          <Group>
            <Button
              variant="default"
              size="xs"
              disabled={handles.length >= MAX_HANDLES}
              onClick={() => setHandles([...handles, { network: networkData[0]?.value ?? null, handle: '' }])}
            >
              {t('strategy.competitors.addHandle')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Textarea
        label={t('strategy.competitors.notes')}
        description={t('strategy.competitors.notesHint')}
        autosize
        minRows={2}
        maxLength={5000}
        value={form.notes}
        error={fields.notes}
        onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })}
      />
    </FormModal>
  );
}
