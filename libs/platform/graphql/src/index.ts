export * from './lib/errors';
export * from './lib/pagination';
export { depthLimitRule, aliasLimitRule, queryLimitsPlugin, QueryLimits } from './lib/limits';
export { validationPipe, SocleValidationPipe } from './lib/validation';
export { JSONObjectScalar } from './lib/json.scalar';
