import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import type { KpiFrequency, KpiMeasure, ObjectiveKind, StrategyObjectivesQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import {
  CreateKpiDocument,
  CreateObjectiveDocument,
  KpiProgressDocument,
  KpiValuesDocument,
  ObjectivesDocument,
  RecordKpiValueDocument,
  UpdateKpiDocument,
  UpdateObjectiveDocument,
} from './operations';
import { Empty, MoreButton, splitErrors, useConnection, useOrganization, useStrategyPermissions } from './support';
import { KpiImport } from './KpiImport';

type Objective = StrategyObjectivesQuery['objectives']['edges'][number]['node'];
type Kpi = Objective['kpis'][number];

const KINDS: ObjectiveKind[] = ['BUSINESS', 'BRAND'];
const FREQUENCIES: KpiFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const MEASURES: KpiMeasure[] = [
  'FOLLOWERS',
  'ENGAGEMENT',
  'ENGAGEMENT_RATE',
  'MENTIONS',
  'NEGATIVE_MENTION_SHARE',
  'SHARE_OF_VOICE',
  'FIRST_RESPONSE_MINUTES',
  'POSTS_PUBLISHED',
  'MANUAL',
];

/** A calendar day (YYYY-MM-DD) in the reader's language, never shifted by a time zone. */
export function Day({ value }: { value: string }) {
  const intl = useIntl();
  return <time dateTime={value}>{intl.formatDate(`${value}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</time>;
}

/** Objectives with their KPIs; a KPI's progress against its target and its recorded values. */
export function ObjectivesTab() {
  const t = useT();
  const { manageStrategy } = useStrategyPermissions();
  const objectives = useConnection(ObjectivesDocument, (d) => d.objectives);
  const [editing, setEditing] = useState<Objective | 'new' | null>(null);
  const [kpiEditing, setKpiEditing] = useState<{ objective: Objective; kpi: Kpi | null } | null>(null);
  const [selected, setSelected] = useState<{ kpi: Kpi; objective: Objective } | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('strategy.objectives.title')}</Title>
        {manageStrategy && <Button onClick={() => setEditing('new')}>{t('strategy.objectives.add')}</Button>}
      </Group>
      <ErrorAlert error={objectives.error} />
      {!objectives.loaded && objectives.fetching && <Loader />}
      {objectives.loaded && objectives.nodes.length === 0 && (
        <Empty>{t(manageStrategy ? 'strategy.objectives.empty' : 'strategy.objectives.emptyReadOnly')}</Empty>
      )}
      {objectives.nodes.map((objective) => (
        <Card withBorder key={objective.id} data-testid="objective">
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Title order={4}>{objective.title}</Title>
                <Badge variant="light">{t(`strategy.kind.${objective.kind}` as MessageKey)}</Badge>
              </Group>
              {objective.description && <Text size="sm">{objective.description}</Text>}
              <Text size="sm" c="gray.7">
                {t('strategy.objectives.summary', {
                  metric: objective.metric,
                  baseline: objective.baseline,
                  target: objective.target,
                  unit: objective.unit ?? '',
                })}{' '}
                · {t('strategy.objectives.deadline')} <Day value={objective.deadline} />
              </Text>
            </div>
            {manageStrategy && (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setEditing(objective)}
                  aria-label={t('strategy.objectives.editNamed', { title: objective.title })}
                >
                  {t('strategy.edit')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setKpiEditing({ objective, kpi: null })}>
                  {t('strategy.kpis.add')}
                </Button>
              </Group>
            )}
          </Group>
          {objective.kpis.length === 0 ? (
            <Text size="sm" mt="sm" c="gray.7">
              {t(manageStrategy ? 'strategy.kpis.empty' : 'strategy.kpis.emptyReadOnly')}
            </Text>
          ) : (
            <Table mt="sm" aria-label={t('strategy.kpis.tableOf', { title: objective.title })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('strategy.kpis.name')}</Table.Th>
                  <Table.Th>{t('strategy.kpis.metric')}</Table.Th>
                  <Table.Th>{t('strategy.kpis.frequency')}</Table.Th>
                  <Table.Th>{t('strategy.kpis.target')}</Table.Th>
                  <Table.Th>{t('strategy.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {objective.kpis.map((kpi) => (
                  <Table.Tr key={kpi.id} data-testid="kpi-row">
                    <Table.Td>{kpi.name}</Table.Td>
                    <Table.Td>
                      {kpi.metric}
                      {kpi.measure && (
                        <Badge ml="xs" variant="light" color="dark" size="sm">
                          {t(`strategy.measure.${kpi.measure}` as MessageKey)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`strategy.frequency.${kpi.frequency}` as MessageKey)}</Table.Td>
                    <Table.Td>
                      {kpi.target} {kpi.unit ?? ''}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setSelected({ kpi, objective })}
                          aria-label={t('strategy.kpis.progressOf', { name: kpi.name })}
                        >
                          {t('strategy.kpis.progress')}
                        </Button>
                        {manageStrategy && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setKpiEditing({ objective, kpi })}
                            aria-label={t('strategy.kpis.editNamed', { name: kpi.name })}
                          >
                            {t('strategy.edit')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
      <MoreButton more={objectives.more} fetching={objectives.fetching} />
      {selected && <KpiProgressCard key={selected.kpi.id} kpi={selected.kpi} canRecord={manageStrategy} />}
      {editing && (
        <ObjectiveForm
          objective={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            objectives.reload();
          }}
        />
      )}
      {kpiEditing && (
        <KpiForm
          objective={kpiEditing.objective}
          kpi={kpiEditing.kpi}
          onClose={() => setKpiEditing(null)}
          onSaved={() => {
            setKpiEditing(null);
            setSelected(null);
            objectives.reload();
          }}
        />
      )}
    </Stack>
  );
}

const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

function ObjectiveForm({ objective, onClose, onSaved }: { objective: Objective | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [form, setForm] = useState({
    kind: objective?.kind ?? ('BUSINESS' as ObjectiveKind),
    title: objective?.title ?? '',
    description: objective?.description ?? '',
    metric: objective?.metric ?? '',
    baseline: objective?.baseline ?? ('' as number | string),
    target: objective?.target ?? ('' as number | string),
    unit: objective?.unit ?? '',
    deadline: objective?.deadline ?? '',
  });
  const [created, create] = useMutation(CreateObjectiveDocument);
  const [updated, update] = useMutation(UpdateObjectiveDocument);
  const result = objective ? updated : created;
  const { fields, general } = splitErrors(result.error);
  const text = (name: 'title' | 'description' | 'metric' | 'unit' | 'deadline') => ({
    value: form[name],
    error: fields[name],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = {
      kind: form.kind,
      title: form.title,
      description: form.description,
      metric: form.metric,
      baseline: numberOrNull(form.baseline) as number,
      target: numberOrNull(form.target) as number,
      unit: form.unit || null,
      deadline: form.deadline,
    };
    const { data } = objective
      ? await update({ input: { id: objective.id, ...values } }, context)
      : await create({ input: values }, context);
    if (data) onSaved();
  };
  return (
    <Modal opened onClose={onClose} title={t(objective ? 'strategy.objectives.edit' : 'strategy.objectives.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Select
            label={t('strategy.objectives.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`strategy.kind.${k}` as MessageKey) }))}
            value={form.kind}
            allowDeselect={false}
            error={fields.kind}
            onChange={(v) => v && setForm({ ...form, kind: v as ObjectiveKind })}
          />
          <TextInput label={t('strategy.objectives.titleField')} required data-autofocus {...text('title')} />
          <Textarea label={t('strategy.objectives.description')} autosize minRows={2} {...text('description')} />
          <TextInput
            label={t('strategy.objectives.metric')}
            description={t('strategy.objectives.metricHint')}
            required
            {...text('metric')}
          />
          <Group grow>
            <NumberInput
              label={t('strategy.objectives.baseline')}
              required
              value={form.baseline}
              error={fields.baseline}
              onChange={(v) => setForm({ ...form, baseline: v })}
            />
            <NumberInput
              label={t('strategy.objectives.target')}
              required
              value={form.target}
              error={fields.target}
              onChange={(v) => setForm({ ...form, target: v })}
            />
          </Group>
          <TextInput label={t('strategy.objectives.unit')} {...text('unit')} />
          <TextInput label={t('strategy.objectives.deadline')} type="date" required {...text('deadline')} />
          <Button type="submit" loading={result.fetching}>
            {t('strategy.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function KpiForm({ objective, kpi, onClose, onSaved }: { objective: Objective; kpi: Kpi | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [form, setForm] = useState({
    name: kpi?.name ?? '',
    metric: kpi?.metric ?? '',
    measure: (kpi?.measure ?? null) as KpiMeasure | null,
    frequency: kpi?.frequency ?? ('MONTHLY' as KpiFrequency),
    target: kpi?.target ?? ('' as number | string),
    unit: kpi?.unit ?? '',
  });
  const [created, create] = useMutation(CreateKpiDocument);
  const [updated, update] = useMutation(UpdateKpiDocument);
  const result = kpi ? updated : created;
  const { fields, general } = splitErrors(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = {
      name: form.name,
      metric: form.metric,
      measure: form.measure,
      frequency: form.frequency,
      target: numberOrNull(form.target) as number,
      unit: form.unit || null,
    };
    const { data } = kpi
      ? await update({ input: { id: kpi.id, ...values } }, context)
      : await create({ input: { objectiveId: objective.id, ...values } }, context);
    if (data) onSaved();
  };
  return (
    <Modal opened onClose={onClose} title={t(kpi ? 'strategy.kpis.edit' : 'strategy.kpis.addTo', { title: objective.title })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <TextInput
            label={t('strategy.kpis.name')}
            required
            data-autofocus
            value={form.name}
            error={fields.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('strategy.kpis.metric')}
            description={t('strategy.kpis.metricHint')}
            required
            value={form.metric}
            error={fields.metric}
            onChange={(e) => setForm({ ...form, metric: e.currentTarget.value })}
          />
          <Select
            label={t('strategy.kpis.measure')}
            description={t('strategy.kpis.measureHint')}
            clearable
            data={MEASURES.map((m) => ({ value: m, label: t(`strategy.measure.${m}` as MessageKey) }))}
            value={form.measure}
            error={fields.measure}
            onChange={(v) => setForm({ ...form, measure: v as KpiMeasure | null })}
          />
          <Select
            label={t('strategy.kpis.frequency')}
            allowDeselect={false}
            data={FREQUENCIES.map((f) => ({ value: f, label: t(`strategy.frequency.${f}` as MessageKey) }))}
            value={form.frequency}
            error={fields.frequency}
            onChange={(v) => v && setForm({ ...form, frequency: v as KpiFrequency })}
          />
          <NumberInput
            label={t('strategy.kpis.target')}
            required
            value={form.target}
            error={fields.target}
            onChange={(v) => setForm({ ...form, target: v })}
          />
          <TextInput
            label={t('strategy.objectives.unit')}
            value={form.unit}
            error={fields.unit}
            onChange={(e) => setForm({ ...form, unit: e.currentTarget.value })}
          />
          <Button type="submit" loading={result.fetching}>
            {t('strategy.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** The last twelve months of a KPI, period by period against its target, and the values recorded for it. */
function KpiProgressCard({ kpi, canRecord }: { kpi: Kpi; canRecord: boolean }) {
  const t = useT();
  const intl = useIntl();
  const { context, organization } = useOrganization();
  const [range] = useState(() => {
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(to);
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    return { from: from.toISOString(), to: to.toISOString() };
  });
  const [progress, refreshProgress] = useQuery({ query: KpiProgressDocument, variables: { kpiId: kpi.id, ...range }, context });
  const values = useConnection(KpiValuesDocument, (d) => d.kpiValues, { kpiId: kpi.id });
  const data = progress.data?.kpiProgress;
  const valueLabel = t('strategy.progress.value');
  const targetLabel = t('strategy.progress.target');
  const points = (data?.periods ?? []).map((p) => ({
    period: intl.formatDate(p.start, { dateStyle: 'medium', timeZone: organization?.timezone }),
    [valueLabel]: p.value,
    [targetLabel]: p.target,
  }));
  return (
    <Card withBorder data-testid="kpi-progress">
      <Title order={4}>{t('strategy.progress.title', { name: kpi.name })}</Title>
      <ErrorAlert error={progress.error} />
      {progress.fetching && !data && <Loader />}
      {data && (
        <>
          <Group gap="xs" my="xs">
            <Badge variant="light">{t(`strategy.progress.status.${data.status}` as MessageKey)}</Badge>
            {data.reason && <Text size="sm">{data.reason}</Text>}
          </Group>
          {points.some((p) => p[valueLabel] !== null) ? (
            <LineChart
              h={260}
              data={points}
              dataKey="period"
              withLegend
              connectNulls
              series={[
                { name: valueLabel, color: 'blue.6' },
                { name: targetLabel, color: 'gray.6', strokeDasharray: '5 5' },
              ]}
            />
          ) : (
            <Empty>{t('strategy.progress.noValues')}</Empty>
          )}
        </>
      )}
      {canRecord && (
        <>
          <RecordValue
            kpi={kpi}
            onRecorded={() => {
              refreshProgress({ requestPolicy: 'network-only' });
              values.reload();
            }}
          />
          <KpiImport
            kpiId={kpi.id}
            kpiName={kpi.name}
            onImported={() => {
              refreshProgress({ requestPolicy: 'network-only' });
              values.reload();
            }}
          />
        </>
      )}
      <Title order={5} mt="md">
        {t('strategy.values.title')}
      </Title>
      <ErrorAlert error={values.error} />
      {values.loaded && values.nodes.length === 0 ? (
        <Empty>{t('strategy.values.empty')}</Empty>
      ) : (
        <Table aria-label={t('strategy.values.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('strategy.values.date')}</Table.Th>
              <Table.Th>{t('strategy.values.value')}</Table.Th>
              <Table.Th>{t('strategy.values.source')}</Table.Th>
              <Table.Th>{t('strategy.values.note')}</Table.Th>
              <Table.Th>{t('strategy.values.recorded')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.nodes.map((v) => (
              <Table.Tr key={v.id} data-testid="kpi-value" c={v.current ? undefined : 'gray.7'}>
                <Table.Td>
                  <Day value={v.date} />
                </Table.Td>
                <Table.Td>
                  {intl.formatNumber(v.value)} {kpi.unit ?? ''}
                  {!v.current && ` (${t('strategy.values.corrected')})`}
                </Table.Td>
                <Table.Td>{t(`strategy.values.source.${v.source}` as MessageKey)}</Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
                <Table.Td>
                  <OrgDate value={v.createdAt} timeZone={organization?.timezone} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MoreButton more={values.more} fetching={values.fetching} />
    </Card>
  );
}

function RecordValue({ kpi, onRecorded }: { kpi: Kpi; onRecorded(): void }) {
  const t = useT();
  const { context, organization } = useOrganization();
  // Today in the organisation's time zone (en-CA writes YYYY-MM-DD).
  const [form, setForm] = useState(() => ({
    date: new Intl.DateTimeFormat('en-CA', { timeZone: organization?.timezone }).format(new Date()),
    value: '',
    note: '',
  }));
  const [result, record] = useMutation(RecordKpiValueDocument);
  const { fields, general } = splitErrors(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await record({ input: { kpiId: kpi.id, date: form.date, value: form.value, note: form.note || null } }, context);
    if (data) {
      setForm({ ...form, value: '', note: '' });
      onRecorded();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('strategy.values.record')}>
      {general && (
        <Alert color="red" role="alert" my="xs">
          {general}
        </Alert>
      )}
      <Group align="flex-start" mt="sm">
        <TextInput
          label={t('strategy.values.date')}
          type="date"
          value={form.date}
          error={fields.date}
          onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
        />
        <TextInput
          label={t('strategy.values.value')}
          inputMode="decimal"
          value={form.value}
          error={fields.value}
          onChange={(e) => setForm({ ...form, value: e.currentTarget.value })}
        />
        <TextInput
          label={t('strategy.values.note')}
          value={form.note}
          error={fields.note}
          onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
        />
        <Button type="submit" mt={24} loading={result.fetching}>
          {t('strategy.values.record')}
        </Button>
      </Group>
    </form>
  );
}
