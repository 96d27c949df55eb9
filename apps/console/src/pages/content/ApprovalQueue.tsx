import { Alert, Anchor, Button, Checkbox, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import { useItemPages, type ListedItem } from './ItemList';
import { ApproveContentItemDocument, CreateApprovalLinkDocument, RejectContentItemDocument } from './operations';
import { fieldErrors } from './zoned';

type Decision = { item: ListedItem; kind: 'approve' | 'reject' | 'link' };

/** Items waiting for review: approve (with a comment), reject (with the reason), or send an external approver a link. */
export function ApprovalQueue() {
  const t = useT();
  const { base, timeZone } = useContentScope();
  const queue = useItemPages({ status: 'IN_REVIEW' });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack>
      <Text c="dimmed">{t('content.approvals.intro')}</Text>
      {done && (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      )}
      <ErrorAlert error={queue.result.error} />
      {queue.result.data && queue.items.length === 0 && <Text>{t('content.approvals.empty')}</Text>}
      {queue.items.length > 0 && (
        <Table aria-label={t('content.tab.approvals')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('content.item.title')}</Table.Th>
              <Table.Th>{t('content.items.networks')}</Table.Th>
              <Table.Th>{t('content.items.planned')}</Table.Th>
              <Table.Th>{t('content.approvals.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.items.map((item) => (
              <Table.Tr key={item.id} data-testid="approval-row">
                <Table.Td>
                  <Anchor component={Link} to={`${base}/items/${item.id}`}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{[...new Set(item.variants.map((v) => v.network))].join(', ') || '—'}</Table.Td>
                <Table.Td>{item.plannedFor ? <OrgDate value={item.plannedFor} timeZone={timeZone} /> : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" color="teal" onClick={() => setDecision({ item, kind: 'approve' })}>
                      {t('content.approvals.approve')}
                    </Button>
                    <Button size="xs" color="red" variant="light" onClick={() => setDecision({ item, kind: 'reject' })}>
                      {t('content.approvals.reject')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setDecision({ item, kind: 'link' })}>
                      {t('content.approvals.sendLink')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {queue.hasMore && (
        <Button variant="default" onClick={queue.more} loading={queue.result.fetching}>
          {t('content.more')}
        </Button>
      )}
      <Modal
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={decision ? t(`content.approvals.${decision.kind}Title` as const, { title: decision.item.title }) : ''}
      >
        {decision?.kind === 'link' ? (
          <LinkForm item={decision.item} />
        ) : (
          decision && (
            <DecisionForm
              key={`${decision.item.id}-${decision.kind}`}
              decision={decision}
              onDone={(message) => {
                setDecision(null);
                setDone(message);
                queue.reload();
              }}
            />
          )
        )}
      </Modal>
    </Stack>
  );
}

function DecisionForm({ decision, onDone }: { decision: Decision; onDone(message: string): void }) {
  const t = useT();
  const { context } = useContentScope();
  const [text, setText] = useState('');
  const [approved, approve] = useMutation(ApproveContentItemDocument);
  const [rejected, reject] = useMutation(RejectContentItemDocument);
  const rejecting = decision.kind === 'reject';
  const result = rejecting ? rejected : approved;
  const { byField, rest } = fieldErrors(result.error, [rejecting ? 'reason' : 'comment']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = rejecting
      ? await reject({ input: { itemId: decision.item.id, reason: text } }, context)
      : await approve({ input: { itemId: decision.item.id, comment: text || null } }, context);
    if (res.data) onDone(t(rejecting ? 'content.approvals.rejected' : 'content.approvals.approved', { title: decision.item.title }));
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {rest.length > 0 && (
          <Alert color="red" role="alert">
            {rest.join(' ')}
          </Alert>
        )}
        <Textarea
          label={rejecting ? t('content.approvals.reason') : t('content.approvals.comment')}
          required={rejecting}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={byField[rejecting ? 'reason' : 'comment']}
          data-autofocus
        />
        <Button type="submit" color={rejecting ? 'red' : 'teal'} loading={result.fetching}>
          {rejecting ? t('content.approvals.reject') : t('content.approvals.approve')}
        </Button>
      </Stack>
    </form>
  );
}

function LinkForm({ item }: { item: ListedItem }) {
  const t = useT();
  const { context } = useContentScope();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [hours, setHours] = useState<number | string>(72);
  const [sendEmail, setSendEmail] = useState(true);
  const [created, create] = useMutation(CreateApprovalLinkDocument);
  const { byField, rest } = fieldErrors(created.error, ['recipientName', 'recipientEmail', 'expiresInHours']);
  const link = created.data?.createApprovalLink;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create(
      { input: { itemId: item.id, recipientName: name, recipientEmail: email, expiresInHours: Number(hours), sendEmail } },
      context,
    );
  };
  if (link) {
    // The API's link is already the console's page for the approver (PUBLIC_URL/links/approvals/<token>).
    const url = link.url;
    return (
      <Stack>
        <Text data-testid="approval-link-status">
          {link.emailed
            ? t('content.approvals.linkEmailed', { name: link.recipientName, email: link.recipientEmail })
            : t('content.approvals.linkReady', { name: link.recipientName })}
        </Text>
        <Anchor href={url} data-testid="approval-link" style={{ wordBreak: 'break-all' }}>
          {url}
        </Anchor>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        {rest.length > 0 && (
          <Alert color="red" role="alert">
            {rest.join(' ')}
          </Alert>
        )}
        <TextInput
          label={t('content.approvals.recipientName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={byField.recipientName}
        />
        <TextInput
          type="email"
          label={t('content.approvals.recipientEmail')}
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={byField.recipientEmail}
        />
        <NumberInput
          label={t('content.approvals.expiresInHours')}
          min={1}
          value={hours}
          onChange={setHours}
          error={byField.expiresInHours}
        />
        <Checkbox label={t('content.approvals.sendEmail')} checked={sendEmail} onChange={(e) => setSendEmail(e.currentTarget.checked)} />
        <Button type="submit" loading={created.fetching}>
          {t('content.approvals.createLink')}
        </Button>
      </Stack>
    </form>
  );
}
