import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate, useScore } from '../../components/format';
import { useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type { AssessmentReportFormat, EvaluationAssessmentQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldErrors, otherErrors } from '../policies/form-errors';

const AssessmentDocument = graphql(`
  query EvaluationAssessment($id: ID!) {
    assessment(id: $id) {
      id
      status
      startedAt
      assessedAt
      answeredCount
      questionCount
      overallScore
      previousOverallScore
      model {
        name
        version
      }
      level {
        number
        name
        description
      }
      dimensions {
        key
        title
        description
        score
        criteria {
          key
          kind
          title
          question
          answerValue
          detail
          evidenceKey
          score
          scale {
            value
            label
            meaning
          }
        }
      }
      answers {
        criterionKey
        value
        comment
      }
      evidence {
        key
        value
        explanation
        score
      }
      recommendations {
        criterionKey
        criterionTitle
        dimensionTitle
        gain
        text
        roadmapStep {
          number
          title
        }
      }
      trend {
        dimensionKey
        delta
      }
    }
  }
`);

const AnswerDocument = graphql(`
  mutation EvaluationAnswer($input: AnswerAssessmentCriterionInput!) {
    answerAssessmentCriterion(input: $input) {
      id
      answeredCount
    }
  }
`);

const FinalizeDocument = graphql(`
  mutation EvaluationFinalize($input: FinalizeAssessmentInput!) {
    finalizeAssessment(input: $input) {
      id
      status
    }
  }
`);

const ReportLinkDocument = graphql(`
  query EvaluationReportLink($input: AssessmentReportInput!) {
    assessmentReportLink(input: $input) {
      url
      filename
    }
  }
`);

type Assessment = NonNullable<EvaluationAssessmentQuery['assessment']>;
type Dimension = Assessment['dimensions'][number];
type Criterion = Dimension['criteria'][number];

/** One assessment: answered question by question while a draft, then its scores, level, evidence and recommendations. */
export function AssessmentPage() {
  const t = useT();
  const { organizationId = '', assessmentId = '' } = useParams();
  const workspace = useWorkspace();
  const timeZone = workspace.organization(organizationId)?.timezone;
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result, refresh] = useQuery({ query: AssessmentDocument, variables: { id: assessmentId }, context });
  const assessment = result.data?.assessment;
  return (
    <Stack>
      <Anchor component={Link} to={`/organizations/${organizationId}/evaluation`} size="sm">
        {t('evaluation.back')}
      </Anchor>
      <ErrorAlert error={result.error} />
      {!assessment && result.fetching && <Loader aria-label={t('evaluation.loading')} />}
      {assessment && (
        <>
          <Group>
            <Title order={2}>{t('evaluation.assessmentTitle', { name: assessment.model.name, version: assessment.model.version })}</Title>
            <Badge variant="outline" color={assessment.status === 'FINALIZED' ? 'teal.9' : 'gray.8'}>
              {t(assessment.status === 'FINALIZED' ? 'evaluation.status.FINALIZED' : 'evaluation.status.DRAFT')}
            </Badge>
          </Group>
          <Text c="gray.7">
            {t('evaluation.startedOn')} <OrgDate value={assessment.startedAt} timeZone={timeZone} />
            {assessment.assessedAt && (
              <>
                {' · '}
                {t('evaluation.finalizedOn')} <OrgDate value={assessment.assessedAt} timeZone={timeZone} />
              </>
            )}
          </Text>
          {assessment.status === 'DRAFT' ? (
            <Questionnaire organizationId={organizationId} assessment={assessment} onChanged={() => refresh()} />
          ) : (
            <Results organizationId={organizationId} assessment={assessment} />
          )}
        </>
      )}
    </Stack>
  );
}

interface Step {
  dimension: Dimension;
  criterion: Criterion;
}

/** One declarative question per screen, the dimension's measured criteria beside it; a last screen to finalise. */
function Questionnaire({ organizationId, assessment, onChanged }: { organizationId: string; assessment: Assessment; onChanged(): void }) {
  const t = useT();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const steps = useMemo<Step[]>(
    () =>
      assessment.dimensions.flatMap((dimension) =>
        dimension.criteria.filter((c) => c.kind === 'DECLARATIVE').map((criterion) => ({ dimension, criterion })),
      ),
    [assessment.dimensions],
  );
  const firstOpen = steps.findIndex((s) => s.criterion.answerValue == null);
  const [index, setIndex] = useState(firstOpen === -1 ? steps.length : firstOpen);
  const [finalized, finalize] = useMutation(FinalizeDocument);
  const [assessedOn, setAssessedOn] = useState('');
  const finalizeErrors = fieldErrors(finalized.error);
  const atEnd = index >= steps.length;
  return (
    <Stack>
      <Progress
        value={(assessment.answeredCount / Math.max(1, assessment.questionCount)) * 100}
        aria-label={t('evaluation.answeredOf', { answered: assessment.answeredCount, total: assessment.questionCount })}
      />
      <Text size="sm">{t('evaluation.answeredOf', { answered: assessment.answeredCount, total: assessment.questionCount })}</Text>
      {!atEnd && (
        <QuestionScreen
          key={steps[index].criterion.key}
          organizationId={organizationId}
          assessmentId={assessment.id}
          step={steps[index]}
          position={index + 1}
          total={steps.length}
          comment={assessment.answers.find((a) => a.criterionKey === steps[index].criterion.key)?.comment ?? ''}
          onPrevious={index > 0 ? () => setIndex(index - 1) : undefined}
          onNext={(answered) => {
            if (answered) onChanged();
            setIndex(index + 1);
          }}
          onFinish={() => setIndex(steps.length)}
        />
      )}
      {atEnd && (
        <Card withBorder>
          <Stack>
            <Title order={3}>{t('evaluation.finalize.title')}</Title>
            <Text>
              {assessment.answeredCount < assessment.questionCount
                ? t('evaluation.finalize.unanswered', { count: assessment.questionCount - assessment.answeredCount })
                : t('evaluation.finalize.allAnswered')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('evaluation.finalize.hint')}
            </Text>
            {otherErrors(finalized.error, ['input.assessedOn']).map((m) => (
              <Alert key={m} color="red" role="alert">
                {m}
              </Alert>
            ))}
            <TextInput
              type="date"
              label={t('evaluation.finalize.assessedOn')}
              description={t('evaluation.finalize.assessedOnHint')}
              value={assessedOn}
              onChange={(e) => setAssessedOn(e.currentTarget.value)}
              error={finalizeErrors['input.assessedOn']}
              maw={320}
            />
            <Group>
              {steps.length > 0 && (
                <Button variant="default" onClick={() => setIndex(steps.length - 1)}>
                  {t('evaluation.previous')}
                </Button>
              )}
              <Button
                loading={finalized.fetching}
                onClick={async () => {
                  const r = await finalize({ input: { assessmentId: assessment.id, assessedOn: assessedOn || null } }, context);
                  if (r.data) onChanged();
                }}
              >
                {t('evaluation.finalize.button')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function QuestionScreen({
  organizationId,
  assessmentId,
  step,
  position,
  total,
  comment: initialComment,
  onPrevious,
  onNext,
  onFinish,
}: {
  organizationId: string;
  assessmentId: string;
  step: Step;
  position: number;
  total: number;
  comment: string;
  onPrevious?: () => void;
  onNext(answered: boolean): void;
  onFinish(): void;
}) {
  const t = useT();
  const { dimension, criterion } = step;
  const [value, setValue] = useState<string | null>(criterion.answerValue == null ? null : String(criterion.answerValue));
  const [comment, setComment] = useState(initialComment);
  const [answered, answer] = useMutation(AnswerDocument);
  const errors = fieldErrors(answered.error);
  const evidence = dimension.criteria.filter((c) => c.kind === 'EVIDENCE');
  const save = async () => {
    if (value === null) return onNext(false);
    const unchanged = String(criterion.answerValue) === value && comment === initialComment;
    if (unchanged) return onNext(false);
    const r = await answer(
      { input: { assessmentId, criterionKey: criterion.key, value: Number(value), comment: comment || null } },
      inOrganization(organizationId),
    );
    if (r.data) onNext(true);
  };
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Text size="sm" c="gray.7">
            {t('evaluation.questionOf', { position, total })} · {dimension.title}
          </Text>
          <Title order={3}>{criterion.title}</Title>
          {otherErrors(answered.error, ['input.value', 'input.comment']).map((m) => (
            <Alert key={m} color="red" role="alert">
              {m}
            </Alert>
          ))}
          <Radio.Group label={criterion.question ?? criterion.title} value={value} onChange={setValue} error={errors['input.value']}>
            <Stack gap="xs" mt="xs">
              {criterion.scale.map((option) => (
                <Radio key={option.value} value={String(option.value)} label={option.label} description={option.meaning} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('evaluation.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            error={errors['input.comment']}
          />
          <Group>
            {onPrevious && (
              <Button variant="default" onClick={onPrevious}>
                {t('evaluation.previous')}
              </Button>
            )}
            <Button type="submit" loading={answered.fetching}>
              {value === null ? t('evaluation.skip') : t('evaluation.saveNext')}
            </Button>
            <Button variant="default" ml="auto" onClick={onFinish}>
              {t('evaluation.toFinalize')}
            </Button>
          </Group>
          {evidence.length > 0 && (
            <>
              <Title order={4}>{t('evaluation.evidenceOfDimension', { dimension: dimension.title })}</Title>
              <List size="sm">
                {evidence.map((c) => (
                  <List.Item key={c.key}>
                    <Text span fw={500}>
                      {c.title}
                    </Text>
                    {' — '}
                    {c.detail ?? t('evaluation.evidenceAtFinalize')}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function Results({ organizationId, assessment }: { organizationId: string; assessment: Assessment }) {
  const t = useT();
  const score = useScore();
  const client = useClient();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<AssessmentReportFormat | null>(null);
  const delta = (key: string) => assessment.trend.find((d) => d.dimensionKey === key)?.delta;
  const evidenceCriteria = assessment.dimensions.flatMap((d) => d.criteria.filter((c) => c.kind === 'EVIDENCE').map((c) => ({ d, c })));
  const download = async (format: AssessmentReportFormat) => {
    setDownloading(format);
    setDownloadError(null);
    const r = await client.query(ReportLinkDocument, { input: { assessmentId: assessment.id, format } }, context).toPromise();
    setDownloading(null);
    if (r.error || !r.data) {
      setDownloadError(r.error?.graphQLErrors.map((e) => e.message).join(' ') || r.error?.message || '');
      return;
    }
    // The link answers with Content-Disposition: attachment, so the page stays where it is.
    window.location.assign(r.data.assessmentReportLink.url);
  };
  const scoreLabel = t('evaluation.column.score');
  return (
    <Stack>
      <Group align="flex-end">
        <div>
          <Text size="sm" c="gray.7">
            {t('evaluation.overall')}
          </Text>
          <Text size="xl" fw={700} data-testid="overall-score">
            {score(assessment.overallScore)}
          </Text>
        </div>
        {assessment.level && (
          <Badge size="lg" variant="outline" color="blue.9" data-testid="assessment-level">
            {assessment.level.name}
          </Badge>
        )}
        {assessment.previousOverallScore != null && assessment.overallScore != null && (
          <Text size="sm">
            {t('evaluation.sincePrevious', { delta: score(assessment.overallScore - assessment.previousOverallScore) })}
          </Text>
        )}
        <Group ml="auto">
          <Button variant="default" loading={downloading === 'PDF'} onClick={() => void download('PDF')}>
            {t('evaluation.downloadPdf')}
          </Button>
          <Button variant="default" loading={downloading === 'CSV'} onClick={() => void download('CSV')}>
            {t('evaluation.downloadCsv')}
          </Button>
        </Group>
      </Group>
      {downloadError !== null && (
        <Alert color="red" role="alert">
          {downloadError}
        </Alert>
      )}
      {assessment.level && <Text size="sm">{assessment.level.description}</Text>}

      <Title order={3}>{t('evaluation.dimensions')}</Title>
      <BarChart
        h={240}
        data={assessment.dimensions.map((d) => ({ dimension: d.title, [scoreLabel]: d.score ?? 0 }))}
        dataKey="dimension"
        yAxisProps={{ domain: [0, 100] }}
        series={[{ name: scoreLabel, color: 'blue.6' }]}
      />
      <Table aria-label={t('evaluation.dimensions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluation.column.dimension')}</Table.Th>
            <Table.Th>{t('evaluation.column.score')}</Table.Th>
            <Table.Th>{t('evaluation.column.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assessment.dimensions.map((d) => {
            const change = delta(d.key);
            return (
              <Table.Tr key={d.key} data-testid="dimension-row">
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{score(d.score)}</Table.Td>
                <Table.Td>{change == null ? '—' : `${change > 0 ? '+' : ''}${score(change)}`}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      <Title order={3}>{t('evaluation.evidence')}</Title>
      {evidenceCriteria.length === 0 ? (
        <Text>{t('evaluation.noEvidence')}</Text>
      ) : (
        <Table aria-label={t('evaluation.evidence')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.column.criterion')}</Table.Th>
              <Table.Th>{t('evaluation.column.measured')}</Table.Th>
              <Table.Th>{t('evaluation.column.explanation')}</Table.Th>
              <Table.Th>{t('evaluation.column.score')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evidenceCriteria.map(({ d, c }) => {
              const measured = assessment.evidence.find((e) => e.key === c.evidenceKey);
              return (
                <Table.Tr key={`${d.key}-${c.key}`} data-testid="evidence-row">
                  <Table.Td>
                    {c.title}
                    <Text size="xs" c="gray.7">
                      {d.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>{measured?.value ?? '—'}</Table.Td>
                  <Table.Td>{measured?.explanation ?? c.detail ?? '—'}</Table.Td>
                  <Table.Td>{score(measured ? measured.score * 100 : c.score == null ? null : c.score * 100)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3}>{t('evaluation.recommendations')}</Title>
      {assessment.recommendations.length === 0 ? (
        <Text>{t('evaluation.noRecommendations')}</Text>
      ) : (
        <Stack gap="xs" data-testid="recommendations">
          {assessment.recommendations.map((r) => (
            <Card withBorder key={r.criterionKey} padding="sm">
              <Group justify="space-between">
                <Text fw={500}>{r.criterionTitle}</Text>
                <Badge variant="outline" color="blue.9">
                  {t('evaluation.gain', { gain: score(r.gain) })}
                </Badge>
              </Group>
              <Text size="sm" c="gray.7">
                {r.dimensionTitle}
                {r.roadmapStep ? ` · ${t('evaluation.roadmapStep', { number: r.roadmapStep.number, title: r.roadmapStep.title })}` : ''}
              </Text>
              <Text size="sm">{r.text}</Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
