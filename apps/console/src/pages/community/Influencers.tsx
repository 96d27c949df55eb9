import { Alert, Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { SentimentLeaning } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { SENTIMENT_COLOR } from './Mentions';
import { Pager, useClientOrganization, useCursorPages } from './shared';

const InfluencersDocument = graphql(`
  query Influencers($first: Int!, $after: String, $leaning: SentimentLeaning) {
    mentionAuthors(first: $first, after: $after, leaning: $leaning) {
      edges {
        node {
          id
          handle
          name
          source
          reach
          mentions
          score
          leaning
          tags
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE = 20;

/** Who mentions the organisation, most influential first (reach, volume, strength of feeling), over the last 90 days. */
export function Influencers() {
  const t = useT();
  const intl = useIntl();
  const { context } = useClientOrganization();
  const [leaning, setLeaning] = useState<SentimentLeaning | null>(null);
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(() => reset(), [leaning, reset]);
  const [result] = useQuery({
    query: InfluencersDocument,
    variables: { first: PAGE, after: pages.after, leaning: leaning ?? undefined },
    context,
  });
  const authors = result.data?.mentionAuthors.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text c="gray.7">{t('community.influencers.intro')}</Text>
        <Select
          label={t('community.influencers.leaning')}
          clearable
          value={leaning}
          onChange={(v) => setLeaning(v as SentimentLeaning | null)}
          data={(['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const).map((l) => ({ value: l, label: t(`community.sentiment.${l}`) }))}
        />
      </Group>
      <ErrorAlert error={result.error} />
      {result.data && authors.length === 0 && <Alert>{t('community.influencers.empty')}</Alert>}
      {authors.length > 0 && (
        <Table aria-label={t('community.tabs.influencers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('community.mentions.author')}</Table.Th>
              <Table.Th>{t('community.mentions.network')}</Table.Th>
              <Table.Th>{t('community.influencers.reach')}</Table.Th>
              <Table.Th>{t('community.influencers.mentions')}</Table.Th>
              <Table.Th>{t('community.influencers.score')}</Table.Th>
              <Table.Th>{t('community.influencers.leaning')}</Table.Th>
              <Table.Th>{t('community.influencers.tags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {authors.map((a) => (
              <Table.Tr key={a.id} data-testid="influencer">
                <Table.Td>
                  <Text size="sm">{a.name ?? a.handle}</Text>
                  <Text size="xs" c="gray.7">
                    @{a.handle}
                  </Text>
                </Table.Td>
                <Table.Td>{a.source}</Table.Td>
                <Table.Td>{a.reach == null ? '—' : intl.formatNumber(a.reach)}</Table.Td>
                <Table.Td>{a.mentions}</Table.Td>
                <Table.Td>{intl.formatNumber(a.score, { maximumFractionDigits: 1 })}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={SENTIMENT_COLOR[a.leaning]}>
                    {t(`community.sentiment.${a.leaning}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.tags.map((tag) => (
                      <Badge key={tag} variant="outline" color="blue.9">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pages={pages} pageInfo={result.data?.mentionAuthors.pageInfo} />
    </Stack>
  );
}
