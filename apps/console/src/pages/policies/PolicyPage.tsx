import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Progress,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
  Typography,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import { useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type { PolicyVersionTextQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { AcknowledgePolicyDocument, PoliciesToAcknowledgeDocument } from './PoliciesPage';
import { diffLines, versionText } from './diff';
import { fieldErrors, otherErrors } from './form-errors';
import { STATUS_COLOR, kindKey, statusKey } from './labels';
import { Pager, useCursorPages } from './paging';

const PolicyDocument = graphql(`
  query PolicyDetail($id: ID!) {
    policy(id: $id) {
      id
      kind
      language
      status
      createdAt
      latestVersion {
        id
        number
        status
      }
      publishedVersion {
        id
        number
      }
    }
  }
`);

const PolicyVersionsDocument = graphql(`
  query PolicyVersionList($policyId: ID!, $first: Int!, $after: String) {
    policyVersions(policyId: $policyId, first: $first, after: $after) {
      edges {
        node {
          id
          number
          status
          title
          createdAt
          submittedAt
          approvedAt
          publishedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PolicyVersionTextDocument = graphql(`
  query PolicyVersionText($id: ID!) {
    policyVersion(id: $id) {
      id
      number
      status
      title
      editable
      returnComment
      sections {
        key
        title
        body
      }
      review {
        kind
        verdict
        comment
      }
    }
  }
`);

const PolicyHistoryDocument = graphql(`
  query PolicyHistoryList($policyId: ID!, $first: Int!, $after: String) {
    policyHistory(policyId: $policyId, first: $first, after: $after) {
      edges {
        node {
          id
          action
          actorType
          comment
          fromStatus
          toStatus
          occurredAt
          versionNumber
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PolicyAcknowledgementsDocument = graphql(`
  query PolicyAcknowledgementList($policyId: ID!, $first: Int!, $after: String) {
    policyAcknowledgements(policyId: $policyId) {
      acknowledgedCount
      pendingCount
      memberCount
      share
      version {
        id
        number
      }
      pending(first: $first, after: $after) {
        edges {
          node {
            userId
            displayName
            joinedAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const UpdateDraftDocument = graphql(`
  mutation PolicyUpdateDraft($input: UpdatePolicyDraftInput!) {
    updatePolicyDraft(input: $input) {
      id
    }
  }
`);
const SubmitDocument = graphql(`
  mutation PolicySubmit($input: PolicyVersionInput!) {
    submitPolicyForReview(input: $input) {
      id
      status
    }
  }
`);
const ApproveDocument = graphql(`
  mutation PolicyApprove($input: ApprovePolicyVersionInput!) {
    approvePolicyVersion(input: $input) {
      id
      status
    }
  }
`);
const ReturnDocument = graphql(`
  mutation PolicyReturnToDraft($input: ReturnPolicyToDraftInput!) {
    returnPolicyToDraft(input: $input) {
      id
      status
    }
  }
`);
const PublishDocument = graphql(`
  mutation PolicyPublish($input: PolicyVersionInput!) {
    publishPolicyVersion(input: $input) {
      id
      status
    }
  }
`);
const StartRevisionDocument = graphql(`
  mutation PolicyStartRevision($input: StartPolicyRevisionInput!) {
    startPolicyRevision(input: $input) {
      id
    }
  }
`);

type Version = NonNullable<PolicyVersionTextQuery['policyVersion']>;
const PAGE = 20;

/** One policy: a version's text and its workflow, every version, a comparison of two, the history, who acknowledged. */
export function PolicyPage() {
  const t = useT();
  const { organizationId = '', policyId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const workspace = useWorkspace();
  const timeZone = workspace.organization(organizationId)?.timezone;
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [policy, refreshPolicy] = useQuery({ query: PolicyDocument, variables: { id: policyId }, context });
  // Asked apart: only the organisation's members acknowledge, and an agency's staff must still read the policy.
  const [pending, refreshPending] = useQuery({ query: PoliciesToAcknowledgeDocument, context });
  const doc = policy.data?.policy;
  const versionId = search.get('version') ?? doc?.latestVersion?.id ?? null;
  const [tab, setTab] = useState<string | null>('text');
  const [changed, setChanged] = useState(0);
  const afterChange = (nextVersionId?: string) => {
    setChanged((n) => n + 1);
    refreshPolicy();
    refreshPending();
    if (nextVersionId) setSearch({ version: nextVersionId });
  };
  const choose = (id: string) => {
    setSearch({ version: id });
    setTab('text');
  };

  return (
    <Stack>
      <Anchor component={Link} to={`/organizations/${organizationId}/policies`} size="sm">
        {t('policies.back')}
      </Anchor>
      <ErrorAlert error={policy.error} />
      {policy.fetching && !doc && <Loader aria-label={t('policies.loading')} />}
      {doc && (
        <>
          <Group>
            <Title order={2}>{t(kindKey(doc.kind))}</Title>
            <Badge color={STATUS_COLOR[doc.status]} variant="outline">
              {t(statusKey(doc.status))}
            </Badge>
            <Text c="gray.7">
              {doc.publishedVersion ? t('policies.publishedVersion', { number: doc.publishedVersion.number }) : t('policies.notPublished')}
            </Text>
          </Group>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="text">{t('policies.tab.text')}</Tabs.Tab>
              <Tabs.Tab value="versions">{t('policies.tab.versions')}</Tabs.Tab>
              <Tabs.Tab value="compare">{t('policies.tab.compare')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('policies.tab.history')}</Tabs.Tab>
              <Tabs.Tab value="acknowledgements">{t('policies.tab.acknowledgements')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="text" pt="md">
              {versionId && (
                <VersionText
                  key={`${versionId}-${changed}`}
                  organizationId={organizationId}
                  policyId={policyId}
                  versionId={versionId}
                  isLatest={versionId === doc.latestVersion?.id}
                  toAcknowledge={pending.data ? pending.data.policiesToAcknowledge.some((v) => v.id === versionId) : null}
                  onChanged={afterChange}
                />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="versions" pt="md">
              <Versions organizationId={organizationId} policyId={policyId} timeZone={timeZone} onChoose={choose} key={changed} />
            </Tabs.Panel>
            <Tabs.Panel value="compare" pt="md">
              <Compare organizationId={organizationId} policyId={policyId} latest={doc.latestVersion?.number ?? 1} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <History organizationId={organizationId} policyId={policyId} timeZone={timeZone} />
            </Tabs.Panel>
            <Tabs.Panel value="acknowledgements" pt="md">
              <Acknowledgements organizationId={organizationId} policyId={policyId} timeZone={timeZone} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}

function VersionText({
  organizationId,
  policyId,
  versionId,
  isLatest,
  toAcknowledge,
  onChanged,
}: {
  organizationId: string;
  policyId: string;
  versionId: string;
  isLatest: boolean;
  /** Null when the reader acknowledges nothing here (not a member of the organisation). */
  toAcknowledge: boolean | null;
  onChanged(nextVersionId?: string): void;
}) {
  const t = useT();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result] = useQuery({ query: PolicyVersionTextDocument, variables: { id: versionId }, context });
  const [editing, setEditing] = useState(false);
  const [submitted, submit] = useMutation(SubmitDocument);
  const [approved, approve] = useMutation(ApproveDocument);
  const [returned, returnToDraft] = useMutation(ReturnDocument);
  const [published, publish] = useMutation(PublishDocument);
  const [revised, startRevision] = useMutation(StartRevisionDocument);
  const [acknowledged, acknowledge] = useMutation(AcknowledgePolicyDocument);
  const [decision, setDecision] = useState<'approve' | 'return' | null>(null);
  const [comment, setComment] = useState('');
  const version = result.data?.policyVersion;
  const input = { versionId };
  const error = submitted.error ?? published.error ?? revised.error ?? acknowledged.error;

  if (result.error) return <ErrorAlert error={result.error} />;
  if (!version) return <Loader aria-label={t('policies.loading')} />;
  if (editing) {
    return (
      <DraftEditor
        organizationId={organizationId}
        version={version}
        onDone={(saved) => {
          setEditing(false);
          if (saved) onChanged();
        }}
      />
    );
  }
  const decisionError = decision === 'approve' ? approved.error : returned.error;
  const decide = async () => {
    const r =
      decision === 'approve'
        ? await approve({ input: { versionId, comment: comment || null } }, context)
        : await returnToDraft({ input: { versionId, comment } }, context);
    if (r.data) {
      setDecision(null);
      setComment('');
      onChanged();
    }
  };
  const decisionErrors = fieldErrors(decisionError);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{version.title}</Title>
          <Group gap="xs">
            <Text>{t('policies.versionNumber', { number: version.number })}</Text>
            <Badge color={STATUS_COLOR[version.status]} variant="outline">
              {t(statusKey(version.status))}
            </Badge>
          </Group>
        </div>
        <Group>
          {version.editable && (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('policies.edit')}
              </Button>
              <Button loading={submitted.fetching} onClick={async () => (await submit({ input }, context)).data && onChanged()}>
                {t('policies.submit')}
              </Button>
            </>
          )}
          {version.status === 'IN_REVIEW' && (
            <>
              <Button onClick={() => setDecision('approve')}>{t('policies.approve')}</Button>
              <Button variant="default" onClick={() => setDecision('return')}>
                {t('policies.returnToDraft')}
              </Button>
            </>
          )}
          {version.status === 'APPROVED' && (
            <Button loading={published.fetching} onClick={async () => (await publish({ input }, context)).data && onChanged()}>
              {t('policies.publish')}
            </Button>
          )}
          {version.status === 'PUBLISHED' && toAcknowledge && (
            <Button loading={acknowledged.fetching} onClick={async () => (await acknowledge({ input }, context)).data && onChanged()}>
              {t('policies.acknowledge.button')}
            </Button>
          )}
          {version.status === 'PUBLISHED' && isLatest && (
            <Button
              variant="default"
              loading={revised.fetching}
              onClick={async () => {
                const r = await startRevision({ input: { policyId } }, context);
                if (r.data) onChanged(r.data.startPolicyRevision.id);
              }}
            >
              {t('policies.startRevision')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {version.status === 'PUBLISHED' && toAcknowledge === false && isLatest && (
        <Text size="sm" c="teal.9">
          {t('policies.acknowledge.done')}
        </Text>
      )}
      {version.returnComment && version.status === 'DRAFT' && (
        <Alert color="yellow" title={t('policies.returnedWith')}>
          {version.returnComment}
        </Alert>
      )}
      {version.review && (
        <Text size="sm">
          {t('policies.review', { kind: version.review.kind, verdict: version.review.verdict ?? t('policies.reviewPending') })}
          {version.review.comment ? ` — ${version.review.comment}` : ''}
        </Text>
      )}
      {version.sections.length === 0 && <Text c="gray.7">{t('policies.noSections')}</Text>}
      <Typography>
        {version.sections.map((s) => (
          <section key={s.key} data-testid="policy-section">
            <h4>{s.title}</h4>
            <Box style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Box>
          </section>
        ))}
      </Typography>
      <Modal
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={decision === 'approve' ? t('policies.approve') : t('policies.returnToDraft')}
      >
        <Stack>
          {otherErrors(decisionError, ['input.comment']).map((m) => (
            <Alert key={m} color="red" role="alert">
              {m}
            </Alert>
          ))}
          <Textarea
            label={decision === 'approve' ? t('policies.approveComment') : t('policies.returnComment')}
            required={decision === 'return'}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={decisionErrors['input.comment']}
            data-autofocus
          />
          <Button loading={approved.fetching || returned.fetching} onClick={() => void decide()}>
            {decision === 'approve' ? t('policies.approveConfirm') : t('policies.returnConfirm')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The draft's title and sections, saved as a whole (the API replaces the list). */
function DraftEditor({ organizationId, version, onDone }: { organizationId: string; version: Version; onDone(saved: boolean): void }) {
  const t = useT();
  const [title, setTitle] = useState(version.title);
  const [sections, setSections] = useState(
    version.sections.map(({ key, title: sectionTitle, body }) => ({ key, title: sectionTitle, body })),
  );
  const [saved, save] = useMutation(UpdateDraftDocument);
  const errors = fieldErrors(saved.error);
  const shown = ['input.title', ...sections.flatMap((_, i) => ['key', 'title', 'body'].map((f) => `input.sections.${i}.${f}`))];
  const edit = (index: number, field: 'key' | 'title' | 'body', value: string) =>
    setSections((list) => list.map((s, i) => (i === index ? { ...s, [field]: value } : s)));
  const submit = async () => {
    const r = await save({ input: { versionId: version.id, title, sections } }, inOrganization(organizationId));
    if (r.data) onDone(true);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Title order={3}>{t('policies.editTitle', { number: version.number })}</Title>
        {otherErrors(saved.error, shown).map((m) => (
          <Alert key={m} color="red" role="alert">
            {m}
          </Alert>
        ))}
        <TextInput
          label={t('policies.field.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors['input.title']}
        />
        {sections.map((s, i) => (
          <Card withBorder key={i} data-testid="section-editor">
            <Stack gap="xs">
              <Group grow align="flex-start">
                <TextInput
                  label={t('policies.field.sectionTitle', { n: i + 1 })}
                  value={s.title}
                  onChange={(e) => edit(i, 'title', e.currentTarget.value)}
                  error={errors[`input.sections.${i}.title`]}
                />
                <TextInput
                  label={t('policies.field.sectionKey', { n: i + 1 })}
                  description={t('policies.field.sectionKeyHint')}
                  value={s.key}
                  onChange={(e) => edit(i, 'key', e.currentTarget.value)}
                  error={errors[`input.sections.${i}.key`]}
                />
              </Group>
              <Textarea
                label={t('policies.field.sectionBody', { n: i + 1 })}
                autosize
                minRows={3}
                value={s.body}
                onChange={(e) => edit(i, 'body', e.currentTarget.value)}
                error={errors[`input.sections.${i}.body`]}
              />
              <Group justify="flex-end">
                <Button variant="default" c="red.9" size="xs" onClick={() => setSections((list) => list.filter((_, j) => j !== i))}>
                  {t('policies.removeSection', { n: i + 1 })}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setSections((list) => [...list, { key: `section-${list.length + 1}`, title: '', body: '' }])}
          >
            {t('policies.addSection')}
          </Button>
          <Button type="submit" loading={saved.fetching}>
            {t('policies.saveDraft')}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            {t('policies.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Versions({
  organizationId,
  policyId,
  timeZone,
  onChoose,
}: {
  organizationId: string;
  policyId: string;
  timeZone: string | undefined;
  onChoose(id: string): void;
}) {
  const t = useT();
  const pages = useCursorPages();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result] = useQuery({ query: PolicyVersionsDocument, variables: { policyId, first: PAGE, after: pages.after }, context });
  const versions = result.data?.policyVersions.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loader aria-label={t('policies.loading')} />}
      <Table aria-label={t('policies.tab.versions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('policies.column.version')}</Table.Th>
            <Table.Th>{t('policies.column.title')}</Table.Th>
            <Table.Th>{t('policies.column.status')}</Table.Th>
            <Table.Th>{t('policies.column.created')}</Table.Th>
            <Table.Th>{t('policies.column.publishedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id} data-testid="version-row">
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onChoose(v.id)}>
                  {t('policies.versionNumber', { number: v.number })}
                </Anchor>
              </Table.Td>
              <Table.Td>{v.title}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[v.status]} variant="outline">
                  {t(statusKey(v.status))}
                </Badge>
              </Table.Td>
              <Table.Td>
                <OrgDate value={v.createdAt} timeZone={timeZone} />
              </Table.Td>
              <Table.Td>{v.publishedAt ? <OrgDate value={v.publishedAt} timeZone={timeZone} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager pages={pages} pageInfo={result.data?.policyVersions.pageInfo} label={t('policies.tab.versions')} />
    </Stack>
  );
}

/** Two versions side by side as a line diff of their text (the API offers no diff; it is computed here). */
function Compare({ organizationId, policyId, latest }: { organizationId: string; policyId: string; latest: number }) {
  const t = useT();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  // The first 100 versions, the most one page holds: enough for any policy's revisions in practice.
  const [result] = useQuery({ query: PolicyVersionsDocument, variables: { policyId, first: 100, after: null }, context });
  const versions = result.data?.policyVersions.edges.map((e) => e.node) ?? [];
  const options = versions.map((v) => ({
    value: v.id,
    label: `${t('policies.versionNumber', { number: v.number })} — ${t(statusKey(v.status))}`,
  }));
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const fromId = from ?? versions[Math.max(0, versions.length - 2)]?.id ?? null;
  const toId = to ?? versions[versions.length - 1]?.id ?? null;
  if (result.error) return <ErrorAlert error={result.error} />;
  if (!result.data) return <Loader aria-label={t('policies.loading')} />;
  if (latest < 2) return <Text>{t('policies.compare.single')}</Text>;
  return (
    <Stack>
      <Group grow>
        <Select label={t('policies.compare.from')} data={options} value={fromId} onChange={setFrom} allowDeselect={false} />
        <Select label={t('policies.compare.to')} data={options} value={toId} onChange={setTo} allowDeselect={false} />
      </Group>
      {fromId && toId && <DiffView organizationId={organizationId} fromId={fromId} toId={toId} />}
    </Stack>
  );
}

function DiffView({ organizationId, fromId, toId }: { organizationId: string; fromId: string; toId: string }) {
  const t = useT();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [before] = useQuery({ query: PolicyVersionTextDocument, variables: { id: fromId }, context });
  const [after] = useQuery({ query: PolicyVersionTextDocument, variables: { id: toId }, context });
  const lines = useMemo(() => {
    const a = before.data?.policyVersion;
    const b = after.data?.policyVersion;
    return a && b ? diffLines(versionText(a), versionText(b)) : null;
  }, [before.data, after.data]);
  if (before.error || after.error) return <ErrorAlert error={before.error ?? after.error} />;
  if (!lines) return <Loader aria-label={t('policies.loading')} />;
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('policies.compare.summary', { added, removed })}</Text>
      <Box
        component="pre"
        data-testid="policy-diff"
        p="sm"
        style={{ whiteSpace: 'pre-wrap', fontSize: 13, border: '1px solid var(--mantine-color-gray-4)' }}
      >
        {lines.map((line, i) => (
          <Box
            key={i}
            component={line.kind === 'added' ? 'ins' : line.kind === 'removed' ? 'del' : 'span'}
            display="block"
            bg={line.kind === 'added' ? 'green.1' : line.kind === 'removed' ? 'red.1' : undefined}
            style={{ textDecoration: 'none' }}
          >
            {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
            {line.text}
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

function History({ organizationId, policyId, timeZone }: { organizationId: string; policyId: string; timeZone: string | undefined }) {
  const t = useT();
  const pages = useCursorPages();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result] = useQuery({ query: PolicyHistoryDocument, variables: { policyId, first: PAGE, after: pages.after }, context });
  const events = result.data?.policyHistory.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <ErrorAlert error={result.error} />
      <Table aria-label={t('policies.tab.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('policies.column.when')}</Table.Th>
            <Table.Th>{t('policies.column.version')}</Table.Th>
            <Table.Th>{t('policies.column.action')}</Table.Th>
            <Table.Th>{t('policies.column.comment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="history-row">
              <Table.Td>
                <OrgDate value={e.occurredAt} timeZone={timeZone} />
              </Table.Td>
              <Table.Td>{t('policies.versionNumber', { number: e.versionNumber })}</Table.Td>
              <Table.Td>
                {e.fromStatus ? `${t(statusKey(e.fromStatus))} → ` : ''}
                {t(statusKey(e.toStatus))}
              </Table.Td>
              <Table.Td>{e.comment}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager pages={pages} pageInfo={result.data?.policyHistory.pageInfo} label={t('policies.tab.history')} />
    </Stack>
  );
}

function Acknowledgements({
  organizationId,
  policyId,
  timeZone,
}: {
  organizationId: string;
  policyId: string;
  timeZone: string | undefined;
}) {
  const t = useT();
  const pages = useCursorPages();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result] = useQuery({ query: PolicyAcknowledgementsDocument, variables: { policyId, first: PAGE, after: pages.after }, context });
  const summary = result.data?.policyAcknowledgements;
  if (result.error) return <ErrorAlert error={result.error} />;
  if (!summary) return <Loader aria-label={t('policies.loading')} />;
  if (!summary.version) return <Text>{t('policies.acknowledgements.noPublished')}</Text>;
  const pending = summary.pending.edges.map((e) => e.node);
  return (
    <Stack>
      <Text>
        {t('policies.acknowledgements.summary', {
          number: summary.version.number,
          acknowledged: summary.acknowledgedCount,
          members: summary.memberCount,
        })}
      </Text>
      <Progress value={summary.share * 100} aria-label={t('policies.acknowledgements.share')} />
      <Title order={4}>{t('policies.acknowledgements.pending', { count: summary.pendingCount })}</Title>
      {pending.length === 0 ? (
        <Text>{t('policies.acknowledgements.nonePending')}</Text>
      ) : (
        <Table aria-label={t('policies.acknowledgements.pending', { count: summary.pendingCount })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('policies.column.member')}</Table.Th>
              <Table.Th>{t('policies.column.joined')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending.map((m) => (
              <Table.Tr key={m.userId} data-testid="pending-member">
                <Table.Td>{m.displayName}</Table.Td>
                <Table.Td>
                  <OrgDate value={m.joinedAt} timeZone={timeZone} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pages={pages} pageInfo={summary.pending.pageInfo} label={t('policies.acknowledgements.share')} />
    </Stack>
  );
}
