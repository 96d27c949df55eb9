import { AccountRateLimiter } from '@socle/platform-queue';
import { WebhookEvents } from '@socle/platform-webhooks';
import type { ContentPart } from '../content-part';
import { Publishing1764800000300 } from '../migrations/1764800000300-publishing';
import { PublishingDispatch1765000000500 } from '../migrations/1765000000500-publishing-dispatch';
import { DropPublicationsDue1765000001400 } from '../migrations/1765000001400-drop-publications-due';
import { PublicationUpload1765000003200 } from '../migrations/1765000003200-publication-upload';
import { LinkTracking1765000000910 } from '../migrations/1765000000910-link-tracking';
import { LongForm1765000003900 } from '../migrations/1765000003900-long-form';
import { AttemptsOrganizationKey1765000004300 } from '../migrations/1765000004300-attempts-organization-key';
import { HotStatusMoves1765000004400 } from '../migrations/1765000004400-hot-status-moves';
import { SweepWaitingWakeUps1765000004600 } from '../migrations/1765000004600-sweep-waiting-wake-ups';
import { SweepIndexScans1765000004700 } from '../migrations/1765000004700-sweep-index-scans';
import { LinkTrackingResolver } from './link-tracking.resolver';
import { PublicationRepository } from './publication.repository';
import { PublicationSweeper } from './publication-sweeper';
import { PublicationWakeups } from './publication-wakeups';
import { PublishPublicationJob } from './publish-publication.job';
import { PublishingResolver } from './publishing.resolver';
import { PublishingService } from './publishing.service';

/**
 * Publishing: scheduling, the worker that publishes (claim with a lease, call
 * with no transaction open, record), the sweeper and the crisis pause. Needs
 * `CONTENT_PUBLISHER` (implemented by the community module) and `NETWORK_TARGETS`.
 */
export const PUBLISHING_PART: ContentPart = {
  entities: [],
  migrations: [
    Publishing1764800000300,
    PublishingDispatch1765000000500,
    LinkTracking1765000000910,
    DropPublicationsDue1765000001400,
    PublicationUpload1765000003200,
    LongForm1765000003900,
    AttemptsOrganizationKey1765000004300,
    HotStatusMoves1765000004400,
    SweepWaitingWakeUps1765000004600,
    SweepIndexScans1765000004700,
  ],
  providers: [PublicationRepository, PublicationWakeups, PublishingService, WebhookEvents],
  resolvers: [PublishingResolver, LinkTrackingResolver],
  workers: [AccountRateLimiter, PublishPublicationJob, PublicationSweeper, WebhookEvents],
  exports: [PublishingService],
};
