import { Badge, Button, Group, Loader, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { RitualKind, StrategyRitualsQuery, StrategyTaskForceMembersQuery, TaskForceRole } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { ConfirmDelete, FormModal, ListSection, RowActions, textOrNull, useCreateOrUpdate, useListEditing } from './editing';
import { splitErrors, useConnection, useOrganization, useStrategyPermissions } from './support';

const TaskForceMembersDocument = graphql(`
  query StrategyTaskForceMembers($first: Int, $after: String) {
    taskForceMembers(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          role
          roleLabel
          department
          external
          externalContact
        }
      }
    }
  }
`);

const TaskForceChoicesDocument = graphql(`
  query StrategyTaskForceChoices {
    members(first: 100) {
      edges {
        node {
          userId
          user {
            displayName
            email
          }
        }
      }
    }
  }
`);

const AddTaskForceMemberDocument = graphql(`
  mutation StrategyAddTaskForceMember($input: AddTaskForceMemberInput!) {
    addTaskForceMember(input: $input) {
      id
    }
  }
`);

const RemoveTaskForceMemberDocument = graphql(`
  mutation StrategyRemoveTaskForceMember($input: RemoveTaskForceMemberInput!) {
    removeTaskForceMember(input: $input) {
      id
    }
  }
`);

const RitualsDocument = graphql(`
  query StrategyRituals($first: Int, $after: String) {
    rituals(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          cadence
          weekday
          dayOfMonth
          time
          timezone
          nextOccurrence
        }
      }
    }
  }
`);

const CreateRitualDocument = graphql(`
  mutation StrategyCreateRitual($input: CreateRitualInput!) {
    createRitual(input: $input) {
      id
    }
  }
`);

const UpdateRitualDocument = graphql(`
  mutation StrategyUpdateRitual($input: UpdateRitualInput!) {
    updateRitual(input: $input) {
      id
    }
  }
`);

const DeleteRitualDocument = graphql(`
  mutation StrategyDeleteRitual($input: DeleteRitualInput!) {
    deleteRitual(input: $input) {
      id
    }
  }
`);

type Assignment = StrategyTaskForceMembersQuery['taskForceMembers']['edges'][number]['node'];
type Ritual = StrategyRitualsQuery['rituals']['edges'][number]['node'];

/** The five task-force functions first, then the roles of the web team, support and promotion. */
const ROLES: TaskForceRole[] = [
  'STRATEGY_LEAD',
  'CONTENT_LEAD',
  'COMMUNITY_MANAGER',
  'ANALYST',
  'COORDINATOR',
  'CONTENT_FACILITATOR',
  'FACILITATOR',
  'ADMINISTRATOR',
  'DEVELOPER',
  'GRAPHIC_DESIGNER',
  'PUBLIC_RELATIONS',
  'MARKETER',
];
const KINDS: RitualKind[] = ['WEEKLY_MEETING', 'MONTHLY_EXECUTIVE_REPORT', 'BEST_CONTENT_MAIL', 'DIGITAL_TEAMS_MEETING', 'OTHER'];
/** The kinds whose cadence is fixed (the others may be weekly or monthly). */
const FIXED_CADENCE: Partial<Record<RitualKind, 'WEEKLY' | 'MONTHLY'>> = {
  WEEKLY_MEETING: 'WEEKLY',
  MONTHLY_EXECUTIVE_REPORT: 'MONTHLY',
  BEST_CONTENT_MAIL: 'MONTHLY',
};
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** Who holds which role, one row per assignment: added and removed by those who run the task force. */
export function TaskForceAssignments({ onChanged }: { onChanged(): void }) {
  const t = useT();
  const { manageRoadmap: manage } = useStrategyPermissions();
  const assignments = useConnection(TaskForceMembersDocument, (d) => d.taskForceMembers);
  const rows = useListEditing<Assignment>(RemoveTaskForceMemberDocument, () => {
    assignments.reload();
    onChanged();
  });
  return (
    <ListSection
      title={t('strategy.assignments.title')}
      addLabel={t('strategy.assignments.add')}
      manage={manage}
      onAdd={rows.add}
      list={assignments}
      empty={t(manage ? 'strategy.assignments.empty' : 'strategy.assignments.emptyReadOnly')}
      headers={[
        t('strategy.taskForce.person'),
        t('strategy.assignments.role'),
        t('strategy.taskForce.department'),
        t('strategy.assignments.contact'),
      ]}
      rowTestId="assignment-row"
      cells={(a) => (
        <>
          <Table.Td>
            {a.name}
            {a.external && (
              <Badge ml="xs" variant="light" color="gray" size="sm">
                {t('strategy.assignments.external')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>{a.roleLabel}</Table.Td>
          <Table.Td>{a.department ?? '—'}</Table.Td>
          <Table.Td>{a.externalContact ?? '—'}</Table.Td>
        </>
      )}
      actions={(a) => (
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          aria-label={t('strategy.assignments.removeNamed', { name: a.name, role: a.roleLabel })}
          onClick={() => rows.askDelete(a)}
        >
          {t('strategy.remove')}
        </Button>
      )}
    >
      {rows.formOpen && <AssignmentForm onClose={rows.closeForm} onSaved={rows.saved} />}
      {rows.deleting && (
        <ConfirmDelete
          title={t('strategy.assignments.removeTitle')}
          message={t('strategy.assignments.removeConfirm', { name: rows.deleting.name, role: rows.deleting.roleLabel })}
          {...rows.confirm}
        />
      )}
    </ListSection>
  );
}

function AssignmentForm({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [choices] = useQuery({ query: TaskForceChoicesDocument, context });
  const [form, setForm] = useState({
    role: null as TaskForceRole | null,
    who: 'member' as 'member' | 'external',
    userId: null as string | null,
    externalName: '',
    externalContact: '',
    department: '',
  });
  const [result, add] = useMutation(AddTaskForceMemberDocument);
  const refused = splitErrors(result.error ?? choices.error);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = { ...refused.fields, ...missing };
  const members = (choices.data?.members.edges ?? []).map((e) => ({
    value: e.node.userId,
    label: `${e.node.user.displayName} (${e.node.user.email})`,
  }));
  const submit = async () => {
    const required = t('strategy.required');
    const empty = {
      ...(form.role ? {} : { role: required }),
      ...(form.who === 'member' && !form.userId ? { userId: required } : {}),
    };
    setMissing(empty);
    if (Object.keys(empty).length || !form.role) return;
    const person =
      form.who === 'member'
        ? { userId: form.userId }
        : { externalName: form.externalName, externalContact: textOrNull(form.externalContact) };
    const { data } = await add({ input: { role: form.role, department: textOrNull(form.department), ...person } }, context);
    if (data) onSaved();
  };
  return (
    <FormModal title={t('strategy.assignments.add')} general={refused.general} saving={result.fetching} onClose={onClose} onSubmit={submit}>
      <Select
        label={t('strategy.assignments.role')}
        required
        searchable
        allowDeselect={false}
        data-autofocus
        data={ROLES.map((r) => ({ value: r, label: t(`strategy.role.${r}` as MessageKey) }))}
        value={form.role}
        error={fields.role}
        onChange={(v) => setForm({ ...form, role: v as TaskForceRole | null })}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="assignment-who">
          {t('strategy.assignments.who')}
        </Text>
        <SegmentedControl
          aria-labelledby="assignment-who"
          data={[
            { value: 'member', label: t('strategy.assignments.member') },
            { value: 'external', label: t('strategy.assignments.outside') },
          ]}
          value={form.who}
          onChange={(v) => setForm({ ...form, who: v as 'member' | 'external' })}
        />
      </Stack>
      {form.who === 'member' ? (
        <Select
          label={t('strategy.assignments.member')}
          description={t('strategy.assignments.memberHint')}
          required
          searchable
          allowDeselect={false}
          data={members}
          value={form.userId}
          error={fields.userId}
          rightSection={choices.fetching ? <Loader size="xs" /> : undefined}
          onChange={(v) => setForm({ ...form, userId: v })}
        />
      ) : (
        <>
          <TextInput
            label={t('strategy.assignments.externalName')}
            description={t('strategy.assignments.externalNameHint')}
            required
            maxLength={120}
            value={form.externalName}
            error={fields.externalName}
            onChange={(e) => setForm({ ...form, externalName: e.currentTarget.value })}
          />
          <TextInput
            label={t('strategy.assignments.contact')}
            description={t('strategy.assignments.contactHint')}
            maxLength={254}
            value={form.externalContact}
            error={fields.externalContact}
            onChange={(e) => setForm({ ...form, externalContact: e.currentTarget.value })}
          />
        </>
      )}
      <TextInput
        label={t('strategy.taskForce.department')}
        description={t('strategy.assignments.departmentHint')}
        maxLength={80}
        value={form.department}
        error={fields.department}
        onChange={(e) => setForm({ ...form, department: e.currentTarget.value })}
      />
    </FormModal>
  );
}

/** The weekday's name in the reader's language (1 Monday … 7 Sunday). */
function useWeekdayName() {
  const intl = useIntl();
  // 2024-01-01 was a Monday.
  return (weekday: number) => intl.formatDate(Date.UTC(2024, 0, weekday, 12), { weekday: 'long', timeZone: 'UTC' });
}

/** The task force's recurring meetings and reports: scheduled, moved and cancelled by those who run the task force. */
export function RitualsSection({ onChanged }: { onChanged(): void }) {
  const t = useT();
  const intl = useIntl();
  const weekdayName = useWeekdayName();
  const { manageRoadmap: manage } = useStrategyPermissions();
  const rituals = useConnection(RitualsDocument, (d) => d.rituals);
  const rows = useListEditing<Ritual>(DeleteRitualDocument, () => {
    rituals.reload();
    onChanged();
  });
  return (
    <ListSection
      title={t('strategy.rituals.title')}
      addLabel={t('strategy.rituals.add')}
      manage={manage}
      onAdd={rows.add}
      list={rituals}
      empty={t(manage ? 'strategy.rituals.empty' : 'strategy.rituals.emptyReadOnly')}
      headers={[t('strategy.rituals.ritual'), t('strategy.rituals.when'), t('strategy.rituals.next')]}
      rowTestId="ritual-row"
      cells={(r) => (
        <>
          <Table.Td>{r.title}</Table.Td>
          <Table.Td>
            {r.weekday !== null && r.weekday !== undefined
              ? t('strategy.rituals.weekly', { weekday: weekdayName(r.weekday), time: r.time, timezone: r.timezone })
              : t('strategy.rituals.monthly', { day: r.dayOfMonth ?? 1, time: r.time, timezone: r.timezone })}
          </Table.Td>
          <Table.Td>
            <time dateTime={r.nextOccurrence}>
              {intl.formatDate(r.nextOccurrence, { dateStyle: 'full', timeStyle: 'short', timeZone: r.timezone })}
            </time>
          </Table.Td>
        </>
      )}
      actions={(r) => (
        <RowActions
          editLabel={t('strategy.rituals.editNamed', { title: r.title })}
          deleteLabel={t('strategy.rituals.deleteNamed', { title: r.title })}
          onEdit={() => rows.edit(r)}
          onDelete={() => rows.askDelete(r)}
        />
      )}
    >
      {rows.formOpen && <RitualForm ritual={rows.editing} onClose={rows.closeForm} onSaved={rows.saved} />}
      {rows.deleting && (
        <ConfirmDelete
          title={t('strategy.rituals.deleteTitle')}
          message={t('strategy.rituals.deleteConfirm', { title: rows.deleting.title })}
          {...rows.confirm}
        />
      )}
    </ListSection>
  );
}

function RitualForm({ ritual, onClose, onSaved }: { ritual: Ritual | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const weekdayName = useWeekdayName();
  const { organization } = useOrganization();
  const [form, setForm] = useState({
    kind: (ritual?.kind ?? 'WEEKLY_MEETING') as RitualKind,
    title: ritual && ritual.kind === 'OTHER' ? ritual.title : '',
    cadence: (ritual ? (ritual.weekday ? 'WEEKLY' : 'MONTHLY') : 'WEEKLY') as 'WEEKLY' | 'MONTHLY',
    weekday: String(ritual?.weekday ?? 2),
    dayOfMonth: ritual?.dayOfMonth ?? (1 as number | string),
    time: ritual?.time ?? '09:30',
    timezone: ritual?.timezone ?? organization?.timezone ?? 'Europe/Paris',
  });
  const { result, save } = useCreateOrUpdate(CreateRitualDocument, UpdateRitualDocument, ritual, onSaved);
  const { fields, general } = splitErrors(result.error);
  const fixed = FIXED_CADENCE[form.kind];
  const cadence = fixed ?? form.cadence;
  const submit = async () => {
    const schedule =
      cadence === 'WEEKLY'
        ? { weekday: Number(form.weekday), dayOfMonth: null }
        : { dayOfMonth: form.dayOfMonth === '' ? null : Number(form.dayOfMonth), weekday: null };
    const values = { ...schedule, time: form.time, timezone: form.timezone, title: form.kind === 'OTHER' ? textOrNull(form.title) : null };
    await save({ kind: form.kind, ...values }, values);
  };
  return (
    <FormModal
      title={ritual ? t('strategy.rituals.edit', { title: ritual.title }) : t('strategy.rituals.add')}
      general={general}
      saving={result.fetching}
      onClose={onClose}
      onSubmit={submit}
    >
      <Select
        label={t('strategy.rituals.kind')}
        description={t(ritual ? 'strategy.rituals.kindFixed' : 'strategy.rituals.kindHint')}
        required
        allowDeselect={false}
        disabled={ritual !== null}
        data={KINDS.map((k) => ({ value: k, label: t(`strategy.ritualKind.${k}` as MessageKey) }))}
        value={form.kind}
        error={fields.kind}
        onChange={(v) => v && setForm({ ...form, kind: v as RitualKind })}
      />
      {form.kind === 'OTHER' && (
        <TextInput
          label={t('strategy.rituals.titleField')}
          required
          maxLength={200}
          value={form.title}
          error={fields.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
        />
      )}
      <Select
        label={t('strategy.rituals.cadence')}
        description={fixed ? t('strategy.rituals.cadenceFixed') : undefined}
        allowDeselect={false}
        disabled={fixed !== undefined}
        data={[
          { value: 'WEEKLY', label: t('strategy.rituals.cadence.WEEKLY') },
          { value: 'MONTHLY', label: t('strategy.rituals.cadence.MONTHLY') },
        ]}
        value={cadence}
        onChange={(v) => v && setForm({ ...form, cadence: v as 'WEEKLY' | 'MONTHLY' })}
      />
      {cadence === 'WEEKLY' ? (
        <Select
          label={t('strategy.rituals.weekday')}
          required
          allowDeselect={false}
          data={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d) }))}
          value={form.weekday}
          error={fields.weekday}
          onChange={(v) => v && setForm({ ...form, weekday: v })}
        />
      ) : (
        <NumberInput
          label={t('strategy.rituals.dayOfMonth')}
          description={t('strategy.rituals.dayOfMonthHint')}
          required
          min={1}
          max={28}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={form.dayOfMonth}
          error={fields.dayOfMonth ?? fields.weekday}
          onChange={(v) => setForm({ ...form, dayOfMonth: v })}
        />
      )}
      <Group grow align="flex-start">
        <TextInput
          label={t('strategy.rituals.time')}
          type="time"
          required
          value={form.time}
          error={fields.time}
          onChange={(e) => setForm({ ...form, time: e.currentTarget.value })}
        />
        <Select
          label={t('strategy.rituals.timezone')}
          searchable
          allowDeselect={false}
          data={TIME_ZONES}
          value={form.timezone}
          error={fields.timezone}
          onChange={(v) => v && setForm({ ...form, timezone: v })}
        />
      </Group>
    </FormModal>
  );
}
