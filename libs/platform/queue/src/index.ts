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
  bullPrefix,
  Reconcilable,
  isReconcilable,
} from './lib/queue';
export { AccountRateLimiter, AccountRateWindow, AccountTakeResult, AccountTakeOptions } from './lib/account-rate-limiter';
