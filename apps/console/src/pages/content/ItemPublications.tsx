import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDateTime } from '../../components/format';
import { graphql } from '../../gql';
import type { PublicationStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { useContentScope } from './ContentPage';

const ItemPublicationsDocument = graphql(`
  query ContentItemPublications($itemId: ID!, $after: String) {
    publications(itemId: $itemId, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          network
          status
          dueAt
          publishedAt
          deletedAt
          attempts
          lastError
          lastErrorKind
          externalUrl
          waitsFor
          upload {
            attachment
            attachments
            percent
          }
          attemptLog {
            number
            outcome
            errorKind
            message
            startedAt
          }
        }
      }
    }
  }
`);

const RetryPublicationDocument = graphql(`
  mutation ContentRetryPublication($input: PublicationIdInput!) {
    retryPublication(input: $input) {
      id
      status
    }
  }
`);
const DeletePublishedPostDocument = graphql(`
  mutation ContentDeletePublishedPost($input: PublicationIdInput!) {
    deletePublishedPost(input: $input) {
      id
      deletedAt
    }
  }
`);
const UnscheduleContentItemDocument = graphql(`
  mutation ContentUnscheduleItem($input: UnscheduleContentItemInput!) {
    unscheduleContentItem(input: $input) {
      id
      status
    }
  }
`);
const CancelContentItemDocument = graphql(`
  mutation ContentCancelItem($input: CancelContentItemInput!) {
    cancelContentItem(input: $input) {
      id
      status
    }
  }
`);

const STATUS_COLOR: Record<PublicationStatus, string> = {
  SCHEDULED: 'blue',
  HELD: 'yellow',
  PUBLISHING: 'blue',
  PUBLISHED: 'teal',
  FAILED: 'red',
  CANCELLED: 'gray',
  NEEDS_REAUTH: 'orange',
};

/**
 * An item's publications, one per network variant: when each is due, whether it went out (the post's link), what
 * each attempt did, and what can be done: retry a failed one, delete a published post at its network, take the item
 * off the schedule, or cancel it.
 */
export function ItemPublications({ item, onChanged }: { item: { id: string; status: string; title: string }; onChanged(): void }) {
  const t = useT();
  const { context, timeZone } = useContentScope();
  const [result, reload] = useQuery({ query: ItemPublicationsDocument, variables: { itemId: item.id }, context });
  const [retried, retry] = useMutation(RetryPublicationDocument);
  const [unscheduled, unschedule] = useMutation(UnscheduleContentItemDocument);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const publications = result.data?.publications.edges.map((e) => e.node) ?? [];
  const refresh = () => {
    reload({ requestPolicy: 'network-only' });
    onChanged();
  };
  const cancellable = !['PUBLISHED', 'PUBLISHING', 'CANCELLED'].includes(item.status);
  // While a publication is being sent, its upload progress and outcome are read again every two seconds.
  const sending = publications.some((p) => p.status === 'PUBLISHING');
  useEffect(() => {
    if (!sending) return undefined;
    const timer = setInterval(() => reload({ requestPolicy: 'network-only' }), 2000);
    return () => clearInterval(timer);
  }, [sending, reload]);
  return (
    <Card withBorder data-testid="item-publications">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('content.publications.title')}</Title>
          <Group gap="xs">
            {item.status === 'SCHEDULED' && (
              <Button
                variant="default"
                loading={unscheduled.fetching}
                onClick={async () => {
                  const res = await unschedule({ input: { itemId: item.id } }, context);
                  if (res.data) refresh();
                }}
              >
                {t('content.publications.unschedule')}
              </Button>
            )}
            {cancellable && (
              <Button variant="default" color="red" onClick={() => setCancelling(true)}>
                {t('content.publications.cancelItem')}
              </Button>
            )}
          </Group>
        </Group>
        <ErrorAlert error={result.error ?? unscheduled.error ?? retried.error} />
        {result.data && publications.length === 0 && <Text c="dimmed">{t('content.publications.none')}</Text>}
        {publications.length > 0 && (
          <Table aria-label={t('content.publications.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('content.publications.network')}</Table.Th>
                <Table.Th>{t('content.publications.due')}</Table.Th>
                <Table.Th>{t('content.publications.status')}</Table.Th>
                <Table.Th>{t('content.publications.attempts')}</Table.Th>
                <Table.Th>{t('content.publications.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {publications.map((p) => (
                <Table.Tr key={p.id} data-testid="publication">
                  <Table.Td>{p.network}</Table.Td>
                  <Table.Td>
                    <OrgDateTime value={p.publishedAt ?? p.dueAt} timeZone={timeZone} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Badge color={STATUS_COLOR[p.status]} variant="outline">
                        {t(`content.publications.status.${p.status}` as MessageKey)}
                      </Badge>
                      {p.deletedAt && <Text size="xs">{t('content.publications.deleted')}</Text>}
                      {p.waitsFor && p.status === 'SCHEDULED' && <Text size="xs">{t('content.publications.waitsForLongForm')}</Text>}
                      {p.upload && p.status === 'PUBLISHING' && (
                        <Stack gap={2} data-testid="publication-upload">
                          <Progress
                            value={p.upload.percent}
                            size="sm"
                            aria-label={t('content.publications.uploadOf', { network: p.network })}
                          />
                          <Text size="xs">
                            {t('content.publications.upload', {
                              percent: String(p.upload.percent),
                              attachment: String(p.upload.attachment),
                              attachments: String(p.upload.attachments),
                            })}
                          </Text>
                        </Stack>
                      )}
                      {p.lastError && p.status !== 'PUBLISHED' && (
                        <Text size="xs" c="red.9">
                          {p.lastError}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {p.attemptLog.length === 0 ? (
                      '—'
                    ) : (
                      <List size="xs" aria-label={t('content.publications.attemptsOf', { network: p.network })}>
                        {p.attemptLog.map((a) => (
                          <List.Item key={a.number}>
                            {a.number}. {a.outcome ?? t('content.publications.running')}
                            {a.message ? ` — ${a.message}` : ''}
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {p.externalUrl && !p.deletedAt && (
                        <Anchor href={p.externalUrl} target="_blank" rel="noreferrer" size="sm">
                          {t('content.publications.open')}
                        </Anchor>
                      )}
                      {(p.status === 'FAILED' || p.status === 'NEEDS_REAUTH') && (
                        <Button
                          size="xs"
                          loading={retried.fetching}
                          onClick={async () => {
                            const res = await retry({ input: { id: p.id } }, context);
                            if (res.data) refresh();
                          }}
                        >
                          {t('content.publications.retry')}
                        </Button>
                      )}
                      {p.status === 'PUBLISHED' && !p.deletedAt && (
                        <Button size="xs" variant="default" color="red" onClick={() => setDeleting(p.id)}>
                          {t('content.publications.deletePost')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {deleting && (
        <DeletePost
          publicationId={deleting}
          onClose={() => setDeleting(null)}
          onDone={() => {
            setDeleting(null);
            refresh();
          }}
        />
      )}
      {cancelling && (
        <CancelItem
          item={item}
          onClose={() => setCancelling(false)}
          onDone={() => {
            setCancelling(false);
            refresh();
          }}
        />
      )}
    </Card>
  );
}

function DeletePost({ publicationId, onClose, onDone }: { publicationId: string; onClose(): void; onDone(): void }) {
  const t = useT();
  const { context } = useContentScope();
  const [result, remove] = useMutation(DeletePublishedPostDocument);
  return (
    <Modal opened onClose={onClose} title={t('content.publications.deleteTitle')}>
      <Stack>
        <Text>{t('content.publications.deleteHint')}</Text>
        <ErrorAlert error={result.error} />
        <Group>
          <Button
            color="red"
            loading={result.fetching}
            onClick={async () => {
              const res = await remove({ input: { id: publicationId } }, context);
              if (res.data) onDone();
            }}
          >
            {t('content.publications.deleteConfirm')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('content.publications.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelItem({ item, onClose, onDone }: { item: { id: string; title: string }; onClose(): void; onDone(): void }) {
  const t = useT();
  const { context } = useContentScope();
  const [reason, setReason] = useState('');
  const [result, cancel] = useMutation(CancelContentItemDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await cancel({ input: { id: item.id, reason: reason.trim() === '' ? null : reason } }, context);
    if (res.data) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={t('content.publications.cancelTitle', { title: item.title })}>
      <form onSubmit={submit}>
        <Stack>
          <Text>{t('content.publications.cancelHint')}</Text>
          {result.error && (
            <Alert color="red" role="alert">
              {result.error.graphQLErrors.map((e) => e.message).join(' ') || result.error.message}
            </Alert>
          )}
          <TextInput
            label={t('content.publications.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group>
            <Button type="submit" color="red" loading={result.fetching}>
              {t('content.publications.cancelConfirm')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('content.publications.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
