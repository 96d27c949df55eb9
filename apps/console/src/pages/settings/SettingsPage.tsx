import { Alert, Button, Card, Group, Loader, Modal, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { inOrganization } from '../../client';
import { apiProblems } from '../../components/api-problems';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import { useAgencyManager, useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type { Locale as ApiLocale, OrganizationSize } from '../../gql/graphql';
import { useT } from '../../i18n/locale';

const SettingsDocument = graphql(`
  query OrganizationSettings {
    organization {
      id
      name
      timezone
      locale
      sector
      size
      status
      deletionRequestedAt
      myRoles
    }
  }
`);

const UpdateOrganizationDocument = graphql(`
  mutation UpdateOrganizationSettings($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      id
      name
      timezone
      locale
      sector
      size
    }
  }
`);

const DeleteOrganizationDocument = graphql(`
  mutation DeleteOrganization($input: DeleteOrganizationInput!) {
    deleteOrganization(input: $input) {
      id
      status
      deletionRequestedAt
    }
  }
`);

/** The agency's organisations waiting for their purge: the one deleted here leaves this list when its data is gone. */
const PendingDeletionsDocument = graphql(`
  query PendingDeletions {
    organizations(first: 100, filter: { status: DELETION_PENDING }) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

const TIME_ZONES = Intl.supportedValuesOf('timeZone');
const SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE'] as const satisfies readonly OrganizationSize[];
const POLL_MS = 1500;

/** A client organisation's settings: its profile (name, time zone, language, sector, size) and its deletion, followed until purged. */
export function SettingsPage() {
  const t = useT();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result] = useQuery({ query: SettingsDocument, context });
  const organization = result.data?.organization;
  const agencyManager = useAgencyManager();
  const canEdit = agencyManager || (organization?.myRoles ?? []).includes('STRATEGY_LEAD');
  const [deleted, setDeleted] = useState<{ name: string; at: string } | null>(null);
  const name = organization?.name ?? workspace.organization(organizationId)?.name ?? '';
  const pendingSince = deleted?.at ?? (organization?.status === 'DELETION_PENDING' ? organization.deletionRequestedAt : null);

  return (
    <Stack maw={720}>
      <Title order={2}>{t('settings.title', { name })}</Title>
      <ErrorAlert error={result.error} />
      {result.fetching && !organization && <Loader aria-label={t('settings.title', { name })} />}
      {pendingSince ? (
        <Purge organizationId={organizationId} name={deleted?.name ?? name} since={pendingSince} timeZone={organization?.timezone} />
      ) : (
        organization && (
          <>
            <ProfileForm key={organization.id} organization={organization} canEdit={canEdit} context={context} />
            <Card withBorder>
              <Stack>
                <Title order={3}>{t('settings.danger')}</Title>
                <Text>{t('settings.dangerHint')}</Text>
                {agencyManager ? (
                  <DeleteClient
                    organizationId={organization.id}
                    name={organization.name}
                    onDeleted={(at) => setDeleted({ name: organization.name, at })}
                  />
                ) : (
                  <Text c="dimmed">{t('settings.agencyOnly')}</Text>
                )}
              </Stack>
            </Card>
          </>
        )
      )}
    </Stack>
  );
}

type Profile = {
  id: string;
  name: string;
  timezone: string;
  locale: ApiLocale;
  sector?: string | null;
  size?: OrganizationSize | null;
};

function ProfileForm({
  organization,
  canEdit,
  context,
}: {
  organization: Profile;
  canEdit: boolean;
  context: ReturnType<typeof inOrganization>;
}) {
  const t = useT();
  const workspace = useWorkspace();
  const [name, setName] = useState(organization.name);
  const [timezone, setTimezone] = useState(organization.timezone);
  const [locale, setLocale] = useState<ApiLocale>(organization.locale);
  const [sector, setSector] = useState(organization.sector ?? '');
  const [size, setSize] = useState<string>(organization.size ?? '');
  const [saved, setSaved] = useState(false);
  const [result, update] = useMutation(UpdateOrganizationDocument);
  const problems = apiProblems(result.error);
  const errorOf = (field: string) =>
    problems
      .filter((p) => p.field === `input.${field}`)
      .map((p) => p.message)
      .join(' ') || undefined;
  const unplaced = problems.filter((p) => !['name', 'timezone', 'locale', 'sector', 'size'].some((f) => p.field === `input.${f}`));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { data } = await update(
      {
        input: {
          name,
          timezone,
          locale,
          sector: sector.trim() === '' ? null : sector,
          size: size === '' ? null : (size as OrganizationSize),
        },
      },
      context,
    );
    if (data) {
      setSaved(true);
      workspace.refresh();
    }
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3}>{t('settings.profile')}</Title>
          <Text c="dimmed">{canEdit ? t('settings.profileHint') : t('settings.readOnly')}</Text>
          {unplaced.length > 0 && (
            <Alert color="red" role="alert">
              {unplaced.map((p) => p.message).join(' ')}
            </Alert>
          )}
          {!result.error?.graphQLErrors.length && result.error && <ErrorAlert error={result.error} />}
          <TextInput
            label={t('settings.name')}
            required
            readOnly={!canEdit}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorOf('name')}
          />
          <Select
            label={t('settings.timezone')}
            data={TIME_ZONES}
            searchable
            allowDeselect={false}
            readOnly={!canEdit}
            value={timezone}
            onChange={(v) => v && setTimezone(v)}
            error={errorOf('timezone')}
          />
          <Select
            label={t('settings.language')}
            allowDeselect={false}
            readOnly={!canEdit}
            value={locale}
            onChange={(v) => v && setLocale(v === 'EN' ? 'EN' : 'FR')}
            data={[
              { value: 'FR', label: 'Français' },
              { value: 'EN', label: 'English' },
            ]}
            error={errorOf('locale')}
          />
          <TextInput
            label={t('settings.sector')}
            readOnly={!canEdit}
            value={sector}
            onChange={(e) => setSector(e.currentTarget.value)}
            error={errorOf('sector')}
          />
          <Select
            label={t('settings.size')}
            allowDeselect={false}
            readOnly={!canEdit}
            value={size}
            onChange={(v) => setSize(v ?? '')}
            data={[{ value: '', label: t('settings.size.none') }, ...SIZES.map((s) => ({ value: s, label: t(`settings.size.${s}`) }))]}
            error={errorOf('size')}
          />
          {canEdit && (
            <Group>
              <Button type="submit" loading={result.fetching}>
                {t('settings.save')}
              </Button>
              {saved && (
                <Text role="status" c="teal.9">
                  {t('settings.saved')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function DeleteClient({ organizationId, name, onDeleted }: { organizationId: string; name: string; onDeleted(at: string): void }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [result, remove] = useMutation(DeleteOrganizationDocument);
  const problems = apiProblems(result.error);
  const confirmError = problems.find((p) => p.field === 'input.confirmName')?.message;
  const other = problems.filter((p) => p.field !== 'input.confirmName');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // At agency level: deleting a client is the agency's act, not one made inside the client.
    const { data } = await remove({ input: { id: organizationId, confirmName } });
    if (!data) return;
    setOpened(false);
    onDeleted(data.deleteOrganization.deletionRequestedAt ?? new Date().toISOString());
  };
  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={() => setOpened(true)}>
          {t('settings.delete')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('settings.deleteTitle', { name })}>
        <form onSubmit={submit}>
          <Stack>
            <Text>{t('settings.dangerHint')}</Text>
            {other.length > 0 && (
              <Alert color="red" role="alert">
                {other.map((p) => p.message).join(' ')}
              </Alert>
            )}
            <TextInput
              label={t('settings.deleteConfirm', { name })}
              required
              autoComplete="off"
              value={confirmName}
              onChange={(e) => setConfirmName(e.currentTarget.value)}
              error={confirmError}
              data-autofocus
            />
            <Group>
              <Button type="submit" color="red" loading={result.fetching}>
                {t('settings.deleteSubmit')}
              </Button>
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('settings.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Follows the purge: the organisation stays among the agency's pending deletions until its data is gone. */
function Purge({ organizationId, name, since, timeZone }: { organizationId: string; name: string; since: string; timeZone?: string }) {
  const t = useT();
  const workspace = useWorkspace();
  const [result, poll] = useQuery({ query: PendingDeletionsDocument, requestPolicy: 'network-only' });
  const pending = result.data?.organizations.edges.some((e) => e.node.id === organizationId);
  const done = result.data !== undefined && !pending && !result.fetching;
  useEffect(() => {
    if (done) {
      workspace.refresh();
      return undefined;
    }
    const timer = setTimeout(() => poll({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [done, poll, result.data, workspace]);
  if (done) {
    return (
      <Alert color="teal" role="status" title={t('settings.purged', { name })}>
        <Button component={Link} to="/portfolio" variant="light" mt="sm">
          {t('settings.backToPortfolio')}
        </Button>
      </Alert>
    );
  }
  return (
    <Card withBorder role="status" aria-busy="true">
      <Stack>
        <Text>
          {t('settings.purgingSince')} <OrgDate value={since} timeZone={timeZone} />
        </Text>
        <Text>{t('settings.purging')}</Text>
        <Progress value={100} animated striped aria-label={t('settings.purging')} />
      </Stack>
    </Card>
  );
}
