import { Button, Group, Text } from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { inOrganization } from '../../client';
import { apiProblems } from '../../components/api-problems';
import { useAgencyManager, useWorkspace } from '../../components/workspace';
import { useT } from '../../i18n/locale';

export const PAGE_SIZE = 20;

/** The client organisation of the page and the context every operation of it carries. */
export function useOrganization() {
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  return { organizationId, context, organization: workspace.organization(organizationId), workspace };
}

/**
 * What the signed-in person may change here, from the roles the API tells them they hold (`me`): the agency's
 * owners and admins manage its clients' strategy, inside the client the strategy lead does (the coordinator too for
 * the roadmap), its executive approvers approve the written strategy. The API checks it again on every mutation; this only hides buttons that would be refused.
 */
export function useStrategyPermissions() {
  const { organizationId, workspace } = useOrganization();
  const membership = workspace.me.organizations.find((m) => m.organization.id === organizationId);
  const agencyManager = useAgencyManager();
  const roles: readonly string[] = membership?.roles ?? [];
  const manager = agencyManager || roles.includes('STRATEGY_LEAD');
  return {
    manageStrategy: manager,
    manageRoadmap: manager || roles.includes('COORDINATOR'),
    // The management approves the written strategy: the client's executive approvers only.
    approveStrategy: roles.includes('EXECUTIVE_APPROVER'),
  };
}

interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A Relay connection read page by page ("more"), the pages already shown kept; `reload` starts again. */
export function useConnection<D, N, V extends { first?: number | null; after?: string | null }>(
  query: TypedDocumentNode<D, V>,
  pick: (data: D) => Connection<N>,
  extra?: Omit<V, 'first' | 'after'>,
) {
  const { context } = useOrganization();
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<N[]>([]);
  const variables = { ...extra, first: PAGE_SIZE, after } as unknown as V;
  const [result, reexecute] = useQuery<D, V>({ query, variables, context } as never);
  const current = result.data && (result.operation?.variables as V | undefined)?.after === after ? pick(result.data) : undefined;
  const nodes = [...earlier, ...(current?.edges.map((e) => e.node) ?? [])];
  return {
    nodes,
    loaded: current !== undefined,
    fetching: result.fetching,
    error: result.error,
    more: current?.pageInfo.hasNextPage
      ? () => {
          setEarlier(nodes);
          setAfter(current.pageInfo.endCursor ?? null);
        }
      : undefined,
    reload: () => {
      setEarlier([]);
      setAfter(null);
      reexecute({ requestPolicy: 'network-only' });
    },
  };
}

export function MoreButton({ more, fetching }: { more?: () => void; fetching: boolean }) {
  const t = useT();
  if (!more) return null;
  return (
    <Group>
      <Button variant="default" onClick={more} loading={fetching}>
        {t('strategy.more')}
      </Button>
    </Group>
  );
}

export function Empty({ children }: { children: string }) {
  return <Text c="gray.7">{children}</Text>;
}

/**
 * The API's refusal of a form, split: the messages of the fields it names (`input.title` → `title`, from
 * `extensions.problems` or `extensions.field`), shown next to each field, and the rest, shown above the form.
 */
export function splitErrors(error: CombinedError | undefined): { fields: Record<string, string>; general: string | null } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (!error) return { fields, general: null };
  for (const { field, message } of apiProblems(error)) {
    if (field) fields[fieldName(field)] = message;
    else general.push(message);
  }
  if (error.networkError) general.push(error.message);
  return { fields, general: general.length ? general.join(' ') : null };
}

const fieldName = (path: string) => path.replace(/^input\./, '').split('.')[0];
