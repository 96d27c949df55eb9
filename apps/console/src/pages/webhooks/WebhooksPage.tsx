import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Loader,
  Modal,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDateTime } from '../../components/format';
import { useT } from '../../i18n/locale';
import { fieldProblems, PAGE_SIZE, Pager, ProblemsAlert, useCursorPages } from '../agency/common';
import { WebhookEventTypesDocument, type EndpointRow, type TestResult } from './operations';
import { DeliveryStatusBadge, SecretDialog, useAgencyWebhookScope, useOrganizationWebhookScope, type WebhookScope } from './shared';

/** The agency's endpoints (`/agency/webhooks`): they receive the events of all its clients. */
export function AgencyWebhooksPage() {
  return <EndpointsPage scope={useAgencyWebhookScope()} />;
}

/** One client's endpoints (`/organizations/:id/webhooks`): they receive that client's events. */
export function OrganizationWebhooksPage() {
  return <EndpointsPage scope={useOrganizationWebhookScope()} />;
}

/** How many event types a card names before "and N more". */
const SHOWN_TYPES = 6;
const DEFAULT_OVERLAP_HOURS = 24;

type Editing = { mode: 'create' } | { mode: 'edit'; endpoint: EndpointRow };

/**
 * The endpoints of one level, one card each: URL, note, event types, whether it is on (and why the platform turned it
 * off), its last delivery, and the actions of those who manage them: edit, turn off or on, a new secret (shown once),
 * a test event with its outcome, the delivery log, deletion after confirmation.
 */
function EndpointsPage({ scope }: { scope: WebhookScope }) {
  const t = useT();
  const { level, context } = scope;
  const pages = useCursorPages();
  const [list, refetch] = useQuery({ query: level.endpoints, variables: { first: PAGE_SIZE, after: pages.after }, context });
  const [updated, update] = useMutation(level.update);
  const [tested, test] = useMutation(level.test);
  const [removed, remove] = useMutation(level.remove);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [secret, setSecret] = useState<{ url: string; value: string } | null>(null);
  const [rotating, setRotating] = useState<EndpointRow | null>(null);
  const [testResult, setTestResult] = useState<{ url: string; result: TestResult } | null>(null);
  const [deleting, setDeleting] = useState<EndpointRow | null>(null);
  // Which endpoint a refused toggle or test belongs to: the refusal is shown on its card.
  const [acting, setActing] = useState<{ id: string; error: CombinedError } | null>(null);
  const page = list.data ? level.endpointsPage(list.data) : undefined;
  const rows = page?.rows ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const dateTime = useDateTime(scope.timeZone);

  const toggle = async (endpoint: EndpointRow) => {
    setActing(null);
    const { error } = await update({ input: { id: endpoint.id, enabled: !endpoint.enabled } }, context);
    if (error) return setActing({ id: endpoint.id, error });
    reload();
  };
  const sendTest = async (endpoint: EndpointRow) => {
    setActing(null);
    const { data, error } = await test({ input: { id: endpoint.id } }, context);
    if (error || !data) return error && setActing({ id: endpoint.id, error });
    setTestResult({ url: endpoint.url, result: level.tested(data) });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{scope.title}</Title>
          <Text c="gray.7">{scope.subtitle}</Text>
        </div>
        {scope.canManage && <Button onClick={() => setEditing({ mode: 'create' })}>{t('webhooks.create')}</Button>}
      </Group>
      <Text size="sm" c="gray.7">
        {t('webhooks.signingNote')}
      </Text>
      {!scope.canManage && <Text>{scope.readOnlyNote}</Text>}
      <ErrorAlert error={list.error} />
      {list.fetching && !page && <Loader aria-label={t('agency.loading')} />}
      {page && rows.length === 0 && <Text>{t('webhooks.empty')}</Text>}
      {rows.map((endpoint) => (
        <Card withBorder key={endpoint.id} data-testid="webhook-endpoint" component="section" aria-label={endpoint.url}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
                  {endpoint.url}
                </Title>
                {endpoint.description && <Text c="gray.7">{endpoint.description}</Text>}
              </div>
              <EndpointStatus endpoint={endpoint} timeZone={scope.timeZone} />
            </Group>
            <Group gap={4}>
              <Text size="sm" fw={500} mr={4}>
                {t('webhooks.eventsCount', { count: endpoint.eventTypes.length })}
              </Text>
              {endpoint.eventTypes.slice(0, SHOWN_TYPES).map((type) => (
                <Code key={type}>{type}</Code>
              ))}
              {endpoint.eventTypes.length > SHOWN_TYPES && <Text size="sm">+{endpoint.eventTypes.length - SHOWN_TYPES}</Text>}
            </Group>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('webhooks.lastDelivery')}
              </Text>
              <LastDelivery scope={scope} endpointId={endpoint.id} />
              <Text size="sm" c="gray.7">
                · {t('webhooks.created')} <OrgDateTime value={endpoint.createdAt} timeZone={scope.timeZone} />
              </Text>
            </Group>
            {endpoint.previousSecretUntil && (
              <Text size="sm">{t('webhooks.previousSecretUntil', { date: dateTime(endpoint.previousSecretUntil) })}</Text>
            )}
            {acting?.id === endpoint.id && <ProblemsAlert problems={fieldProblems(acting.error).rest} />}
            <Group gap="xs">
              <Button
                component={Link}
                to={`${scope.basePath}/${endpoint.id}`}
                size="xs"
                variant="default"
                aria-label={t('webhooks.logOf', { url: endpoint.url })}
              >
                {t('webhooks.log')}
              </Button>
              {scope.canManage && (
                <>
                  <Button
                    size="xs"
                    variant="default"
                    loading={tested.fetching && tested.operation?.variables.input.id === endpoint.id}
                    aria-label={t('webhooks.testOf', { url: endpoint.url })}
                    onClick={() => void sendTest(endpoint)}
                  >
                    {t('webhooks.test')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('webhooks.editOf', { url: endpoint.url })}
                    onClick={() => setEditing({ mode: 'edit', endpoint })}
                  >
                    {t('webhooks.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    loading={updated.fetching && updated.operation?.variables.input.id === endpoint.id}
                    aria-label={t(endpoint.enabled ? 'webhooks.turnOffOf' : 'webhooks.turnOnOf', { url: endpoint.url })}
                    onClick={() => void toggle(endpoint)}
                  >
                    {t(endpoint.enabled ? 'webhooks.turnOff' : 'webhooks.turnOn')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('webhooks.rotateOf', { url: endpoint.url })}
                    onClick={() => setRotating(endpoint)}
                  >
                    {t('webhooks.rotate')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    aria-label={t('webhooks.deleteOf', { url: endpoint.url })}
                    onClick={() => setDeleting(endpoint)}
                  >
                    {t('webhooks.delete')}
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
      <Pager
        page={pages.page}
        hasNextPage={page?.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(page?.endCursor)}
      />

      {editing && (
        <EndpointForm
          scope={scope}
          editing={editing}
          onClose={() => setEditing(null)}
          onCreated={(shown) => {
            setEditing(null);
            // The secret lives in this state only until its dialog is closed: the API never shows it again.
            setSecret(shown);
            pages.reset();
            reload();
          }}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {rotating && (
        <RotateDialog
          scope={scope}
          endpoint={rotating}
          onClose={() => setRotating(null)}
          onRotated={(shown) => {
            setRotating(null);
            setSecret(shown);
            reload();
          }}
        />
      )}
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      <TestResultDialog shown={testResult} onClose={() => setTestResult(null)} />

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('webhooks.deleteTitle')}>
        <Stack>
          <Text style={{ overflowWrap: 'anywhere' }}>{t('webhooks.deleteConfirm', { url: deleting?.url ?? '' })}</Text>
          <ProblemsAlert problems={fieldProblems(removed.error).rest} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('agency.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={removed.fetching}
              onClick={async () => {
                if (!deleting) return;
                const { data } = await remove({ input: { id: deleting.id } }, context);
                if (!data) return;
                setDeleting(null);
                reload();
              }}
            >
              {t('webhooks.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** On, turned off by a person, or disabled by the platform after persistent failure (with its reason and date). */
function EndpointStatus({ endpoint, timeZone }: { endpoint: EndpointRow; timeZone: string | undefined }) {
  const t = useT();
  const dateTime = useDateTime(timeZone);
  if (endpoint.enabled) {
    return (
      <Badge color="teal" variant="outline" style={{ flexShrink: 0 }}>
        {t('webhooks.enabled')}
      </Badge>
    );
  }
  if (!endpoint.disabledReason) {
    return (
      <Badge color="gray.8" variant="outline" style={{ flexShrink: 0 }}>
        {t('webhooks.turnedOff')}
      </Badge>
    );
  }
  return (
    <Stack gap={2} align="flex-end" maw={360}>
      <Badge color="red" variant="outline">
        {t('webhooks.disabled')}
      </Badge>
      <Text size="sm" c="red.9" ta="right" data-testid="webhook-disabled-reason">
        {t('webhooks.disabledBecause', {
          date: endpoint.disabledAt ? dateTime(endpoint.disabledAt) : '—',
          reason: endpoint.disabledReason,
        })}
      </Text>
    </Stack>
  );
}

/** A date and time as text, in the client's time zone (the agency's pages have none), for a sentence. */
function useDateTime(timeZone: string | undefined): (value: string) => string {
  const intl = useIntl();
  return (value) => intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

/** The newest delivery of an endpoint: its status and when its event was written. */
function LastDelivery({ scope, endpointId }: { scope: WebhookScope; endpointId: string }) {
  const t = useT();
  const [last] = useQuery({ query: scope.level.deliveries, variables: { endpointId, first: 1 }, context: scope.context });
  if (last.error) return <Text size="sm">—</Text>;
  if (!last.data) return <Loader size="xs" aria-label={t('agency.loading')} />;
  const delivery = scope.level.deliveriesPage(last.data).rows[0];
  if (!delivery) return <Text size="sm">{t('webhooks.noDelivery')}</Text>;
  return (
    <Group gap={6} data-testid="webhook-last-delivery">
      <DeliveryStatusBadge status={delivery.status} />
      <Text size="sm">
        <Code>{delivery.eventType}</Code> <OrgDateTime value={delivery.createdAt} timeZone={scope.timeZone} />
      </Text>
    </Group>
  );
}

/**
 * A new endpoint, or an endpoint's URL, note and event types: the types come from the published catalogue with their
 * descriptions, and each refusal of the API shows at its field (a plain http or private address at the URL).
 */
function EndpointForm({
  scope,
  editing,
  onClose,
  onCreated,
  onSaved,
}: {
  scope: WebhookScope;
  editing: Editing;
  onClose(): void;
  onCreated(secret: { url: string; value: string }): void;
  onSaved(): void;
}) {
  const t = useT();
  const { level, context } = scope;
  const existing = editing.mode === 'edit' ? editing.endpoint : null;
  const [catalogue] = useQuery({ query: WebhookEventTypesDocument });
  const [created, create] = useMutation(level.create);
  const [updated, update] = useMutation(level.update);
  const [url, setUrl] = useState(existing?.url ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [eventTypes, setEventTypes] = useState<string[]>(existing?.eventTypes ?? []);
  const result = existing ? updated : created;
  const problems = fieldProblems(result.error, ['input.url', 'input.description', 'input.eventTypes']);
  const types = catalogue.data?.webhookEventTypes ?? [];
  // A refused type is named by its index in what was sent: say which type it is.
  const sentTypes = result.operation?.variables.input.eventTypes ?? [];
  const eventTypeProblems = problems
    .under('input.eventTypes')
    .map((p) => {
      const index = /^input\.eventTypes\[(\d+)\]/.exec(p.field ?? '')?.[1];
      const type = index === undefined ? undefined : sentTypes[Number(index)];
      return type ? `${type}: ${p.message}` : p.message;
    })
    .join(' ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (existing) {
      const { data } = await update({ input: { id: existing.id, url, description, eventTypes } }, context);
      if (data) onSaved();
      return;
    }
    const { data } = await create({ input: { url, description: description || undefined, eventTypes } }, context);
    if (!data) return;
    const shown = level.created(data);
    onCreated({ url: shown.url, value: shown.secret });
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={existing ? t('webhooks.editTitle') : t('webhooks.create')}>
      <form onSubmit={submit}>
        <Stack>
          <ProblemsAlert problems={problems.rest} />
          <TextInput
            label={t('webhooks.url')}
            description={t('webhooks.urlHint')}
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={problems.at('input.url')}
            data-autofocus
          />
          <Textarea
            label={t('webhooks.description')}
            description={t('webhooks.descriptionHint')}
            autosize
            minRows={1}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={problems.at('input.description')}
          />
          <Checkbox.Group
            label={t('webhooks.events')}
            description={t('webhooks.eventsHint')}
            value={eventTypes}
            onChange={setEventTypes}
            error={eventTypeProblems || undefined}
          >
            <Group gap="xs" mt="xs">
              <Button size="compact-sm" variant="default" onClick={() => setEventTypes(types.map((type) => type.type))}>
                {t('webhooks.selectAll')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setEventTypes([])}>
                {t('webhooks.selectNone')}
              </Button>
            </Group>
            <ErrorAlert error={catalogue.error} />
            {catalogue.fetching && !catalogue.data && <Loader size="sm" aria-label={t('webhooks.catalogueLoading')} />}
            <Stack gap="xs" mt="sm">
              {types.map((type) => (
                <Checkbox key={type.type} value={type.type} label={<Code>{type.type}</Code>} description={type.description} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button type="submit" loading={result.fetching}>
            {existing ? t('webhooks.submitEdit') : t('webhooks.submitCreate')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** A new secret after confirmation, with how long the current one keeps signing (0 to 168 hours, 24 by default). */
function RotateDialog({
  scope,
  endpoint,
  onClose,
  onRotated,
}: {
  scope: WebhookScope;
  endpoint: EndpointRow;
  onClose(): void;
  onRotated(secret: { url: string; value: string }): void;
}) {
  const t = useT();
  const [rotated, rotate] = useMutation(scope.level.rotate);
  const [overlapHours, setOverlapHours] = useState<number | string>(DEFAULT_OVERLAP_HOURS);
  const problems = fieldProblems(rotated.error, ['input.overlapHours']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hours = typeof overlapHours === 'number' ? overlapHours : Number(overlapHours);
    const { data } = await rotate({ input: { id: endpoint.id, overlapHours: hours } }, scope.context);
    if (!data) return;
    const shown = scope.level.rotated(data);
    onRotated({ url: shown.url, value: shown.secret });
  };
  return (
    <Modal opened onClose={onClose} title={t('webhooks.rotateTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Text style={{ overflowWrap: 'anywhere' }}>{t('webhooks.rotateConfirm', { url: endpoint.url })}</Text>
          <ProblemsAlert problems={problems.rest} />
          <NumberInput
            label={t('webhooks.overlapHours')}
            min={0}
            max={168}
            allowDecimal={false}
            value={overlapHours}
            onChange={setOverlapHours}
            error={problems.at('input.overlapHours')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('agency.cancel')}
            </Button>
            <Button type="submit" loading={rotated.fetching}>
              {t('webhooks.rotateSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What the endpoint did with the test event: its status and latency, or why it failed, and the start of its answer. */
function TestResultDialog({ shown, onClose }: { shown: { url: string; result: TestResult } | null; onClose(): void }) {
  const t = useT();
  const result = shown?.result;
  const reason = result
    ? [result.errorClass && t('webhooks.errorClassValue', { errorClass: result.errorClass }), result.errorMessage]
        .filter(Boolean)
        .join(' — ')
    : '';
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t('webhooks.testTitle', { url: shown?.url ?? '' })}>
      {result && (
        <Stack data-testid="webhook-test-result">
          {result.ok ? (
            <Alert color="teal" role="status">
              {t('webhooks.testOk', { status: result.httpStatus ?? '', latency: result.latencyMs })}
            </Alert>
          ) : (
            <Alert color="red" role="alert">
              {t('webhooks.testFailed', { reason })}
              {result.httpStatus ? ` (HTTP ${result.httpStatus}, ${t('webhooks.latencyValue', { ms: result.latencyMs })})` : ''}
            </Alert>
          )}
          <Text size="sm" fw={500}>
            {t('webhooks.answer')}
          </Text>
          {result.responseExcerpt ? (
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {result.responseExcerpt}
            </Code>
          ) : (
            <Text size="sm">{t('webhooks.noAnswer')}</Text>
          )}
          <Text size="sm" c="gray.7">
            {t('webhooks.webhookId', { id: result.webhookId })}
          </Text>
          <Text size="sm" c="gray.7">
            {t('webhooks.testNote')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('agency.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
