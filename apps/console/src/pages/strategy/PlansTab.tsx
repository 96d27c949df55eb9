import { Loader, MultiSelect, NumberInput, Select, Table, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import type { StrategyNetworkPlansQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { ConfirmDelete, FormModal, ListSection, RowActions, textOrNull, useCreateOrUpdate, useListEditing } from './editing';
import { CreateNetworkPlanDocument, DeleteNetworkPlanDocument, PlanChoicesDocument, UpdateNetworkPlanDocument } from './lists-operations';
import { NetworkPlansDocument } from './operations';
import { splitErrors, useConnection, useOrganization, useStrategyPermissions } from './support';

type Plan = StrategyNetworkPlansQuery['networkPlans']['edges'][number]['node'];

/** Which network for which segments, why, and how often; one plan per network, added, edited and deleted here. */
export function NetworksTab() {
  const t = useT();
  const { manageStrategy } = useStrategyPermissions();
  const plans = useConnection(NetworkPlansDocument, (d) => d.networkPlans);
  const rows = useListEditing<Plan>(DeleteNetworkPlanDocument, plans.reload);
  return (
    <ListSection
      title={t('strategy.networks.title')}
      addLabel={t('strategy.networks.add')}
      manage={manageStrategy}
      onAdd={rows.add}
      list={plans}
      empty={t(manageStrategy ? 'strategy.networks.empty' : 'strategy.networks.emptyReadOnly')}
      headers={[
        t('strategy.networks.network'),
        t('strategy.networks.postsPerWeek'),
        t('strategy.networks.segments'),
        t('strategy.networks.rationale'),
        t('strategy.networks.handle'),
      ]}
      rowTestId="network-plan-row"
      cells={(p) => (
        <>
          <Table.Td>{p.network}</Table.Td>
          <Table.Td>{p.postsPerWeek}</Table.Td>
          <Table.Td>{p.segments.map((s) => s.name).join(', ') || '—'}</Table.Td>
          <Table.Td>{p.rationale}</Table.Td>
          <Table.Td>{p.reservedHandle ?? '—'}</Table.Td>
        </>
      )}
      actions={(p) => (
        <RowActions
          editLabel={t('strategy.networks.editNamed', { network: p.network })}
          deleteLabel={t('strategy.networks.deleteNamed', { network: p.network })}
          onEdit={() => rows.edit(p)}
          onDelete={() => rows.askDelete(p)}
        />
      )}
    >
      {rows.formOpen && <PlanForm plan={rows.editing} onClose={rows.closeForm} onSaved={rows.saved} />}
      {rows.deleting && (
        <ConfirmDelete
          title={t('strategy.networks.deleteTitle')}
          message={t('strategy.networks.deleteConfirm', { network: rows.deleting.network })}
          {...rows.confirm}
        />
      )}
    </ListSection>
  );
}

function PlanForm({ plan, onClose, onSaved }: { plan: Plan | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [choices] = useQuery({ query: PlanChoicesDocument, context });
  const [form, setForm] = useState({
    network: plan?.network ?? null,
    postsPerWeek: plan?.postsPerWeek ?? (3 as number | string),
    segmentIds: plan?.segments.map((s) => s.id) ?? [],
    rationale: plan?.rationale ?? '',
    reservedHandle: plan?.reservedHandle ?? '',
  });
  const { result, save } = useCreateOrUpdate(CreateNetworkPlanDocument, UpdateNetworkPlanDocument, plan, onSaved);
  const refused = splitErrors(result.error ?? choices.error);
  // What the form can say before asking: a required choice left empty (the API would refuse the whole request).
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = { ...refused.fields, ...missing };
  const general = refused.general;

  // The plan's own network and segments stay choosable even when no longer among the enabled ones or the first hundred.
  const networks = new Map((choices.data?.networks ?? []).map((n) => [n.id, n.displayName]));
  if (plan && !networks.has(plan.network)) networks.set(plan.network, plan.network);
  const segments = new Map((choices.data?.audienceSegments.edges ?? []).map((e) => [e.node.id, e.node.name]));
  for (const s of plan?.segments ?? []) if (!segments.has(s.id)) segments.set(s.id, s.name);

  const submit = async () => {
    const required = t('strategy.required');
    const empty = {
      ...(!plan && !form.network ? { network: required } : {}),
      ...(form.postsPerWeek === '' ? { postsPerWeek: required } : {}),
    };
    setMissing(empty);
    if (Object.keys(empty).length) return;
    const common = {
      postsPerWeek: Number(form.postsPerWeek),
      segmentIds: form.segmentIds,
      rationale: form.rationale,
      reservedHandle: textOrNull(form.reservedHandle),
    };
    await save({ network: form.network ?? '', ...common }, common);
  };
  return (
    <FormModal
      title={plan ? t('strategy.networks.edit', { network: plan.network }) : t('strategy.networks.add')}
      general={general}
      saving={result.fetching}
      onClose={onClose}
      onSubmit={submit}
    >
      <Select
        label={t('strategy.networks.network')}
        description={t(plan ? 'strategy.networks.networkFixed' : 'strategy.networks.networkHint')}
        required
        searchable
        allowDeselect={false}
        disabled={plan !== null}
        data-autofocus={plan === null || undefined}
        data={[...networks].map(([value, label]) => ({ value, label }))}
        value={form.network}
        error={fields.network}
        nothingFoundMessage={t('strategy.networks.noNetwork')}
        rightSection={choices.fetching ? <Loader size="xs" /> : undefined}
        onChange={(v) => setForm({ ...form, network: v })}
      />
      <NumberInput
        label={t('strategy.networks.postsPerWeek')}
        description={t('strategy.networks.postsPerWeekHint')}
        required
        min={0}
        max={100}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        value={form.postsPerWeek}
        error={fields.postsPerWeek}
        onChange={(v) => setForm({ ...form, postsPerWeek: v })}
        data-autofocus={plan !== null || undefined}
      />
      <MultiSelect
        label={t('strategy.networks.segments')}
        description={t(choices.data && segments.size === 0 ? 'strategy.networks.segmentsNone' : 'strategy.networks.segmentsHint')}
        searchable
        data={[...segments].map(([value, label]) => ({ value, label }))}
        value={form.segmentIds}
        error={fields.segmentIds}
        nothingFoundMessage={t('strategy.networks.noSegment')}
        onChange={(v) => setForm({ ...form, segmentIds: v })}
      />
      <Textarea
        label={t('strategy.networks.rationale')}
        description={t('strategy.networks.rationaleHint')}
        autosize
        minRows={2}
        maxLength={5000}
        value={form.rationale}
        error={fields.rationale}
        onChange={(e) => setForm({ ...form, rationale: e.currentTarget.value })}
      />
      <TextInput
        label={t('strategy.networks.handle')}
        description={t('strategy.networks.handleHint')}
        maxLength={200}
        value={form.reservedHandle}
        error={fields.reservedHandle}
        onChange={(e) => setForm({ ...form, reservedHandle: e.currentTarget.value })}
      />
    </FormModal>
  );
}
