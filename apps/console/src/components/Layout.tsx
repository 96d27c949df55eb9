import { Alert, AppShell, Box, Button, Center, Group, Loader, SegmentedControl, Select, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { fromApiLocale } from '../i18n/api-locale';
import { useLocaleChoice, useT } from '../i18n/locale';
import type { Locale } from '../i18n/messages';
import { endSession } from '../session';
import { useSaveLocale } from '../pages/agency/useSaveLocale';
import { AgencyOrganizationsDocument, WorkspaceDocument, type Workspace, type WorkspaceOrganization } from './workspace';

const LogOutDocument = graphql(`
  mutation LogOut {
    logOut
  }
`);

const AGENCY = 'agency';
/** Heights of the top bar (organisation, language, log out) and of the navigation row under it. */
const TOP_BAR = 64;
const NAV_ROW = 48;

/**
 * The signed-in frame: a top bar (organisation switcher, language, log out), a navigation row under it (the agency's
 * pages, or the current client's), and the page below.
 */
export function Layout() {
  const t = useT();
  const navigate = useNavigate();
  const { locale, choose, adopt } = useLocaleChoice();
  const saveLocale = useSaveLocale();
  const [workspace] = useQuery({ query: WorkspaceDocument });
  const me = workspace.data?.me;
  const agency = me?.agencies[0]?.agency ?? null;
  const [clients, refreshClients] = useQuery({ query: AgencyOrganizationsDocument, pause: !agency });
  const [, logOut] = useMutation(LogOutDocument);
  const orgMatch = useMatch('/organizations/:organizationId/*');
  const { pathname } = useLocation();

  useEffect(() => {
    if (me) adopt(me.user.id, fromApiLocale(me.user.locale));
  }, [me, adopt]);

  const value = useMemo<Workspace | null>(() => {
    if (!me) return null;
    const byId = new Map<string, WorkspaceOrganization>();
    for (const edge of clients.data?.organizations.edges ?? []) byId.set(edge.node.id, edge.node);
    for (const membership of me.organizations) byId.set(membership.organization.id, membership.organization);
    const organizations = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { me, agency, organizations, organization: (id) => byId.get(id), refresh: () => refreshClients() };
  }, [me, agency, clients.data, refreshClients]);

  if (workspace.error) {
    return (
      <Alert color="red" m="xl">
        {t('error.generic', { message: workspace.error.message })}
      </Alert>
    );
  }
  if (!value) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }

  const options = [
    ...(agency ? [{ value: AGENCY, label: t('nav.agency', { name: agency.name }) }] : []),
    ...value.organizations.map((o) => ({ value: o.id, label: o.name })),
  ];
  const signOut = async () => {
    await logOut({});
    endSession();
    navigate('/login', { replace: true });
  };

  const organizationId = orgMatch?.params.organizationId;
  const sections: { to: string; label: string }[] = organizationId
    ? [
        { to: `/organizations/${organizationId}/strategy`, label: t('strategy.nav') },
        { to: `/organizations/${organizationId}/community`, label: t('community.nav') },
        { to: `/organizations/${organizationId}/accounts`, label: t('accounts.nav') },
        { to: `/organizations/${organizationId}/policies`, label: t('policies.nav') },
        { to: `/organizations/${organizationId}/evaluation`, label: t('evaluation.nav') },
        { to: `/organizations/${organizationId}/content`, label: t('content.nav') },
        { to: `/organizations/${organizationId}/press-room`, label: t('press.nav') },
        { to: `/organizations/${organizationId}/members`, label: t('agency.nav.orgMembers') },
        { to: `/organizations/${organizationId}/settings`, label: t('settings.nav') },
        { to: `/organizations/${organizationId}/webhooks`, label: t('webhooks.nav') },
      ]
    : agency
      ? [
          { to: '/portfolio', label: t('portfolio.title') },
          { to: '/agency/members', label: t('agency.nav.members') },
          { to: '/agency/api-keys', label: t('agency.nav.apiKeys') },
          { to: '/agency/models', label: t('agency.nav.models') },
          { to: '/agency/webhooks', label: t('webhooks.nav') },
        ]
      : [];
  const sectionsLabel = organizationId
    ? t('nav.clientSections', { name: value.organization(organizationId)?.name ?? '' })
    : t('agency.nav.section');
  const isCurrent = (to: string) => pathname === to || pathname.startsWith(`${to}/`);

  return (
    <AppShell header={{ height: sections.length ? TOP_BAR + NAV_ROW : TOP_BAR }} padding="md">
      <AppShell.Header>
        <Group h={TOP_BAR} px="md" justify="space-between" wrap="nowrap">
          <Title order={3}>{t('app.name')}</Title>
          <Group wrap="nowrap">
            <Select
              aria-label={t('nav.organization')}
              data={options}
              value={organizationId ?? AGENCY}
              allowDeselect={false}
              w={280}
              onChange={(next) => navigate(next === AGENCY || !next ? '/portfolio' : `/organizations/${next}`)}
            />
            <SegmentedControl
              aria-label={t('nav.language')}
              value={locale}
              onChange={(next) => {
                choose(next as Locale);
                saveLocale(next as Locale);
              }}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Button variant="default" onClick={() => void signOut()}>
              {t('auth.logOut')}
            </Button>
          </Group>
        </Group>
        {sections.length > 0 && (
          <Box component="nav" aria-label={sectionsLabel} h={NAV_ROW} px="md" style={{ overflowX: 'auto' }}>
            <Group h="100%" gap="xs" wrap="nowrap">
              {sections.map((section) => {
                const current = isCurrent(section.to);
                return (
                  <Button
                    key={section.to}
                    component={Link}
                    to={section.to}
                    size="compact-md"
                    variant={current ? 'light' : 'subtle'}
                    aria-current={current ? 'page' : undefined}
                    style={{ flexShrink: 0 }}
                  >
                    {section.label}
                  </Button>
                );
              })}
            </Group>
          </Box>
        )}
      </AppShell.Header>
      <AppShell.Main>
        <Outlet context={value} />
      </AppShell.Main>
    </AppShell>
  );
}
