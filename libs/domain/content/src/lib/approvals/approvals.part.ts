import { WebhookEvents } from '@socle/platform-webhooks';
import { OrganizationRepository } from '@socle/accounts';
import { MailOutbox } from '@socle/platform-mail';
import type { ContentPart } from '../content-part';
import { Approvals1764800000100 } from '../migrations/1764800000100-approvals';
import { ApprovalLinkController } from './approval-link.controller';
import { ApprovalLinks } from './approval-links';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsResolver } from './approvals.resolver';
import { ApprovalsService } from './approvals.service';

export const APPROVALS_PART: ContentPart = {
  entities: [],
  migrations: [Approvals1764800000100],
  providers: [ApprovalsRepository, ApprovalLinks, ApprovalsService, MailOutbox, OrganizationRepository, WebhookEvents],
  resolvers: [ApprovalsResolver],
  controllers: [ApprovalLinkController],
  workers: [],
  exports: [ApprovalsService],
};
