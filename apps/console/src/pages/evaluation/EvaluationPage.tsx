import { Anchor, Badge, Button, Card, Grid, Group, Loader, Modal, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type UseQueryState } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate, useScore } from '../../components/format';
import { useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type { EvaluationScoreHistoryQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldErrors, otherErrors } from '../policies/form-errors';
import { Pager, useCursorPages } from '../policies/paging';
import { type HistoryMonths, type LivePoint, ScoreHistory, useLiveHistory } from './live-history';

const AssessmentsDocument = graphql(`
  query EvaluationAssessments($first: Int!, $after: String) {
    assessments(first: $first, after: $after) {
      edges {
        node {
          id
          status
          startedAt
          assessedAt
          overallScore
          answeredCount
          questionCount
          level {
            number
            name
          }
          model {
            id
            name
            version
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

const ScoreHistoryDocument = graphql(`
  query EvaluationScoreHistory {
    assessments(first: 100) {
      edges {
        node {
          id
          status
          assessedAt
          overallScore
        }
      }
    }
    maturityRadar(source: LIVE) {
      at
      overallScore
      level
      levelName
    }
  }
`);

const ModelsDocument = graphql(`
  query EvaluationModels {
    maturityModels(first: 100) {
      edges {
        node {
          id
          name
          builtIn
          latestPublishedVersion
        }
      }
    }
  }
`);

const StartAssessmentDocument = graphql(`
  mutation EvaluationStart($input: StartAssessmentInput!) {
    startAssessment(input: $input) {
      id
    }
  }
`);

const RecomputeLiveScoreDocument = graphql(`
  mutation EvaluationRecomputeLiveScore {
    recomputeLiveScore {
      computedAt
      overallScore
      measuredScore
      level
      measuredLevel
      levelCapped
      coverage {
        evidence
        assessment
        unknown
      }
    }
  }
`);

const PAGE = 20;
type HistoryResult = UseQueryState<EvaluationScoreHistoryQuery>;

/** A client's maturity: the live score and its history, the assessments, and a new one started. */
export function EvaluationPage() {
  const t = useT();
  const score = useScore();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const timeZone = workspace.organization(organizationId)?.timezone;
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const pages = useCursorPages();
  const [list] = useQuery({ query: AssessmentsDocument, variables: { first: PAGE, after: pages.after }, context });
  const assessments = list.data?.assessments.edges.map((e) => e.node) ?? [];
  const [history, refreshHistory] = useQuery({ query: ScoreHistoryDocument, context });
  const [months, setMonths] = useState<HistoryMonths>('3');
  const [version, setVersion] = useState(0);
  const liveHistory = useLiveHistory(organizationId, months, version);
  const finalised = useMemo(
    () =>
      (history.data?.assessments.edges ?? [])
        .map((e) => e.node)
        .filter((a) => a.status === 'FINALIZED' && a.assessedAt && a.overallScore != null)
        .map((a) => ({ assessedAt: a.assessedAt as string, overallScore: a.overallScore as number })),
    [history.data],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('evaluation.title')}</Title>
        <StartAssessment organizationId={organizationId} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <LiveScore
            organizationId={organizationId}
            timeZone={timeZone}
            history={history}
            latest={liveHistory.points?.[0]}
            onRecomputed={() => {
              refreshHistory({ requestPolicy: 'network-only' });
              setVersion((v) => v + 1);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ScoreHistory
            timeZone={timeZone}
            history={liveHistory}
            assessments={history.data ? finalised : null}
            months={months}
            onMonths={setMonths}
          />
        </Grid.Col>
      </Grid>
      <Title order={3}>{t('evaluation.assessments')}</Title>
      <ErrorAlert error={list.error} />
      {list.fetching && !list.data && <Loader aria-label={t('evaluation.loading')} />}
      {list.data && assessments.length === 0 && <Text>{t('evaluation.empty')}</Text>}
      {assessments.length > 0 && (
        <Table highlightOnHover aria-label={t('evaluation.assessments')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.column.started')}</Table.Th>
              <Table.Th>{t('evaluation.column.model')}</Table.Th>
              <Table.Th>{t('evaluation.column.status')}</Table.Th>
              <Table.Th>{t('evaluation.column.answered')}</Table.Th>
              <Table.Th>{t('evaluation.column.score')}</Table.Th>
              <Table.Th>{t('evaluation.column.level')}</Table.Th>
              <Table.Th>{t('evaluation.column.finalized')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessments.map((a) => (
              <Table.Tr key={a.id} data-testid="assessment-row">
                <Table.Td>
                  <Anchor component={Link} to={`/organizations/${organizationId}/evaluation/${a.id}`}>
                    <OrgDate value={a.startedAt} timeZone={timeZone} />
                  </Anchor>
                </Table.Td>
                <Table.Td>{t('evaluation.modelVersion', { name: a.model.name, version: a.model.version })}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={a.status === 'FINALIZED' ? 'teal.9' : 'gray.8'}>
                    {t(a.status === 'FINALIZED' ? 'evaluation.status.FINALIZED' : 'evaluation.status.DRAFT')}
                  </Badge>
                </Table.Td>
                <Table.Td>{t('evaluation.answeredOf', { answered: a.answeredCount, total: a.questionCount })}</Table.Td>
                <Table.Td>{score(a.overallScore)}</Table.Td>
                <Table.Td>{a.level ? a.level.name : '—'}</Table.Td>
                <Table.Td>{a.assessedAt ? <OrgDate value={a.assessedAt} timeZone={timeZone} /> : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pages={pages} pageInfo={list.data?.assessments.pageInfo} label={t('evaluation.assessments')} />
    </Stack>
  );
}

/** The model to assess with: the built-in one, or a published model of the agency (agency members only read them). */
function StartAssessment({ organizationId }: { organizationId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [models] = useQuery({ query: ModelsDocument, pause: !opened });
  const [modelId, setModelId] = useState('default');
  const [result, start] = useMutation(StartAssessmentDocument);
  const errors = fieldErrors(result.error);
  const options = useMemo(() => {
    const published = (models.data?.maturityModels.edges ?? [])
      .map((e) => e.node)
      .filter((m) => m.builtIn || m.latestPublishedVersion != null);
    const list = published.map((m) => ({
      value: m.builtIn ? 'default' : m.id,
      label: m.builtIn ? t('evaluation.builtInModel', { name: m.name }) : m.name,
    }));
    return list.some((o) => o.value === 'default')
      ? list
      : [{ value: 'default', label: t('evaluation.builtInModel', { name: '' }).trim() }, ...list];
  }, [models.data, t]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const r = await start({ input: { modelId } }, inOrganization(organizationId));
    if (r.data) navigate(`/organizations/${organizationId}/evaluation/${r.data.startAssessment.id}`);
  };
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('evaluation.start')}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('evaluation.start')}>
        <form onSubmit={submit}>
          <Stack>
            {otherErrors(result.error, ['input.modelId']).map((m) => (
              <Text key={m} c="red.9" role="alert">
                {m}
              </Text>
            ))}
            <Select
              label={t('evaluation.model')}
              data={options}
              value={modelId}
              onChange={(v) => v && setModelId(v)}
              allowDeselect={false}
              error={errors['input.modelId']}
              data-autofocus
            />
            <Button type="submit" loading={result.fetching}>
              {t('evaluation.startSubmit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The live score (recomputed nightly, or now on request) with the share of it that is measured. */
function LiveScore({
  organizationId,
  timeZone,
  history: current,
  latest,
  onRecomputed,
}: {
  organizationId: string;
  timeZone: string | undefined;
  history: HistoryResult;
  /** The latest kept live score, for its coverage. */
  latest: LivePoint | undefined;
  onRecomputed(): void;
}) {
  const t = useT();
  const score = useScore();
  const intl = useIntl();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [recomputed, recompute] = useMutation(RecomputeLiveScoreDocument);
  const live = current.data?.maturityRadar;
  const fresh = recomputed.data?.recomputeLiveScore;
  const coverage = fresh ? fresh.coverage : latest?.coverage;
  const percent = (share: number) => intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Card withBorder data-testid="live-score">
      <Group justify="space-between">
        <Title order={4}>{t('evaluation.live.title')}</Title>
        <Button
          size="xs"
          variant="default"
          loading={recomputed.fetching}
          onClick={async () => {
            const r = await recompute({}, context);
            if (r.data) onRecomputed();
          }}
        >
          {t('evaluation.live.recompute')}
        </Button>
      </Group>
      <ErrorAlert error={current.error ?? recomputed.error} />
      {current.data && !live && !fresh && <Text mt="xs">{t('evaluation.live.none')}</Text>}
      {(fresh || live) && (
        <Stack gap="xs" mt="xs">
          <Group gap="xs">
            <Text size="xl" fw={700}>
              {score(fresh ? fresh.overallScore : live?.overallScore)}
            </Text>
            {(fresh?.level ?? live?.level) != null && (
              <Badge variant="outline" color="blue.9">
                {live?.levelName ?? t('evaluation.levelNumber', { number: fresh?.level ?? 0 })}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="gray.7">
            {t('evaluation.live.computed')} <OrgDate value={fresh?.computedAt ?? live?.at ?? ''} timeZone={timeZone} />
          </Text>
          {coverage ? (
            <SimpleGrid cols={3} data-testid="live-coverage">
              <div>
                <Text size="xs" c="gray.7">
                  {t('evaluation.live.coverageEvidence')}
                </Text>
                <Text>{percent(coverage.evidence)}</Text>
              </div>
              <div>
                <Text size="xs" c="gray.7">
                  {t('evaluation.live.coverageAssessment')}
                </Text>
                <Text>{percent(coverage.assessment)}</Text>
              </div>
              <div>
                <Text size="xs" c="gray.7">
                  {t('evaluation.live.coverageUnknown')}
                </Text>
                <Text>{percent(coverage.unknown)}</Text>
              </div>
            </SimpleGrid>
          ) : (
            <Text size="sm">{t('evaluation.live.coverageHint')}</Text>
          )}
          {fresh && (
            <Text size="sm">
              {t('evaluation.live.measured', { score: score(fresh.measuredScore), level: fresh.measuredLevel ?? '—' })}
              {fresh.levelCapped ? ` ${t('evaluation.live.capped')}` : ''}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
