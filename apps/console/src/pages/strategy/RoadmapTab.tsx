import { Badge, Card, Group, List, Loader, Progress, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScore } from '../../components/format';
import type { RoadmapStepStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { RoadmapDocument } from './operations';
import { RoadmapStepForm } from './RoadmapStepForm';
import { useOrganization, useStrategyPermissions } from './support';

// A done step's badge is filled: light teal text would be too pale to read.
const STATUS_COLOR: Record<RoadmapStepStatus, string> = { DONE: 'teal.9', IN_PROGRESS: 'blue', NOT_STARTED: 'gray' };

/** The ten integration steps, where the client stands on each and the evidence why (in the client's language). */
export function RoadmapTab() {
  const t = useT();
  const score = useScore();
  const { context } = useOrganization();
  const [result, reexecute] = useQuery({ query: RoadmapDocument, context });
  const { manageRoadmap } = useStrategyPermissions();
  const roadmap = result.data?.roadmap;
  return (
    <Stack>
      <Title order={3}>{t('strategy.roadmap.title')}</Title>
      <ErrorAlert error={result.error} />
      {result.fetching && !roadmap && <Loader />}
      {roadmap && (
        <>
          <Group>
            <Text>{t('strategy.roadmap.done', { done: roadmap.doneCount, total: roadmap.steps.length })}</Text>
            <Progress value={roadmap.progress * 100} w={240} aria-label={t('strategy.roadmap.progress')} />
          </Group>
          <Timeline active={roadmap.steps.findLastIndex((s) => s.status === 'DONE')} bulletSize={28}>
            {roadmap.steps.map((step) => (
              <Timeline.Item key={step.key} bullet={step.number} data-testid="roadmap-step">
                <Card withBorder>
                  <Group gap="xs">
                    <Title order={4}>
                      {step.number}. {step.title}
                    </Title>
                    <Badge color={STATUS_COLOR[step.status]} variant={step.status === 'DONE' ? 'filled' : 'light'}>
                      {t(`strategy.roadmap.status.${step.status}` as MessageKey)}
                    </Badge>
                    {step.manual && (
                      <Badge color="dark" variant="light">
                        {t('strategy.roadmap.manual')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">{step.description}</Text>
                  {step.note && (
                    <Text size="sm" fs="italic">
                      {step.note}
                    </Text>
                  )}
                  {step.manual && manageRoadmap && (
                    <Group>
                      <RoadmapStepForm step={step} onSaved={() => reexecute({ requestPolicy: 'network-only' })} />
                    </Group>
                  )}
                  {step.evidence.length > 0 && (
                    <List size="sm" mt="xs" aria-label={t('strategy.roadmap.evidenceOf', { title: step.title })}>
                      {step.evidence.map((e) => (
                        <List.Item key={e.key}>
                          {e.explanation}{' '}
                          <Text span c="gray.7" size="xs">
                            {e.measured ? t('strategy.roadmap.score', { score: score(e.score * 100) }) : t('strategy.roadmap.notMeasured')}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Card>
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Stack>
  );
}
