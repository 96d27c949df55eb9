import { AreaChart, DonutChart, LineChart } from '@mantine/charts';
import { Alert, Card, Grid, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useT } from '../../i18n/locale';
import { useClientOrganization } from './shared';

const CommunityChartsDocument = graphql(`
  query CommunityCharts($from: DateTime!, $to: DateTime!, $interval: VolumeInterval!) {
    mentionVolume(interval: $interval, from: $from, to: $to) {
      timeZone
      buckets {
        date
        total
        positive
        neutral
        negative
        averageSentiment
      }
    }
    shareOfVoice(from: $from, to: $to) {
      total
      sides {
        kind
        competitorId
        name
        mentions
        share
      }
    }
  }
`);

const RANGES = {
  '30': { days: 30, interval: 'DAY' },
  '90': { days: 90, interval: 'WEEK' },
  '365': { days: 365, interval: 'WEEK' },
} as const;
const COLORS = ['blue.6', 'orange.6', 'grape.6', 'teal.6', 'red.6', 'yellow.6', 'cyan.6', 'pink.6'];

/** Sentiment over time (mentionVolume) and the brand's share of voice against its competitors. */
export function Charts() {
  const t = useT();
  const intl = useIntl();
  const { context } = useClientOrganization();
  const [range, setRange] = useState<keyof typeof RANGES>('30');
  const variables = useMemo(() => {
    const to = new Date();
    const from = new Date(to.getTime() - RANGES[range].days * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString(), interval: RANGES[range].interval };
  }, [range]);
  const [result] = useQuery({ query: CommunityChartsDocument, variables, context });
  const volume = result.data?.mentionVolume;
  const share = result.data?.shareOfVoice;
  const positive = t('community.sentiment.POSITIVE');
  const neutral = t('community.sentiment.NEUTRAL');
  const negative = t('community.sentiment.NEGATIVE');
  const average = t('community.charts.average');
  const day = (date: string) => intl.formatDate(`${date}T12:00:00Z`, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const hasMentions = (volume?.buckets ?? []).some((b) => b.total > 0);

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="gray.7">{t('community.charts.intro')}</Text>
        <SegmentedControl
          aria-label={t('community.charts.range')}
          value={range}
          onChange={(v) => setRange(v as keyof typeof RANGES)}
          data={[
            { value: '30', label: t('community.charts.days', { days: 30 }) },
            { value: '90', label: t('community.charts.days', { days: 90 }) },
            { value: '365', label: t('community.charts.days', { days: 365 }) },
          ]}
        />
      </Group>
      <ErrorAlert error={result.error} />
      {result.data && !hasMentions && <Alert>{t('community.charts.empty')}</Alert>}
      {volume && hasMentions && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card withBorder data-testid="sentiment-chart">
              <Title order={4}>{t('community.charts.sentimentTitle')}</Title>
              <AreaChart
                h={260}
                type="stacked"
                data={volume.buckets.map((b) => ({
                  date: day(b.date),
                  [positive]: b.positive,
                  [neutral]: b.neutral,
                  [negative]: b.negative,
                }))}
                dataKey="date"
                withLegend
                series={[
                  { name: positive, color: 'teal.6' },
                  { name: neutral, color: 'gray.5' },
                  { name: negative, color: 'red.6' },
                ]}
              />
              <LineChart
                h={160}
                mt="md"
                data={volume.buckets.map((b) => ({ date: day(b.date), [average]: b.averageSentiment }))}
                dataKey="date"
                yAxisProps={{ domain: [-1, 1] }}
                connectNulls
                withLegend
                series={[{ name: average, color: 'blue.6' }]}
              />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card withBorder data-testid="share-of-voice">
              <Title order={4}>{t('community.charts.shareTitle')}</Title>
              {share && share.total > 0 ? (
                <>
                  <DonutChart
                    h={220}
                    withLabels
                    data={share.sides.map((s, i) => ({ name: s.name, value: s.mentions, color: COLORS[i % COLORS.length] }))}
                  />
                  <Table aria-label={t('community.charts.shareTitle')}>
                    <Table.Tbody>
                      {share.sides.map((s) => (
                        <Table.Tr key={s.competitorId ?? 'brand'}>
                          <Table.Td>{s.name}</Table.Td>
                          <Table.Td>{s.mentions}</Table.Td>
                          <Table.Td>{intl.formatNumber(s.share / 100, { style: 'percent', maximumFractionDigits: 1 })}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              ) : (
                <Text>{t('community.charts.noShare')}</Text>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
