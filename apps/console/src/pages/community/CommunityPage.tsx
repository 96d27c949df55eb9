import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/locale';
import { Charts } from './Charts';
import { Inbox } from './Inbox';
import { Influencers } from './Influencers';
import { ListeningQueries } from './ListeningQueries';
import { Mentions } from './Mentions';
import { useClientOrganization } from './shared';

const TABS = ['inbox', 'mentions', 'charts', 'influencers', 'queries'] as const;
type Tab = (typeof TABS)[number];

/** A client's community work: the inbox, what listening found, its charts, who speaks, and the queries behind it. */
export function CommunityPage() {
  const t = useT();
  const { name } = useClientOrganization();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'inbox';
  return (
    <Stack>
      <Title order={2}>{t('community.title', { name })}</Title>
      <Tabs value={tab} onChange={(next) => next && setParams({ tab: next }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`community.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="inbox" pt="md">
          <Inbox />
        </Tabs.Panel>
        <Tabs.Panel value="mentions" pt="md">
          <Mentions />
        </Tabs.Panel>
        <Tabs.Panel value="charts" pt="md">
          <Charts />
        </Tabs.Panel>
        <Tabs.Panel value="influencers" pt="md">
          <Influencers />
        </Tabs.Panel>
        <Tabs.Panel value="queries" pt="md">
          <ListeningQueries />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
