export * from './lib/errors';
export * from './lib/pagination';
export { depthLimitRule, aliasLimitRule, queryLimitsPlugin, QueryLimits, STANDARD_INTROSPECTION_DEPTH } from './lib/limits';
export { validationPipe, SocleValidationPipe } from './lib/validation';
export { JSONObjectScalar, JsonValueError } from './lib/json.scalar';
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
