import { Button, Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { type CombinedError, useClient } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate, useScore } from '../../components/format';
import { graphql } from '../../gql';
import type { EvaluationLiveHistoryQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';

const LiveHistoryDocument = graphql(`
  query EvaluationLiveHistory($organizationId: ID!, $from: DateTime!, $after: String) {
    liveScoreHistory(organizationId: $organizationId, from: $from, first: 100, after: $after, granularity: DAY) {
      edges {
        node {
          computedAt
          overallScore
          level
          coverage {
            evidence
            assessment
            unknown
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type LivePoint = EvaluationLiveHistoryQuery['liveScoreHistory']['edges'][number]['node'];
export type HistoryMonths = '3' | '12';

/** At most this many pages of 100 days: more than a year. */
const MAX_PAGES = 5;

export interface LiveHistory {
  /** The last live score of each day of the period, newest first; null until the first answer. */
  points: LivePoint[] | null;
  error: CombinedError | undefined;
  /** The start of the period (ISO). */
  from: string;
}

/**
 * The live score's history over the last `months` months, one point a day in the organisation's time zone, every
 * page of it (a chart needs the whole period). Asked again when `version` changes (after a recomputation).
 */
export function useLiveHistory(organizationId: string, months: HistoryMonths, version: number): LiveHistory {
  const client = useClient();
  const [state, setState] = useState<{ key: string; points: LivePoint[] | null; error: CombinedError | undefined; from: string }>({
    key: '',
    points: null,
    error: undefined,
    from: '',
  });
  const key = `${organizationId}/${months}/${version}`;
  useEffect(() => {
    let cancelled = false;
    const start = new Date();
    start.setUTCMonth(start.getUTCMonth() - Number(months));
    const from = start.toISOString();
    const context = { ...inOrganization(organizationId), requestPolicy: 'network-only' as const };
    void (async () => {
      const points: LivePoint[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await client.query(LiveHistoryDocument, { organizationId, from, after }, context).toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ key, points: null, error: result.error, from });
          return;
        }
        const connection = result.data.liveScoreHistory;
        points.push(...connection.edges.map((e) => e.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      setState({ key, points, error: undefined, from });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, organizationId, months, key]);
  // A period or version being fetched shows nothing stale.
  return state.key === key ? state : { points: null, error: undefined, from: state.from };
}

interface Assessed {
  assessedAt: string;
  overallScore: number;
}

/** The live score day by day, the finalised assessments as their own series, the period chosen, the latest coverage beside. */
export function ScoreHistory({
  timeZone,
  history,
  assessments,
  months,
  onMonths,
}: {
  timeZone: string | undefined;
  history: LiveHistory;
  assessments: Assessed[] | null;
  months: HistoryMonths;
  onMonths(months: HistoryMonths): void;
}) {
  const t = useT();
  const intl = useIntl();
  const score = useScore();
  const assessedLabel = t('evaluation.history.assessment');
  const liveLabel = t('evaluation.history.live');
  const data = useMemo(() => {
    if (!history.points) return [];
    const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const byDay = new Map<string, Record<string, string | number>>();
    const point = (at: string) => {
      const key = day.format(new Date(at));
      const entry = byDay.get(key) ?? { key, date: intl.formatDate(at, { dateStyle: 'short', timeZone }) };
      byDay.set(key, entry);
      return entry;
    };
    for (const p of history.points) if (p.overallScore != null) point(p.computedAt)[liveLabel] = p.overallScore;
    for (const a of assessments ?? []) if (a.assessedAt >= history.from) point(a.assessedAt)[assessedLabel] = a.overallScore;
    return [...byDay.values()].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  }, [history.points, history.from, assessments, assessedLabel, liveLabel, intl, timeZone]);
  const [asTable, setAsTable] = useState(false);
  const latest = history.points?.[0];
  const percent = (share: number) => intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Card withBorder data-testid="score-history">
      <Group justify="space-between">
        <Title order={4}>{t('evaluation.history.title')}</Title>
        <SegmentedControl
          size="xs"
          aria-label={t('evaluation.history.period')}
          value={months}
          onChange={(value) => onMonths(value === '12' ? '12' : '3')}
          data={[
            { value: '3', label: t('evaluation.history.months3') },
            { value: '12', label: t('evaluation.history.months12') },
          ]}
        />
      </Group>
      <ErrorAlert error={history.error} />
      {!history.points && !history.error && <Loader size="sm" mt="xs" aria-label={t('evaluation.loading')} />}
      {history.points && data.length === 0 && <Text mt="xs">{t('evaluation.history.empty')}</Text>}
      {data.length > 0 && (
        <LineChart
          h={220}
          mt="xs"
          data={data}
          dataKey="date"
          yAxisProps={{ domain: [0, 100] }}
          connectNulls
          withLegend
          dotProps={{ r: 3 }}
          series={[
            { name: liveLabel, color: 'teal.8' },
            { name: assessedLabel, color: 'blue.8', strokeDasharray: '5 5' },
          ]}
        />
      )}
      {latest?.coverage && (
        <Stack gap={2} mt="xs" data-testid="history-coverage">
          <Text size="sm">
            {t('evaluation.history.latest', { score: score(latest.overallScore) })}{' '}
            <OrgDate value={latest.computedAt} timeZone={timeZone} />
          </Text>
          <SimpleGrid cols={3}>
            <Text size="xs">
              {t('evaluation.live.coverageEvidence')}: {percent(latest.coverage.evidence)}
            </Text>
            <Text size="xs">
              {t('evaluation.live.coverageAssessment')}: {percent(latest.coverage.assessment)}
            </Text>
            <Text size="xs">
              {t('evaluation.live.coverageUnknown')}: {percent(latest.coverage.unknown)}
            </Text>
          </SimpleGrid>
        </Stack>
      )}
      {data.length > 0 && (
        <Group mt="xs">
          <Button variant="subtle" size="xs" aria-expanded={asTable} onClick={() => setAsTable((v) => !v)}>
            {t(asTable ? 'evaluation.history.hideTable' : 'evaluation.history.showTable')}
          </Button>
        </Group>
      )}
      {asTable && data.length > 0 && (
        <Table aria-label={t('evaluation.history.table')} data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.history.day')}</Table.Th>
              <Table.Th>{liveLabel}</Table.Th>
              <Table.Th>{assessedLabel}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data].reverse().map((p) => (
              <Table.Tr key={p.key}>
                <Table.Td>{p.date}</Table.Td>
                <Table.Td>{p[liveLabel] === undefined ? '—' : score(Number(p[liveLabel]))}</Table.Td>
                <Table.Td>{p[assessedLabel] === undefined ? '—' : score(Number(p[assessedLabel]))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
