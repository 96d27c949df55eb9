import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { ListeningQueryKind } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldError, isAboutFields, Pager, useClientOrganization, useCursorPages } from './shared';
import { OrgDateTime } from '../../components/format';

const ListeningQueriesDocument = graphql(`
  query ListeningQueries($first: Int!, $after: String) {
    listeningQueries(first: $first, after: $after) {
      edges {
        node {
          id
          name
          kind
          query
          active
          sources
          competitorId
          lastRunAt
          sourceStates {
            accountId
            network
            lastError
            mentionsAdded
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

const ListeningFormChoicesDocument = graphql(`
  query ListeningFormChoices {
    competitors(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    networks {
      id
      displayName
      capabilities
    }
  }
`);

const CreateListeningQueryDocument = graphql(`
  mutation CreateListeningQuery($input: CreateListeningQueryInput!) {
    createListeningQuery(input: $input) {
      id
    }
  }
`);

const CheckListeningQueryDocument = graphql(`
  query CheckListeningQuery($query: String!) {
    checkListeningQuery(query: $query) {
      valid
      message
      position
    }
  }
`);

const UpdateListeningQueryDocument = graphql(`
  mutation UpdateListeningQuery($input: UpdateListeningQueryInput!) {
    updateListeningQuery(input: $input) {
      id
    }
  }
`);

const DeleteListeningQueryDocument = graphql(`
  mutation DeleteListeningQuery($input: ListeningQueryIdInput!) {
    deleteListeningQuery(input: $input) {
      id
    }
  }
`);

export interface SyntaxCheck {
  state: 'idle' | 'checking' | 'valid' | 'invalid';
  message?: string;
  position?: number;
}

const KINDS: ListeningQueryKind[] = ['BRAND', 'COMPETITOR', 'TOPIC'];
const PAGE = 20;

/** The organisation's listening queries: list, create, edit (with the live syntax check), delete. */
export function ListeningQueries() {
  const t = useT();
  const { context, timeZone } = useClientOrganization();
  const pages = useCursorPages();
  const [result, refresh] = useQuery({ query: ListeningQueriesDocument, variables: { first: PAGE, after: pages.after }, context });
  const [editing, setEditing] = useState<QueryNode | 'new' | null>(null);
  const [deleted, remove] = useMutation(DeleteListeningQueryDocument);
  const queries = result.data?.listeningQueries.edges.map((e) => e.node) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="gray.7">{t('community.queries.intro')}</Text>
        <Button onClick={() => setEditing('new')}>{t('community.queries.new')}</Button>
      </Group>
      <ErrorAlert error={result.error ?? deleted.error} />
      {result.data && queries.length === 0 && <Alert>{t('community.queries.empty')}</Alert>}
      {queries.length > 0 && (
        <Table aria-label={t('community.tabs.queries')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('community.queries.name')}</Table.Th>
              <Table.Th>{t('community.queries.kind')}</Table.Th>
              <Table.Th>{t('community.queries.query')}</Table.Th>
              <Table.Th>{t('community.queries.state')}</Table.Th>
              <Table.Th>{t('community.queries.lastRun')}</Table.Th>
              <Table.Th>{t('community.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queries.map((q) => (
              <Table.Tr key={q.id} data-testid="listening-query">
                <Table.Td>{q.name}</Table.Td>
                <Table.Td>{t(`community.kind.${q.kind}`)}</Table.Td>
                <Table.Td>
                  <Code>{q.query}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={q.active ? 'teal.9' : 'gray.9'} variant="outline">
                      {q.active ? t('community.queries.active') : t('community.queries.paused')}
                    </Badge>
                    {q.sourceStates.some((s) => s.lastError) && (
                      <Badge color="red.9" variant="outline">
                        {t('community.queries.failing')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <OrgDateTime value={q.lastRunAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(q)}
                      aria-label={t('community.queries.editNamed', { name: q.name })}
                    >
                      {t('community.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t('community.queries.deleteNamed', { name: q.name })}
                      onClick={async () => {
                        if (!window.confirm(t('community.queries.confirmDelete', { name: q.name }))) return;
                        const { error } = await remove({ input: { id: q.id } }, context);
                        if (!error) refresh();
                      }}
                    >
                      {t('community.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pages={pages} pageInfo={result.data?.listeningQueries.pageInfo} />
      {editing && (
        <QueryForm
          query={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

type QueryNode = {
  id: string;
  name: string;
  kind: ListeningQueryKind;
  query: string;
  active: boolean;
  sources: string[];
  competitorId?: string | null;
};

function QueryForm({ query, onClose, onSaved }: { query: QueryNode | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useClientOrganization();
  const [choices] = useQuery({ query: ListeningFormChoicesDocument, context });
  const [name, setName] = useState(query?.name ?? '');
  const [kind, setKind] = useState<ListeningQueryKind>(query?.kind ?? 'BRAND');
  const [competitorId, setCompetitorId] = useState<string | null>(query?.competitorId ?? null);
  const [text, setText] = useState(query?.query ?? '');
  const [sources, setSources] = useState<string[]>(query?.sources ?? []);
  const [active, setActive] = useState(query?.active ?? true);
  const [created, create] = useMutation(CreateListeningQueryDocument);
  const [updated, update] = useMutation(UpdateListeningQueryDocument);
  const check = useSyntaxCheck(text);
  const error = query ? updated.error : created.error;
  const fields = ['input.name', 'input.kind', 'input.competitorId', 'input.query', 'input.sources'];
  const submitError = fieldError(error, 'input.query');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = { name, kind, query: text, sources, active, competitorId: kind === 'COMPETITOR' ? competitorId : null };
    const res = query ? await update({ input: { id: query.id, ...common } }, context) : await create({ input: common }, context);
    if (!res.error) onSaved();
  };
  const networks = (choices.data?.networks ?? []).filter((n) => n.capabilities.includes('mentions'));

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('community.close') }}
      title={query ? t('community.queries.edit') : t('community.queries.new')}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          {!isAboutFields(error, fields) && <ErrorAlert error={error} />}
          <TextInput
            label={t('community.queries.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(error, 'input.name')}
            data-autofocus
          />
          <Select
            label={t('community.queries.kind')}
            allowDeselect={false}
            value={kind}
            onChange={(v) => v && setKind(v as ListeningQueryKind)}
            data={KINDS.map((k) => ({ value: k, label: t(`community.kind.${k}`) }))}
            error={fieldError(error, 'input.kind')}
          />
          {kind === 'COMPETITOR' && (
            <Select
              label={t('community.queries.competitor')}
              required
              value={competitorId}
              onChange={setCompetitorId}
              data={(choices.data?.competitors.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))}
              nothingFoundMessage={t('community.queries.noCompetitor')}
              error={fieldError(error, 'input.competitorId')}
            />
          )}
          <Textarea
            label={t('community.queries.query')}
            description={t('community.queries.syntaxHelp')}
            required
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={submitError ?? (check.state === 'invalid' ? check.message : undefined)}
            aria-describedby="listening-syntax-state"
          />
          <SyntaxState text={text} check={check} />
          <MultiSelect
            label={t('community.queries.sources')}
            description={t('community.queries.sourcesHelp')}
            value={sources}
            onChange={setSources}
            data={networks.map((n) => ({ value: n.id, label: n.displayName }))}
            error={fieldError(error, 'input.sources')}
          />
          <Switch label={t('community.queries.activeLabel')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('community.cancel')}
            </Button>
            <Button type="submit" loading={created.fetching || updated.fetching}>
              {t('community.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Where the query language stopped, marked in the text, and whether the text passes. */
function SyntaxState({ text, check }: { text: string; check: SyntaxCheck }) {
  const t = useT();
  return (
    <div id="listening-syntax-state" aria-live="polite" data-testid="syntax-state">
      {check.state === 'checking' && (
        <Text size="sm" c="gray.7">
          {t('community.queries.checking')}
        </Text>
      )}
      {check.state === 'valid' && (
        <Text size="sm" c="teal.9">
          {t('community.queries.valid')}
        </Text>
      )}
      {check.state === 'invalid' && check.position !== undefined && (
        <Stack gap={2}>
          <Text size="sm" c="red.9">
            {t('community.queries.invalidAt', { position: check.position + 1 })}
          </Text>
          <Code block data-testid="syntax-position">
            {text.slice(0, check.position)}
            <mark>{text.slice(check.position, check.position + 1) || ' '}</mark>
            {text.slice(check.position + 1)}
          </Code>
        </Stack>
      )}
    </div>
  );
}

/**
 * The API's own check of a query text (checkListeningQuery, which stores nothing), 400 ms after the last keystroke: the
 * parser's message and position for a refused text.
 */
function useSyntaxCheck(text: string): SyntaxCheck {
  const client = useClient();
  const { context } = useClientOrganization();
  const [check, setCheck] = useState<SyntaxCheck>({ state: 'idle' });
  useEffect(() => {
    if (!text.trim()) {
      setCheck({ state: 'idle' });
      return;
    }
    let current = true;
    setCheck({ state: 'checking' });
    const timer = setTimeout(async () => {
      const res = await client
        .query(CheckListeningQueryDocument, { query: text }, { ...context, requestPolicy: 'network-only' })
        .toPromise();
      if (!current) return;
      const verdict = res.data?.checkListeningQuery;
      if (verdict?.valid) {
        setCheck({ state: 'valid' });
      } else if (verdict) {
        setCheck({ state: 'invalid', message: verdict.message ?? '', position: verdict.position ?? undefined });
      } else {
        // Too long or not text at all: the API's refusal names the field.
        const message = fieldError(res.error, 'query');
        setCheck(message ? { state: 'invalid', message } : { state: 'idle' });
      }
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, client, context]);
  return check;
}
