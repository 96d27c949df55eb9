import { Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDateTime } from '../../components/format';
import { useCursorPages } from '../../components/paging';
import type { NewsletterSubscriberState } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { PAGE_SIZE, Pager } from '../agency/common';
import { NewsletterSubscribersDocument } from './operations';
import { ListFilter, type PressScope } from './shared';

const STATES: readonly NewsletterSubscriberState[] = ['CONFIRMED', 'PENDING', 'UNSUBSCRIBED'];
const STATE_COLOR: Record<NewsletterSubscriberState, string> = { CONFIRMED: 'teal.9', PENDING: 'yellow.9', UNSUBSCRIBED: 'gray.8' };

/**
 * The newsletter's subscribers, oldest first, page by page and by state, with how many are in each state. The API
 * gives addresses and names only to those who manage the room: the others see that they are hidden.
 */
export function SubscribersPanel({ scope }: { scope: PressScope }) {
  const t = useT();
  const pages = useCursorPages();
  const [state, setState] = useState<NewsletterSubscriberState | null>(null);
  const [list] = useQuery({
    query: NewsletterSubscribersDocument,
    variables: { first: PAGE_SIZE, after: pages.after, state },
    context: scope.context,
  });
  const counts = list.data?.newsletterSubscriberCounts;
  const subscribers = list.data?.newsletterSubscribers;
  const rows = subscribers?.edges.map((e) => e.node) ?? [];
  const countOf = (s: NewsletterSubscriberState) =>
    counts ? (s === 'CONFIRMED' ? counts.confirmed : s === 'PENDING' ? counts.pending : counts.unsubscribed) : 0;
  const hidden = rows.some((r) => r.email === null);

  return (
    <Card withBorder component="section" aria-labelledby="press-subscribers">
      <Stack>
        <div>
          <Title order={3} id="press-subscribers">
            {t('press.subscribers')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('press.subscribersHint')}
          </Text>
        </div>
        {counts && (
          <Group gap="lg" role="list" aria-label={t('press.counts')} data-testid="press-subscriber-counts">
            {STATES.map((s) => (
              <Text key={s} role="listitem" fw={500}>
                {t('press.count', { state: t('press.subscriberState', { state: s }), count: countOf(s) })}
              </Text>
            ))}
          </Group>
        )}
        <ListFilter
          label={t('press.subscribersShown')}
          allLabel={t('press.all')}
          value={state}
          values={STATES}
          labelOf={(s) => t('press.subscriberState', { state: s })}
          onChange={(next) => {
            setState(next);
            pages.reset();
          }}
          count={subscribers ? t('press.subscribersCount', { count: subscribers.totalCount }) : undefined}
        />
        {(hidden || !scope.canManage) && (
          <Text size="sm" c="gray.7">
            {t('press.hiddenNote')}
          </Text>
        )}
        <ErrorAlert error={list.error} />
        {list.fetching && !subscribers && <Loader aria-label={t('press.loading')} />}
        {subscribers && rows.length === 0 && <Text>{t('press.subscribersEmpty')}</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="press-subscribers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('press.column.email')}</Table.Th>
                  <Table.Th>{t('press.column.name')}</Table.Th>
                  <Table.Th>{t('press.column.state')}</Table.Th>
                  <Table.Th>{t('press.column.lists')}</Table.Th>
                  <Table.Th>{t('press.column.signedUp')}</Table.Th>
                  <Table.Th>{t('press.column.confirmed')}</Table.Th>
                  <Table.Th>{t('press.column.unsubscribed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((subscriber) => (
                  <Table.Tr key={subscriber.id} data-testid="press-subscriber">
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {subscriber.email ?? (
                        <Text span size="sm" c="gray.7" fs="italic">
                          {t('press.hidden')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {subscriber.name ??
                        (subscriber.email === null ? (
                          <Text span size="sm" c="gray.7" fs="italic">
                            {t('press.hidden')}
                          </Text>
                        ) : (
                          '—'
                        ))}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[subscriber.state]} variant="outline">
                        {t('press.subscriberState', { state: subscriber.state })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{subscriber.lists.map((list) => t('press.list', { list })).join(', ')}</Table.Td>
                    <Table.Td>
                      <OrgDateTime value={subscriber.createdAt} timeZone={scope.timeZone} />
                    </Table.Td>
                    <Table.Td>
                      <OrgDateTime value={subscriber.confirmedAt} timeZone={scope.timeZone} />
                    </Table.Td>
                    <Table.Td>
                      <OrgDateTime value={subscriber.unsubscribedAt} timeZone={scope.timeZone} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Pager
          page={pages.page}
          hasNextPage={subscribers?.pageInfo.hasNextPage ?? false}
          onPrevious={pages.previous}
          onNext={() => pages.next(subscribers?.pageInfo.endCursor)}
        />
      </Stack>
    </Card>
  );
}
