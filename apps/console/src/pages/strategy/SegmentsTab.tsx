import { Badge, Group, MultiSelect, Table, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AudienceUsage, StrategyAudienceSegmentsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { ConfirmDelete, FormModal, ListSection, RowActions, useCreateOrUpdate, useListEditing } from './editing';
import { CreateAudienceSegmentDocument, DeleteAudienceSegmentDocument, UpdateAudienceSegmentDocument } from './lists-operations';
import { AudienceSegmentsDocument } from './operations';
import { splitErrors, useConnection, useStrategyPermissions } from './support';

type Segment = StrategyAudienceSegmentsQuery['audienceSegments']['edges'][number]['node'];

const USAGES: AudienceUsage[] = ['PR', 'ADVERTISING_MARKETING', 'CUSTOMER_SERVICE'];

/** Audience segments: who the client speaks to, what they need, and for what; added, edited and deleted here. */
export function AudiencesTab() {
  const t = useT();
  const { manageStrategy } = useStrategyPermissions();
  const segments = useConnection(AudienceSegmentsDocument, (d) => d.audienceSegments);
  const rows = useListEditing<Segment>(DeleteAudienceSegmentDocument, segments.reload);
  return (
    <ListSection
      title={t('strategy.audiences.title')}
      addLabel={t('strategy.audiences.add')}
      manage={manageStrategy}
      onAdd={rows.add}
      list={segments}
      empty={t(manageStrategy ? 'strategy.audiences.empty' : 'strategy.audiences.emptyReadOnly')}
      headers={[
        t('strategy.audiences.name'),
        t('strategy.audiences.description'),
        t('strategy.audiences.needs'),
        t('strategy.audiences.usages'),
      ]}
      rowTestId="segment-row"
      cells={(s) => (
        <>
          <Table.Td>{s.name}</Table.Td>
          <Table.Td>{s.description}</Table.Td>
          <Table.Td>{s.needs}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {s.usages.map((u) => (
                <Badge key={u} variant="light" size="sm">
                  {t(`strategy.usage.${u}` as MessageKey)}
                </Badge>
              ))}
            </Group>
          </Table.Td>
        </>
      )}
      actions={(s) => (
        <RowActions
          editLabel={t('strategy.audiences.editNamed', { name: s.name })}
          deleteLabel={t('strategy.audiences.deleteNamed', { name: s.name })}
          onEdit={() => rows.edit(s)}
          onDelete={() => rows.askDelete(s)}
        />
      )}
    >
      {rows.formOpen && <SegmentForm segment={rows.editing} onClose={rows.closeForm} onSaved={rows.saved} />}
      {rows.deleting && (
        <ConfirmDelete
          title={t('strategy.audiences.deleteTitle')}
          message={t('strategy.audiences.deleteConfirm', { name: rows.deleting.name })}
          {...rows.confirm}
        />
      )}
    </ListSection>
  );
}

function SegmentForm({ segment, onClose, onSaved }: { segment: Segment | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const [form, setForm] = useState({
    name: segment?.name ?? '',
    description: segment?.description ?? '',
    needs: segment?.needs ?? '',
    usages: segment?.usages ?? ([] as AudienceUsage[]),
  });
  const { result, save } = useCreateOrUpdate(CreateAudienceSegmentDocument, UpdateAudienceSegmentDocument, segment, onSaved);
  const { fields, general } = splitErrors(result.error);
  const text = (name: 'name' | 'description' | 'needs') => ({
    value: form[name],
    error: fields[name],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const submit = async () => {
    const values = { name: form.name, description: form.description, needs: form.needs, usages: form.usages };
    await save(values, values);
  };
  return (
    <FormModal
      title={t(segment ? 'strategy.audiences.edit' : 'strategy.audiences.add')}
      general={general}
      saving={result.fetching}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextInput
        label={t('strategy.audiences.name')}
        description={t('strategy.audiences.nameHint')}
        required
        maxLength={120}
        data-autofocus
        {...text('name')}
      />
      <Textarea label={t('strategy.audiences.description')} autosize minRows={2} maxLength={5000} {...text('description')} />
      <Textarea
        label={t('strategy.audiences.needs')}
        description={t('strategy.audiences.needsHint')}
        autosize
        minRows={2}
        maxLength={5000}
        {...text('needs')}
      />
      <MultiSelect
        label={t('strategy.audiences.usages')}
        description={t('strategy.audiences.usagesHint')}
        data={USAGES.map((u) => ({ value: u, label: t(`strategy.usage.${u}` as MessageKey) }))}
        value={form.usages}
        error={fields.usages}
        onChange={(v) => setForm({ ...form, usages: v as AudienceUsage[] })}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
