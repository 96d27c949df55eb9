import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import type { ContentItemsQuery, ContentSource, ContentStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import { ContentItemsDocument } from './operations';

export type ListedItem = ContentItemsQuery['contentItems']['edges'][number]['node'];
const PAGE = 25;
const STATUSES: ContentStatus[] = ['IDEA', 'DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'FAILED', 'CANCELLED'];

/** Content items page by page (Relay `first`/`after`), the pages read so far kept in order. */
export function useItemPages(filter: { status?: ContentStatus | null; source?: ContentSource | null }) {
  const { context } = useContentScope();
  const [after, setAfter] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, ListedItem[]>>({});
  const key = `${filter.status ?? ''}|${filter.source ?? ''}`;
  useEffect(() => {
    setAfter(null);
    setPages({});
  }, [key]);
  const [result, refresh] = useQuery({
    query: ContentItemsDocument,
    variables: { first: PAGE, after, status: filter.status ?? null, source: filter.source ?? null },
    context,
  });
  useEffect(() => {
    const nodes = result.data?.contentItems.edges.map((e) => e.node);
    if (nodes) setPages((previous) => ({ ...(after ? previous : {}), [`p:${after ?? ''}`]: nodes }));
  }, [result.data, after]);
  const items = Object.values(pages)
    .flat()
    .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  return {
    result,
    items,
    hasMore: result.data?.contentItems.pageInfo.hasNextPage ?? false,
    more: () => setAfter(result.data?.contentItems.pageInfo.endCursor ?? null),
    reload: () => {
      if (after === null) refresh();
      else {
        setPages({});
        setAfter(null);
      }
    },
  };
}

/** Every content item of the organisation, optionally of one status. */
export function ItemList() {
  const t = useT();
  const { base, timeZone } = useContentScope();
  const [status, setStatus] = useState<ContentStatus | null>(null);
  const list = useItemPages({ status });
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          label={t('content.items.status')}
          placeholder={t('content.items.allStatuses')}
          clearable
          data={STATUSES.map((s) => ({ value: s, label: t('content.item.status', { status: s }) }))}
          value={status}
          onChange={(v) => setStatus(v as ContentStatus | null)}
        />
        <Button component={Link} to={`${base}/items/new`}>
          {t('content.item.new')}
        </Button>
      </Group>
      <ErrorAlert error={list.result.error} />
      {list.result.data && list.items.length === 0 && <Text>{t('content.items.empty')}</Text>}
      {list.items.length > 0 && (
        <Table aria-label={t('content.tab.items')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('content.item.title')}</Table.Th>
              <Table.Th>{t('content.items.statusColumn')}</Table.Th>
              <Table.Th>{t('content.items.networks')}</Table.Th>
              <Table.Th>{t('content.items.planned')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/items/${item.id}`}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t('content.item.status', { status: item.status })}</Badge>
                </Table.Td>
                <Table.Td>{[...new Set(item.variants.map((v) => v.network))].join(', ') || '—'}</Table.Td>
                <Table.Td>{item.plannedFor ? <OrgDate value={item.plannedFor} timeZone={timeZone} /> : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasMore && (
        <Button variant="default" onClick={list.more} loading={list.result.fetching}>
          {t('content.more')}
        </Button>
      )}
    </Stack>
  );
}
