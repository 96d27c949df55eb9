export * from './lib/secrets';
export * from './lib/api-key-format';
export * from './lib/permissions';
export * from './lib/request-context';
export * from './lib/access.decorator';
export * from './lib/tenant-access';
export { AccessGuard, requestStateOf } from './lib/access.guard';
export { OrgCtx, AgencyCtx, UserCtx, RequestStateParam } from './lib/context.decorators';
export { RateLimiter, RateLimitResult, RATE_LIMITER } from './lib/rate-limiter';
