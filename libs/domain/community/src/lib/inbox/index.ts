export { INBOX_PART } from './inbox.part';
export { InboxService, ReplyOutcome } from './inbox.service';
export { InboxRepository } from './inbox.repository';
export {
  EscalateInboxJob,
  FetchInboxJob,
  InboxScheduler,
  SendInboxReplyJob,
  SendInboxReplyPayload,
  INBOX_QUEUE,
  FETCH_INBOX_JOB,
  ESCALATE_INBOX_JOB,
  SEND_INBOX_REPLY_JOB,
} from './inbox.jobs';
export { inboxEvidenceProvider, responseTimeEvidence, RESPONSE_TIME_KEY } from './inbox-evidence';
export {
  INBOX_STATUSES,
  INBOX_TRANSITIONS,
  InboxStatus,
  InboxItem,
  InboxNote,
  InboxReply,
  INBOX_ALREADY_ANSWERED,
  INBOX_CANNOT_REPLY,
  INBOX_ITEM_CHANGED,
  INBOX_ITEM_CLOSED,
  INBOX_TRANSITION_NOT_ALLOWED,
} from './inbox.types';
export { classifySeverity, ESCALATION_WORDS, SEVERITY_REASONS, SeverityClassification, SeveritySignals } from './severity';
