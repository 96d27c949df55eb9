import { WebhookEvents } from '@socle/platform-webhooks';
import { CommentRulesService } from '@socle/policies';
import type { ModulePart } from '@socle/platform-database';
import { Inbox1764900000100 } from '../migrations/1764900000100-inbox';
import { InboxSeverity1765000001300 } from '../migrations/1765000001300-inbox-severity';
import { InboxReplyLease1765000004500 } from '../migrations/1765000004500-inbox-reply-lease';
import { EscalateInboxJob, FetchInboxJob, InboxScheduler, SendInboxReplyJob } from './inbox.jobs';
import { InboxRepository } from './inbox.repository';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';

/**
 * The social inbox (seed 002 step 9, the comment-handling policy): comments on
 * the organisation's published posts become items to answer within the rules'
 * delay; replies go out once; items past due are escalated.
 */
export const INBOX_PART: ModulePart = {
  entities: [],
  migrations: [Inbox1764900000100, InboxSeverity1765000001300, InboxReplyLease1765000004500],
  providers: [InboxRepository, InboxService, InboxScheduler, CommentRulesService, WebhookEvents],
  resolvers: [InboxResolver],
  workers: [FetchInboxJob, EscalateInboxJob, SendInboxReplyJob],
  exports: [InboxService, InboxScheduler],
};
