import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { NetworkAccountStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { OrgDateTime } from '../../components/format';
import { fieldError, isAboutFields, Pager, useClientOrganization, useCursorPages } from '../community/shared';

const NetworkAccountsDocument = graphql(`
  query NetworkAccounts($first: Int!, $after: String) {
    networkAccounts(first: $first, after: $after) {
      edges {
        node {
          id
          network
          handle
          displayName
          serviceUrl
          status
          lastError
          lastCheckedAt
          rateLimitedUntil
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    networks {
      id
      displayName
      authKind
      defaultServiceUrl
    }
  }
`);

const ConnectNetworkAccountDocument = graphql(`
  mutation ConnectNetworkAccount($input: ConnectNetworkAccountInput!) {
    connectNetworkAccount(input: $input) {
      id
      status
    }
  }
`);

const StartNetworkOAuthDocument = graphql(`
  mutation StartNetworkOAuth($input: StartNetworkOAuthInput!) {
    startNetworkOAuth(input: $input) {
      authorizationUrl
    }
  }
`);

const NetworkAccountChoiceDocument = graphql(`
  query NetworkAccountChoice($id: ID!) {
    networkAccountChoice(id: $id) {
      id
      network
      expiresAt
      targets {
        id
        kind
        name
        handle
        url
      }
    }
  }
`);

const ChooseNetworkAccountTargetDocument = graphql(`
  mutation ChooseNetworkAccountTarget($input: ChooseNetworkAccountTargetInput!) {
    chooseNetworkAccountTarget(input: $input) {
      id
      handle
      status
    }
  }
`);

const CheckNetworkAccountDocument = graphql(`
  mutation CheckNetworkAccount($input: CheckNetworkAccountInput!) {
    checkNetworkAccount(input: $input) {
      id
      status
      lastError
      lastCheckedAt
    }
  }
`);

const DisconnectNetworkAccountDocument = graphql(`
  mutation DisconnectNetworkAccount($input: DisconnectNetworkAccountInput!) {
    disconnectNetworkAccount(input: $input) {
      id
    }
  }
`);

/** Dark enough for text on white (4.5:1): Mantine's orange and yellow shades are not. */
const STATUS_COLOR: Record<NetworkAccountStatus, string> = {
  OK: 'teal.9',
  RATE_LIMITED: '#7a5300',
  NEEDS_REAUTH: '#a63c06',
  ERROR: 'red.9',
};
const PAGE = 20;

interface Network {
  id: string;
  displayName: string;
  authKind: string;
  defaultServiceUrl?: string | null;
}

/** The client's connected network accounts: health, a check now, reconnect, disconnect, and connecting a new one. */
export function AccountsPage() {
  const t = useT();
  const { context, timeZone, name } = useClientOrganization();
  const pages = useCursorPages();
  const [result, refresh] = useQuery({ query: NetworkAccountsDocument, variables: { first: PAGE, after: pages.after }, context });
  const [checked, check] = useMutation(CheckNetworkAccountDocument);
  const [disconnected, disconnect] = useMutation(DisconnectNetworkAccountDocument);
  const [connecting, setConnecting] = useState<{ network?: string; serviceUrl?: string; identifier?: string } | null>(null);
  // A sign-in that may publish as several pages comes back here from the OAuth callback with its choice.
  const [params, setParams] = useSearchParams();
  const choiceId = params.get('choice');
  const closeChoice = () =>
    setParams(
      (p) => {
        p.delete('choice');
        return p;
      },
      { replace: true },
    );
  const accounts = result.data?.networkAccounts.edges.map((e) => e.node) ?? [];
  const networks = result.data?.networks ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('accounts.title', { name })}</Title>
        <Button onClick={() => setConnecting({})}>{t('accounts.connect')}</Button>
      </Group>
      <ErrorAlert error={result.error ?? checked.error ?? disconnected.error} />
      {result.data && accounts.length === 0 && <Alert>{t('accounts.empty')}</Alert>}
      {accounts.length > 0 && (
        <Table aria-label={t('accounts.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.network')}</Table.Th>
              <Table.Th>{t('accounts.handle')}</Table.Th>
              <Table.Th>{t('accounts.health')}</Table.Th>
              <Table.Th>{t('accounts.lastChecked')}</Table.Th>
              <Table.Th>{t('community.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={a.id} data-testid="network-account">
                <Table.Td>{networks.find((n) => n.id === a.network)?.displayName ?? a.network}</Table.Td>
                <Table.Td>
                  <Text size="sm">{a.displayName ?? a.handle}</Text>
                  <Text size="xs" c="gray.7">
                    @{a.handle} · {a.serviceUrl}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={STATUS_COLOR[a.status]}>
                    {t(`accounts.status.${a.status}`)}
                  </Badge>
                  {a.lastError && (
                    <Text size="xs" c="red.9">
                      {a.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <OrgDateTime value={a.lastCheckedAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {a.status === 'NEEDS_REAUTH' && (
                      <Button
                        size="xs"
                        aria-label={t('accounts.reconnectNamed', { handle: a.handle })}
                        onClick={() => setConnecting({ network: a.network, serviceUrl: a.serviceUrl, identifier: a.handle })}
                      >
                        {t('accounts.reconnect')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('accounts.checkNamed', { handle: a.handle })}
                      loading={checked.fetching && checked.operation?.variables.input.id === a.id}
                      onClick={async () => {
                        await check({ input: { id: a.id } }, context);
                        refresh();
                      }}
                    >
                      {t('accounts.check')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t('accounts.disconnectNamed', { handle: a.handle })}
                      onClick={async () => {
                        if (!window.confirm(t('accounts.confirmDisconnect', { handle: a.handle }))) return;
                        const res = await disconnect({ input: { id: a.id } }, context);
                        if (!res.error) refresh();
                      }}
                    >
                      {t('accounts.disconnect')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager pages={pages} pageInfo={result.data?.networkAccounts.pageInfo} />
      {choiceId && (
        <ChoiceForm
          id={choiceId}
          networks={networks}
          onClose={closeChoice}
          onConnected={() => {
            closeChoice();
            refresh();
          }}
        />
      )}
      {connecting && (
        <ConnectForm
          networks={networks}
          initial={connecting}
          onClose={() => setConnecting(null)}
          onConnected={() => {
            setConnecting(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** The network's own address when it has one (its manifest says), else what the person types. */
const defaultServiceOf = (networks: Network[], id: string | null | undefined) => networks.find((n) => n.id === id)?.defaultServiceUrl ?? '';

function ConnectForm({
  networks,
  initial,
  onClose,
  onConnected,
}: {
  networks: Network[];
  initial: { network?: string; serviceUrl?: string; identifier?: string };
  onClose(): void;
  onConnected(): void;
}) {
  const t = useT();
  const { context } = useClientOrganization();
  const [network, setNetwork] = useState<string | null>(initial.network ?? networks[0]?.id ?? null);
  const [serviceUrl, setServiceUrl] = useState(initial.serviceUrl ?? defaultServiceOf(networks, initial.network ?? networks[0]?.id));
  const [identifier, setIdentifier] = useState(initial.identifier ?? '');
  const [secret, setSecret] = useState('');
  const [connected, connect] = useMutation(ConnectNetworkAccountDocument);
  const [started, start] = useMutation(StartNetworkOAuthDocument);
  const kind = networks.find((n) => n.id === network)?.authKind;
  const error = kind === 'oauth2' ? started.error : connected.error;
  const fields = ['input.network', 'input.serviceUrl', 'input.identifier', 'input.appPassword', 'input.accessToken', 'input.feedUrl'];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!network) return;
    if (kind === 'oauth2') {
      const res = await start({ input: { network, serviceUrl } }, context);
      // The network's consent page; it sends the person back to the API's callback, which completes the connection.
      if (res.data) window.location.assign(res.data.startNetworkOAuth.authorizationUrl);
      return;
    }
    const input =
      kind === 'app-password'
        ? { network, serviceUrl, identifier, appPassword: secret }
        : kind === 'access-token'
          ? { network, serviceUrl, accessToken: secret }
          : { network, serviceUrl, feedUrl: serviceUrl };
    const res = await connect({ input }, context);
    if (!res.error) onConnected();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('community.close') }}
      title={initial.network ? t('accounts.reconnect') : t('accounts.connect')}
    >
      <form onSubmit={submit}>
        <Stack>
          {!isAboutFields(error, fields) && <ErrorAlert error={error} />}
          <Select
            label={t('accounts.network')}
            allowDeselect={false}
            value={network}
            onChange={(v) => {
              setNetwork(v);
              // The previous network's own address gives way to the new one's; an address the person typed stays.
              const previous = defaultServiceOf(networks, network);
              if (v && (!serviceUrl || serviceUrl === previous)) setServiceUrl(defaultServiceOf(networks, v));
            }}
            data={networks.map((n) => ({ value: n.id, label: n.displayName }))}
            error={fieldError(error, 'input.network')}
            disabled={Boolean(initial.network)}
          />
          <TextInput
            label={kind === 'none' ? t('accounts.feedUrl') : t('accounts.serviceUrl')}
            description={kind === 'none' ? undefined : t('accounts.serviceUrlHelp')}
            required
            type="url"
            value={serviceUrl}
            onChange={(e) => setServiceUrl(e.currentTarget.value)}
            error={fieldError(error, 'input.serviceUrl') ?? fieldError(error, 'input.feedUrl')}
          />
          {kind === 'app-password' && (
            <>
              <TextInput
                label={t('accounts.identifier')}
                required
                value={identifier}
                onChange={(e) => setIdentifier(e.currentTarget.value)}
                error={fieldError(error, 'input.identifier')}
              />
              <PasswordInput
                label={t('accounts.appPassword')}
                description={t('accounts.appPasswordHelp')}
                required
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                error={fieldError(error, 'input.appPassword')}
              />
            </>
          )}
          {kind === 'access-token' && (
            <PasswordInput
              label={t('accounts.accessToken')}
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={fieldError(error, 'input.accessToken')}
            />
          )}
          {kind === 'oauth2' && <Text size="sm">{t('accounts.oauthHelp')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('community.cancel')}
            </Button>
            <Button type="submit" loading={connected.fetching || started.fetching}>
              {kind === 'oauth2' ? t('accounts.continueOAuth') : t('accounts.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Picks the page, organisation or channel a sign-in connects, among those the network listed. */
function ChoiceForm({ id, networks, onClose, onConnected }: { id: string; networks: Network[]; onClose(): void; onConnected(): void }) {
  const t = useT();
  const { context } = useClientOrganization();
  const [result] = useQuery({ query: NetworkAccountChoiceDocument, variables: { id }, context });
  const [chosen, choose] = useMutation(ChooseNetworkAccountTargetDocument);
  const [targetId, setTargetId] = useState<string | null>(null);
  const choice = result.data?.networkAccountChoice;
  const network = networks.find((n) => n.id === choice?.network)?.displayName ?? choice?.network ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!targetId) return;
    const res = await choose({ input: { choiceId: id, targetId } }, context);
    if (!res.error) onConnected();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('community.close') }}
      title={t('accounts.choose.title', { network })}
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={result.error ?? chosen.error} />
          {choice && (
            <Radio.Group
              label={t('accounts.choose.label')}
              description={t('accounts.choose.help')}
              value={targetId}
              onChange={setTargetId}
              error={fieldError(chosen.error, 'input.targetId')}
              required
            >
              <Stack gap="xs" mt="xs">
                {choice.targets.map((target) => (
                  <Radio
                    key={target.id}
                    value={target.id}
                    label={
                      <>
                        {target.name}
                        {target.handle && (
                          <Text span size="xs" c="gray.7">
                            {' '}
                            · {target.handle}
                          </Text>
                        )}
                      </>
                    }
                    description={
                      target.url ? (
                        <Anchor href={target.url} target="_blank" rel="noreferrer" size="xs">
                          {target.url}
                        </Anchor>
                      ) : undefined
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('community.cancel')}
            </Button>
            <Button type="submit" disabled={!choice || !targetId} loading={chosen.fetching}>
              {t('accounts.choose.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
