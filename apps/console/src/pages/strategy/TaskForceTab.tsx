import { Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { TaskForceDocument } from './operations';
import { Empty, useOrganization } from './support';
import { RitualsSection, TaskForceAssignments } from './TaskForceEditing';

/**
 * The task force (one person may hold several roles), its assignments, the agenda of the next weekly meeting and the
 * rituals; assignments and rituals are changed here by those who run the task force.
 */
export function TaskForceTab() {
  const t = useT();
  const intl = useIntl();
  const { context } = useOrganization();
  const [result, refetch] = useQuery({ query: TaskForceDocument, context });
  // The people and the next meeting follow the assignments and the rituals changed below.
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const people = result.data?.taskForcePeople ?? [];
  const meeting = result.data?.nextWeeklyMeeting;
  const time = (value: string) => intl.formatTime(value, { timeStyle: 'short', timeZone: meeting?.timezone });
  return (
    <Stack>
      <Title order={3}>{t('strategy.taskForce.title')}</Title>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loader />}
      {result.data && people.length === 0 && <Empty>{t('strategy.taskForce.empty')}</Empty>}
      {people.length > 0 && (
        <Table aria-label={t('strategy.taskForce.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('strategy.taskForce.person')}</Table.Th>
              <Table.Th>{t('strategy.taskForce.department')}</Table.Th>
              <Table.Th>{t('strategy.taskForce.roles')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.memberIds.join()} data-testid="task-force-person">
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.department ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.roleLabels.map((label) => (
                      <Badge key={label} variant="light" tt="none">
                        {label}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TaskForceAssignments onChanged={refresh} />
      <Title order={3} mt="md">
        {t('strategy.meeting.title')}
      </Title>
      {result.data && !meeting && <Empty>{t('strategy.meeting.none')}</Empty>}
      {meeting && (
        <Card withBorder data-testid="weekly-meeting">
          <Group gap="xs" mb="xs">
            <Text fw={500}>
              {intl.formatDate(meeting.startsAt, { dateStyle: 'full', timeZone: meeting.timezone })}, {time(meeting.startsAt)}–
              {time(meeting.endsAt)}
            </Text>
            <Badge variant="light">{t('strategy.meeting.week', { week: meeting.isoWeek })}</Badge>
            <Badge variant="light" color="grape">
              {t(`strategy.meeting.theme.${meeting.brainstormTheme}` as MessageKey)}
            </Badge>
          </Group>
          <Table aria-label={t('strategy.meeting.agenda')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('strategy.meeting.time')}</Table.Th>
                <Table.Th>{t('strategy.meeting.item')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.agenda.map((slot) => (
                <Table.Tr key={slot.startOffsetMinutes} data-testid="agenda-slot">
                  <Table.Td>
                    {time(slot.startsAt)}–{time(slot.endsAt)}
                  </Table.Td>
                  <Table.Td>{slot.title}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <RitualsSection onChanged={refresh} />
    </Stack>
  );
}
