import { Anchor, Group, Tabs, Text, Title } from '@mantine/core';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { DocumentTab } from './DocumentTab';
import { AudiencesTab, BrandVoiceTab, CompetitorsTab, NetworksTab } from './ListsTabs';
import { ObjectivesTab } from './ObjectivesTab';
import { RoadmapTab } from './RoadmapTab';
import { TaskForceTab } from './TaskForceTab';
import { useOrganization, useStrategyPermissions } from './support';

/** The tabs, each at its own address (/organizations/:id/strategy/<tab>); the roadmap is where a client lands. */
const TABS = {
  roadmap: RoadmapTab,
  objectives: ObjectivesTab,
  audiences: AudiencesTab,
  networks: NetworksTab,
  competitors: CompetitorsTab,
  voice: BrandVoiceTab,
  'task-force': TaskForceTab,
  document: DocumentTab,
} as const;
type TabKey = keyof typeof TABS;
const isTab = (value: string | undefined): value is TabKey => value !== undefined && value in TABS;

/** A client's strategy: roadmap, objectives and KPIs, audiences, networks, competitors, voice, task force, document. */
export function StrategyPage() {
  const t = useT();
  const navigate = useNavigate();
  const { tab } = useParams();
  const { organizationId, organization } = useOrganization();
  const { manageStrategy } = useStrategyPermissions();
  const base = `/organizations/${organizationId}/strategy`;
  if (tab !== undefined && !isTab(tab)) return <Navigate to={base} replace />;
  const current: TabKey = tab ?? 'roadmap';
  const Current = TABS[current];
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <div>
          <Anchor component={Link} to={`/organizations/${organizationId}`} size="sm">
            {organization?.name ?? t('strategy.back')}
          </Anchor>
          <Title order={2}>{t('strategy.title')}</Title>
        </div>
        {!manageStrategy && (
          <Text size="sm" c="gray.7" data-testid="read-only">
            {t('strategy.readOnly')}
          </Text>
        )}
      </Group>
      <Tabs value={current} onChange={(next) => next && navigate(next === 'roadmap' ? base : `${base}/${next}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {(Object.keys(TABS) as TabKey[]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`strategy.tab.${key}` as MessageKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={current}>
          <Current />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
