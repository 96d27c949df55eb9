import { Alert, Anchor, Button, Card, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDateTime } from '../../components/format';
import { useT } from '../../i18n/locale';
import { fieldProblems, PAGE_SIZE, Pager, ProblemsAlert, useCursorPages } from '../agency/common';
import type { AttemptRow, DeliveryRow } from './operations';
import { DeliveryStatusBadge, useAgencyWebhookScope, useOrganizationWebhookScope, type WebhookScope } from './shared';

/** The delivery log of one of the agency's endpoints (`/agency/webhooks/:endpointId`). */
export function AgencyWebhookDeliveriesPage() {
  return <DeliveriesPage scope={useAgencyWebhookScope()} />;
}

/** The delivery log of one of a client's endpoints (`/organizations/:id/webhooks/:endpointId`). */
export function OrganizationWebhookDeliveriesPage() {
  return <DeliveriesPage scope={useOrganizationWebhookScope()} />;
}

/** Endpoints read to name the one whose log this is (there is no query for one endpoint by id). */
const ENDPOINTS_LOOKED_UP = 100;

/**
 * An endpoint's deliveries, newest first, page by page: the event, its client (for an agency endpoint), status, when
 * it was written, delivered or is next tried, and each attempt with its HTTP status, latency, error class and the
 * start of the answer. Those who manage the endpoints send a delivery again (the same webhook-id).
 */
function DeliveriesPage({ scope }: { scope: WebhookScope }) {
  const t = useT();
  const { endpointId = '' } = useParams();
  const { level, context } = scope;
  const pages = useCursorPages();
  const [endpoints] = useQuery({ query: level.endpoints, variables: { first: ENDPOINTS_LOOKED_UP }, context });
  const [log, refetch] = useQuery({ query: level.deliveries, variables: { endpointId, first: PAGE_SIZE, after: pages.after }, context });
  const [replayed, replay] = useMutation(level.replay);
  const [replayedId, setReplayedId] = useState<string | null>(null);
  const endpoint = endpoints.data ? level.endpointsPage(endpoints.data).rows.find((e) => e.id === endpointId) : undefined;
  const url = endpoint?.url ?? t('webhooks.logUnknownEndpoint');
  const page = log.data ? level.deliveriesPage(log.data) : undefined;
  const rows = page?.rows ?? [];

  const sendAgain = async (delivery: DeliveryRow) => {
    setReplayedId(null);
    const { data } = await replay({ input: { deliveryId: delivery.id } }, context);
    if (!data) return;
    setReplayedId(delivery.id);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Anchor component={Link} to={scope.basePath}>
        {t('webhooks.back')}
      </Anchor>
      <div>
        <Title order={2}>{t('webhooks.logTitle')}</Title>
        <Text c="gray.7" style={{ overflowWrap: 'anywhere' }}>
          {t('webhooks.logSubtitle', { url })}
        </Text>
      </div>
      {!scope.canManage && <Text>{scope.readOnlyNote}</Text>}
      <ErrorAlert error={log.error} />
      <ProblemsAlert problems={fieldProblems(replayed.error).rest} />
      {replayedId && (
        <Alert color="teal" role="status">
          {t('webhooks.replayed', { id: replayedId })}
        </Alert>
      )}
      {log.fetching && !page && <Loader aria-label={t('agency.loading')} />}
      {page && rows.length === 0 && <Text>{t('webhooks.logEmpty')}</Text>}
      {rows.map((delivery) => (
        <Card
          withBorder
          key={delivery.id}
          data-testid="webhook-delivery"
          component="section"
          aria-label={`${delivery.eventType} ${delivery.id}`}
        >
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start">
              <Group gap="sm">
                <DeliveryStatusBadge status={delivery.status} />
                <Code>{delivery.eventType}</Code>
                {scope.level.kind === 'agency' && (
                  <Text size="sm">{t('webhooks.clientValue', { name: scope.organizationName(delivery.organizationId) })}</Text>
                )}
              </Group>
              {scope.canManage && (
                <Button
                  size="xs"
                  variant="default"
                  loading={replayed.fetching && replayed.operation?.variables.input.deliveryId === delivery.id}
                  aria-label={t('webhooks.replayOf', { id: delivery.id })}
                  onClick={() => void sendAgain(delivery)}
                >
                  {t('webhooks.replay')}
                </Button>
              )}
            </Group>
            <Group gap="lg">
              <Text size="sm">
                {t('webhooks.happened')} <OrgDateTime value={delivery.createdAt} timeZone={scope.timeZone} />
              </Text>
              {delivery.deliveredAt && (
                <Text size="sm">
                  {t('webhooks.deliveredAt')} <OrgDateTime value={delivery.deliveredAt} timeZone={scope.timeZone} />
                </Text>
              )}
              {delivery.nextAttemptAt && (
                <Text size="sm">
                  {t('webhooks.nextAttempt')} <OrgDateTime value={delivery.nextAttemptAt} timeZone={scope.timeZone} />
                </Text>
              )}
              <Text size="sm" c="gray.7">
                {t('webhooks.webhookId', { id: delivery.id })}
              </Text>
            </Group>
            <Attempts delivery={delivery} timeZone={scope.timeZone} />
          </Stack>
        </Card>
      ))}
      <Pager
        page={pages.page}
        hasNextPage={page?.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(page?.endCursor)}
      />
    </Stack>
  );
}

/** Every attempt of a delivery, oldest first. */
function Attempts({ delivery, timeZone }: { delivery: DeliveryRow; timeZone: string | undefined }) {
  const t = useT();
  if (delivery.attempts.length === 0) return <Text size="sm">{t('webhooks.noAttempt')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('webhooks.attemptsOf', { id: delivery.id })} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.attemptedAt')}</Table.Th>
            <Table.Th>{t('webhooks.httpStatus')}</Table.Th>
            <Table.Th>{t('webhooks.latency')}</Table.Th>
            <Table.Th>{t('webhooks.errorClass')}</Table.Th>
            <Table.Th>{t('webhooks.excerpt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {delivery.attempts.map((attempt) => (
            <AttemptLine key={attempt.id} attempt={attempt} timeZone={timeZone} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AttemptLine({ attempt, timeZone }: { attempt: AttemptRow; timeZone: string | undefined }) {
  const t = useT();
  return (
    <Table.Tr data-testid="webhook-attempt">
      <Table.Td>
        <OrgDateTime value={attempt.attemptedAt} timeZone={timeZone} />
      </Table.Td>
      <Table.Td>{attempt.httpStatus ?? t('webhooks.noStatus')}</Table.Td>
      <Table.Td>{t('webhooks.latencyValue', { ms: attempt.latencyMs })}</Table.Td>
      <Table.Td>
        {attempt.errorClass ? (
          <Text size="sm" c="red.9">
            {t('webhooks.errorClassValue', { errorClass: attempt.errorClass })}
            {attempt.errorMessage ? ` — ${attempt.errorMessage}` : ''}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td maw={360}>
        {attempt.responseExcerpt ? (
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {attempt.responseExcerpt}
          </Code>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
