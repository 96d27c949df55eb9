export * from './lib/errors';
export * from './lib/pagination';
export { derivedId } from './lib/derived-id';
export { depthLimitRule, aliasLimitRule, queryLimitsPlugin, QueryLimits, STANDARD_INTROSPECTION_DEPTH } from './lib/limits';
export { validationPipe, SocleValidationPipe } from './lib/validation';
export { JSONObjectScalar, JsonValueError } from './lib/json.scalar';
export { DateScalar, YearMonthScalar, LocalTimeScalar, DateTimeScalar, DATE_SCALARS } from './lib/date-scalars';
export { InputValueError, literalPathOf, literalPathRule } from './lib/input-value-error';
export {
  INPUT_LIMITS,
  jsonLiteralRule,
  textProblem,
  textProblems,
  jsonValueProblem,
  tooDeepAt,
  documentNesting,
  checkRequestShape,
  GraphQLRequestShape,
} from './lib/input-limits';
export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_HOURS,
  IDEMPOTENT_REPLAY_HEADER,
  IdempotencyClaim,
  IdempotencyScope,
  claimIdempotencyKey,
  readIdempotencyKey,
  recordIdempotentAnswer,
  requestFingerprint,
} from './lib/idempotency';
import { IdempotencyKeys1765000002700 } from './lib/migrations/1765000002700-idempotency-keys';
/** The idempotency keys' table; run after the accounts migrations (it refers to agencies and organizations). */
export const GRAPHQL_MIGRATIONS = [IdempotencyKeys1765000002700];
