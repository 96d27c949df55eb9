import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDateTime } from '../../components/format';
import { useCursorPages } from '../../components/paging';
import type { PressReleasesQuery, PressReleaseStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldProblems, PAGE_SIZE, Pager, ProblemsAlert } from '../agency/common';
import { fromLocalInput } from '../content/zoned';
import {
  PressReleaseCandidatesDocument,
  PressReleasesDocument,
  PublishPressReleaseDocument,
  WithdrawPressReleaseDocument,
} from './operations';
import { isForbidden, ListFilter, type PressScope, type Room } from './shared';

type Release = PressReleasesQuery['pressReleases']['edges'][number]['node'];
const STATUSES: readonly PressReleaseStatus[] = ['PUBLISHED', 'SCHEDULED', 'WITHDRAWN'];
const STATUS_COLOR: Record<PressReleaseStatus, string> = { PUBLISHED: 'teal.9', SCHEDULED: 'blue.9', WITHDRAWN: 'gray.8' };

/**
 * The room's releases, latest first, page by page and by status: each with its status, when it is public from, its
 * public link and whether the newsletter sent it. Those who manage the room publish one from a content item (the
 * API's refusal at the item, the slug or the time) and withdraw one after confirming.
 */
export function ReleasesPanel({ scope, room }: { scope: PressScope; room: Room }) {
  const t = useT();
  const pages = useCursorPages();
  const [status, setStatus] = useState<PressReleaseStatus | null>(null);
  const [list, refetch] = useQuery({
    query: PressReleasesDocument,
    variables: { first: PAGE_SIZE, after: pages.after, status },
    context: scope.context,
  });
  const [withdrawn, withdraw] = useMutation(WithdrawPressReleaseDocument);
  const [withdrawing, setWithdrawing] = useState<Release | null>(null);
  const releases = list.data?.pressReleases;
  const rows = releases?.edges.map((e) => e.node) ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const withdrawProblems = fieldProblems(withdrawn.error);

  const confirmWithdraw = async () => {
    if (!withdrawing) return;
    const { data, error } = await withdraw({ input: { id: withdrawing.id } }, scope.context);
    if (isForbidden(error)) scope.onForbidden();
    if (!data) return;
    setWithdrawing(null);
    reload();
  };

  return (
    <Card withBorder component="section" aria-labelledby="press-releases">
      <Stack>
        <div>
          <Title order={3} id="press-releases">
            {t('press.releases')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('press.releasesHint')}
          </Text>
        </div>
        {scope.canManage && (
          <PublishForm
            scope={scope}
            onPublished={() => {
              pages.reset();
              reload();
            }}
          />
        )}
        <ListFilter
          label={t('press.releasesShown')}
          allLabel={t('press.all')}
          value={status}
          values={STATUSES}
          labelOf={(s) => t('press.releaseStatus', { status: s })}
          onChange={(next) => {
            setStatus(next);
            pages.reset();
          }}
          count={releases ? t('press.releasesCount', { count: releases.totalCount }) : undefined}
        />
        <ErrorAlert error={list.error} />
        {list.fetching && !releases && <Loader aria-label={t('press.loading')} />}
        {releases && rows.length === 0 && <Text>{t('press.releasesEmpty')}</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="press-releases">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('press.column.title')}</Table.Th>
                  <Table.Th>{t('press.column.status')}</Table.Th>
                  <Table.Th>{t('press.column.publishAt')}</Table.Th>
                  <Table.Th>{t('press.column.link')}</Table.Th>
                  <Table.Th>{t('press.column.newsletter')}</Table.Th>
                  {scope.canManage && <Table.Th>{t('press.column.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((release) => (
                  <Table.Tr key={release.id} data-testid="press-release">
                    <Table.Td>
                      <Text fw={500}>{release.title}</Text>
                      <Text size="xs" c="gray.7">
                        {release.slug}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[release.status]} variant="outline" data-testid="press-release-status">
                        {t('press.releaseStatus', { status: release.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <OrgDateTime value={release.publishAt} timeZone={scope.timeZone} />
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {release.status === 'WITHDRAWN' ? (
                        <Text size="sm">—</Text>
                      ) : (
                        <Stack gap={2}>
                          <Anchor
                            size="sm"
                            href={release.url}
                            target="_blank"
                            rel="noopener noreferrer"
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {release.url}
                          </Anchor>
                          {release.status === 'PUBLISHED' && !room.enabled && (
                            <Text size="xs" c="gray.7">
                              {t('press.notPublicWhileOff')}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {release.newsletterSentAt ? (
                          <>
                            {t('press.newsletterSent')} <OrgDateTime value={release.newsletterSentAt} timeZone={scope.timeZone} />
                          </>
                        ) : (
                          t('press.newsletterNotSent')
                        )}
                      </Text>
                    </Table.Td>
                    {scope.canManage && (
                      <Table.Td>
                        {release.status !== 'WITHDRAWN' && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red.9"
                            c="red.9"
                            aria-label={t('press.withdrawOf', { title: release.title })}
                            onClick={() => setWithdrawing(release)}
                          >
                            {t('press.withdraw')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Pager
          page={pages.page}
          hasNextPage={releases?.pageInfo.hasNextPage ?? false}
          onPrevious={pages.previous}
          onNext={() => pages.next(releases?.pageInfo.endCursor)}
        />
      </Stack>

      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('press.withdrawTitle')}>
        <Stack>
          <Text style={{ overflowWrap: 'anywhere' }}>{t('press.withdrawConfirm', { title: withdrawing?.title ?? '' })}</Text>
          <ProblemsAlert problems={withdrawProblems.rest} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('press.cancel')}
            </Button>
            <Button color="red.9" loading={withdrawn.fetching} onClick={() => void confirmWithdraw()}>
              {t('press.withdrawSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** A release from a content item: the item (approved, scheduled or published ones are offered), an optional slug and time. */
function PublishForm({ scope, onPublished }: { scope: PressScope; onPublished(): void }) {
  const t = useT();
  const [candidates] = useQuery({ query: PressReleaseCandidatesDocument, context: scope.context });
  const [published, publish] = useMutation(PublishPressReleaseDocument);
  const [itemId, setItemId] = useState<string | null>(null);
  const [slug, setSlug] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const problems = fieldProblems(published.error, ['input.itemId', 'input.slug', 'input.publishAt']);
  const groups = candidates.data
    ? (['approved', 'scheduled', 'published'] as const)
        .map((key) => {
          const nodes = candidates.data?.[key].edges.map((e) => e.node) ?? [];
          return {
            group: t('content.item.status', { status: nodes[0]?.status ?? key.toUpperCase() }),
            items: nodes.map((n) => ({ value: n.id, label: n.title })),
          };
        })
        .filter((g) => g.items.length > 0)
    : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!itemId) return;
    const at = publishAt ? fromLocalInput(publishAt, scope.timeZone) : null;
    const { data, error } = await publish(
      { input: { itemId, ...(slug.trim() ? { slug: slug.trim() } : {}), ...(at ? { publishAt: at } : {}) } },
      scope.context,
    );
    if (isForbidden(error)) scope.onForbidden();
    if (!data) return;
    setNotice(t('press.publishedNotice', { title: data.publishPressRelease.title }));
    setItemId(null);
    setSlug('');
    setPublishAt('');
    onPublished();
  };

  return (
    <form onSubmit={submit} aria-labelledby="press-publish">
      <Card withBorder bg="var(--mantine-color-gray-0)">
        <Stack gap="xs">
          <Title order={4} id="press-publish">
            {t('press.publish')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('press.publishHint')}
          </Text>
          <ErrorAlert error={candidates.error} />
          <ProblemsAlert problems={problems.rest} />
          {notice && (
            <Alert color="teal" role="status">
              {notice}
            </Alert>
          )}
          <Select
            label={t('press.item')}
            placeholder={groups.length ? t('press.itemPlaceholder') : t('press.noCandidates')}
            data={groups}
            searchable
            required
            value={itemId}
            onChange={setItemId}
            error={problems.at('input.itemId')}
            nothingFoundMessage={t('press.noCandidates')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('press.releaseSlug')}
              description={t('press.releaseSlugHint')}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={problems.at('input.slug')}
              autoComplete="off"
            />
            <TextInput
              type="datetime-local"
              label={t('press.releasePublishAt', { zone: scope.timeZone })}
              description={t('press.releasePublishAtHint')}
              value={publishAt}
              onChange={(e) => setPublishAt(e.currentTarget.value)}
              error={problems.at('input.publishAt')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={published.fetching} disabled={!itemId}>
              {t('press.publishSubmit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}
