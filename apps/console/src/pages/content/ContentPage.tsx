import { Alert, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { inOrganization } from '../../client';
import { useWorkspace } from '../../components/workspace';
import { useT } from '../../i18n/locale';
import { ApprovalQueue } from './ApprovalQueue';
import { CalendarView } from './CalendarView';
import { CrisisPausePanel } from './CrisisPausePanel';
import { ItemEditor } from './ItemEditor';
import { ItemList } from './ItemList';
import { MediaLibrary } from './MediaPicker';
import { ContentOrganizationDocument } from './operations';
import { ContentScopeProvider } from './scope';
import { SuggestionBox } from './SuggestionBox';

export { useContentScope, type ContentScope } from './scope';

const TABS = ['calendar', 'items', 'approvals', 'crisis', 'ideas', 'media'] as const;

/** A client's content: calendar, items and their editor, approvals, crisis pause, suggestion box, media library. */
export function ContentPage() {
  const t = useT();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const { organizationId = '', '*': rest = '' } = useParams();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [organization] = useQuery({ query: ContentOrganizationDocument, context });
  const timeZone = organization.data?.organization?.timezone;
  const base = `/organizations/${organizationId}/content`;
  const scope = useMemo(() => (timeZone ? { organizationId, timeZone, context, base } : null), [organizationId, timeZone, context, base]);
  const first = rest.split('/')[0];
  const tab = (TABS as readonly string[]).includes(first) ? first : 'calendar';

  return (
    <Stack>
      <div>
        <Title order={2}>
          {t('content.title', { name: organization.data?.organization?.name ?? workspace.organization(organizationId)?.name ?? '' })}
        </Title>
        {timeZone && <Text c="dimmed">{t('content.timeZone', { zone: timeZone })}</Text>}
      </div>
      {organization.error && <Alert color="red">{t('error.generic', { message: organization.error.message })}</Alert>}
      {organization.fetching && !scope && <Loader />}
      {scope && (
        <ContentScopeProvider value={scope}>
          <Tabs value={tab} onChange={(next) => next && navigate(next === 'calendar' ? base : `${base}/${next}`)} keepMounted={false}>
            <Tabs.List>
              {TABS.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`content.tab.${name}` as const)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Routes>
            <Route index element={<CalendarView />} />
            <Route path="calendar" element={<CalendarView />} />
            <Route path="items" element={<ItemList />} />
            <Route path="items/new" element={<ItemEditor key="new" itemId={null} />} />
            <Route path="items/:itemId" element={<EditorRoute />} />
            <Route path="approvals" element={<ApprovalQueue />} />
            <Route path="crisis" element={<CrisisPausePanel />} />
            <Route path="ideas" element={<SuggestionBox />} />
            <Route path="media" element={<MediaLibrary />} />
          </Routes>
        </ContentScopeProvider>
      )}
    </Stack>
  );
}

function EditorRoute() {
  const { itemId = '' } = useParams();
  return <ItemEditor key={itemId} itemId={itemId} />;
}
