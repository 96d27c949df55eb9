export {
  REDIS,
  QUEUE_OPTIONS,
  QueueModule,
  QueueOptions,
  JobQueues,
  JobHandler,
  JOB_HANDLERS,
  TenantJobPayload,
  assertTenantPayload,
  UserJobPayload,
  AgencyJobPayload,
  JobPayload,
  assertJobPayload,
  bullPrefix,
  Reconcilable,
  isReconcilable,
} from './lib/queue';
export { AccountRateLimiter, AccountRateWindow, AccountTakeResult, AccountTakeOptions } from './lib/account-rate-limiter';
export { LiveEvents, LiveEvent, LiveEventDraft, LiveFieldValue, LiveEventsOverflow, LIVE_EVENTS_MAX_WAITING } from './lib/live-events';
export {
  RedisClient,
  RedisTarget,
  RedisPurpose,
  createRedis,
  duplicateFor,
  redisTargetOf,
  parseClusterNodes,
  isCluster,
  keyHolders,
  scanKeys,
  deleteKeys,
} from './lib/redis';
