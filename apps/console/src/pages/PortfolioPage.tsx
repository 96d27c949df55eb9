import { Alert, Badge, Card, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { preloadRadarChart, RadarChart } from '../components/charts';
import { Suspense, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { CreateClient } from '../components/CreateClient';
import { ChunkLoader } from '../components/lazy';
import { OrgDate, useScore } from '../components/format';
import { useWorkspace } from '../components/workspace';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const PortfolioDocument = graphql(`
  query Portfolio {
    portfolio(first: 100, sort: { field: SCORE, direction: DESC }) {
      totalCount
      edges {
        node {
          organizationId
          name
          trend
          lastAssessment {
            score
            level
            levelName
            finalizedAt
          }
          weakestDimension {
            key
            title
            score
          }
        }
      }
    }
  }
`);

const ComparisonDocument = graphql(`
  query MaturityComparison($organizationId: ID!) {
    maturityComparison(organizationId: $organizationId) {
      organizationCount
      overall {
        score
        agencyAverage
      }
      dimensions {
        dimensionKey
        title
        score
        agencyAverage
      }
    }
  }
`);

/** The agency's clients ranked by the score of their latest finalised assessment (never assessed last). */
export function PortfolioPage() {
  const t = useT();
  const score = useScore();
  const workspace = useWorkspace();
  const [portfolio, refreshPortfolio] = useQuery({ query: PortfolioDocument });
  const entries = portfolio.data?.portfolio.edges.map((e) => e.node) ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const selected = entries.find((e) => e.organizationId === picked) ?? entries.find((e) => e.lastAssessment) ?? null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('portfolio.title')}</Title>
          <Text c="dimmed">{t('portfolio.subtitle')}</Text>
        </div>
        {workspace.agency && (
          <CreateClient
            onCreated={() => {
              refreshPortfolio();
              workspace.refresh();
            }}
          />
        )}
      </Group>
      {portfolio.error && <Alert color="red">{t('error.generic', { message: portfolio.error.message })}</Alert>}
      {portfolio.fetching && <Loader />}
      {portfolio.data && entries.length === 0 && <Text>{t('portfolio.empty')}</Text>}
      {entries.length > 0 && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Table highlightOnHover aria-label={t('portfolio.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portfolio.rank')}</Table.Th>
                  <Table.Th>{t('portfolio.client')}</Table.Th>
                  <Table.Th>{t('portfolio.score')}</Table.Th>
                  <Table.Th>{t('portfolio.level')}</Table.Th>
                  <Table.Th>{t('portfolio.trend')}</Table.Th>
                  <Table.Th>{t('portfolio.weakest')}</Table.Th>
                  <Table.Th>{t('portfolio.assessed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry, index) => (
                  <Table.Tr
                    key={entry.organizationId}
                    data-testid="portfolio-row"
                    onClick={() => setPicked(entry.organizationId)}
                    style={{ cursor: 'pointer' }}
                    bg={entry.organizationId === selected?.organizationId ? 'var(--mantine-color-blue-light)' : undefined}
                  >
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>{entry.name}</Table.Td>
                    <Table.Td>{entry.lastAssessment ? score(entry.lastAssessment.score) : t('portfolio.notAssessed')}</Table.Td>
                    <Table.Td>
                      {entry.lastAssessment?.level != null && (
                        <Badge variant="light">
                          {entry.lastAssessment.levelName ?? t('portfolio.levelValue', { level: entry.lastAssessment.level })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {entry.trend == null ? (
                        <Text size="sm" c="dimmed">
                          {t('portfolio.noTrend')}
                        </Text>
                      ) : (
                        <Text size="sm" c={entry.trend >= 0 ? 'teal' : 'red'}>
                          {entry.trend >= 0 ? '▲' : '▼'} {entry.trend > 0 ? '+' : ''}
                          {score(entry.trend)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {entry.weakestDimension ? `${entry.weakestDimension.title} (${score(entry.weakestDimension.score)})` : '—'}
                    </Table.Td>
                    <Table.Td>
                      {entry.lastAssessment && (
                        <OrgDate
                          value={entry.lastAssessment.finalizedAt}
                          timeZone={workspace.organization(entry.organizationId)?.timezone}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {selected ? <Comparison organizationId={selected.organizationId} name={selected.name} /> : <Text>{t('radar.pick')}</Text>}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function Comparison({ organizationId, name }: { organizationId: string; name: string }) {
  const t = useT();
  const score = useScore();
  const [comparison] = useQuery({ query: ComparisonDocument, variables: { organizationId } });
  // The chart's chunk comes while the comparison is asked for, not after it.
  useEffect(preloadRadarChart, []);
  const data = comparison.data?.maturityComparison;
  const clientLabel = t('radar.client', { name });
  const averageLabel = t('radar.agencyAverage');
  return (
    <Card withBorder data-testid="comparison">
      <Title order={4}>{t('radar.title', { name })}</Title>
      {comparison.fetching && <Loader />}
      {comparison.data && !data && <Text>{t('radar.none')}</Text>}
      {data && (
        // The scores show with the chart, whose library comes with its own chunk.
        <Suspense fallback={<ChunkLoader what="chart" height={360} />}>
          <Group gap="xs" mt="xs">
            <Badge variant="light">
              {clientLabel}: {score(data.overall.score)}
            </Badge>
            <Badge variant="light" color="gray">
              {averageLabel}: {score(data.overall.agencyAverage)}
            </Badge>
          </Group>
          <RadarChart
            h={320}
            data={data.dimensions.map((d) => ({ dimension: d.title, [clientLabel]: d.score ?? 0, [averageLabel]: d.agencyAverage ?? 0 }))}
            dataKey="dimension"
            withLegend
            series={[
              { name: clientLabel, color: 'blue.6', opacity: 0.3 },
              { name: averageLabel, color: 'gray.6', opacity: 0.15 },
            ]}
          />
        </Suspense>
      )}
    </Card>
  );
}
