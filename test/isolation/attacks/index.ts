import type { AttackModule } from './attack-module';
import { accountsAttacks } from './accounts';
import { communityAttacks } from './community';
import { contentApprovalsAttacks } from './content-approvals';
import { contentCalendarAttacks } from './content-calendar';
import { contentItemsAttacks } from './content-items';
import { contentMediaAttacks } from './content-media';
import { contentPublishingAttacks } from './content-publishing';
import { evaluationAttacks } from './evaluation';
import { inboxAttacks } from './inbox';
import { invitationsAttacks } from './invitations.attacks';
import { listeningAttacks } from './listening';
import { liveScoreHistoryAttacks } from './live-score-history.attacks';
import { mentionAnalyticsAttacks } from './mention-analytics';
import { mentionAuthorsAttacks } from './mention-authors';
import { alertsAttacks } from './alerts';
import { metricsAttacks } from './metrics';
import { kpiProgressAttacks } from './kpi-progress';
import { communityReportAttacks } from './community-report';
import { kpiValuesAttacks, linkTrackingAttacks } from './kpi-values.attacks';
import { inboxSeverityAttacks } from './inbox-severity.attacks';
import { governanceAttacks } from './governance.attacks';
import { policyAcknowledgementsAttacks } from './policy-acknowledgements.attacks';
import { crisisCellCalendarAttacks } from './crisis-cell-calendar';
import { policiesAttacks } from './policies';
import { portfolioAttacks } from './portfolio';
import { pressRoomAttacks } from './press-room.attacks';
import { strategyAttacks } from './strategy';
import { webhooksAttacks } from './webhooks.attacks';

export * from './attack-module';

/** Every module's attacks; a module that adds operations to the schema adds its file here. */
export const ATTACK_MODULES: AttackModule[] = [
  accountsAttacks,
  communityAttacks,
  portfolioAttacks,
  strategyAttacks,
  policiesAttacks,
  evaluationAttacks,
  contentItemsAttacks,
  contentApprovalsAttacks,
  contentMediaAttacks,
  contentPublishingAttacks,
  contentCalendarAttacks,
  listeningAttacks,
  inboxAttacks,
  mentionAnalyticsAttacks,
  mentionAuthorsAttacks,
  alertsAttacks,
  metricsAttacks,
  kpiProgressAttacks,
  communityReportAttacks,
  kpiValuesAttacks,
  linkTrackingAttacks,
  inboxSeverityAttacks,
  governanceAttacks,
  policyAcknowledgementsAttacks,
  crisisCellCalendarAttacks,
  liveScoreHistoryAttacks,
  invitationsAttacks,
  webhooksAttacks,
  pressRoomAttacks,
];
