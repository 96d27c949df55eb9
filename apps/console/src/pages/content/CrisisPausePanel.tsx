import { Alert, Anchor, Badge, Button, Card, Group, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CrisisPauseQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import { CrisisPauseDocument, ResumeAfterCrisisPauseDocument, SetCrisisPauseDocument } from './operations';
import { fieldErrors, fromLocalInput } from './zoned';

type Held = CrisisPauseQuery['crisisPause']['held'][number];

/** Stops every publication of the organisation while a crisis lasts; shows what it holds; resumes, moving what is overdue. */
export function CrisisPausePanel() {
  const t = useT();
  const intl = useIntl();
  const { context, timeZone } = useContentScope();
  const [pause, refresh] = useQuery({ query: CrisisPauseDocument, context });
  const [set, setPause] = useMutation(SetCrisisPauseDocument);
  const [resumed, resume] = useMutation(ResumeAfterCrisisPauseDocument);
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<'now' | 'later'>('now');
  const [resumeAt, setResumeAt] = useState('');
  const [released, setReleased] = useState<number | null>(null);
  const state = pause.data?.crisisPause;
  const when = (at: string | null | undefined) => (at ? intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short', timeZone }) : '');
  const pauseErrors = fieldErrors(set.error, ['reason']);
  const resumeErrors = fieldErrors(resumed.error, ['rescheduleOverdueTo']);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setReleased(null);
    const res = await setPause({ input: { on: true, reason: reason || null } }, context);
    if (res.data) refresh();
  };
  const end = async (event: FormEvent) => {
    event.preventDefault();
    const rescheduleOverdueTo = choice === 'later' ? (fromLocalInput(resumeAt, timeZone) ?? resumeAt) : null;
    const res = await resume({ input: { rescheduleOverdueTo } }, context);
    if (res.data) {
      setReleased(res.data.resumeAfterCrisisPause.released.length);
      refresh();
    }
  };

  return (
    <Stack>
      <ErrorAlert error={pause.error} />
      {released !== null && (
        <Alert color="teal" role="status">
          {t('content.crisis.released', { count: released })}
        </Alert>
      )}
      {state && (
        <Card withBorder>
          <Group justify="space-between">
            <Title order={3}>{t('content.tab.crisis')}</Title>
            <Badge size="lg" color={state.active ? 'red' : 'teal'} data-testid="crisis-state">
              {state.active ? t('content.crisis.on') : t('content.crisis.off')}
            </Badge>
          </Group>
          {state.active ? (
            <Stack mt="sm">
              <Text>{t('content.crisis.since', { at: when(state.pausedAt), reason: state.reason ?? '—' })}</Text>
              <form onSubmit={end}>
                <Stack>
                  {resumeErrors.rest.length > 0 && (
                    <Alert color="red" role="alert">
                      {resumeErrors.rest.join(' ')}
                    </Alert>
                  )}
                  <Radio.Group label={t('content.crisis.overdue')} value={choice} onChange={(v) => setChoice(v as 'now' | 'later')}>
                    <Stack gap={4} mt={4}>
                      <Radio value="now" label={t('content.crisis.overdueNow')} />
                      <Radio value="later" label={t('content.crisis.overdueLater')} />
                    </Stack>
                  </Radio.Group>
                  {choice === 'later' && (
                    <TextInput
                      type="datetime-local"
                      required
                      label={t('content.crisis.resumeAt', { zone: timeZone })}
                      value={resumeAt}
                      onChange={(e) => setResumeAt(e.currentTarget.value)}
                      error={resumeErrors.byField.rescheduleOverdueTo}
                    />
                  )}
                  <Group>
                    <Button type="submit" color="teal" loading={resumed.fetching}>
                      {t('content.crisis.resume')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Stack>
          ) : (
            <form onSubmit={start}>
              <Stack mt="sm">
                <Text>{t('content.crisis.explain')}</Text>
                {state.resumedAt && <Text c="dimmed">{t('content.crisis.lastResumed', { at: when(state.resumedAt) })}</Text>}
                {pauseErrors.rest.length > 0 && (
                  <Alert color="red" role="alert">
                    {pauseErrors.rest.join(' ')}
                  </Alert>
                )}
                <Textarea
                  label={t('content.crisis.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={pauseErrors.byField.reason}
                />
                <Group>
                  <Button type="submit" color="red" loading={set.fetching}>
                    {t('content.crisis.pause')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Card>
      )}
      {state && (
        <>
          <HeldTable
            title={t('content.crisis.held', { count: state.held.length })}
            rows={state.held}
            when={when}
            empty={t('content.crisis.heldEmpty')}
          />
          {state.publishing.length > 0 && <HeldTable title={t('content.crisis.publishing')} rows={state.publishing} when={when} empty="" />}
        </>
      )}
    </Stack>
  );
}

function HeldTable({ title, rows, when, empty }: { title: string; rows: Held[]; when(at: string): string; empty: string }) {
  const t = useT();
  const { base } = useContentScope();
  return (
    <Card withBorder>
      <Title order={4}>{title}</Title>
      {rows.length === 0 ? (
        <Text mt="xs">{empty}</Text>
      ) : (
        <Table aria-label={title} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('content.crisis.due')}</Table.Th>
              <Table.Th>{t('content.crisis.network')}</Table.Th>
              <Table.Th>{t('content.items.statusColumn')}</Table.Th>
              <Table.Th>{t('content.crisis.item')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id} data-testid="held-row">
                <Table.Td>{when(p.dueAt)}</Table.Td>
                <Table.Td>{p.network}</Table.Td>
                <Table.Td>{t('content.publication.status', { status: p.status })}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/items/${p.itemId}`}>
                    {t('content.crisis.open')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
