import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Input,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { OrgDate } from '../../components/format';
import { SecretOnceDialog } from '../../components/SecretOnceDialog';
import { useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type { ApiKeyScope } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { fieldProblems, PAGE_SIZE, Pager, ProblemsAlert, useCursorPages } from './common';

const ApiKeysDocument = graphql(`
  query ApiKeys($first: Int, $after: String) {
    apiKeys(first: $first, after: $after) {
      edges {
        node {
          id
          name
          displayPrefix
          scopes
          organizationId
          createdAt
          expiresAt
          revokedAt
          lastUsedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        displayPrefix
      }
    }
  }
`);

const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      id
      revokedAt
    }
  }
`);

type Access = 'read' | 'write';
const ACCESSES: Access[] = ['read', 'write'];
/** READ and WRITE: every module at once. */
const EVERY_MODULE: Record<Access, ApiKeyScope> = { read: 'READ', write: 'WRITE' };
/** The modules a key can be limited to. Network accounts and webhooks have no write scope: only people change them. */
const MODULES: { name: MessageKey; read: ApiKeyScope; write?: ApiKeyScope }[] = [
  { name: 'agency.keys.module.organizations', read: 'ORGANIZATIONS_READ', write: 'ORGANIZATIONS_WRITE' },
  { name: 'agency.keys.module.networkAccounts', read: 'NETWORK_ACCOUNTS_READ' },
  { name: 'agency.keys.module.strategy', read: 'STRATEGY_READ', write: 'STRATEGY_WRITE' },
  { name: 'agency.keys.module.policies', read: 'POLICIES_READ', write: 'POLICIES_WRITE' },
  { name: 'agency.keys.module.content', read: 'CONTENT_READ', write: 'CONTENT_WRITE' },
  { name: 'agency.keys.module.community', read: 'COMMUNITY_READ', write: 'COMMUNITY_WRITE' },
  { name: 'agency.keys.module.evaluation', read: 'EVALUATION_READ', write: 'EVALUATION_WRITE' },
  { name: 'agency.keys.module.webhooks', read: 'WEBHOOKS_READ' },
];
const WHOLE_AGENCY = 'agency';

/** A scope in words: "Read", "Write", or "Content: read". */
function useScopeLabel(): (scope: ApiKeyScope) => string {
  const t = useT();
  return (scope) => {
    if (scope === 'READ') return t('agency.keys.scope.read');
    if (scope === 'WRITE') return t('agency.keys.scope.write');
    const module = MODULES.find((m) => m.read === scope || m.write === scope);
    if (!module) return scope;
    return t(module.read === scope ? 'agency.keys.scope.moduleRead' : 'agency.keys.scope.moduleWrite', { module: t(module.name) });
  };
}

/**
 * The scopes of a new key: reading and writing everywhere, or module by module (a grid). A module's box is ticked and
 * locked while the whole access is chosen, and left out of what is sent then.
 */
function ScopePicker({ value, onChange, error }: { value: ApiKeyScope[]; onChange(next: ApiKeyScope[]): void; error?: string }) {
  const t = useT();
  const label = useScopeLabel();
  const toggle = (scope: ApiKeyScope, on: boolean) => onChange(on ? [...value, scope] : value.filter((s) => s !== scope));
  return (
    <Input.Wrapper label={t('agency.keys.scopes')} description={t('agency.keys.scopesHelp')} error={error}>
      <Stack gap="xs" mt="xs">
        <Group>
          {ACCESSES.map((access) => (
            <Checkbox
              key={access}
              label={label(EVERY_MODULE[access])}
              checked={value.includes(EVERY_MODULE[access])}
              onChange={(e) => toggle(EVERY_MODULE[access], e.currentTarget.checked)}
            />
          ))}
        </Group>
        <Table aria-label={t('agency.keys.byModule')} withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agency.keys.byModule')}</Table.Th>
              <Table.Th>{t('agency.keys.scope.read')}</Table.Th>
              <Table.Th>{t('agency.keys.scope.write')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MODULES.map((module) => (
              <Table.Tr key={module.read}>
                <Table.Td>{t(module.name)}</Table.Td>
                {ACCESSES.map((access) => {
                  const scope = module[access];
                  if (!scope) return <Table.Td key={access}>{t('agency.keys.peopleOnly')}</Table.Td>;
                  const everywhere = value.includes(EVERY_MODULE[access]);
                  return (
                    <Table.Td key={access}>
                      <Checkbox
                        aria-label={label(scope)}
                        checked={everywhere || value.includes(scope)}
                        disabled={everywhere}
                        onChange={(e) => toggle(scope, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Input.Wrapper>
  );
}

/** What is sent: a module's scope is left out when the same access is given for every module. */
function scopesToSend(chosen: ApiKeyScope[]): ApiKeyScope[] {
  const covered = new Set(
    ACCESSES.filter((access) => chosen.includes(EVERY_MODULE[access])).flatMap((access) => MODULES.map((m) => m[access])),
  );
  return chosen.filter((scope) => !covered.has(scope));
}

/** The agency's API keys: created with their scopes, the secret shown once, listed, revoked. */
export function ApiKeysPage() {
  const t = useT();
  const scopeLabel = useScopeLabel();
  const workspace = useWorkspace();
  const pages = useCursorPages();
  const [keys, refetch] = useQuery({ query: ApiKeysDocument, variables: { first: PAGE_SIZE, after: pages.after } });
  const [created, create] = useMutation(CreateApiKeyDocument);
  const [revoked, revoke] = useMutation(RevokeApiKeyDocument);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['READ']);
  const [scope, setScope] = useState<string>(WHOLE_AGENCY);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const problems = fieldProblems(created.error, ['input.name', 'input.scopes', 'input.organizationId']);
  const revokeProblems = fieldProblems(revoked.error);
  const rows = keys.data?.apiKeys.edges.map((e) => e.node) ?? [];
  const organizationName = (id: string | null) => (id ? (workspace.organization(id)?.name ?? id) : t('agency.keys.wholeAgency'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await create({
      input: { name, scopes: scopesToSend(scopes), organizationId: scope === WHOLE_AGENCY ? undefined : scope },
    });
    if (!data) return;
    setOpened(false);
    setName('');
    // The secret lives in this state only until the modal is closed: the API never shows it again.
    setSecret({ name: data.createApiKey.apiKey.name, value: data.createApiKey.secret });
    refetch();
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('agency.keys.title')}</Title>
          <Text c="gray.7">{t('agency.keys.subtitle')}</Text>
        </div>
        <Button onClick={() => setOpened(true)}>{t('agency.keys.create')}</Button>
      </Group>
      {keys.error && <ProblemsAlert problems={fieldProblems(keys.error).rest} />}
      {keys.fetching && rows.length === 0 && <Loader aria-label={t('agency.loading')} />}
      {keys.data && rows.length === 0 && <Text>{t('agency.keys.empty')}</Text>}
      {rows.length > 0 && (
        <Table aria-label={t('agency.keys.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agency.keys.name')}</Table.Th>
              <Table.Th>{t('agency.keys.prefix')}</Table.Th>
              <Table.Th>{t('agency.keys.scopes')}</Table.Th>
              <Table.Th>{t('agency.keys.actsIn')}</Table.Th>
              <Table.Th>{t('agency.keys.created')}</Table.Th>
              <Table.Th>{t('agency.keys.lastUsed')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('agency.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((key) => (
              <Table.Tr key={key.id} data-testid="api-key-row">
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>
                  <Code>{key.displayPrefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.scopes.map((s) => (
                      <Badge key={s} variant="light" color="blue.9">
                        {scopeLabel(s)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{organizationName(key.organizationId ?? null)}</Table.Td>
                <Table.Td>
                  <OrgDate value={key.createdAt} timeZone={undefined} />
                </Table.Td>
                <Table.Td>{key.lastUsedAt ? <OrgDate value={key.lastUsedAt} timeZone={undefined} /> : t('agency.keys.never')}</Table.Td>
                <Table.Td>
                  {key.revokedAt ? (
                    <Badge color="gray.8">{t('agency.keys.revoked')}</Badge>
                  ) : (
                    <Button
                      c="red.9"
                      size="xs"
                      color="red.9"
                      variant="subtle"
                      aria-label={t('agency.keys.revokeOf', { name: key.name })}
                      onClick={() => setRevoking({ id: key.id, name: key.name })}
                    >
                      {t('agency.keys.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager
        page={pages.page}
        hasNextPage={keys.data?.apiKeys.pageInfo.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(keys.data?.apiKeys.pageInfo.endCursor)}
      />

      <Modal
        closeButtonProps={{ 'aria-label': t('agency.close') }}
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('agency.keys.create')}
        size="lg"
      >
        <form onSubmit={submit}>
          <Stack>
            <ProblemsAlert problems={problems.rest} />
            <TextInput
              label={t('agency.keys.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={problems.at('input.name')}
              data-autofocus
            />
            <ScopePicker value={scopes} onChange={setScopes} error={problems.at('input.scopes')} />
            <Select
              label={t('agency.keys.actsIn')}
              allowDeselect={false}
              value={scope}
              onChange={(v) => v && setScope(v)}
              error={problems.at('input.organizationId')}
              data={[
                { value: WHOLE_AGENCY, label: t('agency.keys.wholeAgency') },
                ...workspace.organizations.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <Button type="submit" loading={created.fetching}>
              {t('agency.keys.submit')}
            </Button>
          </Stack>
        </form>
      </Modal>

      <SecretOnceDialog
        secret={secret?.value ?? null}
        words={{
          title: t('agency.keys.secretTitle', { name: secret?.name ?? '' }),
          once: t('agency.keys.secretOnce'),
          copy: t('agency.keys.copySecret'),
          done: t('agency.keys.secretDone'),
        }}
        testId="api-key-secret"
        onClose={() => setSecret(null)}
      />

      <Modal
        closeButtonProps={{ 'aria-label': t('agency.close') }}
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('agency.keys.revokeTitle')}
      >
        <Stack>
          <Text>{t('agency.keys.revokeConfirm', { name: revoking?.name ?? '' })}</Text>
          <ProblemsAlert problems={revokeProblems.rest} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('agency.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={revoked.fetching}
              onClick={async () => {
                if (!revoking) return;
                const { data } = await revoke({ input: { id: revoking.id } });
                if (!data) return;
                setRevoking(null);
                refetch();
              }}
            >
              {t('agency.keys.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
