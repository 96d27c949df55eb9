import { WebhookEvents } from '@socle/platform-webhooks';
import type { ModulePart } from '@socle/platform-database';
import { Alerts1765000000200 } from '../migrations/1765000000200-alerts';
import { AlertsScheduler, EvaluateAlertsJob } from './alerts.jobs';
import { AlertsRepository } from './alerts.repository';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { CrisisPauseGateway } from './crisis-pause';

/**
 * Crisis alerts (seed 001: pause scheduled posts during a crisis): a spike of
 * negative mentions over the organisation's own baseline raises an alert with
 * the mentions behind it and proposes the content module's crisis pause.
 * Needs the listening part (it reads its mentions).
 */
export const ALERTS_PART: ModulePart = {
  entities: [],
  migrations: [Alerts1765000000200],
  providers: [AlertsRepository, AlertsService, AlertsScheduler, CrisisPauseGateway, WebhookEvents],
  resolvers: [AlertsResolver],
  workers: [EvaluateAlertsJob],
  exports: [AlertsService, AlertsScheduler],
};
