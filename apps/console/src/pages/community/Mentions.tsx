import { Alert, Anchor, Badge, Card, Grid, Group, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { SentimentLabel } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { nextDay, Pager, startOfLocalDay, useClientOrganization, useCursorPages } from './shared';
import { OrgDateTime } from '../../components/format';

const MentionStreamDocument = graphql(`
  query MentionStream(
    $first: Int!
    $after: String
    $source: String
    $sentiment: SentimentLabel
    $queryId: ID
    $from: DateTime
    $to: DateTime
    $text: String
  ) {
    mentions(first: $first, after: $after, source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {
      edges {
        node {
          id
          source
          authorHandle
          authorName
          text
          url
          publishedAt
          sentiment
          reach
          language
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    mentionFacets(source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {
      total
      sources {
        value
        label
        count
      }
      sentiments {
        value
        label
        count
      }
      queries {
        value
        label
        count
      }
    }
  }
`);

const SENTIMENTS: SentimentLabel[] = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'];
export const SENTIMENT_COLOR: Record<SentimentLabel, string> = { POSITIVE: 'teal.9', NEUTRAL: 'gray.9', NEGATIVE: 'red.9' };
const PAGE = 20;

interface Filter {
  source: string | null;
  sentiment: SentimentLabel | null;
  queryId: string | null;
  fromDate: string;
  toDate: string;
  text: string;
}

/** The mentions listening found, newest first, with filters, facet counts next to each choice, and pages. */
export function Mentions() {
  const t = useT();
  const { context, timeZone } = useClientOrganization();
  const [filter, setFilter] = useState<Filter>({ source: null, sentiment: null, queryId: null, fromDate: '', toDate: '', text: '' });
  const [text] = useDebouncedValue(filter.text, 400);
  const pages = useCursorPages();
  const variables = useMemo(
    () => ({
      first: PAGE,
      after: pages.after,
      // Absent rather than null: a filter left out is what the API documents.
      source: filter.source ?? undefined,
      sentiment: filter.sentiment ?? undefined,
      queryId: filter.queryId ?? undefined,
      from: filter.fromDate ? startOfLocalDay(filter.fromDate, timeZone) : undefined,
      to: filter.toDate ? startOfLocalDay(nextDay(filter.toDate), timeZone) : undefined,
      text: text.trim() || undefined,
    }),
    [pages.after, filter.source, filter.sentiment, filter.queryId, filter.fromDate, filter.toDate, text, timeZone],
  );
  const { reset } = pages;
  useEffect(() => reset(), [filter.source, filter.sentiment, filter.queryId, filter.fromDate, filter.toDate, text, reset]);
  const [result] = useQuery({ query: MentionStreamDocument, variables, context });
  const [facetsSeen, setFacetsSeen] = useState(result.data?.mentionFacets);
  useEffect(() => {
    if (result.data) setFacetsSeen(result.data.mentionFacets);
  }, [result.data]);
  const facets = facetsSeen;
  const mentions = result.data?.mentions.edges.map((e) => e.node) ?? [];
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const counted = (values: { value?: string | null; label?: string | null; count: number }[] | undefined, label: (v: string) => string) =>
    (values ?? [])
      .filter((v): v is { value: string; label?: string | null; count: number } => v.value != null)
      .map((v) => ({ value: v.value, label: `${v.label ?? label(v.value)} (${v.count})` }));

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Title order={4}>{t('community.mentions.filters')}</Title>
            <TextInput
              label={t('community.mentions.text')}
              description={t('community.mentions.textHelp')}
              value={filter.text}
              onChange={(e) => set({ text: e.currentTarget.value })}
            />
            <Select
              label={t('community.mentions.network')}
              clearable
              value={filter.source}
              onChange={(v) => set({ source: v })}
              data={counted(facets?.sources, (v) => v)}
            />
            <Select
              label={t('community.mentions.sentiment')}
              clearable
              value={filter.sentiment}
              onChange={(v) => set({ sentiment: v as SentimentLabel | null })}
              data={SENTIMENTS.map((s) => {
                const count = facets?.sentiments.find((f) => f.value === s)?.count ?? 0;
                return { value: s, label: `${t(`community.sentiment.${s}`)} (${count})` };
              })}
            />
            <Select
              label={t('community.mentions.query')}
              clearable
              value={filter.queryId}
              onChange={(v) => set({ queryId: v })}
              data={counted(facets?.queries, (v) => v)}
            />
            <TextInput
              type="date"
              label={t('community.mentions.from')}
              value={filter.fromDate}
              onChange={(e) => set({ fromDate: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('community.mentions.to')}
              value={filter.toDate}
              onChange={(e) => set({ toDate: e.currentTarget.value })}
            />
            {facets && (
              <Stack gap={4} data-testid="facets">
                <Text size="sm" fw={600}>
                  {t('community.mentions.total', { count: facets.total })}
                </Text>
                <Group gap={4}>
                  {facets.sources.map((f) => (
                    <UnstyledButton key={f.value ?? 'none'} onClick={() => set({ source: f.value ?? null })}>
                      <Badge variant="outline" component="span" color="blue.9">
                        {f.value ?? t('community.unknown')} · {f.count}
                      </Badge>
                    </UnstyledButton>
                  ))}
                </Group>
                <Group gap={4}>
                  {facets.sentiments.map((f) => (
                    <UnstyledButton
                      key={f.value ?? 'none'}
                      onClick={() => set({ sentiment: (f.value as SentimentLabel | null) ?? null })}
                      disabled={!f.value}
                    >
                      <Badge variant="outline" component="span" color={f.value ? SENTIMENT_COLOR[f.value as SentimentLabel] : 'gray.9'}>
                        {f.value ? t(`community.sentiment.${f.value as SentimentLabel}`) : t('community.sentiment.none')} · {f.count}
                      </Badge>
                    </UnstyledButton>
                  ))}
                </Group>
              </Stack>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          <ErrorAlert error={result.error} />
          {result.data && mentions.length === 0 && <Alert>{t('community.mentions.empty')}</Alert>}
          {mentions.length > 0 && (
            <Table aria-label={t('community.tabs.mentions')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('community.mentions.published')}</Table.Th>
                  <Table.Th>{t('community.mentions.author')}</Table.Th>
                  <Table.Th>{t('community.mentions.network')}</Table.Th>
                  <Table.Th>{t('community.mentions.sentiment')}</Table.Th>
                  <Table.Th>{t('community.mentions.textColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mentions.map((m) => (
                  <Table.Tr key={m.id} data-testid="mention">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <OrgDateTime value={m.publishedAt} timeZone={timeZone} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.authorName ?? m.authorHandle}</Text>
                      <Text size="xs" c="gray.7">
                        @{m.authorHandle}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.source}</Table.Td>
                    <Table.Td>
                      {m.sentiment ? (
                        <Badge variant="outline" color={SENTIMENT_COLOR[m.sentiment]}>
                          {t(`community.sentiment.${m.sentiment}`)}
                        </Badge>
                      ) : (
                        <Text size="sm" c="gray.7">
                          {t('community.sentiment.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.text}</Text>
                      {m.url && (
                        <Anchor c="blue.9" href={m.url} target="_blank" rel="noreferrer noopener" size="xs">
                          {t('community.mentions.open')}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager pages={pages} pageInfo={result.data?.mentions.pageInfo} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
