export {
  CONTENT_PUBLISHER,
  ContentPublisher,
  PreparedAccount,
  PublisherCtx,
  PublishFailure,
  PublishFailureKind,
} from './content-publisher';
export { PUBLICATION_STATUSES, PublicationStatus, PublicationEntity, PublicationUpload, idempotencyKeyOf } from './publication.entity';
export { PublishingService, PUBLISHING_REASONS } from './publishing.service';
export { CrisisPauseListener, CrisisPauseStarted } from './crisis-pause-listener';
export {
  PublishPublicationJob,
  PublishResult,
  DispatchSummary,
  DISPATCH_BATCH_SIZE,
  DISPATCH_LANES,
  leaseMsOf,
} from './publish-publication.job';
export { PublicationSweeper } from './publication-sweeper';
export { Budget } from './budget';
export {
  PUBLISHING_QUEUE,
  PUBLISH_PUBLICATION_JOB,
  PublishPublicationPayload,
  PublicationWakeups,
  wakeUpJobId,
} from './publication-wakeups';
export { decideAfterFailure, backoffMs, DEFAULT_RETRY_POLICY, RetryPolicy } from './publication-outcome';
export { ReconnectRelease } from './reconnect-release';
export { PublicationRepository, PublishedPiece } from './publication.repository';
export { slugOf } from './utm';
