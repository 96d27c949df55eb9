import { Alert, Badge, Button, Group, Modal, Select, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { CommentSeverity, InboxItemsQuery, InboxStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldError, isAboutFields, Pager, useClientOrganization, useCursorPages } from './shared';
import { OrgDateTime } from '../../components/format';

const InboxItemsDocument = graphql(`
  query InboxItems($first: Int!, $after: String, $status: InboxStatus, $severity: CommentSeverity, $overdue: Boolean) {
    inboxItems(first: $first, after: $after, status: $status, severity: $severity, overdue: $overdue) {
      edges {
        node {
          id
          kind
          source
          authorHandle
          authorName
          text
          url
          receivedAt
          severity
          severityReason
          status
          dueAt
          overdue
          responsibleRole
          assigneeId
          version
          replies {
            id
            text
            status
            error
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    members(first: 100) {
      edges {
        node {
          userId
          user {
            displayName
          }
        }
      }
    }
  }
`);

const ReplyTemplatesDocument = graphql(`
  query InboxReplyTemplates($network: String, $severity: CommentSeverity) {
    replyTemplates(network: $network, severity: $severity) {
      channel
      language
      severity
      text
    }
  }
`);

const AssignInboxItemDocument = graphql(`
  mutation AssignInboxItem($input: AssignInboxItemInput!) {
    assignInboxItem(input: $input) {
      id
      status
      assigneeId
    }
  }
`);

const ReplyToInboxItemDocument = graphql(`
  mutation ReplyToInboxItem($input: ReplyToInboxItemInput!) {
    replyToInboxItem(input: $input) {
      id
      status
    }
  }
`);

const DismissInboxItemDocument = graphql(`
  mutation DismissInboxItem($input: DismissInboxItemInput!) {
    dismissInboxItem(input: $input) {
      id
      status
    }
  }
`);

type Item = InboxItemsQuery['inboxItems']['edges'][number]['node'];
const STATUSES: InboxStatus[] = ['NEW', 'ASSIGNED', 'ESCALATED', 'ANSWERED', 'DISMISSED'];
const SEVERITIES: readonly CommentSeverity[] = ['LOW', 'NORMAL', 'HIGH', 'CRISIS'];
/** Dark enough for text on white (4.5:1): Mantine's orange shades are not. */
const SEVERITY_COLOR: Record<string, string> = { LOW: 'gray.9', NORMAL: 'blue.9', HIGH: '#a63c06', CRISIS: 'red.9' };
const OPEN: InboxStatus[] = ['NEW', 'ASSIGNED', 'ESCALATED'];
const PAGE = 20;

/** The social inbox: comments and mentions to answer before the due time the comment-handling rules set. */
export function Inbox() {
  const t = useT();
  const { context, timeZone } = useClientOrganization();
  const [status, setStatus] = useState<InboxStatus | null>(null);
  const [severity, setSeverity] = useState<CommentSeverity | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(() => reset(), [status, severity, overdueOnly, reset]);
  const [result, refresh] = useQuery({
    query: InboxItemsDocument,
    variables: { first: PAGE, after: pages.after, status, severity, overdue: overdueOnly ? true : null },
    context,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const items = result.data?.inboxItems.edges.map((e) => e.node) ?? [];
  const members = result.data?.members.edges.map((e) => ({ value: e.node.userId, label: e.node.user.displayName })) ?? [];
  const memberName = (id: string | null | undefined) => members.find((m) => m.value === id)?.label ?? '—';
  const open = items.find((i) => i.id === openId);

  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label={t('community.inbox.status')}
          clearable
          value={status}
          onChange={(v) => setStatus(v as InboxStatus | null)}
          data={STATUSES.map((s) => ({ value: s, label: t(`community.inbox.statusValue.${s}`) }))}
        />
        <Select
          label={t('community.inbox.severity')}
          clearable
          value={severity}
          onChange={(value) => setSeverity(SEVERITIES.find((s) => s === value) ?? null)}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`community.inbox.severityValue.${s}`) }))}
        />
        <Switch label={t('community.inbox.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={result.error} />
      {result.data && items.length === 0 && <Alert>{t('community.inbox.empty')}</Alert>}
      {items.length > 0 && (
        <Table aria-label={t('community.tabs.inbox')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('community.inbox.received')}</Table.Th>
              <Table.Th>{t('community.mentions.author')}</Table.Th>
              <Table.Th>{t('community.mentions.textColumn')}</Table.Th>
              <Table.Th>{t('community.inbox.severity')}</Table.Th>
              <Table.Th>{t('community.inbox.status')}</Table.Th>
              <Table.Th>{t('community.inbox.due')}</Table.Th>
              <Table.Th>{t('community.inbox.assignee')}</Table.Th>
              <Table.Th>{t('community.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="inbox-item">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <OrgDateTime value={item.receivedAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.authorName ?? item.authorHandle}</Text>
                  <Text size="xs" c="gray.7">
                    {item.source} · @{item.authorHandle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {item.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={SEVERITY_COLOR[item.severity] ?? 'gray.9'}>
                    {severityLabel(t, item.severity)}
                  </Badge>
                </Table.Td>
                <Table.Td>{t(`community.inbox.statusValue.${item.status}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c={item.overdue ? 'red.9' : undefined} component="span">
                    <OrgDateTime value={item.dueAt} timeZone={timeZone} />
                  </Text>
                  {item.overdue && (
                    <Badge color="red.9" ml={4} variant="filled">
                      {t('community.inbox.overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{memberName(item.assigneeId)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpenId(item.id)}
                    aria-label={t('community.inbox.handleFrom', { author: item.authorHandle })}
                  >
                    {t('community.inbox.handle')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pages={pages} pageInfo={result.data?.inboxItems.pageInfo} />
      {open && <InboxItemModal item={open} members={members} onClose={() => setOpenId(null)} onChanged={() => refresh()} />}
    </Stack>
  );
}

function severityLabel(t: ReturnType<typeof useT>, severity: CommentSeverity): string {
  return t(`community.inbox.severityValue.${severity}`);
}

function InboxItemModal({
  item,
  members,
  onClose,
  onChanged,
}: {
  item: Item;
  members: { value: string; label: string }[];
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const { context, timeZone } = useClientOrganization();
  const [templates] = useQuery({ query: ReplyTemplatesDocument, variables: { network: item.source, severity: item.severity }, context });
  const [assigned, assign] = useMutation(AssignInboxItemDocument);
  const [replied, reply] = useMutation(ReplyToInboxItemDocument);
  const [dismissed, dismiss] = useMutation(DismissInboxItemDocument);
  const [assignee, setAssignee] = useState<string | null>(item.assigneeId ?? null);
  const [text, setText] = useState('');
  const isOpen = OPEN.includes(item.status);
  const templateOptions = (templates.data?.replyTemplates ?? []).map((tpl, i) => ({
    value: String(i),
    label: `${tpl.language.toUpperCase()} · ${tpl.text.slice(0, 60)}`,
  }));

  const doAssign = async () => {
    if (!assignee) return;
    const res = await assign({ input: { id: item.id, assigneeId: assignee } }, context);
    if (!res.error) onChanged();
  };
  const doReply = async (event: FormEvent) => {
    event.preventDefault();
    const res = await reply({ input: { itemId: item.id, text } }, context);
    if (!res.error) {
      setText('');
      onChanged();
    }
  };
  const doDismiss = async () => {
    const res = await dismiss({ input: { id: item.id } }, context);
    if (!res.error) {
      onChanged();
      onClose();
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('community.close') }}
      title={t('community.inbox.itemTitle', { author: item.authorHandle })}
      size="lg"
    >
      <Stack>
        <Text>{item.text}</Text>
        <Group gap="xs">
          <Badge variant="outline" color={SEVERITY_COLOR[item.severity] ?? 'gray.9'}>
            {severityLabel(t, item.severity)}
          </Badge>
          <Badge variant="outline" color="blue.9">
            {t(`community.inbox.statusValue.${item.status}`)}
          </Badge>
          <Text size="sm" c={item.overdue ? 'red.9' : 'gray.7'}>
            {t('community.inbox.dueBy')} <OrgDateTime value={item.dueAt} timeZone={timeZone} /> ·{' '}
            {t('community.inbox.responsible', { role: item.responsibleRole })}
          </Text>
        </Group>
        {item.replies.map((r) => (
          <Alert key={r.id} color={r.status === 'FAILED' ? 'red' : 'teal'} title={t('community.inbox.replyStatus', { status: r.status })}>
            {r.text}
            {r.error && <Text size="sm">{r.error}</Text>}
          </Alert>
        ))}
        {isOpen && (
          <>
            {!isAboutFields(assigned.error, ['input.assigneeId']) && <ErrorAlert error={assigned.error} />}
            <Group align="flex-end">
              <Select
                label={t('community.inbox.assignTo')}
                data={members}
                value={assignee}
                onChange={setAssignee}
                error={fieldError(assigned.error, 'input.assigneeId')}
                style={{ flex: 1 }}
              />
              <Button onClick={() => void doAssign()} disabled={!assignee || assignee === item.assigneeId} loading={assigned.fetching}>
                {t('community.inbox.assign')}
              </Button>
            </Group>
            <form onSubmit={doReply}>
              <Stack gap="xs">
                {!isAboutFields(replied.error, ['input.text']) && <ErrorAlert error={replied.error} />}
                {templateOptions.length > 0 && (
                  <Select
                    label={t('community.inbox.template')}
                    placeholder={t('community.inbox.templatePick')}
                    data={templateOptions}
                    value={null}
                    onChange={(v) => v !== null && setText(templates.data?.replyTemplates[Number(v)]?.text ?? '')}
                  />
                )}
                <Textarea
                  label={t('community.inbox.reply')}
                  required
                  autosize
                  minRows={3}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  error={fieldError(replied.error, 'input.text')}
                />
                <Group justify="space-between">
                  <Button variant="default" color="red" onClick={() => void doDismiss()} loading={dismissed.fetching}>
                    {t('community.inbox.dismiss')}
                  </Button>
                  <Button type="submit" loading={replied.fetching} disabled={!text.trim()}>
                    {t('community.inbox.send')}
                  </Button>
                </Group>
                <ErrorAlert error={dismissed.error} />
              </Stack>
            </form>
          </>
        )}
      </Stack>
    </Modal>
  );
}
