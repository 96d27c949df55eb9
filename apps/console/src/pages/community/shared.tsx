import { Button, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { inOrganization } from '../../client';
import { apiProblems } from '../../components/api-problems';
import { useCursorPages } from '../../components/paging';
import { useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import { useT } from '../../i18n/locale';

const OrganizationZoneDocument = graphql(`
  query CommunityOrganization {
    organization {
      id
      name
      timezone
    }
  }
`);

/** The client organisation of the route: its id, the operation context that names it, its name and time zone. */
export function useClientOrganization() {
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const known = workspace.organization(organizationId);
  const [result] = useQuery({ query: OrganizationZoneDocument, context, pause: Boolean(known) });
  const organization = result.data?.organization;
  return {
    organizationId,
    context,
    name: known?.name ?? organization?.name ?? '',
    timeZone: known?.timezone ?? organization?.timezone,
  };
}

/** The instant a local date (YYYY-MM-DD) starts in a time zone, as ISO 8601 with its offset (what the API's filters take). */
export function startOfLocalDay(date: string, timeZone: string | undefined): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: timeZone ?? 'UTC', timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name && name !== 'GMT' ? name.replace('GMT', '') : '+00:00';
  return `${date}T00:00:00${offset}`;
}

/** The day after a local date, YYYY-MM-DD (an inclusive "to" date becomes an exclusive bound). */
export function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export { useCursorPages };

export function Pager({
  pages,
  pageInfo,
}: {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
}) {
  const t = useT();
  if (pages.page === 1 && !pageInfo?.hasNextPage) return null;
  return (
    <Group justify="flex-end" gap="xs">
      <Text size="sm" c="gray.7">
        {t('community.page', { page: pages.page })}
      </Text>
      <Button variant="default" size="xs" disabled={pages.page === 1} onClick={pages.previous}>
        {t('community.previous')}
      </Button>
      <Button variant="default" size="xs" disabled={!pageInfo?.hasNextPage} onClick={() => pages.next(pageInfo?.endCursor)}>
        {t('community.next')}
      </Button>
    </Group>
  );
}

/**
 * The API's refusal of one field (BAD_USER_INPUT and the like carry the field path in extensions.field and
 * extensions.problems), to show next to that field; undefined when the error is about something else.
 */
export function fieldError(error: CombinedError | undefined, field: string): string | undefined {
  return apiProblems(error).find((p) => p.field === field)?.message;
}

/** Whether the error names one of these fields (so it is shown next to them rather than above the form). */
export function isAboutFields(error: CombinedError | undefined, fields: string[]): boolean {
  const errors = error?.graphQLErrors ?? [];
  return errors.length > 0 && errors.every((e) => fields.includes(e.extensions?.field as string));
}
