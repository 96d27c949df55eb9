import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ContentEditorChoicesQuery, ContentItemQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import {
  ContentItemDocument,
  CreateContentItemDocument,
  EditorChoicesDocument,
  RescheduleContentItemDocument,
  ScheduleContentItemDocument,
  SubmitContentItemDocument,
  UpdateContentItemDocument,
} from './operations';
import { ItemPublications } from './ItemPublications';
import { VariantEditor, type NetworkLimits } from './VariantEditor';
import { fieldErrors, fromLocalInput, toLocalInput } from './zoned';

type Item = NonNullable<ContentItemQuery['contentItem']>;
const ITEM_FIELDS = ['title', 'brief', 'theme', 'campaign', 'objectiveId', 'segmentId', 'plannedFor'] as const;
const NEW_VARIANT = '__new';

/** A content item: what it is about and its links to the strategy, one tab per network variant, review and scheduling. */
export function ItemEditor({ itemId }: { itemId: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const { context, base } = useContentScope();
  const [item, refreshItem] = useQuery({ query: ContentItemDocument, variables: { id: itemId ?? '' }, context, pause: !itemId });
  const [choices] = useQuery({ query: EditorChoicesDocument, context });
  const current = item.data?.contentItem;

  if (itemId && item.fetching && !current) return <Loader />;
  if (itemId && !current) return <ErrorAlert error={item.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{current ? current.title : t('content.item.new')}</Title>
        {current && (
          <Badge size="lg" variant="light" data-testid="item-status">
            {t('content.item.status', { status: current.status })}
          </Badge>
        )}
      </Group>
      <ItemForm
        key={current ? `${current.id}-${current.revision}` : 'new'}
        item={current ?? null}
        choices={choices.data}
        onSaved={(id) => (current ? refreshItem() : navigate(`${base}/items/${id}`))}
      />
      {current && (
        <>
          <Variants item={current} choices={choices.data} onChanged={() => refreshItem()} />
          <Review item={current} onChanged={() => refreshItem()} />
          <ItemPublications
            key={`${current.id}-${current.status}`}
            item={current}
            onChanged={() => refreshItem({ requestPolicy: 'network-only' })}
          />
        </>
      )}
    </Stack>
  );
}

type Choices = ContentEditorChoicesQuery | undefined;

function ItemForm({ item, choices, onSaved }: { item: Item | null; choices: Choices; onSaved(id: string): void }) {
  const t = useT();
  const { context, timeZone } = useContentScope();
  const [values, setValues] = useState({
    title: item?.title ?? '',
    brief: item?.brief ?? '',
    theme: item?.theme ?? '',
    campaign: item?.campaign ?? '',
    objectiveId: item?.objectiveId ?? null,
    segmentId: item?.segmentId ?? null,
    plannedFor: toLocalInput(item?.plannedFor, timeZone),
  });
  const [created, create] = useMutation(CreateContentItemDocument);
  const [updated, update] = useMutation(UpdateContentItemDocument);
  const [saved, setSaved] = useState(false);
  const result = item ? updated : created;
  const { byField, rest } = fieldErrors(result.error, ITEM_FIELDS);
  const set = (name: keyof typeof values) => (value: string | null) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const plannedFor = values.plannedFor ? fromLocalInput(values.plannedFor, timeZone) : null;
    const common = {
      title: values.title,
      brief: values.brief,
      theme: values.theme || null,
      campaign: values.campaign || null,
      objectiveId: values.objectiveId,
      segmentId: values.segmentId,
      ...(plannedFor ? { plannedFor } : {}),
    };
    if (item) {
      const res = await update({ input: { id: item.id, ...common } }, context);
      if (res.data) {
        setSaved(true);
        onSaved(item.id);
      }
    } else {
      const res = await create({ input: common }, context);
      if (res.data) onSaved(res.data.createContentItem.id);
    }
  };
  const objectives = choices?.objectives.edges.map((e) => ({ value: e.node.id, label: e.node.title })) ?? [];
  const segments = choices?.audienceSegments.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? [];

  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack>
        {rest.length > 0 && (
          <Alert color="red" role="alert">
            {rest.join(' ')}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" role="status">
            {t('content.item.saved')}
          </Alert>
        )}
        <TextInput
          label={t('content.item.title')}
          required
          value={values.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={byField.title}
        />
        <Textarea
          label={t('content.item.brief')}
          autosize
          minRows={2}
          value={values.brief}
          onChange={(e) => set('brief')(e.currentTarget.value)}
          error={byField.brief}
        />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('content.item.theme')}
            value={values.theme}
            onChange={(e) => set('theme')(e.currentTarget.value)}
            error={byField.theme}
          />
          <TextInput
            label={t('content.item.campaign')}
            value={values.campaign}
            onChange={(e) => set('campaign')(e.currentTarget.value)}
            error={byField.campaign}
          />
          <TextInput
            type="datetime-local"
            label={t('content.item.plannedFor', { zone: timeZone })}
            value={values.plannedFor}
            onChange={(e) => set('plannedFor')(e.currentTarget.value)}
            error={byField.plannedFor}
          />
          <Select
            label={t('content.item.objective')}
            placeholder={objectives.length ? t('content.item.none') : t('content.item.noObjectives')}
            data={objectives}
            value={values.objectiveId}
            onChange={set('objectiveId')}
            clearable
            error={byField.objectiveId}
          />
          <Select
            label={t('content.item.segment')}
            placeholder={segments.length ? t('content.item.none') : t('content.item.noSegments')}
            data={segments}
            value={values.segmentId}
            onChange={set('segmentId')}
            clearable
            error={byField.segmentId}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={result.fetching}>
            {item ? t('content.item.save') : t('content.item.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Variants({ item, choices, onChanged }: { item: Item; choices: Choices; onChanged(): void }) {
  const t = useT();
  const accounts = useMemo(() => choices?.networkAccounts.edges.map((e) => e.node) ?? [], [choices]);
  const limits = useMemo(() => new Map<string, NetworkLimits>((choices?.networks ?? []).map((n) => [n.id, n])), [choices]);
  const unused = accounts.filter((a) => !item.variants.some((v) => v.networkAccountId === a.id));
  const [tab, setTab] = useState<string | null>(item.variants[0]?.id ?? NEW_VARIANT);
  const [adding, setAdding] = useState<string | null>(null);
  useEffect(() => {
    // A tab that no longer exists (the last account got its variant, or a variant went): show the newest variant.
    const gone = tab === NEW_VARIANT ? unused.length === 0 : !item.variants.some((v) => v.id === tab);
    if (gone) setTab(item.variants[item.variants.length - 1]?.id ?? NEW_VARIANT);
  }, [item.variants, tab, unused.length]);
  const accountLabel = (id: string | null | undefined, network: string) => {
    const account = accounts.find((a) => a.id === id);
    return account ? `${limits.get(account.network)?.displayName ?? account.network} · ${account.handle}` : network;
  };
  const newAccount = accounts.find((a) => a.id === adding);

  return (
    <Card withBorder>
      <Title order={4}>{t('content.variant.title')}</Title>
      {accounts.length === 0 && <Text mt="xs">{t('content.variant.noAccounts')}</Text>}
      <Tabs value={tab} onChange={setTab} mt="sm">
        <Tabs.List>
          {item.variants.map((v) => (
            <Tabs.Tab key={v.id} value={v.id} color={v.blocked ? 'red' : undefined}>
              {accountLabel(v.networkAccountId, v.network)}
            </Tabs.Tab>
          ))}
          {unused.length > 0 && <Tabs.Tab value={NEW_VARIANT}>{t('content.variant.add')}</Tabs.Tab>}
        </Tabs.List>
        {item.variants.map((v) => (
          <Tabs.Panel key={v.id} value={v.id} pt="sm">
            <VariantEditor
              itemId={item.id}
              networkAccountId={v.networkAccountId ?? ''}
              network={v.network}
              limits={limits.get(v.network)}
              variant={v}
              onSaved={onChanged}
            />
          </Tabs.Panel>
        ))}
        {unused.length > 0 && (
          <Tabs.Panel value={NEW_VARIANT} pt="sm">
            <Stack>
              <Select
                label={t('content.variant.account')}
                data={unused.map((a) => ({ value: a.id, label: accountLabel(a.id, a.network) }))}
                value={adding}
                onChange={setAdding}
              />
              {newAccount && (
                <VariantEditor
                  key={newAccount.id}
                  itemId={item.id}
                  networkAccountId={newAccount.id}
                  network={newAccount.network}
                  limits={limits.get(newAccount.network)}
                  variant={null}
                  onSaved={() => {
                    setAdding(null);
                    onChanged();
                  }}
                />
              )}
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Card>
  );
}

function Review({ item, onChanged }: { item: Item; onChanged(): void }) {
  const t = useT();
  const { context, timeZone } = useContentScope();
  const [submitted, submit] = useMutation(SubmitContentItemDocument);
  const [scheduled, schedule] = useMutation(ScheduleContentItemDocument);
  const [rescheduled, reschedule] = useMutation(RescheduleContentItemDocument);
  const [dueAt, setDueAt] = useState('');
  const isScheduled = item.status === 'SCHEDULED';
  const scheduling = isScheduled ? rescheduled : scheduled;
  const { byField, rest } = fieldErrors(scheduling.error, ['dueAt']);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const at = fromLocalInput(dueAt, timeZone) ?? dueAt;
    const res = isScheduled
      ? await reschedule({ input: { itemId: item.id, dueAt: at } }, context)
      : await schedule({ input: { itemId: item.id, dueAt: at } }, context);
    if (res.data) onChanged();
  };
  return (
    <Card withBorder>
      <Title order={4}>{t('content.review.title')}</Title>
      <Stack mt="sm">
        {(item.status === 'DRAFT' || item.status === 'IDEA') && (
          <Group>
            <Button
              onClick={async () => {
                const res = await submit({ input: { id: item.id } }, context);
                if (res.data) onChanged();
              }}
              loading={submitted.fetching}
            >
              {t('content.review.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('content.review.submitHint')}
            </Text>
          </Group>
        )}
        <ErrorAlert error={submitted.error} />
        {item.status === 'IN_REVIEW' && <Text>{t('content.review.inReview')}</Text>}
        {(item.status === 'APPROVED' || isScheduled) && (
          <form onSubmit={send}>
            <Stack>
              {rest.length > 0 && (
                <Alert color="red" role="alert">
                  {rest.join(' ')}
                </Alert>
              )}
              <Group align="flex-end">
                <TextInput
                  type="datetime-local"
                  required
                  label={t('content.review.dueAt', { zone: timeZone })}
                  value={dueAt}
                  onChange={(e) => setDueAt(e.currentTarget.value)}
                  error={byField.dueAt}
                />
                <Button type="submit" loading={scheduling.fetching}>
                  {isScheduled ? t('content.review.reschedule') : t('content.review.schedule')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
