import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Modal, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import { useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type { Locale, PolicyKind } from '../../gql/graphql';
import { toApiLocale } from '../../i18n/api-locale';
import { useLocaleChoice, useT } from '../../i18n/locale';
import { CommentHandlingRules, ContentRules } from './RulesPanels';
import { fieldErrors, otherErrors } from './form-errors';
import { POLICY_KINDS, STATUS_COLOR, kindKey, statusKey } from './labels';
import { Pager, useCursorPages } from './paging';

const PoliciesDocument = graphql(`
  query PoliciesList($first: Int!, $after: String) {
    policies(first: $first, after: $after) {
      edges {
        node {
          id
          kind
          language
          status
          updatedAt
          latestVersion {
            id
            number
            title
          }
          publishedVersion {
            id
            number
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

export const PoliciesToAcknowledgeDocument = graphql(`
  query PoliciesToAcknowledge {
    policiesToAcknowledge {
      id
      policyId
      number
      title
      publishedAt
    }
  }
`);

const CreatePolicyDocument = graphql(`
  mutation PoliciesCreate($input: CreatePolicyInput!) {
    createPolicy(input: $input) {
      id
    }
  }
`);

export const AcknowledgePolicyDocument = graphql(`
  mutation PoliciesAcknowledge($input: PolicyVersionInput!) {
    acknowledgePolicyVersion(input: $input) {
      versionId
      acknowledgedAt
    }
  }
`);

const PAGE = 20;

/** A client's policies: the documents, what the signed-in member still has to acknowledge, and the rules. */
export function PoliciesPage() {
  const t = useT();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const timeZone = workspace.organization(organizationId)?.timezone;
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const pages = useCursorPages();
  const [list, refreshList] = useQuery({ query: PoliciesDocument, variables: { first: PAGE, after: pages.after }, context });
  const [pending, refreshPending] = useQuery({ query: PoliciesToAcknowledgeDocument, context });
  const [acknowledged, acknowledge] = useMutation(AcknowledgePolicyDocument);
  const policies = list.data?.policies.edges.map((e) => e.node) ?? [];
  const toAcknowledge = pending.data?.policiesToAcknowledge ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('policies.title')}</Title>
        <CreatePolicy organizationId={organizationId} />
      </Group>
      <Tabs defaultValue="documents" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="documents">{t('policies.tab.documents')}</Tabs.Tab>
          <Tabs.Tab value="acknowledge" rightSection={toAcknowledge.length ? <Badge size="xs">{toAcknowledge.length}</Badge> : undefined}>
            {t('policies.tab.acknowledge')}
          </Tabs.Tab>
          <Tabs.Tab value="comments">{t('policies.tab.commentRules')}</Tabs.Tab>
          <Tabs.Tab value="content">{t('policies.tab.contentRules')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="documents" pt="md">
          <Stack>
            {list.error && <ErrorAlert error={list.error} />}
            {list.fetching && !list.data && <Loader aria-label={t('policies.loading')} />}
            {list.data && policies.length === 0 && <Text>{t('policies.empty')}</Text>}
            {policies.length > 0 && (
              <Table highlightOnHover aria-label={t('policies.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('policies.column.kind')}</Table.Th>
                    <Table.Th>{t('policies.column.title')}</Table.Th>
                    <Table.Th>{t('policies.column.status')}</Table.Th>
                    <Table.Th>{t('policies.column.published')}</Table.Th>
                    <Table.Th>{t('policies.column.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {policies.map((p) => (
                    <Table.Tr key={p.id} data-testid="policy-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/organizations/${organizationId}/policies/${p.id}`}>
                          {t(kindKey(p.kind))}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.latestVersion?.title}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[p.status]} variant="outline">
                          {t(statusKey(p.status))}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {p.publishedVersion
                          ? t('policies.versionNumber', { number: p.publishedVersion.number })
                          : t('policies.notPublished')}
                      </Table.Td>
                      <Table.Td>
                        <OrgDate value={p.updatedAt} timeZone={timeZone} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Pager pages={pages} pageInfo={list.data?.policies.pageInfo} label={t('policies.title')} />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="acknowledge" pt="md">
          <Stack>
            <Text c="gray.7">{t('policies.acknowledge.intro')}</Text>
            <ErrorAlert error={pending.error ?? acknowledged.error} />
            {pending.data && toAcknowledge.length === 0 && <Text>{t('policies.acknowledge.none')}</Text>}
            {toAcknowledge.length > 0 && (
              <Table aria-label={t('policies.tab.acknowledge')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('policies.column.title')}</Table.Th>
                    <Table.Th>{t('policies.column.version')}</Table.Th>
                    <Table.Th>{t('policies.column.publishedOn')}</Table.Th>
                    <Table.Th>{t('policies.column.action')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {toAcknowledge.map((v) => (
                    <Table.Tr key={v.id} data-testid="acknowledge-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/organizations/${organizationId}/policies/${v.policyId}?version=${v.id}`}>
                          {v.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t('policies.versionNumber', { number: v.number })}</Table.Td>
                      <Table.Td>{v.publishedAt && <OrgDate value={v.publishedAt} timeZone={timeZone} />}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          loading={acknowledged.fetching}
                          aria-label={t('policies.acknowledge.buttonFor', { title: v.title })}
                          onClick={async () => {
                            const r = await acknowledge({ input: { versionId: v.id } }, context);
                            if (r.data) {
                              refreshPending();
                              refreshList();
                            }
                          }}
                        >
                          {t('policies.acknowledge.button')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="comments" pt="md">
          <CommentHandlingRules organizationId={organizationId} timeZone={timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="content" pt="md">
          <ContentRules organizationId={organizationId} timeZone={timeZone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** A new policy of a kind the organisation has none of yet, from the starter template or empty. */
function CreatePolicy({ organizationId }: { organizationId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { locale } = useLocaleChoice();
  const [opened, setOpened] = useState(false);
  const [kind, setKind] = useState<PolicyKind>('EDITORIAL_POLICY');
  const [language, setLanguage] = useState<Locale>(toApiLocale(locale));
  const [fromTemplate, setFromTemplate] = useState(true);
  const [result, create] = useMutation(CreatePolicyDocument);
  const errors = fieldErrors(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await create({ input: { kind, language, fromTemplate } }, inOrganization(organizationId));
    if (data) navigate(`/organizations/${organizationId}/policies/${data.createPolicy.id}`);
  };
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('policies.create')}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('policies.create')}>
        <form onSubmit={submit}>
          <Stack>
            {otherErrors(result.error, ['input.kind', 'input.language']).map((message) => (
              <Alert key={message} color="red" role="alert">
                {message}
              </Alert>
            ))}
            <Select
              label={t('policies.column.kind')}
              allowDeselect={false}
              value={kind}
              onChange={(v) => v && setKind(v as PolicyKind)}
              data={POLICY_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
              error={errors['input.kind']}
              data-autofocus
            />
            <Select
              label={t('policies.language')}
              allowDeselect={false}
              value={language}
              onChange={(v) => v && setLanguage(v as Locale)}
              error={errors['input.language']}
              data={[
                { value: 'FR', label: 'Français' },
                { value: 'EN', label: 'English' },
              ]}
            />
            <Checkbox
              label={t('policies.fromTemplate')}
              checked={fromTemplate}
              onChange={(e) => setFromTemplate(e.currentTarget.checked)}
            />
            <Button type="submit" loading={result.fetching}>
              {t('policies.createSubmit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
